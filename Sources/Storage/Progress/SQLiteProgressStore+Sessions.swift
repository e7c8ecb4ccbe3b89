import Foundation
import StudyKit
import Wire

extension SQLiteProgressStore {
    /// Starts a quiz, review or exam and returns its id.
    public func startSession(learner: String, kind: StudySessionKind, at time: Date, questionIDs: [String],
                             filter: String? = nil, timeLimit: TimeInterval? = nil) throws -> Int64 {
        try database.write { conn in
            try conn.prepare("""
                INSERT INTO study_sessions (learner, kind, started_at, question_ids, filter, time_limit) VALUES (?, ?, ?, ?, ?, ?)
                """).bind(.text(learner), .text(kind.rawValue), .date(time), .text(Self.jsonStrings(questionIDs)),
                          .optional(filter), timeLimit.map(SQLValue.double) ?? .null).run()
            return conn.lastInsertRowID
        }
    }

    /// Ends a session; an exam also records its scaled score and whether it passed.
    public func finishSession(_ id: Int64, at time: Date, outcome: StudySessionOutcome, score: Int? = nil,
                              passed: Bool? = nil) throws {
        try database.write { conn in
            try conn.prepare("UPDATE study_sessions SET finished_at = ?, outcome = ?, score = ?, passed = ? WHERE id = ?")
                .bind(.date(time), .text(outcome.rawValue), .optional(score), passed.map(SQLValue.bool) ?? .null, .int(Int(id))).run()
            if conn.changes == 0 { throw ProgressStoreError.unknownSession(id) }
        }
    }

    /// Stores an answer that makes no review yet (an exam's, until the exam ends); a later answer
    /// to the same position replaces it.
    public func saveAnswer(_ answer: SessionAnswer) throws {
        try database.write { try Self.saveAnswer(answer, $0) }
    }

    /// The session `id`, if it exists.
    public func session(_ id: Int64) throws -> StudySessionRecord? {
        try database.read { conn in
            try conn.prepare("\(Self.sessionSelect) WHERE id = ?").bind(.int(Int(id))).first(Self.session)
        }
    }

    /// The learner's sessions, oldest first.
    public func sessions(learner: String) throws -> [StudySessionRecord] {
        try database.read { conn in
            try conn.prepare("\(Self.sessionSelect) WHERE learner = ? ORDER BY id").bind(.text(learner)).rows(Self.session)
        }
    }

    /// The answers of session `id`, by position.
    public func answers(session id: Int64) throws -> [SessionAnswer] {
        try database.read { conn in
            try conn.prepare("""
                SELECT session_id, position, question_id, option_order, chosen, given_answer, expected_answer, correct, gave_up,
                       attempts, flagged, shown_at, answered_at, duration, derived_rating, rating, review_seq
                FROM session_answers WHERE session_id = ? ORDER BY position
                """).bind(.int(Int(id))).rows { row in
                SessionAnswer(sessionID: Int64(row.int(0)), position: row.int(1), questionID: row.text(2),
                              optionOrder: ((try? JSONParser.parse(row.text(3)))?.arrayValue ?? []).compactMap(\.intValue),
                              chosenLetters: row.text(4).split(separator: ",").map(String.init),
                              givenAnswer: row.textOrNil(5), expectedAnswer: row.textOrNil(6), correct: row.int(7) != 0,
                              gaveUp: row.int(8) != 0, attempts: row.int(9), flagged: row.int(10) != 0,
                              shownAt: row.dateOrNil(11), answeredAt: row.date(12), duration: row.double(13),
                              derivedRating: row.intOrNil(14).flatMap(Rating.init(rawValue:)),
                              rating: row.intOrNil(15).flatMap(Rating.init(rawValue:)),
                              reviewSeq: row.intOrNil(16).map(Int64.init))
            }
        }
    }

    // MARK: Lessons read

    /// Notes that `learner` opened `lesson` at `time`.
    public func markLessonRead(learner: String, lesson: String, at time: Date) throws {
        try database.write { conn in
            try conn.prepare("""
                INSERT INTO lesson_reads (learner, lesson_id, first_read, last_read) VALUES (?, ?, ?, ?)
                ON CONFLICT (learner, lesson_id) DO UPDATE SET last_read = excluded.last_read, times = times + 1
                """).bind(.text(learner), .text(lesson), .date(time), .date(time)).run()
        }
    }

    /// The lessons `learner` has opened, by lesson id.
    public func lessonReads(learner: String) throws -> [String: LessonRead] {
        try database.read { conn in
            let rows = try conn.prepare("SELECT lesson_id, first_read, last_read, times FROM lesson_reads WHERE learner = ?")
                .bind(.text(learner)).rows { LessonRead(lessonID: $0.text(0), firstRead: $0.date(1), lastRead: $0.date(2), times: $0.int(3)) }
            return Dictionary(rows.map { ($0.lessonID, $0) }, uniquingKeysWith: { _, last in last })
        }
    }

    // MARK: Rows

    static let sessionSelect = """
        SELECT id, learner, kind, started_at, finished_at, outcome, question_ids, filter, time_limit, score, passed
        FROM study_sessions
        """

    static func session(_ row: Statement) -> StudySessionRecord {
        StudySessionRecord(id: Int64(row.int(0)), learner: row.text(1), kind: StudySessionKind(rawValue: row.text(2)) ?? .quiz,
                           startedAt: row.date(3), finishedAt: row.dateOrNil(4),
                           outcome: row.textOrNil(5).flatMap(StudySessionOutcome.init(rawValue:)),
                           questionIDs: parseStrings(row.text(6)), filter: row.textOrNil(7),
                           timeLimit: row.doubleOrNil(8), score: row.intOrNil(9), passed: row.intOrNil(10).map { $0 != 0 })
    }

    static func saveAnswer(_ a: SessionAnswer, _ conn: SQLiteConnection) throws {
        try conn.prepare("""
            INSERT OR REPLACE INTO session_answers (session_id, position, question_id, option_order, chosen, given_answer,
                expected_answer, correct, gave_up, attempts, flagged, shown_at, answered_at, duration, derived_rating, rating, review_seq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).bind(.int(Int(a.sessionID)), .int(a.position), .text(a.questionID),
                      .text(JSONWriter.compact(.array(a.optionOrder.map { .int($0) }))),
                      .text(a.chosenLetters.joined(separator: ",")), .optional(a.givenAnswer), .optional(a.expectedAnswer),
                      .bool(a.correct), .bool(a.gaveUp), .int(a.attempts), .bool(a.flagged), .optional(a.shownAt),
                      .date(a.answeredAt), .double(max(0, a.duration)), .optional(a.derivedRating?.rawValue),
                      .optional(a.rating?.rawValue), a.reviewSeq.map { .int(Int($0)) } ?? .null).run()
    }

    /// A JSON array of strings.
    static func jsonStrings(_ values: [String]) -> String {
        JSONWriter.compact(.array(values.map { .string($0) }))
    }

    static func parseStrings(_ text: String) -> [String] {
        ((try? JSONParser.parse(text))?.arrayValue ?? []).compactMap(\.stringValue)
    }
}
