// kmsdrill: the executable only wires the libraries together (see ARCHITECTURE.md).
import DrillCLI
import Foundation

let status = Launcher.main(arguments: Array(CommandLine.arguments.dropFirst()),
                           environment: ProcessInfo.processInfo.environment,
                           executable: CommandLine.arguments.first ?? "kmsdrill")
exit(status)
