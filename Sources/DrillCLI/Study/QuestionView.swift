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
        if presented.question.kind == .multiple {
            lines.append("")
            lines.append(style.bold("Choose \(Self.numberWord(presented.requiredSelections))."))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The verdict, every option with why it is right or wrong, and the take-away.
    func feedback(_ graded: GradedAnswer, expectedUnavailable: String? = nil) -> String {
        var lines: [String] = [""]
        if graded.options.isEmpty {
            lines += doItVerdict(graded, expectedUnavailable: expectedUnavailable)
        } else {
            let answer = graded.correctLetters.joined(separator: ", ")
            if graded.correct {
                lines.append(style.green("✓ Correct."))
            } else if graded.gaveUp {
                lines.append(style.red("✗ Gave up. The answer is \(answer)."))
            } else {
                lines.append(style.red("✗ Incorrect: you chose \(graded.chosenLetters.joined(separator: ", ")); the answer is \(answer)."))
            }
            lines.append("")
            for option in graded.options {
                let mark = option.correct ? style.green("✓") : style.red("✗")
                let yours = option.chosen ? style.bold("  (your choice)") : ""
                var head = hanging("  \(option.letter). ", option.text, markPlain: "  ")
                head[0] = mark + head[0].dropFirst(1) + yours
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
    func hanging(_ prefix: String, _ text: String, markPlain: String? = nil) -> [String] {
        let indent = String(repeating: " ", count: TextWrapper.displayWidth(prefix))
        return TextWrapper.wrap(text, width: max(10, width - indent.count)).enumerated().map {
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

/// ANSI bold, dim and colours, or plain text when the console has no colour.
struct TextStyle {
    let enabled: Bool

    func apply(_ code: String, _ text: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { apply("1", text) }
    func dim(_ text: String) -> String { apply("2", text) }
    func green(_ text: String) -> String { apply("32", text) }
    func red(_ text: String) -> String { apply("31", text) }
    func yellow(_ text: String) -> String { apply("33", text) }
}
