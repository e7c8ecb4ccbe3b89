@testable import KMSPolicy
import Testing

/// The building blocks the evaluator compiles policies into.
@Suite("Matchers")
struct MatcherTests {
    @Test("wildcard patterns", arguments: [
        ("*", "", true), ("*", "anything", true), ("a*", "a", true), ("a*", "ba", false), ("*b", "ab", true),
        ("a?c", "abc", true), ("a?c", "ac", false), ("a?c", "abbc", false), ("a*b*c", "axxbyyc", true),
        ("a*b*c", "axxbyy", false), ("**", "x", true), ("a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false),
        ("?", "é", true), ("??", "é", false), ("k?s", "kés", true), ("abc", "abc", true), ("abc", "abd", false),
        ("x*", "", false),
    ])
    func wildcard(pattern: String, text: String, expected: Bool) {
        #expect(WildcardPattern(pattern).matches(text) == expected)
    }

    @Test("case folding is for action names only")
    func caseFolding() {
        #expect(WildcardPattern("kms:Encrypt*", caseInsensitive: true).matches("KMS:ENCRYPTFROM"))
        #expect(!WildcardPattern("kms:Encrypt*").matches("KMS:ENCRYPT"))
    }

    @Test("literal pieces do not act as wildcards")
    func literalPieces() {
        let p = WildcardPattern(pieces: [("a", true), ("*", false), ("*", true)])
        #expect(p.matches("a*xyz"))
        #expect(!p.matches("axyz"))
    }

    @Test("CIDR blocks", arguments: [
        ("10.0.0.0/8", "10.255.1.2", true), ("10.0.0.0/8", "11.0.0.1", false), ("192.168.1.128/25", "192.168.1.200", true),
        ("192.168.1.128/25", "192.168.1.100", false), ("2001:db8::/32", "2001:0db8:ffff::1", true), ("::/0", "::1", true),
        ("::1", "::1", true), ("::1", "::2", false), ("fe80::/10", "febf::1", true), ("fe80::/10", "fec0::1", false),
        ("1.2.3.4", "1.2.3.4", true), ("::ffff:1.2.3.0/120", "::ffff:1.2.3.77", true), ("10.0.0.0/8", "::ffff:10.0.0.1", false),
    ])
    func cidr(block: String, address: String, expected: Bool) throws {
        let range = try #require(IPAddressRange(block))
        #expect(range.contains(address) == expected)
    }

    @Test("malformed addresses are refused", arguments: ["", "1.2.3", "1.2.3.4.5", "256.0.0.0", "1.2.3.4/", "1.2.3.4/x", "01234.1.1.1",
                                                          "::1::", "1:2:3:4:5:6:7:8:9", "12345::", "g::1", "1.2.3.4/-1", "::/129"])
    func badAddresses(text: String) {
        #expect(IPAddressRange(text) == nil)
    }

    @Test("base64 decoding is strict")
    func base64() {
        #expect(Base64.decode("QUJD") == Array("ABC".utf8))
        #expect(Base64.decode("QUI=") == Array("AB".utf8))
        #expect(Base64.decode("QQ==") == Array("A".utf8))
        #expect(Base64.decode("") == [])
        #expect(Base64.decode("QQ=") == nil)
        #expect(Base64.decode("Q=Q=") == nil)
        #expect(Base64.decode("QU!D") == nil)
    }

    @Test("condition operator names")
    func operators() {
        let op = ConditionOperator("ForAnyValue:StringLikeIfExists")
        #expect(op?.base == .stringLike)
        #expect(op?.qualifier == .forAnyValue)
        #expect(op?.ifExists == true)
        #expect(op?.description == "ForAnyValue:StringLikeIfExists")
        #expect(ConditionOperator("Null")?.base == .null)
        #expect(ConditionOperator("ForAllValues:Null") == nil)
        #expect(ConditionOperator("StringEqualsIfExist") == nil)
        #expect(ConditionOperator.suggestion(for: "StringEqual") == "StringEquals")
        #expect(ConditionOperator.suggestion(for: "forallvalues:stringequals") == "ForAllValues:StringEquals")
        #expect(ConditionOperator.Base.allCases.count == 27)
    }

    @Test("policy variable templates")
    func templates() {
        let t = StringTemplate("key/${aws:username, 'guest'}-${*}", variablesEnabled: true)
        #expect(t.hasVariables)
        #expect(t.variableNames == ["aws:username"])
        let off = StringTemplate("key/${aws:username}", variablesEnabled: false)
        #expect(!off.hasVariables)
        let bad = StringTemplate("${aws:username, guest}", variablesEnabled: true)
        #expect(!bad.hasVariables)
    }
}
