import CLIGrammar
import Foundation
import StudyKit

/// `exam [--count N] [--minutes M]`: a timed practice exam with a scaled score.
enum ExamCommand: CommandGroup {
    static let specs = [
        CommandSpec(
            name: "exam", summary: "Sit a timed practice exam: scaled score, per-topic breakdown, review of what you missed",
            description: """
                Questions are spread over every topic; nothing is explained until the end. Answer with the \
                letters (A,C for "Choose two."); next, back and goto N move between questions, flag marks \
                one to revisit, list shows where you are, finish ends the exam. The time limit runs on the \
                simulated clock and is checked at each answer; when it has passed, the exam ends and \
                unanswered questions count as wrong.

                The score is on AWS's 100-1000 scale (ours is linear: 100 + 900 x right / total) with the \
                pass mark at 720. Every answer also counts as a review for FSRS-6 (right: good, wrong or \
                unanswered: again). The exit status is 0 for a pass and 1 for a fail.
                """,
            options: [
                OptionSpec("count", .integer, summary: "How many questions (default 20)"),
                OptionSpec("minutes", .integer, summary: "The time limit (default: 2 minutes per question, as in the AWS exams)"),
                OptionSpec("seed", .integer, summary: "Fix the questions and their order (for scripts and instructors)"),
            ],
            examples: [
                ExampleSpec(title: "A 20-question exam in 40 minutes", command: "exam"),
                ExampleSpec(title: "A short one", command: "exam --count 10 --minutes 15"),
            ]),
    ]

    static let defaultCount = 20

    static let handlers: [String: CommandHandler] = [
        "exam": { p, c in
            let count = p.integer("count") ?? defaultCount
            guard count >= 1 else { throw DrillError("--count must be at least 1, got \(count)", status: ExitStatus.usage) }
            let minutes = p.integer("minutes") ?? count * 2
            guard minutes >= 1, minutes <= 600 else {
                throw DrillError("--minutes must be from 1 to 600, got \(minutes)", status: ExitStatus.usage)
            }
            let study = try StudyContext.open(c)
            var random = StudyRandom(seed: p.integer("seed"))
            let items: [PresentedQuestion]
            do {
                items = try QuizBuilder.buildExam(from: study.course, count: count, random: &random)
            } catch {
                throw DrillError("\(error)", status: ExitStatus.usage)
            }
            return try ExamRunner(study: study, items: items, minutes: minutes, random: random).run()
        },
    ]
}
