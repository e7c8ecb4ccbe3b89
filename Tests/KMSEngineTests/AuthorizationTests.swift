import CloudSim
import Foundation
import KMSEngine
import Testing
import TestSupport
import Wire

/// F6–F8 end to end through the engine with the real authorizer and the seeded IAM principals.
@Suite struct AuthorizationTests {
    let f: EngineFixture
    let admin: RequestContext
    let alice: RequestContext
    let key: KeyMetadata

    init() throws {
        f = try EngineFixture(policies: true)
        admin = try f.context("default")
        alice = try f.context("alice")
        key = try f.engine.createKey(CreateKeyRequest(Description: "authz"), admin).KeyMetadata
    }

    func encrypt(_ ctx: RequestContext, context: [String: String]? = nil, keyId: String? = nil) throws -> EncryptResponse {
        try f.engine.encrypt(EncryptRequest(KeyId: keyId ?? key.KeyId, Plaintext: Data("x".utf8), EncryptionContext: context), ctx)
    }

    static func policy(_ statements: String) -> String {
        #"{"Version":"2012-10-17","Statement":["# + statements + "]}"
    }

    static let rootStatement = #"{"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}"#

    @Test func defaultPolicyDelegatesToIAM() throws {
        _ = try encrypt(admin)  // admin's IAM policy allows everything
        let e = expectKMSError(.accessDenied) { try encrypt(alice) }
        #expect(e?.message == "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: kms:Encrypt on resource: \(key.Arn) because no identity-based policy allows the kms:Encrypt action")
        _ = try encrypt(try f.context("root"))
        // An IAM policy for alice makes it work, because the key policy delegates to IAM.
        try f.iam.putInlinePolicy(.user, account: Callers.account, name: "alice", policyName: "UseKeys",
                                  document: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["kms:Encrypt","kms:Decrypt"],"Resource":"*"}]}"#)
        let blob = try encrypt(alice).CiphertextBlob
        _ = try f.engine.decrypt(DecryptRequest(CiphertextBlob: blob), alice)
        expectKMSError(.accessDenied) { try f.engine.disableKey(DisableKeyRequest(KeyId: key.KeyId), alice) }
    }

    @Test func keyPolicyCanNameAPrincipalDirectly() throws {
        let policy = Self.policy(Self.rootStatement + "," + #"{"Sid":"AppRoleUse","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/AppRole"},"Action":["kms:Encrypt","kms:Decrypt"],"Resource":"*"}"#)
        try f.engine.putKeyPolicy(PutKeyPolicyRequest(KeyId: key.KeyId, Policy: policy), admin)
        let app = try f.context("AppRole")
        let blob = try encrypt(app).CiphertextBlob
        _ = try f.engine.decrypt(DecryptRequest(CiphertextBlob: blob), app)
        expectKMSError(.accessDenied, messageContains: "because no identity-based policy allows the kms:GenerateDataKey action") {
            try f.engine.generateDataKey(GenerateDataKeyRequest(KeyId: key.KeyId, KeySpec: .aes256), app)
        }
    }

    @Test func lockoutIsRefusedThenForcedAndThenNotEvenRootGetsIn() throws {
        let onlyBob = Self.policy(#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":"kms:Encrypt","Resource":"*"}"#)
        expectKMSError(.malformedPolicyDocument, messageContains: "will not allow you to update the key policy in the future") {
            try f.engine.putKeyPolicy(PutKeyPolicyRequest(KeyId: key.KeyId, Policy: onlyBob), admin)
        }
        // Nothing changed: admin still manages the key.
        #expect(try f.engine.getKeyPolicy(GetKeyPolicyRequest(KeyId: key.KeyId), admin).Policy.contains("Enable IAM User Permissions"))
        try f.engine.putKeyPolicy(PutKeyPolicyRequest(KeyId: key.KeyId, Policy: onlyBob, BypassPolicyLockoutSafetyCheck: true), admin)
        expectKMSError(.accessDenied) { try f.engine.getKeyPolicy(GetKeyPolicyRequest(KeyId: key.KeyId), admin) }
        expectKMSError(.accessDenied) { try f.engine.putKeyPolicy(PutKeyPolicyRequest(KeyId: key.KeyId, Policy: Self.policy(Self.rootStatement)), admin) }
        // Without a statement for the account, not even the account's root user can use the key.
        expectKMSError(.accessDenied) { try encrypt(try f.context("root")) }
        _ = try encrypt(try f.context("bob"))
    }

    @Test func malformedAndUnknownPrincipalPoliciesAreRefused() throws {
        expectKMSError(.malformedPolicyDocument) {
            try f.engine.putKeyPolicy(PutKeyPolicyRequest(KeyId: key.KeyId, Policy: #"{"Statement":[{"Effect":"allow","Principal":"*","Action":"kms:*","Resource":"*"}]}"#), admin)
        }
        expectKMSError(.malformedPolicyDocument, messageContains: "invalid principals") {
            try f.engine.putKeyPolicy(PutKeyPolicyRequest(KeyId: key.KeyId, Policy: Self.policy(Self.rootStatement + "," + #"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/nobody"},"Action":"kms:Encrypt","Resource":"*"}"#)), admin)
        }
        expectKMSError(.malformedPolicyDocument) {
            try f.engine.createKey(CreateKeyRequest(Policy: #"{"Version":"2012-10-17","Statement":[]}"#), admin)
        }
    }

    @Test func grantsAllowTheirOperationsUnderTheirConstraints() throws {
        let bob = try f.context("bob")
        expectKMSError(.accessDenied) { try encrypt(bob, context: ["dept": "finance"]) }
        let grant = try f.engine.createGrant(CreateGrantRequest(
            KeyId: key.KeyId, GranteePrincipal: "arn:aws:iam::111122223333:user/bob", Operations: [.encrypt, .decrypt],
            Constraints: GrantConstraints(EncryptionContextSubset: ["dept": "finance"])), admin)
        let blob = try encrypt(bob, context: ["dept": "finance", "doc": "q3"]).CiphertextBlob
        _ = try f.engine.decrypt(DecryptRequest(CiphertextBlob: blob, EncryptionContext: ["dept": "finance", "doc": "q3"]), bob)
        expectKMSError(.accessDenied) { try encrypt(bob, context: ["dept": "hr"]) }
        expectKMSError(.accessDenied) { try encrypt(bob) }
        expectKMSError(.accessDenied) { try f.engine.generateDataKey(GenerateDataKeyRequest(KeyId: key.KeyId, EncryptionContext: ["dept": "finance"], KeySpec: .aes256), bob) }
        try f.engine.revokeGrant(RevokeGrantRequest(KeyId: key.KeyId, GrantId: grant.GrantId), admin)
        expectKMSError(.accessDenied) { try encrypt(bob, context: ["dept": "finance"]) }
    }

    @Test func explicitDenyWins() throws {
        let policy = Self.policy(Self.rootStatement + "," + #"{"Sid":"NoDecryptOutsideFinance","Effect":"Deny","Principal":"*","Action":"kms:Decrypt","Resource":"*","Condition":{"StringNotEquals":{"kms:EncryptionContext:dept":"finance"}}}"#)
        try f.engine.putKeyPolicy(PutKeyPolicyRequest(KeyId: key.KeyId, Policy: policy), admin)
        let blob = try encrypt(admin, context: ["dept": "hr"]).CiphertextBlob
        expectKMSError(.accessDenied, messageContains: "with an explicit deny in a resource-based policy") {
            try f.engine.decrypt(DecryptRequest(CiphertextBlob: blob, EncryptionContext: ["dept": "hr"]), admin)
        }
        let ok = try encrypt(admin, context: ["dept": "finance"]).CiphertextBlob
        _ = try f.engine.decrypt(DecryptRequest(CiphertextBlob: ok, EncryptionContext: ["dept": "finance"]), admin)
    }

    @Test func crossAccountNeedsBothSides() throws {
        let carol = try f.context("carol")
        // The key policy does not mention 444455556666: denied, whatever carol's IAM says.
        expectKMSError(.accessDenied) { try encrypt(carol, keyId: key.Arn) }
        let shared = Self.policy(Self.rootStatement + "," + #"{"Sid":"Partner","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":["kms:Encrypt","kms:Decrypt","kms:DescribeKey"],"Resource":"*"}"#)
        try f.engine.putKeyPolicy(PutKeyPolicyRequest(KeyId: key.KeyId, Policy: shared), admin)
        let blob = try encrypt(carol, keyId: key.Arn).CiphertextBlob
        #expect(try f.engine.describeKey(DescribeKeyRequest(KeyId: key.Arn), carol).KeyMetadata.KeyId == key.KeyId)
        // A bare key ID means "in my account": carol must use the ARN.
        expectKMSError(.notFound) { try encrypt(carol) }
        // Without carol's own IAM permission, the key policy alone is not enough.
        _ = try f.iam.deleteInlinePolicy(.user, account: Callers.otherAccount, name: "carol", policyName: "AdministratorAccess")
        expectKMSError(.accessDenied) { try f.engine.decrypt(DecryptRequest(CiphertextBlob: blob), carol) }
        // The partner account's root user needs no IAM policy of its own.
        _ = try f.engine.decrypt(DecryptRequest(CiphertextBlob: blob), try f.context("partner"))
        // Operations that are not cross-account stay refused.
        expectKMSError(.notFound) { try f.engine.disableKey(DisableKeyRequest(KeyId: key.Arn), try f.context("partner")) }
    }

    @Test func awsManagedKeysWorkOnlyThroughTheirService() throws {
        expectKMSError(.accessDenied) { try encrypt(admin, keyId: "alias/aws/s3") }
        var viaS3 = admin
        viaS3.viaService = "s3.us-east-1.amazonaws.com"
        let blob = try encrypt(viaS3, keyId: "alias/aws/s3").CiphertextBlob
        _ = try f.engine.decrypt(DecryptRequest(CiphertextBlob: blob), viaS3)
        var viaEC2 = admin
        viaEC2.viaService = "ec2.us-east-1.amazonaws.com"
        expectKMSError(.accessDenied) { try f.engine.decrypt(DecryptRequest(CiphertextBlob: blob), viaEC2) }
        let managed = try f.engine.describeKey(DescribeKeyRequest(KeyId: "alias/aws/s3"), admin).KeyMetadata
        expectKMSError(.accessDenied) { try f.engine.putKeyPolicy(PutKeyPolicyRequest(KeyId: managed.KeyId, Policy: Self.policy(Self.rootStatement)), admin) }
        expectKMSError(.accessDenied) { try f.engine.scheduleKeyDeletion(ScheduleKeyDeletionRequest(KeyId: managed.KeyId), admin) }
        expectKMSError(.accessDenied) { try f.engine.disableKeyRotation(DisableKeyRotationRequest(KeyId: managed.KeyId), admin) }
    }

    @Test func accountLevelActionsNeedIAM() throws {
        expectKMSError(.accessDenied, messageContains: "because no identity-based policy allows the kms:CreateKey action") {
            try f.engine.createKey(CreateKeyRequest(), alice)
        }
        expectKMSError(.accessDenied) { try f.engine.listKeys(ListKeysRequest(), alice) }
        #expect(try f.engine.listKeys(ListKeysRequest(), try f.context("auditor")).Keys.count == 1)
        _ = try f.engine.createKey(CreateKeyRequest(), try f.context("root"))
    }

    @Test func refusalsAreAuditedWithTheirReason() throws {
        _ = try? encrypt(alice)
        let denied = try #require(try f.auditRecords().last)
        #expect(denied["errorCode"] == "AccessDenied")
        #expect(denied["errorMessage"]?.stringValue?.contains("no identity-based policy allows") == true)
        #expect(denied["userIdentity"]?["userName"] == "alice")
    }
}
