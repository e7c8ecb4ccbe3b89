import Foundation

/// The AWS CLI's shorthand syntax for structures, maps and lists: `Key=a,Value=b`,
/// `k1=v1,k2=v2`, `Values=a,b,c`, nested `{...}` and `[...]`, quoted values, `\,` for a comma in a
/// value, and `key@=file://path` to read a value from a file.
///
/// This is the purely syntactic half (`awscli/shorthand.py`'s `ShorthandParser`): the result holds
/// only strings, lists and maps; `ShorthandModelFit` then fits it to the member's shape.
struct ShorthandParser {
    struct SyntaxError: Error, Equatable {
        let message: String
    }

    private let chars: [Character]
    private var index = 0
    private var resolveParamFiles = false
    private let readFile: (String) throws(SyntaxError) -> ParamValue?

    /// - Parameter readFile: resolves `file://`/`fileb://` values after `@=` (nil: not a file value).
    init(_ text: String, readFile: @escaping (String) throws(SyntaxError) -> ParamValue? = { _ in nil }) {
        chars = Array(text)
        self.readFile = readFile
    }

    static func parse(_ text: String,
                      readFile: @escaping (String) throws(SyntaxError) -> ParamValue? = { _ in nil }) throws(SyntaxError) -> ParamObject {
        var parser = ShorthandParser(text, readFile: readFile)
        return try parser.parameter()
    }

    // parameter = keyval *("," keyval)
    private mutating func parameter() throws(SyntaxError) -> ParamObject {
        var params = ParamObject()
        let (firstKey, firstValue) = try keyval()
        params[firstKey] = firstValue
        var lastIndex = index
        while index < chars.count {
            try expect(",", consumeWhitespace: true)
            let (key, value) = try keyval()
            if params[key] != nil {
                throw SyntaxError(message: "Second instance of key \"\(key)\" encountered for input:\n"
                                      + errorLocation(lastIndex + 1)
                                      + "\nThis is often because there is a preceding \",\" instead of a space.")
            }
            params[key] = value
            lastIndex = index
        }
        return params
    }

    // keyval = key "=" [values] / key "@=" [file-optional-values]
    private mutating func keyval() throws(SyntaxError) -> (String, ParamValue) {
        let k = key()
        try atSign()
        try expect("=", consumeWhitespace: true)
        return (k, try values())
    }

    /// An optional `@` before `=` asks for `file://` values to be read. Like the AWS CLI, a failed
    /// look for `@` still consumes the blanks before it.
    private mutating func atSign() throws(SyntaxError) {
        resolveParamFiles = false
        consumeWhitespace()
        if current == "@" {
            index += 1
            consumeWhitespace()
            resolveParamFiles = true
        }
    }

    private mutating func key() -> String {
        let start = index
        while let c = current, Self.isKeyChar(c) { index += 1 }
        return String(chars[start..<index])
    }

    private mutating func values() throws(SyntaxError) -> ParamValue {
        guard let c = current else { return .string("") }
        if c == "[" { return try explicitList() }
        if c == "{" { return try hashLiteral() }
        return try csvValue()
    }

    // foo=bar -> "bar"; foo=bar,baz -> ["bar", "baz"]; foo=a,b=c stops before b.
    private mutating func csvValue() throws(SyntaxError) -> ParamValue {
        let first = try firstValue()
        consumeWhitespace()
        if current != "," { return first }
        try expect(",", consumeWhitespace: true)
        var list = [first]
        while true {
            do {
                let value = try secondValue()
                consumeWhitespace()
                if atEnd {
                    list.append(value)
                    break
                }
                try expect(",", consumeWhitespace: true)
                list.append(value)
            } catch {
                if atEnd { throw error }
                // What followed the comma was the next key: give the comma back.
                while index >= 0, index < chars.count ? chars[index] != "," : true { index -= 1 }
                break
            }
        }
        return list.count == 1 ? first : .list(list)
    }

    private mutating func explicitList() throws(SyntaxError) -> ParamValue {
        try expect("[", consumeWhitespace: true)
        var items: [ParamValue] = []
        while current != "]" {
            items.append(try explicitValue())
            consumeWhitespace()
            if current != "]" {
                try expect(",")
                consumeWhitespace()
            }
        }
        try expect("]")
        return .list(items)
    }

    private mutating func explicitValue() throws(SyntaxError) -> ParamValue {
        if current == "[" { return try explicitList() }
        if current == "{" { return try hashLiteral() }
        return try firstValue()
    }

    private mutating func hashLiteral() throws(SyntaxError) -> ParamValue {
        try expect("{", consumeWhitespace: true)
        var object = ParamObject()
        while current != "}" {
            let k = key()
            try atSign()
            try expect("=", consumeWhitespace: true)
            let v = try explicitValue()
            consumeWhitespace()
            if current != "}" {
                try expect(",")
                consumeWhitespace()
            }
            object[k] = v
        }
        try expect("}")
        return .map(object)
    }

    private mutating func firstValue() throws(SyntaxError) -> ParamValue {
        if current == "'" { return try resolved(quoted("'")) }
        if current == "\"" { return try resolved(quoted("\"")) }
        guard let word = consumeWord(start: Self.isStartChar, follow: Self.isFirstFollowChar) else {
            return .string("")
        }
        return try resolved(Self.unescapeCommas(word))
    }

    private mutating func secondValue() throws(SyntaxError) -> ParamValue {
        if current == "'" { return try resolved(quoted("'")) }
        if current == "\"" { return try resolved(quoted("\"")) }
        guard let word = consumeWord(start: Self.isStartChar, follow: Self.isSecondFollowChar) else {
            throw syntaxError(expected: "<second>", actual: "<none>")
        }
        return try resolved(Self.unescapeCommas(word))
    }

    private func resolved(_ text: String) throws(SyntaxError) -> ParamValue {
        if resolveParamFiles, let content = try readFile(text) { return content }
        return .string(text)
    }

    /// A quoted value; a backslash escapes the quote and another backslash.
    ///
    /// Mirrors the regular expression `'(?:\\'|[^'])*'`: when no closing quote follows, the last
    /// escaped quote closes the value instead, as the regex engine's backtracking would decide.
    private mutating func quoted(_ q: Character) throws(SyntaxError) -> String {
        let start = index
        var i = index + 1
        var lastEscapedQuote: Int?
        var close: Int?
        while i < chars.count {
            if chars[i] == "\\", i + 1 < chars.count, chars[i + 1] == q {
                lastEscapedQuote = i + 1
                i += 2
            } else if chars[i] == q {
                close = i
                break
            } else {
                i += 1
            }
        }
        guard let end = close ?? lastEscapedQuote else {
            let name = q == "'" ? "singled quoted" : "double quoted"
            throw syntaxError(expected: "<\(name)>", actual: "<none>")
        }
        index = end + 1
        let body = String(chars[(start + 1)..<end])
        return body.replacingAll("\\" + String(q), with: String(q)).replacingAll("\\\\", with: "\\")
    }

    /// `(\\,|[start])(\\,|[follow])*`, then trailing blanks dropped.
    private mutating func consumeWord(start: (Character) -> Bool, follow: (Character) -> Bool) -> String? {
        var i = index
        func step(_ allowed: (Character) -> Bool) -> Bool {
            if i + 1 < chars.count, chars[i] == "\\", chars[i + 1] == "," {
                i += 2
                return true
            }
            if i < chars.count, allowed(chars[i]) {
                i += 1
                return true
            }
            return false
        }
        guard step(start) else { return nil }
        while step(follow) {}
        let word = String(chars[index..<i])
        index = i
        return word
    }

    private static func unescapeCommas(_ word: String) -> String {
        var s = word.replacingAll("\\,", with: ",")
        while let last = s.unicodeScalars.last, isPythonSpace(last) { s.unicodeScalars.removeLast() }
        return s
    }

    private var current: Character? { index < chars.count ? chars[index] : nil }
    private var atEnd: Bool { index >= chars.count }

    private mutating func consumeWhitespace() {
        while let c = current, Self.isASCIIWhitespace(c) { index += 1 }
    }

    private mutating func expect(_ c: Character, consumeWhitespace ws: Bool = false) throws(SyntaxError) {
        if ws { consumeWhitespace() }
        guard let actual = current else {
            throw syntaxError(expected: String(c), actual: "EOF")
        }
        guard actual == c else {
            throw syntaxError(expected: String(c), actual: String(actual))
        }
        index += 1
        if ws { consumeWhitespace() }
    }

    private func syntaxError(expected: String, actual: String) -> SyntaxError {
        SyntaxError(message: "Expected: '\(expected)', received: '\(actual)' for input:\n" + errorLocation(index))
    }

    /// The input with a caret under `position`, on the line where it falls.
    private func errorLocation(_ position: Int) -> String {
        let at = min(max(position, 0), chars.count)
        var consumed = String(chars)
        var remaining = ""
        var spaces = at
        if let lastNewline = chars[..<at].lastIndex(of: "\n") {
            spaces = at - lastNewline - 1
        }
        if let nextNewline = chars[at...].firstIndex(of: "\n") {
            consumed = String(chars[..<nextNewline])
            remaining = String(chars[nextNewline...])
        }
        return consumed + "\n" + String(repeating: " ", count: spaces) + "^" + remaining
    }

}

extension String {
    /// Replaces every occurrence of `target` (left to right, non-overlapping).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return replacingOccurrences(of: target, with: replacement)
    }
}
