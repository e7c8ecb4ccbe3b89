import Yams

/// Builds the questions of one question-bank file.
///
/// Type-specific rules (a single question's one correct option, a do-it question's answer) are
/// left to `ContentChecker`, so one broken question yields every problem it has at once.
enum QuestionDecoder {
    static let questionFields = ["id", "topic", "facts", "difficulty", "type", "stem", "options", "shuffle",
                                 "explanation", "answer", "why"]

    static func decode(_ root: Node, reader: inout YAMLReader) -> [Question] {
        guard let object = reader.object(root, "a question file") else { return [] }
        reader.rejectUnknownFields(object, allowed: ["questions"])
        guard let node = reader.required(object, "questions"), let items = reader.sequence(node, "'questions'") else {
            return []
        }
        return items.compactMap { decodeQuestion($0, reader: &reader) }
    }

    private static func decodeQuestion(_ node: Node, reader: inout YAMLReader) -> Question? {
        guard let probe = reader.object(node, "a question") else { return nil }
        let name = probe["id"]?.scalar?.string
        let object = YAMLObject(node: node, what: name.map { "question '\($0)'" } ?? "a question", fields: probe.fields)
        reader.rejectUnknownFields(object, allowed: questionFields)
        let id = reader.requiredText(object, "id")
        if let id, !ContentIDs.isKebabCase(id) {
            reader.error("question id '\(id)' is not kebab-case (lower-case words joined by hyphens, e.g. key-types-owned-audit)", at: object["id"])
        }
        let topic = reader.requiredText(object, "topic")
        var facts: [Located<String>] = []
        if let factsNode = reader.required(object, "facts") {
            facts = reader.textList(factsNode, "'facts' in \(object.what)") ?? []
            if facts.isEmpty { reader.error("'facts' in \(object.what) is empty; name the fact ids it tests, e.g. [F3]", at: factsNode) }
        }
        // A bad difficulty is reported but the question is kept (as medium), so one typo does not
        // also make its facts look un-asked.
        var difficulty: Int? = 2
        let difficultyNode = reader.required(object, "difficulty")
        if difficultyNode == nil { difficulty = nil }
        if let difficultyNode, let value = reader.integer(difficultyNode, "'difficulty' in \(object.what)") {
            if (1...3).contains(value) {
                difficulty = value
            } else {
                reader.error("'difficulty' in \(object.what) is \(value); use 1 (easy), 2 (medium) or 3 (hard)", at: difficultyNode)
            }
        }
        var kind: QuestionKind?
        if let typeNode = reader.required(object, "type"), let value = reader.text(typeNode, "'type' in \(object.what)") {
            kind = QuestionKind(rawValue: value)
            if kind == nil {
                reader.error("'type' in \(object.what) is '\(value)'; use single, multiple or do-it", at: typeNode)
            }
        }
        let stem = reader.requiredText(object, "stem")
        var options: [AnswerOption] = []
        if let optionsNode = object["options"], let items = reader.sequence(optionsNode, "'options' in \(object.what)") {
            options = items.compactMap { decodeOption($0, reader: &reader) }
        }
        let shuffle = reader.optionalBoolean(object, "shuffle") ?? true
        let explanation = reader.optionalText(object, "explanation")
        let answer = object["answer"].flatMap { decodeAnswer($0, what: object.what, reader: &reader) }
        let why = object["why"].flatMap { reader.text($0, "'why' in \(object.what)", allowEmpty: true) }
        guard let id, let topic, let difficulty, let kind, let stem else { return nil }
        return Question(id: id, topic: topic, facts: facts.map(\.value), difficulty: difficulty, kind: kind,
                        stem: stem, options: options, shuffle: shuffle, explanation: explanation,
                        answer: answer, why: why, location: reader.location(node),
                        factLocations: facts.map(\.location),
                        topicLocation: reader.location(object["topic"]))
    }

    private static func decodeOption(_ node: Node, reader: inout YAMLReader) -> AnswerOption? {
        guard let object = reader.object(node, "an option") else { return nil }
        reader.rejectUnknownFields(object, allowed: ["text", "correct", "why"])
        let text = reader.requiredText(object, "text")
        let correct = reader.optionalBoolean(object, "correct") ?? false
        // A missing or empty `why` is reported by the checker, with the option's letter.
        let why = object["why"].flatMap { reader.text($0, "'why' in an option", allowEmpty: true) } ?? ""
        guard let text else { return nil }
        return AnswerOption(text: text, correct: correct, why: why, location: reader.location(node))
    }

    private static func decodeAnswer(_ node: Node, what: String, reader: inout YAMLReader) -> DoItAnswerSpec? {
        guard let object = reader.object(node, "'answer' in \(what)") else { return nil }
        reader.rejectUnknownFields(object, allowed: ["command", "query"])
        let command = object["command"].flatMap { reader.text($0, "'answer.command' in \(what)", allowEmpty: true) } ?? ""
        let query = object["query"].flatMap { reader.text($0, "'answer.query' in \(what)", allowEmpty: true) } ?? ""
        return DoItAnswerSpec(command: command, query: query, location: reader.location(node))
    }
}
