import CloudSim
import Foundation
import JMESPath
import KMSEngine
import StudyKit
import Storage
import Wire

/// The outcome of one check.
struct LabCheckOutcome: Sendable, Equatable {
    let check: LabCheck
    let passed: Bool
    /// Why it failed, in the learner's words (nil when it passed).
    let reason: String?
    /// What was found, for grading logs ("it is 365, not 180").
    let detail: String?

    var points: Int { passed ? check.points : 0 }
}

/// Every check's outcome for one state of a sandbox.
struct LabEvaluation: Sendable, Equatable {
    let lab: Lab
    let outcomes: [LabCheckOutcome]

    var score: Int { outcomes.reduce(0) { $0 + $1.points } }
    var maxScore: Int { outcomes.reduce(0) { $0 + $1.check.points } }
    var allPassed: Bool { outcomes.allSatisfy(\.passed) }
    /// The first check that failed.
    var firstFailure: LabCheckOutcome? { outcomes.first { !$0.passed } }
}

/// Evaluates a lab's checks against a sandbox, running every command on a throwaway copy.
struct LabChecker {
    let lab: Lab
    let contentPath: String

    /// The outcome of each check (of `only` those, when given) for the sandbox's current state.
    func evaluate(_ sandbox: Workbench, only: [String]? = nil) throws -> LabEvaluation {
        let copies = try SandboxCopies(of: sandbox)
        let setupEnd = Int((try? sandbox.database.setting(LabSandbox.setupAuditSetting)) ?? nil ?? "0") ?? 0
        let records = try sandbox.database.auditRecords(after: setupEnd)
        let answers = try LabSandbox.answers(sandbox)
        let probe = Probe(sandbox: sandbox, copies: copies, contentPath: contentPath, auditRecords: records)
        var outcomes: [LabCheckOutcome] = []
        for check in lab.checks where only.map({ $0.contains(check.id) }) ?? true {
            outcomes.append(probe.evaluate(check, answer: answers[check.id]))
        }
        return LabEvaluation(lab: lab, outcomes: outcomes)
    }
}

/// What one evaluation can reach: the live sandbox for reads that change nothing, fresh copies
/// for everything that runs a command, and the audit records since setup.
struct Probe {
    let sandbox: Workbench
    let copies: SandboxCopies
    let contentPath: String
    let auditRecords: [JSONValue]

    func evaluate(_ check: LabCheck, answer: String?) -> LabCheckOutcome {
        let verdict: Verdict
        do {
            switch check.kind {
            case .command(let probe): verdict = try command(probe)
            case .audit(let audit): verdict = try self.audit(audit)
            case .file(let file): verdict = self.file(file)
            case .decrypts(let decrypt): verdict = try self.decrypt(decrypt)
            case .allowed(let permission): verdict = try allowed(permission)
            case .answer(let question): verdict = try self.answer(question, given: answer, checkId: check.id)
            }
        } catch let e as DrillError {
            verdict = .couldNotRun(e.message)
        } catch {
            verdict = .couldNotRun("\(error)")
        }
        return verdict.outcome(for: check)
    }

    // MARK: Kinds

    func command(_ probe: CommandProbe) throws -> Verdict {
        let runner = try copyRunner(profile: probe.profile)
        var last = LineResult(status: 0, stdout: "", stderr: "")
        for (index, line) in probe.run.enumerated() {
            last = LineResult.run(line, on: runner)
            let isLast = index == probe.run.count - 1
            if last.status != ExitStatus.success && !(isLast && probe.expect.error != nil) {
                return .couldNotRun(last.errorSummary)
            }
        }
        if let expected = probe.expect.error {
            guard last.status != ExitStatus.success else { return .mismatch(actual: "success", detail: "it succeeded instead of failing with \(expected)") }
            let code = last.errorCode ?? last.errorSummary
            return AuditPredicate.sameError(code, expected) ? .pass : .mismatch(actual: code, detail: "it failed with \(code), not \(expected)")
        }
        var value = last.value
        if let query = probe.query {
            guard last.isJSON else { return .couldNotRun("the output is not JSON, so the query \(query) cannot be applied") }
            do { value = try JMESPathExpression(query).search(value) } catch {
                return .couldNotRun("the query \(query) is not valid JMESPath: \(error)")
            }
        }
        if let mismatch = probe.expect.mismatch(value) { return .mismatch(actual: ValueExpectation.show(value), detail: mismatch) }
        return .pass
    }

    func audit(_ check: AuditCheck) throws -> Verdict {
        let n = try count(check.predicate)
        if check.count.holds(for: n) { return .pass }
        return .mismatch(actual: String(n), detail: "found \(n) \(check.predicate.phrase) since the lab started; expected \(check.count.phrase)")
    }

    func count(_ predicate: AuditPredicate) throws -> Int {
        let resolved = try resolve(predicate)
        return auditRecords.filter { predicate.matches($0, resolved: resolved) }.count
    }

    func file(_ check: FileCheck) -> Verdict {
        let folder = WorkingFolder(sandbox.home)
        let data = try? folder.read(check.name)
        guard check.exists else {
            return data == nil ? .pass : .mismatch(actual: "present", detail: "\(check.name) is still in the working folder")
        }
        guard let data else { return .couldNotRun("there is no file \(check.name) in the working folder") }
        let text = String(data: data, encoding: .utf8)
        if let binary = check.binary {
            let isBinary = text == nil || data.contains(0)
            if binary != isBinary {
                return .mismatch(actual: isBinary ? "binary" : "text",
                                 detail: binary ? "\(check.name) is readable text, not ciphertext" : "\(check.name) is not readable text")
            }
        }
        if let needle = check.contains, !(text ?? "").contains(needle) {
            return .mismatch(actual: "\(data.count) bytes", detail: "\(check.name) does not contain \"\(needle)\"")
        }
        if let expected = check.equals, text != expected {
            return .mismatch(actual: "\(data.count) bytes", detail: "\(check.name) does not hold the expected text")
        }
        return .pass
    }

    func decrypt(_ check: DecryptCheck) throws -> Verdict {
        let runner = try copyRunner(profile: check.profile)
        var line = "kms decrypt --ciphertext-blob " + ShellQuote.quote("fileb://" + check.ciphertext)
        if !check.context.isEmpty {
            line += " --encryption-context " + ShellQuote.quote(JSONWriter.compact(.object(JSONObject(check.context.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }))))
        }
        if let key = check.key { line += " --key-id " + ShellQuote.quote(key) }
        let result = LineResult.run(line, on: runner)
        if let expected = check.error {
            guard result.status != ExitStatus.success else { return .mismatch(actual: "decrypted", detail: "\(check.ciphertext) still decrypts") }
            let code = result.errorCode ?? result.errorSummary
            return AuditPredicate.sameError(code, expected) ? .pass : .mismatch(actual: code, detail: "decryption failed with \(code), not \(expected)")
        }
        guard result.status == ExitStatus.success else { return .couldNotRun(result.errorSummary) }
        guard let encoded = result.value["Plaintext"]?.stringValue, let plaintext = Data(base64Encoded: encoded) else {
            return .couldNotRun("kms decrypt returned no plaintext")
        }
        let expected: Data
        if let file = check.plaintextFile {
            guard let data = try? WorkingFolder(sandbox.home).read(file) else {
                return .couldNotRun("there is no file \(file) to compare the plaintext with")
            }
            expected = data
        } else {
            expected = Data((check.text ?? "").utf8)
        }
        return plaintext == expected ? .pass : .mismatch(actual: "\(plaintext.count) bytes", detail: "\(check.ciphertext) decrypts to something else")
    }

    func allowed(_ check: PermissionCheck) throws -> Verdict {
        let runner = try copyRunner(profile: nil)
        let context = try runner.requestContext(profile: check.principal)
        let action = check.action.contains(":") ? check.action : "kms:" + check.action
        let decision: ExplainedDecision
        do {
            decision = try runner.workbench.engine.explain(action: action, keyId: check.key, context: context,
                                                           encryptionContext: check.context.isEmpty ? nil : check.context, grantTokens: [])
        } catch {
            return .couldNotRun("\(error.code.rawValue)")
        }
        if decision.isAllowed == check.allowed { return .pass }
        let why = decision.reasons.first.map { ": \($0)" } ?? ""
        return .mismatch(actual: decision.isAllowed ? "allowed" : "denied", detail: "\(check.principal) is \(decision.isAllowed ? "allowed" : "denied") \(action)\(why)")
    }

    func answer(_ check: AnswerCheck, given: String?, checkId: String) throws -> Verdict {
        guard let given, !given.trimmingCharacters(in: .whitespaces).isEmpty else {
            return .couldNotRun("no answer yet (lab answer \(checkId) YOUR-ANSWER)")
        }
        let expected: JSONValue
        switch check.expected {
        case .value(let value):
            expected = value
        case .query(let command, let query):
            let result = LineResult.run(command, on: try copyRunner(profile: nil))
            guard result.status == ExitStatus.success, result.isJSON else { return .couldNotRun("the answer cannot be read: \(result.errorSummary)") }
            expected = try JMESPathExpression(query).search(result.value)
        case .auditCount(let predicate):
            expected = .int(try count(predicate))
        }
        return DoItMatcher.matches(given, expected: expected) ? .pass : .mismatch(actual: given, detail: "the answer \(given) is not right")
    }

    // MARK: Helpers

    func copyRunner(profile: String?) throws -> CommandRunner {
        let runner = CommandRunner(workbench: try copies.fresh(), contentPath: contentPath)
        runner.session.profile = profile ?? "default"
        return runner
    }

    /// The principal's ARNs and the key's names, read from the live sandbox without an API call.
    func resolve(_ predicate: AuditPredicate) throws -> AuditPredicate.Resolved {
        var resolved = AuditPredicate.Resolved()
        if let principal = predicate.principal {
            do {
                let caller = try sandbox.profiles.caller(for: principal)
                resolved.principalArns = Set([caller.arn, caller.roleArn].compactMap { $0 })
            } catch {
                // A principal given as an ARN is matched as written.
                resolved.principalArns = [principal]
            }
        }
        if let key = predicate.key {
            resolved.keyNames = try keyNames(key)
        }
        return resolved
    }

    /// The ARN and ID of the key an alias, ID or ARN names (in the main account and us-east-1).
    func keyNames(_ key: String) throws -> Set<String> {
        var names: Set<String> = [key]
        let account = Accounts.main
        let region = "us-east-1"
        try sandbox.engine.store.read { tx in
            var keyId: String?
            if key.hasPrefix("alias/") {
                keyId = try tx.alias(name: key, account: account, region: region)?.targetKeyId
            } else if key.hasPrefix("arn:") {
                keyId = key.split(separator: "/").last.map(String.init)
            } else {
                keyId = key
            }
            if let keyId, let record = try tx.key(id: keyId) {
                names.insert(record.keyId)
                names.insert(record.arn)
            }
        }
        return names
    }
}

/// How a check came out before it is worded for the learner.
enum Verdict {
    case pass
    /// The state is there but wrong.
    case mismatch(actual: String, detail: String)
    /// A command it needs failed, or what it reads is missing.
    case couldNotRun(String)

    func outcome(for check: LabCheck) -> LabCheckOutcome {
        switch self {
        case .pass:
            return LabCheckOutcome(check: check, passed: true, reason: nil, detail: nil)
        case .mismatch(let actual, let detail):
            let reason = check.fail.map { Self.fill($0, actual: actual, error: detail, check: check) } ?? "\(check.title): no; \(detail)"
            return LabCheckOutcome(check: check, passed: false, reason: reason, detail: detail)
        case .couldNotRun(let why):
            let template = check.missing ?? check.fail
            let reason = template.map { Self.fill($0, actual: "nothing", error: why, check: check) } ?? "\(check.title): not yet; \(why)"
            return LabCheckOutcome(check: check, passed: false, reason: reason, detail: why)
        }
    }

    static func fill(_ template: String, actual: String, error: String, check: LabCheck) -> String {
        var expected = ""
        if case .command(let probe) = check.kind { expected = probe.expect.phrase }
        return template.replacingOccurrences(of: "{actual}", with: actual)
            .replacingOccurrences(of: "{error}", with: error)
            .replacingOccurrences(of: "{expected}", with: expected)
    }
}

/// What one command line did, captured.
struct LineResult {
    let status: Int32
    let stdout: String
    let stderr: String

    static func run(_ line: String, on runner: CommandRunner) -> LineResult {
        let console = BufferConsole()
        let status = runner.run(line, console: console)
        return LineResult(status: status, stdout: console.stdout, stderr: console.stderr)
    }

    var isJSON: Bool { (try? JSONParser.parse(stdout)) != nil }

    /// The output as JSON, or as text when it is not JSON.
    var value: JSONValue {
        if let json = try? JSONParser.parse(stdout) { return json }
        return .string(stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The AWS error code of a service error (`NotFoundException`).
    var errorCode: String? {
        guard let open = stderr.range(of: "An error occurred ("),
              let close = stderr[open.upperBound...].firstIndex(of: ")") else { return nil }
        return String(stderr[open.upperBound..<close])
    }

    /// The error in a few words: its code, or the first line of what was printed.
    var errorSummary: String {
        if let code = errorCode { return code }
        let line = stderr.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return line.map { String($0).replacingOccurrences(of: "kmsdrill: ", with: "") } ?? "exit status \(status)"
    }
}

extension AuditPredicate {
    /// Whether two error codes name the same error (CloudTrail's AccessDenied is AccessDeniedException).
    static func sameError(_ a: String, _ b: String) -> Bool {
        func normal(_ s: String) -> String { s == "AccessDeniedException" ? "AccessDenied" : s }
        return normal(a) == normal(b)
    }
}
