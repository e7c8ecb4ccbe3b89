import KMSPolicy
import Testing
import Wire

/// Runs every case in `Corpus/*.json`: authorization decisions, lockout checks and parser verdicts.
@Suite("Policy corpus")
struct CorpusTests {
    static let cases = CorpusCase.all()

    @Test("the corpus holds at least 150 evaluation cases")
    func corpusSize() {
        let evaluations = CorpusTests.cases.filter { $0.check != "parse" }
        #expect(evaluations.count >= 150, "only \(evaluations.count) evaluation cases")
        #expect(CorpusTests.cases.filter { $0.check == "parse" }.count >= 40)
    }

    @Test("corpus case", arguments: CorpusTests.cases)
    func run(_ c: CorpusCase) throws {
        if let broken = c.body["broken"] {
            Issue.record("corpus file \(c.file) is broken: \(broken)")
            return
        }
        switch c.check {
        case "authorize": try authorize(c)
        case "lockout": try lockout(c)
        case "parse": parse(c)
        default: Issue.record("unknown check \(c.check)")
        }
    }

    private func authorize(_ c: CorpusCase) throws {
        let decision = KMSAuthorizer.authorize(try c.authorizationRequest(), keyAccount: c.keyAccount,
                                               keyPolicy: try c.keyPolicy(), identityPolicies: try c.identityPolicies(),
                                               grants: c.grants())
        let explanation = decision.reasons.joined(separator: "\n")
        guard let expected = c.expect["decision"]?.stringValue else {
            Issue.record("case has no expected decision")
            return
        }
        #expect(decision.outcome.rawValue == expected, "reasons:\n\(explanation)")
        if let basis = c.expect["basis"]?.stringValue {
            #expect(decision.basis.rawValue == basis, "reasons:\n\(explanation)")
        }
        if let matched = c.expect["matched"]?.arrayValue {
            let want = matched.compactMap(\.stringValue)
            let got = decision.matchedStatements.map { m in
                m.grantId.map { "grant:\($0)" } ?? "\(m.sourcePolicyId)#\(m.statementIndex ?? 0)"
            }
            #expect(got == want, "reasons:\n\(explanation)")
        }
        if let fragment = c.expect["messageContains"]?.stringValue {
            let message = decision.accessDeniedMessage()
            #expect(message?.contains(fragment) == true, "message: \(message ?? "nil (allowed)")")
        }
        for fragment in (c.expect["reasonsContain"]?.arrayValue ?? []).compactMap(\.stringValue) {
            #expect(explanation.contains(fragment), "reasons:\n\(explanation)")
        }
        if let missing = c.expect["missingContextValues"]?.arrayValue {
            #expect(decision.missingContextValues == missing.compactMap(\.stringValue))
        }
        // Every decision can render itself in simulate-* shape with the same verdict.
        #expect(decision.evaluationResult()["EvalDecision"]?.stringValue == decision.outcome.rawValue)
        if decision.isAllowed {
            #expect(decision.accessDeniedMessage() == nil)
            #expect(!decision.matchedStatements.isEmpty)
        } else {
            #expect(decision.accessDeniedMessage()?.hasPrefix("User: \(decision.request.caller.arn) is not authorized to perform: ") == true)
        }
    }

    private func lockout(_ c: CorpusCase) throws {
        guard let passes = c.expect["passes"]?.boolValue else {
            Issue.record("lockout case has no expected 'passes'")
            return
        }
        let policy = try c.keyPolicy()
        let caller = try c.caller()
        let identities = try c.identityPolicies()
        let decision = PolicyLockoutCheck.evaluate(proposedPolicy: policy, caller: caller, identityPolicies: identities,
                                                   keyArn: c.keyArn)
        #expect(decision.isAllowed == passes, "reasons:\n\(decision.reasons.joined(separator: "\n"))")
        do {
            try PolicyLockoutCheck.check(proposedPolicy: policy, caller: caller, identityPolicies: identities, keyArn: c.keyArn)
            #expect(passes, "check() accepted a policy the case expects to be refused")
        } catch {
            #expect(!passes)
            #expect(error.message == "The new key policy will not allow you to update the key policy in the future.")
            #expect(error.awsErrorCode == "MalformedPolicyDocumentException")
        }
    }

    private func parse(_ c: CorpusCase) {
        guard let policy = c.body["policy"] else {
            Issue.record("parse case has no policy")
            return
        }
        let kind: PolicyKind = c.body["kind"]?.stringValue == "identity" ? .identityPolicy : .resourcePolicy
        let text: String
        if let repeated = c.body["repeat"]?.intValue, case .string(let unit) = policy {
            text = String(repeating: unit, count: repeated)
        } else {
            text = CorpusCase.policyText(policy)
        }
        do {
            let doc = try PolicyDocument.parse(text, kind: kind)
            #expect(c.expect["error"] == nil, "parsed, but the case expects \(c.expect["error"] ?? "an error")")
            if let n = c.expect["statements"]?.intValue { #expect(doc.statements.count == n) }
            if let n = c.expect["warnings"]?.intValue { #expect(doc.warnings.count == n, "\(doc.warnings)") }
        } catch {
            guard let expected = c.expect["error"]?.stringValue else {
                Issue.record("refused: \(error.message)")
                return
            }
            let kindName: String
            switch error {
            case .invalidJSON: kindName = "invalidJSON"
            case .malformed: kindName = "malformed"
            case .invalidPrincipal: kindName = "invalidPrincipal"
            case .tooLarge: kindName = "tooLarge"
            case .lockout: kindName = "lockout"
            }
            #expect(kindName == expected, "message: \(error.message)")
            for fragment in (c.expect["messageContains"]?.arrayValue ?? []).compactMap(\.stringValue) {
                #expect(error.message.contains(fragment), "message: \(error.message)")
            }
        }
    }
}
