/// Renders a lesson as lines of terminal text: titled sections, wrapped prose, bordered tables,
/// and callouts in labelled frames. Lines never exceed the width and carry no trailing spaces.
public struct LessonRenderer: Sendable {
    public let options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    var ansi: ANSI { ANSI(enabled: options.color) }
    var border: BorderSet { BorderSet.forStyle(options.borders) }
    var inline: InlineText { InlineText(ansi: ansi) }

    /// The whole lesson; `topicTitle` names its topic under the title when given.
    public func render(_ lesson: Lesson, topicTitle: String? = nil) -> [String] {
        var lines = inline.wrap(lesson.title, width: options.width).map(ansi.bold)
        lines.append(String(repeating: border.heavy, count: min(options.width, TextWrapper.displayWidth(lesson.title))))
        if let topicTitle {
            lines += TextWrapper.wrap("Topic: \(topicTitle)", width: options.width).map(ansi.dim)
        }
        lines += inline.wrap(lesson.summary, width: options.width)
        for (number, section) in lesson.sections.enumerated() {
            lines.append("")
            lines += render(section, number: number + 1)
        }
        return lines.map { $0.trimmingTrailingSpaces() }
    }

    /// One section, headed "N. Title".
    public func render(_ section: LessonSection, number: Int) -> [String] {
        let heading = "\(number). \(section.title)"
        var lines = inline.wrap(heading, width: options.width).map(ansi.bold)
        lines.append(String(repeating: border.horizontal, count: min(options.width, TextWrapper.displayWidth(heading))))
        if section.beyondSource {
            lines.append(ansi.callout(.beyondSource, "[Beyond the source section]"))
        }
        for block in section.blocks {
            lines.append("")
            lines += render(block.content)
        }
        return lines.map { $0.trimmingTrailingSpaces() }
    }

    /// One block.
    public func render(_ content: BlockContent) -> [String] {
        let width = options.width
        switch content {
        case .text(let text):
            return paragraphs(text).enumerated().flatMap { index, paragraph in
                (index > 0 ? [""] : []) + inline.wrap(paragraph, width: width)
            }
        case .list(let items):
            let bullet = border.bullet + " "
            return items.flatMap { item in
                inline.wrap(item, width: width - 4).enumerated().map { ($0.offset == 0 ? "  " + bullet : "    ") + $0.element }
            }
        case .table(let table):
            var lines: [String] = []
            if let caption = table.caption { lines += inline.wrap(caption, width: width).map(ansi.bold) }
            return lines + TableRenderer(options: options, ansi: ansi).render(table, width: width)
        case .commands(let commands):
            return ["Try it:"] + commands.flatMap { command in
                TextWrapper.wrap(command, width: width - 6).enumerated().map {
                    ($0.offset == 0 ? "  $ " : "      ") + ansi.command($0.element)
                }
            }
        case .callout(let callout):
            return frame(callout)
        }
    }

    /// A callout in a frame whose top edge carries its label.
    private func frame(_ callout: Callout) -> [String] {
        let width = options.width
        let inner = width - 4
        let label = " \(callout.kind.label) "
        let topFill = max(0, width - 3 - TextWrapper.displayWidth(label))
        var lines = [ansi.callout(callout.kind, border.topLeft + border.horizontal + label
                                  + String(repeating: border.horizontal, count: topFill) + border.topRight)]
        let side = ansi.callout(callout.kind, border.vertical)
        func boxed(_ text: String, plainWidth: Int) -> String {
            side + " " + text + String(repeating: " ", count: max(0, inner - plainWidth)) + " " + side
        }
        var body: [(styled: String, width: Int)] = []
        if let title = callout.title {
            body += TextWrapper.wrap(title, width: inner).map { (ansi.bold($0), TextWrapper.displayWidth($0)) }
            body.append(("", 0))
        }
        for (index, paragraph) in paragraphs(callout.text).enumerated() {
            if index > 0 { body.append(("", 0)) }
            let plain = TextWrapper.wrap(paragraph, width: inner, measure: inline.measure)
            let styled = inline.wrap(paragraph, width: inner)
            body += zip(styled, plain).map { ($0, inline.measure($1)) }
        }
        lines += body.map { boxed($0.styled, plainWidth: $0.width) }
        lines.append(ansi.callout(callout.kind, border.bottomLeft + String(repeating: border.horizontal, count: width - 2)
                                  + border.bottomRight))
        return lines
    }

    /// Paragraphs of prose: blank lines separate them; single line breaks are reflowed.
    private func paragraphs(_ text: String) -> [String] {
        var result: [String] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if !current.isEmpty { result.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(String(line))
            }
        }
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        return result
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = Substring(self)
        while result.last == " " { result = result.dropLast() }
        return String(result)
    }
}
