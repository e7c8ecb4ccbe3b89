/// ARNs and identifiers of KMS resources, and how a `KeyId` argument is read.
public enum KeyARN {
    public static func key(region: String, account: String, keyId: String) -> String {
        "arn:aws:kms:\(region):\(account):key/\(keyId)"
    }

    public static func alias(region: String, account: String, aliasName: String) -> String {
        "arn:aws:kms:\(region):\(account):\(aliasName)"
    }
}

/// What a `KeyId` member named: AWS accepts a key ID, a key ARN, an alias name or an alias ARN.
public enum KeyIdentifier: Equatable, Sendable {
    case keyId(String)
    case keyARN(region: String, account: String, keyId: String)
    case aliasName(String)
    case aliasARN(region: String, account: String, aliasName: String)

    /// Reads a `KeyId` argument; `nil` when it is none of the four forms.
    public init?(_ text: String) {
        if text.hasPrefix("arn:") {
            // arn:PARTITION:kms:REGION:ACCOUNT:key/ID or ...:alias/NAME
            let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6, parts[1].hasPrefix("aws"), parts[2] == "kms", !parts[3].isEmpty,
                parts[4].count == 12, parts[4].allSatisfy(\.isNumber)
            else { return nil }
            let resource = String(parts[5])
            if resource.hasPrefix("key/"), resource.count > 4 {
                self = .keyARN(region: String(parts[3]), account: String(parts[4]), keyId: String(resource.dropFirst(4)))
            } else if resource.hasPrefix("alias/"), resource.count > 6 {
                self = .aliasARN(region: String(parts[3]), account: String(parts[4]), aliasName: resource)
            } else {
                return nil
            }
        } else if text.hasPrefix("alias/") {
            guard text.count > 6 else { return nil }
            self = .aliasName(text)
        } else {
            // Byte scan: Foundation's String.contains(String) costs microseconds on this hot path.
            guard !text.isEmpty, !text.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ":") }) else { return nil }
            self = .keyId(text)
        }
    }

    /// True for an alias name or ARN (some operations refuse aliases).
    public var isAlias: Bool {
        switch self {
        case .aliasName, .aliasARN: return true
        default: return false
        }
    }
}
