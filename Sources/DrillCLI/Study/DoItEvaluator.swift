import Foundation
import StudyKit
import Wire

/// Reads a do-it question's expected answer from the learner's sandbox: runs `answer.command` with
/// `--query answer.query --output json` through the same command runner, as the administrator
/// profile, so the answer depends on what the learner did and not on who they are acting as.
///
/// `{key-id:alias/NAME}` in a command stands for the key ID that alias points to (rotation
/// operations take a key ID, not an alias); it is resolved first with `kms describe-key`.
struct DoItEvaluator {
    let runner: CommandRunner

    /// The profile the answer is read as.
    static let profile = "default"

    /// Why the answer could not be read, in words the learner can act on.
    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// The value the engine holds for `spec`.
    func expected(for spec: DoItAnswerSpec) -> Result<JSONValue, Unavailable> {
        let command: String
        switch resolvePlaceholders(spec.command) {
        case .success(let resolved): command = resolved
        case .failure(let problem): return .failure(problem)
        }
        let line = "\(command) --query \(ShellQuote.quote(spec.query)) --output json --profile \(Self.profile)"
        let capture = BufferConsole(answers: [], width: 200)
        let status = runner.run(line, console: capture)
        guard status == ExitStatus.success else {
            return .failure(Unavailable(description: Self.firstLine(capture.stderr) ?? "'\(spec.command)' failed with status \(status)"))
        }
        do {
            return .success(try JSONParser.parse(capture.stdout))
        } catch {
            return .failure(Unavailable(description: "'\(spec.command)' did not print JSON: \(error)"))
        }
    }

    /// Whether the service the command calls is simulated in this build (do-it questions on
    /// services still to come are left out of quizzes rather than shown unanswerable).
    func isAnswerable(_ spec: DoItAnswerSpec) -> Bool {
        guard let service = spec.command.split(separator: " ").first.map(String.init) else { return false }
        return runner.workbench.services.service(service) != nil
    }

    /// The command with every `{key-id:alias/NAME}` replaced by that alias's key ID.
    func resolvePlaceholders(_ command: String) -> Result<String, Unavailable> {
        var result = command
        while let open = result.range(of: "{key-id:"), let close = result[open.upperBound...].firstIndex(of: "}") {
            let alias = String(result[open.upperBound..<close])
            guard alias.hasPrefix("alias/"), alias.count > 6 else {
                return .failure(Unavailable(description: "the question's command has a bad placeholder {key-id:\(alias)}; it must name an alias, like {key-id:alias/app}"))
            }
            let capture = BufferConsole(answers: [], width: 200)
            let status = runner.run("kms describe-key --key-id \(ShellQuote.quote(alias)) --query KeyMetadata.KeyId --output text --profile \(Self.profile)",
                                    console: capture)
            let keyID = capture.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            guard status == ExitStatus.success, !keyID.isEmpty else {
                return .failure(Unavailable(description: "\(alias) does not exist in your sandbox yet"))
            }
            result.replaceSubrange(open.lowerBound...close, with: keyID)
        }
        return .success(result)
    }

    static func firstLine(_ text: String) -> String? {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
    }
}
