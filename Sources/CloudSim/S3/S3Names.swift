import Foundation

/// S3's names: bucket name rules, ARNs, owner IDs.
enum S3Names {
    static func bucketARN(_ bucket: String) -> String { "arn:aws:s3:::\(bucket)" }
    static func objectARN(_ bucket: String, _ key: String) -> String { "arn:aws:s3:::\(bucket)/\(key)" }

    /// The canonical user ID S3 shows as an account's `Owner.ID` (64 hex digits, stable per account).
    static func canonicalUserId(account: String) -> String { EnvelopeCipher.sha256Hex("kmsdrill-s3-canonical-user|\(account)") }

    /// Why `name` is not a valid general purpose bucket name, or nil when it is.
    static func bucketNameProblem(_ name: String) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-")
        if name.count < 3 || name.count > 63 { return "Bucket names must be between 3 and 63 characters long." }
        if !name.allSatisfy({ allowed.contains($0) }) {
            return "Bucket names can consist only of lowercase letters, numbers, dots (.), and hyphens (-)."
        }
        guard let first = name.first, let last = name.last, first.isLetter || first.isNumber, last.isLetter || last.isNumber else {
            return "Bucket names must begin and end with a letter or number."
        }
        if name.contains("..") { return "Bucket names must not contain two adjacent periods." }
        let parts = name.split(separator: ".")
        if parts.count == 4, parts.allSatisfy({ Int($0).map { (0...255).contains($0) } ?? false }) {
            return "Bucket names must not be formatted as an IP address."
        }
        for prefix in ["xn--", "sthree-", "amzn-s3-demo-"] where name.hasPrefix(prefix) {
            return "Bucket names must not start with the prefix \(prefix)."
        }
        for suffix in ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"] where name.hasSuffix(suffix) {
            return "Bucket names must not end with the suffix \(suffix)."
        }
        return nil
    }
}
