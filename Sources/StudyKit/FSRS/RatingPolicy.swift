import Foundation

/// What happened when the learner answered one auto-graded item (a question, a lab, a drill).
public struct AnswerOutcome: Sendable, Equatable {
    /// How the attempt ended.
    public enum Result: String, Sendable, Codable {
        case correct, wrong
        case gaveUp = "gave-up"
    }

    public var result: Result
    /// Tries it took, counting the final one (1 = first time).
    public var attempts: Int
    /// Hints revealed before answering.
    public var hintsUsed: Int
    /// Seconds from showing the item to the final answer, when known.
    public var duration: TimeInterval?
    /// An answer at or under this many seconds counts as fast for this item.
    public var fastThreshold: TimeInterval?

    public init(result: Result, attempts: Int = 1, hintsUsed: Int = 0,
                duration: TimeInterval? = nil, fastThreshold: TimeInterval? = nil) {
        self.result = result
        self.attempts = attempts
        self.hintsUsed = hintsUsed
        self.duration = duration
        self.fastThreshold = fastThreshold
    }
}

/// Turns answer outcomes into FSRS ratings, honestly, as FSRS.md asks.
public enum RatingPolicy {
    /// Wrong or gave up -> Again; right after hints or several tries -> Hard; right first time ->
    /// Good; right first time within the item's fast threshold -> Easy.
    public static func derivedRating(for outcome: AnswerOutcome) -> Rating {
        switch outcome.result {
        case .wrong, .gaveUp:
            return .again
        case .correct:
            if outcome.attempts > 1 || outcome.hintsUsed > 0 { return .hard }
            if let duration = outcome.duration, let threshold = outcome.fastThreshold, duration <= threshold {
                return .easy
            }
            return .good
        }
    }

    /// The rating to record: the learner's own when they gave one, otherwise the derived one.
    public static func rating(for outcome: AnswerOutcome, override: Rating?) -> Rating {
        override ?? derivedRating(for: outcome)
    }

    /// The "fast for this item" threshold in seconds.
    ///
    /// Without history: reading time at 4 words a second for the item's text plus `thinkingTime`
    /// (8 s for questions; labs and do-it items pass more). With at least three earlier correct
    /// answers to the same item, the threshold is the smaller of that and the median of those
    /// answers, so "fast" means fast *for this learner on this item*.
    public static func fastThreshold(wordCount: Int, thinkingTime: TimeInterval = 8,
                                     previousCorrectDurations: [TimeInterval] = []) -> TimeInterval {
        let reading = Double(max(0, wordCount)) / 4 + thinkingTime
        let history = previousCorrectDurations.filter { $0.isFinite && $0 > 0 }.sorted()
        guard history.count >= 3 else { return reading }
        let middle = history.count / 2
        let median = history.count.isMultiple(of: 2) ? (history[middle - 1] + history[middle]) / 2 : history[middle]
        return min(reading, median)
    }
}
