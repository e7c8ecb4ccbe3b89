import CLIGrammar
import Foundation

/// The command line of the `kmsdrill` program itself: options, then a REPL, a batch run, a
/// script, or one command.
public enum Launcher {
    static let version = "kmsdrill 1.0.0"

    static let usage = """
        usage: kmsdrill [options]                 the REPL on a terminal; commands from stdin otherwise
               kmsdrill [options] -c 'COMMAND'    run one command (repeat -c for more)
               kmsdrill [options] run FILE        run a script
               kmsdrill [options] COMMAND...      run one command given as words (kmsdrill kms list-keys)

        options:
          --home DIR        where kmsdrill keeps its database, keys, history and files
                            (default: $KMSDRILL_HOME or ~/.kmsdrill)
          --profile NAME    act as this profile (default: default, the administrator)
          --region REGION   AWS Region (default: us-east-1)
          --content DIR     the course content folder (default: the installed course)
          --learner NAME    whose progress to record (default: default)
          --bail            stop at the first command that fails
          --no-color        never use colour (also: NO_COLOR set)
          --version, --help

        """

    struct Options {
        var home: String?
        var profile: String?
        var region: String?
        var content: String?
        var learner: String?
        var bail = false
        var noColor = false
        var commands: [String] = []
        var script: String?
        var words: [String] = []
    }

    public static func main(arguments: [String], environment: [String: String], executable: String) -> Int32 {
        var options = Options()
        var i = 0
        func value(_ name: String) -> String? {
            i += 1
            guard i < arguments.count else {
                FileHandle.standardError.write(Data("kmsdrill: \(name) needs a value\n\n\(usage)".utf8))
                return nil
            }
            return arguments[i]
        }
        while i < arguments.count {
            let a = arguments[i]
            switch a {
            case "--home": guard let v = value(a) else { return ExitStatus.usage }; options.home = v
            case "--profile": guard let v = value(a) else { return ExitStatus.usage }; options.profile = v
            case "--region": guard let v = value(a) else { return ExitStatus.usage }; options.region = v
            case "--content": guard let v = value(a) else { return ExitStatus.usage }; options.content = v
            case "--learner": guard let v = value(a) else { return ExitStatus.usage }; options.learner = v
            case "-c", "--command": guard let v = value(a) else { return ExitStatus.usage }; options.commands.append(v)
            case "--bail": options.bail = true
            case "--no-color": options.noColor = true
            case "--version":
                print(version)
                return ExitStatus.success
            case "--help", "-h":
                print(usage, terminator: "")
                return ExitStatus.success
            case "run" where options.words.isEmpty && options.commands.isEmpty:
                guard let v = value(a) else { return ExitStatus.usage }
                options.script = v
            default:
                // The rest is one command given as words.
                options.words = Array(arguments[i...])
                i = arguments.count
                continue
            }
            i += 1
        }
        return run(options, environment: environment, executable: executable)
    }

    static func run(_ options: Options, environment: [String: String], executable: String) -> Int32 {
        let home = HomeFolder.resolve(option: options.home, environment: environment)
        let workbench: Workbench
        do {
            workbench = try Workbench(home: home)
        } catch {
            FileHandle.standardError.write(Data("kmsdrill: \(error)\n".utf8))
            return ExitStatus.other
        }
        var session = Session()
        if let p = options.profile { session.profile = p }
        if let r = options.region { session.region = r }
        if let l = options.learner { session.learner = l }
        let runner = CommandRunner(workbench: workbench, session: session,
                                   contentPath: ContentLocation.resolve(option: options.content, environment: environment,
                                                                        executable: executable))
        let stdinIsTerminal = isatty(STDIN_FILENO) == 1
        let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
        let color = stdoutIsTerminal && !options.noColor && environment["NO_COLOR"] == nil
        let width = TerminalSize.columns() ?? 80

        if !options.commands.isEmpty || !options.words.isEmpty || options.script != nil {
            let batch = BatchRunner(runner: runner, bail: options.bail)
            if let script = options.script {
                guard let data = FileManager.default.contents(atPath: script) else {
                    FileHandle.standardError.write(Data("kmsdrill: cannot read the script \(script)\n".utf8))
                    return ExitStatus.other
                }
                // Interactive commands in a script read their answers from the script's next lines.
                let lines = TextLines(String(decoding: data, as: UTF8.self))
                let console = StandardConsole(input: lines, isInteractive: false, width: width, color: color)
                return batch.run(lines, console: console)
            }
            let console = StandardConsole(input: StandardInputLines(), isInteractive: false, width: width, color: color)
            if !options.words.isEmpty {
                return batch.run(commands: [options.words.map(ShellQuote.quote).joined(separator: " ")], console: console)
            }
            return batch.run(commands: options.commands, console: console)
        }
        if stdinIsTerminal {
            return REPL(runner: runner, color: color).run()
        }
        let lines = StandardInputLines()
        let console = StandardConsole(input: lines, isInteractive: false, width: width, color: color)
        return BatchRunner(runner: runner, bail: options.bail).run(lines, console: console)
    }
}

/// Quoting words back into one command line (for `kmsdrill kms list-keys ...`).
enum ShellQuote {
    static func quote(_ word: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=,@%+")
        if !word.isEmpty, word.allSatisfy({ safe.contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// The terminal's width, when there is a terminal.
enum TerminalSize {
    static func columns() -> Int? {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(c), n > 0 { return n }
        return nil
    }
}
