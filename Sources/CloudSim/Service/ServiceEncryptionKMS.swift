import Foundation
import KMSEngine

/// How a simulated service calls KMS: through the engine, as the principal who called the service,
/// with `kms:ViaService` set to the service's endpoint (which CloudTrail records as `invokedBy`).
///
/// So key policies with `kms:ViaService` conditions (every AWS managed key's) are evaluated for
/// real, the caller needs the KMS permissions AWS requires of them, and the audit log shows the
/// service acting on the caller's behalf. Failures are the engine's `KMSError`s; each service
/// reports them the way that service does.
public struct ServiceKMSClient: Sendable {
    /// The engine every call goes through (authorization, audit, key state).
    public let engine: KMSEngine
    /// The service whose endpoint appears as `kms:ViaService` and whose AWS managed key it uses.
    public let service: AWSManagedService

    /// A client for `service`'s calls to KMS.
    public init(engine: KMSEngine, service: AWSManagedService) {
        self.engine = engine
        self.service = service
    }

    /// The alias of the service's AWS managed key (`alias/aws/s3`), created by KMS on first use.
    public var managedKeyAlias: String { service.aliasName }

    /// The caller's request as KMS sees it when this service calls on their behalf in `region`.
    public func onBehalf(of context: RequestContext, region: String) -> RequestContext {
        var kms = context
        kms.region = region
        kms.viaService = service.viaService(region: region)
        return kms
    }

    /// The service principal that holds the grants the service creates (`ec2.us-east-1.amazonaws.com`).
    public func servicePrincipal(region: String) -> String { service.viaService(region: region) }

    /// The service itself calling KMS with the grant it holds (as DynamoDB does for table data):
    /// the request is authorized by the key policy and the grants like anyone's, so revoking the
    /// grant really cuts the service off.
    public func serviceCaller(account: String, region: String) -> RequestContext {
        let principal = servicePrincipal(region: region)
        return RequestContext(caller: Caller(kind: .awsService, accountId: account, arn: principal, principalId: principal),
                              region: region, viaService: principal, sourceIPAddress: principal, userAgent: principal)
    }

    /// DescribeKey as the caller through the service (services check the key before they use it):
    /// the key's ARN, and a refusal when it is not a usable symmetric encryption key.
    public func describeKey(_ keyId: String, as caller: RequestContext, region: String) throws(KMSError) -> String {
        let metadata = try engine.describeKey(DescribeKeyRequest(KeyId: keyId), onBehalf(of: caller, region: region)).KeyMetadata
        guard metadata.KeySpec == .symmetricDefault, metadata.KeyUsage == .encryptDecrypt else {
            throw KMSError(.invalidKeyUsage, "\(metadata.Arn) is not a symmetric encryption key; only symmetric encryption KMS keys protect service data.")
        }
        return metadata.Arn
    }

    /// GenerateDataKey (AES_256): the plaintext key to seal with now, and its encrypted copy to store.
    public func generateDataKey(keyId: String, context: [String: String], as caller: RequestContext,
                                region: String) throws(KMSError) -> (plaintext: Data, ciphertext: Data, keyArn: String) {
        let response = try engine.generateDataKey(
            GenerateDataKeyRequest(KeyId: keyId, EncryptionContext: context.isEmpty ? nil : context, KeySpec: .aes256),
            onBehalf(of: caller, region: region))
        return (response.Plaintext, response.CiphertextBlob, response.KeyId)
    }

    /// GenerateDataKeyWithoutPlaintext (AES_256): only the encrypted data key, as EBS and RDS ask for it.
    public func generateDataKeyWithoutPlaintext(keyId: String, context: [String: String], as caller: RequestContext,
                                                region: String) throws(KMSError) -> (ciphertext: Data, keyArn: String) {
        let response = try engine.generateDataKeyWithoutPlaintext(
            GenerateDataKeyWithoutPlaintextRequest(KeyId: keyId, EncryptionContext: context.isEmpty ? nil : context, KeySpec: .aes256),
            onBehalf(of: caller, region: region))
        return (response.CiphertextBlob, response.KeyId)
    }

    /// Decrypt of a stored data key, with the encryption context it was generated with.
    public func decrypt(_ ciphertext: Data, context: [String: String], as caller: RequestContext,
                        region: String) throws(KMSError) -> (plaintext: Data, keyArn: String) {
        let response = try engine.decrypt(
            DecryptRequest(CiphertextBlob: ciphertext, EncryptionContext: context.isEmpty ? nil : context),
            onBehalf(of: caller, region: region))
        return (response.Plaintext, response.KeyId)
    }

    /// Encrypt of a (small) key under a KMS key, to re-wrap a key the service already has.
    public func encrypt(_ plaintext: Data, keyId: String, context: [String: String], as caller: RequestContext,
                        region: String) throws(KMSError) -> (ciphertext: Data, keyArn: String) {
        let response = try engine.encrypt(
            EncryptRequest(KeyId: keyId, Plaintext: plaintext, EncryptionContext: context.isEmpty ? nil : context),
            onBehalf(of: caller, region: region))
        return (response.CiphertextBlob, response.KeyId)
    }

    /// CreateGrant for the service principal on one resource, as the caller through the service
    /// (how EC2, RDS and DynamoDB get lasting permission to use a key for a volume, instance or table).
    public func createGrant(keyArn: String, operations: [GrantOperation], contextSubset: [String: String]?,
                            as caller: RequestContext, region: String) throws(KMSError) -> String {
        let principal = servicePrincipal(region: region)
        let response = try engine.createGrant(
            CreateGrantRequest(KeyId: keyArn, GranteePrincipal: principal, RetiringPrincipal: principal, Operations: operations,
                               Constraints: contextSubset.map { GrantConstraints(EncryptionContextSubset: $0) }),
            onBehalf(of: caller, region: region))
        return response.GrantId
    }

    /// RetireGrant by the service itself when the resource the grant was for is deleted. A grant
    /// that is already gone (its key deleted, or revoked by the learner) needs no retiring.
    public func retireGrant(keyArn: String, grantId: String, account: String, region: String) {
        let principal = servicePrincipal(region: region)
        let context = RequestContext(
            caller: Caller(kind: .awsService, accountId: account, arn: principal, principalId: principal),
            region: region, sourceIPAddress: principal, userAgent: principal)
        _ = try? engine.retireGrant(RetireGrantRequest(KeyId: keyArn, GrantId: grantId), context)
    }

    /// The state of a key as the service's own monitoring sees it (no request, no audit record):
    /// nil when the key no longer exists.
    public func keyState(arn: String) -> KeyState? {
        guard case .keyARN(_, _, let keyId)? = KeyIdentifier(arn) else { return nil }
        return (try? engine.store.read { try $0.key(id: keyId) })??.keyState
    }
}
