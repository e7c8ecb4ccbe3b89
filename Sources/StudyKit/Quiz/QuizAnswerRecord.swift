import Foundation

/// One answered quiz question, as the session hands it to storage before the next question.
public struct QuizAnswerRecord: Codable, Sendable, Equatable {
    public var questionID: String
    public var topic: String
    public var facts: [String]
    /// The letters chosen, in shown order (empty for do-it questions or giving up).
    public var chosenLetters: [String]
    /// What was typed for a do-it question.
    public var givenAnswer: String?
    public var correct: Bool
    public var gaveUp: Bool
    /// Tries taken, counting the final one.
    public var attempts: Int
    public var shownAt: Date
    public var answeredAt: Date
    /// Seconds from showing the question to the final answer.
    public var duration: TimeInterval
    /// The rating the outcome implies (FSRS.md's mapping).
    public var derivedRating: Rating
    /// The rating to record: the learner's own when they chose one, else the derived one.
    public var rating: Rating

    /// Whether the learner replaced the derived rating with their own.
    public var overridden: Bool { rating != derivedRating }
}
