import Foundation
import KMSEngine
import Testing
import TestSupport
import Wire

@Suite struct AliasAndMetadataTests {
    let f: EngineFixture
    let key: KeyMetadata

    init() throws {
        f = try EngineFixture()
        key = try f.engine.createKey(CreateKeyRequest(), Callers.admin).KeyMetadata
    }

    func aliasError(_ name: String, _ target: String? = nil) -> KMSError.Code? {
        do {
            try f.engine.createAlias(CreateAliasRequest(AliasName: name, TargetKeyId: target ?? key.KeyId), Callers.admin)
            return nil
        } catch { return error.code }
    }

    @Test func createAliasRules() throws {
        #expect(aliasError("alias/app") == nil)
        #expect(aliasError("alias/app") == .alreadyExists)
        #expect(aliasError("app") == .invalidAliasName)
        #expect(aliasError("alias/aws/mine") == .invalidAliasName)
        #expect(aliasError("alias/with space") == .validation)
        #expect(aliasError("alias/x", "alias/app") == .notFound)
        #expect(aliasError("alias/y", "11111111-2222-4333-8444-555555555555") == .notFound)
    }

    @Test func listAliasesShowsPredefinedAWSAliasesWithoutTargets() throws {
        try f.engine.createAlias(CreateAliasRequest(AliasName: "alias/app", TargetKeyId: key.KeyId), Callers.admin)
        let all = try f.engine.listAliases(ListAliasesRequest(), Callers.admin).Aliases
        #expect(all.map(\.AliasName) == ["alias/app", "alias/aws/dynamodb", "alias/aws/ebs", "alias/aws/rds", "alias/aws/s3"])
        #expect(all.first?.TargetKeyId == key.KeyId && all.dropFirst().allSatisfy { $0.TargetKeyId == nil })
        let forKey = try f.engine.listAliases(ListAliasesRequest(KeyId: key.KeyId), Callers.admin).Aliases
        #expect(forKey.map(\.AliasName) == ["alias/app"])
    }

    @Test func predefinedAliasMaterializesOnDescribe() throws {
        let m = try f.engine.describeKey(DescribeKeyRequest(KeyId: "alias/aws/s3"), Callers.admin).KeyMetadata
        #expect(m.KeyManager == .aws && m.Description.contains("S3"))
        let policy = try f.engine.getKeyPolicy(GetKeyPolicyRequest(KeyId: m.KeyId), Callers.admin).Policy
        #expect(policy.contains("\"kms:ViaService\" : \"s3.us-east-1.amazonaws.com\""))
        #expect(try f.engine.describeKey(DescribeKeyRequest(KeyId: "alias/aws/s3"), Callers.admin).KeyMetadata.KeyId == m.KeyId)
    }

    @Test func updateAndDeleteAlias() throws {
        let other = try f.engine.createKey(CreateKeyRequest(), Callers.admin).KeyMetadata
        try f.engine.createAlias(CreateAliasRequest(AliasName: "alias/app", TargetKeyId: key.KeyId), Callers.admin)
        let blob = try f.engine.encrypt(EncryptRequest(KeyId: "alias/app", Plaintext: Data("a".utf8)), Callers.admin)
        #expect(blob.KeyId == key.Arn)
        try f.engine.updateAlias(UpdateAliasRequest(AliasName: "alias/app", TargetKeyId: other.KeyId), Callers.admin)
        #expect(try f.engine.encrypt(EncryptRequest(KeyId: "alias/app", Plaintext: Data("a".utf8)), Callers.admin).KeyId == other.Arn)
        // Ciphertext names its key, not the alias: it still opens after the alias moved.
        #expect(try f.engine.decrypt(DecryptRequest(CiphertextBlob: blob.CiphertextBlob), Callers.admin).KeyId == key.Arn)
        try f.engine.deleteAlias(DeleteAliasRequest(AliasName: "alias/app"), Callers.admin)
        expectKMSError(.notFound) { try f.engine.deleteAlias(DeleteAliasRequest(AliasName: "alias/app"), Callers.admin) }
        expectKMSError(.notFound) { try f.engine.updateAlias(UpdateAliasRequest(AliasName: "alias/app", TargetKeyId: key.KeyId), Callers.admin) }
    }

    @Test func tags() throws {
        try f.engine.tagResource(TagResourceRequest(KeyId: key.KeyId, Tags: [Tag(TagKey: "team", TagValue: "a"), Tag(TagKey: "cost", TagValue: "1")]), Callers.admin)
        try f.engine.tagResource(TagResourceRequest(KeyId: key.KeyId, Tags: [Tag(TagKey: "team", TagValue: "b")]), Callers.admin)
        #expect(try f.engine.listResourceTags(ListResourceTagsRequest(KeyId: key.KeyId), Callers.admin).Tags == [Tag(TagKey: "cost", TagValue: "1"), Tag(TagKey: "team", TagValue: "b")])
        try f.engine.untagResource(UntagResourceRequest(KeyId: key.KeyId, TagKeys: ["cost", "never-there"]), Callers.admin)
        #expect(try f.engine.listResourceTags(ListResourceTagsRequest(KeyId: key.KeyId), Callers.admin).Tags.map(\.TagKey) == ["team"])
        let many = (0..<50).map { Tag(TagKey: "k\($0)", TagValue: "v") }
        expectKMSError(.limitExceeded) { try f.engine.tagResource(TagResourceRequest(KeyId: key.KeyId, Tags: many), Callers.admin) }
        expectKMSError(.tag) { try f.engine.tagResource(TagResourceRequest(KeyId: key.KeyId, Tags: [Tag(TagKey: "", TagValue: "v")]), Callers.admin) }
    }

    @Test func keyPolicies() throws {
        #expect(try f.engine.listKeyPolicies(ListKeyPoliciesRequest(KeyId: key.KeyId), Callers.admin).PolicyNames == ["default"])
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}"#
        try f.engine.putKeyPolicy(PutKeyPolicyRequest(KeyId: key.KeyId, Policy: policy), Callers.admin)
        #expect(try f.engine.getKeyPolicy(GetKeyPolicyRequest(KeyId: key.KeyId), Callers.admin).Policy == policy)
        expectKMSError(.malformedPolicyDocument) { try f.engine.putKeyPolicy(PutKeyPolicyRequest(KeyId: key.KeyId, Policy: "[1,2"), Callers.admin) }
        expectKMSError(.notFound) { try f.engine.putKeyPolicy(PutKeyPolicyRequest(KeyId: key.KeyId, PolicyName: "other", Policy: policy), Callers.admin) }
        expectKMSError(.notFound) { _ = try f.engine.getKeyPolicy(GetKeyPolicyRequest(KeyId: key.KeyId, PolicyName: "other"), Callers.admin) }
    }

    @Test func grantsCanBeCreatedListedRetiredAndRevoked() throws {
        let bob = "arn:aws:iam::111122223333:user/bob"
        let g = try f.engine.createGrant(CreateGrantRequest(KeyId: key.KeyId, GranteePrincipal: bob, RetiringPrincipal: bob,
                                                            Operations: [.encrypt, .decrypt], Constraints: GrantConstraints(EncryptionContextSubset: ["dept": "finance"]),
                                                            Name: "finance"), Callers.admin)
        #expect(g.GrantId.count == 64)
        let again = try f.engine.createGrant(CreateGrantRequest(KeyId: key.KeyId, GranteePrincipal: bob, RetiringPrincipal: bob,
                                                                Operations: [.encrypt, .decrypt], Constraints: GrantConstraints(EncryptionContextSubset: ["dept": "finance"]),
                                                                Name: "finance"), Callers.admin)
        #expect(again.GrantId == g.GrantId)
        let listed = try f.engine.listGrants(ListGrantsRequest(KeyId: key.KeyId), Callers.admin).Grants
        #expect(listed.count == 1 && listed[0].Operations == [.encrypt, .decrypt] && listed[0].KeyId == key.Arn)
        #expect(try f.engine.listRetirableGrants(ListRetirableGrantsRequest(RetiringPrincipal: bob), Callers.admin).Grants.count == 1)
        try f.engine.retireGrant(RetireGrantRequest(GrantToken: g.GrantToken), Callers.user("bob"))
        #expect(try f.engine.listGrants(ListGrantsRequest(KeyId: key.KeyId), Callers.admin).Grants.isEmpty)
        let h = try f.engine.createGrant(CreateGrantRequest(KeyId: key.KeyId, GranteePrincipal: bob, Operations: [.decrypt]), Callers.admin)
        try f.engine.revokeGrant(RevokeGrantRequest(KeyId: key.KeyId, GrantId: h.GrantId), Callers.admin)
        expectKMSError(.notFound) { try f.engine.revokeGrant(RevokeGrantRequest(KeyId: key.KeyId, GrantId: h.GrantId), Callers.admin) }
        expectKMSError(.invalidArn) { _ = try f.engine.createGrant(CreateGrantRequest(KeyId: key.KeyId, GranteePrincipal: "bob", Operations: [.decrypt]), Callers.admin) }
        expectKMSError(.validation) { _ = try f.engine.createGrant(CreateGrantRequest(KeyId: key.KeyId, GranteePrincipal: bob, Operations: [.sign]), Callers.admin) }
    }
}
