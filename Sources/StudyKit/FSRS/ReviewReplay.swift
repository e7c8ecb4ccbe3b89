import Foundation

/// Replays a review log from fresh cards, to rebuild every card's schedule or to prove that the
/// stored cards are exactly what the log implies.
public enum ReviewReplay {
    /// Every card the log touches, rebuilt by scheduling its reviews in order from a new card.
    /// Entries are taken in log order; each card starts new, due at its first review. Recorded
    /// fuzz draws are reused, so fuzzed intervals come out the same.
    public static func replay(_ log: [ReviewLogEntry], with scheduler: Scheduler) -> [String: Card] {
        var cards: [String: Card] = [:]
        for entry in log {
            let card = cards[entry.cardID] ?? Card.new(id: entry.cardID, due: entry.reviewedAt)
            cards[entry.cardID] = step(card, entry, scheduler)
        }
        return cards
    }

    /// The entries whose recorded outcome differs from what replaying the log produces, in order;
    /// empty when the log replays to the same schedule.
    public static func mismatches(in log: [ReviewLogEntry], with scheduler: Scheduler) -> [ReplayMismatch] {
        var cards: [String: Card] = [:]
        var found: [ReplayMismatch] = []
        for (index, entry) in log.enumerated() {
            let card = cards[entry.cardID] ?? Card.new(id: entry.cardID, due: entry.reviewedAt)
            let replayed = step(card, entry, scheduler)
            if replayed != entry.after {
                found.append(ReplayMismatch(index: index, cardID: entry.cardID, recorded: entry.after, replayed: replayed))
            }
            cards[entry.cardID] = replayed
        }
        return found
    }

    private static func step(_ card: Card, _ entry: ReviewLogEntry, _ scheduler: Scheduler) -> Card {
        scheduler.review(card, rating: entry.rating, at: entry.reviewedAt, duration: entry.duration) {
            entry.fuzzDraw
        }.card
    }
}

/// A log entry whose recorded card differs from the replayed one.
public struct ReplayMismatch: Sendable, Equatable {
    /// The entry's position in the log.
    public var index: Int
    public var cardID: String
    public var recorded: Card
    public var replayed: Card
}
