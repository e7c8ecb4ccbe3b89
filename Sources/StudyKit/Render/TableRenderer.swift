/// Draws a table with borders, wrapping cells so it fits the width.
struct TableRenderer {
    let options: RenderOptions
    let ansi: ANSI
    var border: BorderSet { BorderSet.forStyle(options.borders) }

    func render(_ table: Table, width: Int) -> [String] {
        let columns = table.header.count
        guard columns > 0 else { return [] }
        // Each column costs its width plus "│ " and " " around it; one closing "│".
        let available = width - (3 * columns + 1)
        guard available >= 4 * columns else { return records(table, width: width) }
        let widths = columnWidths(table, available: available)
        var lines: [String] = []
        lines.append(rule(border.topLeft, border.topMid, border.topRight, widths))
        lines += row(table.header, widths, header: true)
        lines.append(rule(border.midLeft, border.cross, border.midRight, widths))
        for cells in table.rows {
            lines += row(cells, widths, header: false)
        }
        lines.append(rule(border.bottomLeft, border.bottomMid, border.bottomRight, widths))
        return lines
    }

    /// Natural widths, narrowed (widest column first) until they fit: first down to each column's
    /// longest word, then further, splitting words, if the terminal is that narrow.
    func columnWidths(_ table: Table, available: Int) -> [Int] {
        let columns = table.header.count
        let all = [table.header] + table.rows
        func cell(_ row: [String], _ column: Int) -> String { column < row.count ? row[column] : "" }
        var widths = (0..<columns).map { column in
            max(1, all.map { TextWrapper.displayWidth(cell($0, column)) }.max() ?? 1)
        }
        let longestWord = (0..<columns).map { column in
            all.flatMap { cell($0, column).split(separator: " ") }.map { TextWrapper.displayWidth(String($0)) }.max() ?? 1
        }
        for floor in [longestWord, Array(repeating: 3, count: columns)] {
            while widths.reduce(0, +) > available {
                let candidates = widths.indices.filter { widths[$0] > max(floor[$0], 3) }
                guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
                widths[widest] -= 1
            }
        }
        return widths
    }

    private func rule(_ left: String, _ mid: String, _ right: String, _ widths: [Int]) -> String {
        left + widths.map { String(repeating: border.horizontal, count: $0 + 2) }.joined(separator: mid) + right
    }

    private func row(_ cells: [String], _ widths: [Int], header: Bool) -> [String] {
        let wrapped = widths.indices.map { column in
            TextWrapper.wrap(column < cells.count ? cells[column] : "", width: widths[column])
        }
        let height = wrapped.map(\.count).max() ?? 1
        return (0..<height).map { lineIndex in
            let parts = widths.indices.map { column -> String in
                let text = lineIndex < wrapped[column].count ? wrapped[column][lineIndex] : ""
                let padded = TextWrapper.pad(text, to: widths[column])
                return " " + (header ? ansi.bold(padded) : padded) + " "
            }
            return border.vertical + parts.joined(separator: border.vertical) + border.vertical
        }
    }

    /// Too narrow for columns: each row as "Header: value" lines.
    private func records(_ table: Table, width: Int) -> [String] {
        var lines: [String] = []
        for (index, cells) in table.rows.enumerated() {
            if index > 0 { lines.append("") }
            for (column, name) in table.header.enumerated() {
                let value = column < cells.count ? cells[column] : ""
                lines += TextWrapper.wrap("\(name): \(value)", width: width)
            }
        }
        return lines
    }
}
