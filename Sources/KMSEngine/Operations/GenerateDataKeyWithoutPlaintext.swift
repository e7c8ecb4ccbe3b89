import Foundation
import Wire

public struct GenerateDataKeyWithoutPlaintextRequest: Codable, Sendable {
    public var KeyId: String
    public var EncryptionContext: [String: String]?
    public var KeySpec: DataKeySpec?
    public var NumberOfBytes: Int?
    public var GrantTokens: [String]?
    public var DryRun: Bool?

    public init(KeyId: String, EncryptionContext: [String: String]? = nil, KeySpec: DataKeySpec? = nil,
                NumberOfBytes: Int? = nil, GrantTokens: [String]? = nil, DryRun: Bool? = nil) {
        self.KeyId = KeyId
        self.EncryptionContext = EncryptionContext
        self.KeySpec = KeySpec
        self.NumberOfBytes = NumberOfBytes
        self.GrantTokens = GrantTokens
        self.DryRun = DryRun
    }
}

public struct GenerateDataKeyWithoutPlaintextResponse: Codable, Sendable {
    public var CiphertextBlob: Data
    public var KeyId: String
    public var KeyMaterialId: String?
}

extension KMSEngine {
    /// GenerateDataKeyWithoutPlaintext: only the encrypted data key, for a component that stores
    /// it now and asks KMS to decrypt it later, when it actually needs to encrypt.
    public func generateDataKeyWithoutPlaintext(_ request: GenerateDataKeyWithoutPlaintextRequest, _ context: RequestContext) throws(KMSError)
        -> GenerateDataKeyWithoutPlaintextResponse
    {
        try materializePredefinedAlias(request.KeyId, context)
        let parameters = { CryptoAudit.parameters(keyId: request.KeyId, context: request.EncryptionContext, algorithm: nil,
                                                keySpec: request.KeySpec, numberOfBytes: request.NumberOfBytes, dryRun: request.DryRun) }
        return try perform("GenerateDataKeyWithoutPlaintext", context, mutates: false, parameters: parameters()) { scope in
            let (key, blob, _, materialId) = try scope.makeDataKey(
                action: "kms:GenerateDataKeyWithoutPlaintext", keyIdText: request.KeyId, spec: request.KeySpec,
                numberOfBytes: request.NumberOfBytes, context: request.EncryptionContext, grantTokens: request.GrantTokens,
                dryRun: request.DryRun)
            return GenerateDataKeyWithoutPlaintextResponse(CiphertextBlob: blob, KeyId: key.arn, KeyMaterialId: materialId)
        }
    }
}
