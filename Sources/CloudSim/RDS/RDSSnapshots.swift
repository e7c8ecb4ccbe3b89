import Foundation
import KMSEngine
import Wire

/// CreateDBSnapshot, CopyDBSnapshot, RestoreDBInstanceFromDBSnapshot, DescribeDBSnapshots,
/// DeleteDBSnapshot: the path from an unencrypted instance to an encrypted one.
extension RDSService {
    /// A snapshot has the instance's encryption: same key and data key, or none at all.
    func takeSnapshot(of instance: RDSInstance, payload: Data?, identifier: String, _ context: RequestContext) throws -> RDSSnapshot {
        if let problem = RDSNames.identifierProblem(identifier, member: "DBSnapshotIdentifier", maxLength: 255) { throw problem }
        if try loadSnapshot(identifier, context) != nil {
            throw AWSServiceError("DBSnapshotAlreadyExists",
                "Cannot create the snapshot because a snapshot with the identifier \(identifier) already exists.")
        }
        let snapshot = RDSSnapshot(
            identifier: identifier.lowercased(), instanceIdentifier: instance.identifier, engine: instance.engine,
            engineVersion: instance.engineVersion, instanceClass: instance.instanceClass, allocatedStorage: instance.allocatedStorage,
            storageType: instance.storageType, masterUsername: instance.masterUsername, dbName: instance.dbName, port: instance.port,
            availabilityZone: instance.availabilityZone, instanceCreateTime: instance.createTime, snapshotCreateTime: engine.clock.now(),
            status: "available", licenseModel: instance.licenseModel, encrypted: instance.storageEncrypted, kmsKeyId: instance.kmsKeyId,
            dataKey: instance.dataKey, dbiResourceId: instance.dbiResourceId, snapshotType: "manual", sourceSnapshotArn: nil,
            sourceRegion: nil, tags: [])
        try saveSnapshot(snapshot, payload: payload, context)
        return snapshot
    }

    func createDBSnapshot(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let snapshotId = try required(input, "DBSnapshotIdentifier")
        let instanceId = try required(input, "DBInstanceIdentifier")
        return try store.atomically {
            let (instance, payload) = try requireInstance(instanceId, context)
            guard instance.status == "available" else {
                throw AWSServiceError("InvalidDBInstanceState",
                    "Cannot create a snapshot because the database instance \(instance.identifier) is not currently in the available state.")
            }
            var snapshot = try takeSnapshot(of: instance, payload: payload, identifier: snapshotId, context)
            snapshot.tags = try Self.tags(input)
            try saveSnapshot(snapshot, payload: payload, context)
            snapshot.status = "creating"
            return ["DBSnapshot": snapshotJSON(snapshot, context)]
        }
    }

    /// A copy keeps the source's encryption, or is encrypted (re-encrypted) under `KmsKeyId`:
    /// RDS decrypts the source's data key, gets a new one under the target key and re-seals.
    func copyDBSnapshot(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let sourceText = try required(input, "SourceDBSnapshotIdentifier")
        let targetId = try required(input, "TargetDBSnapshotIdentifier")
        if let problem = RDSNames.identifierProblem(targetId, member: "TargetDBSnapshotIdentifier", maxLength: 255) { throw problem }
        let keyId = try input.string("KmsKeyId")
        let (sourceId, sourceRegion) = try Self.parseSnapshotReference(sourceText, context)
        return try store.atomically {
            guard let (source, sealed) = try loadSnapshot(sourceId, context, region: sourceRegion).map({ ($0.0, $0.1) }) else {
                throw snapshotNotFound(sourceText)
            }
            guard source.status == "available" else {
                throw AWSServiceError("InvalidDBSnapshotState", "Snapshot \(source.identifier) is not in the available state.")
            }
            if try loadSnapshot(targetId, context) != nil {
                throw AWSServiceError("DBSnapshotAlreadyExists",
                    "Cannot create the snapshot because a snapshot with the identifier \(targetId) already exists.")
            }
            let crossRegion = sourceRegion != context.region
            if crossRegion && source.encrypted && keyId == nil {
                throw AWSServiceError("InvalidParameterCombination",
                    "KmsKeyId must be specified to copy an encrypted snapshot to another Region: KMS keys belong to one Region.")
            }
            var copy = source
            copy.identifier = targetId.lowercased()
            copy.snapshotCreateTime = engine.clock.now()
            copy.snapshotType = "manual"
            copy.sourceSnapshotArn = RDSNames.snapshotARN(source.identifier, account: context.caller.accountId, region: sourceRegion)
            copy.sourceRegion = crossRegion ? sourceRegion : nil
            copy.tags = (try input.bool("CopyTags") ?? false) ? source.tags : try Self.tags(input)
            var payload = sealed
            if let keyId {
                // Encrypt (or re-encrypt) the copy under the named key.
                do {
                    let plain = try openStorage(sealed ?? Data(), dataKey: source.dataKey, caller: context, region: sourceRegion)
                    let (dataKey, resealed) = try encryptStorage(plain, keyId: keyId, caller: context)
                    copy.encrypted = true
                    copy.kmsKeyId = dataKey.keyArn
                    copy.dataKey = dataKey
                    payload = resealed
                } catch {
                    throw CommitThenFail(keyNotAccessible(keyId))
                }
            }
            try saveSnapshot(copy, payload: payload, context)
            copy.status = "creating"
            return ["DBSnapshot": snapshotJSON(copy, context)]
        }
    }

    /// A new instance (new identifier, new endpoint) from a snapshot: encrypted exactly when the
    /// snapshot is, with the snapshot's key.
    func restoreDBInstanceFromDBSnapshot(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let id = try required(input, "DBInstanceIdentifier")
        if let problem = RDSNames.identifierProblem(id, member: "DBInstanceIdentifier", maxLength: 63) { throw problem }
        let snapshotId = try required(input, "DBSnapshotIdentifier")
        return try store.atomically {
            guard let (snapshot, sealed) = try loadSnapshot(snapshotId, context).map({ ($0.0, $0.1) }) else {
                throw snapshotNotFound(snapshotId)
            }
            guard snapshot.status == "available" else {
                throw AWSServiceError("InvalidDBSnapshotState", "Snapshot \(snapshot.identifier) is not in the available state.")
            }
            if try loadInstance(id, context) != nil { throw AWSServiceError("DBInstanceAlreadyExists", "DB instance already exists") }
            var instance = RDSInstance(
                identifier: id.lowercased(), engine: snapshot.engine, engineVersion: snapshot.engineVersion,
                instanceClass: try input.string("DBInstanceClass") ?? snapshot.instanceClass, allocatedStorage: snapshot.allocatedStorage,
                storageType: try input.string("StorageType") ?? snapshot.storageType, masterUsername: snapshot.masterUsername,
                dbName: snapshot.dbName, port: try input.int("Port") ?? snapshot.port, status: "available", createTime: engine.clock.now(),
                availabilityZone: try input.string("AvailabilityZone") ?? snapshot.availabilityZone, backupRetentionPeriod: 1,
                multiAZ: try input.bool("MultiAZ") ?? false, publiclyAccessible: try input.bool("PubliclyAccessible") ?? false,
                deletionProtection: try input.bool("DeletionProtection") ?? false, licenseModel: snapshot.licenseModel,
                storageEncrypted: snapshot.encrypted, kmsKeyId: snapshot.kmsKeyId, dataKey: snapshot.dataKey, grantId: nil,
                dbiResourceId: newResourceId(), tags: try Self.tags(input), inaccessibleSince: nil)
            if let dataKey = snapshot.dataKey {
                // Starting the restored database needs the key: a grant for RDS, and the data key decrypted.
                do {
                    instance.grantId = try createInstanceGrant(keyArn: dataKey.keyArn, caller: context)
                    _ = try openStorage(sealed ?? Data(), dataKey: dataKey, caller: context, region: context.region)
                } catch {
                    throw CommitThenFail(keyNotAccessible(dataKey.keyArn))
                }
            }
            try saveInstance(instance, payload: sealed, context)
            var response = instance
            response.status = "creating"
            return ["DBInstance": instanceJSON(response, context, endpoint: false)]
        }
    }

    func describeDBSnapshots(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let snapshotId = try input.string("DBSnapshotIdentifier")
        let instanceId = try input.string("DBInstanceIdentifier")?.lowercased()
        let type = try input.string("SnapshotType")
        return try store.atomically {
            var snapshots: [RDSSnapshot]
            if let snapshotId {
                guard let found = try loadSnapshot(snapshotId, context) else { throw snapshotNotFound(snapshotId) }
                snapshots = [found.0]
            } else {
                snapshots = try store.records(service: serviceName, kind: RDSKind.snapshot, account: context.caller.accountId,
                                              region: context.region).map { try $0.decode(RDSSnapshot.self) }
            }
            snapshots = snapshots.filter { (instanceId == nil || $0.instanceIdentifier == instanceId) && (type == nil || $0.snapshotType == type) }
            let (page, marker) = try Self.page(snapshots, input)
            var out: JSONObject = [:]
            if let marker { out["Marker"] = .string(marker) }
            out["DBSnapshots"] = .array(page.map { snapshotJSON($0, context) })
            return .object(out)
        }
    }

    func deleteDBSnapshot(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let id = try required(input, "DBSnapshotIdentifier")
        return try store.atomically {
            guard var snapshot = try loadSnapshot(id, context)?.0 else { throw snapshotNotFound(id) }
            try store.delete(key(RDSKind.snapshot, snapshot.identifier, context))
            snapshot.status = "deleted"
            return ["DBSnapshot": snapshotJSON(snapshot, context)]
        }
    }

    /// A snapshot named by identifier (this Region) or ARN (any Region of the caller's account).
    static func parseSnapshotReference(_ text: String, _ context: RequestContext) throws -> (String, String) {
        guard text.hasPrefix("arn:") else { return (text, context.region) }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 7, parts[2] == "rds", parts[5] == "snapshot" else {
            throw AWSServiceError("InvalidParameterValue", "Invalid snapshot identifier: \(text)")
        }
        guard parts[4] == Substring(context.caller.accountId) else {
            throw AWSServiceError("DBSnapshotNotFound", "DBSnapshot \(text) not found.", httpStatus: 404)
        }
        return (String(parts[6]), String(parts[3]))
    }

    func snapshotJSON(_ s: RDSSnapshot, _ context: RequestContext) -> JSONValue {
        var o: JSONObject = [
            "DBSnapshotIdentifier": .string(s.identifier),
            "DBInstanceIdentifier": .string(s.instanceIdentifier),
            "SnapshotCreateTime": .double(s.snapshotCreateTime.timeIntervalSince1970),
            "Engine": .string(s.engine),
            "AllocatedStorage": .int(s.allocatedStorage),
            "Status": .string(s.status),
            "Port": .int(s.port),
            "AvailabilityZone": .string(s.availabilityZone),
            "InstanceCreateTime": .double(s.instanceCreateTime.timeIntervalSince1970),
            "MasterUsername": .string(s.masterUsername),
            "EngineVersion": .string(s.engineVersion),
            "LicenseModel": .string(s.licenseModel),
            "SnapshotType": .string(s.snapshotType),
            "PercentProgress": .int(s.status == "creating" ? 0 : 100),
        ]
        if let r = s.sourceRegion { o["SourceRegion"] = .string(r) }
        o["StorageType"] = .string(s.storageType)
        o["Encrypted"] = .bool(s.encrypted)
        if s.encrypted, let key = s.kmsKeyId { o["KmsKeyId"] = .string(key) }
        o["DBSnapshotArn"] = .string(RDSNames.snapshotARN(s.identifier, account: context.caller.accountId, region: context.region))
        if let src = s.sourceSnapshotArn { o["SourceDBSnapshotIdentifier"] = .string(src) }
        o["IAMDatabaseAuthenticationEnabled"] = false
        o["ProcessorFeatures"] = []
        o["DbiResourceId"] = .string(s.dbiResourceId)
        o["TagList"] = .array(s.tags.map { ["Key": .string($0.key), "Value": .string($0.value)] })
        o["OriginalSnapshotCreateTime"] = .double(s.snapshotCreateTime.timeIntervalSince1970)
        o["SnapshotTarget"] = "region"
        o["StorageEncryptionType"] = .string(s.encrypted ? "sse-kms" : "none")
        return .object(o)
    }
}
