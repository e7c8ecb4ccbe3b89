import Foundation
import JMESPath
import Wire

/// Runs case files in the compliance-suite format:
/// `[{"given": <document>, "cases": [{"expression": "...", "result": <json>} | {..., "error": "<kind>"}]}]`.
/// A case may also carry `"comment"` and `"bench"` (`"parse"` cases are only compiled).
enum CaseCorpus {
    struct Outcome {
        var ran = 0
        var failures: [String] = []
    }

    /// Every `*.json` file in `directory`, sorted by name.
    static func files(in directory: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appendingPathComponent($0) }
    }

    static func run(file: URL) -> Outcome {
        var outcome = Outcome()
        let name = file.lastPathComponent
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
            outcome.failures.append("\(name): cannot read the file")
            return outcome
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse(text)
        } catch {
            outcome.failures.append("\(name): not valid JSON: \(error)")
            return outcome
        }
        guard case .array(let groups) = document else {
            outcome.failures.append("\(name): the top level must be an array of {given, cases} groups")
            return outcome
        }
        for (g, group) in groups.enumerated() {
            guard let given = group["given"], case .array(let cases)? = group["cases"] else {
                outcome.failures.append("\(name) given #\(g): missing 'given' or 'cases'")
                continue
            }
            for (c, testCase) in cases.enumerated() {
                outcome.ran += 1
                if let failure = check(testCase, given: given) {
                    let expression = testCase["expression"]?.stringValue ?? "?"
                    outcome.failures.append("\(name) given #\(g) case #\(c) `\(expression)`: \(failure)")
                }
            }
        }
        return outcome
    }

    /// Why the case failed, or nil when it passed.
    private static func check(_ testCase: JSONValue, given: JSONValue) -> String? {
        guard case .object(let fields) = testCase, let expression = fields["expression"]?.stringValue else {
            return "the case has no 'expression' string"
        }
        let expectedError = fields["error"]?.stringValue
        let expectedResult = fields["result"]
        if fields.contains("error") && expectedError.flatMap(JMESPathError.Kind.init(rawValue:)) == nil {
            return "unknown error kind \(fields["error"].map { JSONWriter.compact($0) } ?? "")"
        }
        do {
            let compiled = try JMESPathExpression(expression)
            if fields["bench"]?.stringValue == "parse" && expectedResult == nil && expectedError == nil { return nil }
            let actual = try compiled.search(given)
            if let expectedError {
                return "expected a \(expectedError) error, got \(JSONWriter.compact(actual))"
            }
            if let expectedResult, !strictlyEqual(actual, expectedResult) {
                return "expected \(JSONWriter.compact(expectedResult)), got \(JSONWriter.compact(actual))"
            }
            return nil
        } catch {
            if let expectedError {
                return error.kind.rawValue == expectedError
                    ? nil : "expected a \(expectedError) error, got \(error.kind.rawValue): \(error.message)"
            }
            return "unexpected \(error.kind.rawValue) error: \(error.message)"
        }
    }

    /// JSON equality with strings compared by code point (Swift's `==` would treat canonically
    /// equivalent strings as equal, hiding normalisation bugs).
    static func strictlyEqual(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { strictlyEqual($0, $1) }
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            for (key, value) in x {
                guard let other = y[key], strictlyEqual(value, other) else { return false }
            }
            return Set(x.keys.map { Array($0.unicodeScalars) }) == Set(y.keys.map { Array($0.unicodeScalars) })
        case (.bool, .int), (.bool, .double), (.int, .bool), (.double, .bool): return false
        default: return a == b
        }
    }
}

/// Where the test data folders are, found from this file's location so the tests work from any
/// working directory, in the main checkout, in a CI clone, and through a symlinked dev package.
enum TestPaths {
    /// Tests/JMESPathTests, with symlinks resolved.
    static var testsDirectory: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// The package root (the checkout).
    static var packageRoot: URL {
        testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    }

    static var projectCases: URL { testsDirectory.appendingPathComponent("Cases") }

    static let complianceOverride = "JMESPATH_COMPLIANCE_DIR"

    /// The compliance suite: `$JMESPATH_COMPLIANCE_DIR`, else `<checkout>/../shared/testdata/jmespath-compliance`.
    static var complianceDirectory: URL {
        if let path = ProcessInfo.processInfo.environment[complianceOverride], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/testdata/jmespath-compliance").standardizedFileURL
    }

    static var complianceIsOverridden: Bool {
        !(ProcessInfo.processInfo.environment[complianceOverride] ?? "").isEmpty
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
