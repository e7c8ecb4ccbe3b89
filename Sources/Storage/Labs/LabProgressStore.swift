import Foundation

/// One attempt at a lab by one learner, as stored.
public struct LabAttemptRecord: Sendable, Equatable {
    public enum Status: String, Sendable {
        case active, passed, abandoned
    }

    public var id: Int
    public var learner: String
    public var labId: String
    public var sandbox: String
    public var startedAt: Date
    /// The wall-clock time it started: how long a lab took, whatever the simulated clocks did.
    public var startedWallAt: Date
    public var finishedAt: Date?
    public var status: Status
    public var hintsUsed: Int
    public var checkRuns: Int
    public var bestScore: Int
    public var maxScore: Int
    public var solutionViewed: Bool
    /// The FSRS rating recorded when the attempt ended.
    public var rating: Int?
}

/// The outcome of one check in a `lab check` run, as stored.
public struct LabCheckResultRecord: Sendable, Equatable {
    public var checkId: String
    public var passed: Bool
    public var points: Int
    public var reason: String?

    public init(checkId: String, passed: Bool, points: Int, reason: String?) {
        self.checkId = checkId
        self.passed = passed
        self.points = points
        self.reason = reason
    }
}

/// A learner's standing on one lab across attempts, for `lab list`.
public struct LabStanding: Sendable, Equatable {
    public var labId: String
    public var attempts: Int
    public var bestScore: Int
    public var passed: Bool
    public var active: Bool
}

/// Lab and drill progress in the learner's home database: attempts, hints, check runs, the
/// commands typed, solutions viewed, drill runs. Writes say what they record; times are given
/// by the caller.
public struct LabProgressStore: Sendable {
    let db: AppDatabase

    public init(database: AppDatabase) { db = database }

    // MARK: Attempts

    /// Starts an attempt (the caller has ended any earlier active one).
    public func startAttempt(learner: String, labId: String, sandbox: String, maxScore: Int, at time: Date,
                             wall: Date) throws -> LabAttemptRecord {
        try db.write { conn in
            try conn.prepare("""
                INSERT INTO lab_attempts (learner, lab_id, sandbox, started_at, started_wall_at, max_score) VALUES (?, ?, ?, ?, ?, ?)
                """).bind(.text(learner), .text(labId), .text(sandbox), .date(time), .date(wall), .int(maxScore)).run()
            let id = Int(conn.lastInsertRowID)
            guard let record = try attempt(id: id, conn) else {
                throw StorageError(code: 1, message: "the new lab attempt \(id) could not be read back", sql: nil)
            }
            return record
        }
    }

    /// The learner's attempt at `labId` that is still in progress.
    public func activeAttempt(learner: String, labId: String) throws -> LabAttemptRecord? {
        try db.read { conn in
            let id = try conn.prepare("SELECT attempt_id FROM lab_attempts WHERE learner = ? AND lab_id = ? AND status = 'active'")
                .bind(.text(learner), .text(labId)).first { $0.int(0) }
            return try id.flatMap { try attempt(id: $0, conn) }
        }
    }

    /// The learner's most recently started attempt still in progress, at any lab.
    public func latestActiveAttempt(learner: String) throws -> LabAttemptRecord? {
        try db.read { conn in
            let id = try conn.prepare("""
                SELECT attempt_id FROM lab_attempts WHERE learner = ? AND status = 'active' ORDER BY started_at DESC, attempt_id DESC LIMIT 1
                """).bind(.text(learner)).first { $0.int(0) }
            return try id.flatMap { try attempt(id: $0, conn) }
        }
    }

    public func attempt(id: Int) throws -> LabAttemptRecord? {
        try db.read { try attempt(id: id, $0) }
    }

    /// Counts a revealed hint (tier 1-3, for a check or the whole lab).
    public func recordHint(attempt: Int, checkId: String?, tier: Int, at time: Date) throws {
        try db.write { conn in
            let seq = try conn.prepare("SELECT COALESCE(MAX(seq), 0) + 1 FROM lab_hints WHERE attempt_id = ?").bind(.int(attempt)).first { $0.int(0) } ?? 1
            try conn.prepare("INSERT INTO lab_hints (attempt_id, seq, check_id, tier, shown_at) VALUES (?, ?, ?, ?, ?)")
                .bind(.int(attempt), .int(seq), .optional(checkId), .int(tier), .date(time)).run()
            try conn.prepare("UPDATE lab_attempts SET hints_used = hints_used + 1 WHERE attempt_id = ?").bind(.int(attempt)).run()
        }
    }

    /// The highest tier revealed so far for each check (`""` for hints on the whole lab).
    public func hintTiers(attempt: Int) throws -> [String: Int] {
        let rows = try db.read {
            try $0.prepare("SELECT COALESCE(check_id, ''), MAX(tier) FROM lab_hints WHERE attempt_id = ? GROUP BY check_id")
                .bind(.int(attempt)).rows { ($0.text(0), $0.int(1)) }
        }
        return Dictionary(rows, uniquingKeysWith: max)
    }

    /// Records one `lab check` run and its results; returns the run's number (1 for the first).
    @discardableResult
    public func recordCheckRun(attempt: Int, results: [LabCheckResultRecord], at time: Date) throws -> Int {
        try db.write { conn in
            let run = try conn.prepare("SELECT check_runs + 1 FROM lab_attempts WHERE attempt_id = ?").bind(.int(attempt)).first { $0.int(0) }
            guard let run else { throw StorageError(code: 1, message: "no lab attempt \(attempt)", sql: nil) }
            let score = results.filter(\.passed).reduce(0) { $0 + $1.points }
            try conn.prepare("INSERT INTO lab_check_runs (attempt_id, run, checked_at, score) VALUES (?, ?, ?, ?)")
                .bind(.int(attempt), .int(run), .date(time), .int(score)).run()
            for r in results {
                try conn.prepare("INSERT INTO lab_check_results (attempt_id, run, check_id, passed, points, reason) VALUES (?, ?, ?, ?, ?, ?)")
                    .bind(.int(attempt), .int(run), .text(r.checkId), .bool(r.passed), .int(r.points), .optional(r.reason)).run()
            }
            try conn.prepare("UPDATE lab_attempts SET check_runs = ?, best_score = MAX(best_score, MIN(?, max_score)) WHERE attempt_id = ?")
                .bind(.int(run), .int(score), .int(attempt)).run()
            return run
        }
    }

    /// Ends an attempt as passed or abandoned, with the FSRS rating it earned.
    public func finishAttempt(_ attempt: Int, status: LabAttemptRecord.Status, rating: Int?, at time: Date) throws {
        try db.write {
            try $0.prepare("UPDATE lab_attempts SET status = ?, finished_at = ?, rating = ? WHERE attempt_id = ? AND status = 'active'")
                .bind(.text(status.rawValue), .date(time), .optional(rating), .int(attempt)).run()
        }
    }

    /// Records that the learner looked at a lab's reference solution.
    public func recordSolutionView(learner: String, labId: String, attempt: Int?, at time: Date) throws {
        try db.write { conn in
            try conn.prepare("INSERT INTO lab_solution_views (learner, lab_id, viewed_at, attempt_id) VALUES (?, ?, ?, ?)")
                .bind(.text(learner), .text(labId), .date(time), .optional(attempt)).run()
            if let attempt {
                try conn.prepare("UPDATE lab_attempts SET solution_viewed = 1 WHERE attempt_id = ?").bind(.int(attempt)).run()
            }
        }
    }

    /// How many times the learner has looked at the solution of `labId`.
    public func solutionViews(learner: String, labId: String) throws -> Int {
        try db.read {
            try $0.prepare("SELECT COUNT(*) FROM lab_solution_views WHERE learner = ? AND lab_id = ?")
                .bind(.text(learner), .text(labId)).first { $0.int(0) } ?? 0
        }
    }

    // MARK: Transcript

    /// Appends a command line typed during the attempt.
    public func appendTranscriptLine(attempt: Int, line: String, exitStatus: Int32) throws {
        try db.write { conn in
            let seq = try conn.prepare("SELECT COALESCE(MAX(seq), 0) + 1 FROM lab_transcript_lines WHERE attempt_id = ?")
                .bind(.int(attempt)).first { $0.int(0) } ?? 1
            try conn.prepare("INSERT INTO lab_transcript_lines (attempt_id, seq, line, exit_status) VALUES (?, ?, ?, ?)")
                .bind(.int(attempt), .int(seq), .text(line), .int(Int(exitStatus))).run()
        }
    }

    /// Points an attempt at a new sandbox (after `lab reset`).
    public func moveSandbox(attempt: Int, to path: String) throws {
        try db.write { try $0.prepare("UPDATE lab_attempts SET sandbox = ? WHERE attempt_id = ?").bind(.text(path), .int(attempt)).run() }
    }

    /// Forgets the command lines of an attempt (its sandbox was reset to the setup).
    public func clearTranscript(attempt: Int) throws {
        try db.write { try $0.prepare("DELETE FROM lab_transcript_lines WHERE attempt_id = ?").bind(.int(attempt)).run() }
    }

    /// The command lines of an attempt in the order typed, with their exit statuses.
    public func transcript(attempt: Int) throws -> [(line: String, exitStatus: Int32)] {
        try db.read {
            try $0.prepare("SELECT line, exit_status FROM lab_transcript_lines WHERE attempt_id = ? ORDER BY seq")
                .bind(.int(attempt)).rows { ($0.text(0), Int32(truncatingIfNeeded: $0.int(1))) }
        }
    }

    // MARK: Standing

    /// The learner's standing on every lab they have attempted.
    public func standings(learner: String) throws -> [LabStanding] {
        try db.read {
            try $0.prepare("""
                SELECT lab_id, COUNT(*), MAX(best_score), MAX(status = 'passed'), MAX(status = 'active')
                FROM lab_attempts WHERE learner = ? GROUP BY lab_id ORDER BY lab_id
                """).bind(.text(learner)).rows {
                LabStanding(labId: $0.text(0), attempts: $0.int(1), bestScore: $0.int(2), passed: $0.int(3) == 1, active: $0.int(4) == 1)
            }
        }
    }

    /// Every attempt of the learner at `labId`, oldest first.
    public func attempts(learner: String, labId: String) throws -> [LabAttemptRecord] {
        try db.read { conn in
            let ids = try conn.prepare("SELECT attempt_id FROM lab_attempts WHERE learner = ? AND lab_id = ? ORDER BY attempt_id")
                .bind(.text(learner), .text(labId)).rows { $0.int(0) }
            return try ids.compactMap { try attempt(id: $0, conn) }
        }
    }

    private func attempt(id: Int, _ conn: SQLiteConnection) throws -> LabAttemptRecord? {
        try conn.prepare("""
            SELECT attempt_id, learner, lab_id, sandbox, started_at, finished_at, status, hints_used, check_runs,
                   best_score, max_score, solution_viewed, rating, started_wall_at
            FROM lab_attempts WHERE attempt_id = ?
            """).bind(.int(id)).first {
            LabAttemptRecord(id: $0.int(0), learner: $0.text(1), labId: $0.text(2), sandbox: $0.text(3), startedAt: $0.date(4),
                             startedWallAt: $0.date(13), finishedAt: $0.dateOrNil(5), status: LabAttemptRecord.Status(rawValue: $0.text(6)) ?? .abandoned,
                             hintsUsed: $0.int(7), checkRuns: $0.int(8), bestScore: $0.int(9), maxScore: $0.int(10),
                             solutionViewed: $0.int(11) == 1, rating: $0.intOrNil(12))
        }
    }
}
