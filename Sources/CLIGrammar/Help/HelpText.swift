/// Builds help pages in the AWS CLI's man-page layout: section titles at the margin, text
/// indented 7 columns, option bodies 10, nested members 3 more per level, wrapped to the width.
struct HelpText {
    private(set) var lines: [String] = []
    let width: Int
    /// Set after a section title: what follows it comes without a blank line.
    private var afterSection = false
    /// Set after a heading line: the blocks under it follow without a blank line.
    private var afterHeading = false

    init(width: Int) {
        self.width = max(40, width)
    }

    var text: String {
        var out = lines
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    mutating func section(_ title: String) {
        blank()
        lines.append(title)
        afterSection = true
    }

    /// A line that heads the text after it (an option, a member, `NOTE:`).
    mutating func heading(_ text: String, indent: Int) {
        line(text, indent: indent)
        afterHeading = true
    }

    /// One empty line, never two in a row, none right under a section title.
    mutating func blank() {
        afterHeading = false
        if afterSection {
            afterSection = false
            return
        }
        if let last = lines.last, last.isEmpty { return }
        if lines.isEmpty { return }
        lines.append("")
    }

    mutating func line(_ text: String, indent: Int) {
        lines.append(String(repeating: " ", count: indent) + text)
        afterHeading = false
        afterSection = false
    }

    /// Wrapped text; `hanging` is the prefix of the first line (a bullet), later lines align after it.
    mutating func paragraph(_ text: String, indent: Int, hanging: String = "") {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let firstPrefix = String(repeating: " ", count: indent) + hanging
        let restPrefix = String(repeating: " ", count: indent + hanging.count)
        let limit = width - 2
        var current = firstPrefix
        var hasWord = false
        for word in words {
            if hasWord, current.count + 1 + word.count > limit {
                lines.append(current)
                current = restPrefix + word
            } else {
                current += (hasWord ? " " : "") + word
            }
            hasWord = true
        }
        if hasWord || !hanging.isEmpty { lines.append(current) }
        afterHeading = false
        afterSection = false
    }

    /// Blocks separated by blank lines.
    mutating func blocks(_ list: [DocBlock], indent: Int) {
        for block in list {
            if afterHeading {
                afterHeading = false
            } else {
                blank()
            }
            switch block {
            case .paragraph(let p):
                paragraph(p, indent: indent)
            case .list(let ordered, let items):
                for (n, item) in items.enumerated() {
                    blank()
                    let bullet = ordered ? "\(n + 1). " : "o "
                    var rest = item[...]
                    if case .paragraph(let first)? = rest.first {
                        paragraph(first, indent: indent, hanging: bullet)
                        rest = rest.dropFirst()
                    } else {
                        line(bullet.trimmingTrailingSpace(), indent: indent)
                    }
                    blocks(Array(rest), indent: indent + bullet.count)
                }
            case .admonition(let title, let body):
                heading(title, indent: indent)
                blocks(body, indent: indent + 3)
            case .definition(let term, let body):
                paragraph(term, indent: indent)
                afterHeading = true
                blocks(body, indent: indent + 3)
            case .code(let code):
                for l in code { line(l, indent: indent) }
            }
        }
    }
}

extension String {
    func trimmingTrailingSpace() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
