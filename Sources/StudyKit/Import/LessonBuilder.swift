import Foundation

/// Collects the classified lines of one numbered section into a lesson.
struct LessonBuilder {
    let number: String
    let title: String
    let line: Int
    let file: String
    private var sections: [LessonSection] = []
    private var table: [(cells: [String], isSeparator: Bool, line: Int)] = []
    private var warnings: [String] = []

    init(number: String, title: String, line: Int, file: String) {
        self.number = number
        self.title = title
        self.line = line
        self.file = file
    }

    static func header(_ number: String) -> String {
        "# Imported from section \(number) of the study guide. Fill in each section's facts."
    }

    mutating func add(_ line: SourceLine, at number: Int, raw: String) throws(ImportError) {
        let suspicious = SourceTextRepair.suspiciousCharacters(in: SourceTextRepair.leadingMarker(raw).1)
        if !suspicious.isEmpty {
            warnings.append("line \(number): characters that look mis-encoded were kept as they are: \(suspicious.map { String($0) }.joined(separator: " "))")
        }
        if case .tableRow(let cells, let isSeparator) = line {
            table.append((cells, isSeparator, number))
            return
        }
        try flushTable()
        switch line {
        case .callout(let kind, let label, let text):
            guard !text.isEmpty else {
                throw ImportError(line: number, message: "'\(label.isEmpty ? kind.label : label):' has no text after it")
            }
            let standard = SourceLine.calloutLabels.contains { $0.0 == label.lowercased() }
            try requireContent()
            startSection(title: label.isEmpty ? titleCase(kind.label) : label, at: number)
            let callout = Callout(kind: kind, title: standard || label.isEmpty ? nil : label, text: text)
            append(Block(.callout(callout), at: location(number)))
        case .headed(let heading, let text):
            try requireContent()
            startSection(title: heading, at: number)
            if !text.isEmpty { appendText(text, at: number) }
        case .paragraph(let text):
            if sections.isEmpty { startSection(title: "Overview", at: number) }
            appendText(text, at: number)
        case .sectionHeading, .blank, .tableRow:
            break
        }
    }

    func location(_ number: Int) -> SourceLocation { SourceLocation(file: file, line: number) }

    /// A section heading that headed nothing (e.g. "Key Types:" followed by another heading) is an error.
    private func requireContent() throws(ImportError) {
        if let last = sections.last, last.blocks.isEmpty {
            throw ImportError(line: last.location.line, message: "'\(last.title):' heads nothing; give it a paragraph or a table")
        }
    }

    private mutating func startSection(title: String, at number: Int) {
        var id = ContentIDs.slug(title)
        let base = id
        var suffix = 2
        while sections.contains(where: { $0.id == id }) {
            id = "\(base)-\(suffix)"
            suffix += 1
        }
        sections.append(LessonSection(id: id, title: title, facts: [], blocks: [], location: location(number)))
    }

    private mutating func append(_ block: Block) {
        sections[sections.count - 1].blocks.append(block)
    }

    /// Consecutive paragraphs of a section share one text block, a blank line apart.
    private mutating func appendText(_ text: String, at number: Int) {
        let index = sections.count - 1
        if let last = sections[index].blocks.last, case .text(let earlier) = last.content {
            sections[index].blocks[sections[index].blocks.count - 1].content = .text(earlier + "\n\n" + text)
        } else {
            append(Block(.text(text), at: location(number)))
        }
    }

    private mutating func flushTable() throws(ImportError) {
        guard let header = table.first else { return }
        defer { table = [] }
        guard table.count >= 2, table[1].isSeparator else {
            let at = table.count >= 2 ? table[1].line : header.line
            throw ImportError(line: at, message: "a table needs a separator row such as |---|---| right after its header row")
        }
        if header.isSeparator {
            throw ImportError(line: header.line, message: "a table starts with its header row, not a separator row")
        }
        var rows: [[String]] = []
        for row in table.dropFirst(2) {
            if row.isSeparator {
                throw ImportError(line: row.line, message: "a second separator row; only the row after the header may be |---|")
            }
            guard row.cells.count == header.cells.count else {
                throw ImportError(line: row.line, message: "this table row has \(row.cells.count) cells but the header has \(header.cells.count); give every row one cell per column")
            }
            rows.append(row.cells)
        }
        guard !rows.isEmpty else {
            throw ImportError(line: header.line, message: "a table has a header but no rows")
        }
        if sections.isEmpty { startSection(title: "Overview", at: header.line) }
        append(Block(.table(Table(header: header.cells, rows: rows)), at: location(header.line)))
    }

    func finish(topic: String) throws(ImportError) -> ImportedLesson {
        var builder = self
        try builder.flushTable()
        try builder.requireContent()
        guard !builder.sections.isEmpty else {
            throw ImportError(line: line, message: "section \(number) has no content after its heading")
        }
        let lesson = Lesson(id: ContentIDs.slug(title), title: title, topic: topic, summary: builder.summary(),
                            sections: builder.sections, location: location(line))
        return ImportedLesson(lesson: lesson, sectionNumber: number,
                              yaml: LessonYAMLWriter.yaml(for: lesson, header: Self.header(number)),
                              warnings: builder.warnings)
    }

    /// The first sentence of the first principle (or of the first text), for listings.
    private func summary() -> String {
        let blocks = sections.flatMap(\.blocks)
        let principle = blocks.lazy.compactMap { block -> String? in
            if case .callout(let callout) = block.content, callout.kind == .firstPrinciple { return callout.text }
            return nil
        }.first
        let prose = blocks.lazy.compactMap { block -> String? in
            if case .text(let text) = block.content { return text }
            return nil
        }.first
        guard let source = principle ?? prose else { return "Section \(number): \(title)" }
        var sentence = source.split(separator: "\n").first.map(String.init) ?? source
        if let end = sentence.range(of: ". ") { sentence = String(sentence[..<end.lowerBound]) + "." }
        return sentence.count > 160 ? String(sentence.prefix(157)) + "..." : sentence
    }

    private func titleCase(_ label: String) -> String {
        label.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")
    }
}
