import Foundation
import Wire

public struct EncryptRequest: Codable, Sendable {
    public var KeyId: String
    public var Plaintext: Data
    public var EncryptionContext: [String: String]?
    public var GrantTokens: [String]?
    public var EncryptionAlgorithm: EncryptionAlgorithm?
    public var DryRun: Bool?

    public init(KeyId: String, Plaintext: Data, EncryptionContext: [String: String]? = nil, GrantTokens: [String]? = nil,
                EncryptionAlgorithm: EncryptionAlgorithm? = nil, DryRun: Bool? = nil) {
        self.KeyId = KeyId
        self.Plaintext = Plaintext
        self.EncryptionContext = EncryptionContext
        self.GrantTokens = GrantTokens
        self.EncryptionAlgorithm = EncryptionAlgorithm
        self.DryRun = DryRun
    }
}

public struct EncryptResponse: Codable, Sendable {
    public var CiphertextBlob: Data
    public var KeyId: String
    public var EncryptionAlgorithm: EncryptionAlgorithm
}

extension KMSEngine {
    /// Encrypt: up to 4096 bytes under the key's current material, bound to the encryption context.
    public func encrypt(_ request: EncryptRequest, _ context: RequestContext) throws(KMSError) -> EncryptResponse {
        try materializePredefinedAlias(request.KeyId, context)
        let parameters = { CryptoAudit.parameters(keyId: request.KeyId, context: request.EncryptionContext,
                                                algorithm: request.EncryptionAlgorithm, dryRun: request.DryRun) }
        return try perform("Encrypt", context, mutates: false, parameters: parameters()) { scope in
            let key = try scope.resolveKey(request.KeyId, crossAccount: true)
            let algorithm = request.EncryptionAlgorithm ?? .symmetricDefault
            try scope.authorizeCryptographic("kms:Encrypt", key: key, keyIdText: request.KeyId, algorithm: algorithm,
                                             encryptionContext: request.EncryptionContext, grantTokens: request.GrantTokens)
            try KeyStateRule.cryptographic.check(key)
            try CryptoRules.checkSymmetric(key, algorithm: algorithm, operation: "Encrypt")
            try CryptoRules.checkPlaintext(request.Plaintext)
            try CryptoRules.checkContext(request.EncryptionContext)
            try scope.refuseDryRun(request.DryRun)
            let material = try scope.material(of: key, version: key.currentMaterialVersion)
            let blob = try MaterialCipher.seal(request.Plaintext, with: material.key, keyId: key.keyId,
                                               materialVersion: key.currentMaterialVersion,
                                               context: request.EncryptionContext ?? [:], random: random)
            scope.additionalEventData["keyMaterialId"] = .string(material.materialId)
            return EncryptResponse(CiphertextBlob: blob, KeyId: key.arn, EncryptionAlgorithm: algorithm)
        }
    }
}
