@preconcurrency import Crypto
import Foundation
import KMSEngine
import Storage
import Testing
import TestSupport
import Wire

@Suite struct PersistenceTests {
    func tempHome() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kmsdrill-test-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func engine(home: String, clock: Clock) throws -> KMSEngine {
        let db = try AppDatabase(path: home + "/kmsdrill.sqlite")
        let root = try RootKeyFile.loadOrCreate(at: home + "/" + RootKeyFile.fileName)
        return KMSEngine(store: SQLiteKMSStore(database: db), clock: clock, hsm: HSM(rootKey: root))
    }

    @Test func stateSurvivesAReopen() throws {
        let home = tempHome()
        let clock = ManualClock(EngineFixture.start)
        var keyId = ""
        var blob = Data()
        do {
            let e = try engine(home: home, clock: clock)
            keyId = try e.createKey(CreateKeyRequest(Description: "durable"), Callers.admin).KeyMetadata.KeyId
            try e.createAlias(CreateAliasRequest(AliasName: "alias/app", TargetKeyId: keyId), Callers.admin)
            try e.enableKeyRotation(EnableKeyRotationRequest(KeyId: keyId, RotationPeriodInDays: 90), Callers.admin)
            blob = try e.encrypt(EncryptRequest(KeyId: "alias/app", Plaintext: Data("kept".utf8), EncryptionContext: ["a": "b"]), Callers.admin).CiphertextBlob
        }
        clock.advance(by: 100 * 86400)
        let e2 = try engine(home: home, clock: clock)
        #expect(try e2.describeKey(DescribeKeyRequest(KeyId: "alias/app"), Callers.admin).KeyMetadata.Description == "durable")
        #expect(try e2.decrypt(DecryptRequest(CiphertextBlob: blob, EncryptionContext: ["a": "b"]), Callers.admin).Plaintext == Data("kept".utf8))
        #expect(try e2.listKeyRotations(ListKeyRotationsRequest(KeyId: keyId), Callers.admin).Rotations.count == 1)
    }

    @Test func rootKeyFileIsOwnerOnlyAndRequired() throws {
        let home = tempHome()
        let path = home + "/" + RootKeyFile.fileName
        _ = try RootKeyFile.loadOrCreate(at: path)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        chmod(path, 0o644)
        #expect(throws: RootKeyFile.Failure.self) { try RootKeyFile.loadOrCreate(at: path) }
        chmod(path, 0o600)
        try Data("short".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        #expect(throws: RootKeyFile.Failure.self) { try RootKeyFile.loadOrCreate(at: path) }
    }

    @Test func aDifferentRootKeyCannotUnwrapTheMaterial() throws {
        let home = tempHome()
        let clock = ManualClock(EngineFixture.start)
        let e = try engine(home: home, clock: clock)
        let blob = try e.encrypt(EncryptRequest(KeyId: try e.createKey(CreateKeyRequest(), Callers.admin).KeyMetadata.KeyId,
                                                Plaintext: Data("x".utf8)), Callers.admin).CiphertextBlob
        let db = try AppDatabase(path: home + "/kmsdrill.sqlite")
        let stranger = KMSEngine(store: SQLiteKMSStore(database: db), clock: clock, hsm: HSM(rootKey: SymmetricKey(size: .bits256)))
        expectKMSError(.kmsInternal, messageContains: "root key") { _ = try stranger.decrypt(DecryptRequest(CiphertextBlob: blob), Callers.admin) }
    }

    /// Two engines on one home (as two processes would be) see each other's changes and lose nothing.
    @Test func twoConnectionsShareAHome() throws {
        let home = tempHome()
        let clock = ManualClock(EngineFixture.start)
        let a = try engine(home: home, clock: clock)
        let b = try engine(home: home, clock: clock)
        let key = try a.createKey(CreateKeyRequest(), Callers.admin).KeyMetadata.KeyId
        #expect(try b.describeKey(DescribeKeyRequest(KeyId: key), Callers.admin).KeyMetadata.KeyState == .enabled)
        try b.disableKey(DisableKeyRequest(KeyId: key), Callers.admin)
        expectKMSError(.disabled) { _ = try a.encrypt(EncryptRequest(KeyId: key, Plaintext: Data("x".utf8)), Callers.admin) }
        try a.enableKey(EnableKeyRequest(KeyId: key), Callers.admin)
        // Concurrent writers: every alias from both lands.
        let group = DispatchGroup()
        for (engine, prefix) in [(a, "a"), (b, "b")] {
            group.enter()
            DispatchQueue.global().async {
                for i in 0..<40 {
                    try? engine.createAlias(CreateAliasRequest(AliasName: "alias/\(prefix)\(i)", TargetKeyId: key), Callers.admin)
                }
                group.leave()
            }
        }
        group.wait()
        let c = try engine(home: home, clock: clock)
        #expect(try c.listAliases(ListAliasesRequest(KeyId: key, Limit: 1000), Callers.admin).Aliases.count == 50)  // 50 is the per-key limit
    }

    /// Caches drop when another connection changes a cached table, however it does it (here raw
    /// SQL), and only then: commits that change nothing cached (the audit committer's, many a
    /// second) keep them. Dropping the trigger shows which of the two the cache listens to.
    @Test func cachesFollowChangesToCachedTablesOnly() throws {
        let home = tempHome()
        let clock = ManualClock(EngineFixture.start)
        let a = try engine(home: home, clock: clock)
        let key = try a.createKey(CreateKeyRequest(Description: "first"), Callers.admin).KeyMetadata.KeyId
        func description() throws -> String? { try a.describeKey(DescribeKeyRequest(KeyId: key), Callers.admin).KeyMetadata.Description }
        #expect(try description() == "first")

        let other = try AppDatabase(path: home + "/kmsdrill.sqlite")
        try other.executeForTesting("UPDATE kms_keys SET description = 'second' WHERE key_id = '\(key)'")
        #expect(try description() == "second")

        // The same kind of commit, without the bump: data_version moves, the generation does not.
        try other.executeForTesting("""
            DROP TRIGGER kms_keys_update_bumps_cache_generation;
            UPDATE kms_keys SET description = 'third' WHERE key_id = '\(key)'
            """)
        #expect(try description() == "second")
    }

    @Test func aFileThatIsNotADatabaseGetsAClearError() throws {
        let home = tempHome()
        try Data("this is not sqlite, it is a shopping list".utf8).write(to: URL(fileURLWithPath: home + "/kmsdrill.sqlite"))
        do {
            _ = try AppDatabase(path: home + "/kmsdrill.sqlite")
            Issue.record("opened garbage")
        } catch let e as StorageError {
            #expect(e.description.contains("not a KMS Drill database"))
        }
    }
}
