@preconcurrency import Crypto
import Foundation
import Synchronization
import Wire

/// The KMS engine: AWS KMS's operations over keys kept in a store, with time, randomness,
/// authorization and storage handed in (it performs no I/O of its own).
///
/// Every operation goes through `perform`, which settles what has fallen due on the clock, checks
/// authorization at one point, and records the call in the audit log in the same transaction as
/// the change it made (or on its own when it changed nothing or was refused).
public final class KMSEngine: Sendable {
    public let store: KMSStore
    public let clock: Clock
    public let random: RandomSource
    public let hsm: HSM
    public let authorizer: Authorizer
    public let policyValidator: KeyPolicyValidator
    public let limits: KMSLimits
    /// Unwrapped material by key ID and version. Material never changes once made, so entries
    /// stay valid for the life of the key; deleting a key removes its entries.
    private let materialCache = Mutex<[MaterialRef: UnwrappedMaterial]>([:])

    public init(store: KMSStore, clock: Clock, random: RandomSource = SystemRandom(), hsm: HSM,
                authorizer: Authorizer = AllowAllAuthorizer(),
                policyValidator: KeyPolicyValidator = JSONSyntaxPolicyValidator(), limits: KMSLimits = KMSLimits()) {
        self.store = store
        self.clock = clock
        self.random = random
        self.hsm = hsm
        self.authorizer = authorizer
        self.policyValidator = policyValidator
        self.limits = limits
    }

    struct MaterialRef: Hashable {
        let keyId: String
        let version: Int
    }

    /// A material version in usable form, with its public identifier.
    struct UnwrappedMaterial {
        let key: SymmetricKey
        let materialId: String
    }

    func cachedMaterial(_ ref: MaterialRef) -> UnwrappedMaterial? {
        materialCache.withLock { $0[ref] }
    }

    func cacheMaterial(_ material: UnwrappedMaterial, for ref: MaterialRef) {
        materialCache.withLock { $0[ref] = material }
    }

    func forgetMaterial(keyId: String) {
        materialCache.withLock { cache in
            for ref in cache.keys where ref.keyId == keyId { cache[ref] = nil }
        }
    }

    /// Runs one operation: settle due events, then `body` in a transaction, then the audit record.
    ///
    /// - Parameters:
    ///   - mutates: whether the operation may change state (a write transaction, and its audit
    ///     record committed with the change).
    ///   - parameters: what the audit log shows of the request (never secrets).
    func perform<R>(_ operation: String, _ context: RequestContext, mutates: Bool, parameters: JSONValue,
                    _ body: (OperationScope) throws -> R) throws(KMSError) -> R {
        let requestID = random.uuid()
        let now: Date
        do {
            now = clock.now()
            try settleDueEvents(until: now)
        } catch {
            throw Self.asKMSError(error)
        }
        var auditTemplate = AuditEvent(
            eventID: random.uuid(), requestID: requestID, eventTime: now, eventName: operation,
            region: context.region, recipientAccountId: context.caller.accountId, caller: context.caller,
            invokedBy: context.viaService, sourceIPAddress: context.viaService ?? context.sourceIPAddress,
            userAgent: context.viaService ?? context.userAgent, requestParameters: parameters, responseElements: .null,
            additionalEventData: .null, errorCode: nil, errorMessage: nil, resources: [], readOnly: !mutates)
        var scopeResources: [String] = []
        do {
            if mutates {
                return try store.write { tx in
                    let scope = OperationScope(engine: self, tx: tx, context: context, now: now, operation: operation)
                    defer { scopeResources = scope.resources }
                    let result = try body(scope)
                    scope.fill(&auditTemplate)
                    try tx.appendAudit(auditTemplate)
                    return result
                }
            } else {
                let (result, event) = try store.read { tx in
                    let scope = OperationScope(engine: self, tx: tx, context: context, now: now, operation: operation)
                    defer { scopeResources = scope.resources }
                    let result = try body(scope)
                    var event = auditTemplate
                    scope.fill(&event)
                    return (result, event)
                }
                try store.appendAudit(event)
                return result
            }
        } catch {
            let kmsError = Self.asKMSError(error)
            var failed = auditTemplate
            failed.errorCode = kmsError.code.rawValue
            failed.errorMessage = kmsError.message
            failed.resources = scopeResources
            // A refused or failed call is recorded too; if even that cannot be written the
            // original error is still the one the caller needs to see.
            try? store.appendAudit(failed)
            throw kmsError
        }
    }

    static func asKMSError(_ error: any Error) -> KMSError {
        if let e = error as? KMSError { return e }
        return KMSError(.kmsInternal, "KMS Drill could not complete the request: \(error)")
    }
}

/// Service quotas and API limits the engine enforces (AWS's published values by default).
public struct KMSLimits: Sendable {
    public var keysPerAccountRegion = 100_000
    public var aliasesPerKey = 50
    public var tagsPerKey = 50
    public var grantsPerKey = 50_000
    public var onDemandRotationsPerKey = 25
    public var maxPolicyBytes = 32_768

    public init() {}
}
