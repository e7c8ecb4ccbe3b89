import Foundation
import KMSEngine
import Wire

/// CreateTable, DescribeTable, UpdateTable, DeleteTable, ListTables.
extension DynamoDBService {
    func createTable(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let name = try tableName(input)
        let definitions = try (input.array("AttributeDefinitions") ?? []).map { d -> DynamoAttributeDefinition in
            guard let n = d["AttributeName"]?.stringValue, let t = d["AttributeType"]?.stringValue, ["S", "N", "B"].contains(t) else {
                throw Self.validation("One or more parameter values were invalid: each AttributeDefinition needs AttributeName and AttributeType S, N or B")
            }
            return DynamoAttributeDefinition(name: n, type: t)
        }
        let schema = try (input.array("KeySchema") ?? []).map { k -> DynamoKeyElement in
            guard let n = k["AttributeName"]?.stringValue, let t = k["KeyType"]?.stringValue, t == "HASH" || t == "RANGE" else {
                throw Self.validation("One or more parameter values were invalid: each KeySchema element needs AttributeName and KeyType HASH or RANGE")
            }
            return DynamoKeyElement(name: n, keyType: t)
        }
        guard let first = schema.first, first.keyType == "HASH", schema.count <= 2, schema.dropFirst().allSatisfy({ $0.keyType == "RANGE" }) else {
            throw Self.validation("1 validation error detected: Value at 'keySchema' failed to satisfy constraint: a key schema is one HASH element, optionally followed by one RANGE element")
        }
        for element in schema where !definitions.contains(where: { $0.name == element.name }) {
            throw Self.validation("One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [\(element.name)], AttributeDefinitions: [\(definitions.map(\.name).joined(separator: ", "))]")
        }
        if definitions.count != schema.count {
            throw Self.validation("One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions")
        }
        let billing = try input.string("BillingMode") ?? "PROVISIONED"
        let throughput = try input.object("ProvisionedThroughput")
        var read = 0
        var write = 0
        switch billing {
        case "PROVISIONED":
            guard let r = throughput?["ReadCapacityUnits"]?.intValue, let w = throughput?["WriteCapacityUnits"]?.intValue, r > 0, w > 0 else {
                throw Self.validation("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED")
            }
            (read, write) = (r, w)
        case "PAY_PER_REQUEST":
            if throughput != nil {
                throw Self.validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST")
            }
        default:
            throw Self.validation("1 validation error detected: Value '\(billing)' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]")
        }
        let keyId = try requestedKey(try input.object("SSESpecification")) ?? nil
        return try store.atomically {
            if try loadTable(name, context) != nil { throw AWSServiceError("ResourceInUseException", "Table already exists: \(name)") }
            let tableId = engine.identifiers.uuid()
            let now = engine.clock.now()
            let (tableKey, plaintext, grant) = try wrapTableKey(nil, tableName: name, tableId: tableId, kmsKeyId: keyId, generation: 1, context)
            let table = DynamoTable(name: name, tableId: tableId, attributeDefinitions: definitions, keySchema: schema, billingMode: billing,
                                    readCapacity: read, writeCapacity: write, creationDate: now,
                                    payPerRequestSince: billing == "PAY_PER_REQUEST" ? now : nil, status: "ACTIVE", tableKey: tableKey,
                                    grantId: grant, inaccessibleSince: nil, inaccessibleByRefusal: nil,
                                    deletionProtection: try input.bool("DeletionProtectionEnabled") ?? false)
            try saveTable(table, context)
            if table.usesKMS {
                // DynamoDB keeps the table key it was just given.
                let service = kms.serviceCaller(account: context.caller.accountId, region: context.region)
                try tableKeys.remember(plaintext, account: context.caller.accountId, region: context.region, keyName: cacheName(table),
                                       principal: service.caller.arn, purpose: .generate)
            }
            var response = table
            response.status = "CREATING"
            return ["TableDescription": try tableJSON(response, context)]
        }
    }

    func describeTable(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let name = try tableName(input)
        return try store.atomically {
            guard var table = try loadTable(name, context) else {
                throw AWSServiceError("ResourceNotFoundException", "Requested resource not found: Table: \(name) not found")
            }
            try refreshHealth(&table, context)
            return ["Table": try tableJSON(table, context)]
        }
    }

    /// Switches a table between the AWS owned key, the AWS managed key and a customer managed
    /// key: the table key stays, re-wrapped under the new key (items are not re-encrypted).
    func updateTable(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let name = try tableName(input)
        let spec = try input.object("SSESpecification")
        let target = try requestedKey(spec)
        let billing = try input.string("BillingMode")
        let throughput = try input.object("ProvisionedThroughput")
        if spec == nil && billing == nil && throughput == nil && !input.has("DeletionProtectionEnabled") {
            throw Self.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required")
        }
        return try store.atomically {
            guard var table = try loadTable(name, context) else {
                throw AWSServiceError("ResourceNotFoundException", "Requested resource not found: Table: \(name) not found")
            }
            if let p = try input.bool("DeletionProtectionEnabled") { table.deletionProtection = p }
            if let billing {
                table.billingMode = billing
                if billing == "PAY_PER_REQUEST" { (table.readCapacity, table.writeCapacity) = (0, 0); table.payPerRequestSince = engine.clock.now() }
            }
            if let r = throughput?["ReadCapacityUnits"]?.intValue, let w = throughput?["WriteCapacityUnits"]?.intValue {
                table.readCapacity = r
                table.writeCapacity = w
            }
            var switching = false
            if case .some(let newKey) = target {
                if newKey == nil && !table.usesKMS {
                    throw Self.validation("Table is already encrypted by default")
                }
                let plaintext = try tableKeyPlaintext(&table, context)
                let (tableKey, _, grant) = try wrapTableKey(plaintext, tableName: table.name, tableId: table.tableId, kmsKeyId: newKey,
                                                            generation: table.tableKey.generation + 1, context)
                if let oldGrant = table.grantId, let oldKey = table.tableKey.keyArn {
                    kms.retireGrant(keyArn: oldKey, grantId: oldGrant, account: context.caller.accountId, region: context.region)
                }
                try tableKeys.forget(account: context.caller.accountId, region: context.region, keyNamePrefix: "\(table.tableId)#")
                table.tableKey = tableKey
                table.grantId = grant
                table.status = "ACTIVE"
                table.inaccessibleSince = nil
                table.inaccessibleByRefusal = nil
                switching = true
            }
            try saveTable(table, context)
            var response = table
            response.status = "UPDATING"
            var json = try tableJSON(response, context)
            if switching, table.usesKMS, case .object(var o) = json, case .object(var sse)? = o["SSEDescription"] {
                sse["Status"] = "UPDATING"
                o["SSEDescription"] = .object(sse)
                json = .object(o)
            }
            return ["TableDescription": json]
        }
    }

    func deleteTable(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let name = try tableName(input)
        return try store.atomically {
            guard var table = try loadTable(name, context) else {
                throw AWSServiceError("ResourceNotFoundException", "Requested resource not found: Table: \(name) not found")
            }
            if table.deletionProtection {
                throw Self.validation("Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.")
            }
            let description = try tableJSON({ var t = table; t.status = "DELETING"; return t }(), context)
            if let grant = table.grantId, let key = table.tableKey.keyArn {
                kms.retireGrant(keyArn: key, grantId: grant, account: context.caller.accountId, region: context.region)
            }
            try tableKeys.forget(account: context.caller.accountId, region: context.region, keyNamePrefix: "\(table.tableId)#")
            try store.deleteAll(service: serviceName, kind: DynamoKind.item, account: context.caller.accountId, region: context.region,
                                prefix: "\(table.name)/")
            try store.delete(tableKey(table.name, context))
            table.status = "DELETING"
            return ["TableDescription": description]
        }
    }

    func listTables(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let limit = try input.int("Limit") ?? 100
        guard (1...100).contains(limit) else {
            throw Self.validation("1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100")
        }
        let start = try input.string("ExclusiveStartTableName")
        let records = try store.records(service: serviceName, kind: DynamoKind.table, account: context.caller.accountId,
                                        region: context.region, prefix: "", after: start, limit: limit + 1)
        let names = records.prefix(limit).map { JSONValue.string($0.key.name) }
        var out: JSONObject = ["TableNames": .array(Array(names))]
        if records.count > limit, let last = names.last { out["LastEvaluatedTableName"] = last }
        return .object(out)
    }
}
