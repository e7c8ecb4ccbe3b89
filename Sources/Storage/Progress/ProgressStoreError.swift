/// Why the progress store refused a request, worded with the fix.
public enum ProgressStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownLearner(String, known: [String])
    case learnerExists(String)
    case invalidLearnerName(String)
    /// The learner's stored parameters cannot drive a schedule (the reason says why).
    case unusableParameters(learner: String, reason: String)
    case unknownSession(Int64)

    public var description: String {
        switch self {
        case .unknownLearner(let name, let known):
            let learners = known.isEmpty ? "no learners yet" : "learners: " + known.joined(separator: ", ")
            return "there is no learner '\(name)' in this home (\(learners)); add them with 'learner add \(name)'"
        case .learnerExists(let name):
            return "a learner '\(name)' already exists; switch to them with 'learner switch \(name)'"
        case .invalidLearnerName(let name):
            return "'\(name)' is not a valid learner name; use 1 to 32 letters, digits, '.', '_' or '-' (e.g. alice)"
        case .unusableParameters(let learner, let reason):
            return "the scheduler parameters of learner '\(learner)' cannot be used: \(reason)"
        case .unknownSession(let id):
            return "there is no study session \(id)"
        }
    }
}

/// The rule for learner names: short, and safe in file names, prompts and CSV.
public enum LearnerName {
    /// The learner every home starts with.
    public static let defaultName = "default"

    /// Whether `name` may name a learner: 1–32 ASCII letters, digits, `.`, `_` or `-`.
    public static func isValid(_ name: String) -> Bool {
        (1...32).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }
}
