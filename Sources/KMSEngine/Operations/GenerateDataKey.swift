import Foundation
import Wire

public struct GenerateDataKeyRequest: Codable, Sendable {
    public var KeyId: String
    public var EncryptionContext: [String: String]?
    public var NumberOfBytes: Int?
    public var KeySpec: DataKeySpec?
    public var GrantTokens: [String]?
    public var Recipient: JSONValue?
    public var DryRun: Bool?

    public init(KeyId: String, EncryptionContext: [String: String]? = nil, NumberOfBytes: Int? = nil,
                KeySpec: DataKeySpec? = nil, GrantTokens: [String]? = nil, DryRun: Bool? = nil) {
        self.KeyId = KeyId
        self.EncryptionContext = EncryptionContext
        self.NumberOfBytes = NumberOfBytes
        self.KeySpec = KeySpec
        self.GrantTokens = GrantTokens
        self.DryRun = DryRun
    }
}

public struct GenerateDataKeyResponse: Codable, Sendable {
    public var CiphertextBlob: Data
    public var Plaintext: Data
    public var KeyId: String
    public var KeyMaterialId: String?
}

extension KMSEngine {
    /// GenerateDataKey: a fresh data key, returned in plaintext (to encrypt data locally, then
    /// discard) and encrypted under the KMS key (to store beside the data): envelope encryption.
    public func generateDataKey(_ request: GenerateDataKeyRequest, _ context: RequestContext) throws(KMSError) -> GenerateDataKeyResponse {
        try materializePredefinedAlias(request.KeyId, context)
        let parameters = { CryptoAudit.parameters(keyId: request.KeyId, context: request.EncryptionContext, algorithm: nil,
                                                keySpec: request.KeySpec, numberOfBytes: request.NumberOfBytes, dryRun: request.DryRun) }
        return try perform("GenerateDataKey", context, mutates: false, parameters: parameters()) { scope in
            if request.Recipient != nil {
                throw KMSError(.unsupportedOperation, "KMS Drill does not simulate Nitro Enclaves attestation (Recipient).")
            }
            let (key, blob, plaintext, materialId) = try scope.makeDataKey(
                action: "kms:GenerateDataKey", keyIdText: request.KeyId, spec: request.KeySpec, numberOfBytes: request.NumberOfBytes,
                context: request.EncryptionContext, grantTokens: request.GrantTokens, dryRun: request.DryRun)
            return GenerateDataKeyResponse(CiphertextBlob: blob, Plaintext: plaintext, KeyId: key.arn, KeyMaterialId: materialId)
        }
    }
}

extension OperationScope {
    /// The shared work of GenerateDataKey and GenerateDataKeyWithoutPlaintext.
    func makeDataKey(action: String, keyIdText: String, spec: DataKeySpec?, numberOfBytes: Int?, context: [String: String]?,
                     grantTokens: [String]?, dryRun: Bool?) throws -> (KeyRecord, Data, Data, String) {
        let key = try resolveKey(keyIdText, crossAccount: true)
        try authorizeCryptographic(action, key: key, keyIdText: keyIdText, algorithm: nil, encryptionContext: context,
                                   grantTokens: grantTokens)
        try KeyStateRule.cryptographic.check(key)
        try CryptoRules.checkSymmetric(key, algorithm: .symmetricDefault, operation: String(action.dropFirst(4)))
        try CryptoRules.checkContext(context)
        let size: Int
        switch (spec, numberOfBytes) {
        case (nil, nil):
            throw KMSError(.validation, "Specify either KeySpec or NumberOfBytes (for example --key-spec AES_256).")
        case (.some, .some):
            throw KMSError(.validation, "Specify either KeySpec or NumberOfBytes, not both.")
        case (let s?, nil):
            size = s.byteCount
        case (nil, let n?):
            guard (1...1024).contains(n) else {
                throw KMSError.validation(member: "numberOfBytes", value: String(n),
                    constraint: n < 1 ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to 1024")
            }
            size = n
        }
        try refuseDryRun(dryRun)
        let dataKey = engine.random.bytes(size)
        let material = try material(of: key, version: key.currentMaterialVersion)
        let blob = try MaterialCipher.seal(dataKey, with: material.key, keyId: key.keyId, materialVersion: key.currentMaterialVersion,
                                           context: context ?? [:], random: engine.random)
        additionalEventData["keyMaterialId"] = .string(material.materialId)
        return (key, blob, dataKey, material.materialId)
    }
}
