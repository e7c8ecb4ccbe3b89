import Foundation
import KMSEngine
import Wire

/// CreateVolume, DescribeVolumes, DeleteVolume.
extension EC2Service {
    static let volumeTypes: [String: ClosedRange<Int>] = [
        "gp2": 1...16384, "gp3": 1...16384, "io1": 4...16384, "io2": 4...65536, "st1": 125...16384, "sc1": 125...16384,
        "standard": 1...1024,
    ]

    func createVolume(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        guard let zone = try input.string("AvailabilityZone") else { throw EC2Error.missing("AvailabilityZone") }
        try Self.checkZone(zone, region: context.region)
        let volumeType = try input.string("VolumeType") ?? "gp2"
        guard let sizes = Self.volumeTypes[volumeType] else {
            throw EC2Error.invalidValue("Value (\(volumeType)) for parameter volumeType is invalid. Valid values: gp2, gp3, io1, io2, sc1, st1, standard.")
        }
        let encryptedFlag = try input.bool("Encrypted")
        let keyId = try input.string("KmsKeyId")
        if keyId != nil && encryptedFlag != true { throw EC2Error.kmsKeyNeedsEncrypted }
        let iopsGiven = try input.int("Iops")
        let tags = try Self.tags(input, resourceType: "volume")
        return try store.atomically {
            let settings = try settings(context)
            var source: (EBSSnapshot, Data?)?
            if let snapshotId = try input.string("SnapshotId") {
                let found = try requireSnapshot(snapshotId, context)
                guard found.0.state == "completed" else {
                    throw AWSServiceError("IncorrectState", "The snapshot '\(snapshotId)' is in the '\(found.0.state)' state and cannot be used.")
                }
                source = found
            }
            guard let size = try input.int("Size") ?? source?.0.volumeSize else {
                throw EC2Error.missing("size or snapshotId")
            }
            if !sizes.contains(size) {
                throw EC2Error.invalidValue("Volume of \(size)GiB is too \(size < sizes.lowerBound ? "small; minimum is \(sizes.lowerBound)" : "large; maximum is \(sizes.upperBound)")GiB.")
            }
            if let snapshot = source?.0, size < snapshot.volumeSize {
                throw EC2Error.invalidValue("Volume of \(size)GiB is smaller than snapshot '\(snapshot.snapshotId)', expect size >= \(snapshot.volumeSize)GiB")
            }
            let (iops, throughput) = try Self.performance(volumeType, size: size, iops: iopsGiven)
            try refuseDryRun(input)
            // Encryption by default changes new volumes only; a volume from an encrypted
            // snapshot is always encrypted.
            let encrypted = encryptedFlag == true || settings.encryptionByDefault || source?.0.encrypted == true
            let volumeId = newId("vol")
            var volume = EBSVolume(volumeId: volumeId, availabilityZone: zone, size: size, volumeType: volumeType, iops: iops,
                                   throughput: throughput, snapshotId: source?.0.snapshotId ?? "", createTime: engine.clock.now(),
                                   state: "available", encrypted: encrypted, kmsKeyId: nil, dataKey: nil, grantId: nil, tags: tags)
            var payload: Data?
            do {
                let content = try source.map { s throws(KMSError) in
                    try openBlocks(s.1 ?? Data(), dataKey: s.0.dataKey, caller: context, region: context.region)
                } ?? EBSBlocks.initial(volumeId: volumeId, size: size)
                if encrypted {
                    let target = keyId ?? (source?.0.encrypted == true ? source?.0.kmsKeyId : nil)
                        ?? settings.defaultKmsKeyId ?? EBSSettings.managedKeyAlias
                    volume.kmsKeyId = try? Self.keyARN(target, context)
                    let (dataKey, sealed) = try encryptBlocks(content, keyId: target, resourceId: volumeId, caller: context)
                    volume.kmsKeyId = dataKey.keyArn
                    volume.dataKey = dataKey
                    volume.grantId = try kms.createGrant(keyArn: dataKey.keyArn, operations: [.decrypt],
                                                         contextSubset: ["aws:ebs:id": volumeId], as: context, region: context.region)
                    payload = sealed
                } else {
                    payload = content
                }
            } catch {
                // EC2 checks the key asynchronously: the request succeeds and the volume fails.
                volume.state = "error"
                volume.dataKey = nil
                payload = nil
            }
            try store.put(try ServiceRecord(key: recordKey(EBSKind.volume, volumeId, context), encoding: volume, payload: payload))
            var response = volume
            response.state = "creating"
            return Self.volumeJSON(response, describe: false)
        }
    }

    func describeVolumes(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let ids = try input.strings("VolumeIds")
        let filters = try EC2Filters.read(input)
        return try store.atomically {
            var volumes = try store.records(service: serviceName, kind: EBSKind.volume, account: context.caller.accountId,
                                            region: context.region).map { try $0.decode(EBSVolume.self) }
            if let ids {
                for id in ids where !volumes.contains(where: { $0.volumeId == id }) {
                    throw id.hasPrefix("vol-") ? EC2Error.volumeNotFound(id) : EC2Error.malformed(id, prefix: "vol")
                }
                volumes = volumes.filter { ids.contains($0.volumeId) }
            }
            let known: Set<String> = ["volume-id", "encrypted", "status", "availability-zone", "snapshot-id", "size", "volume-type",
                                      "create-time"]
            volumes = try volumes.filter { v in
                var a: [String: [String]] = [
                    "volume-id": [v.volumeId], "encrypted": [String(v.encrypted)], "status": [v.state],
                    "availability-zone": [v.availabilityZone], "snapshot-id": [v.snapshotId], "size": [String(v.size)],
                    "volume-type": [v.volumeType], "create-time": [Timestamp.zulu(v.createTime)],
                ]
                a.merge(EC2Filters.tagAttributes(v.tags)) { $0 + $1 }
                return try EC2Filters.matches(filters, a, known: known)
            }
            try refuseDryRun(input)
            let (page, next) = try EC2Filters.page(volumes.sorted { ($0.createTime, $0.volumeId) < ($1.createTime, $1.volumeId) }, input)
            var out: JSONObject = ["Volumes": .array(page.map { Self.volumeJSON($0, describe: true) })]
            if let next { out["NextToken"] = .string(next) }
            return .object(out)
        }
    }

    func deleteVolume(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        guard let id = try input.string("VolumeId") else { throw EC2Error.missing("VolumeId") }
        return try store.atomically {
            let (volume, _) = try requireVolume(id, context)
            try refuseDryRun(input)
            if let grant = volume.grantId, let key = volume.kmsKeyId {
                kms.retireGrant(keyArn: key, grantId: grant, account: context.caller.accountId, region: context.region)
            }
            try store.delete(recordKey(EBSKind.volume, id, context))
            return .object(JSONObject())
        }
    }

    static func checkZone(_ zone: String, region: String) throws {
        guard zone.hasPrefix(region), zone.count == region.count + 1, let letter = zone.last, "abcdef".contains(letter) else {
            throw EC2Error.invalidValue("Invalid availability zone: [\(zone)]")
        }
    }

    /// Provisioned performance as EC2 reports it for each volume type.
    static func performance(_ type: String, size: Int, iops: Int?) throws -> (Int?, Int?) {
        switch type {
        case "gp2": return (min(max(100, 3 * size), 16000), nil)
        case "gp3": return (iops ?? 3000, 125)
        case "io1", "io2":
            guard let iops else { throw EC2Error.missing("iops") }
            return (iops, nil)
        default: return (nil, nil)
        }
    }

    static func volumeJSON(_ v: EBSVolume, describe: Bool) -> JSONValue {
        var o = JSONObject()
        if describe { o["Attachments"] = .array([]) }
        o["AvailabilityZone"] = .string(v.availabilityZone)
        o["CreateTime"] = .double(v.createTime.timeIntervalSince1970)
        o["Encrypted"] = .bool(v.encrypted)
        if v.encrypted, let key = v.kmsKeyId { o["KmsKeyId"] = .string(key) }
        o["Size"] = .int(v.size)
        o["SnapshotId"] = .string(v.snapshotId)
        o["State"] = .string(v.state)
        o["VolumeId"] = .string(v.volumeId)
        if let iops = v.iops { o["Iops"] = .int(iops) }
        o["Tags"] = tagsJSON(v.tags)
        o["VolumeType"] = .string(v.volumeType)
        o["MultiAttachEnabled"] = false
        if let t = v.throughput { o["Throughput"] = .int(t) }
        return .object(o)
    }
}
