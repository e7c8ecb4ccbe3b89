import Foundation

/// A command transcript: what a learner typed in a lab (or a reference solution), one command per
/// line, `#` comments, as `kmsdrill run FILE` reads it. Replaying one is the grader's business;
/// this type reads what can be read without running anything.
public struct LabTranscript: Sendable, Hashable {
    public let text: String

    public init(_ text: String) { self.text = text }

    /// The lines that are neither blank nor comments, trimmed.
    public var commands: [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// The lab a transcript says it belongs to (`# lab: ID`), if it says so.
    public var declaredLab: String? { header("lab") }

    /// The learner a transcript says it is from (`# learner: NAME`).
    public var declaredLearner: String? { header("learner") }

    private func header(_ name: String) -> String? {
        for line in text.split(separator: "\n").prefix(20) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("#") else { continue }
            let body = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
            if body.hasPrefix(name + ":") {
                let value = body.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    /// A transcript file for `lines`, with the header the grader reads.
    public static func render(lab: String, learner: String, lines: [String]) -> String {
        var out = "# kmsdrill lab transcript\n# lab: \(lab)\n# learner: \(learner)\n"
        for line in lines { out += line + "\n" }
        return out
    }
}

/// Why a submitted file cannot be graded at all. Anything else is graded, however wrong.
public enum SubmissionProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(String)
    case notText
    case binary
    case tooLarge(bytes: Int, limit: Int)
    case wrongLab(declared: String, expected: String)

    public var description: String {
        switch self {
        case .unreadable(let why): return "cannot be read: \(why)"
        case .notText: return "is not UTF-8 text; submit the transcript as a text file"
        case .binary: return "holds binary data (NUL bytes); submit the transcript as a text file"
        case .tooLarge(let bytes, let limit): return "is \(bytes) bytes, more than the \(limit)-byte limit for a submission"
        case .wrongLab(let declared, let expected): return "is a transcript of lab '\(declared)', not of '\(expected)'"
        }
    }
}

/// Reading a submitted file as text, refusing what cannot be a transcript.
public enum Submission {
    /// The largest submission graded (1 MiB): far more than any lab needs.
    public static let sizeLimit = 1 << 20

    /// The text of `data`, or why it is not a submission.
    public static func text(of data: Data) -> Result<String, SubmissionProblem> {
        if data.count > sizeLimit { return .failure(.tooLarge(bytes: data.count, limit: sizeLimit)) }
        if data.contains(0) { return .failure(.binary) }
        guard let text = String(data: data, encoding: .utf8) else { return .failure(.notText) }
        return .success(text)
    }

    /// The learner a submission file stands for: its name without the extension.
    public static func learnerName(forFile name: String) -> String {
        let base = (name as NSString).lastPathComponent
        let stem = (base as NSString).deletingPathExtension
        return stem.isEmpty ? base : stem
    }
}
