import Foundation
import Wire

/// What a value read from the sandbox must look like. Every condition given must hold.
public struct ValueExpectation: Sendable, Hashable {
    /// Equal as JSON (numbers by value).
    public var equals: JSONValue?
    public var notEquals: JSONValue?
    /// A string containing this text, or a list containing this element.
    public var contains: JSONValue?
    /// A string matching this regular expression (anywhere in it).
    public var matches: String?
    public var atLeast: Double?
    public var atMost: Double?
    /// true: present and not empty (not null, "", [] or {}); false: absent or empty.
    public var exists: Bool?
    /// The command must fail with this AWS error code instead of giving a value.
    public var error: String?

    public init(equals: JSONValue? = nil, notEquals: JSONValue? = nil, contains: JSONValue? = nil, matches: String? = nil,
                atLeast: Double? = nil, atMost: Double? = nil, exists: Bool? = nil, error: String? = nil) {
        self.equals = equals
        self.notEquals = notEquals
        self.contains = contains
        self.matches = matches
        self.atLeast = atLeast
        self.atMost = atMost
        self.exists = exists
        self.error = error
    }

    /// The YAML keys of the conditions.
    public static let keys = ["equals", "not_equals", "contains", "matches", "at_least", "at_most", "exists", "error"]

    /// Whether any value condition is set (an expectation with none would pass anything).
    public var isEmpty: Bool {
        equals == nil && notEquals == nil && contains == nil && matches == nil && atLeast == nil && atMost == nil
            && exists == nil && error == nil
    }

    /// What the value should be, for `{expected}` in messages.
    public var phrase: String {
        var parts: [String] = []
        if let equals { parts.append(Self.show(equals)) }
        if let notEquals { parts.append("anything but \(Self.show(notEquals))") }
        if let contains { parts.append("something containing \(Self.show(contains))") }
        if let matches { parts.append("text matching /\(matches)/") }
        if let atLeast { parts.append("at least \(Self.number(atLeast))") }
        if let atMost { parts.append("at most \(Self.number(atMost))") }
        if let exists { parts.append(exists ? "a value" : "nothing") }
        if let error { parts.append("the error \(error)") }
        return parts.joined(separator: " and ")
    }

    /// Tests `value`; nil when it meets every condition, otherwise the first condition it misses.
    public func mismatch(_ value: JSONValue) -> String? {
        if let equals, value != equals { return "It is \(Self.show(value)), not \(Self.show(equals))" }
        if let notEquals, value == notEquals { return "It is \(Self.show(value))" }
        if let contains {
            switch value {
            case .string(let text):
                guard let needle = contains.stringValue ?? Self.numberText(contains), text.contains(needle) else {
                    return "\(Self.show(value)) does not contain \(Self.show(contains))"
                }
            case .array(let items):
                if !items.contains(contains) { return "The list \(Self.show(value)) has no \(Self.show(contains))" }
            default:
                return "It is \(Self.show(value)), which is neither text nor a list"
            }
        }
        if let matches {
            guard let text = value.stringValue ?? Self.numberText(value) else {
                return "It is \(Self.show(value)), not text"
            }
            guard let regex = try? NSRegularExpression(pattern: matches),
                  regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil else {
                return "\(Self.show(value)) does not match /\(matches)/"
            }
        }
        if atLeast != nil || atMost != nil {
            guard let number = value.numberValue else { return "It is \(Self.show(value)), not a number" }
            if let atLeast, number < atLeast { return "It is \(Self.number(number)), less than \(Self.number(atLeast))" }
            if let atMost, number > atMost { return "It is \(Self.number(number)), more than \(Self.number(atMost))" }
        }
        if let exists {
            let present = !Self.isEmptyValue(value)
            if exists && !present { return "There is no value" }
            if !exists && present { return "It is \(Self.show(value))" }
        }
        return nil
    }

    static func isEmptyValue(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return true
        case .string(let s): return s.isEmpty
        case .array(let a): return a.isEmpty
        case .object(let o): return o.isEmpty
        default: return false
        }
    }

    /// A value as a learner would read it: text without quotes, everything else as compact JSON.
    public static func show(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text.count > 80 ? "\"" + text.prefix(77) + "...\"" : "\"\(text)\""
        case .null: return "not set"
        default:
            let text = JSONWriter.compact(value)
            return text.count > 80 ? String(text.prefix(77)) + "..." : text
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    static func numberText(_ value: JSONValue) -> String? {
        value.numberValue.map(number)
    }
}
