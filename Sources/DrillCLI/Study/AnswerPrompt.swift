import Foundation
import StudyKit

/// Small texts around an answer: the letters a question takes, and why a rating was derived.
enum AnswerPrompt {
    /// "A-D", or "two of A-E" for a multiple-answer question.
    static func letters(_ item: PresentedQuestion) -> String {
        let range = "A-\(OptionLetters.letter(max(0, item.optionOrder.count - 1)))"
        return item.question.kind == .multiple ? "\(QuestionView.numberWord(item.requiredSelections)) of \(range), e.g. A,C" : range
    }

    /// Why the answer implies `derived`, in FSRS.md's terms.
    static func reason(_ graded: GradedAnswer, derived: Rating, fastThreshold: TimeInterval) -> String {
        if graded.gaveUp { return "you gave up" }
        if !graded.correct { return "the answer was wrong" }
        switch derived {
        case .easy: return "right first time, within \(Int(fastThreshold.rounded()))s"
        case .hard: return "right after several tries"
        default: return "right first time"
        }
    }
}
