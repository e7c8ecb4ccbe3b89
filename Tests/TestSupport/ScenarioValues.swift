import Foundation
import Wire

/// Why a scenario step did not go as its file says.
public struct ScenarioFailure: Error, CustomStringConvertible {
    public let description: String
    public init(description: String) { self.description = description }
}

/// What the scenario runners share: saved values, `${name}` substitution, and matching expected
/// JSON against what came back (a subset match; `"<present>"` and `"<absent>"` check presence;
/// lists match element by element with the same length).
public struct ScenarioValues {
    public var variables: [String: JSONValue] = [:]

    public init() {}

    public func match(_ expected: JSONValue, _ actual: JSONValue?, path: String) throws {
        if expected == "<present>" {
            if actual == nil || actual == .null { throw ScenarioFailure(description: "\(path) is absent") }
            return
        }
        if expected == "<absent>" {
            if let actual, actual != .null { throw ScenarioFailure(description: "\(path) should be absent but is \(actual)") }
            return
        }
        switch expected {
        case .object(let o):
            for (k, v) in o { try match(v, actual?[k], path: "\(path).\(k)") }
        case .array(let items):
            guard let got = actual?.arrayValue, got.count == items.count else {
                throw ScenarioFailure(description: "\(path): expected \(items.count) items, got \(actual.map(\.description) ?? "nothing")")
            }
            for (i, item) in items.enumerated() { try match(item, got[i], path: "\(path)[\(i)]") }
        default:
            if expected != actual {
                throw ScenarioFailure(description: "\(path): expected \(expected), got \(actual.map(\.description) ?? "nothing")")
            }
        }
    }

    /// `"${name}"` becomes the saved value itself; `${name}` inside a longer string its text.
    public func substitute(_ v: JSONValue) -> JSONValue {
        switch v {
        case .string(let s):
            if s.hasPrefix("${"), s.hasSuffix("}"), let whole = variables[String(s.dropFirst(2).dropLast())] { return whole }
            return .string(substituteText(s))
        case .array(let a): return .array(a.map(substitute))
        case .object(let o):
            var out = JSONObject()
            for (k, val) in o { out[k] = substitute(val) }
            return .object(out)
        default: return v
        }
    }

    public func substituteText(_ s: String) -> String {
        var out = s
        for (k, v) in variables {
            if let text = v.stringValue { out = out.replacingOccurrences(of: "${\(k)}", with: text) }
        }
        return out
    }
}

/// A scenario runner: runs a scenario's `steps` in order, naming the failing step.
public protocol ScenarioSteps {
    mutating func runStep(_ step: JSONValue) throws
}

extension ScenarioSteps {
    public mutating func run(_ scenario: JSONValue, name: String) throws {
        guard let steps = scenario["steps"]?.arrayValue else { throw ScenarioFailure(description: "\(name): no steps") }
        for (i, step) in steps.enumerated() {
            do {
                try runStep(step)
            } catch let f as ScenarioFailure {
                throw ScenarioFailure(description: "\(name) step \(i + 1): \(f.description)")
            }
        }
    }
}
