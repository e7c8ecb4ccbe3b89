import Foundation

/// Everything KMS knows about one KMS key, as the engine stores it.
///
/// Key material is not here: each material version is a `KeyMaterialRecord`, kept wrapped under
/// the HSM root key. A record never holds a plaintext key.
public struct KeyRecord: Sendable, Equatable {
    public var keyId: String
    public var accountId: String
    public var region: String
    public var description: String
    public var keyUsage: KeyUsage
    public var keySpec: KeySpec
    public var origin: OriginType
    public var keyManager: KeyManager
    public var keyState: KeyState
    public var creationDate: Date
    /// When a pending deletion becomes final.
    public var deletionDate: Date?
    public var pendingDeletionWindowInDays: Int?
    /// The key policy document, as given (KMS keys have one policy, named `default`).
    public var policy: String
    public var tags: [Tag]
    public var rotationEnabled: Bool
    public var rotationPeriodInDays: Int?
    public var nextRotationDate: Date?
    /// The material version that seals new ciphertext (versions count from 1).
    public var currentMaterialVersion: Int
    public var onDemandRotationCount: Int
    public var multiRegion: Bool

    public init(
        keyId: String, accountId: String, region: String, description: String, keyUsage: KeyUsage,
        keySpec: KeySpec, origin: OriginType, keyManager: KeyManager, keyState: KeyState, creationDate: Date,
        policy: String, tags: [Tag] = [], deletionDate: Date? = nil, pendingDeletionWindowInDays: Int? = nil,
        rotationEnabled: Bool = false, rotationPeriodInDays: Int? = nil, nextRotationDate: Date? = nil,
        currentMaterialVersion: Int = 1, onDemandRotationCount: Int = 0, multiRegion: Bool = false
    ) {
        self.keyId = keyId
        self.accountId = accountId
        self.region = region
        self.description = description
        self.keyUsage = keyUsage
        self.keySpec = keySpec
        self.origin = origin
        self.keyManager = keyManager
        self.keyState = keyState
        self.creationDate = creationDate
        self.policy = policy
        self.tags = tags
        self.deletionDate = deletionDate
        self.pendingDeletionWindowInDays = pendingDeletionWindowInDays
        self.rotationEnabled = rotationEnabled
        self.rotationPeriodInDays = rotationPeriodInDays
        self.nextRotationDate = nextRotationDate
        self.currentMaterialVersion = currentMaterialVersion
        self.onDemandRotationCount = onDemandRotationCount
        self.multiRegion = multiRegion
    }

    public var arn: String { KeyARN.key(region: region, account: accountId, keyId: keyId) }

    /// True when KMS itself may rotate this key's material (symmetric, KMS-generated).
    public var supportsRotation: Bool {
        keySpec == .symmetricDefault && origin == .awsKMS
    }

    /// The moment something is due to happen to this key on its own: the end of its deletion
    /// window, or its next automatic rotation (only while it is enabled).
    public var nextDueDate: Date? {
        if keyState == .pendingDeletion { return deletionDate }
        if keyState == .enabled, rotationEnabled { return nextRotationDate }
        return nil
    }
}

/// One version of a key's material, wrapped under the HSM root key.
public struct KeyMaterialRecord: Sendable, Equatable {
    public var keyId: String
    public var version: Int
    /// The 64-hex-digit identifier AWS reports as `KeyMaterialId`.
    public var materialId: String
    public var createdAt: Date
    /// How this version came to be: nil for the key's first material.
    public var rotationType: RotationType?
    /// The material sealed by the root key (`RootKeyVault.wrap`), never the material itself.
    public var wrapped: Data

    public init(keyId: String, version: Int, materialId: String, createdAt: Date, rotationType: RotationType?, wrapped: Data) {
        self.keyId = keyId
        self.version = version
        self.materialId = materialId
        self.createdAt = createdAt
        self.rotationType = rotationType
        self.wrapped = wrapped
    }
}

/// A resource tag (`TagKey`/`TagValue` on the wire).
public struct Tag: Codable, Sendable, Equatable, Hashable {
    public var TagKey: String
    public var TagValue: String

    public init(TagKey: String, TagValue: String) {
        self.TagKey = TagKey
        self.TagValue = TagValue
    }
}

/// An alias: a friendly name pointing at one key in one account and Region.
public struct AliasRecord: Sendable, Equatable {
    public var aliasName: String
    public var accountId: String
    public var region: String
    public var targetKeyId: String
    public var creationDate: Date
    public var lastUpdatedDate: Date

    public init(aliasName: String, accountId: String, region: String, targetKeyId: String, creationDate: Date, lastUpdatedDate: Date) {
        self.aliasName = aliasName
        self.accountId = accountId
        self.region = region
        self.targetKeyId = targetKeyId
        self.creationDate = creationDate
        self.lastUpdatedDate = lastUpdatedDate
    }

    public var arn: String { "arn:aws:kms:\(region):\(accountId):\(aliasName)" }
}
