/// Inline markup in prose: `code` spans. Plain output keeps the backticks (they are the only
/// cue without colour); coloured output drops them and colours the span instead.
struct InlineText {
    let ansi: ANSI

    /// Columns a piece of prose occupies once rendered.
    func measure(_ text: String) -> Int {
        ansi.enabled ? TextWrapper.displayWidth(text.replacingBackticks()) : TextWrapper.displayWidth(text)
    }

    /// Wrapped lines of `text`, styled; a code span may continue across lines.
    func wrap(_ text: String, width: Int) -> [String] {
        let lines = TextWrapper.wrap(text, width: width, measure: measure)
        guard ansi.enabled else { return lines }
        var inCode = false
        return lines.map { line in
            var out = ""
            var run = ""
            func flush() {
                out += inCode ? ansi.code(run) : run
                run = ""
            }
            for character in line {
                if character == "`" {
                    flush()
                    inCode.toggle()
                } else {
                    run.append(character)
                }
            }
            flush()
            return out
        }
    }
}

extension String {
    func replacingBackticks() -> String { filter { $0 != "`" } }
}
