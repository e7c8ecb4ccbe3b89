import Foundation
import KMSEngine
import Wire

/// One CloudTrail call: its wire-form parameters and caller, with the readers every operation shares.
struct CloudTrailRequest {
    let operation: String
    let input: JSONValue
    let context: RequestContext
    let now: Date

    var account: String { context.caller.accountId }
    var region: String { context.region }

    func optionalString(_ member: String) -> String? { input[member]?.stringValue }

    func string(_ member: String) throws -> String {
        guard let v = input[member]?.stringValue, !v.isEmpty else {
            throw AWSServiceError("ValidationException",
                "1 validation error detected: Value null at '\(lowerFirst(member))' failed to satisfy constraint: Member must not be null")
        }
        return v
    }

    func bool(_ member: String) throws -> Bool? {
        guard let v = input[member], !v.isNull else { return nil }
        guard let b = v.boolValue else {
            throw AWSServiceError("InvalidParameterException", "\(member) must be true or false, not \(JSONWriter.compact(v)).")
        }
        return b
    }

    /// A timestamp member: epoch seconds (the wire form) or ISO 8601 text (as the CLI accepts).
    func date(_ member: String) throws -> Date? {
        guard let v = input[member], !v.isNull else { return nil }
        if let n = v.numberValue { return Date(timeIntervalSince1970: n) }
        if let s = v.stringValue, let d = Timestamp.parse(s) { return d }
        throw AWSServiceError("InvalidParameterException",
            "\(member) \(JSONWriter.compact(v)) is not a timestamp. Use ISO 8601 (2026-11-30T09:00:00Z) or epoch seconds.")
    }

    private func lowerFirst(_ s: String) -> String { s.prefix(1).lowercased() + s.dropFirst() }
}

/// CloudTrail's errors, by the names the model gives them.
enum CloudTrailError {
    static func trailNotFound(_ nameOrArn: String, account: String, region: String) -> AWSServiceError {
        let arn = nameOrArn.hasPrefix("arn:") ? nameOrArn : TrailRecord.arn(region: region, account: account, name: nameOrArn)
        return AWSServiceError("TrailNotFoundException", "Unknown trail: \(arn) for the user: \(account)", httpStatus: 404)
    }

    static func invalidTrailName(_ name: String) -> AWSServiceError {
        AWSServiceError("InvalidTrailNameException",
            "Trail name '\(name)' is not valid. A trail name has 3 to 128 characters: ASCII letters, digits, periods, underscores and dashes, starting and ending with a letter or digit, with no two of '._-' next to each other, and not in IP address form.")
    }

    static func unsupported(_ what: String) -> AWSServiceError {
        AWSServiceError("UnsupportedOperationException", what)
    }
}

/// The naming rules CloudTrail applies to trails and bucket names.
enum CloudTrailNames {
    static func isValidTrailName(_ name: String) -> Bool {
        let chars = Array(name.utf8)
        guard (3...128).contains(chars.count) else { return false }
        func alnum(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
        func punct(_ c: UInt8) -> Bool { c == 46 || c == 95 || c == 45 }
        guard let first = chars.first, let last = chars.last, alnum(first), alnum(last) else { return false }
        for (i, c) in chars.enumerated() {
            guard alnum(c) || punct(c) else { return false }
            if punct(c), i > 0, punct(chars[i - 1]) { return false }
        }
        return !isIPAddress(name)
    }

    static func isValidBucketName(_ name: String) -> Bool {
        let chars = Array(name.utf8)
        guard (3...63).contains(chars.count) else { return false }
        func lowerAlnum(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || (c >= 97 && c <= 122) }
        guard let first = chars.first, let last = chars.last, lowerAlnum(first), lowerAlnum(last) else { return false }
        guard chars.allSatisfy({ lowerAlnum($0) || $0 == 46 || $0 == 45 }) else { return false }
        return !name.contains("..") && !isIPAddress(name)
    }

    static func isIPAddress(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { p in !p.isEmpty && p.count <= 3 && p.allSatisfy(\.isNumber) && (Int(p) ?? 256) <= 255 }
    }
}
