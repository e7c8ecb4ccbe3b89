import Foundation
import KMSEngine
import Testing
import TestSupport
import Wire

@Suite struct CryptoOperationTests {
    let f: EngineFixture
    let key: KeyMetadata

    init() throws {
        f = try EngineFixture()
        key = try f.engine.createKey(CreateKeyRequest(), Callers.admin).KeyMetadata
    }

    func encrypt(_ text: String, _ context: [String: String]? = nil, key id: String? = nil) throws -> Data {
        try f.engine.encrypt(EncryptRequest(KeyId: id ?? key.KeyId, Plaintext: Data(text.utf8), EncryptionContext: context), Callers.admin).CiphertextBlob
    }

    @Test func encryptDecryptRoundTripWithContext() throws {
        let blob = try encrypt("card 4111", ["app": "web", "env": "prod"])
        #expect(blob.count == 9 + CiphertextBlob.overhead)
        #expect(!blob.contains(Data("card 4111".utf8)))
        let r = try f.engine.decrypt(DecryptRequest(CiphertextBlob: blob, EncryptionContext: ["env": "prod", "app": "web"]), Callers.admin)
        #expect(r.Plaintext == Data("card 4111".utf8))
        #expect(r.KeyId == key.Arn && r.EncryptionAlgorithm == .symmetricDefault)
        #expect(r.KeyMaterialId == key.CurrentKeyMaterialId)
    }

    @Test func wrongContextIsInvalidCiphertext() throws {
        let blob = try encrypt("x", ["app": "web"])
        for ctx in [nil, ["app": "api"], ["app": "web", "extra": "1"], ["App": "web"]] as [[String: String]?] {
            do {
                _ = try f.engine.decrypt(DecryptRequest(CiphertextBlob: blob, EncryptionContext: ctx), Callers.admin)
                Issue.record("opened with \(String(describing: ctx))")
            } catch { #expect(error.code == .invalidCiphertext) }
        }
    }

    @Test func tamperedBlobIsInvalidCiphertext() throws {
        let blob = try encrypt("attack at dawn")
        for i in [1, 5, 20, 30, blob.count - 1] {
            var t = blob
            t[i] ^= 0x01
            do {
                _ = try f.engine.decrypt(DecryptRequest(CiphertextBlob: t), Callers.admin)
                Issue.record("byte \(i) flipped but decrypt succeeded")
            } catch { #expect([.invalidCiphertext, .notFound].contains(error.code), "byte \(i): \(error)") }
        }
        expectKMSError(.invalidCiphertext) { _ = try f.engine.decrypt(DecryptRequest(CiphertextBlob: Data("short".utf8)), Callers.admin) }
        expectKMSError(.validation) { _ = try f.engine.decrypt(DecryptRequest(CiphertextBlob: Data()), Callers.admin) }
    }

    @Test func incorrectKeyIdIsRefused() throws {
        let other = try f.engine.createKey(CreateKeyRequest(), Callers.admin).KeyMetadata
        let blob = try encrypt("x")
        expectKMSError(.incorrectKey) { _ = try f.engine.decrypt(DecryptRequest(CiphertextBlob: blob, KeyId: other.KeyId), Callers.admin) }
        #expect(try f.engine.decrypt(DecryptRequest(CiphertextBlob: blob, KeyId: key.Arn), Callers.admin).Plaintext == Data("x".utf8))
    }

    @Test func plaintextLimits() throws {
        #expect(try encrypt(String(repeating: "a", count: 4096)).count == 4096 + CiphertextBlob.overhead)
        for size in [0, 4097] {
            do {
                _ = try f.engine.encrypt(EncryptRequest(KeyId: key.KeyId, Plaintext: Data(count: size)), Callers.admin)
                Issue.record("\(size) bytes accepted")
            } catch { #expect(error.code == .validation) }
        }
    }

    @Test func dataKeysForEnvelopeEncryption() throws {
        let r = try f.engine.generateDataKey(GenerateDataKeyRequest(KeyId: key.KeyId, EncryptionContext: ["file": "a"], KeySpec: .aes256), Callers.admin)
        #expect(r.Plaintext.count == 32 && r.KeyId == key.Arn)
        let d = try f.engine.decrypt(DecryptRequest(CiphertextBlob: r.CiphertextBlob, EncryptionContext: ["file": "a"]), Callers.admin)
        #expect(d.Plaintext == r.Plaintext)
        #expect(try f.engine.generateDataKey(GenerateDataKeyRequest(KeyId: key.KeyId, KeySpec: .aes128), Callers.admin).Plaintext.count == 16)
        #expect(try f.engine.generateDataKey(GenerateDataKeyRequest(KeyId: key.KeyId, NumberOfBytes: 64), Callers.admin).Plaintext.count == 64)
        let w = try f.engine.generateDataKeyWithoutPlaintext(GenerateDataKeyWithoutPlaintextRequest(KeyId: key.KeyId, KeySpec: .aes256), Callers.admin)
        #expect(try f.engine.decrypt(DecryptRequest(CiphertextBlob: w.CiphertextBlob), Callers.admin).Plaintext.count == 32)
        for bad in [GenerateDataKeyRequest(KeyId: key.KeyId), GenerateDataKeyRequest(KeyId: key.KeyId, NumberOfBytes: 1025),
                    GenerateDataKeyRequest(KeyId: key.KeyId, NumberOfBytes: 0),
                    GenerateDataKeyRequest(KeyId: key.KeyId, NumberOfBytes: 32, KeySpec: .aes256)] {
            expectKMSError(.validation) { _ = try f.engine.generateDataKey(bad, Callers.admin); Issue.record("accepted \(bad)") }
        }
        // Two data keys are never the same.
        let a = try f.engine.generateDataKey(GenerateDataKeyRequest(KeyId: key.KeyId, KeySpec: .aes256), Callers.admin).Plaintext
        #expect(a != r.Plaintext)
    }

    @Test func reEncryptMovesCiphertextBetweenKeys() throws {
        let dest = try f.engine.createKey(CreateKeyRequest(), Callers.admin).KeyMetadata
        let blob = try encrypt("move me", ["a": "1"])
        let r = try f.engine.reEncrypt(ReEncryptRequest(CiphertextBlob: blob, SourceEncryptionContext: ["a": "1"], DestinationKeyId: dest.KeyId,
                                                        DestinationEncryptionContext: ["b": "2"]), Callers.admin)
        #expect(r.SourceKeyId == key.Arn && r.KeyId == dest.Arn)
        let d = try f.engine.decrypt(DecryptRequest(CiphertextBlob: r.CiphertextBlob, EncryptionContext: ["b": "2"]), Callers.admin)
        #expect(d.Plaintext == Data("move me".utf8) && d.KeyId == dest.Arn)
        expectKMSError(.invalidCiphertext) { _ = try f.engine.reEncrypt(ReEncryptRequest(CiphertextBlob: blob, DestinationKeyId: dest.KeyId), Callers.admin) }
        try f.engine.disableKey(DisableKeyRequest(KeyId: dest.KeyId), Callers.admin)
        expectKMSError(.disabled) { _ = try f.engine.reEncrypt(ReEncryptRequest(CiphertextBlob: blob, SourceEncryptionContext: ["a": "1"], DestinationKeyId: dest.KeyId), Callers.admin) }
    }

    @Test func generateRandom() throws {
        let a = try f.engine.generateRandom(GenerateRandomRequest(NumberOfBytes: 32), Callers.admin).Plaintext
        let b = try f.engine.generateRandom(GenerateRandomRequest(NumberOfBytes: 32), Callers.admin).Plaintext
        #expect(a.count == 32 && a != b)
        for n in [0, 1025] {
            expectKMSError(.validation) { _ = try f.engine.generateRandom(GenerateRandomRequest(NumberOfBytes: n), Callers.admin) }
        }
    }

    @Test func dryRunChecksWithoutActing() throws {
        expectKMSError(.dryRunOperation) { _ = try f.engine.encrypt(EncryptRequest(KeyId: key.KeyId, Plaintext: Data("x".utf8), DryRun: true), Callers.admin) }
        try f.engine.disableKey(DisableKeyRequest(KeyId: key.KeyId), Callers.admin)
        expectKMSError(.disabled) { _ = try f.engine.encrypt(EncryptRequest(KeyId: key.KeyId, Plaintext: Data("x".utf8), DryRun: true), Callers.admin) }
    }
}
