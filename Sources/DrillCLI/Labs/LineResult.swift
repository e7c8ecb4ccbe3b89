import Foundation
import StudyKit
import Wire

/// What one command line did, captured.
struct LineResult {
    let status: Int32
    let stdout: String
    let stderr: String

    static func run(_ line: String, on runner: CommandRunner) -> LineResult {
        let console = BufferConsole()
        let status = runner.run(line, console: console)
        return LineResult(status: status, stdout: console.stdout, stderr: console.stderr)
    }

    var isJSON: Bool { (try? JSONParser.parse(stdout)) != nil }

    /// The output as JSON, or as text when it is not JSON.
    var value: JSONValue {
        if let json = try? JSONParser.parse(stdout) { return json }
        return .string(stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The AWS error code of a service error (`NotFoundException`).
    var errorCode: String? {
        guard let open = stderr.range(of: "An error occurred ("),
              let close = stderr[open.upperBound...].firstIndex(of: ")") else { return nil }
        return String(stderr[open.upperBound..<close])
    }

    /// The error in a few words: its code, or the first line of what was printed.
    var errorSummary: String {
        if let code = errorCode { return code }
        // The AWS CLI's words for a missing paramfile, in the learner's terms.
        if let range = stderr.range(of: "No such file or directory: '"), let end = stderr[range.upperBound...].firstIndex(of: "'") {
            return "there is no file \(stderr[range.upperBound..<end]) in the working folder"
        }
        let line = stderr.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return line.map { String($0).replacingOccurrences(of: "kmsdrill: ", with: "") } ?? "exit status \(status)"
    }
}

extension AuditPredicate {
    /// Whether two error codes name the same error (CloudTrail's AccessDenied is AccessDeniedException).
    static func sameError(_ a: String, _ b: String) -> Bool {
        func normal(_ s: String) -> String { s == "AccessDeniedException" ? "AccessDenied" : s }
        return normal(a) == normal(b)
    }
}
