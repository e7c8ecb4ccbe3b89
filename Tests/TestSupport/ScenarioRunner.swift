import Foundation
import KMSEngine
import Wire

/// Runs data-driven engine scenarios: a list of steps, each a request in wire form with the
/// expected response members or error code. One runner for every scenario file (and, later, for
/// authorization and lab cases).
///
/// Step forms (JSON):
/// - `{"op": "Encrypt", "input": {...}, "expect": {...}, "save": {"blob": "CiphertextBlob"}}`
/// - `{"op": "Decrypt", "input": {...}, "error": "InvalidCiphertextException", "messageContains": "..."}`
/// - `{"advance": "365d"}` (also `h`, `m`, `y`)
/// - `"as": "alice"` on a step runs it as that IAM user (default: admin); `"account"` sets the account.
/// Strings may use `${name}` for values saved earlier. `expect` matches a subset: every member it
/// names must be present and equal; `"<present>"` only checks presence, `"<absent>"` absence.
public struct ScenarioRunner: ScenarioSteps {
    public typealias Failure = ScenarioFailure

    public let fixture: EngineFixture
    public var values = ScenarioValues()

    public init(fixture: EngineFixture) { self.fixture = fixture }

    public mutating func runStep(_ step: JSONValue) throws {
        if let advance = step["advance"]?.stringValue {
            guard let seconds = Self.duration(advance) else { throw Failure(description: "bad duration \(advance)") }
            try fixture.advance(days: seconds / 86400)
            return
        }
        guard let op = step["op"]?.stringValue else { throw Failure(description: "step has neither op nor advance") }
        let input = values.substitute(step["input"] ?? .object(JSONObject()))
        let account = step["account"]?.stringValue ?? Callers.account
        let who = step["as"]?.stringValue ?? "admin"
        // A profile of the home (admin, alice, AppRole, root, partner, carol...) when there is one.
        let context = (try? fixture.context(who))
            ?? (who == "root" ? RequestContext(caller: .root(account: account)) : Callers.user(who, account: account))
        do {
            let output = try fixture.engine.call(op, input: input, context: context)
            if let code = step["error"]?.stringValue {
                throw Failure(description: "\(op) succeeded but \(code) was expected; output \(output)")
            }
            if let expect = step["expect"] { try values.match(values.substitute(expect), output, path: op) }
            for (name, path) in step["save"]?.objectValue ?? JSONObject() {
                guard let p = path.stringValue, let v = Self.lookup(p, in: output) else {
                    throw Failure(description: "\(op): cannot save \(name) from \(path) in \(output)")
                }
                values.variables[name] = v
            }
        } catch let e as KMSError {
            guard let code = step["error"]?.stringValue else {
                throw Failure(description: "\(op) failed unexpectedly: \(e)")
            }
            if e.code.rawValue != code { throw Failure(description: "\(op): expected \(code), got \(e)") }
            if let part = step["messageContains"]?.stringValue, !e.message.contains(values.substituteText(part)) {
                throw Failure(description: "\(op): message '\(e.message)' does not contain '\(part)'")
            }
        }
    }




    public static func lookup(_ path: String, in value: JSONValue) -> JSONValue? {
        var current: JSONValue? = value
        for part in path.split(separator: ".") {
            if let i = Int(part) { current = current?.arrayValue.flatMap { i < $0.count ? $0[i] : nil } } else { current = current?[String(part)] }
        }
        return current
    }

    public static func duration(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let n = Double(text.dropLast()) else { return nil }
        switch unit {
        case "s": return n
        case "m": return n * 60
        case "h": return n * 3600
        case "d": return n * 86400
        case "y": return n * 365 * 86400
        default: return nil
        }
    }
}
