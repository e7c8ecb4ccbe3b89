import Foundation

/// Why an exam action was refused.
public enum ExamError: Error, Sendable, Equatable, CustomStringConvertible {
    case timeUp
    case finished
    case noSuchQuestion(Int, count: Int)
    case invalidAnswer(AnswerInputError)
    case doItNotInExams(String)

    public var description: String {
        switch self {
        case .timeUp: return "time is up; the exam is over and answers can no longer change"
        case .finished: return "the exam is finished"
        case .noSuchQuestion(let number, let count): return "there is no question \(number); the exam has questions 1 to \(count)"
        case .invalidAnswer(let error): return error.description
        case .doItNotInExams(let id): return "question '\(id)' is a do-it question, which exams do not include"
        }
    }
}

/// A timed practice exam as a state machine: answers may change until the end, nothing is
/// graded until then, questions can be flagged for review. Time is always passed in.
public struct ExamSession: Sendable {
    public let items: [PresentedQuestion]
    public let startedAt: Date
    /// The time allowed in seconds; `nil` for untimed.
    public let timeLimit: TimeInterval?
    /// Topics for the breakdown's titles and order.
    public let topics: [Topic]
    /// The question on screen (0-based).
    public private(set) var position = 0
    /// The chosen positions per question; `nil` while unanswered.
    public private(set) var answers: [[Int]?]
    public private(set) var answeredAt: [Date?]
    public private(set) var flagged: Set<Int> = []
    public private(set) var result: ExamResult?
    private var timeSpent: [TimeInterval]
    private var shownSince: Date

    /// An exam over choice questions, started at `startedAt`.
    public init(items: [PresentedQuestion], startedAt: Date, timeLimit: TimeInterval? = nil,
                topics: [Topic] = []) throws(ExamError) {
        if let doIt = items.first(where: { $0.question.kind == .doIt }) { throw .doItNotInExams(doIt.question.id) }
        self.items = items
        self.startedAt = startedAt
        self.timeLimit = timeLimit
        self.topics = topics
        answers = Array(repeating: nil, count: items.count)
        answeredAt = Array(repeating: nil, count: items.count)
        timeSpent = Array(repeating: 0, count: items.count)
        shownSince = startedAt
    }

    /// When time runs out, if the exam is timed.
    public var deadline: Date? { timeLimit.map { startedAt.addingTimeInterval($0) } }

    /// Seconds left at `now` (never negative), or `nil` when untimed.
    public func remaining(at now: Date) -> TimeInterval? {
        deadline.map { max(0, $0.timeIntervalSince(now)) }
    }

    /// Whether the time limit has passed at `now` (never, when untimed).
    public func isTimeUp(at now: Date) -> Bool { deadline.map { now >= $0 } ?? false }

    /// Whether `finish(at:)` has graded the exam.
    public var isFinished: Bool { result != nil }

    /// Positions still unanswered.
    public var unanswered: [Int] { answers.indices.filter { answers[$0] == nil } }

    /// Shows question `index` (0-based) at `now`.
    public mutating func show(_ index: Int, at now: Date) throws(ExamError) {
        try requireOpen(at: now)
        guard items.indices.contains(index) else { throw .noSuchQuestion(index + 1, count: items.count) }
        account(until: now)
        position = index
    }

    /// Answers the question on screen with typed letters; a later answer replaces an earlier one.
    public mutating func answer(_ input: String, at now: Date) throws(ExamError) {
        try requireOpen(at: now)
        guard items.indices.contains(position) else { throw .noSuchQuestion(position + 1, count: items.count) }
        do {
            answers[position] = try items[position].parseAnswer(input)
        } catch {
            throw .invalidAnswer(error)
        }
        answeredAt[position] = now
    }

    /// Flags or unflags the question on screen for review.
    public mutating func toggleFlag(at now: Date) throws(ExamError) {
        try requireOpen(at: now)
        if flagged.contains(position) { flagged.remove(position) } else { flagged.insert(position) }
    }

    private func requireOpen(at now: Date) throws(ExamError) {
        if result != nil { throw .finished }
        if isTimeUp(at: now) { throw .timeUp }
    }

    private mutating func account(until now: Date) {
        let end = deadline.map { min($0, now) } ?? now
        if items.indices.contains(position) { timeSpent[position] += max(0, end.timeIntervalSince(shownSince)) }
        shownSince = now
    }

    /// Ends the exam at `now` (or at the deadline, if that came first) and grades it.
    @discardableResult
    public mutating func finish(at now: Date) -> ExamResult {
        if let result { return result }
        let timedOut = isTimeUp(at: now)
        let end = deadline.map { min($0, now) } ?? now
        account(until: now)
        var records: [ExamAnswerRecord] = []
        var missed: [GradedAnswer] = []
        for (index, item) in items.enumerated() {
            let graded = answers[index].map { Grader.grade(item, chosen: $0) } ?? Grader.gaveUp(item)
            if !graded.correct { missed.append(graded) }
            records.append(ExamAnswerRecord(questionID: item.question.id, topic: item.question.topic,
                                            chosenLetters: graded.chosenLetters, answered: answers[index] != nil,
                                            correct: graded.correct, flagged: flagged.contains(index),
                                            timeSpent: timeSpent[index], answeredAt: answeredAt[index],
                                            rating: graded.correct ? .good : .again))
        }
        let correct = records.filter(\.correct).count
        let score = ExamScoring.scaledScore(correct: correct, total: items.count)
        let finished = ExamResult(total: items.count, correct: correct, answered: records.filter(\.answered).count,
                                  scaledScore: score, passingScore: ExamScoring.passingScore,
                                  passed: score >= ExamScoring.passingScore, timedOut: timedOut,
                                  startedAt: startedAt, finishedAt: end, topics: breakdown(records),
                                  missed: missed, flagged: flagged.sorted().map { items[$0].question.id },
                                  answers: records)
        result = finished
        return finished
    }

    private func breakdown(_ records: [ExamAnswerRecord]) -> [TopicScore] {
        var order = topics.map(\.id)
        for record in records where !order.contains(record.topic) { order.append(record.topic) }
        return order.compactMap { topic in
            let mine = records.filter { $0.topic == topic }
            guard !mine.isEmpty else { return nil }
            let title = topics.first { $0.id == topic }?.title ?? topic
            return TopicScore(topic: topic, title: title, correct: mine.filter(\.correct).count, total: mine.count)
        }
    }
}
