import Foundation
import Wire

/// A quiz as a state machine: ask, grade with immediate feedback, take the learner's rating (or
/// the derived one), move on. No I/O: the caller shows things, reads input, passes the time, and
/// stores each `QuizAnswerRecord` before asking the next question.
public struct QuizSession: Sendable {
    /// Where the session is.
    public enum Phase: Sendable, Equatable {
        /// Waiting for an answer to `current`.
        case asking
        /// Showing the feedback for `current`; waiting for the rating.
        case answered(GradedAnswer, derived: Rating)
        case finished
    }

    /// What one submission did.
    public enum Step: Sendable, Equatable {
        /// The input could not be read; the question stays open.
        case invalid(AnswerInputError)
        /// Wrong, with tries left; no explanations yet, so the next try is still a test.
        case tryAgain(attemptsLeft: Int)
        /// Graded; the phase is now `.answered`.
        case graded(GradedAnswer, derived: Rating)
        /// Nothing to answer (the session is showing feedback or finished).
        case notAsking
    }

    public let items: [PresentedQuestion]
    /// Tries allowed per question before the answer is shown (1 = no retries).
    public let maxAttempts: Int
    public private(set) var index = 0
    public private(set) var phase: Phase
    public private(set) var records: [QuizAnswerRecord] = []
    private var shownAt: Date
    private var attempts = 0
    private var answeredAt: Date?
    private var lastGiven: (letters: [String], text: String?) = ([], nil)
    /// Earlier correct answer times per question id, for "fast for this item".
    private let history: [String: [TimeInterval]]

    /// A session over `items`, the first shown at `startedAt`.
    public init(items: [PresentedQuestion], startedAt: Date, maxAttempts: Int = 1,
                history: [String: [TimeInterval]] = [:]) {
        self.items = items
        self.maxAttempts = max(1, maxAttempts)
        self.history = history
        self.shownAt = startedAt
        self.phase = items.isEmpty ? .finished : .asking
    }

    /// The question being asked or reviewed; `nil` when finished.
    public var current: PresentedQuestion? { index < items.count ? items[index] : nil }

    /// Whether every question has been answered and confirmed.
    public var isFinished: Bool { phase == .finished }

    /// Answers a choice question with typed letters at `now`.
    public mutating func submit(_ input: String, at now: Date) -> Step {
        guard phase == .asking, let question = current, question.question.kind != .doIt else { return .notAsking }
        let chosen: [Int]
        do {
            chosen = try question.parseAnswer(input)
        } catch {
            return .invalid(error)
        }
        return settle(Grader.grade(question, chosen: chosen), at: now)
    }

    /// Answers a do-it question with the typed value, given what the engine's query returned.
    public mutating func submitDoIt(_ answer: String, expected: JSONValue, at now: Date) -> Step {
        guard phase == .asking, let question = current, question.question.kind == .doIt else { return .notAsking }
        if answer.trimmingCharacters(in: .whitespaces).isEmpty {
            return .invalid(.empty(letters: "type the value"))
        }
        return settle(Grader.gradeDoIt(question, answer: answer, expected: expected), at: now)
    }

    /// Gives up on the current question: it is graded wrong and its explanations shown.
    public mutating func giveUp(at now: Date, expected: JSONValue? = nil) -> Step {
        guard phase == .asking, let question = current else { return .notAsking }
        attempts += 1
        answeredAt = now
        lastGiven = ([], nil)
        let graded = Grader.gaveUp(question, expected: expected)
        let derived = RatingPolicy.derivedRating(for: outcome(graded, at: now))
        phase = .answered(graded, derived: derived)
        return .graded(graded, derived: derived)
    }

    private mutating func settle(_ graded: GradedAnswer, at now: Date) -> Step {
        attempts += 1
        if !graded.correct && attempts < maxAttempts {
            return .tryAgain(attemptsLeft: maxAttempts - attempts)
        }
        answeredAt = now
        lastGiven = (graded.chosenLetters, graded.givenAnswer)
        let derived = RatingPolicy.derivedRating(for: outcome(graded, at: now))
        phase = .answered(graded, derived: derived)
        return .graded(graded, derived: derived)
    }

    private func outcome(_ graded: GradedAnswer, at now: Date) -> AnswerOutcome {
        let question = items[index].question
        let threshold = RatingPolicy.fastThreshold(wordCount: question.wordCount,
                                                   thinkingTime: question.kind == .doIt ? 60 : 8,
                                                   previousCorrectDurations: history[question.id] ?? [])
        return AnswerOutcome(result: graded.gaveUp ? .gaveUp : (graded.correct ? .correct : .wrong),
                             attempts: attempts, duration: now.timeIntervalSince(shownAt), fastThreshold: threshold)
    }

    /// The record `confirm` would return, while the answer is graded but not yet rated: what is
    /// stored the moment the answer is graded, so a kill at the rating prompt loses nothing.
    public func pending(rating override: Rating? = nil) -> QuizAnswerRecord? {
        guard case .answered(let graded, let derived) = phase, let answeredAt else { return nil }
        let question = items[index].question
        return QuizAnswerRecord(questionID: question.id, topic: question.topic, facts: question.facts,
                                chosenLetters: lastGiven.letters, givenAnswer: lastGiven.text,
                                correct: graded.correct, gaveUp: graded.gaveUp, attempts: attempts,
                                shownAt: shownAt, answeredAt: answeredAt,
                                duration: answeredAt.timeIntervalSince(shownAt),
                                derivedRating: derived, rating: override ?? derived)
    }

    /// Accepts the derived rating (or the learner's `override`), returns the record to store, and
    /// shows the next question at `now`. `nil` when there is no answered question to confirm.
    public mutating func confirm(rating override: Rating? = nil, at now: Date) -> QuizAnswerRecord? {
        guard let record = pending(rating: override) else { return nil }
        records.append(record)
        index += 1
        attempts = 0
        self.answeredAt = nil
        shownAt = now
        phase = index < items.count ? .asking : .finished
        return record
    }

    /// Counts for the end-of-quiz summary.
    public var summary: (answered: Int, correct: Int) {
        (records.count, records.filter(\.correct).count)
    }
}
