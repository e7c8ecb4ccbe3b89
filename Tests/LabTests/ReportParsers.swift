import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// A parsed XML element, for checking reports against their schema.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// Parses `data` with Foundation's XML parser; nil (and the parser's error) when it is not well-formed.
    static func parse(_ data: Data) -> (XMLNode?, Error?) {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        let ok = parser.parse()
        return (ok ? builder.root : nil, parser.parserError)
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLNode?
        var stack: [XMLNode] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let node = XMLNode(name: elementName, attributes: attributes)
            if let parent = stack.last { parent.children.append(node) } else { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}

/// The rules of the common JUnit XML schema (Apache Ant's JUnit.xsd as Windy Road publishes it,
/// which CI servers read), checked on a parsed document. Returns every violation.
enum JUnitSchema {
    static func violations(_ root: XMLNode) -> [String] {
        var found: [String] = []
        if root.name != "testsuites" { found.append("root is <\(root.name)>, not <testsuites>") }
        if !root.attributes.isEmpty { found.append("<testsuites> takes no attributes in the schema: \(root.attributes.keys.sorted())") }
        for (index, suite) in root.children.enumerated() {
            let at = "testsuite \(index)"
            if suite.name != "testsuite" { found.append("<testsuites> holds <\(suite.name)>"); continue }
            for required in ["package", "id", "name", "timestamp", "hostname", "tests", "failures", "errors", "time"]
            where suite.attributes[required] == nil {
                found.append("\(at) lacks the required attribute \(required)")
            }
            if suite.attributes["id"] != String(index) { found.append("\(at): id must count from 0, is \(suite.attributes["id"] ?? "-")") }
            if (suite.attributes["name"] ?? "").isEmpty { found.append("\(at): name is empty") }
            let stamp = suite.attributes["timestamp"] ?? ""
            if stamp.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$"#, options: .regularExpression) == nil {
                found.append("\(at): timestamp '\(stamp)' is not YYYY-MM-DDTHH:MM:SS without a zone")
            }
            for integer in ["tests", "failures", "errors"] where Int(suite.attributes[integer] ?? "") == nil {
                found.append("\(at): \(integer) is not an integer")
            }
            if Double(suite.attributes["time"] ?? "") == nil { found.append("\(at): time is not a decimal") }
            let names = suite.children.map(\.name)
            guard names.first == "properties", names.suffix(2) == ["system-out", "system-err"],
                  names.dropFirst().dropLast(2).allSatisfy({ $0 == "testcase" }) else {
                found.append("\(at): children must be properties, testcase*, system-out, system-err; are \(names)")
                continue
            }
            for property in suite.children[0].children where property.name != "property" || property.attributes["name"] == nil
                || property.attributes["value"] == nil {
                found.append("\(at): a property needs name and value")
            }
            let cases = suite.children.filter { $0.name == "testcase" }
            var failures = 0
            var errors = 0
            for c in cases {
                for required in ["name", "classname", "time"] where c.attributes[required] == nil {
                    found.append("\(at): a testcase lacks \(required)")
                }
                if c.children.count > 1 { found.append("\(at): a testcase holds more than one of failure/error") }
                for outcome in c.children {
                    switch outcome.name {
                    case "failure": failures += 1
                    case "error": errors += 1
                    default: found.append("\(at): a testcase holds <\(outcome.name)>")
                    }
                    if outcome.attributes["type"] == nil { found.append("\(at): <\(outcome.name)> needs a type") }
                }
            }
            if Int(suite.attributes["tests"] ?? "") != cases.count { found.append("\(at): tests=\(suite.attributes["tests"] ?? "") but \(cases.count) testcases") }
            if Int(suite.attributes["failures"] ?? "") != failures { found.append("\(at): failures count is wrong") }
            if Int(suite.attributes["errors"] ?? "") != errors { found.append("\(at): errors count is wrong") }
        }
        return found
    }
}

/// RFC 4180 CSV, read strictly: CRLF line ends, quoted fields with doubled quotes.
enum CSVReader {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static func rows(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty else { throw Malformed(description: "a quote inside an unquoted field") }
                quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\r":
                guard chars.popFirst() == "\n" else { throw Malformed(description: "CR without LF") }
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            case "\n":
                throw Malformed(description: "a bare LF line end (RFC 4180 wants CRLF)")
            default:
                field.unicodeScalars.append(c)
            }
        }
        if quoted { throw Malformed(description: "an unterminated quoted field") }
        if !field.isEmpty || !row.isEmpty { throw Malformed(description: "the last record has no CRLF") }
        return rows
    }
}
