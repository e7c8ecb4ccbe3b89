import Foundation
import KMSEngine
import Wire

/// Amazon EC2 (`ec2`), for EBS encryption: encryption by default per account and Region, the
/// default KMS key, and volumes and snapshots whose (simulated) blocks are really encrypted.
///
/// An encrypted volume gets its data key the way EBS gets it: GenerateDataKeyWithoutPlaintext
/// as the caller through EC2 (`kms:ViaService` = `ec2.REGION.amazonaws.com`, encryption context
/// `aws:ebs:id`), a grant for EC2 to decrypt it later, and Decrypt when the blocks are written.
/// As in EC2, a key that cannot be used does not fail the request: the volume goes to the
/// `error` state (a snapshot copy to `error` with a state message), and the audit log shows why.
public struct EC2Service: SimulatedService, WireHandlerTable {
    public let serviceName = "ec2"
    let engine: KMSEngine
    let store: ServiceStore
    let kms: ServiceKMSClient

    /// EC2 (EBS) over the engine and the service store.
    public init(engine: KMSEngine, store: ServiceStore) {
        self.engine = engine
        self.store = store
        kms = ServiceKMSClient(engine: engine, service: .ebs)
    }

    typealias Handler = @Sendable (EC2Service, WireInput, RequestContext) throws -> JSONValue

    static let handlers: [String: Handler] = [
        "EnableEbsEncryptionByDefault": { try $0.setEncryptionByDefault(true, $1, $2) },
        "DisableEbsEncryptionByDefault": { try $0.setEncryptionByDefault(false, $1, $2) },
        "GetEbsEncryptionByDefault": { try $0.getEncryptionByDefault($1, $2) },
        "GetEbsDefaultKmsKeyId": { try $0.getDefaultKmsKeyId($1, $2) },
        "ModifyEbsDefaultKmsKeyId": { try $0.modifyDefaultKmsKeyId($1, $2) },
        "ResetEbsDefaultKmsKeyId": { try $0.resetDefaultKmsKeyId($1, $2) },
        "CreateVolume": { try $0.createVolume($1, $2) },
        "DescribeVolumes": { try $0.describeVolumes($1, $2) },
        "DeleteVolume": { try $0.deleteVolume($1, $2) },
        "CreateSnapshot": { try $0.createSnapshot($1, $2) },
        "CopySnapshot": { try $0.copySnapshot($1, $2) },
        "DescribeSnapshots": { try $0.describeSnapshots($1, $2) },
        "DeleteSnapshot": { try $0.deleteSnapshot($1, $2) },
    ]

    public var operationNames: [String] { handlerNames }

    public func call(_ operation: String, input: JSONValue, context: RequestContext) throws(AWSServiceError) -> JSONValue {
        try dispatch(operation, input, context, invalidCode: "InvalidParameterValue", errorService: "EC2")
    }

    // MARK: Shared

    func recordKey(_ kind: String, _ name: String, _ context: RequestContext, region: String? = nil) -> ServiceRecordKey {
        ServiceRecordKey(service: serviceName, kind: kind, account: context.caller.accountId, region: region ?? context.region, name: name)
    }

    /// DryRun: the request was checked and would have succeeded.
    func refuseDryRun(_ input: WireInput) throws {
        if try input.bool("DryRun") == true { throw EC2Error.dryRun }
    }

    func settings(_ context: RequestContext, region: String? = nil) throws -> EBSSettings {
        try store.record(recordKey(EBSKind.settings, "default", context, region: region))?.decode(EBSSettings.self) ?? EBSSettings()
    }

    func saveSettings(_ settings: EBSSettings, _ context: RequestContext) throws {
        try store.put(try ServiceRecord(key: recordKey(EBSKind.settings, "default", context), encoding: settings))
    }

    /// A new resource ID: the prefix and 17 hex digits (`vol-0a1b2c...`).
    func newId(_ prefix: String) -> String {
        "\(prefix)-" + String(engine.identifiers.hex(9).prefix(17))
    }

    func requireVolume(_ id: String, _ context: RequestContext) throws -> (EBSVolume, Data?) {
        guard id.hasPrefix("vol-") else { throw EC2Error.malformed(id, prefix: "vol") }
        guard let record = try store.record(recordKey(EBSKind.volume, id, context)) else { throw EC2Error.volumeNotFound(id) }
        return (try record.decode(EBSVolume.self), record.payload)
    }

    func requireSnapshot(_ id: String, _ context: RequestContext, region: String? = nil) throws -> (EBSSnapshot, Data?) {
        guard id.hasPrefix("snap-") else { throw EC2Error.malformed(id, prefix: "snap") }
        guard let record = try store.record(recordKey(EBSKind.snapshot, id, context, region: region)) else {
            throw EC2Error.snapshotNotFound(id)
        }
        return (try record.decode(EBSSnapshot.self), record.payload)
    }

    static func tags(_ input: WireInput, resourceType: String) throws -> [EC2Tag] {
        var out: [EC2Tag] = []
        for spec in try input.array("TagSpecifications") ?? [] where spec["ResourceType"]?.stringValue == resourceType {
            for tag in spec["Tags"]?.arrayValue ?? [] {
                guard let key = tag["Key"]?.stringValue else { throw EC2Error.invalidValue("A tag needs a Key.") }
                out.append(EC2Tag(key: key, value: tag["Value"]?.stringValue ?? ""))
            }
        }
        return out
    }

    static func tagsJSON(_ tags: [EC2Tag]) -> JSONValue {
        .array(tags.map { ["Key": .string($0.key), "Value": .string($0.value)] })
    }
}
