import CloudSim
import Foundation
import KMSEngine
import Storage
import Testing
import Wire

/// The audit log as a whole: no secrets anywhere, cross-account copies, concurrency and durability.
@Suite struct AuditLogTests {
    /// A busy scenario by several principals, then the whole database is searched for every secret.
    @Test func noPlaintextDataKeyOrKeyMaterialAnywhere() throws {
        let f = try CloudTrailFixture()
        let arn = try f.loggingTrail()
        let keyId = try f.makeKey()
        var secrets: [Data] = []
        for i in 0..<10 {
            let plaintext = Data("top secret payload number \(i) \(UUID().uuidString)".utf8)
            secrets.append(plaintext)
            let sealed = try f.kms("Encrypt", ["KeyId": .string(keyId), "Plaintext": .string(plaintext.base64EncodedString()),
                                               "EncryptionContext": ["case": .string("c\(i)")]])
            let opened = try f.kms("Decrypt", ["CiphertextBlob": sealed["CiphertextBlob"] ?? .null, "EncryptionContext": ["case": .string("c\(i)")]])
            #expect(opened["Plaintext"]?.stringValue == plaintext.base64EncodedString())
            let dataKey = try f.kms("GenerateDataKey", ["KeyId": .string(keyId), "KeySpec": "AES_256"])
            secrets.append(try #require(Data(base64Encoded: dataKey["Plaintext"]?.stringValue ?? "")))
            let random = try f.kms("GenerateRandom", ["NumberOfBytes": 32])
            secrets.append(try #require(Data(base64Encoded: random["Plaintext"]?.stringValue ?? "")))
            _ = try? f.kms("Decrypt", ["CiphertextBlob": sealed["CiphertextBlob"] ?? .null, "EncryptionContext": ["case": "wrong"]])
            try f.advance(minutes: 20)
        }
        try f.kms("RotateKeyOnDemand", ["KeyId": .string(keyId)])
        try f.advance(hours: 2)
        #expect(try f.validate(arn).problems.isEmpty)
        // Key material as the engine holds it, unwrapped with the root key.
        let hsm = HSM(rootKey: f.rootKey)
        for version in 1...2 {
            let wrapped = try f.engine.store.read { try $0.material(keyId: keyId, version: version) }
            let material = try hsm.unwrap(try #require(wrapped).wrapped, keyId: keyId, version: version)
            secrets.append(material.withUnsafeBytes { Data($0) })
        }
        let stored = try f.database.allStoredBytesForTesting()
        for secret in secrets {
            let b64 = Data(secret.base64EncodedString().utf8)
            for value in stored {
                #expect(value.range(of: secret) == nil, "a secret is stored in the clear")
                #expect(value.range(of: b64) == nil, "a secret is stored in base64")
            }
        }
        // What is logged: the encryption context, which is not secret.
        #expect(try f.records().contains { $0["requestParameters"]?["encryptionContext"]?["case"] == "c3" })
    }

    @Test func aCrossAccountCallIsLoggedInBothAccounts() throws {
        let f = try CloudTrailFixture()
        let keyId = try f.makeKey()
        let policy = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"},
              {"Sid":"Partner","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"kms:Encrypt","Resource":"*"}]}
            """
        try f.kms("PutKeyPolicy", ["KeyId": .string(keyId), "PolicyName": "default", "Policy": .string(policy)])
        let arn = "arn:aws:kms:us-east-1:111122223333:key/\(keyId)"
        try f.kms("Encrypt", ["KeyId": .string(arn), "Plaintext": "c2VjcmV0"], as: "partner")
        let owner = try f.lookupAll(["LookupAttributes": [["AttributeKey": "EventName", "AttributeValue": "Encrypt"]]])
        let caller = try f.lookupAll(["LookupAttributes": [["AttributeKey": "EventName", "AttributeValue": "Encrypt"]]], as: "partner")
        #expect(owner.count == 1 && caller.count == 1)
        let a = try JSONParser.parse(owner.first?["CloudTrailEvent"]?.stringValue ?? "")
        let b = try JSONParser.parse(caller.first?["CloudTrailEvent"]?.stringValue ?? "")
        #expect(a["recipientAccountId"] == "111122223333" && b["recipientAccountId"] == "444455556666")
        #expect(a["eventID"] != b["eventID"])
        #expect(a["sharedEventID"] != nil && a["sharedEventID"] == b["sharedEventID"])
        #expect(b["userIdentity"]?["accountId"] == "444455556666")
    }

    @Test func serviceEventsHaveNoRequestID() throws {
        let f = try CloudTrailFixture()
        let keyId = try f.makeKey()
        try f.kms("EnableKeyRotation", ["KeyId": .string(keyId), "RotationPeriodInDays": 90])
        try f.advance(seconds: 91 * 86400)
        let rotation = try #require(try f.records().first { $0["eventName"] == "RotateKey" })
        #expect(rotation["eventType"] == "AwsServiceEvent")
        #expect(rotation["requestID"] == nil)
        #expect(rotation["userIdentity"] == ["accountId": "111122223333", "invokedBy": "kms.amazonaws.com"])
        #expect(rotation["eventTime"] == "2026-04-01T00:00:00Z")
    }

    /// Concurrent callers on a file-backed home share commits; every call's record is there once,
    /// and the chain holds.
    @Test func concurrentCallersOnAFileBackedHome() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ct-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = try CloudTrailFixture(path: dir.appendingPathComponent("home.sqlite").path)
        let arn = try f.loggingTrail()
        let keyId = try f.makeKey()
        let threads = 6, calls = 150
        let group = DispatchGroup()
        for _ in 0..<threads {
            group.enter()
            Thread {
                for _ in 0..<calls { _ = try? f.kms("Encrypt", ["KeyId": .string(keyId), "Plaintext": "c2VjcmV0"]) }
                group.leave()
            }.start()
        }
        group.wait()
        let encrypts = try f.records().filter { $0["eventName"] == "Encrypt" }
        #expect(encrypts.count == threads * calls)
        #expect(Set(encrypts.compactMap { $0["eventID"]?.stringValue }).count == threads * calls)
        try f.advance(hours: 1.5)
        let report = try f.validate(arn)
        #expect(report.problems.isEmpty, "\(report.text(verbose: false))")
        #expect(report.validHistoryRecords >= threads * calls)
        // A second process opening the same home sees every record.
        let other = try AppDatabase(path: dir.appendingPathComponent("home.sqlite").path)
        #expect(try other.auditRecordsForTesting().count == (try f.database.auditRecordsForTesting().count))
    }
}
