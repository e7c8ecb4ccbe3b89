import KMSPolicy
import Testing
import Wire

/// What the engine shows: AccessDenied messages, simulate-shaped JSON, explanations, errors.
@Suite("Rendering decisions")
struct DecisionRenderingTests {
    static let key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    static let alice = PolicyCaller.user(arn: "arn:aws:iam::111122223333:user/alice")

    static let keyPolicyText = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "Enable IAM User Permissions",
              "Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
              "Action": "kms:*",
              "Resource": "*"
            },
            {
              "Effect": "Deny",
              "Principal": {"AWS": "arn:aws:iam::111122223333:user/bob"},
              "Action": "kms:Decrypt",
              "Resource": "*"
            }
          ]
        }
        """

    func decide(_ caller: PolicyCaller, iam: [IdentityPolicy] = []) throws -> AuthorizationDecision {
        let policy = try PolicyDocument.parse(DecisionRenderingTests.keyPolicyText, kind: .resourcePolicy)
        let request = PolicyRequest(caller: caller, action: "kms:Decrypt", resource: DecisionRenderingTests.key,
                                           encryptionContext: ["app": "billing"])
        return KMSAuthorizer.authorize(request, keyAccount: "111122223333", keyPolicy: policy, identityPolicies: iam)
    }

    @Test("AccessDenied messages use AWS's current wording")
    func messages() throws {
        let noIdentity = try decide(DecisionRenderingTests.alice)
        #expect(noIdentity.accessDeniedMessage() == "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: "
            + "kms:Decrypt on resource: \(DecisionRenderingTests.key) because no identity-based policy allows the kms:Decrypt action")
        let denied = try decide(.user(arn: "arn:aws:iam::111122223333:user/bob"))
        #expect(denied.accessDeniedMessage() == "User: arn:aws:iam::111122223333:user/bob is not authorized to perform: "
            + "kms:Decrypt on resource: \(DecisionRenderingTests.key) with an explicit deny in a resource-based policy")
        let root = try decide(.root(account: "111122223333"))
        #expect(root.isAllowed)
        #expect(root.accessDeniedMessage() == nil)
    }

    @Test("simulate-shaped JSON uses IAM's member names and statement positions")
    func simulationShape() throws {
        let decision = try decide(.user(arn: "arn:aws:iam::111122223333:user/bob"))
        let result = decision.evaluationResult()
        #expect(result.objectValue?.keys == ["EvalActionName", "EvalResourceName", "EvalDecision", "MatchedStatements", "MissingContextValues"])
        #expect(result["EvalDecision"] == "explicitDeny")
        let matched = result["MatchedStatements"]?.arrayValue ?? []
        #expect(matched.count == 1)
        #expect(matched.first?["SourcePolicyId"] == "key-policy")
        #expect(matched.first?["SourcePolicyType"] == "resource")
        // The Deny statement is the second object in the text: it opens on line 11, column 5.
        #expect(matched.first?["StartPosition"] == ["Line": 11, "Column": 5])
        #expect(matched.first?["EndPosition"] == ["Line": 16, "Column": 5])
        #expect(matched.first?["Sid"] == nil)
        let allowed = try decide(.root(account: "111122223333")).evaluationResult(includeSid: true)
        #expect(allowed["MatchedStatements"]?.arrayValue?.first?["Sid"] == "Enable IAM User Permissions")
        let response = try decide(DecisionRenderingTests.alice).simulationResponse()
        #expect(response["IsTruncated"] == false)
        #expect(response["EvaluationResults"]?.arrayValue?.first?["EvalDecision"] == "implicitDeny")
    }

    @Test("the explanation names each statement and what decided")
    func explanation() throws {
        let iam = try PolicyDocument.parse("""
            {"Version":"2012-10-17","Statement":[{"Sid":"OnlyBilling","Effect":"Allow","Action":"kms:Decrypt","Resource":"*",
              "Condition":{"StringEquals":{"kms:EncryptionContext:app":"payroll"}}}]}
            """, kind: .identityPolicy)
        let decision = try decide(DecisionRenderingTests.alice,
                                  iam: [IdentityPolicy(id: "user/alice:inline/OnlyBilling", sourceType: .user, document: iam)])
        #expect(decision.outcome == .implicitDeny)
        let lines = decision.reasons
        #expect(lines.first?.hasPrefix("DENIED (implicit): the key policy allows the account") == true)
        #expect(lines.contains { $0.contains("Key policy statement 2 [Deny]: does not apply: its Principal") })
        #expect(lines.contains { $0.contains("IAM policy user/alice:inline/OnlyBilling statement 1 (Sid \"OnlyBilling\") [Allow]: does not apply: a condition is false.") })
        #expect(lines.contains { $0.contains("✗ StringEquals kms:EncryptionContext:app: the request has \"billing\", the policy wants \"payroll\" -> false") })
    }

    @Test("policy errors map to KMS exception names")
    func errorCodes() {
        #expect(PolicyError.malformed("x").awsErrorCode == "MalformedPolicyDocumentException")
        #expect(PolicyError.invalidPrincipal("").message == "Policy contains a statement with one or more invalid principals.")
        #expect(PolicyError.tooLarge(length: 40000, limit: 32768).awsErrorCode == "LimitExceededException")
        #expect(PolicyError.invalidJSON(message: "Expecting ','", line: 3, column: 5).message.contains("line 3 column 5"))
        #expect(PolicyError.lockout(PolicyError.lockoutSentence).description
            == "MalformedPolicyDocumentException: The new key policy will not allow you to update the key policy in the future.")
    }

    @Test("principal existence is checked with the closure, naming the statement")
    func principalExistence() throws {
        let doc = try PolicyDocument.parse("""
            {"Statement":[{"Effect":"Allow","Principal":{"AWS":["111122223333","arn:aws:iam::111122223333:user/ghost"],
              "Service":"s3.amazonaws.com"},"Action":"kms:*","Resource":"*"},
              {"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*"}]}
            """, kind: .resourcePolicy)
        var asked: [String] = []
        #expect(throws: PolicyError.invalidPrincipal("(Statement 1: \"arn:aws:iam::111122223333:user/ghost\" does not exist.)")) {
            try doc.validatePrincipals { arn in
                asked.append(arn)
                return !arn.hasSuffix("ghost")
            }
        }
        #expect(asked == ["arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:user/ghost"])
        var askedAgain: [String] = []
        try doc.validatePrincipals { askedAgain.append($0); return true }
        #expect(askedAgain.count == 2)
    }

    @Test("callers are read from ARNs, and bad ones are refused")
    func callers() throws {
        let session = try PolicyCaller.from(arn: "arn:aws:sts::111122223333:assumed-role/AppRole/s1")
        #expect(session.kind == .assumedRole)
        #expect(session.roleArn == "arn:aws:iam::111122223333:role/AppRole")
        #expect(session.principalArn == "arn:aws:iam::111122223333:role/AppRole")
        #expect(try PolicyCaller.from(arn: "arn:aws:iam::111122223333:root").kind == .root)
        #expect(try PolicyCaller.from(arn: "s3.amazonaws.com").kind == .service)
        #expect(try PolicyCaller.from(arn: "arn:aws:iam::111122223333:user/a/b/alice").username == "alice")
        #expect(throws: PolicyError.self) { try PolicyCaller.from(arn: "alice") }
        #expect(throws: PolicyError.self) { try PolicyCaller.from(arn: "arn:aws:iam::1234:user/alice") }
        let built = PolicyCaller.assumedRole(roleArn: "arn:aws:iam::111122223333:role/ops/AppRole", sessionName: "x")
        #expect(built.arn == "arn:aws:sts::111122223333:assumed-role/AppRole/x")
    }

    @Test("policies keep their text, statement order and Sids")
    func documentShape() throws {
        let doc = try PolicyDocument.parse(DecisionRenderingTests.keyPolicyText, kind: .resourcePolicy)
        #expect(doc.text == DecisionRenderingTests.keyPolicyText)
        #expect(doc.statements.map(\.index) == [1, 2])
        #expect(doc.statements.map(\.label) == ["statement 1 (Sid \"Enable IAM User Permissions\")", "statement 2"])
        #expect(doc.statements[0].startPosition == SourcePosition(line: 4, column: 5))
        #expect(doc.supportsPolicyVariables)
    }
}
