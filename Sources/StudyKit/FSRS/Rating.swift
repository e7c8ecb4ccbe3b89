import Foundation

/// How well the learner recalled a card, on FSRS's four-point scale.
///
/// Raw values are FSRS's own (Again 1 … Easy 4) because the formulas use them as numbers.
public enum Rating: Int, Codable, Sendable, CaseIterable, Comparable {
    case again = 1
    case hard = 2
    case good = 3
    case easy = 4

    /// The rating as a number G for the formulas.
    var grade: Double { Double(rawValue) }

    /// Whether the rating counts as a successful recall (anything but Again).
    public var isRecall: Bool { self != .again }

    /// The name learners see and type: "again", "hard", "good", "easy".
    public var name: String {
        switch self {
        case .again: return "again"
        case .hard: return "hard"
        case .good: return "good"
        case .easy: return "easy"
        }
    }

    /// Parses a learner's own rating: a name ("good", case-insensitive), its first letter, or 1–4.
    public init?(parsing text: String) {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        for rating in Rating.allCases
        where word == rating.name || word == String(rating.name.prefix(1)) || word == String(rating.rawValue) {
            self = rating
            return
        }
        return nil
    }

    public static func < (lhs: Rating, rhs: Rating) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Where a card is in its life: FSRS's three states (a new card starts in Learning at step 0).
public enum CardState: Int, Codable, Sendable, CaseIterable {
    case learning = 1
    case review = 2
    case relearning = 3

    /// A lower-case name for display and export.
    public var name: String {
        switch self {
        case .learning: return "learning"
        case .review: return "review"
        case .relearning: return "relearning"
        }
    }
}
