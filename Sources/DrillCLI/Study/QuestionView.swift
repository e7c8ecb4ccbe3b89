import Foundation
import StudyKit

/// Renders questions as the exam shows them (stem, lettered options, "Choose two.") and graded
/// answers with the explanation of every option. Returns text; the caller writes it.
struct QuestionView {
    let options: RenderOptions

    var width: Int { options.width }
    var style: TextStyle { TextStyle(enabled: options.color) }

    /// The question under a one-line header; `chosen` marks an answer already given (exams).
    func question(_ presented: PresentedQuestion, header: String, chosen: [Int]? = nil) -> String {
        var lines = [style.dim(header), ""]
        lines += LessonRenderer(options: options).render(.text(presented.question.stem))
        if presented.question.kind == .doIt {
            lines.append("")
            lines += wrap("This is a do-it question: do the task by typing commands here prefixed with !, for example "
                          + "!kms list-aliases, then type the value you found. (skip leaves it for later; giveup shows the answer.)",
                          indent: "").map(style.dim)
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("")
        for (position, shown) in presented.shownOptions.enumerated() {
            let mark = chosen?.contains(position) == true ? "> " : "  "
            lines += hanging(mark + shown.letter + ". ", shown.option.text)
        }
        // The content's stems usually end with "Choose two." already; say it only where they do not.
        if presented.question.kind == .multiple && !presented.question.stem.contains("Choose ") {
            lines.append("")
            lines.append(style.bold("Choose \(Self.numberWord(presented.requiredSelections))."))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The verdict, every option with why it is right or wrong, and the take-away.
    /// `gaveUpLabel` names an answer not given ("Gave up" in a quiz, "Not answered" in an exam).
    func feedback(_ graded: GradedAnswer, expectedUnavailable: String? = nil, gaveUpLabel: String = "Gave up") -> String {
        var lines: [String] = [""]
        if graded.options.isEmpty {
            lines += doItVerdict(graded, expectedUnavailable: expectedUnavailable)
        } else {
            let answer = graded.correctLetters.joined(separator: ", ")
            if graded.correct {
                lines.append(style.green("✓ Correct."))
            } else if graded.gaveUp {
                lines.append(style.red("✗ \(gaveUpLabel). The answer is \(answer)."))
            } else {
                lines.append(style.red("✗ Incorrect: you chose \(graded.chosenLetters.joined(separator: ", ")); the answer is \(answer)."))
            }
            lines.append("")
            for option in graded.options {
                let mark = option.correct ? style.green("✓") : style.red("✗")
                let yours = "  <- your choice"
                var head = hanging("  \(option.letter). ", option.text, reserve: option.chosen ? yours.count : 0)
                head[0] = mark + String(head[0].dropFirst(1))
                if option.chosen { head[head.count - 1] += style.bold(yours) }
                lines += head
                lines += wrap(option.why, indent: "      ").map(style.dim)
            }
        }
        if let explanation = graded.explanation, !explanation.isEmpty {
            lines.append("")
            lines += LessonRenderer(options: options).render(.text(explanation))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func doItVerdict(_ graded: GradedAnswer, expectedUnavailable: String?) -> [String] {
        let held = expectedUnavailable.map { "the answer could not be read from your sandbox (\($0))" }
            ?? "the engine holds \(graded.expectedAnswer ?? "nothing")"
        if graded.correct { return [style.green("✓ Correct: \(held).")] }
        if graded.gaveUp { return [style.red("✗ Gave up: \(held).")] }
        return [style.red("✗ Incorrect: you typed \(graded.givenAnswer ?? ""); \(held).")]
    }

    /// `text` wrapped after a prefix, continuation lines indented to the prefix's width.
    /// `reserve` keeps that many columns free on the last line (for a marker after it).
    func hanging(_ prefix: String, _ text: String, reserve: Int = 0) -> [String] {
        let indent = String(repeating: " ", count: TextWrapper.displayWidth(prefix))
        let wrapped = TextWrapper.wrap(text, width: max(10, width - indent.count))
        let lines = reserve > 0 && (wrapped.last.map { TextWrapper.displayWidth($0) + reserve > width - indent.count } ?? false)
            ? TextWrapper.wrap(text, width: max(10, width - indent.count - reserve)) : wrapped
        return lines.enumerated().map {
            ($0.offset == 0 ? prefix : indent) + $0.element
        }
    }

    /// `text` wrapped with every line indented.
    func wrap(_ text: String, indent: String) -> [String] {
        TextWrapper.wrap(text, width: max(10, width - indent.count)).map { indent + $0 }
    }

    static func numberWord(_ n: Int) -> String {
        let words = ["zero", "one", "two", "three", "four", "five", "six"]
        return n >= 0 && n < words.count ? words[n] : String(n)
    }
}
