/// A question of the bank: single or multiple choice, or "do it" (answered from the engine).
///
/// One flat value for all three kinds, because the loader builds it from files that may be wrong
/// and `ContentChecker` then reports every inconsistency (options on a do-it question, a single
/// question with two correct options, …) instead of the first one.
public struct Question: Sendable, Hashable, Identifiable {
    public var id: String
    public var topic: String
    public var facts: [String]
    /// 1 easy, 2 medium, 3 hard.
    public var difficulty: Int
    public var kind: QuestionKind
    public var stem: String
    /// The options in written order (empty for do-it questions).
    public var options: [AnswerOption]
    /// Whether a quiz may shuffle the options (`shuffle: false` keeps them in order).
    public var shuffle: Bool
    /// The lesson to take away, shown after answering.
    public var explanation: String?
    /// For do-it questions: the command and query whose result is the answer.
    public var answer: DoItAnswerSpec?
    /// For do-it questions: the explanation shown after answering.
    public var why: String?
    public var location: SourceLocation
    /// Where each fact id was written.
    public var factLocations: [SourceLocation]
    /// Where the topic was written.
    public var topicLocation: SourceLocation

    public init(id: String, topic: String, facts: [String], difficulty: Int, kind: QuestionKind,
                stem: String, options: [AnswerOption] = [], shuffle: Bool = true,
                explanation: String? = nil, answer: DoItAnswerSpec? = nil, why: String? = nil,
                location: SourceLocation, factLocations: [SourceLocation] = [],
                topicLocation: SourceLocation? = nil) {
        self.id = id
        self.topic = topic
        self.facts = facts
        self.difficulty = difficulty
        self.kind = kind
        self.stem = stem
        self.options = options
        self.shuffle = shuffle
        self.explanation = explanation
        self.answer = answer
        self.why = why
        self.location = location
        self.factLocations = factLocations.count == facts.count
            ? factLocations : Array(repeating: location, count: facts.count)
        self.topicLocation = topicLocation ?? location
    }

    /// The indices of the correct options, in written order.
    public var correctOptionIndices: [Int] {
        options.indices.filter { options[$0].correct }
    }

    /// The number of words a learner reads to answer (stem and options), for timing heuristics.
    public var wordCount: Int {
        ([stem] + options.map(\.text)).reduce(0) { $0 + $1.split(whereSeparator: \.isWhitespace).count }
    }
}

/// The three question types; raw values are the spellings in the files.
public enum QuestionKind: String, Sendable, Hashable, CaseIterable, Codable {
    case single
    case multiple
    case doIt = "do-it"
}

/// One option of a choice question, with its own explanation.
public struct AnswerOption: Sendable, Hashable {
    public var text: String
    public var correct: Bool
    /// Why the option is right or wrong.
    public var why: String
    public var location: SourceLocation

    public init(text: String, correct: Bool, why: String, location: SourceLocation) {
        self.text = text
        self.correct = correct
        self.why = why
        self.location = location
    }
}

/// How a do-it question's answer is read from the engine.
public struct DoItAnswerSpec: Sendable, Hashable {
    /// The command run in the learner's sandbox.
    public var command: String
    /// The JMESPath query over the command's JSON output.
    public var query: String
    public var location: SourceLocation

    public init(command: String, query: String, location: SourceLocation) {
        self.command = command
        self.query = query
        self.location = location
    }
}
