import Foundation
import StudyKit

/// The outcome of `recordReview`: the log entry appended and its position in the log.
public struct RecordedReview: Sendable, Equatable {
    public var seq: Int64
    public var entry: ReviewLogEntry
}

extension SQLiteProgressStore {
    /// Reviews one card of `learner` with `rating` at `time` under the learner's parameters, in one
    /// transaction: the card's new state, the review log entry and (when given) the session answer
    /// that produced it are stored together or not at all.
    ///
    /// Any card id works: question ids, and `lab:<id>` for labs. A card never reviewed starts new,
    /// due at `time`. The time is cut to the whole second, so every stored date is exact and the
    /// log replays to the same schedule bit for bit. `random` is drawn from only when the interval
    /// is fuzzed; the draw is logged.
    @discardableResult
    public func recordReview<R: StudyRandomSource>(learner: String, cardID: String, rating: Rating, at time: Date,
                                                   duration: TimeInterval?, source: ReviewSource,
                                                   answer: SessionAnswer? = nil, random: inout R) throws -> RecordedReview {
        let at = Date(timeIntervalSince1970: time.timeIntervalSince1970.rounded(.down))
        return try database.write { conn in
            guard let record = try conn.prepare("\(Self.learnerSelect) WHERE l.name = ?").bind(.text(learner)).first(Self.learner) else {
                throw ProgressStoreError.unknownLearner(learner, known: try conn.prepare("SELECT name FROM learners ORDER BY created_at").rows { $0.text(0) })
            }
            let scheduler: Scheduler
            do {
                scheduler = try Scheduler(parameters: record.parameters)
            } catch {
                throw ProgressStoreError.unusableParameters(learner: learner, reason: "\(error)")
            }
            let before = try Self.card(learner: learner, id: cardID, conn) ?? Card.new(id: cardID, due: at)
            let scheduled = scheduler.schedule(before, rating: rating, at: at, duration: duration, random: &random)
            try Self.saveCard(scheduled.card, learner: learner, lapse: rating == .again && before.state == .review, conn)
            let seq = try Self.append(scheduled.log, learner: learner, parametersID: record.parametersID, source: source,
                                      sessionID: answer?.sessionID, conn)
            if var answer {
                answer.reviewSeq = seq
                answer.rating = rating
                try Self.saveAnswer(answer, conn)
            }
            return RecordedReview(seq: seq, entry: scheduled.log)
        }
    }

    /// The card `id` of `learner`; `nil` if never reviewed.
    public func card(learner: String, id: String) throws -> Card? {
        try database.read { try Self.card(learner: learner, id: id, $0) }
    }

    /// Every card `learner` has reviewed.
    public func cards(learner: String) throws -> [Card] {
        try database.read { conn in
            try conn.prepare("SELECT \(Self.cardColumns) FROM study_cards WHERE learner = ? ORDER BY card_id")
                .bind(.text(learner)).rows { Self.card($0, from: 0) }
        }
    }

    /// Cards due at `now`, most overdue first.
    public func dueCards(learner: String, at now: Date) throws -> [Card] {
        try database.read { conn in
            try conn.prepare("SELECT \(Self.cardColumns) FROM study_cards WHERE learner = ? AND due <= ? ORDER BY due, card_id")
                .bind(.text(learner), .date(now)).rows { Self.card($0, from: 0) }
        }
    }

    /// When the next card falls due after `now`, if any will.
    public func nextDue(learner: String, after now: Date) throws -> Date? {
        try database.read { conn in
            try conn.prepare("SELECT min(due) FROM study_cards WHERE learner = ? AND due > ?")
                .bind(.text(learner), .date(now)).first { $0.dateOrNil(0) } ?? nil
        }
    }

    /// The learner's review log, oldest first.
    public func reviewLog(learner: String) throws -> [ReviewLogEntry] {
        try storedReviews(learner: learner).map(\.entry)
    }

    /// The learner's review log with each entry's source, session and parameter set, oldest first.
    public func storedReviews(learner: String) throws -> [StoredReview] {
        try database.read { conn in
            try conn.prepare("""
                SELECT seq, card_id, rating, reviewed_at, duration, fuzz_draw, source, session_id, parameters_id,
                       before_state, before_step, before_stability, before_difficulty, before_due, before_last_review,
                       after_state, after_step, after_stability, after_difficulty, after_due, after_last_review
                FROM review_log WHERE learner = ? ORDER BY seq
                """).bind(.text(learner)).rows { row in
                let id = row.text(1)
                let entry = ReviewLogEntry(cardID: id, rating: Rating(rawValue: row.int(2)) ?? .again,
                                           reviewedAt: row.date(3), duration: row.doubleOrNil(4),
                                           before: Self.card(row, id: id, from: 9), after: Self.card(row, id: id, from: 15),
                                           fuzzDraw: row.doubleOrNil(5))
                return StoredReview(seq: Int64(row.int(0)), entry: entry, source: ReviewSource(rawValue: row.text(6)) ?? .quiz,
                                    sessionID: row.intOrNil(7).map(Int64.init), parametersID: Int64(row.int(8)))
            }
        }
    }

    /// For each question, how long the learner took on earlier correct answers (for "fast for
    /// this item" in the rating policy).
    public func correctAnswerDurations(learner: String) throws -> [String: [TimeInterval]] {
        try database.read { conn in
            let rows = try conn.prepare("""
                SELECT a.question_id, a.duration FROM session_answers a JOIN study_sessions s ON s.id = a.session_id
                WHERE s.learner = ? AND a.correct = 1 AND s.kind <> 'exam' ORDER BY a.answered_at
                """).bind(.text(learner)).rows { ($0.text(0), $0.double(1)) }
            return Dictionary(grouping: rows, by: \.0).mapValues { $0.map(\.1) }
        }
    }

    // MARK: Rows

    static let cardColumns = "card_id, state, step, stability, difficulty, due, last_review"

    static func card(learner: String, id: String, _ conn: SQLiteConnection) throws -> Card? {
        try conn.prepare("SELECT \(cardColumns) FROM study_cards WHERE learner = ? AND card_id = ?")
            .bind(.text(learner), .text(id)).first { card($0, from: 0) }
    }

    static func card(_ row: Statement, from first: Int32) -> Card {
        card(row, id: row.text(first), from: first + 1)
    }

    /// A card from six columns: state, step, stability, difficulty, due, last review.
    static func card(_ row: Statement, id: String, from first: Int32) -> Card {
        Card(id: id, state: CardState(rawValue: row.int(first)) ?? .learning, step: row.intOrNil(first + 1),
             stability: row.doubleOrNil(first + 2), difficulty: row.doubleOrNil(first + 3),
             due: row.date(first + 4), lastReview: row.dateOrNil(first + 5))
    }

    static func cardValues(_ card: Card) -> [SQLValue] {
        [.int(card.state.rawValue), .optional(card.step), card.stability.map(SQLValue.double) ?? .null,
         card.difficulty.map(SQLValue.double) ?? .null, .date(card.due), .optional(card.lastReview)]
    }

    static func saveCard(_ card: Card, learner: String, lapse: Bool, _ conn: SQLiteConnection) throws {
        try conn.prepare("""
            INSERT INTO study_cards (learner, card_id, state, step, stability, difficulty, due, last_review, reviews, lapses)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
            ON CONFLICT (learner, card_id) DO UPDATE SET state = excluded.state, step = excluded.step,
                stability = excluded.stability, difficulty = excluded.difficulty, due = excluded.due,
                last_review = excluded.last_review, reviews = reviews + 1, lapses = lapses + excluded.lapses
            """).bind([.text(learner), .text(card.id)] + cardValues(card) + [.bool(lapse)]).run()
    }

    static func append(_ entry: ReviewLogEntry, learner: String, parametersID: Int64, source: ReviewSource,
                       sessionID: Int64?, _ conn: SQLiteConnection) throws -> Int64 {
        try conn.prepare("""
            INSERT INTO review_log (learner, card_id, rating, reviewed_at, duration, parameters_id, source, session_id, fuzz_draw,
                before_state, before_step, before_stability, before_difficulty, before_due, before_last_review,
                after_state, after_step, after_stability, after_difficulty, after_due, after_last_review)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).bind([.text(learner), .text(entry.cardID), .int(entry.rating.rawValue), .date(entry.reviewedAt),
                       entry.duration.map(SQLValue.double) ?? .null, .int(Int(parametersID)), .text(source.rawValue),
                       sessionID.map { .int(Int($0)) } ?? .null, entry.fuzzDraw.map(SQLValue.double) ?? .null]
                      + cardValues(entry.before) + cardValues(entry.after)).run()
        return conn.lastInsertRowID
    }
}
