@preconcurrency import Crypto
import Foundation
import Wire

/// What one running operation can do: read and change state in its transaction, resolve keys,
/// ask the authorizer, and note what its audit record should say.
final class OperationScope {
    let engine: KMSEngine
    let tx: KMSTransaction
    let context: RequestContext
    let now: Date
    let operation: String

    /// What the audit record will carry besides the request: ARNs of aliases named, and the keys
    /// touched (kept as records; their ARNs are only spelled out if a record is written).
    var resources: [String] = []
    private var touchedKeys: [KeyRecord] = []
    var responseElements: JSONValue = .null
    var additionalEventData = JSONObject()
    /// The account whose log receives the event (the key owner's).
    var recipientAccountId: String?

    init(engine: KMSEngine, tx: KMSTransaction, context: RequestContext, now: Date, operation: String) {
        self.engine = engine
        self.tx = tx
        self.context = context
        self.now = now
        self.operation = operation
    }

    var caller: Caller { context.caller }
    var account: String { context.caller.accountId }
    var region: String { context.region }

    func fill(_ event: inout AuditEvent) {
        event.resources = resources
        for key in touchedKeys where !event.resources.contains(key.arn) { event.resources.append(key.arn) }
        event.responseElements = responseElements
        event.additionalEventData = additionalEventData.isEmpty ? .null : .object(additionalEventData)
        if let recipientAccountId { event.recipientAccountId = recipientAccountId }
    }

    /// Notes a key as the resource of this call (for the audit record).
    func touch(_ key: KeyRecord) {
        if !touchedKeys.contains(where: { $0.keyId == key.keyId }) { touchedKeys.append(key) }
        recipientAccountId = key.accountId
    }

    /// Finds the key a `KeyId` names (ID, ARN, alias name or alias ARN).
    ///
    /// - Parameter crossAccount: whether this operation may act on another account's key.
    func resolveKey(_ text: String, crossAccount: Bool = false, allowAlias: Bool = true) throws -> KeyRecord {
        guard let id = KeyIdentifier(text) else {
            if text.hasPrefix("arn:") { throw KMSError(.invalidArn, "ARN \(text) is not a valid KMS key or alias ARN.") }
            throw KMSError(.notFound, "Invalid keyId '\(text)'")
        }
        if id.isAlias && !allowAlias {
            throw KMSError(.notFound, "Invalid keyId '\(text)': this operation takes a key ID or key ARN, not an alias.")
        }
        let keyAccount: String
        let keyRegion: String
        let keyId: String
        switch id {
        case .keyId(let k):
            keyAccount = account
            keyRegion = region
            keyId = k
        case .keyARN(let r, let a, let k):
            keyAccount = a
            keyRegion = r
            keyId = k
        case .aliasName(let name):
            keyAccount = account
            keyRegion = region
            keyId = try aliasTarget(name: name, account: account)
        case .aliasARN(let r, let a, let name):
            guard r == region else { throw KMSError(.notFound, "Alias \(text) is not found.") }
            keyAccount = a
            keyRegion = r
            keyId = try aliasTarget(name: name, account: a)
        }
        let arn = KeyARN.key(region: keyRegion, account: keyAccount, keyId: keyId)
        guard keyRegion == region, let key = try tx.key(id: keyId), key.accountId == keyAccount, key.region == keyRegion else {
            throw KMSError(.notFound, "Key '\(arn)' does not exist")
        }
        if key.accountId != account && !crossAccount {
            throw KMSError(.notFound, "Key '\(arn)' does not exist")
        }
        touch(key)
        return key
    }

    private func aliasTarget(name: String, account: String) throws -> String {
        guard let alias = try tx.alias(name: name, account: account, region: region) else {
            throw KMSError(.notFound, "Alias \(KeyARN.alias(region: region, account: account, aliasName: name)) is not found.")
        }
        return alias.targetKeyId
    }

    /// Asks the single authorization point; throws AccessDeniedException when refused.
    func authorize(_ action: String, key: KeyRecord?, resourceArn: String? = nil, conditions: [String: [String]] = [:],
                   encryptionContext: [String: String]? = nil, grantTokens: [String]? = nil) throws {
        guard engine.authorizer.evaluatesPolicies else { return }
        let request = AuthorizationRequest(
            action: action, context: context, key: key, resourceArn: resourceArn, conditionValues: conditions,
            encryptionContext: encryptionContext, grantTokens: grantTokens ?? [], now: now)
        try engine.authorizer.authorize(request, in: tx)
    }

    /// The unwrapped material of one version of a key (cached after the first unwrap).
    func material(of key: KeyRecord, version: Int) throws -> KMSEngine.UnwrappedMaterial {
        let ref = KMSEngine.MaterialRef(keyId: key.keyId, version: version)
        if let cached = engine.cachedMaterial(ref) { return cached }
        guard let record = try tx.material(keyId: key.keyId, version: version) else {
            throw KMSError(.invalidCiphertext, "The ciphertext refers to key material that does not exist for this key.")
        }
        let unwrapped = KMSEngine.UnwrappedMaterial(
            key: try engine.hsm.unwrap(record.wrapped, keyId: key.keyId, version: version), materialId: record.materialId)
        engine.cacheMaterial(unwrapped, for: ref)
        return unwrapped
    }
}

extension OperationScope {
    /// `kms:RequestAlias` when the request named its key by an alias. (`kms:ResourceAliases` is
    /// looked up by the authorizer only when a policy asks for it.)
    func aliasConditions(_ keyIdText: String) -> [String: [String]] {
        switch KeyIdentifier(keyIdText) {
        case .aliasName(let name)?: return ["kms:RequestAlias": [name]]
        case .aliasARN(_, _, let name)?: return ["kms:RequestAlias": [name]]
        default: return [:]
        }
    }
}
