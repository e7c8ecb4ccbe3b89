import Foundation
import KMSEngine
import Testing
import TestSupport
import Wire

@Suite struct RotationTests {
    let f: EngineFixture
    let key: KeyMetadata

    init() throws {
        f = try EngineFixture()
        key = try f.engine.createKey(CreateKeyRequest(), Callers.admin).KeyMetadata
    }

    func status() throws -> GetKeyRotationStatusResponse {
        try f.engine.getKeyRotationStatus(GetKeyRotationStatusRequest(KeyId: key.KeyId), Callers.admin)
    }

    @Test func enableWithPeriodAndWatchItHappen() throws {
        #expect(try status().KeyRotationEnabled == false)
        try f.engine.enableKeyRotation(EnableKeyRotationRequest(KeyId: key.KeyId, RotationPeriodInDays: 180), Callers.admin)
        let s = try status()
        #expect(s.KeyRotationEnabled && s.RotationPeriodInDays == 180)
        #expect(s.NextRotationDate == EngineFixture.start.addingTimeInterval(180 * 86400))
        let before = try f.engine.encrypt(EncryptRequest(KeyId: key.KeyId, Plaintext: Data("old".utf8)), Callers.admin).CiphertextBlob
        try f.advance(days: 365)
        let rotations = try f.engine.listKeyRotations(ListKeyRotationsRequest(KeyId: key.KeyId), Callers.admin).Rotations
        #expect(rotations.count == 2)
        #expect(rotations.map(\.RotationDate) == [180, 360].map { EngineFixture.start.addingTimeInterval(Double($0) * 86400) })
        #expect(rotations.allSatisfy { $0.RotationType == .automatic })
        #expect(try status().NextRotationDate == EngineFixture.start.addingTimeInterval(540 * 86400))
        // Key ID and ARN never change; old ciphertext still opens; new ciphertext uses new material.
        let d = try f.engine.describeKey(DescribeKeyRequest(KeyId: key.KeyId), Callers.admin).KeyMetadata
        #expect(d.Arn == key.Arn && d.CurrentKeyMaterialId != key.CurrentKeyMaterialId)
        let opened = try f.engine.decrypt(DecryptRequest(CiphertextBlob: before), Callers.admin)
        #expect(opened.Plaintext == Data("old".utf8) && opened.KeyMaterialId == key.CurrentKeyMaterialId)
        let after = try f.engine.encrypt(EncryptRequest(KeyId: key.KeyId, Plaintext: Data("new".utf8)), Callers.admin).CiphertextBlob
        #expect(try f.engine.decrypt(DecryptRequest(CiphertextBlob: after), Callers.admin).KeyMaterialId == d.CurrentKeyMaterialId)
        // Each rotation is in the audit log at the time it was due.
        let events = try f.auditRecords().filter { $0["eventName"] == "RotateKey" }
        #expect(events.map { $0["eventTime"] } == [180, 360].map { .string(Timestamp.zulu(EngineFixture.start.addingTimeInterval(Double($0) * 86400))) })
    }

    @Test(arguments: [89, 2561, 0])
    func periodOutOfRange(days: Int) throws {
        do {
            try f.engine.enableKeyRotation(EnableKeyRotationRequest(KeyId: key.KeyId, RotationPeriodInDays: days), Callers.admin)
            Issue.record("period \(days) accepted")
        } catch { #expect(error.code == .validation) }
    }

    @Test func everyOlderVersionStillOpensAfterManyRotations() throws {
        var blobs: [(Data, String)] = []
        for i in 0..<12 {
            let text = "v\(i)"
            blobs.append((try f.engine.encrypt(EncryptRequest(KeyId: key.KeyId, Plaintext: Data(text.utf8), EncryptionContext: ["i": "\(i)"]), Callers.admin).CiphertextBlob, text))
            _ = try f.engine.rotateKeyOnDemand(RotateKeyOnDemandRequest(KeyId: key.KeyId), Callers.admin)
        }
        for (i, (blob, text)) in blobs.enumerated() {
            let r = try f.engine.decrypt(DecryptRequest(CiphertextBlob: blob, EncryptionContext: ["i": "\(i)"]), Callers.admin)
            #expect(r.Plaintext == Data(text.utf8))
        }
        let all = try f.engine.listKeyRotations(ListKeyRotationsRequest(KeyId: key.KeyId, IncludeKeyMaterial: .allKeyMaterial), Callers.admin).Rotations
        #expect(all.count == 13)
        #expect(all.filter { $0.KeyMaterialState == .current }.count == 1)
        #expect(Set(all.compactMap(\.KeyMaterialId)).count == 13)
    }

    @Test func onDemandLimitAndScheduleUnchanged() throws {
        try f.engine.enableKeyRotation(EnableKeyRotationRequest(KeyId: key.KeyId), Callers.admin)
        let next = try status().NextRotationDate
        for _ in 0..<25 { _ = try f.engine.rotateKeyOnDemand(RotateKeyOnDemandRequest(KeyId: key.KeyId), Callers.admin) }
        #expect(try status().NextRotationDate == next)
        expectKMSError(.limitExceeded) { _ = try f.engine.rotateKeyOnDemand(RotateKeyOnDemandRequest(KeyId: key.KeyId), Callers.admin) }
        let onDemand = try f.engine.listKeyRotations(ListKeyRotationsRequest(KeyId: key.KeyId, Limit: 1000), Callers.admin).Rotations
        #expect(onDemand.count == 25 && onDemand.allSatisfy { $0.RotationType == .onDemand })
    }

    @Test func disabledKeysDoNotRotateAndCatchUpWhenEnabled() throws {
        try f.engine.enableKeyRotation(EnableKeyRotationRequest(KeyId: key.KeyId, RotationPeriodInDays: 90), Callers.admin)
        try f.engine.disableKey(DisableKeyRequest(KeyId: key.KeyId), Callers.admin)
        try f.advance(days: 200)
        #expect(try f.engine.listKeyRotations(ListKeyRotationsRequest(KeyId: key.KeyId), Callers.admin).Rotations.isEmpty)
        expectKMSError(.disabled) { try f.engine.enableKeyRotation(EnableKeyRotationRequest(KeyId: key.KeyId), Callers.admin) }
        try f.engine.enableKey(EnableKeyRequest(KeyId: key.KeyId), Callers.admin)
        let r = try f.engine.listKeyRotations(ListKeyRotationsRequest(KeyId: key.KeyId), Callers.admin).Rotations
        #expect(r.count == 1 && r.first?.RotationDate == EngineFixture.start.addingTimeInterval(200 * 86400))
        #expect(try status().NextRotationDate == EngineFixture.start.addingTimeInterval(290 * 86400))
    }

    @Test func pendingDeletionReportsRotationOffUntilCancelled() throws {
        try f.engine.enableKeyRotation(EnableKeyRotationRequest(KeyId: key.KeyId), Callers.admin)
        _ = try f.engine.scheduleKeyDeletion(ScheduleKeyDeletionRequest(KeyId: key.KeyId), Callers.admin)
        #expect(try status().KeyRotationEnabled == false)
        _ = try f.engine.cancelKeyDeletion(CancelKeyDeletionRequest(KeyId: key.KeyId), Callers.admin)
        try f.engine.enableKey(EnableKeyRequest(KeyId: key.KeyId), Callers.admin)
        #expect(try status().KeyRotationEnabled == true)
    }

    @Test func disableRotation() throws {
        try f.engine.enableKeyRotation(EnableKeyRotationRequest(KeyId: key.KeyId, RotationPeriodInDays: 90), Callers.admin)
        try f.engine.disableKeyRotation(DisableKeyRotationRequest(KeyId: key.KeyId), Callers.admin)
        try f.advance(days: 400)
        #expect(try f.engine.listKeyRotations(ListKeyRotationsRequest(KeyId: key.KeyId), Callers.admin).Rotations.isEmpty)
        #expect(try status().NextRotationDate == nil)
    }

    @Test func awsManagedKeysRotateYearlyAndRefuseChanges() throws {
        let managed = try f.engine.awsManagedKey(.ebs, account: Callers.account, region: "us-east-1")
        #expect(managed.keyManager == .aws && managed.rotationEnabled && managed.rotationPeriodInDays == 365)
        let ctx = Callers.admin
        expectKMSError(.unsupportedOperation) { try f.engine.disableKeyRotation(DisableKeyRotationRequest(KeyId: managed.keyId), ctx) }
        expectKMSError(.unsupportedOperation) { _ = try f.engine.rotateKeyOnDemand(RotateKeyOnDemandRequest(KeyId: managed.keyId), ctx) }
        expectKMSError(.unsupportedOperation) { try f.engine.disableKey(DisableKeyRequest(KeyId: managed.keyId), ctx) }
        expectKMSError(.unsupportedOperation) { _ = try f.engine.scheduleKeyDeletion(ScheduleKeyDeletionRequest(KeyId: managed.keyId), ctx) }
        expectKMSError(.unsupportedOperation) { try f.engine.putKeyPolicy(PutKeyPolicyRequest(KeyId: managed.keyId, Policy: "{}"), ctx) }
        try f.advance(days: 366)
        #expect(try f.engine.listKeyRotations(ListKeyRotationsRequest(KeyId: managed.keyId), ctx).Rotations.count == 1)
    }
}
