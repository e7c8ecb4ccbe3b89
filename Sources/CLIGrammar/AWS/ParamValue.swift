import Wire

/// A request parameter between the command line and the wire, typed as the AWS CLI (Python) holds
/// it: text and bytes are different things until the request is serialized.
///
/// `fileb://` gives bytes, `file://` and typed text give strings; a blob member turns a string
/// into bytes according to `--cli-binary-format` and a timestamp member parses its text only at
/// serialization, which is how botocore validates and reports them.
indirect enum ParamValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([ParamValue])
    case map(ParamObject)

    init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .double(let d): self = .double(d)
        case .string(let s): self = .string(s)
        case .array(let a): self = .list(a.map(ParamValue.init(json:)))
        case .object(let o): self = .map(ParamObject(o.members.map { ($0.key, ParamValue(json: $0.value)) }))
        }
    }

    var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// Python's `type(value)` as botocore prints it in validation messages.
    var pythonTypeName: String {
        switch self {
        case .null: return "<class 'NoneType'>"
        case .bool: return "<class 'bool'>"
        case .int: return "<class 'int'>"
        case .double: return "<class 'float'>"
        case .string: return "<class 'str'>"
        case .bytes: return "<class 'bytes'>"
        case .list: return "<class 'list'>"
        case .map: return "<class 'dict'>"
        }
    }

    /// Python's `str(value)`, as botocore formats `value: ...` in validation messages.
    var pythonStr: String {
        if case .string(let s) = self { return s }
        return pythonRepr
    }

    /// Python's `repr(value)`: `'text'`, `['a', 'b']`, `{'k': 1}`, `True`, `None`, `b'..'`.
    var pythonRepr: String {
        switch self {
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d): return JSONWriter.formatDouble(d).replacingNonFinite()
        case .string(let s): return PythonText.repr(s)
        case .bytes(let b): return PythonText.bytesRepr(b)
        case .list(let items): return "[" + items.map(\.pythonRepr).joined(separator: ", ") + "]"
        case .map(let o): return "{" + o.entries.map { PythonText.repr($0.key) + ": " + $0.value.pythonRepr }.joined(separator: ", ") + "}"
        }
    }
}

/// An ordered string-keyed map of parameters (Python dicts keep insertion order).
struct ParamObject: Equatable, Sendable {
    private(set) var entries: [(key: String, value: ParamValue)]

    init(_ entries: [(String, ParamValue)] = []) {
        self.entries = []
        for (k, v) in entries { self[k] = v }
    }

    var keys: [String] { entries.map(\.key) }
    var isEmpty: Bool { entries.isEmpty }

    subscript(key: String) -> ParamValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    static func == (a: ParamObject, b: ParamObject) -> Bool {
        a.entries.count == b.entries.count && a.entries.allSatisfy { b[$0.key] == $0.value }
    }
}

/// Python's ways of writing text in messages.
enum PythonText {
    /// `repr(str)`: single quotes unless the text holds a single quote and no double quote.
    static func repr(_ s: String) -> String {
        let useDouble = s.contains("'") && !s.contains("\"")
        let quote: Character = useDouble ? "\"" : "'"
        var out = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(scalar) == quote {
                    out += "\\" + String(quote)
                } else if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + hex(scalar.value, 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append(quote)
        return out
    }

    /// `repr(bytes)`: `b'abc\x00'`.
    static func bytesRepr(_ bytes: [UInt8]) -> String {
        let useDouble = bytes.contains(0x27) && !bytes.contains(0x22)
        let quote: UInt8 = useDouble ? 0x22 : 0x27
        var out = "b" + String(UnicodeScalar(quote))
        for b in bytes {
            switch b {
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case quote: out += "\\" + String(UnicodeScalar(quote))
            case 0x20...0x7E: out.unicodeScalars.append(UnicodeScalar(b))
            default: out += "\\x" + hex(UInt32(b), 2)
            }
        }
        out.unicodeScalars.append(UnicodeScalar(quote))
        return out
    }

    static func hex(_ v: UInt32, _ width: Int) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// Python's `str(float)` for values JSON cannot hold.
    static func floatStr(_ d: Double) -> String {
        JSONWriter.formatDouble(d).replacingNonFinite()
    }
}

extension String {
    /// `NaN`/`Infinity` as JSON writes them, `nan`/`inf` as Python's `str(float)` does.
    func replacingNonFinite() -> String {
        switch self {
        case "NaN": return "nan"
        case "Infinity": return "inf"
        case "-Infinity": return "-inf"
        default: return self
        }
    }
}
