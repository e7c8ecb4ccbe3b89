import Foundation
import StudyKit

/// How a check came out before it is worded for the learner.
enum Verdict {
    case pass
    /// The state is there but wrong.
    case mismatch(actual: String, detail: String)
    /// A command it needs failed, or what it reads is missing.
    case couldNotRun(String)

    func outcome(for check: LabCheck) -> LabCheckOutcome {
        switch self {
        case .pass:
            return LabCheckOutcome(check: check, passed: true, reason: nil, detail: nil)
        case .mismatch(let actual, let detail):
            let reason = check.fail.map { Self.fill($0, actual: actual, error: detail, check: check) } ?? Self.sentence(detail)
            return LabCheckOutcome(check: check, passed: false, reason: reason, detail: detail)
        case .couldNotRun(let why):
            let template = check.missing ?? check.fail
            let reason = template.map { Self.fill($0, actual: "nothing", error: why, check: check) } ?? "Not yet: \(why)."
            return LabCheckOutcome(check: check, passed: false, reason: reason, detail: why)
        }
    }

    /// The detail as a sentence: with a full stop (its first word may be a file or key name, so
    /// its case is left alone).
    static func sentence(_ text: String) -> String {
        text.hasSuffix(".") ? text : text + "."
    }

    /// A detail sentence ("It failed with ...") as part of another sentence ("(it failed with ...)").
    static func midSentence(_ text: String) -> String {
        let first = text.prefix { $0.isLetter }
        guard ["It", "Found", "The", "There", "Decryption"].contains(String(first)) else { return text }
        var out = text.hasSuffix(".") ? String(text.dropLast()) : text
        out.replaceSubrange(out.startIndex...out.startIndex, with: out.prefix(1).lowercased())
        return out
    }

    static func fill(_ template: String, actual: String, error: String, check: LabCheck) -> String {
        var expected = ""
        if case .command(let probe) = check.kind { expected = probe.expect.phrase }
        return template.replacingOccurrences(of: "{actual}", with: actual)
            .replacingOccurrences(of: "{error}", with: midSentence(error))
            .replacingOccurrences(of: "{expected}", with: expected)
    }
}
