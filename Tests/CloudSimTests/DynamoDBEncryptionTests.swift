import CloudSim
import Foundation
import KMSEngine
import Testing
import TestSupport
import Wire

/// F18, F3, F4: DynamoDB is always encrypted: AWS owned key by default (no KMS events), the AWS
/// managed key aws/dynamodb, or a customer managed key.
@Suite struct DynamoDBEncryptionTests {
    let f: ServiceFixture
    let admin = Callers.admin

    init() throws {
        f = try ServiceFixture()
    }

    func createTable(_ name: String, sse: JSONValue? = nil, as context: RequestContext = Callers.admin) throws -> JSONValue {
        var input: JSONObject = [
            "TableName": .string(name),
            "AttributeDefinitions": [["AttributeName": "pk", "AttributeType": "S"]],
            "KeySchema": [["AttributeName": "pk", "KeyType": "HASH"]],
            "BillingMode": "PAY_PER_REQUEST",
        ]
        if let sse { input["SSESpecification"] = sse }
        return try f.dynamodb.call("CreateTable", input: .object(input), context: context)
    }

    func put(_ table: String, _ pk: String, _ secret: String, as context: RequestContext = Callers.admin) throws {
        _ = try f.dynamodb.call("PutItem", input: ["TableName": .string(table), "Item": ["pk": ["S": .string(pk)], "secret": ["S": .string(secret)]]],
                                context: context)
    }

    func get(_ table: String, _ pk: String, as context: RequestContext = Callers.admin) throws -> String? {
        try f.dynamodb.call("GetItem", input: ["TableName": .string(table), "Key": ["pk": ["S": .string(pk)]]], context: context)["Item"]?["secret"]?["S"]?.stringValue
    }

    func describe(_ table: String) throws -> JSONValue? {
        try f.dynamodb.call("DescribeTable", input: ["TableName": .string(table)], context: admin)["Table"]
    }

    @Test func theDefaultIsTheAWSOwnedKeyWithNoKMSEvents() throws {
        let mark = f.auditCount
        let created = try createTable("Owned")
        #expect(created["TableDescription"]?["TableStatus"] == "CREATING")
        #expect(created["TableDescription"]?["SSEDescription"] == nil)
        try put("Owned", "user#1", "ssn 078-05-1120")
        #expect(try get("Owned", "user#1") == "ssn 078-05-1120")
        let table = try #require(try describe("Owned"))
        #expect(table["SSEDescription"] == nil, "DescribeTable shows no SSEDescription for the AWS owned key")
        #expect(table["TableStatus"] == "ACTIVE" && table["ItemCount"] == 1)
        #expect(try f.events(since: mark).isEmpty)
        #expect(try !f.databaseContains(Data("078-05-1120".utf8)))
        #expect(try !f.databaseContains(Data("user#1".utf8)), "even key values are not stored in plaintext")
    }

    @Test func theAWSManagedKeyOnRequest() throws {
        let mark = f.auditCount
        let created = try createTable("Managed", sse: ["Enabled": true, "SSEType": "KMS"])
        let sse = try #require(created["TableDescription"]?["SSEDescription"])
        let aliases = try f.engine.listAliases(ListAliasesRequest(), admin).Aliases
        let managed = try #require(aliases.first { $0.AliasName == "alias/aws/dynamodb" }?.TargetKeyId)
        #expect(sse["Status"] == "ENABLED" && sse["SSEType"] == "KMS")
        #expect(sse["KMSMasterKeyArn"]?.stringValue == "arn:aws:kms:us-east-1:111122223333:key/\(managed)")
        let events = try f.events(since: mark).filter { $0.name != "ListAliases" }
        #expect(events.map(\.name) == ["CreateKey", "DescribeKey", "CreateGrant", "GenerateDataKey"])
        let context = ["aws:dynamodb:tableName": "Managed", "aws:dynamodb:subscriberId": "111122223333"]
        #expect(events[2].userName == "admin" && events[2].invokedBy == "dynamodb.amazonaws.com")
        #expect(events[2].record["requestParameters"]?["constraints"]?["encryptionContextSubset"]?["aws:dynamodb:tableName"] == "Managed")
        // The table key comes to DynamoDB itself, through its grant.
        #expect(events[3].context == context && events[3].userName == nil && events[3].invokedBy == "dynamodb.amazonaws.com")
    }

    @Test func aCustomerManagedKeyAndTheTableKeyCache() throws {
        let key = try f.createKey()
        _ = try createTable("Orders", sse: ["Enabled": true, "SSEType": "KMS", "KMSMasterKeyId": .string(key)])
        #expect(try describe("Orders")?["SSEDescription"]?["KMSMasterKeyArn"]?.stringValue == key)
        let mark = f.auditCount
        for i in 0..<5 { try put("Orders", "o\(i)", "card \(i)") }
        #expect(try get("Orders", "o3") == "card 3")
        #expect(try f.events(since: mark).isEmpty, "DynamoDB still holds the table key KMS just gave it")
        try f.advance(seconds: 301)
        let mark2 = f.auditCount
        for i in 0..<5 { #expect(try get("Orders", "o\(i)") == "card \(i)") }
        let reads = try f.events(since: mark2)
        #expect(reads.map(\.name) == ["Decrypt"], "one Decrypt serves every request for a few minutes")
        #expect(reads.first?.context == ["aws:dynamodb:tableName": "Orders", "aws:dynamodb:subscriberId": "111122223333"])
        // Bob has no KMS permission, but reads through DynamoDB's grant as any table user would.
        #expect(try get("Orders", "o1", as: Callers.bob) == "card 1")
        // Creating a table with that key needs KMS permissions (DescribeKey, CreateGrant): bob has none.
        expectServiceError("AccessDeniedException", messageContains: "KMS key access denied error") {
            try createTable("BobsTable", sse: ["Enabled": true, "SSEType": "KMS", "KMSMasterKeyId": .string(key)], as: Callers.bob)
        }
        expectServiceError("ResourceNotFoundException") { try describe("BobsTable") }
    }

    @Test func aDisabledKeyOrARevokedGrantMakesTheTableInaccessible() throws {
        let key = try f.createKey()
        _ = try createTable("Vault", sse: ["Enabled": true, "SSEType": "KMS", "KMSMasterKeyId": .string(key)])
        try put("Vault", "k", "v")
        try f.disableKey(key)
        let table = try #require(try describe("Vault"))
        #expect(table["TableStatus"] == "INACCESSIBLE_ENCRYPTION_CREDENTIALS")
        #expect(table["SSEDescription"]?["InaccessibleEncryptionDateTime"] != nil)
        let mark = f.auditCount
        expectServiceError("AccessDeniedException", messageContains: "DisabledException") { try get("Vault", "k") }
        #expect(try f.events(since: mark).map { "\($0.name):\($0.errorCode ?? "")" } == ["Decrypt:DisabledException"])
        try f.enableKey(key)
        #expect(try describe("Vault")?["TableStatus"] == "ACTIVE")
        #expect(try get("Vault", "k") == "v")
        // Revoking DynamoDB's grant cuts DynamoDB off as well.
        let grant = try #require(try f.engine.listGrants(ListGrantsRequest(KeyId: key), admin).Grants.first)
        #expect(grant.GranteePrincipal == "dynamodb.us-east-1.amazonaws.com")
        try f.engine.revokeGrant(RevokeGrantRequest(KeyId: key, GrantId: grant.GrantId), admin)
        try f.advance(seconds: 301)
        expectServiceError("AccessDeniedException") { try get("Vault", "k") }
        #expect(try describe("Vault")?["TableStatus"] == "INACCESSIBLE_ENCRYPTION_CREDENTIALS")
    }

    @Test func updateTableSwitchesBetweenTheThreeKeys() throws {
        _ = try createTable("Switch")
        try put("Switch", "a", "alpha")
        let key = try f.createKey()
        let mark = f.auditCount
        let toCMK = try f.dynamodb.call("UpdateTable", input: ["TableName": "Switch",
                                                               "SSESpecification": ["Enabled": true, "SSEType": "KMS", "KMSMasterKeyId": .string(key)]],
                                        context: admin)
        #expect(toCMK["TableDescription"]?["SSEDescription"]?["Status"] == "UPDATING")
        #expect(try f.events(since: mark).map(\.name) == ["DescribeKey", "CreateGrant", "Encrypt"])
        #expect(try describe("Switch")?["SSEDescription"]?["KMSMasterKeyArn"]?.stringValue == key)
        #expect(try get("Switch", "a") == "alpha", "items stay readable: the table key was re-wrapped")
        let mark2 = f.auditCount
        _ = try f.dynamodb.call("UpdateTable", input: ["TableName": "Switch", "SSESpecification": ["Enabled": true, "SSEType": "KMS"]], context: admin)
        let managedSwitch = try f.events(since: mark2).map(\.name)
        #expect(managedSwitch.contains("RetireGrant") && managedSwitch.contains("CreateKey"))
        #expect(try describe("Switch")?["SSEDescription"]?["KMSMasterKeyArn"]?.stringValue != key)
        _ = try f.dynamodb.call("UpdateTable", input: ["TableName": "Switch", "SSESpecification": ["Enabled": false]], context: admin)
        #expect(try describe("Switch")?["SSEDescription"] == nil)
        #expect(try get("Switch", "a") == "alpha")
        expectServiceError("ValidationException", messageContains: "already encrypted by default") {
            try f.dynamodb.call("UpdateTable", input: ["TableName": "Switch", "SSESpecification": ["Enabled": false]], context: admin)
        }
    }

    @Test func itemsAndTablesBehaveAsDynamoDB() throws {
        _ = try createTable("Items")
        expectServiceError("ResourceInUseException", messageContains: "Table already exists: Items") { try createTable("Items") }
        expectServiceError("ValidationException", messageContains: "Missing the key pk") {
            try f.dynamodb.call("PutItem", input: ["TableName": "Items", "Item": ["other": ["S": "x"]]], context: admin)
        }
        expectServiceError("ValidationException", messageContains: "Type mismatch for key pk") {
            try f.dynamodb.call("PutItem", input: ["TableName": "Items", "Item": ["pk": ["N": "1"]]], context: admin)
        }
        expectServiceError("ValidationException", messageContains: "does not match the schema") {
            try f.dynamodb.call("GetItem", input: ["TableName": "Items", "Key": ["pk": ["S": "a"], "sk": ["S": "b"]]], context: admin)
        }
        try put("Items", "a", "1")
        expectServiceError("ConditionalCheckFailedException") {
            try f.dynamodb.call("PutItem", input: ["TableName": "Items", "Item": ["pk": ["S": "a"]], "ConditionExpression": "attribute_not_exists(pk)"],
                                context: admin)
        }
        let old = try f.dynamodb.call("PutItem", input: ["TableName": "Items", "Item": ["pk": ["S": "a"], "secret": ["S": "2"]], "ReturnValues": "ALL_OLD"],
                                      context: admin)
        #expect(old["Attributes"]?["secret"] == ["S": "1"])
        #expect(try get("Items", "a") == "2")
        #expect(try f.dynamodb.call("GetItem", input: ["TableName": "Items", "Key": ["pk": ["S": "zz"]]], context: admin) == .object(JSONObject()))
        _ = try f.dynamodb.call("DeleteItem", input: ["TableName": "Items", "Key": ["pk": ["S": "a"]]], context: admin)
        #expect(try get("Items", "a") == nil)
        _ = try createTable("Other")
        #expect(try f.dynamodb.call("ListTables", input: [:], context: admin)["TableNames"] == ["Items", "Other"])
        let page = try f.dynamodb.call("ListTables", input: ["Limit": 1], context: admin)
        #expect(page["TableNames"] == ["Items"] && page["LastEvaluatedTableName"] == "Items")
        let deleted = try f.dynamodb.call("DeleteTable", input: ["TableName": "Items"], context: admin)
        #expect(deleted["TableDescription"]?["TableStatus"] == "DELETING")
        expectServiceError("ResourceNotFoundException", messageContains: "Requested resource not found") { try get("Items", "a") }
        expectServiceError("ValidationException") {
            try f.dynamodb.call("CreateTable", input: ["TableName": "No", "AttributeDefinitions": [], "KeySchema": []], context: admin)
        }
        expectServiceError("ValidationException", messageContains: "PROVISIONED") {
            try f.dynamodb.call("CreateTable", input: ["TableName": "Prov", "AttributeDefinitions": [["AttributeName": "pk", "AttributeType": "S"]],
                                                      "KeySchema": [["AttributeName": "pk", "KeyType": "HASH"]]], context: admin)
        }
    }
}
