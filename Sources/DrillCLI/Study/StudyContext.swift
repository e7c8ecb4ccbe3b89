import Foundation
import Storage
import StudyKit

/// What a study command works with: the course, the learner and their progress store, and time.
///
/// Time: FSRS due dates follow the home's simulated clock (`runner.home.clock`), never the wall
/// clock, so `clock advance 1d` makes tomorrow's reviews due and tests are deterministic.
/// Progress always goes to the learner's home, even while commands act in a lab's sandbox.
struct StudyContext {
    let runner: CommandRunner
    let console: Console
    let course: Course
    let store: any ProgressStore
    let learner: LearnerRecord

    /// Opens the course and the session's learner, creating the default learner on first use.
    static func open(_ c: CommandContext) throws -> StudyContext {
        let (course, problems) = try CourseCache.shared.course(at: c.runner.contentPath)
        if problems > 0 {
            c.console.err("warning: the course in \(c.runner.contentPath) has \(problems) problem\(problems == 1 ? "" : "s"); run 'content check' to see them\n")
        }
        let store = SQLiteProgressStore(database: c.runner.home.database)
        let learner = try learnerRecord(store, name: c.runner.session.learner, at: c.runner.home.clock.now())
        return StudyContext(runner: c.runner, console: c.console, course: course, store: store, learner: learner)
    }

    /// The learner, with the store's error turned into a drill error that names the fix.
    static func learnerRecord(_ store: any ProgressStore, name: String, at time: Date) throws -> LearnerRecord {
        do {
            return try store.requireLearner(name, at: time)
        } catch let e as ProgressStoreError {
            throw DrillError(e.description, status: ExitStatus.usage)
        }
    }

    /// The simulated time of the learner's home.
    func now() -> Date { runner.home.clock.now() }

    /// A scheduler under the learner's own parameters.
    func scheduler() throws -> Scheduler {
        do {
            return try Scheduler(parameters: learner.parameters)
        } catch {
            throw DrillError("the scheduler parameters of learner '\(learner.name)' cannot be used: \(error); set them again with 'learner set-retention 0.9'")
        }
    }

    /// Options for rendering text at the console's width (capped for readability) and colour.
    var renderOptions: RenderOptions {
        RenderOptions(width: min(max(console.width, 40), 100), color: console.color)
    }

    /// "default learner" or "learner alice", for headings.
    var learnerLabel: String { learner.name == LearnerName.defaultName ? "default learner" : "learner \(learner.name)" }
}
