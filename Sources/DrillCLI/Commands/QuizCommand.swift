import CLIGrammar
import Foundation
import StudyKit

/// `quiz [--topic T] [--lesson L] [--count N]`: exam-style questions one at a time, with
/// immediate feedback and FSRS ratings.
enum QuizCommand: CommandGroup {
    static let specs = [
        CommandSpec(
            name: "quiz", summary: "Answer exam-style questions one at a time, with every option explained",
            description: """
                Asks questions you have not answered yet first, then those due soonest. Type the letter of \
                your answer (B), or letters separated by commas when the question says "Choose two." (A,C). \
                After each answer you see whether it was right and why every option is right or wrong, \
                then the rating FSRS-6 will use (again, hard, good, easy), derived from your answer; press \
                Enter to accept it or type 1-4 to give your own.

                Do-it questions are answered by doing: type commands at the quiz prompt prefixed with ! \
                (!kms create-key), then type the value you found; it is checked against your sandbox.

                At any question: ? for help, skip, giveup, quit. Every answer is saved before the next \
                question appears. In a script each answer is read from the next line, and your own rating \
                may follow the answer on the same line (B,C 4), as in: \
                printf 'quiz --count 2 --seed 7\\nA\\nB,C 4\\n' | kmsdrill
                """,
            options: [
                OptionSpec("topic", summary: "Only questions on this topic (key-types, key-policies, envelope, service-encryption, rotation, rds-trap, audit)"),
                OptionSpec("lesson", summary: "Only questions on the facts a lesson teaches (its id or number)", completion: .lessons),
                OptionSpec("count", .integer, summary: "How many questions (default 10)"),
                OptionSpec("question", summary: "Ask exactly this question (repeat for several, asked in order)", isRepeatable: true),
                OptionSpec("seed", .integer, summary: "Fix the order of questions and options (for scripts and instructors)"),
            ],
            examples: [
                ExampleSpec(title: "Five questions on rotation", command: "quiz --topic rotation --count 5"),
                ExampleSpec(title: "Questions on what lesson 4 teaches", command: "quiz --lesson 4"),
                ExampleSpec(title: "The same questions in the same order every time", command: "quiz --count 3 --seed 7"),
            ]),
    ]

    static let handlers: [String: CommandHandler] = [
        "quiz": { p, c in
            let study = try StudyContext.open(c)
            var random = StudyRandom(seed: p.integer("seed"))
            let cards = try study.store.cards(learner: study.learner.name)
            let evaluator = DoItEvaluator(runner: c.runner)
            let request = QuizPlanner.Request(topic: p.string("topic"), lesson: p.string("lesson"),
                                              questionIDs: p.strings("question"), count: p.integer("count"))
            let items = try QuizPlanner.plan(request, course: study.course, cards: cards,
                                             answerable: { $0.answer.map(evaluator.isAnswerable) ?? true }, random: &random)
            let filter = [request.topic.map { "topic=\($0)" }, request.lesson.map { "lesson=\($0)" }].compactMap { $0 }
            return try QuizRunner(study: study, kind: .quiz, items: items, filter: filter.isEmpty ? nil : filter.joined(separator: ","),
                                  random: random).run()
        },
    ]
}
