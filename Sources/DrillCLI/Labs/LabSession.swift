import Foundation
import Storage
import StudyKit

/// The lab a runner is in: which attempt, which sandbox, and the moves between the learner's home
/// and a sandbox (start, resume, leave), plus the recording of what the learner types.
///
/// While a lab is active, `runner.workbench` is the lab's sandbox and `runner.session.lab` its id;
/// progress always goes to `runner.home`.
enum LabSession {
    /// Lab subcommands that steer the lab rather than work in it: never part of a transcript, and
    /// skipped when a transcript is replayed by the grader.
    static let controlSubcommands: Set<String> = ["list", "start", "show", "hint", "check", "reset", "solution", "quit",
                                                  "transcript", "status"]

    static func store(_ runner: CommandRunner) -> LabProgressStore { LabProgressStore(database: runner.home.database) }

    /// The learner's home time (FSRS schedules by it).
    static func now(_ runner: CommandRunner) -> Date { runner.home.clock.now() }

    /// Enters `lab`: resumes the learner's attempt in progress, or builds a fresh sandbox and
    /// starts a new attempt. Returns the attempt and whether it was resumed.
    static func enter(_ lab: Lab, runner: CommandRunner, fresh: Bool) throws -> (LabAttemptRecord, resumed: Bool) {
        let store = store(runner)
        let learner = runner.session.learner
        if let active = try store.activeAttempt(learner: learner, labId: lab.id) {
            let existing = HomeFolder(path: active.sandbox)
            if !fresh, LabSandbox.exists(existing, labId: lab.id) {
                activate(lab, workbench: try LabSandbox.open(existing, labId: lab.id), runner: runner)
                return (active, true)
            }
            // Starting over (or the sandbox is gone): the old attempt ends unpassed.
            try finish(active, lab: lab, passed: false, runner: runner)
            LabSandbox.discard(active.sandbox, home: runner.home.home)
        }
        let folder = LabSandbox.newFolder(home: runner.home.home, learner: learner, labId: lab.id)
        let workbench = try LabSandbox.create(lab, in: folder, contentPath: runner.contentPath, wall: Date(), grading: false)
        let attempt = try store.startAttempt(learner: learner, labId: lab.id, sandbox: folder.path, maxScore: lab.points,
                                             at: now(runner), wall: Date())
        activate(lab, workbench: workbench, runner: runner)
        return (attempt, false)
    }

    /// Makes `workbench` the place commands act, as the lab's learner profile.
    static func activate(_ lab: Lab, workbench: Workbench, runner: CommandRunner) {
        runner.workbench = workbench
        runner.session.lab = lab.id
        runner.session.profile = lab.setup.learnerProfile
    }

    /// Back to the learner's home (the attempt, if any, is left as it is).
    static func leave(_ runner: CommandRunner) {
        runner.workbench = runner.home
        runner.session.lab = nil
        runner.session.profile = "default"
    }

    /// The lab the runner is in and the learner's attempt at it.
    static func current(_ runner: CommandRunner) throws -> (Lab, LabAttemptRecord?) {
        guard let id = runner.session.lab else {
            throw DrillError("you are not in a lab; lab list shows the labs, lab start ID begins one", status: ExitStatus.usage)
        }
        let lab = try LabCatalog.shared.lab(id, at: runner.contentPath)
        let attempt = LabSandbox.isGrading(runner.workbench) ? nil : try store(runner).activeAttempt(learner: runner.session.learner, labId: id)
        return (lab, attempt)
    }

    /// Back into the lab the learner was working on when kmsdrill last stopped: once per runner,
    /// at its first command, so that leaving a lab later never drops the learner into another.
    static func resume(_ runner: CommandRunner) {
        guard firstCommand(of: runner), runner.session.lab == nil,
              let attempt = try? store(runner).latestActiveAttempt(learner: runner.session.learner),
              let lab = try? LabCatalog.shared.lab(attempt.labId, at: runner.contentPath) else { return }
        let folder = HomeFolder(path: attempt.sandbox)
        guard LabSandbox.exists(folder, labId: lab.id), let workbench = try? LabSandbox.open(folder, labId: lab.id) else { return }
        activate(lab, workbench: workbench, runner: runner)
    }

    /// The runners that have run a command already (weakly held: a new runner at a reused
    /// address is a new runner).
    private static let seenLock = NSLock()
    nonisolated(unsafe) private static var seen: [ObjectIdentifier: WeakRunner] = [:]

    private struct WeakRunner {
        weak var runner: CommandRunner?
    }

    private static func firstCommand(of runner: CommandRunner) -> Bool {
        seenLock.withLock {
            let key = ObjectIdentifier(runner)
            if let known = seen[key], known.runner === runner { return false }
            seen = seen.filter { $0.value.runner != nil }
            seen[key] = WeakRunner(runner: runner)
            return true
        }
    }

    /// Ends an attempt, passed or not, and records the FSRS review its outcome earns.
    @discardableResult
    static func finish(_ attempt: LabAttemptRecord, lab: Lab, passed: Bool, runner: CommandRunner,
                       reviews: LabReviewRecording? = nil) throws -> (Rating, Date?) {
        let duration = Date().timeIntervalSince(attempt.startedWallAt)
        let rating = LabRating.rating(passed: passed, hintsUsed: attempt.hintsUsed, solutionViewed: attempt.solutionViewed,
                                      checks: lab.checks.count, minutes: lab.minutes, duration: duration)
        let time = now(runner)
        try store(runner).finishAttempt(attempt.id, status: passed ? .passed : .abandoned, rating: rating.rawValue, at: time)
        let recorder = reviews ?? ProgressStoreLabReviews(database: runner.home.database)
        let due = try? recorder.recordLabReview(learner: attempt.learner, labId: lab.id, rating: rating, at: time, duration: duration)
        return (rating, due ?? nil)
    }

    /// Records a line the learner ran in a lab's sandbox (its transcript), unless it steers the lab.
    static func record(_ line: String, status: Int32, runner: CommandRunner) {
        guard let labId = runner.session.lab, runner.workbench !== runner.home, !LabSandbox.isGrading(runner.workbench),
              !isControlLine(line), !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        let store = store(runner)
        guard let attempt = try? store.activeAttempt(learner: runner.session.learner, labId: labId) else { return }
        // Kept as the history keeps it: inline secrets (--plaintext ...) are redacted.
        guard let kept = runner.grammar.redactingSecrets(line) else { return }
        try? store.appendTranscriptLine(attempt: attempt.id, line: kept, exitStatus: status)
    }

    /// Whether `line` is a lab command that steers the lab (`lab check`, `lab hint`, ...), or
    /// something else that belongs to the learner rather than the sandbox (`exit`, `help`).
    static func isControlLine(_ line: String) -> Bool {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first else { return true }
        if first.hasPrefix("#") { return true }
        if ["exit", "quit", "help"].contains(first) { return true }
        if first == "lab" { return words.count < 2 || controlSubcommands.contains(words[1]) || words[1].hasPrefix("-") }
        return false
    }
}
