import KMSPolicy
import Testing
import Wire

/// The policies KMS writes itself: the default key policy and AWS managed keys' policies.
@Suite("Default and AWS managed key policies")
struct GeneratedPolicyTests {
    @Test("the default key policy is laid out as GetKeyPolicy returns it")
    func defaultPolicyText() {
        let expected = """
            {
              "Version" : "2012-10-17",
              "Id" : "key-default-1",
              "Statement" : [ {
                "Sid" : "Enable IAM User Permissions",
                "Effect" : "Allow",
                "Principal" : {
                  "AWS" : "arn:aws:iam::111122223333:root"
                },
                "Action" : "kms:*",
                "Resource" : "*"
              } ]
            }
            """
        #expect(DefaultKeyPolicy.text(account: "111122223333") == expected)
    }

    @Test("the default key policy parses back to the same single statement")
    func defaultPolicyParses() throws {
        let doc = try PolicyDocument.parse(DefaultKeyPolicy.text(account: "444455556666"), kind: .resourcePolicy)
        #expect(doc.id == "key-default-1")
        #expect(doc.version == .v2012_10_17)
        #expect(doc.statements.count == 1)
        #expect(doc.statements[0].sid == "Enable IAM User Permissions")
        #expect(doc.principals == [.account("444455556666")])
        #expect(doc.warnings.isEmpty)
        #expect(doc.json == DefaultKeyPolicy.json(account: "444455556666"))
    }

    @Test("the formatter writes arrays inline and nests only objects")
    func formatterLayout() {
        let value: JSONValue = ["a": ["x", "y"], "b": [["c": 1], ["d": true]], "e": [], "f": [:], "g": nil]
        let expected = """
            {
              "a" : [ "x", "y" ],
              "b" : [ {
                "c" : 1
              }, {
                "d" : true
              } ],
              "e" : [ ],
              "f" : { },
              "g" : null
            }
            """
        #expect(KeyPolicyFormatter.format(value) == expected)
    }

    @Test("AWS managed key policies name the service in their Sids and condition on ViaService", arguments: AWSManagedKeyService.all)
    func managedPolicies(service: AWSManagedKeyService) throws {
        let text = AWSManagedKeyPolicy.text(for: service, account: "111122223333", region: "eu-west-1")
        let doc = try PolicyDocument.parse(text, kind: .resourcePolicy)
        #expect(doc.id == service.policyId)
        let first = doc.statements[0]
        #expect(first.sid == "Allow access through \(service.displayName) for all principals in the account that are authorized to use \(service.displayName)")
        #expect(first.principal?.entries.map(\.principal) == [.everyone])
        let keys = Set(first.conditions.map(\.key))
        #expect(keys == ["kms:ViaService", "kms:CallerAccount"])
        let via = first.conditions.first { $0.key == "kms:ViaService" }
        #expect(via?.values == [service.viaServiceAnyRegion ? "\(service.endpointPrefix).*.amazonaws.com" : "\(service.endpointPrefix).eu-west-1.amazonaws.com"])
        #expect(doc.statements[1].sid == "Allow direct access to key metadata to the account")
        #expect(text.contains("\"Statement\" : [ {"))
    }

    @Test("managed key services are found by alias, with or without alias/")
    func managedLookup() {
        #expect(AWSManagedKeyService.forAlias("aws/ebs")?.endpointPrefix == "ec2")
        #expect(AWSManagedKeyService.forAlias("alias/aws/s3")?.displayName == "S3")
        #expect(AWSManagedKeyService.forAlias("alias/aws/lambda") == nil)
        #expect(AWSManagedKeyService.ebs.viaService(region: "us-east-1") == "ec2.us-east-1.amazonaws.com")
    }
}
