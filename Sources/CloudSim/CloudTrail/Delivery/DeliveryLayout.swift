@preconcurrency import Crypto
import Foundation
import KMSEngine
import Wire

/// Where CloudTrail puts log files and digests in a trail's bucket, following its documented
/// layout:
///
///     [prefix/]AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_UNIQUE.json
///     [prefix/]AWSLogs/ACCOUNT/CloudTrail-Digest/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail-Digest_REGION_TRAIL_HOMEREGION_YYYYMMDDTHHmmssZ.json
///
/// CloudTrail gzips both and names them `.json.gz`; KMS Drill stores them uncompressed, so they
/// end in `.json`. The hashes are of the uncompressed bytes either way, as in CloudTrail.
enum DeliveryLayout {
    static func logFileKey(trail: TrailRecord, region: String, deliveredAt: Date, unique: String) -> String {
        let stamp = compactStamp(deliveredAt)
        return prefix(trail) + "AWSLogs/\(trail.accountId)/CloudTrail/\(region)/\(datePath(deliveredAt))/"
            + "\(trail.accountId)_CloudTrail_\(region)_\(stamp.prefix(13))Z_\(unique).json"
    }

    static func digestKey(trail: TrailRecord, region: String, end: Date) -> String {
        prefix(trail) + "AWSLogs/\(trail.accountId)/CloudTrail-Digest/\(region)/\(datePath(end))/"
            + "\(trail.accountId)_CloudTrail-Digest_\(region)_\(trail.name)_\(trail.homeRegion)_\(compactStamp(end))Z.json"
    }

    /// The folder holding a Region's digests (what validation lists).
    static func digestFolder(trail: TrailRecord, region: String) -> String {
        prefix(trail) + "AWSLogs/\(trail.accountId)/CloudTrail-Digest/\(region)/"
    }

    /// The folder holding a Region's log files.
    static func logFolder(trail: TrailRecord, region: String) -> String {
        prefix(trail) + "AWSLogs/\(trail.accountId)/CloudTrail/\(region)/"
    }

    /// A file name's unique part: 16 characters derived from what the file is, so delivery is a
    /// function of the clock and the events alone.
    static func uniquePart(trailArn: String, region: String, deliveredAt: Date, index: Int) -> String {
        let digest = SHA256.hash(data: Data("\(trailArn)|\(region)|\(deliveredAt.timeIntervalSince1970)|\(index)".utf8))
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return String(digest.prefix(16).map { alphabet[Int($0) % alphabet.count] })
    }

    private static func prefix(_ trail: TrailRecord) -> String {
        guard let p = trail.s3KeyPrefix, !p.isEmpty else { return "" }
        return p.hasSuffix("/") ? p : p + "/"
    }

    /// `YYYY/MM/DD` in UTC.
    private static func datePath(_ d: Date) -> String {
        Timestamp.day(d).replacingOccurrences(of: "-", with: "/")
    }

    /// `YYYYMMDDTHHmmss` in UTC.
    static func compactStamp(_ d: Date) -> String {
        Timestamp.zulu(d).filter { $0 != "-" && $0 != ":" && $0 != "Z" }
    }
}

/// The bytes of a log file: `{"Records":[...]}` with each record exactly as the event history
/// holds it, so a record can be compared byte for byte with its copy.
enum LogFileFormat {
    static func body(records: [String]) -> Data {
        var text = "{\"Records\":["
        text.reserveCapacity(records.reduce(16) { $0 + $1.utf8.count + 1 })
        for (i, r) in records.enumerated() {
            if i > 0 { text.append(",") }
            text.append(r)
        }
        text.append("]}")
        return Data(text.utf8)
    }

    /// The records of a log file, each re-serialized compactly (which reproduces the stored text
    /// for records this program wrote); nil when the file is not a CloudTrail log file.
    static func records(_ body: Data) -> [JSONValue]? {
        guard let text = String(data: body, encoding: .utf8), let parsed = try? JSONParser.parse(text),
            let records = parsed["Records"]?.arrayValue
        else { return nil }
        return records
    }
}

/// Hex SHA-256, the hash CloudTrail uses for log files and digests.
enum FileHash {
    static func sha256Hex(_ data: Data) -> String { Hex.encode(SHA256.hash(data: data)) }
}
