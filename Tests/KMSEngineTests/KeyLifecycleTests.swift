import Foundation
import KMSEngine
import Testing
import TestSupport
import Wire

@Suite struct KeyLifecycleTests {
    let f: EngineFixture
    init() throws { f = try EngineFixture() }

    func create(_ description: String = "test key") throws -> KeyMetadata {
        try f.engine.createKey(CreateKeyRequest(Description: description), Callers.admin).KeyMetadata
    }

    @Test func createKeyDefaults() throws {
        let m = try create("payments")
        #expect(m.KeyState == .enabled && m.Enabled)
        #expect(m.KeyManager == .customer && m.KeySpec == .symmetricDefault && m.KeyUsage == .encryptDecrypt)
        #expect(m.Origin == .awsKMS && m.EncryptionAlgorithms == [.symmetricDefault])
        #expect(m.Arn == "arn:aws:kms:us-east-1:111122223333:key/\(m.KeyId)")
        #expect(m.CreationDate == EngineFixture.start)
        #expect(m.CurrentKeyMaterialId?.count == 64)
        #expect(UUID(uuidString: m.KeyId) != nil && m.KeyId == m.KeyId.lowercased())
        let policy = try f.engine.getKeyPolicy(GetKeyPolicyRequest(KeyId: m.KeyId), Callers.admin)
        #expect(policy.PolicyName == "default")
        #expect(policy.Policy.contains("\"AWS\" : \"arn:aws:iam::111122223333:root\""))
        #expect(policy.Policy.contains("\"Sid\" : \"Enable IAM User Permissions\""))
    }

    @Test func createKeyRefusesWhatIsNotOfferedYet() throws {
        for (request, code) in [
            (CreateKeyRequest(KeySpec: .rsa2048), KMSError.Code.unsupportedOperation),
            (CreateKeyRequest(KeyUsage: .signVerify), .validation),
            (CreateKeyRequest(Origin: .external), .unsupportedOperation),
            (CreateKeyRequest(MultiRegion: true), .unsupportedOperation),
            (CreateKeyRequest(Description: String(repeating: "x", count: 8193)), .validation),
            (CreateKeyRequest(Tags: [Tag(TagKey: "aws:reserved", TagValue: "x")]), .tag),
            (CreateKeyRequest(Policy: "{not json"), .malformedPolicyDocument),
        ] {
            #expect(throws: KMSError.self) { try f.engine.createKey(request, Callers.admin) }
            do { _ = try f.engine.createKey(request, Callers.admin) } catch { #expect(error.code == code) }
        }
        #expect(try f.engine.listKeys(ListKeysRequest(), Callers.admin).Keys.isEmpty)
    }

    @Test func describeKeyByEveryIdentifierForm() throws {
        let m = try create()
        try f.engine.createAlias(CreateAliasRequest(AliasName: "alias/app", TargetKeyId: m.KeyId), Callers.admin)
        for id in [m.KeyId, m.Arn, "alias/app", "arn:aws:kms:us-east-1:111122223333:alias/app"] {
            #expect(try f.engine.describeKey(DescribeKeyRequest(KeyId: id), Callers.admin).KeyMetadata.KeyId == m.KeyId)
        }
    }

    @Test func describeKeyErrors() throws {
        let missing = "11111111-2222-4333-8444-555555555555"
        let cases: [(String, KMSError.Code)] = [
            (missing, .notFound), ("alias/nope", .notFound), ("not a key", .notFound),
            ("arn:aws:kms:us-east-1:111122223333:bucket/x", .invalidArn),
            ("arn:aws:kms:us-east-1:111122223333:key/\(missing)", .notFound),
        ]
        for (id, code) in cases {
            do {
                _ = try f.engine.describeKey(DescribeKeyRequest(KeyId: id), Callers.admin)
                Issue.record("\(id) should fail")
            } catch { #expect(error.code == code, "\(id)") }
        }
    }

    @Test func keysArePerAccountAndRegion() throws {
        let m = try create()
        var west = Callers.admin
        west.region = "us-west-2"
        #expect(try f.engine.listKeys(ListKeysRequest(), west).Keys.isEmpty)
        #expect(throws: KMSError.self) { try f.engine.describeKey(DescribeKeyRequest(KeyId: m.KeyId), west) }
        let carol = Callers.user("carol", account: Callers.otherAccount)
        #expect(try f.engine.listKeys(ListKeysRequest(), carol).Keys.isEmpty)
        // A bare key ID means "in my account": another account's key is not found that way.
        #expect(throws: KMSError.self) { try f.engine.describeKey(DescribeKeyRequest(KeyId: m.KeyId), carol) }
    }

    @Test func listKeysPaginates() throws {
        let ids = try (0..<5).map { try create("k\($0)").KeyId }
        var seen: [String] = []
        var marker: String?
        repeat {
            let page = try f.engine.listKeys(ListKeysRequest(Limit: 2, Marker: marker), Callers.admin)
            seen += page.Keys.map(\.KeyId)
            #expect(page.Keys.count <= 2)
            #expect(page.Truncated == (page.NextMarker != nil))
            marker = page.NextMarker
        } while marker != nil
        #expect(seen == ids)
        #expect(throws: KMSError.self) { try f.engine.listKeys(ListKeysRequest(Limit: 0), Callers.admin) }
        #expect(throws: KMSError.self) { try f.engine.listKeys(ListKeysRequest(Limit: 1001), Callers.admin) }
        expectKMSError(.invalidMarker) { _ = try f.engine.listKeys(ListKeysRequest(Marker: "garbage"), Callers.admin) }
    }

    @Test func updateDescription() throws {
        let m = try create("old")
        try f.engine.updateKeyDescription(UpdateKeyDescriptionRequest(KeyId: m.KeyId, Description: "new"), Callers.admin)
        #expect(try f.engine.describeKey(DescribeKeyRequest(KeyId: m.KeyId), Callers.admin).KeyMetadata.Description == "new")
    }

    @Test func disableAndEnable() throws {
        let m = try create()
        let blob = try f.engine.encrypt(EncryptRequest(KeyId: m.KeyId, Plaintext: Data("x".utf8)), Callers.admin).CiphertextBlob
        try f.engine.disableKey(DisableKeyRequest(KeyId: m.KeyId), Callers.admin)
        let d = try f.engine.describeKey(DescribeKeyRequest(KeyId: m.KeyId), Callers.admin).KeyMetadata
        #expect(d.KeyState == .disabled && !d.Enabled)
        do {
            _ = try f.engine.encrypt(EncryptRequest(KeyId: m.KeyId, Plaintext: Data("x".utf8)), Callers.admin)
            Issue.record("disabled key encrypted")
        } catch {
            #expect(error.code == .disabled)
            #expect(error.message == "\(m.Arn) is disabled.")
        }
        expectKMSError(.disabled) { _ = try f.engine.decrypt(DecryptRequest(CiphertextBlob: blob), Callers.admin) }
        try f.engine.enableKey(EnableKeyRequest(KeyId: m.KeyId), Callers.admin)
        #expect(try f.engine.decrypt(DecryptRequest(CiphertextBlob: blob), Callers.admin).Plaintext == Data("x".utf8))
        // Aliases are not accepted where AWS wants a key ID or ARN.
        expectKMSError(.notFound) { try f.engine.disableKey(DisableKeyRequest(KeyId: "alias/x"), Callers.admin) }
    }

    @Test func scheduleAndCancelDeletion() throws {
        let m = try create()
        let r = try f.engine.scheduleKeyDeletion(ScheduleKeyDeletionRequest(KeyId: m.KeyId, PendingWindowInDays: 7), Callers.admin)
        #expect(r.KeyState == .pendingDeletion && r.PendingWindowInDays == 7 && r.KeyId == m.Arn)
        #expect(r.DeletionDate == EngineFixture.start.addingTimeInterval(7 * 86400))
        let d = try f.engine.describeKey(DescribeKeyRequest(KeyId: m.KeyId), Callers.admin).KeyMetadata
        #expect(d.KeyState == .pendingDeletion && d.DeletionDate == r.DeletionDate && d.PendingDeletionWindowInDays == 7)
        expectKMSError(.kmsInvalidState, messageContains: "pending deletion") { _ = try f.engine.encrypt(EncryptRequest(KeyId: m.KeyId, Plaintext: Data("x".utf8)), Callers.admin) }
        expectKMSError(.kmsInvalidState) { try f.engine.enableKey(EnableKeyRequest(KeyId: m.KeyId), Callers.admin) }
        expectKMSError(.kmsInvalidState) { _ = try f.engine.scheduleKeyDeletion(ScheduleKeyDeletionRequest(KeyId: m.KeyId), Callers.admin) }
        let c = try f.engine.cancelKeyDeletion(CancelKeyDeletionRequest(KeyId: m.KeyId), Callers.admin)
        #expect(c.KeyId == m.Arn)
        let after = try f.engine.describeKey(DescribeKeyRequest(KeyId: m.KeyId), Callers.admin).KeyMetadata
        #expect(after.KeyState == .disabled && after.DeletionDate == nil)
        expectKMSError(.kmsInvalidState) { _ = try f.engine.cancelKeyDeletion(CancelKeyDeletionRequest(KeyId: m.KeyId), Callers.admin) }
    }

    @Test(arguments: [0, 6, 31, 365])
    func deletionWindowMustBeSevenToThirty(days: Int) throws {
        let m = try create()
        do {
            _ = try f.engine.scheduleKeyDeletion(ScheduleKeyDeletionRequest(KeyId: m.KeyId, PendingWindowInDays: days), Callers.admin)
            Issue.record("window \(days) accepted")
        } catch {
            #expect(error.code == .validation)
            #expect(error.message.contains("pendingWindowInDays"))
        }
    }

    @Test func deletionHappensWhenTheWindowEnds() throws {
        let m = try create()
        let blob = try f.engine.encrypt(EncryptRequest(KeyId: m.KeyId, Plaintext: Data("gone".utf8)), Callers.admin).CiphertextBlob
        try f.engine.createAlias(CreateAliasRequest(AliasName: "alias/doomed", TargetKeyId: m.KeyId), Callers.admin)
        _ = try f.engine.scheduleKeyDeletion(ScheduleKeyDeletionRequest(KeyId: m.KeyId), Callers.admin)
        try f.advance(days: 29.9)
        #expect(try f.engine.describeKey(DescribeKeyRequest(KeyId: m.KeyId), Callers.admin).KeyMetadata.KeyState == .pendingDeletion)
        try f.advance(days: 0.2)
        expectKMSError(.notFound) { _ = try f.engine.describeKey(DescribeKeyRequest(KeyId: m.KeyId), Callers.admin) }
        expectKMSError(.notFound, messageContains: "can never be decrypted") { _ = try f.engine.decrypt(DecryptRequest(CiphertextBlob: blob), Callers.admin) }
        #expect(try f.engine.listAliases(ListAliasesRequest(), Callers.admin).Aliases.allSatisfy { $0.AliasName != "alias/doomed" })
        #expect(try f.engine.listKeys(ListKeysRequest(), Callers.admin).Keys.isEmpty)
        // The deletion is in the audit log, at the moment the window ended.
        let deleteEvents = try f.auditRecords().filter { $0["eventName"] == "DeleteKey" }
        #expect(deleteEvents.count == 1)
        #expect(deleteEvents.first?["eventTime"] == .string(Timestamp.zulu(EngineFixture.start.addingTimeInterval(30 * 86400))))
        #expect(deleteEvents.first?["eventType"] == "AwsServiceEvent")
    }
}
