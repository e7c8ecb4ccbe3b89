import Foundation

/// RDS identifiers, engines, endpoints and ARNs.
enum RDSNames {
    /// Why `id` is not a valid DB instance or snapshot identifier, or nil.
    static func identifierProblem(_ id: String, member: String, maxLength: Int) -> AWSServiceError? {
        let valid = !id.isEmpty && id.count <= maxLength && (id.first?.isLetter ?? false) && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            && !id.hasSuffix("-") && !id.contains("--")
        if valid { return nil }
        return AWSServiceError("InvalidParameterValue",
            "The parameter \(member) is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.")
    }

    struct EngineInfo {
        let version: String
        let port: Int
        let license: String
    }

    static let engines: [String: EngineInfo] = [
        "mysql": EngineInfo(version: "8.0.40", port: 3306, license: "general-public-license"),
        "mariadb": EngineInfo(version: "10.11.10", port: 3306, license: "general-public-license"),
        "postgres": EngineInfo(version: "16.6", port: 5432, license: "postgresql-license"),
        "oracle-ee": EngineInfo(version: "19.0.0.0.ru-2024-10.rur-2024-10.r1", port: 1521, license: "bring-your-own-license"),
        "oracle-se2": EngineInfo(version: "19.0.0.0.ru-2024-10.rur-2024-10.r1", port: 1521, license: "license-included"),
        "sqlserver-ex": EngineInfo(version: "16.00.4165.4.v1", port: 1433, license: "license-included"),
        "sqlserver-web": EngineInfo(version: "16.00.4165.4.v1", port: 1433, license: "license-included"),
        "sqlserver-se": EngineInfo(version: "16.00.4165.4.v1", port: 1433, license: "license-included"),
        "sqlserver-ee": EngineInfo(version: "16.00.4165.4.v1", port: 1433, license: "license-included"),
        "db2-se": EngineInfo(version: "11.5.9.0.sb00000000.r1", port: 50000, license: "bring-your-own-license"),
        "db2-ae": EngineInfo(version: "11.5.9.0.sb00000000.r1", port: 50000, license: "bring-your-own-license"),
    ]

    /// The part of endpoint names unique to an account and Region (`c9akciq32x1y`).
    static func endpointSuffix(account: String, region: String) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        let digest = EnvelopeCipher.sha256Hex("kmsdrill-rds-endpoint|\(account)|\(region)")
        var out = ""
        var chars = Array(digest)
        while out.count < 12, chars.count >= 2 {
            let byte = Int(String(chars[0...1]), radix: 16) ?? 0
            out.append(alphabet[byte % alphabet.count])
            chars.removeFirst(2)
        }
        return out
    }

    static func endpoint(_ identifier: String, account: String, region: String) -> String {
        "\(identifier).\(endpointSuffix(account: account, region: region)).\(region).rds.amazonaws.com"
    }

    /// Route 53 hosted zones of RDS endpoints, by Region (where KMS Drill knows them).
    static let hostedZones = ["us-east-1": "Z2R2ITUGPM61AM", "us-east-2": "Z2XHWR1WZ565X2", "us-west-1": "Z10WI91S59XXQN",
                              "us-west-2": "Z1PVIF0B656C1W", "eu-west-1": "Z29XKXDKYMONMX", "eu-central-1": "Z1RLNUO7B9Q6NB"]

    static func instanceARN(_ id: String, account: String, region: String) -> String { "arn:aws:rds:\(region):\(account):db:\(id)" }
    static func snapshotARN(_ id: String, account: String, region: String) -> String { "arn:aws:rds:\(region):\(account):snapshot:\(id)" }
}
