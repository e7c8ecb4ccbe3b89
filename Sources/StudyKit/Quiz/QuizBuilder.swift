import Foundation

/// What a quiz should hold.
public struct QuizRequest: Sendable {
    /// Where the questions come from.
    public enum Source: Sendable {
        /// Questions from the bank, optionally on one topic, in random order.
        case bank(topic: String?)
        /// The questions whose cards are due at `now`, most overdue first.
        case due(cards: [Card], now: Date)
        /// Exactly these questions, in this order.
        case questions([String])
    }

    public var source: Source
    /// The most questions to ask; `nil` for all that qualify.
    public var count: Int?
    /// Whether do-it questions (answered in the engine) may be included.
    public var includeDoIt: Bool
    /// Whether options are shuffled (questions with `shuffle: false` always keep their order).
    public var shuffleOptions: Bool

    public init(source: Source, count: Int? = nil, includeDoIt: Bool = true, shuffleOptions: Bool = true) {
        self.source = source
        self.count = count
        self.includeDoIt = includeDoIt
        self.shuffleOptions = shuffleOptions
    }
}

/// Why a quiz could not be built.
public enum QuizBuildError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownTopic(String, known: [String])
    case countTooSmall(Int)
    case unknownQuestion(String)
    case noQuestions(topic: String?)

    public var description: String {
        switch self {
        case .unknownTopic(let topic, let known):
            return "there is no topic '\(topic)'; topics are: \(known.joined(separator: ", "))"
        case .countTooSmall(let count):
            return "the number of questions must be at least 1, got \(count)"
        case .unknownQuestion(let id):
            return "there is no question '\(id)' in the bank"
        case .noQuestions(let topic):
            return topic.map { "there are no questions on topic '\($0)' to ask" } ?? "the question bank has no questions to ask"
        }
    }
}

/// Builds quizzes and exams from the bank, deterministically for a given random source.
public enum QuizBuilder {
    /// The questions of a quiz, each with its shown option order. A `due` quiz with nothing due is
    /// empty rather than an error: "nothing to review" is good news.
    public static func build<R: StudyRandomSource>(from course: Course, request: QuizRequest,
                                              random: inout R) throws(QuizBuildError) -> [PresentedQuestion] {
        if let count = request.count, count < 1 { throw .countTooSmall(count) }
        let usable = { (question: Question) in request.includeDoIt || question.kind != .doIt }
        var chosen: [Question]
        switch request.source {
        case .bank(let topic):
            if let topic, course.topic(id: topic) == nil {
                throw .unknownTopic(topic, known: course.topics.map(\.id))
            }
            let pool = course.questions.filter { (topic == nil || $0.topic == topic) && usable($0) }
            guard !pool.isEmpty else { throw .noQuestions(topic: topic) }
            chosen = random.shuffled(pool)
        case .due(let cards, let now):
            let byID = Dictionary(course.questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            chosen = cards.filter { !$0.isNew && $0.isDue(at: now) }
                .sorted { ($0.due, $0.id) < ($1.due, $1.id) }
                .compactMap { byID[$0.id] }
                .filter(usable)
        case .questions(let ids):
            chosen = []
            for id in ids {
                guard let question = course.question(id: id) else { throw .unknownQuestion(id) }
                chosen.append(question)
            }
        }
        if let count = request.count { chosen = Array(chosen.prefix(count)) }
        return chosen.map { present($0, shuffle: request.shuffleOptions, random: &random) }
    }

    /// An exam of `count` choice questions spread over the topics: topics take turns (in a random
    /// order) so every topic with questions is represented before any topic gets a second one.
    public static func buildExam<R: StudyRandomSource>(from course: Course, count: Int,
                                                  random: inout R) throws(QuizBuildError) -> [PresentedQuestion] {
        guard count >= 1 else { throw .countTooSmall(count) }
        var pools: [[Question]] = course.topics.map { topic in
            random.shuffled(course.questions(topic: topic.id).filter { $0.kind != .doIt })
        }.filter { !$0.isEmpty }
        guard !pools.isEmpty else { throw .noQuestions(topic: nil) }
        pools = random.shuffled(pools)
        var picked: [Question] = []
        var round = 0
        while picked.count < count && pools.contains(where: { round < $0.count }) {
            for pool in pools where round < pool.count && picked.count < count {
                picked.append(pool[round])
            }
            round += 1
        }
        return random.shuffled(picked).map { present($0, shuffle: true, random: &random) }
    }

    /// A question with its options shuffled unless it or the request forbids it.
    public static func present<R: StudyRandomSource>(_ question: Question, shuffle: Bool, random: inout R) -> PresentedQuestion {
        let order = Array(question.options.indices)
        return PresentedQuestion(question: question,
                                 optionOrder: shuffle && question.shuffle ? random.shuffled(order) : order)
    }
}
