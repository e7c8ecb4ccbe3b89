import Foundation
import KMSEngine
import Wire

/// CreateSnapshot, CopySnapshot, DescribeSnapshots, DeleteSnapshot.
extension EC2Service {
    /// A snapshot of an encrypted volume is encrypted with the same key (it shares the volume's
    /// data key and sealed blocks: no KMS request); a snapshot of an unencrypted volume is not.
    func createSnapshot(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        guard let volumeId = try input.string("VolumeId") else { throw EC2Error.missing("VolumeId") }
        let description = try input.string("Description") ?? ""
        let tags = try Self.tags(input, resourceType: "snapshot")
        return try store.atomically {
            let (volume, payload) = try requireVolume(volumeId, context)
            guard volume.state == "available" || volume.state == "in-use" else {
                throw AWSServiceError("IncorrectState", "The volume '\(volumeId)' is in the '\(volume.state)' state.")
            }
            try refuseDryRun(input)
            let snapshot = EBSSnapshot(snapshotId: newId("snap"), volumeId: volumeId, volumeSize: volume.size, state: "completed",
                                       stateMessage: nil, startTime: engine.clock.now(), description: description,
                                       ownerId: context.caller.accountId, encrypted: volume.encrypted, kmsKeyId: volume.kmsKeyId,
                                       dataKey: volume.dataKey, tags: tags)
            try store.put(try ServiceRecord(key: recordKey(EBSKind.snapshot, snapshot.snapshotId, context), encoding: snapshot,
                                            payload: payload))
            var response = snapshot
            response.state = "pending"
            return Self.snapshotJSON(response, progress: "")
        }
    }

    /// A copy can be encrypted (or re-encrypted) under another key: EBS decrypts the source's
    /// data key, gets a new one under the destination key, and re-seals the blocks.
    func copySnapshot(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        guard let sourceId = try input.string("SourceSnapshotId") else { throw EC2Error.missing("SourceSnapshotId") }
        guard let sourceRegion = try input.string("SourceRegion") else { throw EC2Error.missing("SourceRegion") }
        let encryptedFlag = try input.bool("Encrypted")
        let keyId = try input.string("KmsKeyId")
        if keyId != nil && encryptedFlag != true { throw EC2Error.kmsKeyNeedsEncrypted }
        let tags = try Self.tags(input, resourceType: "snapshot")
        return try store.atomically {
            let (source, sealed) = try requireSnapshot(sourceId, context, region: sourceRegion)
            guard source.state == "completed" else {
                throw AWSServiceError("IncorrectState", "The snapshot '\(sourceId)' is in the '\(source.state)' state and cannot be copied.")
            }
            try refuseDryRun(input)
            let settings = try settings(context)
            let encrypted = source.encrypted || encryptedFlag == true || settings.encryptionByDefault
            let snapshotId = newId("snap")
            var copy = EBSSnapshot(snapshotId: snapshotId, volumeId: "vol-ffffffff", volumeSize: source.volumeSize, state: "completed",
                                   stateMessage: nil, startTime: engine.clock.now(),
                                   description: try input.string("Description") ?? "[Copied \(sourceId) from \(sourceRegion)]",
                                   ownerId: context.caller.accountId, encrypted: encrypted, kmsKeyId: nil, dataKey: nil, tags: tags)
            var payload: Data?
            do {
                let blocks = try openBlocks(sealed ?? Data(), dataKey: source.dataKey, caller: context, region: sourceRegion)
                if encrypted {
                    // Without a key named, a copy in the same Region keeps the source's key;
                    // elsewhere it takes the destination Region's default EBS key.
                    let sameRegion = sourceRegion == context.region
                    let target = keyId ?? (source.encrypted && sameRegion ? source.kmsKeyId : nil)
                        ?? settings.defaultKmsKeyId ?? EBSSettings.managedKeyAlias
                    copy.kmsKeyId = try? Self.keyARN(target, context)
                    let (dataKey, resealed) = try encryptBlocks(blocks, keyId: target, resourceId: snapshotId, caller: context)
                    copy.kmsKeyId = dataKey.keyArn
                    copy.dataKey = dataKey
                    payload = resealed
                } else {
                    payload = blocks
                }
            } catch {
                copy.state = "error"
                copy.stateMessage = "Given key ID is not accessible"
                payload = nil
            }
            try store.put(try ServiceRecord(key: recordKey(EBSKind.snapshot, snapshotId, context), encoding: copy, payload: payload))
            var out: JSONObject = ["SnapshotId": .string(snapshotId)]
            if !tags.isEmpty { out["Tags"] = Self.tagsJSON(tags) }
            return .object(out)
        }
    }

    func describeSnapshots(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let ids = try input.strings("SnapshotIds")
        let owners = try input.strings("OwnerIds")
        let filters = try EC2Filters.read(input)
        return try store.atomically {
            let account = context.caller.accountId
            if let owners, !owners.contains(where: { $0 == "self" || $0 == account }) {
                return ["Snapshots": .array([])]
            }
            var snapshots = try store.records(service: serviceName, kind: EBSKind.snapshot, account: account, region: context.region)
                .map { try $0.decode(EBSSnapshot.self) }
            if let ids {
                for id in ids where !snapshots.contains(where: { $0.snapshotId == id }) {
                    throw id.hasPrefix("snap-") ? EC2Error.snapshotNotFound(id) : EC2Error.malformed(id, prefix: "snap")
                }
                snapshots = snapshots.filter { ids.contains($0.snapshotId) }
            }
            let known: Set<String> = ["snapshot-id", "volume-id", "status", "encrypted", "owner-id", "description", "volume-size",
                                      "start-time"]
            snapshots = try snapshots.filter { s in
                var a: [String: [String]] = [
                    "snapshot-id": [s.snapshotId], "volume-id": [s.volumeId], "status": [s.state], "encrypted": [String(s.encrypted)],
                    "owner-id": [s.ownerId], "description": [s.description], "volume-size": [String(s.volumeSize)],
                    "start-time": [Timestamp.zulu(s.startTime)],
                ]
                a.merge(EC2Filters.tagAttributes(s.tags)) { $0 + $1 }
                return try EC2Filters.matches(filters, a, known: known)
            }
            try refuseDryRun(input)
            let (page, next) = try EC2Filters.page(snapshots.sorted { ($0.startTime, $0.snapshotId) < ($1.startTime, $1.snapshotId) }, input)
            var out: JSONObject = ["Snapshots": .array(page.map { Self.snapshotJSON($0, progress: "100%") })]
            if let next { out["NextToken"] = .string(next) }
            return .object(out)
        }
    }

    func deleteSnapshot(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        guard let id = try input.string("SnapshotId") else { throw EC2Error.missing("SnapshotId") }
        return try store.atomically {
            _ = try requireSnapshot(id, context)
            try refuseDryRun(input)
            try store.delete(recordKey(EBSKind.snapshot, id, context))
            return .object(JSONObject())
        }
    }

    static func snapshotJSON(_ s: EBSSnapshot, progress: String) -> JSONValue {
        var o: JSONObject = [
            "Description": .string(s.description),
            "Encrypted": .bool(s.encrypted),
        ]
        if s.encrypted, let key = s.kmsKeyId { o["KmsKeyId"] = .string(key) }
        o["OwnerId"] = .string(s.ownerId)
        o["Progress"] = .string(s.state == "completed" ? progress : (s.state == "error" ? "0%" : ""))
        o["SnapshotId"] = .string(s.snapshotId)
        o["StartTime"] = .double(s.startTime.timeIntervalSince1970)
        o["State"] = .string(s.state)
        if let m = s.stateMessage { o["StateMessage"] = .string(m) }
        o["VolumeId"] = .string(s.volumeId)
        o["VolumeSize"] = .int(s.volumeSize)
        o["Tags"] = tagsJSON(s.tags)
        o["StorageTier"] = "standard"
        return .object(o)
    }
}
