import Foundation
import Wire
import Yams

/// Builds the predicate of one check from its kind's mapping (`command:`, `audit:`, ...).
enum LabCheckDecoder {
    static func decode(_ kind: String, _ node: Node, what: String, reader: inout YAMLReader) -> LabCheckKind? {
        let label = "'\(kind)' in \(what)"
        guard let object = reader.object(node, label) else { return nil }
        switch kind {
        case "command": return command(object, label, &reader).map(LabCheckKind.command)
        case "audit": return audit(object, label, &reader).map(LabCheckKind.audit)
        case "file": return file(object, label, &reader).map(LabCheckKind.file)
        case "decrypts": return decrypts(object, label, &reader).map(LabCheckKind.decrypts)
        case "allowed": return allowed(object, label, &reader).map(LabCheckKind.allowed)
        case "answer": return answer(object, label, &reader).map(LabCheckKind.answer)
        case "discarded": return discarded(object, label, &reader).map(LabCheckKind.discarded)
        default: return nil
        }
    }

    private static func command(_ object: YAMLObject, _ what: String, _ reader: inout YAMLReader) -> CommandProbe? {
        reader.rejectUnknownFields(object, allowed: ["run", "as", "query", "same_as_file"] + ValueExpectation.keys)
        let run = lines(object, "run", what, &reader)
        let profile = reader.optionalText(object, "as")
        let query = reader.optionalText(object, "query")
        let sameAsFile = reader.optionalText(object, "same_as_file")
        let expect = expectation(object, what, &reader)
        if expect.isEmpty && sameAsFile == nil {
            reader.error("\(what) says nothing about the result; add one of \(ValueExpectation.keys.joined(separator: ", "))", at: object.node)
        }
        guard let run else { return nil }
        return CommandProbe(run: run, profile: profile, query: query, expect: expect, sameAsFile: sameAsFile)
    }

    private static func audit(_ object: YAMLObject, _ what: String, _ reader: inout YAMLReader) -> AuditCheck? {
        reader.rejectUnknownFields(object, allowed: AuditPredicate.keys + ["at_least", "at_most", "exactly"])
        let predicate = auditPredicate(object, what, &reader)
        var count = CountExpectation(atLeast: nil)
        count.atLeast = object["at_least"].flatMap { reader.integer($0, "'at_least' in \(what)") }
        count.atMost = object["at_most"].flatMap { reader.integer($0, "'at_most' in \(what)") }
        count.exactly = object["exactly"].flatMap { reader.integer($0, "'exactly' in \(what)") }
        if count.atLeast == nil, count.atMost == nil, count.exactly == nil { count.atLeast = 1 }
        return AuditCheck(predicate: predicate, count: count)
    }

    static func auditPredicate(_ object: YAMLObject, _ what: String, _ reader: inout YAMLReader) -> AuditPredicate {
        var predicate = AuditPredicate()
        if let node = object["event"] {
            if case .sequence = node {
                predicate.events = (reader.textList(node, "'event' in \(what)") ?? []).map(\.value)
            } else if let name = reader.text(node, "'event' in \(what)") {
                predicate.events = [name]
            }
        }
        predicate.principal = reader.optionalText(object, "by")
        predicate.invokedBy = reader.optionalText(object, "invoked_by")
        predicate.key = reader.optionalText(object, "key")
        predicate.context = object["context"].flatMap { stringMap($0, "'context' in \(what)", &reader) } ?? [:]
        predicate.error = reader.optionalText(object, "error")
        predicate.source = reader.optionalText(object, "source")
        if let node = object["window"], let text = reader.text(node, "'window' in \(what)") {
            if let window = AuditPredicate.Window(rawValue: text) {
                predicate.window = window
            } else {
                reader.error("'window' in \(what) is '\(text)'; use lab (since the learner started), setup or all", at: node)
            }
        }
        if let node = object["parameters"], let fields = reader.object(node, "'parameters' in \(what)") {
            for field in fields.fields { predicate.parameters[field.name] = jsonValue(field.value) }
        }
        return predicate
    }

    private static func file(_ object: YAMLObject, _ what: String, _ reader: inout YAMLReader) -> FileCheck? {
        reader.rejectUnknownFields(object, allowed: ["name", "exists", "contains", "equals", "binary", "same_as"])
        guard let name = reader.requiredText(object, "name") else { return nil }
        var check = FileCheck(name: name)
        check.exists = reader.optionalBoolean(object, "exists") ?? true
        check.contains = reader.optionalText(object, "contains")
        if let node = object["equals"], case .scalar(let scalar) = node { check.equals = scalar.string }
        check.binary = reader.optionalBoolean(object, "binary")
        check.sameAs = reader.optionalText(object, "same_as")
        if !check.exists && (check.contains != nil || check.equals != nil || check.binary != nil || check.sameAs != nil) {
            reader.error("\(what) says the file must not exist, so it cannot also say what it holds", at: object.node)
        }
        return check
    }

    private static func decrypts(_ object: YAMLObject, _ what: String, _ reader: inout YAMLReader) -> DecryptCheck? {
        reader.rejectUnknownFields(object, allowed: ["ciphertext", "plaintext", "text", "context", "as", "key", "error"])
        guard let ciphertext = reader.requiredText(object, "ciphertext") else { return nil }
        var check = DecryptCheck(ciphertext: ciphertext)
        check.plaintextFile = reader.optionalText(object, "plaintext")
        if let node = object["text"], case .scalar(let scalar) = node { check.text = scalar.string }
        check.context = object["context"].flatMap { stringMap($0, "'context' in \(what)", &reader) } ?? [:]
        check.profile = reader.optionalText(object, "as")
        check.key = reader.optionalText(object, "key")
        check.error = reader.optionalText(object, "error")
        let targets = [check.plaintextFile != nil, check.text != nil, check.error != nil].filter { $0 }.count
        if targets != 1 {
            reader.error("\(what) needs exactly one of 'plaintext' (a file), 'text' or 'error'", at: object.node)
        }
        return check
    }

    private static func allowed(_ object: YAMLObject, _ what: String, _ reader: inout YAMLReader) -> PermissionCheck? {
        reader.rejectUnknownFields(object, allowed: ["principal", "action", "key", "context", "expect"])
        let principal = reader.requiredText(object, "principal")
        let action = reader.requiredText(object, "action")
        let key = reader.optionalText(object, "key")
        let context = object["context"].flatMap { stringMap($0, "'context' in \(what)", &reader) } ?? [:]
        var allowed: Bool?
        if let node = reader.required(object, "expect"), let value = reader.text(node, "'expect' in \(what)") {
            switch value {
            case "allowed": allowed = true
            case "denied": allowed = false
            default: reader.error("'expect' in \(what) is '\(value)'; write allowed or denied", at: node)
            }
        }
        guard let principal, let action, let allowed else { return nil }
        return PermissionCheck(principal: principal, action: action, key: key, context: context, allowed: allowed)
    }

    private static func answer(_ object: YAMLObject, _ what: String, _ reader: inout YAMLReader) -> AnswerCheck? {
        reader.rejectUnknownFields(object, allowed: ["question", "expect", "expect_any", "expect_from", "expect_count"])
        let question = reader.requiredText(object, "question")
        let sources = ["expect", "expect_any", "expect_from", "expect_count"].filter(object.has)
        var expected: ExpectedAnswer?
        if sources.count != 1 {
            reader.error("\(what) needs exactly one of expect (a value), expect_any (a list of accepted values), expect_from (run + query) or expect_count (an audit predicate)", at: object.node)
        } else if let node = object["expect"] {
            expected = .oneOf([jsonValue(node)])
        } else if let node = object["expect_any"] {
            if case .sequence(let items) = node, !items.isEmpty {
                expected = .oneOf(items.map(jsonValue))
            } else {
                reader.error("'expect_any' in \(what) must be a non-empty list of accepted answers", at: node)
            }
        } else if let node = object["expect_from"], let from = reader.object(node, "'expect_from' in \(what)") {
            reader.rejectUnknownFields(from, allowed: ["run", "query"])
            if let run = lines(from, "run", "'expect_from' in \(what)", &reader), let query = reader.requiredText(from, "query") {
                expected = .query(run: run, query: query)
            }
        } else if let node = object["expect_count"], let predicate = reader.object(node, "'expect_count' in \(what)") {
            reader.rejectUnknownFields(predicate, allowed: AuditPredicate.keys)
            expected = .auditCount(auditPredicate(predicate, "'expect_count' in \(what)", &reader))
        }
        guard let question, let expected else { return nil }
        return AnswerCheck(question: question, expected: expected)
    }

    private static func discarded(_ object: YAMLObject, _ what: String, _ reader: inout YAMLReader) -> DiscardedKeyCheck? {
        reader.rejectUnknownFields(object, allowed: ["encrypted_key", "context"])
        guard let file = reader.requiredText(object, "encrypted_key") else { return nil }
        let context = object["context"].flatMap { stringMap($0, "'context' in \(what)", &reader) } ?? [:]
        return DiscardedKeyCheck(encryptedKey: file, context: context)
    }

    // MARK: - Shared pieces

    /// `run: LINE` or `run: [LINE, LINE]`.
    private static func lines(_ object: YAMLObject, _ name: String, _ what: String, _ reader: inout YAMLReader) -> [String]? {
        guard let node = reader.required(object, name) else { return nil }
        // `- kms ... --query "{KeyId: KeyMetadata.KeyId}"` reads as a mapping in YAML: say so.
        let items: [Node] = { if case .sequence(let s) = node { return Array(s) } else { return [node] } }()
        for item in items {
            if case .mapping = item {
                reader.error("a command in '\(name)' in \(what) reads as a mapping because it contains ': '; put the command in single quotes", at: item)
                return nil
            }
        }
        if case .scalar(let scalar) = node, scalar.string.contains("\n") {
            // A block of lines (`run: |`): one command per line.
            let items = scalar.string.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            if items.isEmpty { reader.error("'\(name)' in \(what) is empty; give the command lines to run", at: node) }
            return items.isEmpty ? nil : items
        }
        if case .sequence = node {
            let items = (reader.textList(node, "'\(name)' in \(what)") ?? []).map(\.value)
            if items.isEmpty { reader.error("'\(name)' in \(what) is empty; give the command lines to run", at: node) }
            return items.isEmpty ? nil : items
        }
        return reader.text(node, "'\(name)' in \(what)").map { [$0] }
    }

    private static func expectation(_ object: YAMLObject, _ what: String, _ reader: inout YAMLReader) -> ValueExpectation {
        var e = ValueExpectation()
        e.equals = object["equals"].map(jsonValue)
        e.notEquals = object["not_equals"].map(jsonValue)
        e.contains = object["contains"].map(jsonValue)
        e.matches = reader.optionalText(object, "matches")
        if let pattern = e.matches, (try? NSRegularExpression(pattern: pattern)) == nil {
            reader.error("'matches' in \(what) is not a valid regular expression", at: object["matches"])
        }
        e.atLeast = object["at_least"].flatMap { number($0, "'at_least' in \(what)", &reader) }
        e.atMost = object["at_most"].flatMap { number($0, "'at_most' in \(what)", &reader) }
        e.exists = reader.optionalBoolean(object, "exists")
        e.error = reader.optionalText(object, "error")
        if e.error != nil, e.equals != nil || e.contains != nil || e.matches != nil || e.exists != nil {
            reader.error("\(what) expects an error, so it cannot also test a value", at: object.node)
        }
        return e
    }

    private static func number(_ node: Node, _ what: String, _ reader: inout YAMLReader) -> Double? {
        guard case .scalar = node, let value = node.float ?? node.int.map(Double.init),
              [.int, .float].contains(tagName(node)) else {
            reader.error("\(what) must be a number, found \(reader.describe(node))", at: node)
            return nil
        }
        return value
    }

    /// `{k: v, k2: v2}` with text values.
    static func stringMap(_ node: Node, _ what: String, _ reader: inout YAMLReader) -> [String: String]? {
        guard let object = reader.object(node, what) else { return nil }
        var map: [String: String] = [:]
        for field in object.fields {
            if let value = reader.text(field.value, "'\(field.name)' in \(what)", allowEmpty: true) { map[field.name] = value }
        }
        return map
    }

    /// A YAML value as JSON: numbers, booleans and null by their YAML type, everything else as text.
    static func jsonValue(_ node: Node) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            switch tagName(node) {
            case .int: return node.int.map { .int($0) } ?? .string(scalar.string)
            case .float: return node.float.map { .double($0) } ?? .string(scalar.string)
            case .bool: return node.bool.map { .bool($0) } ?? .string(scalar.string)
            case .null where scalar.style == .plain: return .null
            default: return .string(scalar.string)
            }
        case .sequence(let items): return .array(items.map(jsonValue))
        case .mapping(let mapping):
            var object = JSONObject()
            for (key, value) in mapping { object[key.string ?? ""] = jsonValue(value) }
            return .object(object)
        case .alias: return .null
        }
    }
}
