import Foundation

/// The scheduling state of one card (a question or a lab) for one learner.
///
/// A new card is in Learning at step 0 with no stability or difficulty yet; the first review
/// gives it both.
public struct Card: Codable, Sendable, Equatable, Identifiable {
    /// The card's identity: a question id, or a lab's card id.
    public var id: String
    public var state: CardState
    /// The index into the learning or relearning steps; `nil` in Review.
    public var step: Int?
    /// Days until recall probability falls to 90%; `nil` before the first review.
    public var stability: Double?
    /// Difficulty in [1, 10]; `nil` before the first review.
    public var difficulty: Double?
    /// When the card should next be reviewed.
    public var due: Date
    /// When the card was last reviewed; `nil` for a new card.
    public var lastReview: Date?

    /// Creates a card with every field given (for storage layers restoring a saved card).
    public init(id: String, state: CardState, step: Int?, stability: Double?, difficulty: Double?,
                due: Date, lastReview: Date?) {
        self.id = id
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
    }

    /// A card never reviewed, in Learning at step 0, due at `due` (usually the moment it is introduced).
    public static func new(id: String, due: Date) -> Card {
        Card(id: id, state: .learning, step: 0, stability: nil, difficulty: nil, due: due, lastReview: nil)
    }

    /// Whether the card has never been reviewed.
    public var isNew: Bool { lastReview == nil }

    /// Whether the card is due at `now`.
    public func isDue(at now: Date) -> Bool { due <= now }
}
