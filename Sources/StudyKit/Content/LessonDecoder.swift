import Yams

/// Builds a `Lesson` from the node tree of one lesson file.
enum LessonDecoder {
    static let lessonFields = ["id", "title", "topic", "summary", "sections"]
    static let sectionFields = ["id", "title", "facts", "beyond_source", "blocks"]
    static let blockKinds = ["text", "list", "table", "commands", "callout"]

    static func decode(_ root: Node, reader: inout YAMLReader) -> Lesson? {
        guard let object = reader.object(root, "a lesson") else { return nil }
        reader.rejectUnknownFields(object, allowed: lessonFields)
        let id = reader.requiredText(object, "id")
        if let id, !ContentIDs.isKebabCase(id) {
            reader.error("lesson id '\(id)' is not kebab-case (lower-case words joined by hyphens, e.g. key-types)", at: object["id"])
        }
        let title = reader.requiredText(object, "title")
        let topic = reader.requiredText(object, "topic")
        let summary = reader.requiredText(object, "summary")
        var sections: [LessonSection] = []
        if let node = reader.required(object, "sections"), let items = reader.sequence(node, "'sections'") {
            if items.isEmpty { reader.error("'sections' is empty; a lesson needs at least one section", at: node) }
            for item in items {
                if let section = decodeSection(item, reader: &reader) { sections.append(section) }
            }
        }
        guard let id, let title, let topic, let summary else { return nil }
        return Lesson(id: id, title: title, topic: topic, summary: summary, sections: sections,
                      location: reader.location(root))
    }

    private static func decodeSection(_ node: Node, reader: inout YAMLReader) -> LessonSection? {
        guard let probe = reader.object(node, "a section") else { return nil }
        let name = probe["id"]?.scalar?.string
        let object = YAMLObject(node: probe.node, what: name.map { "section '\($0)'" } ?? "a section", fields: probe.fields)
        reader.rejectUnknownFields(object, allowed: sectionFields)
        let id = reader.requiredText(object, "id")
        if let id, !ContentIDs.isKebabCase(id) {
            reader.error("section id '\(id)' is not kebab-case (lower-case words joined by hyphens, e.g. aws-owned-keys)", at: object["id"])
        }
        let title = reader.requiredText(object, "title")
        var facts: [Located<String>] = []
        if let factsNode = reader.required(object, "facts") {
            facts = reader.textList(factsNode, "'facts' in \(object.what)") ?? []
        }
        let beyond = reader.optionalBoolean(object, "beyond_source") ?? false
        var blocks: [Block] = []
        if let blocksNode = reader.required(object, "blocks"), let items = reader.sequence(blocksNode, "'blocks' in \(object.what)") {
            if items.isEmpty { reader.error("'blocks' in \(object.what) is empty; a section needs at least one block", at: blocksNode) }
            for item in items {
                if let block = decodeBlock(item, reader: &reader) { blocks.append(block) }
            }
        }
        guard let id, let title else { return nil }
        return LessonSection(id: id, title: title, facts: facts.map(\.value), beyondSource: beyond, blocks: blocks,
                             location: reader.location(node), factLocations: facts.map(\.location))
    }

    private static func decodeBlock(_ node: Node, reader: inout YAMLReader) -> Block? {
        guard let object = reader.object(node, "a block") else { return nil }
        let location = reader.location(node)
        if object.has("callout") {
            return decodeCallout(object, reader: &reader).map { Block(.callout($0), at: location) }
        }
        let kinds = blockKinds.filter { object.has($0) }
        guard kinds.count == 1, let kind = kinds.first else {
            let found = kinds.isEmpty ? "none" : kinds.joined(separator: " and ")
            reader.error("a block must have exactly one of \(blockKinds.joined(separator: ", ")); found \(found)", at: node)
            return nil
        }
        reader.rejectUnknownFields(object, allowed: [kind])
        guard let value = object[kind] else { return nil }
        switch kind {
        case "text":
            return reader.text(value, "a text block").map { Block(.text($0), at: location) }
        case "list":
            guard let items = reader.textList(value, "a list block") else { return nil }
            if items.isEmpty { reader.error("a list block has no items", at: value) }
            return Block(.list(items.map(\.value)), at: location)
        case "commands":
            guard let text = reader.text(value, "a commands block") else { return nil }
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return Block(.commands(lines), at: location)
        default:
            return decodeTable(value, reader: &reader).map { Block(.table($0), at: location) }
        }
    }

    private static func decodeCallout(_ object: YAMLObject, reader: inout YAMLReader) -> Callout? {
        reader.rejectUnknownFields(object, allowed: ["callout", "title", "text"])
        let kindNode = object["callout"]
        var kind: CalloutKind?
        if let kindNode, let name = reader.text(kindNode, "'callout'") {
            kind = CalloutKind(rawValue: name)
            if kind == nil {
                let names = CalloutKind.allCases.map(\.rawValue).joined(separator: ", ")
                reader.error("unknown callout kind '\(name)'; use one of: \(names)", at: kindNode)
            }
        }
        let title = reader.optionalText(object, "title")
        let text = reader.requiredText(object, "text")
        guard let kind, let text else { return nil }
        return Callout(kind: kind, title: title, text: text)
    }

    private static func decodeTable(_ node: Node, reader: inout YAMLReader) -> Table? {
        guard let object = reader.object(node, "a table") else { return nil }
        reader.rejectUnknownFields(object, allowed: ["caption", "header", "rows"])
        let caption = reader.optionalText(object, "caption")
        var header: [String]?
        if let headerNode = reader.required(object, "header") {
            // An empty header cell is the usual corner of a comparison table; an all-empty header is not.
            header = reader.textList(headerNode, "a table's 'header'", allowEmpty: true)?.map(\.value)
            if let header, header.allSatisfy(\.isEmpty) {
                reader.error("a table's 'header' has no column names; name at least one column", at: headerNode)
            }
        }
        var rows: [[String]] = []
        if let rowsNode = reader.required(object, "rows"), let items = reader.sequence(rowsNode, "a table's 'rows'") {
            if items.isEmpty { reader.error("a table has no rows", at: rowsNode) }
            for item in items {
                // An empty cell is a legitimate blank in a table, unlike empty prose.
                guard let cells = reader.textList(item, "a table row", allowEmpty: true) else { continue }
                if let header, !header.isEmpty, cells.count != header.count {
                    reader.error("a table row has \(cells.count) cells but the header has \(header.count); give every row one cell per column", at: item)
                }
                rows.append(cells.map(\.value))
            }
        }
        guard let header else { return nil }
        return Table(caption: caption, header: header, rows: rows)
    }
}
