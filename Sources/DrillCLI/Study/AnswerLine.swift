import StudyKit

/// One line typed at a quiz or review prompt, read into what the learner meant.
///
/// A learner's own rating may follow the answer on the same line (`B,C 4`, `A easy`): the only way
/// to override the rating in a script, where there is no rating prompt. Single letters are never
/// read as ratings, because they are option letters.
enum AnswerLine: Equatable {
    case help
    case quit
    case skip
    case giveUp
    /// `!COMMAND`: run a command without leaving the session.
    case command(String)
    /// An answer (letters or a do-it value), with the learner's own rating if one followed it.
    case answer(String, rating: Rating?)

    init(_ raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        switch text.lowercased() {
        case "?", "help": self = .help
        case "quit", "exit": self = .quit
        case "skip": self = .skip
        case "giveup", "give up": self = .giveUp
        default:
            if text.hasPrefix("!") {
                self = .command(String(text.dropFirst()).trimmingCharacters(in: .whitespaces))
                return
            }
            var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.count > 1, let last = words.last, let rating = Self.rating(String(last)) {
                words.removeLast()
                self = .answer(words.joined(separator: " "), rating: rating)
            } else {
                self = .answer(text, rating: nil)
            }
        }
    }

    /// A rating as typed at the rating prompt or after an answer: 1–4 or a full name
    /// (again, hard, good, easy), in any case.
    static func rating(_ word: String) -> Rating? {
        let w = word.lowercased()
        guard w.count > 1 || ("1"..."4").contains(w) else { return nil }
        return Rating(parsing: w)
    }
}
