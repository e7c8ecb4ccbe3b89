import Foundation

/// A hands-on lab: a sandbox to start from, a task, tiered hints, named checks over the engine
/// state and the audit log, and a reference solution that the checks accept.
///
/// Labs are data (`Content/labs/*.yaml`, described in `Content/labs/README.md`); this type is the
/// loaded form. Running and grading them is the command line's business.
public struct Lab: Sendable, Hashable, Identifiable {
    /// kebab-case, unique among labs; `lab start ID`.
    public var id: String
    public var title: String
    /// One line for `lab list`.
    public var summary: String
    /// The fact ids (F1…F24) the lab practises.
    public var facts: [String]
    /// A rough estimate of the time the lab takes, in minutes.
    public var minutes: Int?
    public var setup: LabSetup
    /// What the learner is asked to do (plain text; blank lines separate paragraphs).
    public var task: String
    /// Hints for the lab as a whole, used when no failing check has hints of its own.
    public var hints: LabHints?
    public var checks: [LabCheck]
    /// The reference solution: a command transcript, one command per line, that `grade` accepts as is.
    public var solution: String
    /// What the learner should take away, shown when every check passes.
    public var debrief: String?
    public var location: SourceLocation

    public init(id: String, title: String, summary: String, facts: [String], minutes: Int? = nil, setup: LabSetup,
                task: String, hints: LabHints? = nil, checks: [LabCheck], solution: String, debrief: String? = nil,
                location: SourceLocation) {
        self.id = id
        self.title = title
        self.summary = summary
        self.facts = facts
        self.minutes = minutes
        self.setup = setup
        self.task = task
        self.hints = hints
        self.checks = checks
        self.solution = solution
        self.debrief = debrief
        self.location = location
    }

    /// The most a learner can score: the points of every check.
    public var points: Int { checks.reduce(0) { $0 + $1.points } }

    /// The FSRS card that schedules this lab: `lab:<id>`.
    public var cardID: String { Self.cardID(for: id) }

    /// The FSRS card id of the lab called `id`.
    public static func cardID(for id: String) -> String { "lab:" + id }

    /// The check called `id`.
    public func check(id: String) -> LabCheck? { checks.first { $0.id == id } }

    /// The checks that ask the learner a question (`lab answer ID TEXT`).
    public var questions: [LabCheck] {
        checks.filter { if case .answer = $0.kind { return true } else { return false } }
    }
}

/// The state a lab starts from, built in a fresh sandbox.
public struct LabSetup: Sendable, Hashable {
    public var clock: LabClock
    /// The profile the setup commands run as (`default`, the administrator, unless set).
    public var profile: String
    /// The profile the learner starts as.
    public var learnerProfile: String
    /// Files written into the sandbox's working folder before the commands run.
    public var files: [LabFile]
    /// Command lines run in order, each of which must succeed.
    public var commands: [Located<String>]

    public init(clock: LabClock, profile: String = "default", learnerProfile: String = "default",
                files: [LabFile] = [], commands: [Located<String>] = []) {
        self.clock = clock
        self.profile = profile
        self.learnerProfile = learnerProfile
        self.files = files
        self.commands = commands
    }
}

/// Where a lab's simulated clock starts, and whether it stands still until moved.
public struct LabClock: Sendable, Hashable {
    public var start: Date
    /// Frozen clocks make a transcript replay to the very same times (labs are graded that way).
    public var frozen: Bool

    public init(start: Date, frozen: Bool = true) {
        self.start = start
        self.frozen = frozen
    }
}

/// A text file a lab puts in the working folder.
public struct LabFile: Sendable, Hashable {
    /// A plain name inside the working folder (no `/`, no `..`).
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

/// Tiered hints: first a nudge, then the command family, then the command itself.
public struct LabHints: Sendable, Hashable {
    /// Each tier's text, in the order they are revealed.
    public var tiers: [String]

    public init(nudge: String, family: String, command: String) {
        tiers = [nudge, family, command]
    }

    /// The names of the tiers, as `lab hint` labels them.
    public static let tierNames = ["nudge", "command family", "the command"]
}
