import Foundation

/// Writes a lesson as YAML in FORMAT.md's format, in a stable layout a person can edit.
public enum LessonYAMLWriter {
    /// The YAML text of `lesson`, optionally preceded by a comment line `header`.
    public static func yaml(for lesson: Lesson, header: String? = nil) -> String {
        var out: [String] = []
        if let header { out.append(header) }
        out.append("id: \(lesson.id)")
        out.append("title: \(quoted(lesson.title))")
        out.append("topic: \(lesson.topic)")
        out.append("summary: \(quoted(lesson.summary))")
        out.append("sections:")
        for section in lesson.sections {
            out.append("  - id: \(section.id)")
            out.append("    title: \(quoted(section.title))")
            out.append("    facts: [\(section.facts.joined(separator: ", "))]")
            if section.beyondSource { out.append("    beyond_source: true") }
            out.append("    blocks:")
            for block in section.blocks { out += lines(for: block.content) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func lines(for content: BlockContent) -> [String] {
        let item = "      - "
        let inner = "        "
        switch content {
        case .text(let text):
            return scalar("text", text, prefix: item, indent: inner)
        case .list(let items):
            return ["\(item)list:"] + items.map { "\(inner)  - \(quoted($0))" }
        case .commands(let commands):
            return scalar("commands", commands.joined(separator: "\n"), prefix: item, indent: inner)
        case .table(let table):
            var result = ["\(item)table:"]
            if let caption = table.caption { result.append("\(inner)  caption: \(quoted(caption))") }
            result.append("\(inner)  header: \(flow(table.header))")
            result.append("\(inner)  rows:")
            result += table.rows.map { "\(inner)    - \(flow($0))" }
            return result
        case .callout(let callout):
            var result = ["\(item)callout: \(callout.kind.rawValue)"]
            if let title = callout.title { result.append("\(inner)title: \(quoted(title))") }
            return result + scalar("text", callout.text, prefix: inner, indent: inner)
        }
    }

    /// `key: |` with the text as a literal block when that keeps it exact, else a quoted scalar.
    private static func scalar(_ key: String, _ text: String, prefix: String, indent: String) -> [String] {
        let textLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let literalSafe = !text.isEmpty && textLines.allSatisfy { line in
            line.first != " " && line.first != "\t" && line.last != " " && line.last != "\t"
                && !line.contains { $0.isControlCharacter }
        } && textLines.first?.isEmpty == false && textLines.last?.isEmpty == false
        guard literalSafe else { return ["\(prefix)\(key): \(quoted(text))"] }
        return ["\(prefix)\(key): |"] + textLines.map { $0.isEmpty ? "" : "\(indent)  \($0)" }
    }

    private static func flow(_ cells: [String]) -> String {
        "[" + cells.map(quoted).joined(separator: ", ") + "]"
    }

    /// A double-quoted YAML scalar with the escapes YAML requires.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension Character {
    var isControlCharacter: Bool {
        unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }
    }
}
