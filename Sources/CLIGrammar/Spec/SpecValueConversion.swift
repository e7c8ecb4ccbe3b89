import Foundation
import Wire

/// Reading the text of a drill command's option or argument by its `ValueType`.
extension CommandSpecParser {
    func convert(_ texts: [String], type: ValueType, label: String, path: [String],
                         synopsis: String) throws(CLIError) -> ArgumentValue {
        func fail(_ message: String) -> CLIError { CLIError.usage("\(label): " + message, path: path, synopsis: synopsis) }
        if case .list(let element) = type {
            var items: [ArgumentValue] = []
            for text in texts { items.append(try convert([text], type: element, label: label, path: path, synopsis: synopsis)) }
            return .list(items)
        }
        let text = texts.first ?? ""
        switch type {
        case .string: return .string(text)
        case .flag: return .flag(true)
        case .integer:
            guard let i = PythonNumbers.int(text) else { throw fail("invalid int value: '\(text)'") }
            return .integer(i)
        case .choice(let allowed):
            guard allowed.contains(text) else {
                var message = "Invalid choice '\(text)', valid choices are: " + allowed.joined(separator: ", ")
                if let hint = Suggestions.didYouMean(text, among: allowed) { message += "; " + hint }
                throw fail(message)
            }
            return .string(text)
        case .duration:
            guard let seconds = DurationText.parse(text) else { throw fail("invalid duration '\(text)': " + DurationText.hint) }
            return .duration(seconds)
        case .timestamp:
            guard let date = Timestamp.parse(text) else {
                throw fail("invalid timestamp '\(text)': use ISO 8601 (2026-11-29 or 2026-11-29T10:00:00Z) or epoch seconds")
            }
            return .timestamp(date)
        case .map, .structure, .json:
            return .json(try structured(text, type: type, label: label, fail: fail))
        case .blob:
            switch try load(text, label: label, fail: fail) {
            case .bytes(let b)?: return .blob(b)
            case .text(let t)?:
                guard let b = Base64.decodeStrict(t.trimmingPythonSpace()) else { throw fail("Invalid base64: \"\(t)\"") }
                return .blob(b)
            case nil:
                guard let b = Base64.decodeStrict(text) else {
                    throw fail("Invalid base64: \"\(text)\" (give base64 text, or fileb://PATH for a file's bytes)")
                }
                return .blob(b)
            }
        case .list:
            return .string(text)
        }
    }

    func load(_ text: String, label: String, fail: (String) -> CLIError) throws(CLIError) -> ParamFileContent? {
        do throws(ParamFiles.LoadError) {
            return try ParamFiles.load(text, reader: context.readFile)
        } catch {
            throw fail(error.message)
        }
    }

    /// JSON (inline or `file://`), or shorthand for maps and structures.
    func structured(_ text: String, type: ValueType, label: String, fail: (String) -> CLIError) throws(CLIError) -> JSONValue {
        var source = text
        switch try load(text, label: label, fail: fail) {
        case .text(let t)?: source = t
        case .bytes(let b)?: source = String(decoding: b, as: UTF8.self)
        case nil: break
        }
        let trimmed = source.trimmingPythonSpace()
        if type == .json || trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
            do throws(JSONParseError) {
                return try JSONParser.parse(source)
            } catch {
                throw fail("Invalid JSON: \(error)\nJSON received: \(source)")
            }
        }
        do throws(ShorthandParser.SyntaxError) {
            return ShorthandJSON.convert(.map(try ShorthandParser.parse(source)))
        } catch {
            throw fail(error.message)
        }
    }
}

/// Shorthand results as plain JSON (strings, arrays, objects), for drill commands without a model.
enum ShorthandJSON {
    static func convert(_ value: ParamValue) -> JSONValue {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .bytes(let b): return .string(Base64.encode(b))
        case .list(let items): return .array(items.map(convert))
        case .map(let o): return .object(JSONObject(o.entries.map { ($0.key, convert($0.value)) }))
        }
    }
}
