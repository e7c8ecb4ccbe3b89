import Foundation
import Storage
import StudyKit
import Wire

/// The result of running a drill once.
struct DrillOutcome {
    let drill: Drill
    let items: [ItemGrade]
    let log: [String]

    var score: Int { items.reduce(0) { $0 + $1.earned } }
    var maxScore: Int { items.reduce(0) { $0 + $1.points } }
    var percent: Int { maxScore > 0 ? score * 100 / maxScore : 0 }
    var passed: Bool { percent >= drill.passPercent }
}

/// Runs a drill: narrative shown, questions asked, lab steps done in fresh sandboxes, all read
/// from one `DrillInput`. The same code runs a learner at the keyboard (`drill run`), a recorded
/// submission (`grade --drill`), and the reference answers (`drill check`).
final class DrillSession {
    let drill: Drill
    let course: Course
    let labs: [Lab]
    let runner: CommandRunner
    let console: Console
    let input: DrillInput
    /// Where the lab steps' sandboxes go; removed and remade for each run.
    let sandboxRoot: String
    /// Whether answers become FSRS reviews (a learner's own run, not a grader's replay).
    let recordsReviews: Bool

    var results: [ItemGrade] = []
    var log: [String] = []
    /// The sandbox of the latest lab step: do-it questions after it read their answers there.
    var lastSandbox: Workbench?
    /// Where this run's lab steps make their sandboxes.
    var stepRoot = ""

    init(drill: Drill, course: Course, labs: [Lab], runner: CommandRunner, console: Console, input: DrillInput,
         sandboxRoot: String, recordsReviews: Bool) {
        self.drill = drill
        self.course = course
        self.labs = labs
        self.runner = runner
        self.console = console
        self.input = input
        self.sandboxRoot = sandboxRoot
        self.recordsReviews = recordsReviews
    }

    /// The gradable items of `drill`, in order, with the ids the report uses.
    static func headers(_ drill: Drill, course: Course, labs: [Lab]) -> [ItemHeader] {
        var headers: [ItemHeader] = []
        var used: [String: Int] = [:]
        func unique(_ id: String) -> String {
            used[id, default: 0] += 1
            return used[id] == 1 ? id : "\(id)#\(used[id] ?? 1)"
        }
        for item in drill.items {
            switch item {
            case .say: continue
            case .question(let q):
                let title = question(q, course: course).map { Self.firstLine($0.stem) } ?? q.id
                headers.append(ItemHeader(id: unique("question:" + q.id), title: title, points: q.points))
            case .lab(let step):
                guard let lab = labs.first(where: { $0.id == step.labId }) else { continue }
                for check in lab.checks where step.checks?.contains(check.id) ?? true {
                    headers.append(ItemHeader(id: unique("lab:\(lab.id)/\(check.id)"), title: check.title, points: check.points))
                }
            }
        }
        return headers
    }

    static func question(_ q: DrillQuestion, course: Course) -> Question? {
        switch q.source {
        case .bank(let id): return course.question(id: id)
        case .inline(let question): return question
        }
    }

    static func firstLine(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? text
        return line.count > 90 ? String(line.prefix(87)) + "..." : line
    }

    func run() throws -> DrillOutcome {
        // The lab steps' sandboxes go in a folder of this run's own (never a reused path).
        let runRoot = sandboxRoot + "/run-" + UUID().uuidString.lowercased().prefix(8)
        stepRoot = runRoot
        let headers = Self.headers(drill, course: course, labs: labs)
        console.out("Drill: \(drill.title)" + (drill.timeLimit.map { " · \(DrillDuration.format($0)) allowed" } ?? "")
                    + " · pass mark \(drill.passPercent)%\n\n")
        var index = 0
        for (position, item) in drill.items.enumerated() {
            if let limit = drill.timeLimit, overTime {
                console.out("Time is up (\(DrillDuration.format(limit))).\n")
                log.append("time ran out before item \(position + 1)")
                break
            }
            switch item {
            case .say(let text, _):
                console.out(LabText.render(text, width: console.width) + "\n")
            case .question(let q):
                try ask(q, header: headers[index])
                index += 1
            case .lab(let step):
                let count = try labStep(step, position: position, headers: Array(headers[index...]))
                index += count
            }
        }
        // Whatever was not reached (time ran out, input ended) earns nothing.
        for header in headers[results.count...] {
            results.append(ItemGrade(id: header.id, title: header.title, points: header.points, passed: false, reason: "not reached"))
        }
        try? FileManager.default.removeItem(atPath: runRoot)
        return DrillOutcome(drill: drill, items: results, log: log)
    }

    /// Whether the drill's time has run out.
    var overTime: Bool {
        drill.timeLimit.map { input.elapsed > $0 } ?? false
    }

    // MARK: Questions

    private func ask(_ q: DrillQuestion, header: ItemHeader) throws {
        guard let question = Self.question(q, course: course) else {
            results.append(ItemGrade(id: header.id, title: header.title, points: header.points, passed: false, reason: "the question is missing"))
            return
        }
        let presented = PresentedQuestion(question: question)
        console.out("Question (\(q.points) points)\n" + LabText.render(question.stem, width: console.width))
        for shown in presented.shownOptions {
            console.out("  \(shown.letter). \(shown.option.text)\n")
        }
        let expected: () -> String? = { [weak self] in self?.doItValue(question).map(DoItMatcher.display) }
        let promptText = question.kind == .doIt ? "Your answer: " : "Your answer (\(AnswerInputText.range(question.options.count))): "
        var graded: GradedAnswer?
        var tries = 0
        while graded == nil, tries < 5, let line = input.next(.answer(presented, expected: expected), text: promptText) {
            tries += 1
            // An answer given after the time ran out does not count.
            if overTime {
                console.out("Time is up: the answer does not count.\n")
                break
            }
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.lowercased() == "skip" {
                graded = Grader.gaveUp(presented)
                break
            }
            if question.kind == .doIt {
                guard let value = doItValue(question) else {
                    console.out("(the value cannot be read: there is no lab sandbox before this question)\n")
                    break
                }
                graded = Grader.gradeDoIt(presented, answer: text, expected: value)
            } else {
                do {
                    graded = Grader.grade(presented, chosen: try presented.parseAnswer(text))
                } catch {
                    console.out("\(error.description)\n")
                }
            }
        }
        guard let graded else {
            results.append(ItemGrade(id: header.id, title: header.title, points: header.points, passed: false, reason: "not answered"))
            log.append("\(header.id): not answered")
            return
        }
        let reason: String?
        if graded.correct {
            console.out("Right.\n")
            reason = nil
        } else if question.kind == .doIt {
            reason = "answered \(graded.givenAnswer ?? "nothing"); the engine holds \(graded.expectedAnswer ?? "?")"
            console.out("Not right: \(reason ?? "").\n")
        } else {
            reason = "chose \(graded.chosenLetters.isEmpty ? "nothing" : graded.chosenLetters.joined(separator: ",")); the answer is \(graded.correctLetters.joined(separator: ","))"
            console.out("Not right: the answer is \(graded.correctLetters.joined(separator: ",")).\n")
        }
        if let explanation = graded.explanation { console.out(LabText.render(explanation, width: console.width, indent: "  ")) }
        console.out("\n")
        results.append(ItemGrade(id: header.id, title: header.title, points: header.points, passed: graded.correct, reason: reason))
        log.append("\(header.id): \(graded.correct ? "right" : "wrong")" + (graded.chosenLetters.isEmpty ? "" : " (\(graded.chosenLetters.joined(separator: ",")))"))
        if recordsReviews, case .bank = q.source { recordReview(question.id, correct: graded.correct, tries: tries) }
    }

    /// A do-it question's value, read on a copy of the latest lab step's sandbox.
    private func doItValue(_ question: Question) -> JSONValue? {
        guard let sandbox = lastSandbox, let spec = question.answer,
              let copies = try? SandboxCopies(of: sandbox), let copy = try? copies.fresh() else { return nil }
        // The study commands' evaluator, on a copy: the same reading a quiz makes, no audit record.
        let copyRunner = CommandRunner(workbench: copy, contentPath: runner.contentPath)
        return try? DoItEvaluator(runner: copyRunner).expected(for: spec).get()
    }

    private func recordReview(_ id: String, correct: Bool, tries: Int) {
        let store = SQLiteProgressStore(database: runner.home.database)
        let time = runner.home.clock.now()
        guard (try? store.requireLearner(runner.session.learner, at: time)) != nil else { return }
        let rating = RatingPolicy.derivedRating(for: AnswerOutcome(result: correct ? .correct : .wrong, attempts: max(1, tries)))
        var random = SystemStudyRandom()
        _ = try? store.recordReview(learner: runner.session.learner, cardID: id, rating: rating, at: time, duration: nil,
                                    source: .drill, answer: nil, random: &random)
    }
}

