import Foundation
import StudyKit

/// The end of an exam as text: the scaled score and verdict, the per-topic breakdown, and every
/// missed question with the explanation of each option.
struct ExamReport {
    let result: ExamResult
    let items: [PresentedQuestion]
    let view: QuestionView

    func text() -> String {
        let r = result
        let style = view.style
        let ended = r.timedOut ? "Time ran out" : "Exam finished"
        var lines = ["", style.bold("\(ended) after \(TimeText.short(r.duration)).")]
        let verdict = r.passed ? style.green("PASS") : style.red("FAIL")
        lines.append("Score \(r.scaledScore) / 1000: \(verdict) (pass mark \(r.passingScore)). "
                     + "\(r.correct) of \(r.total) correct, \(r.answered) answered"
                     + (r.flagged.isEmpty ? "." : ", \(r.flagged.count) still flagged."))
        if r.answered < r.total { lines.append("Unanswered questions count as wrong.") }
        lines += ["", style.bold("Per topic")]
        let rows = r.topics.map { [$0.title, "\($0.correct) of \($0.total)", "\($0.percent)%"] }
        lines += LessonRenderer(options: view.options).render(.table(Table(header: ["Topic", "Correct", "Score"], rows: rows)))
        if r.missed.isEmpty {
            lines += ["", "Nothing missed. Well done."]
            return lines.joined(separator: "\n") + "\n"
        }
        lines += ["", style.bold("Review of the \(r.missed.count) question\(r.missed.count == 1 ? "" : "s") you missed")]
        var text = lines.joined(separator: "\n") + "\n"
        let positions = Dictionary(items.enumerated().map { ($0.element.question.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        for graded in r.missed {
            guard let index = positions[graded.questionID] else { continue }
            let item = items[index]
            text += "\n" + view.question(item, header: "Question \(index + 1) of \(items.count) · \(item.question.id)")
            text += view.feedback(graded, gaveUpLabel: "Not answered")
        }
        return text
    }
}
