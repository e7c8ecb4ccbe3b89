import Foundation
import Wire

/// The walk `validate-logs` makes: from the newest digest in range back along each digest's link
/// to the one before, checking every digest (where it is, its signature, its key) and every log
/// file a valid digest lists (its SHA-256).
///
/// Beyond the AWS CLI, it also compares the bucket with CloudTrail's own record of what it
/// delivered, so that a deleted newest digest, or a file someone put in the bucket, is reported.
struct DigestWalk {
    let trail: TrailRecord
    let region: String
    let start: Date
    let end: Date
    let tx: CloudTrailTransaction

    /// Log files whose hash matched, for the event history cross-check.
    private(set) var validLogFiles: [(location: String, body: Data)] = []

    init(trail: TrailRecord, region: String, start: Date, end: Date, tx: CloudTrailTransaction) {
        self.trail = trail
        self.region = region
        self.start = start
        self.end = end
        self.tx = tx
    }

    private var bucket: String { trail.s3BucketName }

    mutating func run(into report: inout ValidationReport) throws {
        // Digests are listed by the end time in their names; like the CLI, look an hour past the
        // end for the digest that covers it.
        let marker = "_CloudTrail-Digest_\(region)_\(trail.name)_\(trail.homeRegion)_"
        var listed = try tx.objectKeys(bucket: bucket, prefix: DeliveryLayout.digestFolder(trail: trail, region: region))
            .compactMap { key -> (key: String, date: Date)? in
                guard key.contains(marker), let date = Self.digestKeyDate(key) else { return nil }
                return (key, date)
            }
            .filter { $0.date >= start && $0.date <= end.addingTimeInterval(3600) }
            .sorted { $0.date < $1.date }
        let inRange = listed
        let publicKeys = Dictionary(
            try tx.signingKeys(region: region)
                .filter { $0.validFrom <= end.addingTimeInterval(7200) && $0.validUntil >= start }
                .map { ($0.fingerprint, $0) },
            uniquingKeysWith: { a, _ in a })

        var visited = Set<String>()
        var current = listed.popLast()
        var lastStart = current?.date ?? start
        while let (key, _) = current, start <= lastStart {
            visited.insert(key)
            let location = "s3://\(bucket)/\(key)"
            switch checkDigest(key: key, publicKeys: publicKeys) {
            case .missing:
                report.entries.append(.init(kind: .digest, location: location, problem: "not found"))
                current = Self.nextOlder(&listed, than: key)
            case .invalid(let problem):
                report.entries.append(.init(kind: .digest, location: location, problem: problem))
                current = Self.nextOlder(&listed, than: key)
            case .valid(let digest):
                report.entries.append(.init(kind: .digest, location: location))
                track(digest, in: &report)
                try checkLogFiles(of: digest, into: &report)
                lastStart = Timestamp.parse(digest["digestStartTime"]?.stringValue ?? "") ?? lastStart
                if let previousKey = digest["previousDigestS3Object"]?.stringValue,
                    digest["previousDigestS3Bucket"]?.stringValue != nil {
                    current = (previousKey, lastStart)
                } else {
                    // The chain began here (logging or validation started): continue with the
                    // next older digest, if any, and say there is a gap.
                    current = Self.nextOlder(&listed, than: key)
                    if let next = current {
                        report.entries.append(.init(kind: .gap, location: "", note:
                            "No log files were delivered by CloudTrail between \(Timestamp.zulu(next.date)) and \(Timestamp.zulu(lastStart))"))
                    }
                }
            }
        }
        try checkAgainstDeliveries(listedDigests: inRange.map(\.key), visited: visited, into: &report)
    }

    private enum DigestCheck {
        case missing
        case invalid(String)
        case valid(JSONValue)
    }

    private func checkDigest(key: String, publicKeys: [String: SigningKeyRecord]) -> DigestCheck {
        guard let object = try? tx.object(bucket: bucket, key: key) else { return .missing }
        guard let text = String(data: object.body, encoding: .utf8), let digest = try? JSONParser.parse(text),
            digest.objectValue != nil
        else { return .invalid("invalid format") }
        let required = ["digestPublicKeyFingerprint", "digestS3Bucket", "digestS3Object", "previousDigestSignature",
                        "digestEndTime", "digestStartTime"]
        guard required.allSatisfy({ digest[$0] != nil }) else { return .invalid("invalid format") }
        guard digest["digestS3Bucket"]?.stringValue == bucket, digest["digestS3Object"]?.stringValue == key else {
            return .invalid("has been moved from its original location")
        }
        let fingerprint = digest["digestPublicKeyFingerprint"]?.stringValue ?? ""
        guard let publicKey = publicKeys[fingerprint] else {
            return .invalid("public key not found in region \(region) for fingerprint \(fingerprint)")
        }
        guard let signature = object.metadata["signature"], object.metadata["signature-algorithm"] != nil,
            let endTime = digest["digestEndTime"]?.stringValue
        else { return .invalid("signature verification failed") }
        let toSign = DigestFile.stringToSign(endTime: endTime, bucket: bucket, key: key, bodyHashHex: FileHash.sha256Hex(object.body),
                                             previousSignature: digest["previousDigestSignature"]?.stringValue)
        guard DigestSigningKeys.verify(signatureHex: signature, message: toSign, publicKey: publicKey.publicKey) else {
            return .invalid("signature verification failed")
        }
        return .valid(digest)
    }

    private mutating func checkLogFiles(of digest: JSONValue, into report: inout ValidationReport) throws {
        for entry in digest["logFiles"]?.arrayValue ?? [] {
            let logBucket = entry["s3Bucket"]?.stringValue ?? bucket
            let key = entry["s3Object"]?.stringValue ?? ""
            let location = "s3://\(logBucket)/\(key)"
            guard let object = try tx.object(bucket: logBucket, key: key) else {
                report.entries.append(.init(kind: .logFile, location: location, problem: "not found"))
                continue
            }
            if FileHash.sha256Hex(object.body) != entry["hashValue"]?.stringValue {
                report.entries.append(.init(kind: .logFile, location: location, problem: "hash value doesn't match"))
            } else if LogFileFormat.records(object.body) == nil {
                report.entries.append(.init(kind: .logFile, location: location, problem: "invalid format"))
            } else {
                report.entries.append(.init(kind: .logFile, location: location))
                validLogFiles.append((location, object.body))
            }
        }
    }

    /// Files that are in the bucket but were never delivered, and digests that were delivered in
    /// range but are gone (the newest one has no later digest to miss it).
    private func checkAgainstDeliveries(listedDigests: [String], visited: Set<String>, into report: inout ValidationReport) throws {
        let from = start
        let to = end.addingTimeInterval(3600)
        let deliveredDigests = Set(try tx.deliveries(trailArn: trail.arn, region: region, kind: .digest, from: from,
                                                     to: to.addingTimeInterval(1)).map(\.key))
        let reported = Set(report.entries.filter { $0.kind == .digest }.map(\.location))
        for key in deliveredDigests.sorted() where !visited.contains(key) {
            let location = "s3://\(bucket)/\(key)"
            if try tx.object(bucket: bucket, key: key) == nil, !reported.contains(location) {
                report.entries.append(.init(kind: .digest, location: location, problem: "not found"))
            }
        }
        for key in listedDigests where !deliveredDigests.contains(key) && !visited.contains(key) {
            report.entries.append(.init(kind: .digest, location: "s3://\(bucket)/\(key)",
                                        problem: "not delivered by CloudTrail (added to the bucket)"))
        }
        let deliveredLogs = Set(try tx.deliveries(trailArn: trail.arn, region: region, kind: .log, from: .distantPast,
                                                  to: .distantFuture).map(\.key))
        for key in try tx.objectKeys(bucket: bucket, prefix: DeliveryLayout.logFolder(trail: trail, region: region))
        where !deliveredLogs.contains(key) {
            guard let date = Self.logKeyDate(key), date >= start, date <= end else { continue }
            report.entries.append(.init(kind: .logFile, location: "s3://\(bucket)/\(key)",
                                        problem: "not delivered by CloudTrail (added to the bucket)"))
        }
    }

    private func track(_ digest: JSONValue, in report: inout ValidationReport) {
        guard let s = Timestamp.parse(digest["digestStartTime"]?.stringValue ?? ""),
            let e = Timestamp.parse(digest["digestEndTime"]?.stringValue ?? "")
        else { return }
        let earliest = max(s, start)
        if report.foundStart.map({ earliest < $0 }) ?? true { report.foundStart = earliest }
        let latest = min(e, end)
        if report.foundEnd.map({ latest > $0 }) ?? true { report.foundEnd = latest }
    }

    /// The newest listed digest older than `key` (dropping the ones passed over).
    private static func nextOlder(_ listed: inout [(key: String, date: Date)], than key: String) -> (key: String, date: Date)? {
        guard let date = digestKeyDate(key) else { return listed.popLast() }
        while let candidate = listed.popLast() {
            if candidate.date < date { return candidate }
        }
        return nil
    }

    /// The end time in a digest's name: `..._20260101T010000Z.json`.
    static func digestKeyDate(_ key: String) -> Date? {
        guard key.hasSuffix("Z.json"), key.count > 22 else { return nil }
        let stamp = String(key.dropLast(6).suffix(15))
        return compactDate(stamp)
    }

    /// The delivery time in a log file's name: `..._20260101T0005Z_UNIQUE.json`.
    static func logKeyDate(_ key: String) -> Date? {
        let name = key.split(separator: "/").last.map(String.init) ?? key
        let parts = name.split(separator: "_")
        guard parts.count >= 5 else { return nil }
        let stamp = parts[parts.count - 2]
        guard stamp.hasSuffix("Z"), stamp.count == 14 else { return nil }
        return compactDate(String(stamp.dropLast()) + "00")
    }

    /// `YYYYMMDDTHHMMSS` (UTC).
    static func compactDate(_ s: String) -> Date? {
        let c = Array(s)
        guard c.count == 15, c[8] == "T" else { return nil }
        let iso = "\(String(c[0..<4]))-\(String(c[4..<6]))-\(String(c[6..<8]))T\(String(c[9..<11])):\(String(c[11..<13])):\(String(c[13..<15]))Z"
        return Timestamp.parse(iso)
    }
}
