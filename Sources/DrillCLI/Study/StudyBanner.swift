import Foundation
import Storage
import StudyKit

/// What the REPL's banner and completion learn from study progress and the course.
enum StudyBanner {
    /// "3 reviews due", "learner alice · nothing due"; nil if the learner has no record yet.
    static func dueSummary(_ runner: CommandRunner) -> String? {
        let store = SQLiteProgressStore(database: runner.home.database)
        let name = runner.session.learner
        guard let learner = try? store.learner(named: name),
              let activity = try? store.activity(of: learner.name, at: runner.home.clock.now()) else {
            return name == LearnerName.defaultName ? nil : "learner \(name) (not added yet: learner add \(name))"
        }
        let due = activity.due == 0 ? "nothing due" : "\(activity.due) review\(activity.due == 1 ? "" : "s") due"
        return name == LearnerName.defaultName ? due : "learner \(name) · \(due)"
    }

    /// Lesson ids and topic ids, for Tab after `study` and `--lesson`.
    static func lessonTargets(_ runner: CommandRunner) -> [String] {
        guard let course = CourseCache.shared.courseIfLoadable(at: runner.contentPath) else { return [] }
        return course.lessons.map(\.id) + course.topics.map(\.id).filter { topic in !course.lessons.contains { $0.id == topic } }
    }
}
