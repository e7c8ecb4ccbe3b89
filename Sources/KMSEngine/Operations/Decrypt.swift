import Foundation
import Wire

public struct DecryptRequest: Codable, Sendable {
    public var CiphertextBlob: Data
    public var EncryptionContext: [String: String]?
    public var GrantTokens: [String]?
    public var KeyId: String?
    public var EncryptionAlgorithm: EncryptionAlgorithm?
    public var Recipient: JSONValue?
    public var DryRun: Bool?

    public init(CiphertextBlob: Data, EncryptionContext: [String: String]? = nil, GrantTokens: [String]? = nil,
                KeyId: String? = nil, EncryptionAlgorithm: EncryptionAlgorithm? = nil, DryRun: Bool? = nil) {
        self.CiphertextBlob = CiphertextBlob
        self.EncryptionContext = EncryptionContext
        self.GrantTokens = GrantTokens
        self.KeyId = KeyId
        self.EncryptionAlgorithm = EncryptionAlgorithm
        self.DryRun = DryRun
    }
}

public struct DecryptResponse: Codable, Sendable {
    public var KeyId: String
    public var Plaintext: Data
    public var EncryptionAlgorithm: EncryptionAlgorithm
    public var KeyMaterialId: String?
}

extension KMSEngine {
    /// Decrypt: the ciphertext names its key and material version, so no KeyId is needed; the
    /// encryption context must be exactly the one it was sealed with.
    public func decrypt(_ request: DecryptRequest, _ context: RequestContext) throws(KMSError) -> DecryptResponse {
        let parameters = { CryptoAudit.parameters(keyId: request.KeyId, context: request.EncryptionContext,
                                                algorithm: request.EncryptionAlgorithm, dryRun: request.DryRun) }
        return try perform("Decrypt", context, mutates: false, parameters: parameters()) { scope in
            if request.Recipient != nil {
                throw KMSError(.unsupportedOperation, "KMS Drill does not simulate Nitro Enclaves attestation (Recipient).")
            }
            let (key, blob) = try scope.openTarget(request.CiphertextBlob, keyIdText: request.KeyId)
            let algorithm = request.EncryptionAlgorithm ?? .symmetricDefault
            try scope.authorizeCryptographic("kms:Decrypt", key: key, keyIdText: request.KeyId, algorithm: algorithm,
                                             encryptionContext: request.EncryptionContext, grantTokens: request.GrantTokens)
            try KeyStateRule.cryptographic.check(key)
            try CryptoRules.checkSymmetric(key, algorithm: algorithm, operation: "Decrypt")
            try scope.refuseDryRun(request.DryRun)
            let (plaintext, materialId) = try scope.open(blob, key: key, context: request.EncryptionContext ?? [:])
            scope.additionalEventData["keyMaterialId"] = .string(materialId)
            return DecryptResponse(KeyId: key.arn, Plaintext: plaintext, EncryptionAlgorithm: algorithm, KeyMaterialId: materialId)
        }
    }
}

extension OperationScope {
    /// Reads a ciphertext blob and finds the key it names; checks a given KeyId agrees.
    func openTarget(_ data: Data, keyIdText: String?) throws -> (KeyRecord, CiphertextBlob) {
        try CryptoRules.checkCiphertextSize(data)
        guard let blob = CiphertextBlob(parsing: data) else {
            throw KMSError(.invalidCiphertext,
                "The ciphertext is not a KMS ciphertext blob (it is truncated, altered, or was not produced by Encrypt or GenerateDataKey).")
        }
        var named: KeyRecord?
        if let keyIdText {
            named = try resolveKey(keyIdText, crossAccount: true)
        }
        guard let key = try tx.key(id: blob.keyId), key.region == region else {
            throw KMSError(.notFound,
                "The key that encrypted this ciphertext (\(blob.keyId)) does not exist in \(region). If it was deleted, the ciphertext can never be decrypted.")
        }
        if let named, named.keyId != key.keyId {
            throw KMSError(.incorrectKey,
                "The key ID in the request does not identify the KMS key that encrypted the ciphertext (it was encrypted under \(key.arn)).")
        }
        touch(key)
        return (key, blob)
    }

    /// Opens a blob with the material version it names.
    func open(_ blob: CiphertextBlob, key: KeyRecord, context: [String: String]) throws -> (Data, String) {
        let material = try material(of: key, version: blob.materialVersion)
        guard let plaintext = MaterialCipher.open(blob, with: material.key, context: context) else {
            throw KMSError(.invalidCiphertext,
                "The ciphertext could not be decrypted: the encryption context does not exactly match the one it was encrypted with, or the ciphertext was altered.")
        }
        return (plaintext, material.materialId)
    }
}
