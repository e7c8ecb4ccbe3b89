import Foundation
import Storage
import StudyKit
import Wire

/// Runs a quiz or a review, one question at a time: the question, the answer, immediate feedback
/// with every option's explanation, then the rating (derived as FSRS.md says, or the learner's
/// own). Each answer is stored, with its review, in one transaction before the next question is
/// shown, so a kill loses nothing already answered.
final class QuizRunner {
    let study: StudyContext
    let kind: StudySessionKind
    let items: [PresentedQuestion]
    let filter: String?
    var random: StudyRandom
    let view: QuestionView
    let scheduler: Scheduler
    private(set) var answered = 0
    private(set) var correct = 0
    private(set) var skipped = 0

    var console: Console { study.console }
    var noun: String { kind == .review ? "Review" : "Quiz" }

    init(study: StudyContext, kind: StudySessionKind, items: [PresentedQuestion], filter: String?, random: StudyRandom) throws {
        self.study = study
        self.kind = kind
        self.items = items
        self.filter = filter
        self.random = random
        view = QuestionView(options: study.renderOptions)
        scheduler = try study.scheduler()
    }

    private enum Flow { case next, stop }

    /// Asks every question (or until `quit` or the end of input) and prints a summary.
    func run() throws -> Int32 {
        let sessionID = try study.store.startSession(learner: study.learner.name, kind: kind, at: study.now(),
                                                     questionIDs: items.map(\.question.id), filter: filter, timeLimit: nil)
        let history = try study.store.correctAnswerDurations(learner: study.learner.name)
        let count = "\(items.count) question\(items.count == 1 ? "" : "s")"
        let intro = "\(noun): \(count)\(filter.map { " (\($0))" } ?? ""). Answer with the option letters; ? for help, quit to stop."
        console.out(view.wrap(intro, indent: "").joined(separator: "\n") + "\n")
        var outcome = StudySessionOutcome.completed
        for (index, item) in items.enumerated() {
            if try ask(item, number: index + 1, sessionID: sessionID, history: history) == .stop {
                // Stopping after the last answer (quit at its rating) still completes the quiz.
                outcome = answered + skipped < items.count ? .quit : .completed
                break
            }
        }
        try study.store.finishSession(sessionID, at: study.now(), outcome: outcome, score: nil, passed: nil)
        try printSummary()
        return ExitStatus.success
    }

    private func ask(_ item: PresentedQuestion, number: Int, sessionID: Int64, history: [String: [TimeInterval]]) throws -> Flow {
        let question = item.question
        let timeline = StudyTimeline(start: study.now())
        var session = QuizSession(items: [item], startedAt: timeline.now(), history: history)
        console.out("\n" + view.question(item, header: header(item, number: number)))
        var override: Rating?
        var unavailable: String?
        var graded: GradedAnswer
        var derived: Rating
        answering: while true {
            let prompt = question.kind == .doIt ? "Your answer: " : "Your answer (\(AnswerPrompt.letters(item))): "
            guard let raw = console.readLine(prompt: prompt) else { return .stop }
            let step: QuizSession.Step
            switch AnswerLine(raw) {
            case .help:
                console.out(Self.help)
                continue answering
            case .quit:
                return .stop
            case .skip:
                skipped += 1
                console.out("Skipped; it stays \(kind == .review ? "due" : "unanswered").\n")
                return .next
            case .command(let line):
                runCommand(line)
                continue answering
            case .giveUp:
                var expected: JSONValue?
                if let spec = question.answer {
                    switch DoItEvaluator(runner: study.runner).expected(for: spec) {
                    case .success(let value): expected = value
                    case .failure(let problem): unavailable = problem.description
                    }
                }
                step = session.giveUp(at: timeline.now(), expected: expected)
            case .answer(let text, let rating):
                override = rating
                if let spec = question.answer, question.kind == .doIt {
                    if text.isEmpty {
                        console.err("type the value you found, or skip, giveup, ?\n")
                        continue answering
                    }
                    switch DoItEvaluator(runner: study.runner).expected(for: spec) {
                    case .success(let expected):
                        step = session.submitDoIt(text, expected: expected, at: timeline.now())
                    case .failure(let problem):
                        console.err("Cannot check your answer yet: \(problem). Do the task first (commands start with !), then type the value again; or skip.\n")
                        continue answering
                    }
                } else {
                    step = session.submit(text, at: timeline.now())
                }
            }
            switch step {
            case .invalid(let problem):
                console.err("\(problem)\n")
            case .tryAgain(let left):
                console.out("Not quite; \(left) tr\(left == 1 ? "y" : "ies") left.\n")
            case .graded(let g, let d):
                graded = g
                derived = d
                break answering
            case .notAsking:
                return .next
            }
        }
        // The answer is stored before its feedback is shown; the rating and the FSRS review
        // follow when the learner confirms (a kill at the rating prompt keeps the answer, unrated).
        func sessionAnswer(_ record: QuizAnswerRecord, rated: Bool) -> SessionAnswer {
            SessionAnswer(sessionID: sessionID, position: number, questionID: question.id, optionOrder: item.optionOrder,
                          chosenLetters: record.chosenLetters, givenAnswer: record.givenAnswer,
                          expectedAnswer: graded.expectedAnswer, correct: record.correct, gaveUp: record.gaveUp,
                          attempts: record.attempts, shownAt: record.shownAt, answeredAt: record.answeredAt,
                          duration: record.duration, derivedRating: record.derivedRating, rating: rated ? record.rating : nil)
        }
        if override == nil, let pending = session.pending() {
            try study.store.saveAnswer(sessionAnswer(pending, rated: false))
        }
        console.out(view.feedback(graded, expectedUnavailable: unavailable))
        var stop = false
        if override == nil {
            (override, stop) = readRating(for: question, graded: graded, derived: derived, history: history)
        }
        guard let record = session.confirm(rating: override, at: timeline.now()) else { return stop ? .stop : .next }
        let answer = sessionAnswer(record, rated: true)
        let saved = try study.store.recordReview(learner: study.learner.name, cardID: question.id, rating: record.rating,
                                                 at: study.now(), duration: record.duration,
                                                 source: kind == .review ? .review : .quiz, answer: answer, random: &random)
        answered += 1
        if record.correct { correct += 1 }
        let whose = record.overridden ? "your rating" : "derived"
        console.out("Saved: \(record.rating.name) (\(whose)); next due \(TimeText.when(saved.entry.after.due, from: saved.entry.reviewedAt)).\n")
        return stop ? .stop : .next
    }

    /// Shows the derived rating and what each rating would schedule, then reads the learner's
    /// choice on a terminal. A script has no rating prompt: its rating follows the answer (`B 4`).
    private func readRating(for question: Question, graded: GradedAnswer, derived: Rating,
                            history: [String: [TimeInterval]]) -> (Rating?, stop: Bool) {
        let now = study.now()
        let card = ((try? study.store.card(learner: study.learner.name, id: question.id)) ?? nil) ?? Card.new(id: question.id, due: now)
        let threshold = RatingPolicy.fastThreshold(wordCount: question.wordCount, thinkingTime: question.kind == .doIt ? 60 : 8,
                                                   previousCorrectDurations: history[question.id] ?? [])
        console.out("Rating: \(derived.name), \(AnswerPrompt.reason(graded, derived: derived, fastThreshold: threshold)).\n")
        console.out(view.style.dim("Next review after each rating: \(TimeText.preview(scheduler.preview(card, at: now)))") + "\n")
        guard console.isInteractive else { return (nil, false) }
        while true {
            guard let raw = console.readLine(prompt: "Enter accepts \(derived.name); or type 1-4 (again, hard, good, easy): ") else {
                return (nil, true)
            }
            let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
            if text.isEmpty { return (nil, false) }
            if text == "quit" { return (nil, true) }
            if text == "?" || text == "help" {
                console.out(Self.ratingHelp)
                continue
            }
            if let rating = AnswerLine.rating(text) { return (rating, false) }
            console.err("'\(raw)' is not a rating: press Enter to accept \(derived.name), or type 1 (again), 2 (hard), 3 (good) or 4 (easy)\n")
        }
    }

    /// Runs a command typed with `!` through the same runner, except commands that would leave or
    /// nest the session.
    private func runCommand(_ line: String) {
        let first = line.split(separator: " ").first.map(String.init) ?? ""
        if line.isEmpty {
            console.err("type a command after !, for example !kms list-aliases\n")
        } else if ["quiz", "review", "exam", "exit", "quit", "learner"].contains(first) {
            console.err("'\(first)' cannot run inside a \(noun.lowercased()); type quit to end it first\n")
        } else {
            study.runner.run(line, console: console)
        }
    }

    private func header(_ item: PresentedQuestion, number: Int) -> String {
        let topic = study.course.topic(id: item.question.topic)?.title ?? item.question.topic
        return "\(noun == "Review" ? "Review" : "Question") \(number) of \(items.count) · \(topic) · \(item.question.id)"
    }

    private func printSummary() throws {
        var text = "\n\(noun) over: \(answered) answered, \(correct) correct"
        if skipped > 0 { text += ", \(skipped) skipped" }
        let unasked = items.count - answered - skipped
        if unasked > 0 { text += ", \(unasked) not reached" }
        text += ". Every answer is saved.\n"
        let now = study.now()
        let due = try study.store.dueCards(learner: study.learner.name, at: now).count
        if due > 0 {
            text += "\(due) review\(due == 1 ? " is" : "s are") due now: type review.\n"
        } else if let next = try study.store.nextDue(learner: study.learner.name, after: now) {
            text += "Next review \(TimeText.when(next, from: now)).\n"
        }
        console.out(text)
    }

    static let help = """
        Answer with the option letter (B), or letters separated by commas when the question says
        "Choose two." (A,C). A do-it question takes the value you found.
          !COMMAND   run a command without leaving (e.g. !kms describe-key --key-id alias/aws/ebs)
          skip       leave this question for later (nothing is recorded)
          giveup     see the answer and every explanation (recorded as again)
          quit       stop here; every answer given so far is saved
        Your own rating may follow the answer: B 4, A,C easy (in a script, that is the only way).

        """

    static let ratingHelp = """
        The rating decides when you see this question again (FSRS-6):
          1 again  you did not know it          3 good  you knew it
          2 hard   you got there with effort    4 easy  you knew it at once
        Press Enter to accept the rating derived from your answer, or type quit to stop after saving.

        """
}
