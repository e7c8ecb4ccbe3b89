import Foundation
import Wire

/// The grades of a class's submissions for one lab or drill, as `grade` reports them (JSON, JUnit
/// XML, CSV). Everything in it is a function of the submissions, so grading twice gives the same
/// report byte for byte.
public struct GradeReport: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case lab, drill
    }

    public var kind: Kind
    /// The lab id or drill id.
    public var subject: String
    public var title: String
    public var maxPoints: Int
    /// The percentage of `maxPoints` a submission needs to pass (100 for a lab: every check).
    public var passPercent: Int
    /// Every gradable item, in order: the columns of the gradebook.
    public var items: [ItemHeader]
    public var submissions: [SubmissionGrade]

    public init(kind: Kind, subject: String, title: String, maxPoints: Int, passPercent: Int, items: [ItemHeader],
                submissions: [SubmissionGrade]) {
        self.kind = kind
        self.subject = subject
        self.title = title
        self.maxPoints = maxPoints
        self.passPercent = passPercent
        self.items = items
        self.submissions = submissions
    }

    /// Whether every submission passed (`grade` exits non-zero otherwise).
    public var allPassed: Bool { submissions.allSatisfy { $0.status == .passed } }

    /// The report as JSON (what `grade --format json` prints).
    public var jsonValue: JSONValue {
        (try? JSONValueEncoder().encode(self)) ?? .object(JSONObject())
    }
}

/// A gradable item of a lab (a check) or a drill (a question, or a check of a lab step).
public struct ItemHeader: Codable, Sendable, Equatable {
    /// Unique within the report: `rotation-on`, or in a drill `question:ID` / `lab:LAB/CHECK`.
    public var id: String
    public var title: String
    public var points: Int

    public init(id: String, title: String, points: Int) {
        self.id = id
        self.title = title
        self.points = points
    }
}

/// One learner's graded submission.
public struct SubmissionGrade: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        case passed, failed
        /// The file could not be graded at all (not text, too large, another lab's transcript).
        case malformed
    }

    public var learner: String
    /// The submission's file name.
    public var file: String
    public var status: Status
    public var score: Int
    public var maxPoints: Int
    /// Why a malformed submission could not be graded.
    public var problem: String?
    /// When the submission was made (its file's modification time, UTC, `YYYY-MM-DDTHH:MM:SS`).
    public var submittedAt: String
    public var items: [ItemGrade]
    /// What replaying the submission did: each command with its exit status, and errors.
    public var log: [String]

    public init(learner: String, file: String, status: Status, score: Int, maxPoints: Int, problem: String? = nil,
                submittedAt: String, items: [ItemGrade], log: [String] = []) {
        self.learner = learner
        self.file = file
        self.status = status
        self.score = score
        self.maxPoints = maxPoints
        self.problem = problem
        self.submittedAt = submittedAt
        self.items = items
        self.log = log
    }

    /// The score as a whole percentage of the maximum, rounded down.
    public var percent: Int { maxPoints > 0 ? score * 100 / maxPoints : 0 }

    /// A submission that could not be graded.
    public static func malformed(learner: String, file: String, problem: String, maxPoints: Int, submittedAt: String) -> SubmissionGrade {
        SubmissionGrade(learner: learner, file: file, status: .malformed, score: 0, maxPoints: maxPoints, problem: problem,
                        submittedAt: submittedAt, items: [])
    }
}

/// One item's outcome in a submission.
public struct ItemGrade: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var points: Int
    public var earned: Int
    public var passed: Bool
    /// Why it failed, in the learner's words.
    public var reason: String?

    public init(id: String, title: String, points: Int, passed: Bool, reason: String? = nil) {
        self.id = id
        self.title = title
        self.points = points
        self.earned = passed ? points : 0
        self.passed = passed
        self.reason = reason
    }
}
