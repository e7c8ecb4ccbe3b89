import Foundation
import StudyKit
import Storage

/// The outcome of one check.
struct LabCheckOutcome: Sendable, Equatable {
    let check: LabCheck
    let passed: Bool
    /// Why it failed, in the learner's words (nil when it passed).
    let reason: String?
    /// What was found, for grading logs ("it is 365, not 180").
    let detail: String?

    var points: Int { passed ? check.points : 0 }
}

/// Every check's outcome for one state of a sandbox.
struct LabEvaluation: Sendable, Equatable {
    let lab: Lab
    let outcomes: [LabCheckOutcome]

    var score: Int { outcomes.reduce(0) { $0 + $1.points } }
    var maxScore: Int { outcomes.reduce(0) { $0 + $1.check.points } }
    var allPassed: Bool { outcomes.allSatisfy(\.passed) }
    /// The first check that failed.
    var firstFailure: LabCheckOutcome? { outcomes.first { !$0.passed } }
}

/// Evaluates a lab's checks against a sandbox, running every command on a throwaway copy.
struct LabChecker {
    let lab: Lab
    let contentPath: String

    /// The outcome of each check (of `only` those, when given) for the sandbox's current state.
    func evaluate(_ sandbox: Workbench, only: [String]? = nil) throws -> LabEvaluation {
        let copies = try SandboxCopies(of: sandbox)
        let setupEnd = Int((try? sandbox.database.setting(LabSandbox.setupAuditSetting)) ?? nil ?? "0") ?? 0
        let records = try sandbox.database.auditRecords(after: 0)
        let answers = try LabSandbox.answers(sandbox)
        let probe = Probe(sandbox: sandbox, copies: copies, contentPath: contentPath, auditRecords: records, setupEnd: setupEnd)
        var outcomes: [LabCheckOutcome] = []
        for check in lab.checks where only.map({ $0.contains(check.id) }) ?? true {
            outcomes.append(probe.evaluate(check, answer: answers[check.id]))
        }
        return LabEvaluation(lab: lab, outcomes: outcomes)
    }
}
