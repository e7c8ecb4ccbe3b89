import CloudSim
import Foundation
import JMESPath
import KMSEngine
import StudyKit
import Storage
import Wire

/// What one evaluation can reach: the live sandbox for reads that change nothing, fresh copies
/// for everything that runs a command, and the audit records since setup.
struct Probe {
    let sandbox: Workbench
    let copies: SandboxCopies
    let contentPath: String
    /// Every audit record with its sequence number.
    let auditRecords: [(seq: Int, record: JSONValue)]
    /// The sequence number of the last record the setup made.
    let setupEnd: Int

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
            case .discarded(let discarded): verdict = try self.discarded(discarded)
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
            guard last.status != ExitStatus.success else { return .mismatch(actual: "success", detail: "It succeeded instead of failing with \(expected)") }
            let code = last.errorCode ?? last.errorSummary
            return AuditPredicate.sameError(code, expected) ? .pass : .mismatch(actual: code, detail: "It failed with \(code), not \(expected)")
        }
        var value = last.value
        if let query = probe.query {
            guard last.isJSON else { return .couldNotRun("the output is not JSON, so the query \(query) cannot be applied") }
            do { value = try JMESPathExpression(query).search(value) } catch {
                return .couldNotRun("the query \(query) is not valid JMESPath: \(error)")
            }
        }
        if let mismatch = probe.expect.mismatch(value) { return .mismatch(actual: value.stringValue ?? ValueExpectation.show(value), detail: mismatch) }
        if let file = probe.sameAsFile {
            guard let data = try? WorkingFolder(runner.workbench.home).read(file) else {
                return .couldNotRun("there is no file \(file) to compare with")
            }
            let recorded = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let now = (value.stringValue ?? JSONWriter.compact(value)).trimmingCharacters(in: .whitespacesAndNewlines)
            if recorded != now { return .mismatch(actual: now, detail: "It is \(now), not \(recorded) as recorded in \(file)") }
        }
        return .pass
    }

    func audit(_ check: AuditCheck) throws -> Verdict {
        let n = try count(check.predicate)
        if check.count.holds(for: n) { return .pass }
        return .mismatch(actual: String(n), detail: "Found \(n) \(check.predicate.phrase) since the lab started; expected \(check.count.phrase)")
    }

    func count(_ predicate: AuditPredicate) throws -> Int {
        let resolved = try resolve(predicate)
        let inWindow: (Int) -> Bool
        switch predicate.window {
        case .lab: inWindow = { $0 > setupEnd }
        case .setup: inWindow = { $0 <= setupEnd }
        case .all: inWindow = { _ in true }
        }
        return auditRecords.filter { inWindow($0.seq) && predicate.matches($0.record, resolved: resolved) }.count
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
        if let other = check.sameAs {
            guard let original = try? folder.read(other) else { return .couldNotRun("there is no file \(other) to compare \(check.name) with") }
            if original != data { return .mismatch(actual: "\(data.count) bytes", detail: "\(check.name) differs from \(other)") }
        }
        return .pass
    }

    func discarded(_ check: DiscardedKeyCheck) throws -> Verdict {
        let runner = try copyRunner(profile: nil)
        var line = "kms decrypt --ciphertext-blob " + ShellQuote.quote("fileb://" + check.encryptedKey)
        if !check.context.isEmpty { line += " --encryption-context " + ShellQuote.quote(Self.contextJSON(check.context)) }
        let result = LineResult.run(line, on: runner)
        guard result.status == ExitStatus.success, let encoded = result.value["Plaintext"]?.stringValue,
              let key = Data(base64Encoded: encoded), !key.isEmpty else {
            return .couldNotRun("\(check.encryptedKey) is not an encrypted data key KMS can decrypt (\(result.errorSummary))")
        }
        let folder = WorkingFolder(sandbox.home)
        let forms = [key, Data(encoded.utf8)]
        var holding: [String] = []
        for file in (try? folder.list()) ?? [] {
            guard let data = try? folder.read(file.name) else { continue }
            if forms.contains(where: { data.range(of: $0) != nil }) { holding.append(file.name) }
        }
        if holding.isEmpty { return .pass }
        return .mismatch(actual: holding.joined(separator: ", "), detail: "The plaintext data key is still in \(holding.joined(separator: ", "))")
    }

    static func contextJSON(_ context: [String: String]) -> String {
        JSONWriter.compact(.object(JSONObject(context.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) })))
    }

    func decrypt(_ check: DecryptCheck) throws -> Verdict {
        let runner = try copyRunner(profile: check.profile)
        var line = "kms decrypt --ciphertext-blob " + ShellQuote.quote("fileb://" + check.ciphertext)
        if !check.context.isEmpty { line += " --encryption-context " + ShellQuote.quote(Self.contextJSON(check.context)) }
        if let key = check.key { line += " --key-id " + ShellQuote.quote(key) }
        let result = LineResult.run(line, on: runner)
        if let expected = check.error {
            guard result.status != ExitStatus.success else { return .mismatch(actual: "decrypted", detail: "\(check.ciphertext) still decrypts") }
            let code = result.errorCode ?? result.errorSummary
            return AuditPredicate.sameError(code, expected) ? .pass : .mismatch(actual: code, detail: "Decryption failed with \(code), not \(expected)")
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
        let accepted: [JSONValue]
        switch check.expected {
        case .oneOf(let values):
            accepted = values
        case .query(let run, let query):
            let runner = try copyRunner(profile: nil)
            var result = LineResult(status: 0, stdout: "", stderr: "")
            for line in run {
                result = LineResult.run(line, on: runner)
                guard result.status == ExitStatus.success else { return .couldNotRun("the answer cannot be read: \(result.errorSummary)") }
            }
            guard result.isJSON else { return .couldNotRun("the answer cannot be read: the output is not JSON") }
            accepted = [try JMESPathExpression(query).search(result.value)]
        case .auditCount(let predicate):
            accepted = [.int(try count(predicate))]
        }
        let right = accepted.contains { DoItMatcher.matches(given, expected: $0) }
        return right ? .pass : .mismatch(actual: given, detail: "The answer \(given) is not right")
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
