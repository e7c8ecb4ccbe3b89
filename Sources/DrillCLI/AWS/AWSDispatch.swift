import CLIGrammar
import CloudSim
import Foundation
import JMESPath
import KMSEngine
import Wire

/// Runs an AWS CLI command against the simulated service and prints what the AWS CLI prints.
struct AWSDispatch {
    let runner: CommandRunner

    func run(_ invocation: AWSInvocation, console: Console) -> Int32 {
        if case .inputSkeleton(let text) = invocation.mode {
            console.out(text.hasSuffix("\n") ? text : text + "\n")
            return ExitStatus.success
        }
        guard let service = runner.workbench.services.service(invocation.service.service) else {
            console.err("kmsdrill: the \(invocation.serviceCommand) service is not simulated yet\n")
            return ExitStatus.other
        }
        let context: RequestContext
        do {
            context = try runner.requestContext(profile: invocation.globals.profile, region: invocation.globals.region)
        } catch let e as DrillError {
            console.err("\n\(e.message)\n")
            return e.status
        } catch {
            console.err("kmsdrill: \(error)\n")
            return ExitStatus.other
        }
        do {
            let folder = WorkingFolder(runner.workbench.home)
            let response = try invocation.perform { request in
                var output = try service.call(invocation.operation.name,
                                              input: S3Customizations.prepare(request, service: invocation.service.service),
                                              context: context)
                // `s3api get-object ... OUTFILE`: the streamed member goes to the file, not the screen.
                if let (path, member) = invocation.outfile, case .object(var o) = output {
                    let bytes = o[member]?.stringValue.flatMap { Data(base64Encoded: $0) } ?? Data()
                    try folder.write(bytes, to: path)
                    o[member] = nil
                    output = .object(o)
                }
                return output
            }
            let renderer = OutputRenderer(query: { try JMESPathExpression($0).search($1) }, terminalWidth: console.width,
                                          autoColor: console.color)
            console.out(try renderer.render(response, for: invocation))
            return ExitStatus.success
        } catch let e as AWSServiceError {
            console.err(Self.errorText(e, operation: invocation.operation.name))
            if e.code == "InvalidCiphertextException", let hint = CiphertextHint.text(for: invocation) { console.err(hint) }
            return ExitStatus.serviceError
        } catch let e as JMESPathError {
            console.err("\nBad value for --query \(invocation.globals.query ?? ""): \(e)\n")
            return ExitStatus.usage
        } catch let e as CLIError {
            console.err(e.rendered)
            return e.exitStatus
        } catch {
            console.err("\n\(error)\n")
            return ExitStatus.other
        }
    }

    /// The AWS CLI's line for a service error (it starts with a blank line).
    static func errorText(_ e: AWSServiceError, operation: String) -> String {
        "\nAn error occurred (\(e.code)) when calling the \(operation) operation: \(e.message)\n"
    }
}
