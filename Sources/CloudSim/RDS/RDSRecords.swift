import Foundation

/// An RDS data key as RDS keeps it: encrypted under the instance's KMS key.
struct RDSDataKey: Codable {
    var keyArn: String
    var encryptedKey: Data
}

struct RDSTag: Codable, Equatable {
    var key: String
    var value: String
}

struct RDSInstance: Codable {
    /// Stored lowercase, as RDS stores identifiers.
    var identifier: String
    var engine: String
    var engineVersion: String
    var instanceClass: String
    var allocatedStorage: Int
    var storageType: String
    var masterUsername: String
    var dbName: String?
    var port: Int
    var status: String
    var createTime: Date
    var availabilityZone: String
    var backupRetentionPeriod: Int
    var multiAZ: Bool
    var publiclyAccessible: Bool
    var deletionProtection: Bool
    var licenseModel: String
    var storageEncrypted: Bool
    var kmsKeyId: String?
    var dataKey: RDSDataKey?
    /// The grant RDS holds on the key for this instance.
    var grantId: String?
    var dbiResourceId: String
    var tags: [RDSTag]
    /// Set when the instance's key was found unusable (RDS's own monitoring).
    var inaccessibleSince: Date?
}

struct RDSSnapshot: Codable {
    var identifier: String
    var instanceIdentifier: String
    var engine: String
    var engineVersion: String
    var instanceClass: String
    var allocatedStorage: Int
    var storageType: String
    var masterUsername: String
    var dbName: String?
    var port: Int
    var availabilityZone: String
    var instanceCreateTime: Date
    var snapshotCreateTime: Date
    var status: String
    var licenseModel: String
    var encrypted: Bool
    var kmsKeyId: String?
    var dataKey: RDSDataKey?
    var dbiResourceId: String
    var snapshotType: String
    /// For a copy: the source snapshot's ARN and Region.
    var sourceSnapshotArn: String?
    var sourceRegion: String?
    var tags: [RDSTag]
}

enum RDSKind {
    static let instance = "db-instance"
    static let snapshot = "db-snapshot"
}

/// The database's contents: a small table of rows, standing for the data on the instance's
/// storage (sealed under the instance's data key when the storage is encrypted).
enum RDSSampleData {
    static func initial(engine: String) -> Data {
        let rows: [[String: String]] = [
            ["order_id": "1001", "customer": "Ada Lovelace", "card_last4": "4242", "total": "129.99"],
            ["order_id": "1002", "customer": "Alan Turing", "card_last4": "1881", "total": "42.00"],
            ["order_id": "1003", "customer": "Grace Hopper", "card_last4": "9000", "total": "310.50"],
        ]
        return encode(["orders": rows])
    }

    static func encode(_ tables: [String: [[String: String]]]) -> Data {
        (try? JSONEncoder.sorted.encode(tables)) ?? Data("{}".utf8)
    }

    static func decode(_ data: Data) -> [String: [[String: String]]]? {
        try? JSONDecoder().decode([String: [[String: String]]].self, from: data)
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = .sortedKeys
        return e
    }
}
