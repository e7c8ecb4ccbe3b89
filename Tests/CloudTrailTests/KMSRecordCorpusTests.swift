import CloudSim
import Foundation
import KMSEngine
import Testing
import Wire

/// Runs the case files in Cases/: KMS calls, each with the CloudTrail record it must leave.
@Suite struct KMSRecordCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cases")

    @Test func everyOperationAndErrorPathIsRecorded() throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent("kms-records.json"), encoding: .utf8)
        let corpus = try JSONParser.parse(text)
        let steps = try #require(corpus["steps"]?.arrayValue)
        let f = try CloudTrailFixture()
        var vars: [String: JSONValue] = [:]
        var covered = Set<String>()
        for (n, step) in steps.enumerated() {
            let op = try #require(step["op"]?.stringValue)
            let input = RecordMatcher.substitute(step["input"] ?? [:], vars)
            let before = try f.records().count
            var failure: AWSServiceError?
            var output: JSONValue = .null
            do {
                output = try f.kms(op, input, as: step["as"]?.stringValue ?? "default", via: step["via"]?.stringValue)
            } catch let e as AWSServiceError {
                failure = e
            }
            let label = "step \(n) \(op)"
            if let expected = step["error"]?.stringValue {
                #expect(failure?.code == expected, "\(label): expected \(expected), got \(failure.map { "\($0)" } ?? "success")")
            } else {
                #expect(failure == nil, "\(label): \(failure.map { "\($0)" } ?? "")")
            }
            for (name, path) in step["save"]?.objectValue ?? JSONObject() {
                vars[name] = RecordMatcher.value(at: path.stringValue ?? "", in: output)
            }
            let added = Array(try f.records().dropFirst(before))
            let mine = added.filter { $0["eventName"]?.stringValue == op }
            #expect(mine.count == 1, "\(label): \(mine.count) records of the call")
            guard let expected = step["record"], let record = mine.last else { continue }
            covered.insert(op)
            for problem in RecordMatcher.mismatches(RecordMatcher.substitute(expected, vars), record, path: "") {
                Issue.record("\(label): \(problem)\n\(JSONWriter.compact(record))")
            }
        }
        // The corpus checks a record of every operation the engine offers.
        let missing = Set(KMSOperations.all.map(\.name)).subtracting(covered)
        #expect(missing.isEmpty, "operations without a record check: \(missing.sorted())")
    }
}

/// Subset matching of expected JSON against actual JSON, with `${name}` substitution.
enum RecordMatcher {
    static func substitute(_ v: JSONValue, _ vars: [String: JSONValue]) -> JSONValue {
        switch v {
        case .string(let s):
            if s.hasPrefix("${"), s.hasSuffix("}"), let value = vars[String(s.dropFirst(2).dropLast())] { return value }
            return v
        case .array(let a): return .array(a.map { substitute($0, vars) })
        case .object(let o): return .object(JSONObject(o.members.map { ($0.key, substitute($0.value, vars)) }))
        default: return v
        }
    }

    static func value(at path: String, in v: JSONValue) -> JSONValue? {
        var current: JSONValue? = v
        for part in path.split(separator: ".") { current = current?[String(part)] }
        return current
    }

    static func mismatches(_ expected: JSONValue, _ actual: JSONValue?, path: String) -> [String] {
        if expected == "<absent>" { return actual == nil ? [] : ["\(path) should be absent, is \(JSONWriter.compact(actual ?? .null))"] }
        guard let actual else { return ["\(path) is missing"] }
        if expected == "<any>" { return [] }
        switch expected {
        case .object(let o):
            guard actual.objectValue != nil else { return ["\(path) is \(JSONWriter.compact(actual)), not an object"] }
            return o.members.flatMap { mismatches($0.value, actual[$0.key], path: path + "." + $0.key) }
        case .array(let a):
            guard let b = actual.arrayValue, b.count == a.count else { return ["\(path) is \(JSONWriter.compact(actual))"] }
            return zip(a, b).enumerated().flatMap { mismatches($0.element.0, $0.element.1, path: "\(path)[\($0.offset)]") }
        default:
            return expected == actual ? [] : ["\(path) is \(JSONWriter.compact(actual)), expected \(JSONWriter.compact(expected))"]
        }
    }
}
