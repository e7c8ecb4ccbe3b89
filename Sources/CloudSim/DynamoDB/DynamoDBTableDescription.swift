import Foundation
import KMSEngine
import Wire

/// How DynamoDB reads `SSESpecification` and describes a table's encryption.
extension DynamoDBService {
    /// What `SSESpecification` asks for: the AWS owned key (nil), or a KMS key (the AWS managed
    /// key's alias when none is named).
    func requestedKey(_ spec: JSONObject?) throws -> String?? {
        guard let spec else { return .none }
        let enabled = spec["Enabled"]?.boolValue
        let type = spec["SSEType"]?.stringValue
        let keyId = spec["KMSMasterKeyId"]?.stringValue
        if enabled == false {
            if type != nil || keyId != nil {
                throw Self.validation("One or more parameter values were invalid: SSEType and KMSMasterKeyId cannot be specified when SSE is disabled (the AWS owned key is used).")
            }
            return .some(nil)
        }
        if enabled == nil {
            throw Self.validation("One or more parameter values were invalid: SSESpecification needs Enabled (true for a KMS key, false for the AWS owned key).")
        }
        if let type, type != "KMS" {
            throw Self.validation("One or more parameter values were invalid: SSEType \(type) is not supported; use KMS (or disable SSE for the AWS owned key).")
        }
        return .some(keyId ?? kms.service.aliasName)
    }

    /// `TableDescription` as DynamoDB returns it. `SSEDescription` is absent for a table under
    /// the AWS owned key, as in DynamoDB.
    func tableJSON(_ t: DynamoTable, _ context: RequestContext) throws -> JSONValue {
        let items = try store.records(service: serviceName, kind: DynamoKind.item, account: context.caller.accountId,
                                      region: context.region, prefix: "\(t.name)/")
        let size = try items.reduce(0) { $0 + (try $1.decode(DynamoItemRecord.self).size) }
        var o: JSONObject = [
            "AttributeDefinitions": .array(t.attributeDefinitions.map { ["AttributeName": .string($0.name), "AttributeType": .string($0.type)] }),
            "TableName": .string(t.name),
            "KeySchema": .array(t.keySchema.map { ["AttributeName": .string($0.name), "KeyType": .string($0.keyType)] }),
            "TableStatus": .string(t.status),
            "CreationDateTime": .double(t.creationDate.timeIntervalSince1970),
            "ProvisionedThroughput": ["NumberOfDecreasesToday": 0, "ReadCapacityUnits": .int(t.readCapacity),
                                      "WriteCapacityUnits": .int(t.writeCapacity)],
            "TableSizeBytes": .int(size),
            "ItemCount": .int(items.count),
            "TableArn": .string(tableARN(t.name, context)),
            "TableId": .string(t.tableId),
        ]
        if t.billingMode == "PAY_PER_REQUEST" {
            o["BillingModeSummary"] = ["BillingMode": "PAY_PER_REQUEST",
                                       "LastUpdateToPayPerRequestDateTime": .double((t.payPerRequestSince ?? t.creationDate).timeIntervalSince1970)]
        }
        if let arn = t.tableKey.keyArn {
            var sse: JSONObject = ["Status": "ENABLED", "SSEType": "KMS", "KMSMasterKeyArn": .string(arn)]
            if let since = t.inaccessibleSince { sse["InaccessibleEncryptionDateTime"] = .double(since.timeIntervalSince1970) }
            o["SSEDescription"] = .object(sse)
        }
        o["DeletionProtectionEnabled"] = .bool(t.deletionProtection)
        return .object(o)
    }
}
