import Foundation
import Storage
import StudyKit

/// Runs a timed practice exam: no feedback until the end, answers may change until then,
/// questions may be flagged; the time limit is checked against the simulated clock at each input.
/// Every answer is stored when given; the FSRS reviews and the score are stored together at the end.
final class ExamRunner {
    let study: StudyContext
    private var exam: ExamSession
    let sessionID: Int64
    var random: StudyRandom
    let view: QuestionView
    /// Showing the end screen (after the last question) rather than a question.
    private var atEnd = false
    private var shownAt: Date

    var console: Console { study.console }

    init(study: StudyContext, items: [PresentedQuestion], minutes: Int, random: StudyRandom) throws {
        self.study = study
        self.random = random
        view = QuestionView(options: study.renderOptions)
        let start = study.now()
        do {
            exam = try ExamSession(items: items, startedAt: start, timeLimit: TimeInterval(minutes * 60), topics: study.course.topics)
        } catch {
            throw DrillError("\(error)")
        }
        shownAt = start
        sessionID = try study.store.startSession(learner: study.learner.name, kind: .exam, at: start,
                                                 questionIDs: items.map(\.question.id), filter: nil, timeLimit: TimeInterval(minutes * 60))
    }

    /// Runs the exam to the end (finish, time up, or end of input) and prints the result.
    func run() throws -> Int32 {
        let minutes = Int(((exam.timeLimit ?? 0) / 60).rounded())
        let intro = "Practice exam: \(exam.items.count) questions, \(minutes) minutes by the simulated clock. No feedback until "
            + "the end. Type the letters of your answer; next, back, goto N, flag, list, finish; ? for help."
        console.out(view.wrap(intro, indent: "").joined(separator: "\n") + "\n")
        var redraw = true
        while true {
            if exam.isTimeUp(at: study.now()) {
                console.out("\nTime is up.\n")
                break
            }
            if redraw { show() }
            redraw = true
            guard let raw = console.readLine(prompt: atEnd ? "finish, or goto N: " : "Answer (\(AnswerPrompt.letters(current))) or next, back, goto N, flag, list, finish: ") else {
                break
            }
            let now = study.now()
            if exam.isTimeUp(at: now) {
                console.out("\nTime is up: what was typed after the deadline is not counted.\n")
                break
            }
            let text = raw.trimmingCharacters(in: .whitespaces)
            let words = text.lowercased().split(separator: " ").map(String.init)
            switch words.first ?? "" {
            case "?", "help":
                console.out(Self.help)
                redraw = false
            case "finish", "quit", "exit":
                return try finish()
            case "next":
                try go(to: exam.position + 1, at: now)
            case "back":
                try go(to: atEnd ? exam.position : exam.position - 1, at: now)
            case "goto":
                guard words.count == 2, let number = Int(words[1]), number >= 1, number <= exam.items.count else {
                    console.err("type goto and a question number from 1 to \(exam.items.count), e.g. goto 3\n")
                    redraw = false
                    continue
                }
                try go(to: number - 1, at: now)
            case "flag":
                if atEnd {
                    console.err("flag marks the question on screen; goto N first\n")
                } else {
                    try perform { try exam.toggleFlag(at: now) }
                    console.out(exam.flagged.contains(exam.position) ? "Question \(exam.position + 1) flagged for review.\n" : "Flag removed.\n")
                    try saveAnswer(at: now)
                }
                redraw = false
            case "list":
                console.out(statusList())
                redraw = false
            default:
                if text.hasPrefix("!") {
                    console.err("commands are not available during an exam; finish it first\n")
                    redraw = false
                } else if atEnd {
                    console.err("to change an answer, goto its number first; or type finish\n")
                    redraw = false
                } else {
                    redraw = try answer(text, at: now)
                }
            }
        }
        return try finish()
    }

    private var current: PresentedQuestion { exam.items[exam.position] }

    private func show() {
        if atEnd {
            console.out("\n" + statusList())
            return
        }
        var header = "Question \(exam.position + 1) of \(exam.items.count)"
        if exam.flagged.contains(exam.position) { header += " · flagged" }
        if let left = exam.remaining(at: study.now()) { header += " · \(Self.clock(left)) left" }
        console.out("\n" + view.question(current, header: header, chosen: exam.answers[exam.position]))
    }

    /// Records an answer and moves on; returns whether to redraw.
    private func answer(_ text: String, at now: Date) throws -> Bool {
        do {
            try exam.answer(text, at: now)
        } catch {
            console.err("\(error)\n")
            return false
        }
        try saveAnswer(at: now)
        try go(to: exam.position + 1, at: now)
        return true
    }

    /// Stores the answer on screen (if any) with its flag; the exam is graded only at the end.
    private func saveAnswer(at now: Date) throws {
        let index = exam.position
        guard let chosen = exam.answers[index] else { return }
        let item = exam.items[index]
        try study.store.saveAnswer(SessionAnswer(sessionID: sessionID, position: index + 1, questionID: item.question.id,
                                                 optionOrder: item.optionOrder, chosenLetters: chosen.map(OptionLetters.letter),
                                                 correct: Grader.grade(item, chosen: chosen).correct, attempts: 1,
                                                 flagged: exam.flagged.contains(index), shownAt: shownAt,
                                                 answeredAt: exam.answeredAt[index] ?? now, duration: max(0, now.timeIntervalSince(shownAt))))
    }

    /// Shows question `index`, or the end screen past the last one.
    private func go(to index: Int, at now: Date) throws {
        if index >= exam.items.count {
            atEnd = true
            return
        }
        try perform { try exam.show(max(0, index), at: now) }
        atEnd = false
        shownAt = now
    }

    private func perform(_ action: () throws -> Void) throws {
        do {
            try action()
        } catch let e as ExamError {
            throw DrillError(e.description)
        }
    }

    private func statusList() -> String {
        var lines = ["Answered \(exam.items.count - exam.unanswered.count) of \(exam.items.count)"
                     + (exam.remaining(at: study.now()).map { " · \(Self.clock($0)) left" } ?? "")]
        for (index, item) in exam.items.enumerated() {
            let answer = exam.answers[index].map { $0.map(OptionLetters.letter).joined(separator: ",") } ?? "-"
            let flag = exam.flagged.contains(index) ? "  flagged" : ""
            lines.append("  \(String(index + 1).leftPadded(3)). \(answer.padding(toLength: 7, withPad: " ", startingAt: 0))\(flag)  "
                         + String(item.question.stem.split(separator: "\n").first?.prefix(50) ?? ""))
        }
        lines.append("Type goto N to see or change a question, finish to end the exam.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Grades the exam, stores the FSRS reviews, the answers and the score in one transaction,
    /// and prints the result.
    private func finish() throws -> Int32 {
        let end = study.now()
        let result = exam.finish(at: end)
        try study.store.transaction {
            for (index, record) in result.answers.enumerated() {
                let answer = SessionAnswer(sessionID: sessionID, position: index + 1, questionID: record.questionID,
                                           optionOrder: exam.items[index].optionOrder, chosenLetters: record.chosenLetters,
                                           correct: record.correct, gaveUp: !record.answered, attempts: record.answered ? 1 : 0,
                                           flagged: record.flagged, answeredAt: record.answeredAt ?? result.finishedAt,
                                           duration: record.timeSpent, derivedRating: record.rating, rating: record.rating)
                try study.store.recordReview(learner: study.learner.name, cardID: record.questionID, rating: record.rating,
                                             at: end, duration: record.timeSpent, source: .exam, answer: answer, random: &random)
            }
            try study.store.finishSession(sessionID, at: end, outcome: result.timedOut ? .timedOut : .completed,
                                          score: result.scaledScore, passed: result.passed)
        }
        console.out(ExamReport(result: result, items: exam.items, view: view).text())
        return result.passed ? ExitStatus.success : ExitStatus.failure
    }

    static func clock(_ seconds: TimeInterval) -> String {
        let s = Int(seconds.rounded(.down))
        let (h, m, sec) = (s / 3600, (s % 3600) / 60, s % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, sec) : String(format: "%d:%02d", m, sec)
    }

    static let help = """
        Type the letter of your answer (B), or letters separated by commas when the question says
        "Choose two." (A,C); answering moves to the next question. Answers can change until the end.
          next, back     move between questions         goto N   show question N
          flag           mark this question to revisit   list     every question, answered and flagged
          finish         end the exam now and see the score (unanswered questions count as wrong)
        Nothing is explained until the end; the clock is the simulated clock.

        """
}
