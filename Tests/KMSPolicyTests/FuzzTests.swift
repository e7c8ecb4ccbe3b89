@testable import KMSPolicy
import Testing
import Wire

/// Seeded fuzzing: random and mutated policy texts must only ever parse or throw `PolicyError`,
/// and whatever parses must evaluate and explain itself without trapping.
@Suite("Fuzzing the parser and evaluator")
struct FuzzTests {
    /// SplitMix64: small, seedable, and the same on every platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let seeds: [UInt64] = [1, 42, 2024, 0xC0FFEE]

    static let fragments = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\"Statement\"", "\"Effect\"", "\"Allow\"", "\"Deny\"",
        "\"Principal\"", "\"AWS\"", "\"*\"", "\"Action\"", "\"kms:*\"", "\"Resource\"", "\"Condition\"",
        "\"StringLike\"", "\"ForAllValues:StringEquals\"", "\"IpAddress\"", "\"${aws:username}\"", "\"${\"", "\"${*}\"",
        "\"arn:aws:iam::111122223333:root\"", "\"arn:aws:kms:*:*:key/*\"", "null", "true", "1e999", "-0", "\"NotPrincipal\"",
        "\"2012-10-17\"", "\"Version\"", "\"::1/129\"", "\"10.0.0.0/8\"", "\"é\"", "\"\u{1F600}\"", " ", "\n",
    ]

    static var seedPolicies: [String] {
        [
            DefaultKeyPolicy.text(account: "111122223333"),
            AWSManagedKeyPolicy.text(for: .dynamodb, account: "111122223333", region: "us-east-1"),
            """
            {"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Principal":{"AWS":["111122223333","arn:aws:iam::111122223333:role/AppRole"]},
            "Action":["kms:Re*","kms:?ecrypt"],"Resource":"arn:aws:kms:*:111122223333:key/${aws:PrincipalTag/k}",
            "Condition":{"ForAnyValue:StringLikeIfExists":{"kms:EncryptionContextKeys":["a*","${*}"]},"IpAddress":{"aws:SourceIp":["10.0.0.0/8","2001:db8::/32"]},
            "DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"},"NumericGreaterThan":{"kms:RotationPeriodInDays":90},"Null":{"aws:X":"false"}}},
            {"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"NotAction":"kms:Describe*","NotResource":"*"}]}
            """,
        ]
    }

    static func requests(_ rng: inout Random) -> PolicyRequest {
        let callers: [PolicyCaller] = [
            .user(arn: "arn:aws:iam::111122223333:user/alice", tags: ["k": "1234abcd"]),
            .root(account: "111122223333"),
            .assumedRole(roleArn: "arn:aws:iam::111122223333:role/AppRole", sessionName: "s"),
            .user(arn: "arn:aws:iam::444455556666:user/carol"),
            .service("dynamodb.amazonaws.com"),
        ]
        let actions = ["kms:Decrypt", "kms:Encrypt", "kms:PutKeyPolicy", "kms:DescribeKey", "kms:ReEncryptFrom", "s3:GetObject"]
        var context = ConditionContext()
        if rng.below(2) == 0 { context["aws:SourceIp"] = .single(rng.pick(["10.1.2.3", "2001:db8::5", "junk", ""])) }
        if rng.below(2) == 0 { context["aws:CurrentTime"] = .single(rng.pick(["2026-01-01T00:00:00Z", "x", "99999999999"])) }
        if rng.below(2) == 0 { context["kms:RotationPeriodInDays"] = .single(rng.pick(["90", "365", "nan", "1e400"])) }
        if rng.below(2) == 0 { context["kms:ViaService"] = .single("dynamodb.us-east-1.amazonaws.com") }
        let ec: [String: String]? = rng.below(3) == 0 ? nil : ["a": "b", "A": "c", "${*}": "*"]
        return PolicyRequest(caller: rng.pick(callers), action: rng.pick(actions),
                                    resource: "arn:aws:kms:us-east-1:111122223333:key/1234abcd", context: context,
                                    encryptionContext: ec, grantTokens: ["t"])
    }

    /// Parses `text`; on success evaluates it every way the library can, to make sure nothing traps.
    static func exercise(_ text: String, _ rng: inout Random) -> Bool {
        for kind in [PolicyKind.resourcePolicy, .identityPolicy] {
            guard let doc = try? PolicyDocument.parse(text, kind: kind) else { continue }
            let request = requests(&rng)
            let identity = kind == .identityPolicy ? [IdentityPolicy(id: "p", sourceType: .user, document: doc)] : []
            let keyPolicy = kind == .resourcePolicy ? doc : DefaultKeyPolicy.document(account: "111122223333")
            let grant = KeyGrant(grantId: "g", granteePrincipal: request.caller.arn, operations: ["Decrypt"],
                                 constraints: KeyGrantConstraints(encryptionContextSubset: ["a": "b"]))
            let decision = KMSAuthorizer.authorize(request, keyAccount: "111122223333", keyPolicy: keyPolicy,
                                                   identityPolicies: identity, grants: [grant])
            _ = decision.reasons
            _ = decision.accessDeniedMessage()
            _ = JSONWriter.compact(decision.simulationResponse())
            _ = try? doc.validatePrincipals { _ in rng.below(2) == 0 }
            _ = PolicyLockoutCheck.evaluate(proposedPolicy: keyPolicy, caller: request.caller, identityPolicies: identity,
                                            keyArn: request.resource)
            return true
        }
        return false
    }

    @Test("random byte strings only ever throw PolicyError", arguments: seeds)
    func randomBytes(seed: UInt64) {
        var rng = Random(state: seed)
        for _ in 0..<1500 {
            let length = rng.below(200)
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let text = String(decoding: bytes, as: UTF8.self)
            _ = FuzzTests.exercise(text, &rng)
        }
    }

    @Test("random token soups only ever throw PolicyError", arguments: seeds)
    func tokenSoup(seed: UInt64) {
        var rng = Random(state: seed)
        for _ in 0..<1500 {
            var text = ""
            for _ in 0..<rng.below(60) { text += rng.pick(FuzzTests.fragments) }
            _ = FuzzTests.exercise(text, &rng)
        }
    }

    @Test("mutated valid policies parse or fail cleanly, and what parses evaluates", arguments: seeds)
    func mutations(seed: UInt64) {
        var rng = Random(state: seed)
        var parsed = 0
        for _ in 0..<1500 {
            var chars = Array(rng.pick(FuzzTests.seedPolicies))
            for _ in 0..<(1 + rng.below(4)) {
                guard !chars.isEmpty else { break }
                let at = rng.below(chars.count)
                switch rng.below(4) {
                case 0: chars.remove(at: at)
                case 1: chars.insert(contentsOf: Array(rng.pick(FuzzTests.fragments)), at: at)
                case 2: chars[at] = rng.pick(Array("{}[],:\"\\*?$ aZ09é"))
                default:
                    let end = min(chars.count, at + rng.below(40))
                    chars.insert(contentsOf: chars[at..<end], at: at)
                }
            }
            if FuzzTests.exercise(String(chars), &rng) { parsed += 1 }
        }
        // Some mutations must survive parsing, or the evaluator was never fuzzed.
        #expect(parsed > 50, "only \(parsed) mutated policies parsed")
    }

    @Test("deeply nested input is refused, not a stack overflow")
    func deepNesting() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: PolicyError.self) { try PolicyDocument.parse(text, kind: .resourcePolicy, maximumLength: 1_000_000) }
        let nestedCondition = "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\",\"Condition\":"
            + String(repeating: "{\"a\":", count: 400) + "1" + String(repeating: "}", count: 400) + "}}"
        #expect(throws: PolicyError.self) { try PolicyDocument.parse(nestedCondition, kind: .resourcePolicy) }
    }
}
