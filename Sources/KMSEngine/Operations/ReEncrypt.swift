import Foundation
import Wire

public struct ReEncryptRequest: Codable, Sendable {
    public var CiphertextBlob: Data
    public var SourceEncryptionContext: [String: String]?
    public var SourceKeyId: String?
    public var DestinationKeyId: String
    public var DestinationEncryptionContext: [String: String]?
    public var SourceEncryptionAlgorithm: EncryptionAlgorithm?
    public var DestinationEncryptionAlgorithm: EncryptionAlgorithm?
    public var GrantTokens: [String]?
    public var DryRun: Bool?

    public init(CiphertextBlob: Data, SourceEncryptionContext: [String: String]? = nil, SourceKeyId: String? = nil,
                DestinationKeyId: String, DestinationEncryptionContext: [String: String]? = nil, GrantTokens: [String]? = nil) {
        self.CiphertextBlob = CiphertextBlob
        self.SourceEncryptionContext = SourceEncryptionContext
        self.SourceKeyId = SourceKeyId
        self.DestinationKeyId = DestinationKeyId
        self.DestinationEncryptionContext = DestinationEncryptionContext
        self.GrantTokens = GrantTokens
    }
}

public struct ReEncryptResponse: Codable, Sendable {
    public var CiphertextBlob: Data
    public var SourceKeyId: String
    public var KeyId: String
    public var SourceEncryptionAlgorithm: EncryptionAlgorithm
    public var DestinationEncryptionAlgorithm: EncryptionAlgorithm
    public var SourceKeyMaterialId: String?
    public var DestinationKeyMaterialId: String?
}

extension KMSEngine {
    /// ReEncrypt: decrypts and re-encrypts inside KMS, so the plaintext never leaves it.
    /// Needs kms:ReEncryptFrom on the source key and kms:ReEncryptTo on the destination.
    public func reEncrypt(_ request: ReEncryptRequest, _ context: RequestContext) throws(KMSError) -> ReEncryptResponse {
        try materializePredefinedAlias(request.DestinationKeyId, context)
        var p = JSONObject()
        if let s = request.SourceKeyId { p["sourceKeyId"] = .string(s) }
        p["destinationKeyId"] = .string(request.DestinationKeyId)
        if let c = CryptoAudit.parameters(keyId: nil, context: request.SourceEncryptionContext, algorithm: nil)["encryptionContext"] {
            p["sourceEncryptionContext"] = c
        }
        if let c = CryptoAudit.parameters(keyId: nil, context: request.DestinationEncryptionContext, algorithm: nil)["encryptionContext"] {
            p["destinationEncryptionContext"] = c
        }
        p["sourceEncryptionAlgorithm"] = .string((request.SourceEncryptionAlgorithm ?? .symmetricDefault).rawValue)
        p["destinationEncryptionAlgorithm"] = .string((request.DestinationEncryptionAlgorithm ?? .symmetricDefault).rawValue)
        return try perform("ReEncrypt", context, mutates: false, parameters: .object(p)) { scope in
            let (source, blob) = try scope.openTarget(request.CiphertextBlob, keyIdText: request.SourceKeyId)
            let destination = try scope.resolveKey(request.DestinationKeyId, crossAccount: true)
            let sourceAlgorithm = request.SourceEncryptionAlgorithm ?? .symmetricDefault
            let destinationAlgorithm = request.DestinationEncryptionAlgorithm ?? .symmetricDefault
            try scope.authorizeCryptographic("kms:ReEncryptFrom", key: source, keyIdText: request.SourceKeyId,
                                             algorithm: sourceAlgorithm, encryptionContext: request.SourceEncryptionContext,
                                             grantTokens: request.GrantTokens)
            try scope.authorizeCryptographic("kms:ReEncryptTo", key: destination, keyIdText: request.DestinationKeyId,
                                             algorithm: destinationAlgorithm, encryptionContext: request.DestinationEncryptionContext,
                                             grantTokens: request.GrantTokens)
            try KeyStateRule.cryptographic.check(source)
            try KeyStateRule.cryptographic.check(destination)
            try CryptoRules.checkSymmetric(source, algorithm: sourceAlgorithm, operation: "ReEncrypt")
            try CryptoRules.checkSymmetric(destination, algorithm: destinationAlgorithm, operation: "ReEncrypt")
            try CryptoRules.checkContext(request.DestinationEncryptionContext)
            try scope.refuseDryRun(request.DryRun)
            let (plaintext, sourceMaterialId) = try scope.open(blob, key: source, context: request.SourceEncryptionContext ?? [:])
            let material = try scope.material(of: destination, version: destination.currentMaterialVersion)
            let sealed = try MaterialCipher.seal(plaintext, with: material.key, keyId: destination.keyId,
                                                 materialVersion: destination.currentMaterialVersion,
                                                 context: request.DestinationEncryptionContext ?? [:], random: random)
            scope.additionalEventData["sourceKeyMaterialId"] = .string(sourceMaterialId)
            scope.additionalEventData["destinationKeyMaterialId"] = .string(material.materialId)
            return ReEncryptResponse(
                CiphertextBlob: sealed, SourceKeyId: source.arn, KeyId: destination.arn,
                SourceEncryptionAlgorithm: sourceAlgorithm, DestinationEncryptionAlgorithm: destinationAlgorithm,
                SourceKeyMaterialId: sourceMaterialId, DestinationKeyMaterialId: material.materialId)
        }
    }
}
