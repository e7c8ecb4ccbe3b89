/// A question as one quiz shows it: its options in the order shown, lettered A, B, C, ….
public struct PresentedQuestion: Sendable, Equatable {
    public var question: Question
    /// For each shown position, the index of the option in the question as written.
    public var optionOrder: [Int]

    /// A question shown with `optionOrder` (a permutation of its option indices).
    public init(question: Question, optionOrder: [Int]) {
        self.question = question
        self.optionOrder = optionOrder
    }

    /// A question shown in written order.
    public init(question: Question) {
        self.init(question: question, optionOrder: Array(question.options.indices))
    }

    /// The options in shown order, with their letters.
    public var shownOptions: [(letter: String, option: AnswerOption)] {
        optionOrder.enumerated().map { (OptionLetters.letter($0.offset), question.options[$0.element]) }
    }

    /// The shown positions of the correct options.
    public var correctPositions: [Int] {
        optionOrder.indices.filter { question.options[optionOrder[$0]].correct }
    }

    /// The letters of the correct options, e.g. ["A", "C"].
    public var correctLetters: [String] { correctPositions.map(OptionLetters.letter) }

    /// How many letters an answer takes: 1 for single, the number of correct options for multiple.
    public var requiredSelections: Int {
        switch question.kind {
        case .single: return 1
        case .multiple: return max(1, correctPositions.count)
        case .doIt: return 0
        }
    }

    /// Reads typed letters against this question's shown options.
    public func parseAnswer(_ input: String) throws(AnswerInputError) -> [Int] {
        try AnswerInput.parse(input, optionCount: optionOrder.count, required: requiredSelections)
    }
}
