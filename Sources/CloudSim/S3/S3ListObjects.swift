import Foundation
import KMSEngine
import Wire

/// ListObjectsV2: keys in UTF-8 byte order, with prefix, delimiter (common prefixes), pages.
extension S3Service {
    func listObjectsV2(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let prefix = try input.string("Prefix") ?? ""
        let delimiter = try input.string("Delimiter")
        let maxKeys = min(max(try input.int("MaxKeys") ?? 1000, 0), 1000)
        let token = try input.string("ContinuationToken")
        let startAfter = try input.string("StartAfter")
        let fetchOwner = try input.bool("FetchOwner") ?? false
        var after: String?
        if let token {
            guard let data = Data(base64Encoded: token), let key = String(data: data, encoding: .utf8) else {
                throw S3Error.invalidArgument("The continuation token provided is incorrect")
            }
            after = key
        } else if let startAfter {
            after = startAfter
        }
        return try store.atomically {
            let bucket = try requireBucket(input, context, operation: "ListObjectsV2")
            let base = "\(bucket.name)/"
            let records = try store.records(service: serviceName, kind: S3Kind.object, account: bucket.account, region: bucket.region,
                                            prefix: base + prefix, after: after.map { base + $0 }, limit: nil)
            var contents: [JSONValue] = []
            var commonPrefixes: [String] = []
            var lastKey: String?
            var truncated = false
            for record in records {
                let object = try record.decode(S3Object.self)
                if let delimiter, !delimiter.isEmpty,
                    let range = object.key.dropFirst(prefix.count).range(of: delimiter) {
                    let common = String(object.key[..<range.upperBound])
                    if commonPrefixes.last == common { continue }
                    if contents.count + commonPrefixes.count == maxKeys { truncated = true; break }
                    commonPrefixes.append(common)
                    lastKey = common + "\u{10FFFF}"
                    continue
                }
                if contents.count + commonPrefixes.count == maxKeys { truncated = true; break }
                var item: JSONObject = [
                    "Key": .string(object.key),
                    "LastModified": .double(object.lastModified.timeIntervalSince1970),
                    "ETag": .string("\"\(object.etag)\""),
                    "Size": .int(object.size),
                    "StorageClass": "STANDARD",
                ]
                if fetchOwner { item["Owner"] = ["ID": .string(S3Names.canonicalUserId(account: bucket.account))] }
                contents.append(.object(item))
                lastKey = object.key
            }
            var out: JSONObject = ["IsTruncated": .bool(truncated)]
            if !contents.isEmpty { out["Contents"] = .array(contents) }
            out["Name"] = .string(bucket.name)
            out["Prefix"] = .string(prefix)
            if let delimiter { out["Delimiter"] = .string(delimiter) }
            out["MaxKeys"] = .int(maxKeys)
            if !commonPrefixes.isEmpty { out["CommonPrefixes"] = .array(commonPrefixes.map { ["Prefix": .string($0)] }) }
            out["KeyCount"] = .int(contents.count + commonPrefixes.count)
            if let token { out["ContinuationToken"] = .string(token) }
            if truncated, let lastKey {
                out["NextContinuationToken"] = .string(Data(lastKey.utf8).base64EncodedString())
            }
            if let startAfter { out["StartAfter"] = .string(startAfter) }
            return .object(out)
        }
    }
}
