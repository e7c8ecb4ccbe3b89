import Foundation

/// The per-account, per-Region EBS encryption settings.
struct EBSSettings: Codable {
    var encryptionByDefault = false
    /// The key set by ModifyEbsDefaultKmsKeyId, in ARN form; nil means the AWS managed key.
    var defaultKmsKeyId: String?

    static let managedKeyAlias = "alias/aws/ebs"
}

/// A volume's or snapshot's data key as EBS stores it: encrypted under the KMS key, with the
/// encryption context it was generated with.
struct EBSDataKey: Codable {
    var keyArn: String
    var encryptedKey: Data
    var context: [String: String]
}

struct EC2Tag: Codable, Equatable {
    var key: String
    var value: String
}

struct EBSVolume: Codable {
    var volumeId: String
    var availabilityZone: String
    var size: Int
    var volumeType: String
    var iops: Int?
    var throughput: Int?
    /// "" when the volume was not created from a snapshot (as EC2 reports it).
    var snapshotId: String
    var createTime: Date
    var state: String
    var encrypted: Bool
    var kmsKeyId: String?
    var dataKey: EBSDataKey?
    /// The grant EC2 created so it can decrypt the volume's data key when it attaches it.
    var grantId: String?
    var tags: [EC2Tag]
}

struct EBSSnapshot: Codable {
    var snapshotId: String
    /// The source volume; copies show `vol-ffffffff`, as EC2 shows them.
    var volumeId: String
    var volumeSize: Int
    var state: String
    var stateMessage: String?
    var startTime: Date
    var description: String
    var ownerId: String
    var encrypted: Bool
    var kmsKeyId: String?
    var dataKey: EBSDataKey?
    var tags: [EC2Tag]
}

enum EBSKind {
    static let settings = "ebs-settings"
    static let volume = "volume"
    static let snapshot = "snapshot"
}

/// The simulated block content of a new volume: a few bytes standing for its blocks, so that
/// encryption (or its absence) is real and visible in the database.
enum EBSBlocks {
    static func initial(volumeId: String, size: Int) -> Data {
        Data("KMSDRILL EBS volume \(volumeId), \(size) GiB\nblock 0: empty ext4 superblock\n".utf8)
    }
}
