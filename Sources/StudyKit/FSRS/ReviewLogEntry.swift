import Foundation

/// One review, as appended to a learner's review log: enough to replay the schedule exactly and
/// to feed a future parameter optimizer.
public struct ReviewLogEntry: Codable, Sendable, Equatable {
    /// The card reviewed.
    public var cardID: String
    public var rating: Rating
    /// When the review happened.
    public var reviewedAt: Date
    /// How long the learner took to answer, in seconds, when known.
    public var duration: TimeInterval?
    /// The card as it was before the review.
    public var before: Card
    /// The card as the review left it.
    public var after: Card
    /// The uniform draw in [0, 1) that fuzzed the interval, or `nil` when no fuzz applied.
    /// Recording it is what lets a fuzzed schedule be replayed to the same due dates.
    public var fuzzDraw: Double?

    /// An entry with every field given.
    public init(cardID: String, rating: Rating, reviewedAt: Date, duration: TimeInterval?,
                before: Card, after: Card, fuzzDraw: Double?) {
        self.cardID = cardID
        self.rating = rating
        self.reviewedAt = reviewedAt
        self.duration = duration
        self.before = before
        self.after = after
        self.fuzzDraw = fuzzDraw
    }

    /// Whole days since the previous review, or `nil` for a card's first review.
    public var elapsedDays: Int? {
        before.lastReview.map { Scheduler.wholeDays(from: $0, to: reviewedAt) }
    }

    /// The time from this review until the card is next due, in seconds.
    public var scheduledInterval: TimeInterval { after.due.timeIntervalSince(reviewedAt) }
}

/// The outcome of scheduling one review: the updated card and the log entry to append.
public struct ScheduledReview: Sendable, Equatable {
    public var card: Card
    public var log: ReviewLogEntry
}
