import Foundation
import KMSEngine
import Wire

/// Amazon RDS (`rds`), for storage encryption and the exam trap: encryption is chosen when the
/// DB instance is created and cannot be turned on later; the way to an encrypted copy of an
/// unencrypted database is snapshot, copy the snapshot with a KMS key, restore a new instance
/// (with a new endpoint) from the encrypted copy.
///
/// The database's rows are really sealed under a data key from GenerateDataKeyWithoutPlaintext
/// (as the caller through RDS, `kms:ViaService` = `rds.REGION.amazonaws.com`), readable only by
/// decrypting that key through KMS. Status changes are instant (`creating` in the response,
/// `available` right after).
public struct RDSService: SimulatedService, WireHandlerTable {
    public let serviceName = "rds"
    let engine: KMSEngine
    let store: ServiceStore
    let kms: ServiceKMSClient

    /// RDS over the engine and the service store.
    public init(engine: KMSEngine, store: ServiceStore) {
        self.engine = engine
        self.store = store
        kms = ServiceKMSClient(engine: engine, service: .rds)
    }

    typealias Handler = @Sendable (RDSService, WireInput, RequestContext) throws -> JSONValue

    static let handlers: [String: Handler] = [
        "CreateDBInstance": { try $0.createDBInstance($1, $2) },
        "DescribeDBInstances": { try $0.describeDBInstances($1, $2) },
        "ModifyDBInstance": { try $0.modifyDBInstance($1, $2) },
        "DeleteDBInstance": { try $0.deleteDBInstance($1, $2) },
        "CreateDBSnapshot": { try $0.createDBSnapshot($1, $2) },
        "CopyDBSnapshot": { try $0.copyDBSnapshot($1, $2) },
        "RestoreDBInstanceFromDBSnapshot": { try $0.restoreDBInstanceFromDBSnapshot($1, $2) },
        "DescribeDBSnapshots": { try $0.describeDBSnapshots($1, $2) },
        "DeleteDBSnapshot": { try $0.deleteDBSnapshot($1, $2) },
    ]

    public var operationNames: [String] { handlerNames }

    public func call(_ operation: String, input: JSONValue, context: RequestContext) throws(AWSServiceError) -> JSONValue {
        try dispatch(operation, input, context, invalidCode: "InvalidParameterValue", errorService: "RDS")
    }

    // MARK: Shared

    func key(_ kind: String, _ name: String, _ context: RequestContext, region: String? = nil) -> ServiceRecordKey {
        ServiceRecordKey(service: serviceName, kind: kind, account: context.caller.accountId, region: region ?? context.region, name: name)
    }

    func required(_ input: WireInput, _ member: String) throws -> String {
        guard let value = try input.string(member), !value.isEmpty else {
            throw AWSServiceError("InvalidParameterValue", "The parameter \(member) must be provided and must not be blank.")
        }
        return value
    }

    func instanceNotFound(_ id: String) -> AWSServiceError {
        AWSServiceError("DBInstanceNotFound", "DBInstance \(id) not found.", httpStatus: 404)
    }

    func snapshotNotFound(_ id: String) -> AWSServiceError {
        AWSServiceError("DBSnapshotNotFound", "DBSnapshot \(id) not found.", httpStatus: 404)
    }

    /// What RDS answers when a KMS request it makes for the caller fails.
    func keyNotAccessible(_ keyId: String) -> AWSServiceError {
        AWSServiceError("KMSKeyNotAccessibleFault",
            "The specified KMS key [\(keyId)] does not exist, is not enabled or you do not have permissions to access it.")
    }

    func loadInstance(_ id: String, _ context: RequestContext) throws -> (RDSInstance, Data?)? {
        guard let record = try store.record(key(RDSKind.instance, id.lowercased(), context)) else { return nil }
        return (try record.decode(RDSInstance.self), record.payload)
    }

    func requireInstance(_ id: String, _ context: RequestContext) throws -> (RDSInstance, Data?) {
        guard let found = try loadInstance(id, context) else { throw instanceNotFound(id) }
        var (instance, payload) = found
        try refreshHealth(&instance, payload: payload, context)
        return (instance, payload)
    }

    func saveInstance(_ instance: RDSInstance, payload: Data?, _ context: RequestContext) throws {
        try store.put(try ServiceRecord(key: key(RDSKind.instance, instance.identifier, context), encoding: instance, payload: payload))
    }

    func loadSnapshot(_ id: String, _ context: RequestContext, region: String? = nil) throws -> (RDSSnapshot, Data?)? {
        guard let record = try store.record(key(RDSKind.snapshot, id.lowercased(), context, region: region)) else { return nil }
        return (try record.decode(RDSSnapshot.self), record.payload)
    }

    func saveSnapshot(_ snapshot: RDSSnapshot, payload: Data?, _ context: RequestContext) throws {
        try store.put(try ServiceRecord(key: key(RDSKind.snapshot, snapshot.identifier, context), encoding: snapshot, payload: payload))
    }

    /// RDS's own watch on an encrypted instance's key: an instance whose key is disabled,
    /// pending deletion or gone cannot read its storage and shows
    /// `inaccessible-encryption-credentials`; it comes back when the key is usable again.
    func refreshHealth(_ instance: inout RDSInstance, payload: Data?, _ context: RequestContext) throws {
        guard instance.storageEncrypted, let arn = instance.kmsKeyId else { return }
        let usable = kms.keyState(arn: arn) == .enabled
        if !usable && instance.status != "inaccessible-encryption-credentials" {
            instance.status = "inaccessible-encryption-credentials"
            instance.inaccessibleSince = engine.clock.now()
            try saveInstance(instance, payload: payload, context)
        } else if usable && instance.status == "inaccessible-encryption-credentials" {
            instance.status = "available"
            instance.inaccessibleSince = nil
            try saveInstance(instance, payload: payload, context)
        }
    }

    static func tags(_ input: WireInput) throws -> [RDSTag] {
        try (input.array("Tags") ?? []).map { tag in
            guard let k = tag["Key"]?.stringValue else { throw AWSServiceError("InvalidParameterValue", "A tag needs a Key.") }
            return RDSTag(key: k, value: tag["Value"]?.stringValue ?? "")
        }
    }

    /// `Marker`/`MaxRecords` pages (20 to 100 records, default 100).
    static func page<T>(_ items: [T], _ input: WireInput) throws -> ([T], String?) {
        let max = try input.int("MaxRecords") ?? 100
        guard (20...100).contains(max) else {
            throw AWSServiceError("InvalidParameterValue", "Invalid value \(max) for MaxRecords. Must be between 20 and 100")
        }
        let start = try input.string("Marker").flatMap(Int.init) ?? 0
        let end = min(items.count, start + max)
        return (start < end ? Array(items[start..<end]) : [], end < items.count ? String(end) : nil)
    }
}
