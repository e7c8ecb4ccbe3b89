import Foundation
import KMSEngine
import Wire

/// CloudTrail: event history (`LookupEvents` over every recorded call), trails that deliver log
/// files and signed digests into their bucket, and the public keys to check those signatures.
///
/// Every call is authorized against the caller's identity policies (`cloudtrail:*` actions) and
/// is itself recorded, as CloudTrail records its own API. Before each call, whatever trails had
/// due by the simulated clock is delivered.
public struct CloudTrailService: SimulatedService {
    public let store: CloudTrailStore
    let identities: IdentityDirectory
    let clock: Clock
    let random: RandomSource
    public let delivery: TrailDelivery
    public let serviceName = "cloudtrail"

    /// - Parameters:
    ///   - hsm: seals the digest signing keys' private halves (the same HSM as the KMS engine's).
    ///   - random: for the digest signing keys (a CSPRNG).
    ///   - identifiers: for event and request IDs (see `KMSEngine.identifiers`).
    public init(store: CloudTrailStore, identities: IdentityDirectory, clock: Clock, hsm: HSM,
                random: RandomSource = SystemRandom(), identifiers: RandomSource? = nil) {
        self.store = store
        self.identities = identities
        self.clock = clock
        self.random = identifiers ?? random
        delivery = TrailDelivery(keys: DigestSigningKeys(hsm: hsm, random: random))
    }

    typealias Handler = @Sendable (CloudTrailService, CloudTrailRequest) throws -> CloudTrailOutcome

    static let handlers: [String: Handler] = [
        "LookupEvents": { try $0.lookupEvents($1) },
        "CreateTrail": { try $0.createTrail($1) },
        "UpdateTrail": { try $0.updateTrail($1) },
        "DescribeTrails": { try $0.describeTrails($1) },
        "GetTrail": { try $0.getTrail($1) },
        "ListTrails": { try $0.listTrails($1) },
        "GetTrailStatus": { try $0.getTrailStatus($1) },
        "StartLogging": { try $0.startLogging($1) },
        "StopLogging": { try $0.stopLogging($1) },
        "DeleteTrail": { try $0.deleteTrail($1) },
        "ListPublicKeys": { try $0.listPublicKeys($1) },
    ]

    public var operationNames: [String] { Self.handlers.keys.sorted() }

    public func call(_ operation: String, input: JSONValue, context: RequestContext) throws(AWSServiceError) -> JSONValue {
        guard let handler = Self.handlers[operation] else { throw unsupported(operation) }
        let request = CloudTrailRequest(operation: operation, input: input, context: context, now: clock.now())
        do {
            try delivery.deliverDue(now: request.now, store: store)
            let outcome = try handler(self, request)
            if !outcome.recorded {
                try store.appendAudit(auditEvent(request, outcome: outcome, error: nil))
            }
            return outcome.response
        } catch {
            let serviceError = (error as? AWSServiceError)
                ?? AWSServiceError("CloudTrailInternalException", "CloudTrail could not complete the request: \(error)", httpStatus: 500)
            // A refused or failed call is recorded too; if even that fails, the caller still
            // needs the original error.
            try? store.appendAudit(auditEvent(request, outcome: nil, error: serviceError))
            throw serviceError
        }
    }

    /// Delivers whatever trails have due at the simulated clock's current time. The command line
    /// calls this after each command and after the clock moves, so the bucket fills as time passes.
    public func deliverDue() throws {
        try delivery.deliverDue(now: clock.now(), store: store)
    }
}

/// What an operation returns, and whether it already wrote its audit record in its own transaction.
struct CloudTrailOutcome {
    var response: JSONValue
    var readOnly: Bool
    var resources: [String] = []
    var responseElements: JSONValue = .null
    /// True when the operation appended its record in the same transaction as its change.
    var recorded = false
}
