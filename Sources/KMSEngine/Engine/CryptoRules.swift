import Foundation
import Wire

/// Checks shared by the cryptographic operations.
enum CryptoRules {
    static func checkSymmetric(_ key: KeyRecord, algorithm: EncryptionAlgorithm, operation: String) throws {
        guard key.keyUsage == .encryptDecrypt else {
            throw KMSError(.invalidKeyUsage, "\(key.arn) key usage is \(key.keyUsage.rawValue) which is not valid for \(operation).")
        }
        guard algorithm == .symmetricDefault, key.keySpec == .symmetricDefault else {
            throw KMSError(.invalidKeyUsage,
                "The encryption algorithm \(algorithm.rawValue) is not valid for \(key.arn); symmetric encryption keys use SYMMETRIC_DEFAULT.")
        }
    }

    static func checkPlaintext(_ plaintext: Data) throws {
        if plaintext.isEmpty {
            throw KMSError.validation(member: "plaintext", value: nil, constraint: "Member must have length greater than or equal to 1")
        }
        if plaintext.count > 4096 {
            throw KMSError.validation(member: "plaintext", value: nil,
                constraint: "Member must have length less than or equal to 4096 (KMS encrypts at most 4 KiB; use GenerateDataKey and encrypt bulk data locally)")
        }
    }

    static func checkContext(_ context: [String: String]?) throws {
        guard let context else { return }
        var total = 0
        for (k, v) in context {
            if k.isEmpty {
                throw KMSError.validation(member: "encryptionContext", value: nil, constraint: "Map keys must have length greater than or equal to 1")
            }
            total += k.utf8.count + v.utf8.count
        }
        if total > 8192 {
            throw KMSError.validation(member: "encryptionContext", value: nil,
                constraint: "The encryption context may hold at most 8192 bytes of keys and values")
        }
    }

    static func checkCiphertextSize(_ blob: Data, member: String = "ciphertextBlob") throws {
        if blob.isEmpty {
            throw KMSError.validation(member: member, value: nil, constraint: "Member must have length greater than or equal to 1")
        }
        if blob.count > 6144 {
            throw KMSError.validation(member: member, value: nil, constraint: "Member must have length less than or equal to 6144")
        }
    }
}

/// What the audit log records of a cryptographic request: never plaintext or ciphertext.
enum CryptoAudit {
    static func parameters(keyId: String?, context: [String: String]?, algorithm: EncryptionAlgorithm?,
                           keySpec: DataKeySpec? = nil, numberOfBytes: Int? = nil, dryRun: Bool? = nil) -> JSONValue {
        var p = JSONObject()
        if let keyId { p["keyId"] = .string(keyId) }
        if let context, !context.isEmpty {
            var c = JSONObject()
            for k in context.keys.sorted() { c[k] = .string(context[k]!) }
            p["encryptionContext"] = .object(c)
        }
        if let keySpec { p["keySpec"] = .string(keySpec.rawValue) }
        if let numberOfBytes { p["numberOfBytes"] = .int(numberOfBytes) }
        p["encryptionAlgorithm"] = .string((algorithm ?? .symmetricDefault).rawValue)
        if let dryRun { p["dryRun"] = .bool(dryRun) }
        return .object(p)
    }
}

extension OperationScope {
    /// Authorization for a cryptographic operation, with the condition keys KMS supplies for it.
    func authorizeCryptographic(_ action: String, key: KeyRecord, keyIdText: String?, algorithm: EncryptionAlgorithm?,
                                encryptionContext: [String: String]?, grantTokens: [String]?) throws {
        guard engine.authorizer.evaluatesPolicies else { return }
        var conditions = keyIdText.map(aliasConditions) ?? [:]
        if let algorithm { conditions["kms:EncryptionAlgorithm"] = [algorithm.rawValue] }
        let ctx = encryptionContext ?? [:]
        for (k, v) in ctx { conditions["kms:EncryptionContext:\(k)"] = [v] }
        if !ctx.isEmpty { conditions["kms:EncryptionContextKeys"] = ctx.keys.sorted() }
        try authorize(action, key: key, conditions: conditions, encryptionContext: ctx, grantTokens: grantTokens)
    }

    /// DryRun: everything was checked; say so instead of acting.
    func refuseDryRun(_ dryRun: Bool?) throws {
        if dryRun == true {
            throw KMSError(.dryRunOperation, "The request would have succeeded, but the DryRun option is set.")
        }
    }
}
