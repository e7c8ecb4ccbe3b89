import Foundation
import KMSPolicy
import Wire

public struct CreateKeyRequest: Codable, Sendable {
    public var Policy: String?
    public var Description: String?
    public var KeyUsage: KeyUsage?
    public var CustomerMasterKeySpec: KeySpec?
    public var KeySpec: KeySpec?
    public var Origin: OriginType?
    public var CustomKeyStoreId: String?
    public var BypassPolicyLockoutSafetyCheck: Bool?
    public var Tags: [Tag]?
    public var MultiRegion: Bool?
    public var XksKeyId: String?

    public init(Policy: String? = nil, Description: String? = nil, KeyUsage: KeyUsage? = nil, KeySpec: KeySpec? = nil,
                Origin: OriginType? = nil, BypassPolicyLockoutSafetyCheck: Bool? = nil, Tags: [Tag]? = nil, MultiRegion: Bool? = nil) {
        self.Policy = Policy
        self.Description = Description
        self.KeyUsage = KeyUsage
        self.KeySpec = KeySpec
        self.Origin = Origin
        self.BypassPolicyLockoutSafetyCheck = BypassPolicyLockoutSafetyCheck
        self.Tags = Tags
        self.MultiRegion = MultiRegion
    }

    var auditParameters: JSONValue {
        var p = JSONObject()
        p["keyUsage"] = .string((KeyUsage ?? .encryptDecrypt).rawValue)
        p["keySpec"] = .string((KeySpec ?? CustomerMasterKeySpec ?? .symmetricDefault).rawValue)
        if let Description { p["description"] = .string(Description) }
        p["origin"] = .string((Origin ?? .awsKMS).rawValue)
        p["bypassPolicyLockoutSafetyCheck"] = .bool(BypassPolicyLockoutSafetyCheck ?? false)
        if let Tags { p["tags"] = .array(Tags.map { ["tagKey": .string($0.TagKey), "tagValue": .string($0.TagValue)] }) }
        p["multiRegion"] = .bool(MultiRegion ?? false)
        return .object(p)
    }
}

public struct CreateKeyResponse: Codable, Sendable {
    public var KeyMetadata: KeyMetadata
}

extension KMSEngine {
    /// CreateKey: a new customer managed key with fresh 256-bit material from the HSM.
    public func createKey(_ request: CreateKeyRequest, _ context: RequestContext) throws(KMSError) -> CreateKeyResponse {
        try perform("CreateKey", context, mutates: true, parameters: request.auditParameters) { scope in
            let spec = try Self.validatedSpec(request)
            let usage = request.KeyUsage ?? .encryptDecrypt
            let origin = request.Origin ?? .awsKMS
            try Self.requireSupported(spec: spec, usage: usage, origin: origin, request: request)
            let description = request.Description ?? ""
            try KeyFieldRules.checkDescription(description)
            let tags = request.Tags ?? []
            try KeyFieldRules.checkTags(tags, limit: limits.tagsPerKey)
            var conditions: [String: [String]] = [
                "kms:KeySpec": [spec.rawValue], "kms:KeyUsage": [usage.rawValue], "kms:KeyOrigin": [origin.rawValue],
                "kms:MultiRegion": [String(request.MultiRegion ?? false)],
                "kms:BypassPolicyLockoutSafetyCheck": [String(request.BypassPolicyLockoutSafetyCheck ?? false)],
            ]
            if !tags.isEmpty {
                conditions["aws:TagKeys"] = tags.map(\.TagKey)
                for tag in tags { conditions["aws:RequestTag/\(tag.TagKey)"] = [tag.TagValue] }
            }
            try scope.authorize("kms:CreateKey", key: nil, conditions: conditions)
            let existing = try scope.tx.keys(account: scope.account, region: scope.region)
            if existing.count >= limits.keysPerAccountRegion {
                throw KMSError(.limitExceeded, "You have reached the limit of \(limits.keysPerAccountRegion) KMS keys in this account and Region.")
            }
            let keyId = identifiers.uuid()
            let arn = KeyARN.key(region: scope.region, account: scope.account, keyId: keyId)
            let policy = request.Policy ?? DefaultKeyPolicy.text(account: scope.account)
            if request.Policy != nil {
                try policyValidator.validateKeyPolicy(
                    policy, keyArn: arn, keyAccount: scope.account, context: scope.context,
                    bypassLockoutCheck: request.BypassPolicyLockoutSafetyCheck ?? false, in: scope.tx)
            }
            let key = KeyRecord(
                keyId: keyId, accountId: scope.account, region: scope.region, description: description,
                keyUsage: usage, keySpec: spec, origin: origin, keyManager: .customer, keyState: .enabled,
                creationDate: scope.now, policy: policy, tags: tags)
            let material = try scope.createMaterial(for: key, version: 1, rotationType: nil)
            try scope.tx.insertKey(key)
            try scope.tx.insertMaterial(material)
            scope.touch(key)
            let metadata = KeyMetadata(key, currentMaterialId: material.materialId)
            scope.responseElements = ["keyMetadata": CloudTrailShape.keyMetadata(metadata)]
            return CreateKeyResponse(KeyMetadata: metadata)
        }
    }

    static func validatedSpec(_ request: CreateKeyRequest) throws -> KeySpec {
        if let a = request.KeySpec, let b = request.CustomerMasterKeySpec, a != b {
            throw KMSError(.validation, "You cannot specify both KeySpec and CustomerMasterKeySpec. Use KeySpec; CustomerMasterKeySpec is deprecated.")
        }
        return request.KeySpec ?? request.CustomerMasterKeySpec ?? .symmetricDefault
    }

    static func requireSupported(spec: KeySpec, usage: KeyUsage, origin: OriginType, request: CreateKeyRequest) throws {
        if spec == .symmetricDefault && usage != .encryptDecrypt {
            throw KMSError(.validation, "KeyUsage \(usage.rawValue) is not compatible with KeySpec SYMMETRIC_DEFAULT. Symmetric encryption keys have KeyUsage ENCRYPT_DECRYPT.")
        }
        if spec != .symmetricDefault {
            throw KMSError(.unsupportedOperation,
                "KMS Drill does not offer \(spec.rawValue) keys yet. Create a symmetric encryption key (KeySpec SYMMETRIC_DEFAULT, KeyUsage ENCRYPT_DECRYPT).")
        }
        if origin != .awsKMS {
            throw KMSError(.unsupportedOperation,
                "KMS Drill does not offer keys with Origin \(origin.rawValue) yet; only KMS-generated material (AWS_KMS).")
        }
        if request.CustomKeyStoreId != nil || request.XksKeyId != nil {
            throw KMSError(.unsupportedOperation, "KMS Drill does not simulate custom key stores.")
        }
        if request.MultiRegion == true {
            throw KMSError(.unsupportedOperation, "KMS Drill does not offer multi-Region keys yet.")
        }
    }
}

extension OperationScope {
    /// New material for a key version, generated in the HSM and wrapped under the root key.
    func createMaterial(for key: KeyRecord, version: Int, rotationType: RotationType?) throws -> KeyMaterialRecord {
        let (wrapped, material) = try engine.hsm.generateMaterial(keyId: key.keyId, version: version, random: engine.random)
        let record = KeyMaterialRecord(
            keyId: key.keyId, version: version, materialId: engine.identifiers.hex(32), createdAt: now,
            rotationType: rotationType, wrapped: wrapped)
        engine.cacheMaterial(.init(key: material, materialId: record.materialId),
                             for: KMSEngine.MaterialRef(keyId: key.keyId, version: version))
        return record
    }
}
