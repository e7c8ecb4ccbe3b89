import AWSModel
import Foundation
import Wire

/// Turns a response as the engine sends it into the value the AWS CLI v2 prints: timestamps as
/// ISO 8601 text (`2026-11-29T09:37:15.123000+00:00`), blobs left as base64 text, and no
/// `ResponseMetadata`.
public enum ResponseConverter {
    /// The CLI value of `wire`, read with the operation's output shape.
    public static func cliValue(_ wire: JSONValue, operation: AWSModel.Operation, model: ServiceModel) -> JSONValue {
        var value = convert(wire, shape: operation.output.flatMap { model.shape($0) }, model: model)
        if case .object(var o) = value, o.contains("ResponseMetadata") {
            o["ResponseMetadata"] = nil
            value = .object(o)
        }
        return value
    }

    static func convert(_ value: JSONValue, shape: Shape?, model: ServiceModel) -> JSONValue {
        guard let shape else { return value }
        switch (shape.kind, value) {
        case (.timestamp, .int), (.timestamp, .double):
            guard let seconds = value.numberValue, seconds.isFinite else { return value }
            return .string(Timestamp.cli(Date(timeIntervalSince1970: seconds)))
        case (.timestamp, .string(let text)):
            guard let date = Timestamp.parse(text) else { return value }
            return .string(Timestamp.cli(date))
        case (.structure, .object(let object)):
            var out = JSONObject()
            for (key, member) in object {
                out[key] = convert(member, shape: shape.member(named: key).flatMap { model.shape($0.shape) }, model: model)
            }
            return .object(out)
        case (.list, .array(let items)):
            let element = shape.element.flatMap { model.shape($0) }
            return .array(items.map { convert($0, shape: element, model: model) })
        case (.map, .object(let object)):
            let valueShape = shape.mapValue.flatMap { model.shape($0) }
            var out = JSONObject()
            for (key, member) in object { out[key] = convert(member, shape: valueShape, model: model) }
            return .object(out)
        default:
            return value
        }
    }
}

/// Python's `str()` and `repr()` of response values, which the text and table formats print.
enum PythonValue {
    /// `str(value)`: text as is, `True`/`False`/`None`, numbers as Python writes them, containers as `repr`.
    static func str(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return s
        default: return repr(value)
        }
    }

    static func repr(_ value: JSONValue) -> String {
        switch value {
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d): return PythonText.floatStr(d)
        case .string(let s): return PythonText.repr(s)
        case .array(let a): return "[" + a.map(repr).joined(separator: ", ") + "]"
        case .object(let o): return "{" + o.members.map { PythonText.repr($0.key) + ": " + repr($0.value) }.joined(separator: ", ") + "}"
        }
    }

    /// Python's `sorted()` order for keys: by Unicode code points.
    static func sortedKeys<S: Sequence>(_ keys: S) -> [String] where S.Element == String {
        keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }

    static func isScalar(_ value: JSONValue) -> Bool {
        switch value {
        case .array, .object: return false
        default: return true
        }
    }
}
