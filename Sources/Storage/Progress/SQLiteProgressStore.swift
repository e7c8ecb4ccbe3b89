import Foundation
import StudyKit

/// Learners' study progress in the home database: learners and their FSRS parameters, card
/// states, the append-only review log, sessions with every answer, and lessons read.
///
/// Every write method is one transaction, so whatever a kill interrupts is either fully stored or
/// not at all; `transaction(_:)` groups several into one (an exam's end).
public final class SQLiteProgressStore: @unchecked Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Runs `body` in one write transaction: every store call inside it commits together or not at all.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try database.write { _ in try body() }
    }

    // MARK: Learners

    /// Every learner, in the order they were added.
    public func learners() throws -> [LearnerRecord] {
        try database.read { conn in
            try conn.prepare("\(Self.learnerSelect) ORDER BY l.created_at, l.name").rows(Self.learner)
        }
    }

    /// The learner called `name`, if there is one.
    public func learner(named name: String) throws -> LearnerRecord? {
        try database.read { conn in
            try conn.prepare("\(Self.learnerSelect) WHERE l.name = ?").bind(.text(name)).first(Self.learner)
        }
    }

    /// The learner called `name`; the default learner is created on first use, anyone else must
    /// have been added.
    @discardableResult
    public func requireLearner(_ name: String, at time: Date) throws -> LearnerRecord {
        if let found = try learner(named: name) { return found }
        if name == LearnerName.defaultName { return try addLearner(name, at: time) }
        throw ProgressStoreError.unknownLearner(name, known: try learners().map(\.name))
    }

    /// Adds a learner with `parameters` (FSRS-6 defaults unless given).
    @discardableResult
    public func addLearner(_ name: String, parameters: SchedulerParameters = .default, at time: Date) throws -> LearnerRecord {
        guard LearnerName.isValid(name) else { throw ProgressStoreError.invalidLearnerName(name) }
        do {
            try parameters.validate()
        } catch {
            throw ProgressStoreError.unusableParameters(learner: name, reason: error.description)
        }
        return try database.write { conn in
            if try conn.prepare("SELECT 1 FROM learners WHERE name = ?").bind(.text(name)).first({ _ in true }) != nil {
                throw ProgressStoreError.learnerExists(name)
            }
            let id = try Self.insertParameters(parameters, learner: name, at: time, conn)
            try conn.prepare("INSERT INTO learners (name, created_at, parameters_id) VALUES (?, ?, ?)")
                .bind(.text(name), .date(time), .int(Int(id))).run()
            return LearnerRecord(name: name, createdAt: time, parametersID: id, parameters: parameters)
        }
    }

    /// Gives `learner` a new parameter set from now on (earlier reviews keep theirs).
    @discardableResult
    public func setParameters(_ parameters: SchedulerParameters, for learner: String, at time: Date) throws -> LearnerRecord {
        do {
            try parameters.validate()
        } catch {
            throw ProgressStoreError.unusableParameters(learner: learner, reason: error.description)
        }
        return try database.write { conn in
            guard var record = try conn.prepare("\(Self.learnerSelect) WHERE l.name = ?").bind(.text(learner)).first(Self.learner) else {
                throw ProgressStoreError.unknownLearner(learner, known: try conn.prepare("SELECT name FROM learners ORDER BY created_at").rows { $0.text(0) })
            }
            let id = try Self.insertParameters(parameters, learner: learner, at: time, conn)
            try conn.prepare("UPDATE learners SET parameters_id = ? WHERE name = ?").bind(.int(Int(id)), .text(learner)).run()
            record.parametersID = id
            record.parameters = parameters
            return record
        }
    }

    /// Every parameter set a learner has had, by id (to replay old reviews under their own).
    public func parameterHistory(of learner: String) throws -> [Int64: SchedulerParameters] {
        try database.read { conn in
            let rows = try conn.prepare("SELECT \(Self.parameterColumns) FROM scheduler_parameters p WHERE p.learner = ? ORDER BY p.id")
                .bind(.text(learner)).rows { (Int64($0.int(0)), Self.parameters($0, from: 0)) }
            return Dictionary(rows, uniquingKeysWith: { _, last in last })
        }
    }

    /// What `learner` has done: cards reviewed, reviews logged, cards due at `now`, last review.
    public func activity(of learner: String, at now: Date) throws -> LearnerActivity {
        try database.read { conn in
            let cards = try conn.prepare("SELECT count(*), coalesce(sum(due <= ?), 0) FROM study_cards WHERE learner = ?")
                .bind(.date(now), .text(learner)).first { ($0.int(0), $0.int(1)) } ?? (0, 0)
            let log = try conn.prepare("SELECT count(*), max(reviewed_at) FROM review_log WHERE learner = ?")
                .bind(.text(learner)).first { ($0.int(0), $0.dateOrNil(1)) } ?? (0, nil)
            return LearnerActivity(cards: cards.0, reviews: log.0, due: cards.1, lastReview: log.1)
        }
    }

    // MARK: Rows

    static let parameterColumns = """
        p.id, p.model_version, p.weights, p.desired_retention, p.learning_steps, p.relearning_steps,
        p.maximum_interval, p.enable_fuzz, p.same_day_hard_floor
        """

    static let learnerSelect = """
        SELECT l.name, l.created_at, \(parameterColumns)
        FROM learners l JOIN scheduler_parameters p ON p.id = l.parameters_id
        """

    static func learner(_ row: Statement) -> LearnerRecord {
        LearnerRecord(name: row.text(0), createdAt: row.date(1), parametersID: Int64(row.int(2)),
                      parameters: parameters(row, from: 2))
    }

    /// A parameter set from the columns of `parameterColumns` starting at `first` (the id).
    static func parameters(_ row: Statement, from first: Int32) -> SchedulerParameters {
        SchedulerParameters(weights: NumberList.decode(row.text(first + 2)),
                            desiredRetention: row.double(first + 3),
                            learningSteps: NumberList.decode(row.text(first + 4)),
                            relearningSteps: NumberList.decode(row.text(first + 5)),
                            maximumInterval: row.int(first + 6),
                            enableFuzz: row.int(first + 7) != 0,
                            sameDayHardFloor: row.int(first + 8) != 0,
                            modelVersion: row.text(first + 1))
    }

    static func insertParameters(_ p: SchedulerParameters, learner: String, at time: Date, _ conn: SQLiteConnection) throws -> Int64 {
        try conn.prepare("""
            INSERT INTO scheduler_parameters (learner, set_at, model_version, weights, desired_retention, learning_steps,
                relearning_steps, maximum_interval, enable_fuzz, same_day_hard_floor)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).bind(.text(learner), .date(time), .text(p.modelVersion), .text(NumberList.encode(p.weights)),
                      .double(p.desiredRetention), .text(NumberList.encode(p.learningSteps)),
                      .text(NumberList.encode(p.relearningSteps)), .int(p.maximumInterval), .bool(p.enableFuzz),
                      .bool(p.sameDayHardFloor)).run()
        return conn.lastInsertRowID
    }
}

/// Lists of numbers as JSON arrays, written so that every Double reads back bit for bit.
enum NumberList {
    static func encode(_ values: [Double]) -> String {
        // Swift's description is the shortest text that reads back as the same Double.
        "[" + values.map { "\($0)" }.joined(separator: ",") + "]"
    }

    static func decode(_ text: String) -> [Double] {
        text.trimmingCharacters(in: CharacterSet(charactersIn: "[] \n"))
            .split(separator: ",")
            .compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    }
}
