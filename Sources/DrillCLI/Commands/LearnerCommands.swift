import CLIGrammar
import Foundation
import Storage
import StudyKit

/// `learner list|add|switch|show|set-retention`: several learners share one home, each with
/// their own progress and FSRS parameters.
enum LearnerCommands: CommandGroup {
    static let specs = [
        CommandSpec(
            name: "learner", summary: "List, add, switch or show learners (each has their own progress)",
            description: """
                Several learners can share one home; each has their own cards, review log, sessions and \
                FSRS-6 parameters (model version, weights, desired retention). Start kmsdrill with \
                --learner NAME, or switch with learner switch NAME; the learner called default exists \
                from the start. Switching lasts for this run, like profile.
                """,
            subcommands: [
                CommandSpec(name: "list", summary: "Every learner of this home, with reviews done and due"),
                CommandSpec(name: "add", summary: "Add a learner",
                            positionals: [PositionalSpec("name", summary: "1-32 letters, digits, '.', '_' or '-'")],
                            examples: [ExampleSpec(title: "Add a second learner", command: "learner add alice")]),
                CommandSpec(name: "switch", summary: "Record progress for another learner from now on",
                            positionals: [PositionalSpec("name", summary: "An existing learner")],
                            examples: [ExampleSpec(title: "Study as alice", command: "learner switch alice")]),
                CommandSpec(name: "show", summary: "The current learner: activity and scheduler parameters"),
                CommandSpec(name: "set-retention", summary: "Set the recall probability reviews aim for (default 0.9)",
                            description: """
                                FSRS-6 schedules each review for when your chance of recalling the answer has fallen \
                                to the desired retention. Higher means more reviews and less forgetting; 0.85 means \
                                fewer reviews. Values from 0.70 to 0.99 are accepted. Reviews already logged keep \
                                the parameters they were scheduled with.
                                """,
                            positionals: [PositionalSpec("retention", summary: "A number from 0.70 to 0.99, e.g. 0.85")],
                            examples: [ExampleSpec(title: "Fewer reviews, a little more forgetting", command: "learner set-retention 0.85")]),
            ]),
    ]

    static let handlers: [String: CommandHandler] = [
        "learner show": { _, c in try show(c) },
        "learner list": { _, c in
            let store = SQLiteProgressStore(database: c.runner.home.database)
            let now = c.runner.home.clock.now()
            _ = try StudyContext.learnerRecord(store, name: LearnerName.defaultName, at: now)
            for learner in try store.learners() {
                let activity = try store.activity(of: learner.name, at: now)
                let marker = learner.name == c.runner.session.learner ? "*" : " "
                let last = activity.lastReview.map { "last studied \(TimeText.moment($0))" } ?? "not studied yet"
                c.console.out("\(marker) \(learner.name.padding(toLength: 12, withPad: " ", startingAt: 0)) "
                              + "\(activity.reviews) review\(activity.reviews == 1 ? "" : "s"), \(activity.due) due, \(last)\n")
            }
            return ExitStatus.success
        },
        "learner add": { p, c in
            let name = p.string("name") ?? ""
            let store = SQLiteProgressStore(database: c.runner.home.database)
            do {
                try store.addLearner(name, parameters: .default, at: c.runner.home.clock.now())
            } catch let e as ProgressStoreError {
                throw DrillError(e.description, status: ExitStatus.usage)
            }
            c.console.out("Added learner \(name). Switch to them with: learner switch \(name)\n")
            return ExitStatus.success
        },
        "learner switch": { p, c in
            let name = p.string("name") ?? ""
            let store = SQLiteProgressStore(database: c.runner.home.database)
            let record = try StudyContext.learnerRecord(store, name: name, at: c.runner.home.clock.now())
            c.runner.session.learner = record.name
            let due = try store.activity(of: record.name, at: c.runner.home.clock.now()).due
            c.console.out("Now studying as \(record.name): \(due) review\(due == 1 ? "" : "s") due.\n")
            return ExitStatus.success
        },
        "learner set-retention": { p, c in
            let text = p.string("retention") ?? ""
            guard let retention = Double(text), retention >= 0.7, retention <= 0.99 else {
                throw DrillError("desired retention must be a number from 0.70 to 0.99 (0.9 is the default), got '\(text)'",
                                 status: ExitStatus.usage)
            }
            let store = SQLiteProgressStore(database: c.runner.home.database)
            let now = c.runner.home.clock.now()
            var parameters = try StudyContext.learnerRecord(store, name: c.runner.session.learner, at: now).parameters
            let old = parameters.desiredRetention
            parameters.desiredRetention = retention
            try store.setParameters(parameters, for: c.runner.session.learner, at: now)
            c.console.out("Desired retention of \(c.runner.session.learner): \(format(old)) -> \(format(retention)). "
                          + "New reviews are scheduled with it; earlier ones keep theirs.\n")
            return ExitStatus.success
        },
    ]

    static func show(_ c: CommandContext) throws -> Int32 {
        let store = SQLiteProgressStore(database: c.runner.home.database)
        let now = c.runner.home.clock.now()
        let learner = try StudyContext.learnerRecord(store, name: c.runner.session.learner, at: now)
        let activity = try store.activity(of: learner.name, at: now)
        let p = learner.parameters
        var text = "learner \(learner.name) (since \(TimeText.moment(learner.createdAt)))\n"
        text += "  cards \(activity.cards), reviews \(activity.reviews), due now \(activity.due)"
        text += activity.lastReview.map { ", last studied \(TimeText.moment($0))\n" } ?? "\n"
        if let next = try store.nextDue(learner: learner.name, after: now) { text += "  next review \(TimeText.when(next, from: now))\n" }
        text += "  scheduler \(p.modelVersion), desired retention \(format(p.desiredRetention)), maximum interval \(p.maximumInterval) days\n"
        text += "  learning steps \(p.learningSteps.map { TimeText.short($0) }.joined(separator: " ")), relearning steps "
        text += "\(p.relearningSteps.map { TimeText.short($0) }.joined(separator: " ")), fuzz \(p.enableFuzz ? "on" : "off")\n"
        text += "  weights \(p.weights.map { "\($0)" }.joined(separator: ", "))\n"
        c.console.out(text)
        return ExitStatus.success
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
