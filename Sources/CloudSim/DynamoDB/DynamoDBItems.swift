import Foundation
import KMSEngine
import Wire

/// PutItem, GetItem, DeleteItem. Items are sealed with data keys derived from the table key;
/// even their primary key values are stored only as an HMAC under the table key.
extension DynamoDBService {
    static let attributeTypes: Set<String> = ["S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL"]

    func putItem(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let name = try tableName(input)
        guard let item = try input.object("Item") else {
            throw Self.validation("1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null")
        }
        try Self.checkValues(item)
        let returnValues = try input.string("ReturnValues") ?? "NONE"
        guard returnValues == "NONE" || returnValues == "ALL_OLD" else {
            throw Self.validation("ReturnValues can only be ALL_OLD or NONE")
        }
        let document = JSONWriter.compact(.object(item))
        if document.utf8.count > 400 * 1024 { throw Self.validation("Item size has exceeded the maximum allowed size") }
        return try store.atomically {
            var table = try requireTable(name, context)
            let key = try Self.key(of: item, table: table, missingMessage: { "One or more parameter values were invalid: Missing the key \($0) in the item" })
            let tableKey = try tableKeyPlaintext(&table, context)
            let recordKey = itemKey(table, tableKey: tableKey, key: key, context)
            let old = try readItem(recordKey, table: table, tableKey: tableKey)
            try checkCondition(input, existing: old)
            let salt = engine.random.bytes(16)
            let sealed = try EnvelopeCipher.seal(Data(document.utf8), key: itemDataKey(tableKey, salt: salt, table: table, name: recordKey.name),
                                                 aad: recordKey.name, random: engine.random)
            try store.put(try ServiceRecord(key: recordKey, encoding: DynamoItemRecord(salt: salt, size: document.utf8.count), payload: sealed))
            var out = JSONObject()
            if returnValues == "ALL_OLD", let old { out["Attributes"] = .object(old) }
            if let consumed = try Self.consumedCapacity(input, table: name, units: 1) { out["ConsumedCapacity"] = consumed }
            return .object(out)
        }
    }

    func getItem(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let name = try tableName(input)
        guard let keyInput = try input.object("Key") else {
            throw Self.validation("1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null")
        }
        return try store.atomically {
            var table = try requireTable(name, context)
            let key = try Self.exactKey(keyInput, table: table)
            let tableKey = try tableKeyPlaintext(&table, context)
            var out = JSONObject()
            if var item = try readItem(itemKey(table, tableKey: tableKey, key: key, context), table: table, tableKey: tableKey) {
                if let projection = try input.string("ProjectionExpression") {
                    item = try Self.project(item, projection, names: try input.stringMap("ExpressionAttributeNames") ?? [:])
                }
                out["Item"] = .object(item)
            }
            if let consumed = try Self.consumedCapacity(input, table: name, units: 0.5) { out["ConsumedCapacity"] = consumed }
            return .object(out)
        }
    }

    func deleteItem(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let name = try tableName(input)
        guard let keyInput = try input.object("Key") else {
            throw Self.validation("1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null")
        }
        let returnValues = try input.string("ReturnValues") ?? "NONE"
        return try store.atomically {
            var table = try requireTable(name, context)
            let key = try Self.exactKey(keyInput, table: table)
            let tableKey = try tableKeyPlaintext(&table, context)
            let recordKey = itemKey(table, tableKey: tableKey, key: key, context)
            let old = try readItem(recordKey, table: table, tableKey: tableKey)
            try checkCondition(input, existing: old)
            try store.delete(recordKey)
            var out = JSONObject()
            if returnValues == "ALL_OLD", let old { out["Attributes"] = .object(old) }
            if let consumed = try Self.consumedCapacity(input, table: name, units: 1) { out["ConsumedCapacity"] = consumed }
            return .object(out)
        }
    }

    // MARK: Helpers

    func requireTable(_ name: String, _ context: RequestContext) throws -> DynamoTable {
        guard let table = try loadTable(name, context) else {
            throw AWSServiceError("ResourceNotFoundException", "Requested resource not found")
        }
        return table
    }

    /// The record of an item: named by an HMAC of its primary key under the table key.
    func itemKey(_ table: DynamoTable, tableKey: Data, key: JSONObject, _ context: RequestContext) -> ServiceRecordKey {
        let canonical = JSONWriter.compact(.object(key), sortedKeys: true)
        let mac = EnvelopeCipher.hmac(key: EnvelopeCipher.derive(from: tableKey, salt: Data(), info: "dynamodb-item-names"), Data(canonical.utf8))
        return ServiceRecordKey(service: serviceName, kind: DynamoKind.item, account: context.caller.accountId, region: context.region,
                                name: "\(table.name)/" + mac.map { String(format: "%02x", $0) }.joined())
    }

    func itemDataKey(_ tableKey: Data, salt: Data, table: DynamoTable, name: String) -> Data {
        EnvelopeCipher.derive(from: tableKey, salt: salt, info: "dynamodb-item|\(table.tableId)|\(name)")
    }

    func readItem(_ key: ServiceRecordKey, table: DynamoTable, tableKey: Data) throws -> JSONObject? {
        guard let record = try store.record(key), let sealed = record.payload else { return nil }
        let meta = try record.decode(DynamoItemRecord.self)
        guard let plain = EnvelopeCipher.open(sealed, key: itemDataKey(tableKey, salt: meta.salt, table: table, name: key.name), aad: key.name),
            let text = String(data: plain, encoding: .utf8), let item = try? JSONParser.parse(text).objectValue
        else {
            throw AWSServiceError("InternalServerError", "An item of \(table.name) does not decrypt: it was altered.", httpStatus: 500)
        }
        return item
    }

    static func checkValues(_ item: JSONObject) throws {
        for (name, value) in item {
            guard let o = value.objectValue, o.count == 1, let type = o.keys.first, attributeTypes.contains(type) else {
                throw validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes (attribute \(name))")
            }
        }
    }

    /// The item's primary key attributes, checked against the key schema.
    static func key(of item: JSONObject, table: DynamoTable, missingMessage: (String) -> String) throws -> JSONObject {
        var key = JSONObject()
        for element in table.keySchema {
            guard let value = item[element.name]?.objectValue, let type = value.keys.first else {
                throw validation(missingMessage(element.name))
            }
            let expected = table.attributeDefinitions.first { $0.name == element.name }?.type ?? "S"
            guard type == expected else {
                throw validation("One or more parameter values were invalid: Type mismatch for key \(element.name) expected: \(expected) actual: \(type)")
            }
            if (type == "S" || type == "B"), value[type]?.stringValue?.isEmpty == true {
                throw validation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: \(element.name)")
            }
            key[element.name] = .object(value)
        }
        return key
    }

    /// A `Key` member: exactly the key schema's attributes.
    static func exactKey(_ input: JSONObject, table: DynamoTable) throws -> JSONObject {
        guard input.count == table.keySchema.count, table.keySchema.allSatisfy({ input.contains($0.name) }) else {
            throw validation("The provided key element does not match the schema")
        }
        return try key(of: input, table: table) { _ in "The provided key element does not match the schema" }
    }

    /// `attribute_exists(path)` and `attribute_not_exists(path)`, the conditions drills use.
    func checkCondition(_ input: WireInput, existing: JSONObject?) throws {
        guard let expression = try input.string("ConditionExpression") else { return }
        let names = try input.stringMap("ExpressionAttributeNames") ?? [:]
        let trimmed = expression.trimmingCharacters(in: .whitespaces)
        for (function, wantExists) in [("attribute_not_exists", false), ("attribute_exists", true)] where trimmed.hasPrefix(function + "(") && trimmed.hasSuffix(")") {
            let argument = trimmed.dropFirst(function.count + 1).dropLast().trimmingCharacters(in: .whitespaces)
            let attribute = names[argument] ?? argument
            if argument.hasPrefix("#") && names[argument] == nil {
                throw Self.validation("Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: \(argument)")
            }
            let exists = existing?[attribute] != nil
            if exists != wantExists {
                throw AWSServiceError("ConditionalCheckFailedException", "The conditional request failed")
            }
            return
        }
        throw Self.validation("KMS Drill evaluates ConditionExpression attribute_exists(path) and attribute_not_exists(path) only; got: \(expression)")
    }

    static func project(_ item: JSONObject, _ projection: String, names: [String: String]) throws -> JSONObject {
        var out = JSONObject()
        for part in projection.split(separator: ",") {
            let token = part.trimmingCharacters(in: .whitespaces)
            let name = names[token] ?? token
            if let v = item[name] { out[name] = v }
        }
        return out
    }

    static func consumedCapacity(_ input: WireInput, table: String, units: Double) throws -> JSONValue? {
        guard let mode = try input.string("ReturnConsumedCapacity"), mode != "NONE" else { return nil }
        return ["TableName": .string(table), "CapacityUnits": .double(units)]
    }
}
