import Foundation

/// Interactive drill runs, in the same store.
extension LabProgressStore {
    /// Starts recording an interactive drill run; returns its id.
    public func startDrillRun(learner: String, drillId: String, maxScore: Int, at time: Date) throws -> Int {
        try db.write { conn in
            try conn.prepare("INSERT INTO drill_runs (learner, drill_id, started_at, max_score) VALUES (?, ?, ?, ?)")
                .bind(.text(learner), .text(drillId), .date(time), .int(maxScore)).run()
            return Int(conn.lastInsertRowID)
        }
    }

    /// Records how a drill run ended.
    public func finishDrillRun(_ run: Int, score: Int, passed: Bool, resultJSON: String, at time: Date) throws {
        try db.write {
            try $0.prepare("UPDATE drill_runs SET finished_at = ?, score = ?, passed = ?, result = ? WHERE run_id = ?")
                .bind(.date(time), .int(score), .bool(passed), .text(resultJSON), .int(run)).run()
        }
    }

    /// The learner's finished drill runs of `drillId`: score, maximum, passed.
    public func drillRuns(learner: String, drillId: String) throws -> [(score: Int, maxScore: Int, passed: Bool)] {
        try db.read {
            try $0.prepare("""
                SELECT score, max_score, passed FROM drill_runs WHERE learner = ? AND drill_id = ? AND finished_at IS NOT NULL ORDER BY run_id
                """).bind(.text(learner), .text(drillId)).rows { ($0.int(0), $0.int(1), $0.int(2) == 1) }
        }
    }
}
