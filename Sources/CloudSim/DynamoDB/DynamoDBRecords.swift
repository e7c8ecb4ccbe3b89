import Foundation

struct DynamoAttributeDefinition: Codable, Equatable {
    var name: String
    var type: String
}

struct DynamoKeyElement: Codable, Equatable {
    var name: String
    var keyType: String
}

/// Where a table's key is kept: wrapped under DynamoDB's AWS owned key, or encrypted by KMS
/// under the table's KMS key (an AWS managed or customer managed key).
struct DynamoTableKey: Codable {
    var ownedWrapped: Data?
    var kmsEncrypted: Data?
    var keyArn: String?
    /// Bumped when the table's key is re-wrapped, so cached copies of the old wrapping are dropped.
    var generation: Int
}

struct DynamoTable: Codable {
    var name: String
    var tableId: String
    var attributeDefinitions: [DynamoAttributeDefinition]
    var keySchema: [DynamoKeyElement]
    var billingMode: String
    var readCapacity: Int
    var writeCapacity: Int
    var creationDate: Date
    var payPerRequestSince: Date?
    var status: String
    var tableKey: DynamoTableKey
    /// The grant DynamoDB holds on the table's KMS key.
    var grantId: String?
    var inaccessibleSince: Date?
    /// Why: the key's state (cleared when the key is usable again) or a refusal by KMS such as a
    /// revoked grant (cleared by the next request KMS allows).
    var inaccessibleByRefusal: Bool?
    var deletionProtection: Bool

    var usesKMS: Bool { tableKey.keyArn != nil }
}

/// An item's metadata; the item itself is the record's payload, sealed.
struct DynamoItemRecord: Codable {
    /// Salt of the item's data key, derived from the table key.
    var salt: Data
    var size: Int
}

enum DynamoKind {
    static let table = "table"
    static let item = "item"
}
