// The KMS Drill benchmark: figures measured side by side in one run, printed as operations per
// second and as ratios. Not a test: these machines are shared and noisy, so speed is reported,
// never asserted. Build and run with `swift run -c release kmsdrill-bench [seconds-per-case]`.
@preconcurrency import Crypto
import Foundation
import KMSEngine
import Storage

let secondsPerCase = Double(CommandLine.arguments.dropFirst().first ?? "") ?? 2.0
/// An optional second argument runs only the cases whose name contains it (for profiling).
let only = CommandLine.arguments.dropFirst(2).first
let home = FileManager.default.temporaryDirectory.appendingPathComponent("kmsdrill-bench-\(UUID().uuidString)").path
try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: home) }

/// Runs `body` repeatedly for about `secondsPerCase` and returns operations per second.
func measure(_ name: String, _ body: () throws -> Void) rethrows -> Double {
    if let only, !name.contains(only) { return .nan }
    for _ in 0..<200 { try body() }  // warm up caches and allocators
    var count = 0
    let start = DispatchTime.now().uptimeNanoseconds
    var elapsed: Double = 0
    repeat {
        for _ in 0..<100 { try body() }
        count += 100
        elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    } while elapsed < secondsPerCase
    let rate = Double(count) / elapsed
    print(String(format: "%-46@ %12.0f ops/s %9.2f µs/op", name as NSString, rate, 1e6 / rate))
    return rate
}

let plaintext = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0) })
let rawKey = SymmetricKey(size: .bits256)
let context = ["app": "bench", "tenant": "t-42"]
let aad = Data(EncryptionContextEncoding.canonical(context))

print("KMS Drill benchmark — \(ProcessInfo.processInfo.activeProcessorCount) cores, \(secondsPerCase)s per case, 4 KiB payloads")
print("home: \(home) (file-backed SQLite, WAL)")
print("")
let rawSeal = try measure("raw AES-256-GCM seal (swift-crypto)") {
    _ = try AES.GCM.seal(plaintext, using: rawKey, authenticating: aad)
}
let sealed = try AES.GCM.seal(plaintext, using: rawKey, authenticating: aad)
let rawOpen = try measure("raw AES-256-GCM open (swift-crypto)") {
    _ = try AES.GCM.open(sealed, using: rawKey, authenticating: aad)
}

/// An engine on a file-backed home in `dir`, with or without its audit log.
func makeEngine(_ dir: String, auditing: Bool) throws -> KMSEngine {
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let db = try AppDatabase(path: dir + "/kmsdrill.sqlite")
    return KMSEngine(store: SQLiteKMSStore(database: db, auditing: auditing), clock: HomeClock(database: db),
                     hsm: HSM(rootKey: try RootKeyFile.loadOrCreate(at: dir + "/" + RootKeyFile.fileName)))
}

let caller = RequestContext(caller: Caller(kind: .iamUser, accountId: "111122223333",
                                           arn: "arn:aws:iam::111122223333:user/admin", principalId: "AIDAADMIN", userName: "admin"))

// The audit log is off here: these figures are the engine's own; the CloudTrail section below
// measures the same Encrypt with every record durable.
let plain = try makeEngine(home + "/no-audit", auditing: false)
let keyId = try plain.createKey(CreateKeyRequest(Description: "bench"), caller).KeyMetadata.KeyId
try plain.createAlias(CreateAliasRequest(AliasName: "alias/bench", TargetKeyId: keyId), caller)
let encryptRequest = EncryptRequest(KeyId: keyId, Plaintext: plaintext, EncryptionContext: context)
let blob = try plain.encrypt(encryptRequest, caller).CiphertextBlob

print("")
print("-- engine in-process, persistence on (SQLite home), allow-all authorizer, audit log off")
let engineEncrypt = try measure("engine Encrypt (key ID)") { _ = try plain.encrypt(encryptRequest, caller) }
let aliasRequest = EncryptRequest(KeyId: "alias/bench", Plaintext: plaintext, EncryptionContext: context)
_ = try measure("engine Encrypt (alias)") { _ = try plain.encrypt(aliasRequest, caller) }
let decryptRequest = DecryptRequest(CiphertextBlob: blob, EncryptionContext: context)
let engineDecrypt = try measure("engine Decrypt") { _ = try plain.decrypt(decryptRequest, caller) }
let gdkRequest = GenerateDataKeyRequest(KeyId: keyId, EncryptionContext: context, KeySpec: .aes256)
let engineGDK = try measure("engine GenerateDataKey (AES_256)") { _ = try plain.generateDataKey(gdkRequest, caller) }

print("")
print(String(format: "engine Encrypt / raw seal:          %.2fx slower (aim: within 3x)", rawSeal / engineEncrypt))
print(String(format: "engine Decrypt / raw open:          %.2fx slower", rawOpen / engineDecrypt))
print(String(format: "engine GenerateDataKey / raw seal:  %.2fx slower", rawSeal / engineGDK))
print(String(format: "engine Encrypt: %.0f ops/s (aim: at least 60000)", engineEncrypt))

try runAuthorizationBench(home: home, plaintext: plaintext, context: context)

// MARK: - CloudTrail (issue 4): audited Encrypt on real threads, and lookups over a large history
// See CloudTrailBench.swift. KMSDRILL_BENCH_HISTORY sets the number of history records (default 1,000,000).
try CloudTrailBench.auditedThroughput(home: home, seconds: secondsPerCase)
try CloudTrailBench.lookups(home: home, count: Int(ProcessInfo.processInfo.environment["KMSDRILL_BENCH_HISTORY"] ?? "") ?? 1_000_000)
