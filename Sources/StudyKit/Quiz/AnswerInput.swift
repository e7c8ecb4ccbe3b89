import Foundation

/// Why a typed answer could not be read, worded so the learner knows what to type instead.
public enum AnswerInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing was typed.
    case empty(letters: String)
    /// A letter beyond the options shown.
    case noSuchOption(String, letters: String)
    /// Something that is not a letter at all.
    case notALetter(String, letters: String)
    /// Letters typed together ("AC") instead of separated.
    case joinedLetters(String)
    /// The same letter twice.
    case repeated(String)
    /// More than one letter for a single-answer question.
    case oneAnswerOnly
    /// The wrong number of letters for a multiple-answer question.
    case wrongCount(expected: Int, got: Int)

    public var description: String {
        switch self {
        case .empty(let letters):
            return "type the letter of your answer (\(letters))"
        case .noSuchOption(let letter, let letters):
            return "there is no option \(letter); choose from \(letters)"
        case .notALetter(let token, let letters):
            return "'\(token)' is not an option letter; choose from \(letters)"
        case .joinedLetters(let token):
            let example = token.uppercased().map(String.init).joined(separator: ",")
            return "separate letters with commas, e.g. \(example)"
        case .repeated(let letter):
            return "\(letter) is given more than once; give each letter once"
        case .oneAnswerOnly:
            return "this question has one correct answer; type a single letter"
        case .wrongCount(let expected, let got):
            return "this question asks for \(expected) answers and you gave \(got); type \(expected) letters separated by commas, e.g. A,C"
        }
    }
}

/// Reads typed option letters: "B", "b", "A,C", "a, c" or "A C".
public enum AnswerInput {
    /// The chosen option positions (0 = A), sorted. `required` is how many letters the question
    /// takes: 1 for a single-answer question, the number of correct options for a multiple one.
    public static func parse(_ input: String, optionCount: Int, required: Int) throws(AnswerInputError) -> [Int] {
        let letters = range(optionCount)
        let tokens = input.split { $0 == "," || $0 == " " || $0 == "\t" }.map(String.init)
        guard !tokens.isEmpty else { throw .empty(letters: letters) }
        var chosen: [Int] = []
        for token in tokens {
            if token.count > 1 {
                if token.allSatisfy({ OptionLetters.index($0).map { $0 < optionCount } ?? false }) {
                    throw .joinedLetters(token)
                }
                throw .notALetter(token, letters: letters)
            }
            guard let character = token.first, let index = OptionLetters.index(character) else {
                throw .notALetter(token, letters: letters)
            }
            guard index < optionCount else { throw .noSuchOption(token.uppercased(), letters: letters) }
            guard !chosen.contains(index) else { throw .repeated(token.uppercased()) }
            chosen.append(index)
        }
        if required == 1 && chosen.count > 1 { throw .oneAnswerOnly }
        if required > 1 && chosen.count != required { throw .wrongCount(expected: required, got: chosen.count) }
        return chosen.sorted()
    }

    /// "A to D" for four options, "A or B" for two.
    static func range(_ count: Int) -> String {
        switch count {
        case ...0: return "no options"
        case 1: return "A"
        case 2: return "A or B"
        default: return "A to \(OptionLetters.letter(count - 1))"
        }
    }
}
