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
    /// Randomness for secrets: key material, data keys, nonces, GenerateRandom. Always a CSPRNG.
    public let random: RandomSource
    /// Randomness for identifiers (key IDs, material IDs, grant IDs, request and event IDs) and
    /// nothing secret. Usually the same CSPRNG; a lab sandbox replays a seeded stream here so a
    /// transcript that names the IDs a learner saw replays to the same IDs.
    public let identifiers: RandomSource
    public let hsm: HSM
    public let authorizer: Authorizer
    public let policyValidator: KeyPolicyValidator
    public let limits: KMSLimits
    /// Unwrapped material by key ID and version. Material never changes once made, so entries
    /// stay valid for the life of the key; deleting a key removes its entries.
    private let materialCache = Mutex<[MaterialRef: UnwrappedMaterial]>([:])

    public init(store: KMSStore, clock: Clock, random: RandomSource = SystemRandom(), identifiers: RandomSource? = nil, hsm: HSM,
                authorizer: Authorizer = AllowAllAuthorizer(),
                policyValidator: KeyPolicyValidator = JSONSyntaxPolicyValidator(), limits: KMSLimits = KMSLimits()) {
        self.store = store
        self.clock = clock
        self.random = random
        self.identifiers = identifiers ?? random
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
    func perform<R>(_ operation: String, _ context: RequestContext, mutates: Bool, parameters: @autoclosure () -> JSONValue,
                    _ body: (OperationScope) throws -> R) throws(KMSError) -> R {
        let now = clock.now()
        var scope: OperationScope?
        do {
            if mutates {
                try settleDueEvents(until: now)
                return try store.write { tx in
                    let s = OperationScope(engine: self, tx: tx, context: context, now: now, operation: operation)
                    scope = s
                    let result = try body(s)
                    try tx.appendAudit(auditEvent(operation, context, now, parameters(), s, readOnly: false))
                    return result
                }
            }
            // Reads settle only when something is due, checked in the same snapshot.
            while true {
                let outcome: R? = try store.read { tx in
                    if let due = try tx.earliestDueDate(), due <= now { return nil }
                    let s = OperationScope(engine: self, tx: tx, context: context, now: now, operation: operation)
                    scope = s
                    return try body(s)
                }
                if let outcome {
                    if store.recordsAudit {
                        try store.appendAudit(auditEvent(operation, context, now, parameters(), scope, readOnly: true))
                    }
                    return outcome
                }
                try settleDueEvents(until: now)
            }
        } catch {
            let kmsError = Self.asKMSError(error)
            if store.recordsAudit {
                var failed = auditEvent(operation, context, now, parameters(), scope, readOnly: !mutates)
                failed.errorCode = kmsError.code.rawValue
                failed.errorMessage = kmsError.message
                failed.responseElements = .null
                failed.additionalEventData = .null
                // A refused or failed call is recorded too; if even that cannot be written the
                // original error is still the one the caller needs to see.
                try? store.appendAudit(failed)
            }
            throw kmsError
        }
    }

    /// The audit record of one call, from what the operation noted in its scope.
    private func auditEvent(_ operation: String, _ context: RequestContext, _ now: Date, _ parameters: JSONValue,
                            _ scope: OperationScope?, readOnly: Bool) -> AuditEvent {
        var event = AuditEvent(
            eventID: identifiers.timeOrderedUUID(at: now), requestID: identifiers.uuid(), eventTime: now, eventName: operation,
            region: context.region, recipientAccountId: context.caller.accountId, caller: context.caller,
            invokedBy: context.viaService, sourceIPAddress: context.viaService ?? context.sourceIPAddress,
            userAgent: context.viaService ?? context.userAgent, requestParameters: parameters, responseElements: .null,
            additionalEventData: .null, errorCode: nil, errorMessage: nil, resources: [], readOnly: readOnly)
        scope?.fill(&event)
        return event
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
