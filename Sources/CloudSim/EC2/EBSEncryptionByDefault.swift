import Foundation
import KMSEngine
import Wire

/// Encryption by default and the default KMS key, per account and Region. Changing them affects
/// volumes created afterwards only; existing volumes keep the encryption they were created with.
extension EC2Service {
    func setEncryptionByDefault(_ enabled: Bool, _ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        try refuseDryRun(input)
        return try store.atomically {
            var s = try settings(context)
            s.encryptionByDefault = enabled
            try saveSettings(s, context)
            return ["EbsEncryptionByDefault": .bool(enabled)]
        }
    }

    func getEncryptionByDefault(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        try refuseDryRun(input)
        return ["EbsEncryptionByDefault": .bool(try settings(context).encryptionByDefault)]
    }

    func getDefaultKmsKeyId(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        try refuseDryRun(input)
        // Without a key of your own, EC2 names the AWS managed key by its alias (it is created
        // only when an encrypted volume first needs it).
        return ["KmsKeyId": .string(try settings(context).defaultKmsKeyId ?? EBSSettings.managedKeyAlias)]
    }

    func modifyDefaultKmsKeyId(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        guard let keyId = try input.string("KmsKeyId"), !keyId.isEmpty else { throw EC2Error.missing("KmsKeyId") }
        let arn = try Self.keyARN(keyId, context)
        try refuseDryRun(input)
        return try store.atomically {
            var s = try settings(context)
            // Stored as given in ARN form; EC2 checks the key asynchronously, when a volume uses it.
            s.defaultKmsKeyId = arn
            try saveSettings(s, context)
            return ["KmsKeyId": .string(arn)]
        }
    }

    func resetDefaultKmsKeyId(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        try refuseDryRun(input)
        return try store.atomically {
            var s = try settings(context)
            s.defaultKmsKeyId = nil
            try saveSettings(s, context)
            return ["KmsKeyId": .string(EBSSettings.managedKeyAlias)]
        }
    }

    /// A key ID, alias name, key ARN or alias ARN, in the ARN form EC2 reports.
    static func keyARN(_ text: String, _ context: RequestContext) throws -> String {
        switch KeyIdentifier(text) {
        case .keyId(let id)?:
            return KeyARN.key(region: context.region, account: context.caller.accountId, keyId: id)
        case .aliasName(let name)?:
            return KeyARN.alias(region: context.region, account: context.caller.accountId, aliasName: name)
        case .keyARN?, .aliasARN?:
            return text
        case nil:
            throw EC2Error.invalidValue(
                "Invalid KMS key id '\(text)': give a key ID, key ARN, alias name (alias/...) or alias ARN.")
        }
    }
}
