import Foundation
import StudyKit
import Testing
import Wire

/// The pure predicates checks are made of: value expectations, counts, audit record matching.
@Suite struct PredicateTests {
    @Test func equalsComparesJSONWithNumbersByValue() {
        #expect(ValueExpectation(equals: 180).mismatch(.int(180)) == nil)
        #expect(ValueExpectation(equals: 180).mismatch(.double(180)) == nil)
        #expect(ValueExpectation(equals: 180).mismatch(.int(365)) == "It is 365, not 180")
        #expect(ValueExpectation(equals: "CUSTOMER").mismatch("AWS") == "It is \"AWS\", not \"CUSTOMER\"")
        #expect(ValueExpectation(equals: true).mismatch(.null) == "It is not set, not true")
    }

    @Test func notEqualsContainsAndMatches() {
        #expect(ValueExpectation(notEquals: "Enabled").mismatch("Disabled") == nil)
        #expect(ValueExpectation(notEquals: "Enabled").mismatch("Enabled") != nil)
        #expect(ValueExpectation(contains: "kinds").mismatch("all the kinds") == nil)
        #expect(ValueExpectation(contains: "kinds").mismatch("nothing")?.contains("does not contain") == true)
        #expect(ValueExpectation(contains: "b").mismatch(["a", "b"]) == nil)
        #expect(ValueExpectation(contains: "c").mismatch(["a", "b"])?.contains("has no") == true)
        #expect(ValueExpectation(contains: "c").mismatch(.int(3))?.contains("neither text nor a list") == true)
        #expect(ValueExpectation(matches: "^alias/").mismatch("alias/app") == nil)
        #expect(ValueExpectation(matches: "^alias/").mismatch("key/1") != nil)
        #expect(ValueExpectation(matches: "^9").mismatch(.int(90)) == nil, "numbers are matched as their text")
    }

    @Test func boundsAndExistence() {
        let range = ValueExpectation(atLeast: 90, atMost: 2560)
        #expect(range.mismatch(.int(90)) == nil && range.mismatch(.int(2560)) == nil)
        #expect(range.mismatch(.int(89)) == "It is 89, less than 90")
        #expect(range.mismatch(.int(3000)) == "It is 3000, more than 2560")
        #expect(range.mismatch("90")?.contains("not a number") == true)
        #expect(ValueExpectation(exists: true).mismatch("x") == nil)
        for empty: JSONValue in [.null, "", [], .object(JSONObject())] {
            #expect(ValueExpectation(exists: true).mismatch(empty) == "There is no value")
            #expect(ValueExpectation(exists: false).mismatch(empty) == nil)
        }
        #expect(ValueExpectation(exists: false).mismatch(1) != nil)
        #expect(ValueExpectation().isEmpty && !ValueExpectation(error: "NotFoundException").isEmpty)
    }

    @Test func counts() {
        #expect(CountExpectation(atLeast: 1).holds(for: 1) && !CountExpectation(atLeast: 1).holds(for: 0))
        #expect(CountExpectation(exactly: 0).holds(for: 0) && !CountExpectation(exactly: 0).holds(for: 2))
        #expect(CountExpectation(atLeast: 1, atMost: 3).holds(for: 3) && !CountExpectation(atLeast: 1, atMost: 3).holds(for: 4))
        #expect(CountExpectation(exactly: 0).phrase == "none" && CountExpectation(atLeast: 1, atMost: 3).phrase == "between 1 and 3")
    }

    /// A CloudTrail record of a Decrypt that S3 made for AppRole, as the engine writes them.
    static let s3Decrypt: JSONValue = [
        "eventName": "Decrypt", "eventSource": "kms.amazonaws.com",
        "userIdentity": [
            "type": "AssumedRole", "arn": "arn:aws:sts::111122223333:assumed-role/AppRole/kmsdrill",
            "sessionContext": ["sessionIssuer": ["arn": "arn:aws:iam::111122223333:role/AppRole"]],
            "invokedBy": "s3.amazonaws.com",
        ],
        "requestParameters": ["encryptionContext": ["dept": "finance", "app": "payroll"], "encryptionAlgorithm": "SYMMETRIC_DEFAULT"],
        "resources": [["ARN": "arn:aws:kms:us-east-1:111122223333:key/k1", "type": "AWS::KMS::Key"]],
    ]

    static let resolved = AuditPredicate.Resolved(
        principalArns: ["arn:aws:sts::111122223333:assumed-role/AppRole/kmsdrill", "arn:aws:iam::111122223333:role/AppRole"],
        keyNames: ["alias/payroll", "k1", "arn:aws:kms:us-east-1:111122223333:key/k1"])

    @Test func auditPredicateMatchesEveryFieldItNames() {
        let full = AuditPredicate(events: ["Decrypt"], principal: "AppRole", invokedBy: "s3.amazonaws.com", key: "alias/payroll",
                                  context: ["dept": "finance"], error: "none", source: "kms.amazonaws.com",
                                  parameters: ["encryptionAlgorithm": "SYMMETRIC_DEFAULT"])
        #expect(full.matches(Self.s3Decrypt, resolved: Self.resolved))
        #expect(AuditPredicate().matches(Self.s3Decrypt, resolved: .init()), "an empty predicate matches any record")
    }

    @Test("a predicate fails on each field that differs", arguments: [
        AuditPredicate(events: ["Encrypt"]),
        AuditPredicate(principal: "bob"),
        AuditPredicate(invokedBy: "ec2.amazonaws.com"),
        AuditPredicate(key: "alias/other"),
        AuditPredicate(context: ["dept": "hr"]),
        AuditPredicate(context: ["missing": "x"]),
        AuditPredicate(error: "any"),
        AuditPredicate(error: "AccessDenied"),
        AuditPredicate(source: "s3.amazonaws.com"),
        AuditPredicate(parameters: ["encryptionAlgorithm": "RSAES_OAEP_SHA_256"]),
    ])
    func auditPredicateRejects(_ predicate: AuditPredicate) {
        var resolved = Self.resolved
        if predicate.principal == "bob" { resolved.principalArns = ["arn:aws:iam::111122223333:user/bob"] }
        if predicate.key == "alias/other" { resolved.keyNames = ["alias/other", "k2"] }
        #expect(!predicate.matches(Self.s3Decrypt, resolved: resolved), "\(predicate.phrase) should not match")
    }

    @Test func errorsMatchByCodeWithCloudTrailsSpellingOfAccessDenied() {
        var refused = Self.s3Decrypt
        if case .object(var o) = refused {
            o["errorCode"] = "AccessDenied"
            refused = .object(o)
        }
        #expect(AuditPredicate(error: "AccessDenied").matches(refused, resolved: .init()))
        #expect(AuditPredicate(error: "AccessDeniedException").matches(refused, resolved: .init()))
        #expect(AuditPredicate(error: "any").matches(refused, resolved: .init()))
        #expect(!AuditPredicate(error: "none").matches(refused, resolved: .init()))
        #expect(AuditPredicate(events: ["Decrypt"], principal: "AppRole", context: ["dept": "finance"], error: "AccessDenied").phrase
                == "Decrypt calls by AppRole with context dept=finance that failed with AccessDenied")
    }
}
