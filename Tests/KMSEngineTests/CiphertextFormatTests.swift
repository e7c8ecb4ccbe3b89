@preconcurrency import Crypto
import Foundation
import Testing
import TestSupport
import Wire
@testable import KMSEngine

/// Known answers for the blob format, computed independently with Python's `cryptography`
/// (AESGCM over the documented header and canonical context encoding).
@Suite struct CiphertextFormatTests {
    struct FixedNonce: RandomSource {
        func bytes(_ count: Int) -> Data { Data((100..<(100 + count)).map { UInt8($0) }) }
    }

    static let keyId = "1234abcd-12ab-34cd-56ef-1234567890ab"
    static let context = ["b": "2", "a": "1", "aa": ""]
    static let expectedBlob = "4b011234abcd12ab34cd56ef1234567890ab000000036465666768696a6b6c6d6e6f207eb20a16c576fb50143a84b5150fad091c9f323fb8da4edbea86bebc9506"

    @Test func canonicalContextEncodingKnownAnswer() {
        let hex = EncryptionContextEncoding.canonical(Self.context).map { String(format: "%02x", $0) }.joined()
        #expect(hex == "00000003000000016100000001310000000261610000000000000001620000000132")
    }

    @Test func sealKnownAnswer() throws {
        let material = SymmetricKey(data: Data(0..<32))
        let blob = try MaterialCipher.seal(Data("hello, envelope".utf8), with: material, keyId: Self.keyId, materialVersion: 3,
                                           context: Self.context, random: FixedNonce())
        #expect(blob.map { String(format: "%02x", $0) }.joined() == Self.expectedBlob)
        let parsed = try #require(CiphertextBlob(parsing: blob))
        #expect(parsed.keyId == Self.keyId && parsed.materialVersion == 3)
        #expect(parsed.serialized() == blob)
        #expect(MaterialCipher.open(parsed, with: material, context: Self.context) == Data("hello, envelope".utf8))
    }

    @Test func parseRejectsWhatIsNotABlob() {
        #expect(CiphertextBlob(parsing: Data()) == nil)
        #expect(CiphertextBlob(parsing: Data(count: 49)) == nil)
        var wrongMagic = Data(count: 60)
        wrongMagic[0] = 0x4C
        wrongMagic[1] = 1
        #expect(CiphertextBlob(parsing: wrongMagic) == nil)
        var wrongVersion = Data(count: 60)
        wrongVersion[0] = 0x4B
        wrongVersion[1] = 2
        #expect(CiphertextBlob(parsing: wrongVersion) == nil)
    }

    /// Length prefixes make every context's encoding unique: pairs that concatenate to the same
    /// text, or the same pairs in another order, never collide unless they are the same context.
    @Test func noTwoContextsShareAnEncoding() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("ab=,:")
        func word() -> String { String((0..<Int.random(in: 0...3, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }) }
        var seen: [[UInt8]: [String: String]] = [:]
        for _ in 0..<20_000 {
            var ctx: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...3, using: &rng) { ctx[word()] = word() }
            let enc = EncryptionContextEncoding.canonical(ctx)
            if let other = seen[enc] { #expect(other == ctx) }
            seen[enc] = ctx
        }
        #expect(EncryptionContextEncoding.canonical(["ab": "c"]) != EncryptionContextEncoding.canonical(["a": "bc"]))
    }

    /// A blob sealed under one context never opens under any other.
    @Test func sealedContextOnlyOpensWithItself() throws {
        let f = try EngineFixture()
        let key = try f.engine.createKey(CreateKeyRequest(), Callers.admin).KeyMetadata.KeyId
        let contexts: [[String: String]] = [[:], ["ab": "c"], ["a": "bc"], ["a": "b", "c": ""], ["a": "b"], ["": "x"].filter { !$0.key.isEmpty },
                                            ["k": "v1"], ["k": "v1", "k2": "v2"], ["K": "v1"]]
        let distinct = Array(Set(contexts))
        for sealed in distinct {
            let blob = try f.engine.encrypt(EncryptRequest(KeyId: key, Plaintext: Data("p".utf8), EncryptionContext: sealed), Callers.admin).CiphertextBlob
            for attempt in distinct {
                let opened = (try? f.engine.decrypt(DecryptRequest(CiphertextBlob: blob, EncryptionContext: attempt), Callers.admin)) != nil
                #expect(opened == (attempt == sealed), "sealed \(sealed), tried \(attempt)")
            }
        }
    }
}
