import CLIGrammar
import Foundation
import StudyKit
import Wire

/// `progress [--format text|json|csv]`: mastery per topic and fact, due counts, the forecast.
enum ProgressCommand: CommandGroup {
    static let specs = [
        CommandSpec(
            name: "progress", summary: "Your mastery per topic and fact, what is due, the 7-day forecast",
            description: """
                Mastery is the chance FSRS-6 gives you of answering a group's questions right now (questions \
                never answered count as 0). Answered and correct count reviews: quiz, review and exam answers. \
                --format json and csv export the same figures for other tools; the JSON carries learner, \
                answered, correct, due and the per-topic and per-fact figures; the CSV has one row per topic, \
                and one per fact with --facts.
                """,
            options: [
                OptionSpec("format", .choice(["text", "json", "csv"]), summary: "text (default), json or csv"),
                OptionSpec("facts", .flag, summary: "CSV: add one row per fact"),
            ],
            examples: [
                ExampleSpec(title: "Where you stand", command: "progress"),
                ExampleSpec(title: "Export for a spreadsheet", command: "progress --format csv --facts > progress.csv"),
            ]),
    ]

    static let handlers: [String: CommandHandler] = [
        "progress": { p, c in
            let study = try StudyContext.open(c)
            let report = ProgressCalculator.report(course: study.course, cards: try study.store.cards(learner: study.learner.name),
                                                   log: try study.store.reviewLog(learner: study.learner.name),
                                                   scheduler: try study.scheduler(), now: study.now(),
                                                   timeZone: TimeZone(identifier: "UTC") ?? .current, forecastDays: 7)
            let view = ProgressView(learner: study.learner.name, report: report, course: study.course)
            switch p.string("format") ?? "text" {
            case "json": c.console.out(JSONWriter.pretty(view.json()) + "\n")
            case "csv": c.console.out(view.csv(facts: p.flag("facts")))
            default:
                if p.flag("facts") { c.console.err("note: --facts only changes CSV output; text always shows facts\n") }
                c.console.out(view.text(options: study.renderOptions))
            }
            return ExitStatus.success
        },
    ]
}
