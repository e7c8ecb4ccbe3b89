import Wire

/// Writes a response as the AWS CLI v2's `--output yaml` does (ruamel.yaml's safe dumper over
/// libyaml): block style, keys sorted, sequences in a mapping not indented, empty containers as
/// `{}`/`[]`, strings quoted only when they must be (single quotes first, double quotes for
/// control characters and leading blanks after line breaks), long lines folded at 80 columns, and
/// `...` after a plain scalar document.
struct YAMLEmitter {
    private var out = ""
    private var column = 0
    private var whitespace = true
    private var indention = true
    private var indent = -1
    private var indents: [Int] = []
    private var openEnded = false
    private let bestWidth = 80
    private let bestIndent = 2

    /// One YAML document for `value`, ending with a newline.
    static func document(_ value: JSONValue) -> String {
        var emitter = YAMLEmitter()
        emitter.node(value, root: true, inMapping: false, simpleKey: false)
        emitter.writeIndent()
        if emitter.openEnded {
            emitter.put("...")
            emitter.putBreak()
        }
        return emitter.out
    }

    // MARK: nodes

    private mutating func node(_ value: JSONValue, root: Bool, inMapping: Bool, simpleKey: Bool) {
        switch value {
        case .array(let items):
            if items.isEmpty { return emptyFlow("[", "]") }
            increaseIndent(flow: false, indentless: inMapping && !indention)
            for item in items {
                writeIndent()
                writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
                node(item, root: false, inMapping: false, simpleKey: false)
            }
            popIndent()
        case .object(let object):
            if object.isEmpty { return emptyFlow("{", "}") }
            increaseIndent(flow: false, indentless: false)
            for key in PythonValue.sortedKeys(object.keys) {
                writeIndent()
                let analysis = ScalarAnalysis(key)
                if !analysis.multiline && key.utf8.count <= 128 {
                    scalar(key, plainImplicit: !YAMLImplicitTypes.resolvesToNonString(key), root: false, simpleKey: true)
                    writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
                } else {
                    writeIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true)
                    scalar(key, plainImplicit: !YAMLImplicitTypes.resolvesToNonString(key), root: false, simpleKey: false)
                    writeIndent()
                    writeIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true)
                }
                node(object[key] ?? .null, root: false, inMapping: true, simpleKey: false)
            }
            popIndent()
        case .string(let s):
            scalar(s, plainImplicit: !YAMLImplicitTypes.resolvesToNonString(s), root: root, simpleKey: simpleKey)
        case .null:
            scalar("null", plainImplicit: true, root: root, simpleKey: simpleKey)
        case .bool(let b):
            scalar(b ? "true" : "false", plainImplicit: true, root: root, simpleKey: simpleKey)
        case .int(let i):
            scalar(String(i), plainImplicit: true, root: root, simpleKey: simpleKey)
        case .double(let d):
            scalar(Self.floatText(d), plainImplicit: true, root: root, simpleKey: simpleKey)
        }
    }

    /// ruamel's float representer: `.nan`, `.inf`, otherwise Python's `repr` in lower case.
    static func floatText(_ d: Double) -> String {
        if d.isNaN { return ".nan" }
        if d.isInfinite { return d > 0 ? ".inf" : "-.inf" }
        return JSONWriter.formatDouble(d).lowercased()
    }

    private mutating func emptyFlow(_ open: String, _ close: String) {
        writeIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false)
        increaseIndent(flow: true, indentless: false)
        popIndent()
        writeIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    private mutating func scalar(_ text: String, plainImplicit: Bool, root: Bool, simpleKey: Bool) {
        let analysis = ScalarAnalysis(text)
        var style = Style.plain
        if simpleKey && analysis.multiline { style = .double }
        if style == .plain {
            if !analysis.blockPlainAllowed || (analysis.empty && simpleKey) || !plainImplicit { style = .single }
        }
        if style == .single, !analysis.singleQuotedAllowed { style = .double }
        increaseIndent(flow: true, indentless: false)
        switch style {
        case .plain: writePlain(text, allowBreaks: !simpleKey, root: root)
        case .single: writeSingleQuoted(text, allowBreaks: !simpleKey)
        case .double: writeDoubleQuoted(text, allowBreaks: !simpleKey)
        }
        popIndent()
    }

    private enum Style { case plain, single, double }

    // MARK: scalar writers (libyaml's)

    private mutating func writePlain(_ text: String, allowBreaks: Bool, root: Bool) {
        let chars = Array(text.unicodeScalars)
        if !whitespace && !chars.isEmpty { put(" ") }
        var spaces = false
        for (i, c) in chars.enumerated() {
            if c == " " {
                if allowBreaks && !spaces && column > bestWidth && !(i + 1 < chars.count && chars[i + 1] == " ") {
                    writeIndent()
                } else {
                    put(c)
                }
                spaces = true
            } else {
                put(c)
                indention = false
                spaces = false
            }
        }
        whitespace = false
        indention = false
        if root { openEnded = true }
    }

    private mutating func writeSingleQuoted(_ text: String, allowBreaks: Bool) {
        writeIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false)
        let chars = Array(text.unicodeScalars)
        var spaces = false
        var breaks = false
        for (i, c) in chars.enumerated() {
            if c == " " {
                if allowBreaks && !spaces && column > bestWidth && i != 0 && i != chars.count - 1
                    && !(i + 1 < chars.count && chars[i + 1] == " ")
                {
                    writeIndent()
                } else {
                    put(c)
                }
                spaces = true
            } else if ScalarAnalysis.isBreak(c) {
                if !breaks && c == "\n" { putBreak() }
                if c == "\n" { putBreak() } else {
                    out.unicodeScalars.append(c)
                    column = 0
                }
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                if c == "'" { put("'") }
                put(c)
                indention = false
                spaces = false
                breaks = false
            }
        }
        if breaks { writeIndent() }
        writeIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    private mutating func writeDoubleQuoted(_ text: String, allowBreaks: Bool) {
        writeIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false)
        let chars = Array(text.unicodeScalars)
        var spaces = false
        for (i, c) in chars.enumerated() {
            if !ScalarAnalysis.isPrintable(c) || c == "\u{FEFF}" || ScalarAnalysis.isBreak(c) || c == "\"" || c == "\\" {
                put("\\")
                put(Self.escape(c))
                spaces = false
            } else if c == " " {
                if allowBreaks && !spaces && column > bestWidth && i != 0 && i != chars.count - 1 {
                    writeIndent()
                    if i + 1 < chars.count, chars[i + 1] == " " { put("\\") }
                } else {
                    put(c)
                }
                spaces = true
            } else {
                put(c)
                spaces = false
            }
        }
        writeIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    /// The letter or hex code after the backslash (upper-case hex digits, as libyaml writes them).
    static func escape(_ c: Unicode.Scalar) -> String {
        switch c.value {
        case 0x00: return "0"
        case 0x07: return "a"
        case 0x08: return "b"
        case 0x09: return "t"
        case 0x0A: return "n"
        case 0x0B: return "v"
        case 0x0C: return "f"
        case 0x0D: return "r"
        case 0x1B: return "e"
        case 0x22: return "\""
        case 0x5C: return "\\"
        case 0x85: return "N"
        case 0xA0: return "_"
        case 0x2028: return "L"
        case 0x2029: return "P"
        default:
            let hex = String(c.value, radix: 16, uppercase: true)
            if c.value <= 0xFF { return "x" + String(repeating: "0", count: 2 - hex.count) + hex }
            if c.value <= 0xFFFF { return "u" + String(repeating: "0", count: 4 - hex.count) + hex }
            return "U" + String(repeating: "0", count: 8 - hex.count) + hex
        }
    }

    // MARK: low-level writing

    private mutating func put(_ c: Unicode.Scalar) {
        out.unicodeScalars.append(c)
        column += 1
    }

    private mutating func put(_ s: String) {
        for c in s.unicodeScalars { put(c) }
    }

    private mutating func putBreak() {
        out.append("\n")
        column = 0
    }

    private mutating func writeIndicator(_ indicator: String, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
        if needWhitespace && !whitespace { put(" ") }
        put(indicator)
        whitespace = isWhitespace
        indention = indention && isIndention
        openEnded = false
    }

    private mutating func writeIndent() {
        let target = max(indent, 0)
        if !indention || column > target || (column == target && !whitespace) {
            putBreak()
        }
        while column < target { put(" ") }
        whitespace = true
        indention = true
    }

    private mutating func increaseIndent(flow: Bool, indentless: Bool) {
        indents.append(indent)
        if indent < 0 {
            indent = flow ? bestIndent : 0
        } else if !indentless {
            indent += bestIndent
        }
    }

    private mutating func popIndent() {
        indent = indents.popLast() ?? -1
    }
}
