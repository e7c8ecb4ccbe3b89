import CloudSim
import Foundation
import KMSEngine
import Wire

/// Runs data-driven scenarios across the simulated services and KMS: each step a request in wire
/// form to a service (`s3`, `ec2`, `rds`, `dynamodb`, or `kms` for the engine), with the expected
/// response members or error, and the KMS audit records the step must leave.
///
/// Step forms (JSON):
/// - `{"service": "s3", "op": "PutObject", "input": {...}, "expect": {...}, "save": {"key": "SSEKMSKeyId"}}`
/// - `{"service": "rds", "op": "ModifyDBInstance", "input": {...}, "error": "ParamValidationError", "messageContains": "..."}`
/// - `"audit": [{"eventName": "GenerateDataKey", "userIdentity": {"invokedBy": "s3.amazonaws.com"}}]`: the records this
///   step wrote, in order, each matching the given members (`"audit": []` means none).
/// - `{"advance": "301s"}`; `"as": "alice"` runs a step as that IAM user (default admin), `"region"` in another Region.
/// Strings may use `${name}` for saved values. `expect` matches a subset; `"<present>"` and `"<absent>"` check presence.
public struct ServiceScenarioRunner: ScenarioSteps {
    public typealias Failure = ScenarioFailure

    public let fixture: ServiceFixture
    public var values = ScenarioValues()

    public init(fixture: ServiceFixture) { self.fixture = fixture }

    public mutating func runStep(_ step: JSONValue) throws {
        if let advance = step["advance"]?.stringValue {
            guard let seconds = ScenarioRunner.duration(advance) else { throw Failure(description: "bad duration \(advance)") }
            try fixture.advance(seconds: seconds)
            return
        }
        guard let service = step["service"]?.stringValue, let op = step["op"]?.stringValue else {
            throw Failure(description: "a step needs service and op, or advance")
        }
        var context = step["as"]?.stringValue == "root" ? RequestContext(caller: .root(account: Callers.account))
            : Callers.user(step["as"]?.stringValue ?? "admin")
        if let region = step["region"]?.stringValue { context.region = region }
        let input = values.substitute(step["input"] ?? .object(JSONObject()))
        let before = try fixture.auditRecords().count
        let outcome: Result<JSONValue, AWSServiceError>
        switch service {
        case "kms":
            do {
                outcome = .success(try fixture.engine.call(op, input: input, context: context))
            } catch {
                outcome = .failure(AWSServiceError(error.code.rawValue, error.message))
            }
        default:
            guard let target = self.service(service) else { throw Failure(description: "unknown service \(service)") }
            do {
                outcome = .success(try target.call(op, input: input, context: context))
            } catch {
                outcome = .failure(error)
            }
        }
        let label = "\(service) \(op)"
        switch outcome {
        case .success(let output):
            if let code = step["error"]?.stringValue { throw Failure(description: "\(label) succeeded but \(code) was expected; output \(output)") }
            if let expect = step["expect"] { try values.match(values.substitute(expect), output, path: label) }
            for (name, path) in step["save"]?.objectValue ?? JSONObject() {
                guard let p = path.stringValue, let v = ScenarioRunner.lookup(p, in: output) else {
                    throw Failure(description: "\(label): cannot save \(name) from \(path) in \(output)")
                }
                values.variables[name] = v
            }
        case .failure(let e):
            guard let code = step["error"]?.stringValue else { throw Failure(description: "\(label) failed unexpectedly: \(e)") }
            if e.code != code { throw Failure(description: "\(label): expected \(code), got \(e)") }
            if let part = step["messageContains"]?.stringValue, !e.message.contains(values.substituteText(part)) {
                throw Failure(description: "\(label): message '\(e.message)' does not contain '\(part)'")
            }
        }
        if let audit = step["audit"]?.arrayValue {
            let written = Array(try fixture.auditRecords().dropFirst(before))
            guard written.count == audit.count else {
                throw Failure(description: "\(label): expected \(audit.count) audit records, got \(written.map { $0["eventName"]?.stringValue ?? "?" })")
            }
            for (i, expected) in audit.enumerated() { try values.match(values.substitute(expected), written[i], path: "\(label) audit[\(i)]") }
        }
    }

    func service(_ name: String) -> SimulatedService? {
        switch name {
        case "s3": return fixture.s3
        case "ec2": return fixture.ec2
        case "rds": return fixture.rds
        case "dynamodb": return fixture.dynamodb
        default: return nil
        }
    }



}
