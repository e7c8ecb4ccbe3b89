import CLIGrammar
import Foundation
import StudyKit

/// `review [--count N]`: exactly the questions FSRS says are due now.
enum ReviewCommand: CommandGroup {
    static let specs = [
        CommandSpec(
            name: "review", summary: "Review the questions FSRS-6 says are due now",
            description: """
                Brings back exactly the questions whose review is due by the simulated clock, most overdue \
                first, asked and rated as in quiz. New questions are introduced by quiz, not here. Due \
                dates follow the home's simulated clock: clock advance 1d makes tomorrow's reviews due.
                """,
            options: [
                OptionSpec("count", .integer, summary: "Review at most this many (default: all that are due)"),
                OptionSpec("seed", .integer, summary: "Fix the order of options (for scripts)"),
            ],
            examples: [
                ExampleSpec(title: "Review what is due", command: "review"),
                ExampleSpec(title: "Move the simulated clock a day; then review shows tomorrow's reviews", command: "clock advance 1d"),
            ]),
    ]

    static let handlers: [String: CommandHandler] = [
        "review": { p, c in
            let study = try StudyContext.open(c)
            if let count = p.integer("count"), count < 1 {
                throw DrillError("--count must be at least 1, got \(count)", status: ExitStatus.usage)
            }
            var random = StudyRandom(seed: p.integer("seed"))
            let now = study.now()
            let due = try study.store.dueCards(learner: study.learner.name, at: now)
            let items: [PresentedQuestion]
            do {
                items = try QuizBuilder.build(from: study.course, request: QuizRequest(source: .due(cards: due, now: now), count: p.integer("count")),
                                              random: &random)
            } catch {
                throw DrillError("\(error)", status: ExitStatus.usage)
            }
            guard !items.isEmpty else {
                // Labs are cards too (lab:<id>), reviewed by doing them again rather than here.
                let labs = due.map(\.id).filter { $0.hasPrefix("lab:") }.map { String($0.dropFirst(4)) }
                if !labs.isEmpty {
                    c.console.out("No question is due. Lab\(labs.count == 1 ? " is" : "s are") due: "
                                  + labs.map { "lab start \($0)" }.joined(separator: ", ") + ".\n")
                    return ExitStatus.success
                }
                if let next = try study.store.nextDue(learner: study.learner.name, after: now) {
                    c.console.out("Nothing is due. Next review: \(TimeText.when(next, from: now)).\n")
                } else {
                    c.console.out("Nothing is due: no question has been answered yet. Start with quiz.\n")
                }
                return ExitStatus.success
            }
            return try QuizRunner(study: study, kind: .review, items: items, filter: nil, random: random).run()
        },
    ]
}
