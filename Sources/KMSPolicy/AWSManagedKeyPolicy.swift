import Wire

/// A service that creates an AWS managed key (`aws/s3`, ...) in an account on first use, with what
/// its key policy lets principals do through the service.
public struct AWSManagedKeyService: Sendable, Hashable {
    /// The alias, e.g. `aws/ebs`.
    public let alias: String
    /// The name in the policy's Sids ("EBS", "Amazon DynamoDB").
    public let displayName: String
    /// The policy's Id element.
    public let policyId: String
    /// The first label of the service endpoint in `kms:ViaService` (`ec2` for EBS).
    public let endpointPrefix: String
    /// Whether the ViaService value names every Region (`dynamodb.*.amazonaws.com`, with StringLike).
    public let viaServiceAnyRegion: Bool
    /// What principals in the account may do through the service.
    public let usageActions: [String]
    /// What the account may do directly (read metadata).
    public let metadataActions: [String]
    /// A service principal allowed to read the key's metadata directly, when the service has one.
    public let describingServicePrincipal: String?

    /// `aws/s3`: used through S3 (`s3.REGION.amazonaws.com`).
    public static let s3 = AWSManagedKeyService(
        alias: "aws/s3", displayName: "S3", policyId: "auto-s3-2", endpointPrefix: "s3", viaServiceAnyRegion: false,
        usageActions: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
        metadataActions: ["kms:Describe*", "kms:Get*", "kms:List*"], describingServicePrincipal: nil)

    /// `aws/ebs`: used through EC2 (`ec2.REGION.amazonaws.com`), which creates grants for volumes.
    public static let ebs = AWSManagedKeyService(
        alias: "aws/ebs", displayName: "EBS", policyId: "auto-ebs-2", endpointPrefix: "ec2", viaServiceAnyRegion: false,
        usageActions: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:CreateGrant", "kms:DescribeKey"],
        metadataActions: ["kms:Describe*", "kms:Get*", "kms:List*", "kms:RevokeGrant"], describingServicePrincipal: nil)

    /// `aws/rds`: used through RDS (`rds.REGION.amazonaws.com`).
    public static let rds = AWSManagedKeyService(
        alias: "aws/rds", displayName: "RDS", policyId: "auto-rds-2", endpointPrefix: "rds", viaServiceAnyRegion: false,
        usageActions: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:CreateGrant",
                       "kms:ListGrants", "kms:DescribeKey"],
        metadataActions: ["kms:Describe*", "kms:Get*", "kms:List*", "kms:RevokeGrant"], describingServicePrincipal: nil)

    /// `aws/dynamodb`: used through DynamoDB in any Region (`dynamodb.*.amazonaws.com`).
    public static let dynamodb = AWSManagedKeyService(
        alias: "aws/dynamodb", displayName: "Amazon DynamoDB", policyId: "auto-dynamodb-1", endpointPrefix: "dynamodb",
        viaServiceAnyRegion: true,
        usageActions: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:CreateGrant", "kms:DescribeKey"],
        metadataActions: ["kms:Describe*", "kms:Get*", "kms:List*", "kms:RevokeGrant"],
        describingServicePrincipal: "dynamodb.amazonaws.com")

    /// The services the engine creates AWS managed keys for.
    public static let all: [AWSManagedKeyService] = [s3, ebs, rds, dynamodb]

    /// The service whose managed key has `alias` (`aws/s3` or `alias/aws/s3`).
    public static func forAlias(_ alias: String) -> AWSManagedKeyService? {
        let bare = alias.hasPrefix("alias/") ? String(alias.dropFirst(6)) : alias
        return all.first { $0.alias == bare }
    }

    /// The `kms:ViaService` value requests through this service carry in `region`.
    public func viaService(region: String) -> String { "\(endpointPrefix).\(region).amazonaws.com" }
}

/// The key policy of an AWS managed key: principals of the account may use the key only through
/// the service (`kms:ViaService` and `kms:CallerAccount`), and the account may read its metadata.
public enum AWSManagedKeyPolicy {
    /// The policy as JSON.
    public static func json(for service: AWSManagedKeyService, account: String, region: String,
                            partition: String = "aws") -> JSONValue {
        let via: JSONValue = .string(service.viaServiceAnyRegion ? "\(service.endpointPrefix).*.amazonaws.com"
            : service.viaService(region: region))
        let condition: JSONValue = service.viaServiceAnyRegion
            ? ["StringLike": ["kms:ViaService": via], "StringEquals": ["kms:CallerAccount": .string(account)]]
            : ["StringEquals": ["kms:CallerAccount": .string(account), "kms:ViaService": via]]
        var statements: [JSONValue] = [
            [
                "Sid": .string("Allow access through \(service.displayName) for all principals in the account that are authorized to use \(service.displayName)"),
                "Effect": "Allow",
                "Principal": ["AWS": "*"],
                "Action": .array(service.usageActions.map(JSONValue.string)),
                "Resource": "*",
                "Condition": condition,
            ],
            [
                "Sid": "Allow direct access to key metadata to the account",
                "Effect": "Allow",
                "Principal": ["AWS": .string("arn:\(partition):iam::\(account):root")],
                "Action": .array(service.metadataActions.map(JSONValue.string)),
                "Resource": "*",
            ],
        ]
        if let principal = service.describingServicePrincipal {
            let name = service.displayName.split(separator: " ").last.map(String.init) ?? service.displayName
            statements.append([
                "Sid": .string("Allow \(name) Service with service principal name \(principal) to describe the key directly"),
                "Effect": "Allow",
                "Principal": ["Service": .string(principal)],
                "Action": ["kms:Describe*", "kms:Get*", "kms:List*"],
                "Resource": "*",
            ])
        }
        return ["Version": "2012-10-17", "Id": .string(service.policyId), "Statement": .array(statements)]
    }

    /// The policy text, formatted as GetKeyPolicy returns it.
    public static func text(for service: AWSManagedKeyService, account: String, region: String,
                            partition: String = "aws") -> String {
        KeyPolicyFormatter.format(json(for: service, account: account, region: region, partition: partition))
    }

    /// The policy parsed, ready for evaluation.
    public static func document(for service: AWSManagedKeyService, account: String, region: String,
                                partition: String = "aws") -> PolicyDocument {
        let text = text(for: service, account: account, region: region, partition: partition)
        if let doc = try? PolicyDocument.parse(text, kind: .resourcePolicy) { return doc }
        return PolicyDocument.empty(text: text)
    }
}
