import CloudSim
import Foundation
import KMSEngine
import Testing
import TestSupport
import Wire

/// A service operation and the KMS calls it makes commit together, on a home database file as
/// well as in memory; a refused KMS call leaves its audit record and no resource.
@Suite struct ServiceTransactionTests {
    @Test func onAHomeDatabaseFileServiceCallsCommitWithTheirAuditRecords() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kmsdrill-services-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("home.sqlite").path
        do {
            let f = try ServiceFixture(path: path)
            _ = try f.s3.call("CreateBucket", input: ["Bucket": "file-home"], context: Callers.admin)
            let started = Date()
            _ = try f.s3.call("PutObject", input: ["Bucket": "file-home", "Key": "k", "Body": b64("durable"), "ServerSideEncryption": "aws:kms"],
                              context: Callers.admin)
            #expect(Date().timeIntervalSince(started) < 5, "the KMS audit record must join the service's transaction, not wait for it")
        }
        // A fresh process on the same home sees the object and the KMS events that made it.
        let reopened = try ServiceFixture(path: path)
        #expect(try reopened.events(since: 0).map(\.name).suffix(2) == ["CreateKey", "GenerateDataKey"])
        let key = try #require(try reopened.auditRecords().last?["resources"]?.arrayValue?.first?["ARN"]?.stringValue)
        #expect(key.contains(":key/"))
    }

    @Test func aRefusedKMSCallLeavesItsRecordAndNoResource() throws {
        let f = try ServiceFixture()
        _ = try f.s3.call("CreateBucket", input: ["Bucket": "tx-bucket"], context: Callers.admin)
        let key = try f.createKey()
        try f.disableKey(key)
        let mark = f.auditCount
        expectServiceError("KMS.DisabledException") {
            try f.s3.call("PutObject", input: ["Bucket": "tx-bucket", "Key": "k", "Body": b64("x"), "ServerSideEncryption": "aws:kms",
                                               "SSEKMSKeyId": .string(key)], context: Callers.admin)
        }
        #expect(try f.events(since: mark).map(\.errorCode) == ["DisabledException"])
        #expect(try f.s3.call("ListObjectsV2", input: ["Bucket": "tx-bucket"], context: Callers.admin)["KeyCount"] == 0)
        // DynamoDB: the refused table creation leaves DescribeKey's refusal and no table.
        let mark2 = f.auditCount
        let e = expectServiceError("AccessDeniedException") {
            try f.dynamodb.call("CreateTable", input: [
                "TableName": "Tx1", "AttributeDefinitions": [["AttributeName": "id", "AttributeType": "S"]],
                "KeySchema": [["AttributeName": "id", "KeyType": "HASH"]], "BillingMode": "PAY_PER_REQUEST",
                "SSESpecification": ["Enabled": true, "KMSMasterKeyId": .string(key)],
            ], context: Callers.admin)
        }
        #expect(try f.events(since: mark2).map(\.name).contains("CreateGrant"), "\(String(describing: e))")
        #expect(try f.dynamodb.call("ListTables", input: [:], context: Callers.admin)["TableNames"] == [])
    }
}
