import Foundation

/// A console for replaying a submission: output is captured (and kept small), and interactive
/// commands read their answers from the submission's next lines, exactly as `kmsdrill run FILE`
/// does.
final class ReplayConsole: Console {
    private let input: LineSource
    private(set) var stdout = ""
    private(set) var stderr = ""
    let isInteractive = false
    let width = 100
    let color = false
    /// Output beyond this many characters is dropped: a replay only needs errors and short results.
    let limit = 200_000

    init(input: LineSource) { self.input = input }

    func out(_ text: String) { if stdout.count < limit { stdout += text } }
    func err(_ text: String) { if stderr.count < limit { stderr += text } }
    func readLine(prompt: String) -> String? { input.nextLine() }

    func reset() {
        stdout = ""
        stderr = ""
    }
}

/// Replays a transcript line by line through a runner, the way `BatchRunner` runs a script, and
/// notes what each command did.
struct TranscriptReplay {
    /// The most commands one submission may run.
    static let commandLimit = 5000

    struct Step {
        let line: String
        let status: Int32
        let error: String?
    }

    struct TooLong: Error {}

    /// Runs every command of `text` in `runner`; the steps, in order. Throws `TooLong` past the limit.
    static func run(_ text: String, runner: CommandRunner, hidePath: String) throws -> [Step] {
        let lines = TextLines(text)
        let console = ReplayConsole(input: lines)
        var steps: [Step] = []
        while !runner.exitRequested, let line = BatchRunner.nextCommand(from: lines) {
            if steps.count >= commandLimit { throw TooLong() }
            console.reset()
            let status = runner.run(line, console: console)
            var error: String?
            if status != ExitStatus.success {
                let summary = LineResult(status: status, stdout: console.stdout, stderr: console.stderr).errorSummary
                error = summary.replacingOccurrences(of: hidePath, with: "<sandbox>")
            }
            // The log shows the line as the history would keep it: inline secrets redacted.
            let shown = runner.grammar.redactingSecrets(line) ?? "(a line with an unterminated quote)"
            steps.append(Step(line: shown, status: status, error: error))
        }
        return steps
    }

    /// The log lines of a replay: every command with its exit status, and the error of each failure.
    static func log(_ steps: [Step]) -> [String] {
        var out = ["\(steps.count) command\(steps.count == 1 ? "" : "s") replayed, \(steps.filter { $0.status != 0 }.count) failed"]
        for (index, step) in steps.enumerated() {
            let shown = step.line.count > 160 ? String(step.line.prefix(157)) + "..." : step.line
            var entry = "\(index + 1): \(shown.replacingOccurrences(of: "\n", with: " ")) -> \(step.status)"
            if let error = step.error { entry += " (\(error))" }
            out.append(entry)
        }
        return out
    }
}
