import Foundation
import KMSEngine
import Wire

/// Delivers what has fallen due for trails as the simulated clock passes: log files about every
/// five minutes, and (with log file validation) a signed digest every hour, chained to the one
/// before.
///
/// Delivery is lazy and deterministic: whenever it runs, it delivers exactly what CloudTrail would
/// have delivered by `now`, so the bucket's contents are a function of the events and the clock,
/// whether delivery ran once or a thousand times on the way.
public struct TrailDelivery: Sendable {
    let keys: DigestSigningKeys
    /// Log files are delivered at the end of each interval (simulated seconds).
    public static let logInterval: TimeInterval = 300
    /// Digests cover this much time each, counted from when the chain began.
    public static let digestInterval: TimeInterval = 3600
    /// A log file holds at most this many records; more in one interval make several files.
    public static let maxRecordsPerFile = 1000

    public init(keys: DigestSigningKeys) { self.keys = keys }

    /// Delivers whatever is due at `now` for every logging trail, in one transaction.
    public func deliverDue(now: Date, store: CloudTrailStore) throws {
        // Most calls find nothing logging: no write transaction for them.
        guard !(try store.read { try $0.loggingTrails() }).isEmpty else { return }
        try store.write { tx in
            for trail in try tx.loggingTrails() {
                var delivered = trail
                try deliver(&delivered, now: now, flush: false, tx: tx)
                if delivered != trail { try tx.updateTrail(delivered) }
            }
        }
    }

    /// Delivers what is due for one trail. With `flush` (logging stops, validation turns off, the
    /// trail goes away) everything recorded up to `now` is delivered at `now` and each digest chain
    /// ends with a digest that closes at `now`.
    func deliver(_ trail: inout TrailRecord, now: Date, flush: Bool, tx: CloudTrailTransaction) throws {
        var chains = Dictionary(uniqueKeysWithValues: try tx.chains(trailArn: trail.arn).map { ($0.region, $0) })
        try deliverLogFiles(&trail, now: now, flush: flush, chains: &chains, tx: tx)
        guard trail.logFileValidationEnabled else { return }
        var signer: DigestSigningKeys.Active?
        for region in chains.keys.sorted() {
            guard var chain = chains[region] else { continue }
            while chain.nextStart.addingTimeInterval(Self.digestInterval) <= now {
                try deliverDigest(trail: &trail, chain: &chain, end: chain.nextStart.addingTimeInterval(Self.digestInterval),
                                  signer: &signer, tx: tx)
            }
            if flush, chain.nextStart < now {
                try deliverDigest(trail: &trail, chain: &chain, end: now, signer: &signer, tx: tx)
            }
            try tx.putChain(chain)
        }
    }

    // MARK: Log files

    private struct PendingFile {
        var region: String
        var deliveredAt: Date
        var events: [StoredEvent] = []
    }

    private func deliverLogFiles(_ trail: inout TrailRecord, now: Date, flush: Bool, chains: inout [String: DigestChainState],
                                 tx: CloudTrailTransaction) throws {
        guard let started = trail.startLoggingTime else { return }
        var lastLogTime: [String: Date] = [:]
        var files: [PendingFile] = []
        var cursor = trail.deliveredThroughSeq
        scan: while true {
            let batch = try tx.events(account: trail.accountId, region: trail.isMultiRegionTrail ? nil : trail.homeRegion,
                                      afterSeq: cursor, limit: 5000)
            if batch.isEmpty { break }
            for event in batch {
                // Events from before logging began are not this trail's (another process may have
                // committed one late).
                if event.eventTime < started || !trail.covers(region: event.region) {
                    cursor = event.seq
                    continue
                }
                let region = event.region
                if lastLogTime[region] == nil {
                    lastLogTime[region] = try tx.latestDelivery(trailArn: trail.arn, region: region, kind: .log)?.deliveredAt
                        ?? .distantPast
                }
                // The file goes out at the end of the event's interval; never into a period whose
                // digest is already delivered, and never before the last file of the Region.
                var at = (event.eventTime.timeIntervalSince1970 / Self.logInterval).rounded(.down) * Self.logInterval + Self.logInterval
                if flush { at = min(at, now.timeIntervalSince1970) }
                var deliveredAt = Date(timeIntervalSince1970: at)
                deliveredAt = max(deliveredAt, lastLogTime[region] ?? .distantPast, chains[region]?.nextStart ?? .distantPast)
                if deliveredAt > now { break scan }
                if let i = files.lastIndex(where: { $0.region == region }), files[i].deliveredAt == deliveredAt,
                    files[i].events.count < Self.maxRecordsPerFile {
                    files[i].events.append(event)
                } else {
                    files.append(PendingFile(region: region, deliveredAt: deliveredAt, events: [event]))
                }
                lastLogTime[region] = deliveredAt
                cursor = event.seq
            }
        }
        trail.deliveredThroughSeq = cursor
        for file in files {
            try write(file, trail: &trail, chains: &chains, tx: tx)
        }
    }

    private func write(_ file: PendingFile, trail: inout TrailRecord, chains: inout [String: DigestChainState],
                       tx: CloudTrailTransaction) throws {
        let unique = DeliveryLayout.uniquePart(trailArn: trail.arn, region: file.region, deliveredAt: file.deliveredAt,
                                               index: Int(file.events.first?.seq ?? 0))
        let key = DeliveryLayout.logFileKey(trail: trail, region: file.region, deliveredAt: file.deliveredAt, unique: unique)
        let body = LogFileFormat.body(records: file.events.map(\.record))
        try tx.putObject(BucketObject(bucket: trail.s3BucketName, key: key, body: body, lastModified: file.deliveredAt))
        try tx.insertDelivery(DeliveryRecord(
            trailArn: trail.arn, region: file.region, kind: .log, deliveredAt: file.deliveredAt, bucket: trail.s3BucketName,
            key: key, hash: FileHash.sha256Hex(body), oldestEventTime: file.events.map(\.eventTime).min(),
            newestEventTime: file.events.map(\.eventTime).max(), recordCount: file.events.count))
        trail.latestDeliveryTime = max(trail.latestDeliveryTime ?? .distantPast, file.deliveredAt)
        // A Region's chain begins with the trail's logging, the first time it has anything to cover.
        if trail.logFileValidationEnabled, chains[file.region] == nil {
            let chain = DigestChainState(trailArn: trail.arn, region: file.region, nextStart: trail.startLoggingTime ?? file.deliveredAt)
            chains[file.region] = chain
            try tx.putChain(chain)
        }
    }

    // MARK: Digests

    private func deliverDigest(trail: inout TrailRecord, chain: inout DigestChainState, end: Date,
                               signer: inout DigestSigningKeys.Active?, tx: CloudTrailTransaction) throws {
        if signer == nil || signer?.record.region != chain.region || !(signer.map { $0.record.validFrom <= end && end < $0.record.validUntil } ?? false) {
            signer = try keys.key(region: chain.region, at: end, tx: tx)
        }
        guard let signer else { return }
        let logs = try tx.deliveries(trailArn: trail.arn, region: chain.region, kind: .log, from: chain.nextStart, to: end)
        let key = DeliveryLayout.digestKey(trail: trail, region: chain.region, end: end)
        let digest = DigestFile(
            awsAccountId: trail.accountId, digestStartTime: chain.nextStart, digestEndTime: end, digestS3Bucket: trail.s3BucketName,
            digestS3Object: key, digestPublicKeyFingerprint: signer.record.fingerprint,
            newestEventTime: logs.compactMap(\.newestEventTime).max(), oldestEventTime: logs.compactMap(\.oldestEventTime).min(),
            previous: chain.previous,
            logFiles: logs.map {
                DigestFile.LogFileEntry(s3Bucket: $0.bucket, s3Object: $0.key, hashValue: $0.hash,
                                        newestEventTime: $0.newestEventTime, oldestEventTime: $0.oldestEventTime)
            })
        let body = digest.body
        let hash = FileHash.sha256Hex(body)
        let signature = try DigestSigningKeys.sign(
            DigestFile.stringToSign(endTime: Timestamp.zulu(end), bucket: trail.s3BucketName, key: key, bodyHashHex: hash,
                                    previousSignature: chain.previous?.signature),
            with: signer.privateKey)
        try tx.putObject(BucketObject(bucket: trail.s3BucketName, key: key, body: body,
                                      metadata: ["signature": signature, "signature-algorithm": DigestFile.signatureAlgorithm],
                                      lastModified: end))
        try tx.insertDelivery(DeliveryRecord(
            trailArn: trail.arn, region: chain.region, kind: .digest, deliveredAt: end, bucket: trail.s3BucketName, key: key,
            hash: hash, oldestEventTime: digest.oldestEventTime, newestEventTime: digest.newestEventTime, recordCount: logs.count))
        chain.previous = .init(bucket: trail.s3BucketName, key: key, hash: hash, signature: signature)
        chain.nextStart = end
        trail.latestDigestDeliveryTime = max(trail.latestDigestDeliveryTime ?? .distantPast, end)
    }
}
