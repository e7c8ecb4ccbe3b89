// CloudTrail section of the benchmark (issue 4, item 5): audited Encrypt with every record
// durable and callers sharing commits, and event history lookups over a million records.
@preconcurrency import Crypto
import CloudSim
import Foundation
import KMSEngine
import Storage
import Wire

enum CloudTrailBench {
    /// Runs `body` on `threads` real threads (not `concurrentPerform`, which runs one iteration
    /// per core at a time: on 2 cores "8 callers" would be 2) for `seconds`; total ops/s.
    static func measureThreads(_ name: String, threads: Int, seconds: Double, _ body: @escaping @Sendable () throws -> Void) -> Double {
        for _ in 0..<200 { try? body() }
        let counts = Counts(threads)
        let cpuBefore = processCPUSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        let deadline = start + UInt64(seconds * 1e9)
        let done = DispatchGroup()
        for t in 0..<threads {
            done.enter()
            Thread {
                var n = 0
                while DispatchTime.now().uptimeNanoseconds < deadline {
                    for _ in 0..<20 { try? body() }
                    n += 20
                }
                counts.set(t, n)
                done.leave()
            }.start()
        }
        done.wait()
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpu = processCPUSeconds() - cpuBefore
        let rate = Double(counts.total) / wall
        // CPU per operation and cores kept busy say whether a figure is bound by the processor
        // (cores near the machine's count) or by waiting (commits, locks, wake-ups).
        print(String(format: "%-46@ %12.0f ops/s %9.2f µs/op  cpu %6.2f µs/op, %.2f cores busy", name as NSString, rate, 1e6 / rate,
                     1e6 * cpu / Double(counts.total), cpu / wall))
        return rate
    }

    /// User plus system CPU time of the whole process so far, in seconds.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    final class Counts: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int]
        init(_ n: Int) { values = Array(repeating: 0, count: n) }
        func set(_ i: Int, _ v: Int) { lock.withLock { values[i] = v } }
        var total: Int { lock.withLock { values.reduce(0, +) } }
    }

    /// Audited Encrypt (4 KiB) with 1, 8 and 16 callers beside the same engine without audit.
    static func auditedThroughput(home: String, seconds: Double) throws {
        print("")
        print("-- CloudTrail: Encrypt (4 KiB) with every call's record durable before it returns (WAL, synchronous=NORMAL)")
        func engine(_ dir: String, auditing: Bool) throws -> (KMSEngine, String) {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let db = try AppDatabase(path: dir + "/kmsdrill.sqlite")
            let e = KMSEngine(store: SQLiteKMSStore(database: db, auditing: auditing), clock: HomeClock(database: db),
                              hsm: HSM(rootKey: try RootKeyFile.loadOrCreate(at: dir + "/" + RootKeyFile.fileName)))
            let ctx = RequestContext(caller: Caller(kind: .iamUser, accountId: "111122223333", arn: "arn:aws:iam::111122223333:user/admin",
                                                    principalId: "AIDAADMIN", userName: "admin", accessKeyId: "AKIAADMIN"))
            return (e, try e.createKey(CreateKeyRequest(Description: "bench"), ctx).KeyMetadata.KeyId)
        }
        let ctx = RequestContext(caller: Caller(kind: .iamUser, accountId: "111122223333", arn: "arn:aws:iam::111122223333:user/admin",
                                                principalId: "AIDAADMIN", userName: "admin", accessKeyId: "AKIAADMIN"))
        let payload = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0) })
        let (plain, plainKey) = try engine(home + "/ct-plain", auditing: false)
        let (audited, auditedKey) = try engine(home + "/ct-audited", auditing: true)
        let plainRequest = EncryptRequest(KeyId: plainKey, Plaintext: payload, EncryptionContext: ["app": "bench"])
        let auditedRequest = EncryptRequest(KeyId: auditedKey, Plaintext: payload, EncryptionContext: ["app": "bench"])
        let without = measureThreads("Encrypt without audit, 8 callers", threads: 8, seconds: seconds) {
            _ = try plain.encrypt(plainRequest, ctx)
        }
        let one = measureThreads("audited Encrypt, 1 caller", threads: 1, seconds: seconds) { _ = try audited.encrypt(auditedRequest, ctx) }
        let eight = measureThreads("audited Encrypt, 8 callers", threads: 8, seconds: seconds) { _ = try audited.encrypt(auditedRequest, ctx) }
        let sixteen = measureThreads("audited Encrypt, 16 callers", threads: 16, seconds: seconds) {
            _ = try audited.encrypt(auditedRequest, ctx)
        }
        let many = measureThreads("audited Encrypt, 64 callers", threads: 64, seconds: seconds) {
            _ = try audited.encrypt(auditedRequest, ctx)
        }
        let more = measureThreads("audited Encrypt, 128 callers", threads: 128, seconds: seconds) {
            _ = try audited.encrypt(auditedRequest, ctx)
        }
        print(String(format: "audited Encrypt: %.0f ops/s with 1 caller, %.0f with 8, %.0f with 16, %.0f with 64, %.0f with 128 (aim: at least 40000); without audit %.0f",
                     one, eight, sixteen, many, more, without))
    }

    /// Loads `count` records spread over 90 days, then times lookups by event name and user name
    /// for the last day.
    static func lookups(home: String, count: Int) throws {
        print("")
        print("-- CloudTrail: event history lookups with \(count) records over 90 days")
        let dir = home + "/ct-history"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let db = try AppDatabase(path: dir + "/kmsdrill.sqlite")
        let store = SQLiteCloudTrailStore(database: db)
        let end = Date(timeIntervalSince1970: 1_767_225_600 + 90 * 86400)
        let start = end.addingTimeInterval(-90 * 86400)
        let names = ["Encrypt", "Encrypt", "Encrypt", "Decrypt", "Decrypt", "Decrypt", "GenerateDataKey", "GenerateDataKey",
                     "DescribeKey", "ReEncrypt", "ListAliases", "CreateGrant"]
        let users = (0..<50).map { "user\($0)" }
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return seed >> 33
        }
        let loadStart = DispatchTime.now().uptimeNanoseconds
        let chunk = 20_000
        var made = 0
        while made < count {
            var events: [AuditEvent] = []
            events.reserveCapacity(chunk)
            for i in made..<min(count, made + chunk) {
                let t = start.addingTimeInterval(Double(i) * 90 * 86400 / Double(count))
                let user = users[Int(next() % 50)]
                let account = next() % 10 == 0 ? "444455556666" : "111122223333"
                let region = next() % 5 == 0 ? "eu-west-1" : "us-east-1"
                let keyArn = "arn:aws:kms:\(region):\(account):key/\(UUIDs.key(Int(next() % 20)))"
                let caller = Caller(kind: .iamUser, accountId: account, arn: "arn:aws:iam::\(account):user/\(user)",
                                    principalId: "AIDA\(user.uppercased())", userName: user, accessKeyId: "AKIA\(user.uppercased())")
                events.append(AuditEvent(
                    eventID: UUIDs.event(i), requestID: UUIDs.event(i + count), eventTime: t, eventName: names[Int(next() % 12)],
                    region: region, recipientAccountId: account, caller: caller, invokedBy: nil, sourceIPAddress: "192.0.2.10",
                    userAgent: "aws-cli/2.0", requestParameters: ["keyId": .string(keyArn), "encryptionContext": ["app": "bench"],
                                                                  "encryptionAlgorithm": "SYMMETRIC_DEFAULT"],
                    responseElements: .null, additionalEventData: ["keyMaterialId": .string(String(repeating: "ab", count: 32))],
                    errorCode: nil, errorMessage: nil, resources: [keyArn], readOnly: true))
            }
            try store.appendInBulk(events)
            made += events.count
        }
        let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e9
        let size = (try? FileManager.default.attributesOfItem(atPath: dir + "/kmsdrill.sqlite")[.size] as? Int) ?? 0
        print(String(format: "loaded %d records in %.1f s (%.0f records/s), database %.0f MB", count, loadSeconds,
                     Double(count) / loadSeconds, Double(size) / 1e6))

        let service = CloudTrailService(store: store, identities: EmptyIdentityDirectory(), clock: ManualClock(end),
                                        hsm: HSM(rootKey: SymmetricKey(size: .bits256)))
        let caller = RequestContext(caller: .root(account: "111122223333"))
        let dayAgo = end.addingTimeInterval(-86400).timeIntervalSince1970
        func time(_ label: String, runs: Int = 21, _ body: () throws -> Int) rethrows {
            var samples: [Double] = []
            var found = 0
            for _ in 0..<runs {
                let t0 = DispatchTime.now().uptimeNanoseconds
                found = try body()
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
            }
            samples.sort()
            print(String(format: "%-58@ median %7.2f ms  max %7.2f ms  (%d events)", label as NSString, samples[samples.count / 2],
                         samples[samples.count - 1], found))
        }
        for (key, value) in [("EventName", "Decrypt"), ("Username", "user7")] {
            let input: JSONValue = ["StartTime": .double(dayAgo), "LookupAttributes": [["AttributeKey": .string(key), "AttributeValue": .string(value)]]]
            try time("lookup-events \(key)=\(value), last day, first page") {
                try service.call("LookupEvents", input: input, context: caller)["Events"]?.arrayValue?.count ?? 0
            }
            try time("lookup-events \(key)=\(value), last day, every page", runs: 5) {
                var request = input.objectValue ?? JSONObject()
                var total = 0
                while true {
                    let page = try service.call("LookupEvents", input: .object(request), context: caller)
                    total += page["Events"]?.arrayValue?.count ?? 0
                    guard let token = page["NextToken"] else { return total }
                    request["NextToken"] = token
                }
            }
        }
    }

    /// Deterministic UUID-shaped identifiers for generated events.
    enum UUIDs {
        static func event(_ i: Int) -> String { format(UInt64(i) &* 0x9E37_79B9_7F4A_7C15, UInt64(i)) }
        static func key(_ i: Int) -> String { format(0x1234_5678_9ABC_DEF0 ^ UInt64(i), UInt64(i) << 8) }
        static func format(_ a: UInt64, _ b: UInt64) -> String {
            let h = String(a, radix: 16).leftPad(16) + String(b, radix: 16).leftPad(16)
            let c = Array(h)
            return "\(String(c[0..<8]))-\(String(c[8..<12]))-4\(String(c[13..<16]))-8\(String(c[17..<20]))-\(String(c[20..<32]))"
        }
    }
}

extension String {
    fileprivate func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
