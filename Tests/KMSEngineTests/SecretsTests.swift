import Foundation
import KMSEngine
import Testing
import TestSupport
import Wire

/// No plaintext, data key or key material anywhere in the database or the audit log.
@Suite struct SecretsTests {
    @Test func nothingSecretIsStored() throws {
        let f = try EngineFixture()
        let key = try f.engine.createKey(CreateKeyRequest(), Callers.admin).KeyMetadata.KeyId
        let secret = Data("TOP-SECRET-PAYLOAD-4111111111111111".utf8)
        let blob = try f.engine.encrypt(EncryptRequest(KeyId: key, Plaintext: secret, EncryptionContext: ["purpose": "test"]), Callers.admin).CiphertextBlob
        _ = try f.engine.decrypt(DecryptRequest(CiphertextBlob: blob, EncryptionContext: ["purpose": "test"]), Callers.admin)
        var dataKeys: [Data] = []
        for _ in 0..<5 {
            dataKeys.append(try f.engine.generateDataKey(GenerateDataKeyRequest(KeyId: key, KeySpec: .aes256), Callers.admin).Plaintext)
        }
        _ = try? f.engine.decrypt(DecryptRequest(CiphertextBlob: blob, EncryptionContext: ["purpose": "wrong"]), Callers.admin)
        _ = try f.engine.rotateKeyOnDemand(RotateKeyOnDemandRequest(KeyId: key), Callers.admin)
        let random = try f.engine.generateRandom(GenerateRandomRequest(NumberOfBytes: 64), Callers.admin).Plaintext

        let stored = try f.database.allStoredBytesForTesting()
        let needles: [Data] = [secret, secret.base64EncodedData(), random, random.base64EncodedData()]
            + dataKeys + dataKeys.map { $0.base64EncodedData() }
        for value in stored {
            for needle in needles { #expect(value.range(of: needle) == nil, "a secret is stored in the database") }
        }
        // The root key is not in the database either.
        let root = f.rootKey.withUnsafeBytes { Data($0) }
        for value in stored { #expect(value.range(of: root) == nil) }
        // The audit log does record the encryption context (it is not secret).
        let records = try f.auditRecords()
        #expect(records.contains { $0["requestParameters"]?["encryptionContext"]?["purpose"] == "test" })
        #expect(records.count >= 10)
    }

    /// Failed calls are recorded too, with their error, and still without secrets.
    @Test func failuresAreAudited() throws {
        let f = try EngineFixture()
        let key = try f.engine.createKey(CreateKeyRequest(), Callers.admin).KeyMetadata.KeyId
        try f.engine.disableKey(DisableKeyRequest(KeyId: key), Callers.admin)
        _ = try? f.engine.encrypt(EncryptRequest(KeyId: key, Plaintext: Data("PLAINTEXT-NEVER-LOGGED".utf8)), Callers.user("alice"))
        let failed = try #require(try f.auditRecords().last)
        #expect(failed["eventName"] == "Encrypt")
        #expect(failed["errorCode"] == "DisabledException")
        #expect(failed["userIdentity"]?["userName"] == "alice")
        #expect(failed["responseElements"] == .null)
        #expect(!JSONWriter.compact(failed).contains("PLAINTEXT-NEVER-LOGGED"))
    }
}
