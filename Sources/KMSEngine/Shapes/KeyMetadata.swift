import Foundation

/// `KeyMetadata` on the wire, members in the model's order (which is the order the AWS CLI prints).
public struct KeyMetadata: Codable, Sendable, Equatable {
    public var AWSAccountId: String
    public var KeyId: String
    public var Arn: String
    public var CreationDate: Date
    public var Enabled: Bool
    public var Description: String
    public var KeyUsage: KeyUsage
    public var KeyState: KeyState
    public var DeletionDate: Date?
    public var Origin: OriginType
    public var KeyManager: KeyManager
    public var CustomerMasterKeySpec: KeySpec
    public var KeySpec: KeySpec
    public var EncryptionAlgorithms: [EncryptionAlgorithm]?
    public var MultiRegion: Bool
    public var PendingDeletionWindowInDays: Int?
    public var CurrentKeyMaterialId: String?
}

extension KeyMetadata {
    init(_ key: KeyRecord, currentMaterialId: String?) {
        AWSAccountId = key.accountId
        KeyId = key.keyId
        Arn = key.arn
        CreationDate = key.creationDate
        Enabled = key.keyState == .enabled
        Description = key.description
        KeyUsage = key.keyUsage
        KeyState = key.keyState
        DeletionDate = key.keyState == .pendingDeletion ? key.deletionDate : nil
        Origin = key.origin
        KeyManager = key.keyManager
        CustomerMasterKeySpec = key.keySpec
        KeySpec = key.keySpec
        EncryptionAlgorithms = key.keyUsage == .encryptDecrypt && key.keySpec == .symmetricDefault ? [.symmetricDefault] : nil
        MultiRegion = key.multiRegion
        PendingDeletionWindowInDays = key.keyState == .pendingDeletion ? key.pendingDeletionWindowInDays : nil
        CurrentKeyMaterialId = key.supportsRotation ? currentMaterialId : nil
    }
}

extension OperationScope {
    func metadata(_ key: KeyRecord) throws -> KeyMetadata {
        KeyMetadata(key, currentMaterialId: try tx.material(keyId: key.keyId, version: key.currentMaterialVersion)?.materialId)
    }
}

/// `KeyListEntry` on the wire.
public struct KeyListEntry: Codable, Sendable, Equatable {
    public var KeyId: String
    public var KeyArn: String
}

/// `AliasListEntry` on the wire.
public struct AliasListEntry: Codable, Sendable, Equatable {
    public var AliasName: String
    public var AliasArn: String
    public var TargetKeyId: String?
    public var CreationDate: Date?
    public var LastUpdatedDate: Date?
}
