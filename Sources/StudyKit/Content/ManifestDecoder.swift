import Yams

/// Builds a `Manifest` from the node tree of `manifest.yaml`.
enum ManifestDecoder {
    static let fields = ["format", "title", "source", "topics", "facts", "lessons", "questions", "labs", "drills"]

    static func decode(_ root: Node, reader: inout YAMLReader) -> Manifest? {
        guard let object = reader.object(root, "the manifest") else { return nil }
        reader.rejectUnknownFields(object, allowed: fields)
        var format = 1
        if let node = reader.required(object, "format"), let value = reader.integer(node, "'format'") {
            if value != 1 {
                reader.error("'format' is \(value), but only format 1 exists; write 'format: 1'", at: node)
            }
            format = value
        }
        let title = reader.requiredText(object, "title")
        let source = reader.optionalText(object, "source")
        let topics = reader.required(object, "topics").flatMap { decodeTopics($0, reader: &reader) } ?? []
        let facts = reader.required(object, "facts").flatMap { decodeFacts($0, reader: &reader) } ?? []
        let lessons = paths(object, "lessons", required: true, extensions: ["yaml", "yml"], reader: &reader)
        let questions = paths(object, "questions", required: true, extensions: ["yaml", "yml"], reader: &reader)
        let labs = paths(object, "labs", required: false, extensions: [], reader: &reader)
        let drills = paths(object, "drills", required: false, extensions: [], reader: &reader)
        guard let title else { return nil }
        return Manifest(format: format, title: title, source: source, topics: topics, facts: facts,
                        lessons: lessons, questions: questions, labs: labs, drills: drills,
                        location: reader.location(root))
    }

    private static func decodeTopics(_ node: Node, reader: inout YAMLReader) -> [Topic]? {
        guard let items = reader.sequence(node, "'topics'") else { return nil }
        var topics: [Topic] = []
        for item in items {
            guard let object = reader.object(item, "a topic") else { continue }
            reader.rejectUnknownFields(object, allowed: ["id", "title"])
            let id = reader.requiredText(object, "id")
            let title = reader.requiredText(object, "title")
            guard let id, let title else { continue }
            if !ContentIDs.isKebabCase(id) {
                reader.error("topic id '\(id)' is not kebab-case (lower-case words joined by hyphens, e.g. key-types)", at: object["id"])
            }
            topics.append(Topic(id: id, title: title, location: reader.location(item)))
        }
        return topics
    }

    private static func decodeFacts(_ node: Node, reader: inout YAMLReader) -> [Fact]? {
        guard let items = reader.sequence(node, "'facts'") else { return nil }
        var facts: [Fact] = []
        for item in items {
            guard let object = reader.object(item, "a fact") else { continue }
            reader.rejectUnknownFields(object, allowed: ["id", "topic", "statement", "lab"])
            let id = reader.requiredText(object, "id")
            let topic = reader.requiredText(object, "topic")
            let statement = reader.requiredText(object, "statement")
            var lab = false
            if let labNode = reader.required(object, "lab") {
                lab = reader.boolean(labNode, "'lab' in a fact") ?? false
            }
            guard let id, let topic, let statement else { continue }
            if !ContentIDs.isFactID(id) {
                reader.error("fact id '\(id)' must be F followed by a number, e.g. F7", at: object["id"])
            }
            facts.append(Fact(id: id, topic: topic, statement: statement, lab: lab, location: reader.location(item)))
        }
        return facts
    }

    /// A list of relative paths; each must stay inside the content folder.
    private static func paths(_ object: YAMLObject, _ name: String, required: Bool, extensions: [String],
                              reader: inout YAMLReader) -> [Located<String>] {
        let node = required ? reader.required(object, name) : object[name]
        guard let node, let items = reader.textList(node, "'\(name)'") else { return [] }
        var result: [Located<String>] = []
        for item in items {
            let path = item.value
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            if path.hasPrefix("/") || parts.contains("..") || parts.contains("") || path.contains("\\") {
                reader.error("path '\(path)' in '\(name)' must be relative to the content folder, without '..' or empty parts (e.g. lessons/01-intro.yaml)", line: item.location.line)
                continue
            }
            if !extensions.isEmpty, !extensions.contains(where: { path.hasSuffix("." + $0) }) {
                reader.error("path '\(path)' in '\(name)' must name a .yaml file", line: item.location.line)
                continue
            }
            result.append(item)
        }
        return result
    }
}
