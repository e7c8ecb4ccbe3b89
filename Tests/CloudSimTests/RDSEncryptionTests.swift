import CloudSim
import Foundation
import KMSEngine
import Testing
import TestSupport
import Wire

/// F17, F22, F23: RDS storage encryption is chosen at creation; the snapshot-copy-restore path.
@Suite struct RDSEncryptionTests {
    let f: ServiceFixture
    let admin = Callers.admin

    init() throws {
        f = try ServiceFixture()
    }

    func create(_ id: String, _ extra: JSONObject = [:], as context: RequestContext = Callers.admin) throws -> JSONValue {
        var input: JSONObject = ["DBInstanceIdentifier": .string(id), "DBInstanceClass": "db.t3.micro", "Engine": "mysql",
                                 "AllocatedStorage": 20, "MasterUsername": "admin", "MasterUserPassword": "correct-horse-battery"]
        for (k, v) in extra { input[k] = v }
        return try f.rds.call("CreateDBInstance", input: .object(input), context: context)
    }

    func describe(_ id: String) throws -> JSONValue? {
        try f.rds.call("DescribeDBInstances", input: ["DBInstanceIdentifier": .string(id)], context: admin)["DBInstances"]?.arrayValue?.first
    }

    func snapshot(_ id: String) throws -> JSONValue? {
        try f.rds.call("DescribeDBSnapshots", input: ["DBSnapshotIdentifier": .string(id)], context: admin)["DBSnapshots"]?.arrayValue?.first
    }

    @Test func theExamTrapAndItsWorkaround() throws {
        // An unencrypted instance: no KMS involved.
        let mark = f.auditCount
        let created = try create("legacy-db")
        #expect(created["DBInstance"]?["DBInstanceStatus"] == "creating" && created["DBInstance"]?["StorageEncrypted"] == false)
        #expect(created["DBInstance"]?["Endpoint"] == nil)
        #expect(try f.events(since: mark).isEmpty)
        let legacy = try #require(try describe("legacy-db"))
        #expect(legacy["DBInstanceStatus"] == "available")
        let oldEndpoint = try #require(legacy["Endpoint"]?["Address"]?.stringValue)
        #expect(oldEndpoint.hasPrefix("legacy-db.") && oldEndpoint.hasSuffix(".us-east-1.rds.amazonaws.com"))
        // Its rows are stored in plaintext: the storage is not encrypted.
        #expect(try f.databaseContains(Data("Grace Hopper".utf8)))

        // It cannot be encrypted in place: ModifyDBInstance has no such parameter.
        expectServiceError("ParamValidationError", messageContains: "Unknown parameter in input: \"StorageEncrypted\"") {
            try f.rds.call("ModifyDBInstance", input: ["DBInstanceIdentifier": "legacy-db", "StorageEncrypted": true], context: admin)
        }
        let key = try f.createKey()
        expectServiceError("ParamValidationError", messageContains: "Unknown parameter in input: \"KmsKeyId\"") {
            try f.rds.call("ModifyDBInstance", input: ["DBInstanceIdentifier": "legacy-db", "KmsKeyId": .string(key), "ApplyImmediately": true],
                           context: admin)
        }
        #expect(try describe("legacy-db")?["StorageEncrypted"] == false)

        // 1. Snapshot: unencrypted, like its instance.
        let snap = try f.rds.call("CreateDBSnapshot", input: ["DBInstanceIdentifier": "legacy-db", "DBSnapshotIdentifier": "legacy-snap"],
                                  context: admin)
        #expect(snap["DBSnapshot"]?["Encrypted"] == false && snap["DBSnapshot"]?["Status"] == "creating")
        #expect(try snapshot("legacy-snap")?["Status"] == "available")

        // 2. Copy with a KMS key: the copy is encrypted.
        let mark2 = f.auditCount
        let copy = try f.rds.call("CopyDBSnapshot", input: ["SourceDBSnapshotIdentifier": "legacy-snap",
                                                            "TargetDBSnapshotIdentifier": "legacy-snap-encrypted", "KmsKeyId": .string(key)],
                                  context: admin)
        #expect(copy["DBSnapshot"]?["Encrypted"] == true && copy["DBSnapshot"]?["KmsKeyId"]?.stringValue == key)
        #expect(copy["DBSnapshot"]?["SourceDBSnapshotIdentifier"] == "arn:aws:rds:us-east-1:111122223333:snapshot:legacy-snap")
        let copyEvents = try f.events(since: mark2)
        #expect(copyEvents.map(\.name) == ["GenerateDataKeyWithoutPlaintext", "Decrypt"])
        #expect(copyEvents.allSatisfy { $0.invokedBy == "rds.amazonaws.com" && $0.userName == "admin" })

        // 3. Restore a new instance from the encrypted copy: encrypted, with a new endpoint.
        let mark3 = f.auditCount
        let restored = try f.rds.call("RestoreDBInstanceFromDBSnapshot", input: ["DBInstanceIdentifier": "legacy-db-encrypted",
                                                                                 "DBSnapshotIdentifier": "legacy-snap-encrypted"], context: admin)
        #expect(restored["DBInstance"]?["StorageEncrypted"] == true && restored["DBInstance"]?["KmsKeyId"]?.stringValue == key)
        #expect(try f.events(since: mark3).map(\.name) == ["CreateGrant", "Decrypt"])
        let encrypted = try #require(try describe("legacy-db-encrypted"))
        let newEndpoint = try #require(encrypted["Endpoint"]?["Address"]?.stringValue)
        #expect(newEndpoint != oldEndpoint && newEndpoint.hasPrefix("legacy-db-encrypted."))
        #expect(encrypted["DbiResourceId"] != legacy["DbiResourceId"])

        // 4. The application switches endpoints: same rows, now readable only through KMS.
        let rows = try f.rds.query(endpoint: newEndpoint, context: admin)
        #expect(rows["orders"]?.map { $0["customer"] ?? "" } == ["Ada Lovelace", "Alan Turing", "Grace Hopper"])
        #expect(try f.rds.query(endpoint: oldEndpoint, context: admin) == rows)
        let mark4 = f.auditCount
        _ = try f.rds.query(endpoint: newEndpoint, context: admin)
        #expect(try f.events(since: mark4).map(\.name) == ["Decrypt"])
    }

    @Test func encryptedAtCreationWithTheAWSManagedKeyOrACMK() throws {
        let mark = f.auditCount
        let created = try create("enc-default", ["StorageEncrypted": true])
        let events = try f.events(since: mark)
        #expect(events.map(\.name) == ["CreateKey", "GenerateDataKeyWithoutPlaintext", "Decrypt", "CreateGrant"])
        #expect(events[0].invokedBy == "rds.amazonaws.com")
        let aliases = try f.engine.listAliases(ListAliasesRequest(), admin).Aliases
        let rdsKey = try #require(aliases.first { $0.AliasName == "alias/aws/rds" }?.TargetKeyId)
        #expect(created["DBInstance"]?["KmsKeyId"]?.stringValue?.hasSuffix(rdsKey) == true)
        #expect(created["DBInstance"]?["StorageEncryptionType"] == "sse-kms")
        let key = try f.createKey()
        let cmk = try create("enc-cmk", ["StorageEncrypted": true, "KmsKeyId": .string(key)])
        #expect(cmk["DBInstance"]?["KmsKeyId"]?.stringValue == key)
        expectServiceError("InvalidParameterCombination") { try create("bad", ["KmsKeyId": .string(key)]) }
        // A snapshot of an encrypted instance is encrypted with the same key, without a KMS request.
        let mark2 = f.auditCount
        let snap = try f.rds.call("CreateDBSnapshot", input: ["DBInstanceIdentifier": "enc-cmk", "DBSnapshotIdentifier": "enc-cmk-snap"],
                                  context: admin)
        #expect(snap["DBSnapshot"]?["Encrypted"] == true && snap["DBSnapshot"]?["KmsKeyId"]?.stringValue == key)
        #expect(try f.events(since: mark2).isEmpty)
        #expect(try !f.databaseContains(Data("Grace Hopper".utf8)))
    }

    @Test func aDisabledKeyMakesTheInstanceInaccessible() throws {
        let key = try f.createKey()
        _ = try create("secure", ["StorageEncrypted": true, "KmsKeyId": .string(key)])
        let endpoint = try #require(try describe("secure")?["Endpoint"]?["Address"]?.stringValue)
        try f.disableKey(key)
        #expect(try describe("secure")?["DBInstanceStatus"] == "inaccessible-encryption-credentials")
        expectServiceError("InvalidDBInstanceState") { try f.rds.query(endpoint: endpoint, context: admin) }
        expectServiceError("InvalidDBInstanceState", messageContains: "not currently in the available state") {
            try f.rds.call("CreateDBSnapshot", input: ["DBInstanceIdentifier": "secure", "DBSnapshotIdentifier": "s1"], context: admin)
        }
        try f.enableKey(key)
        #expect(try describe("secure")?["DBInstanceStatus"] == "available")
        #expect(try f.rds.query(endpoint: endpoint, context: admin)["orders"]?.count == 3)
        // Copying to a key the caller cannot use: KMSKeyNotAccessibleFault, with the refusal in the log.
        _ = try f.rds.call("CreateDBSnapshot", input: ["DBInstanceIdentifier": "secure", "DBSnapshotIdentifier": "s2"], context: admin)
        let other = try f.createKey()
        try f.disableKey(other)
        let mark = f.auditCount
        expectServiceError("KMSKeyNotAccessibleFault", messageContains: "does not exist, is not enabled") {
            try f.rds.call("CopyDBSnapshot", input: ["SourceDBSnapshotIdentifier": "s2", "TargetDBSnapshotIdentifier": "s2-copy",
                                                     "KmsKeyId": .string(other)], context: admin)
        }
        let events = try f.events(since: mark)
        #expect(events.map(\.name) == ["Decrypt", "GenerateDataKeyWithoutPlaintext"])
        #expect(events.last?.errorCode == "DisabledException")
        expectServiceError("DBSnapshotNotFound", status: 404) { try snapshot("s2-copy") }
        // Scheduled deletion: inaccessible; after the window the data is gone for good.
        _ = try f.engine.scheduleKeyDeletion(ScheduleKeyDeletionRequest(KeyId: key, PendingWindowInDays: 7), admin)
        #expect(try describe("secure")?["DBInstanceStatus"] == "inaccessible-encryption-credentials")
        try f.advance(seconds: 8 * 86400)
        expectServiceError("KMSKeyNotAccessibleFault") {
            try f.rds.call("RestoreDBInstanceFromDBSnapshot", input: ["DBInstanceIdentifier": "again", "DBSnapshotIdentifier": "s2"], context: admin)
        }
    }

    @Test func lifecycleErrorsAndRename() throws {
        _ = try create("app-db")
        expectServiceError("DBInstanceAlreadyExists") { try create("APP-DB") }
        expectServiceError("InvalidParameterValue", messageContains: "not a valid identifier") { try create("1bad") }
        expectServiceError("InvalidParameterValue", messageContains: "Invalid DB engine") { try create("x-db", ["Engine": "cobol"]) }
        expectServiceError("InvalidParameterValue", messageContains: "shorter than 8") { try create("y-db", ["MasterUserPassword": "short"]) }
        expectServiceError("DBInstanceNotFound", status: 404, messageContains: "DBInstance nope not found") { try describe("nope") }
        let renamed = try f.rds.call("ModifyDBInstance", input: ["DBInstanceIdentifier": "app-db", "NewDBInstanceIdentifier": "app-db-old",
                                                                 "ApplyImmediately": true], context: admin)
        #expect(renamed["DBInstance"]?["DBInstanceIdentifier"] == "app-db-old")
        #expect(try describe("app-db-old")?["Endpoint"]?["Address"]?.stringValue?.hasPrefix("app-db-old.") == true)
        expectServiceError("InvalidParameterCombination", messageContains: "FinalDBSnapshotIdentifier is required") {
            try f.rds.call("DeleteDBInstance", input: ["DBInstanceIdentifier": "app-db-old"], context: admin)
        }
        let deleted = try f.rds.call("DeleteDBInstance", input: ["DBInstanceIdentifier": "app-db-old", "FinalDBSnapshotIdentifier": "final"],
                                     context: admin)
        #expect(deleted["DBInstance"]?["DBInstanceStatus"] == "deleting")
        #expect(try snapshot("final")?["Status"] == "available")
        _ = try f.rds.call("DeleteDBSnapshot", input: ["DBSnapshotIdentifier": "final"], context: admin)
        expectServiceError("DBSnapshotNotFound") { try snapshot("final") }
        _ = try create("protected", ["DeletionProtection": true])
        expectServiceError("InvalidParameterCombination", messageContains: "protected") {
            try f.rds.call("DeleteDBInstance", input: ["DBInstanceIdentifier": "protected", "SkipFinalSnapshot": true], context: admin)
        }
    }

    @Test func grantIsRetiredWhenTheInstanceIsDeleted() throws {
        let key = try f.createKey()
        _ = try create("granted", ["StorageEncrypted": true, "KmsKeyId": .string(key)])
        #expect(try f.engine.listGrants(ListGrantsRequest(KeyId: key), admin).Grants.count == 1)
        _ = try f.rds.call("DeleteDBInstance", input: ["DBInstanceIdentifier": "granted", "SkipFinalSnapshot": true], context: admin)
        #expect(try f.engine.listGrants(ListGrantsRequest(KeyId: key), admin).Grants.isEmpty)
    }
}
