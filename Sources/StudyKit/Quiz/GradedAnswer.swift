import Foundation
import Wire

/// One option after grading: what it said, whether it was right, whether the learner chose it, and why.
public struct OptionFeedback: Codable, Sendable, Equatable {
    public var letter: String
    public var text: String
    public var correct: Bool
    public var chosen: Bool
    public var why: String
}

/// A graded answer, with an explanation for every option (or, for do-it questions, the value
/// the engine held).
public struct GradedAnswer: Codable, Sendable, Equatable {
    public var questionID: String
    public var correct: Bool
    /// The letters chosen (empty for do-it questions and for giving up).
    public var chosenLetters: [String]
    public var correctLetters: [String]
    public var options: [OptionFeedback]
    /// For do-it questions: what the learner typed and what the engine held.
    public var givenAnswer: String?
    public var expectedAnswer: String?
    /// The take-away: the question's `explanation`, or a do-it question's `why`.
    public var explanation: String?
    public var gaveUp: Bool
}

/// Grades answers against presented questions.
public enum Grader {
    /// Grades chosen positions: right only when exactly the correct options were chosen.
    public static func grade(_ presented: PresentedQuestion, chosen: [Int]) -> GradedAnswer {
        let chosenSet = Set(chosen)
        let options = presented.shownOptions.enumerated().map { position, shown in
            OptionFeedback(letter: shown.letter, text: shown.option.text, correct: shown.option.correct,
                           chosen: chosenSet.contains(position), why: shown.option.why)
        }
        return GradedAnswer(questionID: presented.question.id,
                            correct: !chosen.isEmpty && chosenSet == Set(presented.correctPositions),
                            chosenLetters: chosen.sorted().map(OptionLetters.letter),
                            correctLetters: presented.correctLetters, options: options,
                            givenAnswer: nil, expectedAnswer: nil,
                            explanation: presented.question.explanation ?? presented.question.why, gaveUp: false)
    }

    /// Grades a do-it answer against the value the engine's query returned.
    public static func gradeDoIt(_ presented: PresentedQuestion, answer: String, expected: JSONValue) -> GradedAnswer {
        GradedAnswer(questionID: presented.question.id, correct: DoItMatcher.matches(answer, expected: expected),
                     chosenLetters: [], correctLetters: [], options: [],
                     givenAnswer: answer.trimmingCharacters(in: .whitespacesAndNewlines),
                     expectedAnswer: DoItMatcher.display(expected),
                     explanation: presented.question.why ?? presented.question.explanation, gaveUp: false)
    }

    /// The grading of a question the learner gave up on: wrong, with every explanation shown.
    public static func gaveUp(_ presented: PresentedQuestion, expected: JSONValue? = nil) -> GradedAnswer {
        var graded = presented.question.kind == .doIt
            ? gradeDoIt(presented, answer: "", expected: expected ?? .null)
            : grade(presented, chosen: [])
        graded.correct = false
        graded.gaveUp = true
        graded.givenAnswer = nil
        return graded
    }
}

/// Compares a typed do-it answer with the engine's value, as FORMAT.md says: as text, trimmed,
/// case-sensitive (identifiers are), numbers by value.
public enum DoItMatcher {
    /// Whether the typed `given` answer matches the engine's `expected` value.
    public static func matches(_ given: String, expected: JSONValue) -> Bool {
        let text = given.trimmingCharacters(in: .whitespacesAndNewlines)
        switch expected {
        case .string(let value):
            if text == value { return true }
            // A learner may paste the value as the CLI printed it, in quotes.
            if let parsed = try? JSONParser.parse(text), case .string(let unquoted) = parsed { return unquoted == value }
            return false
        case .int, .double:
            guard let number = Double(text), let value = expected.numberValue else { return false }
            return number == value
        case .bool(let value):
            return text.lowercased() == (value ? "true" : "false")
        case .null:
            return text.lowercased() == "null"
        case .array, .object:
            guard let parsed = try? JSONParser.parse(text) else { return false }
            return parsed == expected
        }
    }

    /// The engine's value as the learner would type it.
    public static func display(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return JSONWriter.compact(value)
    }
}
