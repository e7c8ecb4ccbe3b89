import Foundation
import KMSPolicy
import Wire

/// The AWS managed keys a service creates in an account the first time it needs one
/// (`alias/aws/s3`, `alias/aws/ebs`, `alias/aws/rds`, `alias/aws/dynamodb`).
public enum AWSManagedService: String, CaseIterable, Sendable {
    case s3, ebs, rds, dynamodb

    public var aliasName: String { "alias/aws/\(rawValue)" }

    /// The service endpoint that appears as `kms:ViaService` when it calls KMS.
    public func viaService(region: String) -> String {
        switch self {
        case .s3: return "s3.\(region).amazonaws.com"
        case .ebs: return "ec2.\(region).amazonaws.com"
        case .rds: return "rds.\(region).amazonaws.com"
        case .dynamodb: return "dynamodb.\(region).amazonaws.com"
        }
    }

    var displayName: String {
        switch self {
        case .s3: return "S3"
        case .ebs: return "EBS"
        case .rds: return "RDS"
        case .dynamodb: return "DynamoDB"
        }
    }

    var keyDescription: String {
        switch self {
        case .s3: return "Default key that protects my S3 objects when no other key is defined"
        case .ebs: return "Default key that protects my EBS volumes when no other key is defined"
        case .rds: return "Default key that protects my RDS database volumes when no other key is defined"
        case .dynamodb: return "Default key that protects my DynamoDB data when no other key is defined"
        }
    }

    /// The policy AWS gives the key: use only through the service, by principals of the account;
    /// direct access to metadata only. No statement lets anyone change or delete the key.
    func policy(account: String, region: String) -> String {
        AWSManagedKeyPolicy.text(for: policyService, account: account, region: region)
    }

    private var policyService: AWSManagedKeyService {
        switch self {
        case .s3: return .s3
        case .ebs: return .ebs
        case .rds: return .rds
        case .dynamodb: return .dynamodb
        }
    }

    /// The service behind a predefined alias name, if it is one KMS Drill simulates.
    public init?(aliasName: String) {
        guard aliasName.hasPrefix("alias/aws/"), let s = AWSManagedService(rawValue: String(aliasName.dropFirst(10))) else { return nil }
        self = s
    }
}

extension KMSEngine {
    /// The AWS managed key of `service` in an account and Region, created on first use.
    ///
    /// This is the internal API the simulated services call; it is not an AWS operation. The
    /// creation is recorded as the service creating the key.
    @discardableResult
    public func awsManagedKey(_ service: AWSManagedService, account: String, region: String) throws(KMSError) -> KeyRecord {
        do {
            if let existing = try store.read({ tx in try Self.existingManagedKey(service, account: account, region: region, tx: tx) }) {
                return existing
            }
            let now = clock.now()
            return try store.write { tx in
                if let existing = try Self.existingManagedKey(service, account: account, region: region, tx: tx) { return existing }
                let keyId = identifiers.uuid()
                let rotationPeriod = 365
                let key = KeyRecord(
                    keyId: keyId, accountId: account, region: region, description: service.keyDescription,
                    keyUsage: .encryptDecrypt, keySpec: .symmetricDefault, origin: .awsKMS, keyManager: .aws,
                    keyState: .enabled, creationDate: now, policy: service.policy(account: account, region: region),
                    rotationEnabled: true, rotationPeriodInDays: rotationPeriod,
                    nextRotationDate: now.addingTimeInterval(Double(rotationPeriod) * 86400))
                let serviceCaller = Caller(kind: .awsService, accountId: account, arn: service.viaService(region: region),
                                           principalId: service.viaService(region: region))
                let scope = OperationScope(engine: self, tx: tx, context: RequestContext(caller: serviceCaller, region: region),
                                           now: now, operation: "CreateKey")
                let material = try scope.createMaterial(for: key, version: 1, rotationType: nil)
                try tx.insertKey(key)
                try tx.insertMaterial(material)
                try tx.insertAlias(AliasRecord(aliasName: service.aliasName, accountId: account, region: region,
                                               targetKeyId: keyId, creationDate: now, lastUpdatedDate: now))
                try tx.appendAudit(AuditEvent(
                    eventID: identifiers.timeOrderedUUID(at: now), requestID: identifiers.uuid(), eventTime: now, eventName: "CreateKey", region: region,
                    recipientAccountId: account, caller: serviceCaller, invokedBy: service.viaService(region: region),
                    sourceIPAddress: service.viaService(region: region), userAgent: service.viaService(region: region),
                    requestParameters: ["description": .string(service.keyDescription), "keyUsage": "ENCRYPT_DECRYPT",
                                        "keySpec": "SYMMETRIC_DEFAULT", "origin": "AWS_KMS"],
                    responseElements: ["keyMetadata": CloudTrailShape.keyMetadata(KeyMetadata(key, currentMaterialId: material.materialId))],
                    additionalEventData: .null, errorCode: nil, errorMessage: nil, resources: [key.arn], readOnly: false,
                    eventType: "AwsServiceEvent"))
                return key
            }
        } catch {
            throw Self.asKMSError(error)
        }
    }

    private static func existingManagedKey(_ service: AWSManagedService, account: String, region: String, tx: KMSTransaction) throws -> KeyRecord? {
        guard let alias = try tx.alias(name: service.aliasName, account: account, region: region) else { return nil }
        return try tx.key(id: alias.targetKeyId)
    }

    /// Creates the AWS managed key a predefined alias stands for when a request names it before
    /// any service has (KMS does this, e.g. for DescribeKey on `alias/aws/s3`).
    func materializePredefinedAlias(_ keyIdText: String, _ context: RequestContext) throws(KMSError) {
        var aliasName: String?
        var account = context.caller.accountId
        switch KeyIdentifier(keyIdText) {
        case .aliasName(let name)?: aliasName = name
        case .aliasARN(_, let a, let name)?:
            aliasName = name
            account = a
        default: break
        }
        guard let aliasName, let service = AWSManagedService(aliasName: aliasName) else { return }
        try awsManagedKey(service, account: account, region: context.region)
    }
}
