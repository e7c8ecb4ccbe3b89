import Foundation
import Wire

/// How CloudTrail writes KMS values in `requestParameters`/`responseElements`: member names with
/// their first letter lower-cased (which is why `AWSAccountId` becomes `aWSAccountId`), and
/// dates in the `MMM d, yyyy, h:mm:ss a` form KMS events use.
enum CloudTrailShape {
    static func keyMetadata(_ m: KeyMetadata) -> JSONValue {
        guard let wire = try? JSONValueEncoder().encode(m) else { return .null }
        var out = JSONObject()
        for (k, v) in wire.objectValue ?? JSONObject() {
            if k == "CreationDate" || k == "DeletionDate", let t = v.numberValue {
                out[lowerFirst(k)] = .string(date(Date(timeIntervalSince1970: t)))
            } else {
                out[lowerFirst(k)] = v
            }
        }
        return .object(out)
    }

    static func lowerFirst(_ name: String) -> String {
        guard let first = name.first else { return name }
        return first.lowercased() + name.dropFirst()
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Nov 29, 2026, 9:37:15 AM` (UTC).
    static func date(_ d: Date) -> String {
        let iso = Timestamp.zulu(d)  // 2026-11-29T09:37:15Z
        let parts = iso.split(whereSeparator: { "-T:Z".contains($0) }).compactMap { Int($0) }
        guard parts.count >= 6 else { return iso }
        let hour12 = parts[3] % 12 == 0 ? 12 : parts[3] % 12
        let ampm = parts[3] < 12 ? "AM" : "PM"
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(months[parts[1] - 1]) \(parts[2]), \(parts[0]), \(hour12):\(two(parts[4])):\(two(parts[5])) \(ampm)"
    }
}
