import Wire

/// One titled block of a table: optional headers and rows of cells.
struct TableSection {
    var title = ""
    var headers: [String] = []
    var rows: [[String]] = []
    var indent = 0
    private var maxWidths: [Int] = []

    mutating func addHeader(_ headers: [String]) {
        updateWidths(headers)
        self.headers = headers
    }

    mutating func addRow(_ row: [String]) {
        rows.append(row)
        updateWidths(row)
    }

    private mutating func updateWidths(_ cells: [String]) {
        if maxWidths.isEmpty {
            maxWidths = cells.map(DisplayWidth.of)
        } else {
            for (i, cell) in cells.enumerated() where i < maxWidths.count {
                maxWidths[i] = max(maxWidths[i], DisplayWidth.of(cell))
            }
        }
    }

    /// Column widths with `padding` each, scaled to add up to `maxWidth` (Python's rounding).
    func columnWidths(padding: Int, maxWidth: Int?) -> [Int] {
        let unscaled = maxWidths.map { $0 + padding }
        guard let maxWidth, !unscaled.isEmpty else { return unscaled }
        let total = unscaled.reduce(0, +)
        let scale = Double(maxWidth) / Double(total)
        var scaled = unscaled.map { Int((scale * Double($0)).rounded(.toNearestOrEven)) }
        var offBy = scaled.reduce(0, +) - maxWidth
        while offBy != 0 {
            let order = offBy < 0 ? Array(scaled.indices.reversed()) : Array(scaled.indices)
            for i in order {
                if offBy > 0 {
                    scaled[i] -= 1
                    offBy -= 1
                } else {
                    scaled[i] += 1
                    offBy += 1
                }
                if offBy == 0 { break }
            }
        }
        return scaled
    }

    func totalWidth(padding: Int, outerPadding: Int) -> Int {
        let border = 2
        let total = maxWidths.reduce(0) { $0 + $1 + padding } + border + 2 * outerPadding
        return max(DisplayWidth.of(title) + border + 2 * outerPadding, total)
    }
}

/// A table of sections rendered with `-`, `|` and `+`, as `awscli/table.py`'s `MultiTable` does.
struct MultiTable {
    private(set) var sections: [TableSection] = []

    mutating func newSection(_ title: String, indent: Int) {
        var s = TableSection()
        s.title = title
        s.indent = indent
        sections.append(s)
    }

    mutating func addHeader(_ headers: [String]) {
        ensureSection()
        sections[sections.count - 1].addHeader(headers)
    }

    mutating func addRow(_ cells: [JSONValue]) {
        ensureSection()
        sections[sections.count - 1].addRow(cells.map(PythonValue.str))
    }

    private mutating func ensureSection() {
        if sections.isEmpty { sections.append(TableSection()) }
    }

    func render(terminalWidth: Int, styler: TableStyler) -> String {
        var sections = self.sections
        var maxWidth = Self.maxWidth(sections)
        if maxWidth > terminalWidth {
            // Sections of a single row are turned sideways: one row per header.
            for (i, section) in sections.enumerated() where section.rows.count == 1 && !section.headers.isEmpty {
                var vertical = TableSection()
                vertical.title = section.title
                vertical.indent = section.indent
                for (header, cell) in zip(section.headers, section.rows[0]) { vertical.addRow([header, cell]) }
                sections[i] = vertical
            }
            maxWidth = Self.maxWidth(sections)
        }
        var out = String(repeating: "-", count: maxWidth) + "\n"
        for section in sections { renderSection(section, maxWidth: maxWidth, styler: styler, into: &out) }
        return out
    }

    private static func maxWidth(_ sections: [TableSection]) -> Int {
        sections.map { $0.totalWidth(padding: 4, outerPadding: $0.indent) }.max() ?? 0
    }

    private func renderSection(_ section: TableSection, maxWidth fullWidth: Int, styler: TableStyler, into out: inout String) {
        let bar = styler.indentationChar("|")
        let left = String(repeating: bar, count: section.indent)
        func line(_ text: String) { out += left + text + left + "\n" }
        let maxWidth = fullWidth - section.indent * 2
        if !section.title.isEmpty {
            line(Self.center(section.title, maxWidth, "|", "|"))
            if section.headers.isEmpty && section.rows.isEmpty {
                line("+" + String(repeating: "-", count: max(0, maxWidth - 2)) + "+")
            }
        }
        if !section.headers.isEmpty {
            let widths = section.columnWidths(padding: 4, maxWidth: maxWidth)
            line(Self.lineBreak(widths))
            var text = ""
            for (i, (width, header)) in zip(widths, section.headers).enumerated() {
                text += Self.center(header, width, i == 0 ? "|" : "", "|")
            }
            line(text)
        }
        if !section.rows.isEmpty {
            let widths = section.columnWidths(padding: 4, maxWidth: maxWidth)
            guard !widths.isEmpty else { return }
            line(Self.lineBreak(widths))
            for row in section.rows {
                var text = ""
                for (i, (width, cell)) in zip(widths, row).enumerated() {
                    text += Self.alignLeft(cell, width, i == 0 ? "|" : "", "|", styled: styler.rowElement(cell))
                }
                line(text)
            }
            line(Self.lineBreak(widths))
        }
    }

    static func lineBreak(_ widths: [Int]) -> String {
        var parts = ""
        for (i, w) in widths.enumerated() {
            parts += i == 0 ? "+" + String(repeating: "-", count: max(0, w - 2)) + "+" : String(repeating: "-", count: max(0, w - 1)) + "+"
        }
        return parts
    }

    /// `center_text`: Python floor division, negative padding counts as none.
    static func center(_ text: String, _ length: Int, _ left: String, _ right: String) -> String {
        let textLength = DisplayWidth.of(text)
        let start = floorDiv(length, 2) - floorDiv(textLength, 2) - 1
        let soFar = DisplayWidth.of(left) + start + textLength
        let rightSpaces = length - DisplayWidth.of(right) - soFar
        return left + String(repeating: " ", count: max(0, start)) + text + String(repeating: " ", count: max(0, rightSpaces)) + right
    }

    /// `align_left` with two spaces of left padding when the cell fits.
    static func alignLeft(_ text: String, _ length: Int, _ left: String, _ right: String, styled: String) -> String {
        let textLength = DisplayWidth.of(text)
        let computed = textLength + 2 + left.count + right.count
        let padding = length - computed >= 0 ? 2 : 0
        let soFar = left.count + padding + textLength
        return left + String(repeating: " ", count: padding) + styled
            + String(repeating: " ", count: max(0, length - soFar - right.count)) + right
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
