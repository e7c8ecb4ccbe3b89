import CLIGrammar
import Foundation
import StudyKit

/// `study [TOPIC|LESSON]`: the lessons with the learner's progress, or one lesson rendered.
enum StudyCommand: CommandGroup {
    static let specs = [
        CommandSpec(
            name: "study", summary: "List the lessons with your progress, or read one",
            description: """
                Without an argument, lists the lessons in reading order with what you have read and how \
                well you know the facts each teaches (mastery: the chance FSRS-6 gives you of answering its \
                questions right now). With one, shows that lesson: a lesson id or number, a topic (every \
                lesson on it), or a fact id such as F20 (the lessons that teach it). On a terminal it is \
                shown a screenful at a time; in a script or pipe all at once.
                """,
            positionals: [PositionalSpec("lesson", summary: "A lesson id or number, a topic id, or a fact id", isRequired: false,
                                         completion: .lessons)],
            examples: [
                ExampleSpec(title: "See every lesson and your progress", command: "study"),
                ExampleSpec(title: "Read the lesson on key policies", command: "study key-policies"),
                ExampleSpec(title: "Read the third lesson", command: "study 3"),
            ]),
    ]

    static let handlers: [String: CommandHandler] = [
        "study": { p, c in
            let study = try StudyContext.open(c)
            guard let name = p.string("lesson") else { return try list(study) }
            let lessons = StudyTargets.lessons(name, in: study.course)
            guard !lessons.isEmpty else {
                throw DrillError("there is no lesson, topic or fact '\(name)'; type study to list the lessons "
                                 + "(lessons: \(study.course.lessons.map(\.id).joined(separator: ", ")); "
                                 + "topics: \(study.course.topics.map(\.id).joined(separator: ", ")))", status: ExitStatus.usage)
            }
            let renderer = LessonRenderer(options: study.renderOptions)
            var lines: [String] = []
            for lesson in lessons {
                if !lines.isEmpty { lines += ["", ""] }
                lines += renderer.render(lesson, topicTitle: study.course.topic(id: lesson.topic)?.title)
                try study.store.markLessonRead(learner: study.learner.name, lesson: lesson.id, at: study.now())
            }
            let next = lessons.count == 1 ? "quiz --lesson \(lessons[0].id)" : "quiz --topic \(lessons[0].topic)"
            lines += ["", TextStyle(enabled: study.console.color).dim("Test yourself: \(next)")]
            Pager(console: c.console).show(lines)
            return ExitStatus.success
        },
    ]

    /// The lessons in reading order with what the learner has read and knows.
    static func list(_ study: StudyContext) throws -> Int32 {
        let now = study.now()
        let report = ProgressCalculator.report(course: study.course, cards: try study.store.cards(learner: study.learner.name),
                                               log: try study.store.reviewLog(learner: study.learner.name),
                                               scheduler: try study.scheduler(), now: now, forecastDays: 1)
        let reads = try study.store.lessonReads(learner: study.learner.name)
        let factMastery = Dictionary(report.facts.map { ($0.id, $0.figures) }, uniquingKeysWith: { first, _ in first })
        let dueIDs = Set(try study.store.dueCards(learner: study.learner.name, at: now).map(\.id))
        var rows: [[String]] = []
        for (index, lesson) in study.course.lessons.enumerated() {
            let figures = lesson.facts.compactMap { factMastery[$0] }
            let mastery = figures.isEmpty ? 0 : figures.map(\.mastery).reduce(0, +) / Double(figures.count)
            let questions = Set(lesson.facts.flatMap { study.course.questions(fact: $0).map(\.id) })
            let due = questions.intersection(dueIDs).count
            rows.append([String(index + 1), lesson.id, lesson.title, reads[lesson.id] == nil ? "" : "yes",
                         "\(Int((mastery * 100).rounded()))%", due == 0 ? "" : String(due)])
        }
        let table = Table(header: ["#", "Lesson", "Title", "Read", "Mastery", "Due"], rows: rows)
        var lines = ["\(study.course.manifest.title): \(study.course.lessons.count) lessons (\(study.learnerLabel))", ""]
        lines += LessonRenderer(options: study.renderOptions).render(.table(table))
        lines += ["", "Read one with study <lesson>: an id, a number, a topic (study rotation) or a fact (study F20)."]
        study.console.out(lines.joined(separator: "\n") + "\n")
        return ExitStatus.success
    }
}
