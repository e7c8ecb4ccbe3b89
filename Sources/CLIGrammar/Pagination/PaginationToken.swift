import Wire

/// The AWS CLI's `NextToken`: base64 of a JSON object holding the service's input tokens and,
/// when a page was cut short by `--max-items`, `boto_truncate_amount` (botocore's
/// `TokenEncoder`/`TokenDecoder`). The JSON is Python's `json.dumps` form: `", "` and `": "`
/// separators and non-ASCII escaped.
public enum PaginationToken {
    /// The token text for these input tokens (in order) and truncation.
    public static func encode(_ tokens: [(String, JSONValue)], truncateAmount: Int? = nil) -> String {
        var members = tokens
        if let truncateAmount { members.append(("boto_truncate_amount", .int(truncateAmount))) }
        let json = pythonDumps(.object(JSONObject(members)))
        return Base64.encode(Array(json.utf8))
    }

    /// The input tokens and truncation a starting token stands for. Tokens that are not base64 JSON
    /// are read in botocore's older `token___index` form, as botocore does.
    static func decode(_ token: String, inputTokens: [String]) throws(CLIError) -> (tokens: JSONObject, truncation: Int) {
        let filtered = String(token.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+/=".unicodeScalars.contains($0)) })
        if let bytes = Base64.decodeStrict(filtered), let text = String(validating: bytes, as: UTF8.self),
            case .object(var object)? = try? JSONParser.parse(text)
        {
            object["boto_encoded_keys"] = nil
            var truncation = 0
            if let amount = object["boto_truncate_amount"] {
                truncation = amount.intValue ?? 0
                object["boto_truncate_amount"] = nil
            }
            return (object, truncation)
        }
        // The deprecated form: parts joined by "___", the last one an index when there is one more part.
        var parts = splitOnTripleUnderscore(token)
        var index = 0
        if parts.count == inputTokens.count + 1 {
            if let i = PythonNumbers.int(parts[parts.count - 1]) {
                index = i
                parts.removeLast()
            } else {
                parts = [token]
            }
        }
        guard parts.count <= inputTokens.count else {
            throw CLIError(.parameter, "Bad starting token: \(token)")
        }
        var object = JSONObject()
        for (i, name) in inputTokens.enumerated() {
            object[name] = i < parts.count && parts[i] != "None" ? .string(parts[i]) : .null
        }
        return (object, index)
    }

    /// Python's `json.dumps(value)` with its default separators and `ensure_ascii=True`.
    static func pythonDumps(_ value: JSONValue) -> String {
        let inline = JSONWriter.pythonInline(value)
        var out = ""
        for scalar in inline.unicodeScalars {
            if scalar.value < 0x7F {
                out.unicodeScalars.append(scalar)
            } else if scalar.value <= 0xFFFF {
                out += "\\u" + PythonText.hex(scalar.value, 4)
            } else {
                let v = scalar.value - 0x10000
                out += "\\u" + PythonText.hex(0xD800 + (v >> 10), 4) + "\\u" + PythonText.hex(0xDC00 + (v & 0x3FF), 4)
            }
        }
        return out
    }
}

/// `text.split("___")` as Python splits it.
private func splitOnTripleUnderscore(_ text: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var rest = Substring(text)
    while !rest.isEmpty {
        if rest.hasPrefix("___") {
            parts.append(current)
            current = ""
            rest = rest.dropFirst(3)
        } else {
            current.append(rest.removeFirst())
        }
    }
    parts.append(current)
    return parts
}
