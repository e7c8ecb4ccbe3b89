import Foundation

/// One page of a listing, with AWS's `NextMarker`/`Truncated` pair.
struct Page<Item> {
    var items: [Item]
    var nextMarker: String?
    var truncated: Bool
}

/// Limit/Marker pagination as KMS does it: `Limit` 1–1000 (default 100), an opaque `Marker`
/// returned as `NextMarker` while `Truncated` is true.
enum Paginator {
    static func page<Item>(_ all: [Item], limit: Int?, marker: String?, defaultLimit: Int = 100) throws -> Page<Item> {
        if let limit, !(1...1000).contains(limit) {
            throw KMSError.validation(member: "limit", value: String(limit),
                constraint: limit < 1 ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to 1000")
        }
        var start = 0
        if let marker {
            guard let offset = decode(marker), offset <= all.count else {
                throw KMSError(.invalidMarker, "The marker '\(marker)' is not valid: pass the NextMarker of the previous response unchanged.")
            }
            start = offset
        }
        let size = limit ?? defaultLimit
        let end = min(all.count, start + size)
        let items = Array(all[start..<end])
        let truncated = end < all.count
        return Page(items: items, nextMarker: truncated ? encode(end) : nil, truncated: truncated)
    }

    private static func encode(_ offset: Int) -> String {
        Data("kmsdrill:v1:\(offset)".utf8).base64EncodedString()
    }

    private static func decode(_ marker: String) -> Int? {
        guard let data = Data(base64Encoded: marker), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("kmsdrill:v1:")
        else { return nil }
        return Int(text.dropFirst("kmsdrill:v1:".count))
    }
}
