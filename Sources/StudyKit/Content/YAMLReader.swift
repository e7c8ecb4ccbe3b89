import Foundation
import Yams

/// Reads typed fields out of a composed YAML document, collecting a diagnostic (with its file
/// and line) for everything wrong instead of stopping at the first problem.
struct YAMLReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    func location(_ node: Node?) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark?.line ?? 0)
    }

    mutating func error(_ message: String, at node: Node?) {
        diagnostics.append(.error(message, at: location(node)))
    }

    mutating func error(_ message: String, line: Int) {
        diagnostics.append(.error(message, at: SourceLocation(file: file, line: line)))
    }

    mutating func warning(_ message: String, at node: Node?) {
        diagnostics.append(.warning(message, at: location(node)))
    }

    /// The fields of a mapping node, or an error naming what was expected.
    mutating func object(_ node: Node, _ what: String) -> YAMLObject? {
        guard case .mapping(let mapping) = node else {
            error("\(what) must be a mapping of fields, found \(describe(node))", at: node)
            return nil
        }
        var fields: [YAMLObject.Field] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                error("a field name in \(what) must be plain text", at: key)
                continue
            }
            fields.append(YAMLObject.Field(name: scalar.string, key: key, value: value))
        }
        return YAMLObject(node: node, what: what, fields: fields)
    }

    /// Errors for every field of `object` not in `allowed`, suggesting the closest allowed name.
    mutating func rejectUnknownFields(_ object: YAMLObject, allowed: [String]) {
        for field in object.fields where !allowed.contains(field.name) {
            var message = "unknown field '\(field.name)' in \(object.what)"
            if let suggestion = closest(to: field.name, in: allowed) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; allowed fields: \(allowed.joined(separator: ", "))"
            }
            error(message, at: field.key)
        }
    }

    /// The value of a required field, or an error at the mapping's line.
    mutating func required(_ object: YAMLObject, _ name: String) -> Node? {
        guard let value = object[name] else {
            error("\(object.what) is missing required field '\(name)'", at: object.node)
            return nil
        }
        return value
    }

    /// A non-empty text value. Any plain scalar counts (YAML would otherwise turn `yes` into a
    /// boolean and `2024` into a number inside prose); null and empty text are errors.
    mutating func text(_ node: Node, _ what: String, allowEmpty: Bool = false) -> String? {
        guard case .scalar(let scalar) = node else {
            error("\(what) must be text, found \(describe(node))", at: node)
            return nil
        }
        if tagName(node) == .null && scalar.style == .plain {
            if allowEmpty { return "" }
            error("\(what) is empty; write its text", at: node)
            return nil
        }
        let value = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty && !allowEmpty {
            error("\(what) is empty; write its text", at: node)
            return nil
        }
        return value
    }

    mutating func requiredText(_ object: YAMLObject, _ name: String) -> String? {
        guard let node = required(object, name) else { return nil }
        return text(node, "'\(name)' in \(object.what)")
    }

    mutating func optionalText(_ object: YAMLObject, _ name: String) -> String? {
        guard let node = object[name] else { return nil }
        return text(node, "'\(name)' in \(object.what)")
    }

    mutating func integer(_ node: Node, _ what: String) -> Int? {
        guard case .scalar = node, tagName(node) == .int, let value = node.int else {
            error("\(what) must be a whole number, found \(describe(node))", at: node)
            return nil
        }
        return value
    }

    mutating func boolean(_ node: Node, _ what: String) -> Bool? {
        guard case .scalar = node, tagName(node) == .bool, let value = node.bool else {
            error("\(what) must be true or false, found \(describe(node))", at: node)
            return nil
        }
        return value
    }

    mutating func optionalBoolean(_ object: YAMLObject, _ name: String) -> Bool? {
        guard let node = object[name] else { return nil }
        return boolean(node, "'\(name)' in \(object.what)")
    }

    /// The items of a sequence node.
    mutating func sequence(_ node: Node, _ what: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            error("\(what) must be a list, found \(describe(node))", at: node)
            return nil
        }
        return Array(sequence)
    }

    /// A list of text items, each with its location.
    mutating func textList(_ node: Node, _ what: String, allowEmpty: Bool = false) -> [Located<String>]? {
        guard let items = sequence(node, what) else { return nil }
        var result: [Located<String>] = []
        for item in items {
            if let value = text(item, "an item of \(what)", allowEmpty: allowEmpty) {
                result.append(Located(value, at: location(item)))
            }
        }
        return result
    }

    /// A short description of what a node is, for "found …" in messages.
    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if tagName(node) == .null && scalar.style == .plain { return "nothing" }
            let shown = scalar.string.count > 30 ? String(scalar.string.prefix(27)) + "..." : scalar.string
            return "'\(shown)'"
        }
    }

    /// The allowed name within edit distance 2 of `name`, if any.
    private func closest(to name: String, in allowed: [String]) -> String? {
        let scored = allowed.map { ($0, editDistance(name, $0)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }
}

/// The fields of one YAML mapping, in written order, with what the mapping is for messages.
struct YAMLObject {
    struct Field {
        let name: String
        let key: Node
        let value: Node
    }

    let node: Node
    /// How messages name this mapping, e.g. "section 'aws-owned-keys'".
    let what: String
    let fields: [Field]

    subscript(name: String) -> Node? { fields.first { $0.name == name }?.value }

    func has(_ name: String) -> Bool { fields.contains { $0.name == name } }
}

/// Levenshtein distance, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        previous = current
    }
    return previous[b.count]
}

/// The resolved tag of a node (`!!str`, `!!int`, `!!null`, …).
func tagName(_ node: Node) -> Tag.Name { Tag.Name(rawValue: node.tag.rawValue) }
