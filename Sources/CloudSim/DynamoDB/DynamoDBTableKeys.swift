import Foundation
import KMSEngine

/// Table keys: how DynamoDB gets, keeps and re-wraps the key that protects a table's items.
extension DynamoDBService {
    static let grantOperations: [GrantOperation] = [.decrypt, .encrypt, .generateDataKey, .reEncryptFrom, .reEncryptTo,
                                                    .describeKey, .retireGrant]

    /// The encryption context DynamoDB sends with every KMS request for a table.
    func encryptionContext(_ tableName: String, _ context: RequestContext) -> [String: String] {
        ["aws:dynamodb:tableName": tableName, "aws:dynamodb:subscriberId": context.caller.accountId]
    }

    static func ownedBinding(_ tableId: String) -> String { "dynamodb-table-key|\(tableId)" }

    func cacheName(_ table: DynamoTable) -> String { "\(table.tableId)#\(table.tableKey.generation)" }

    /// How DynamoDB reports a KMS request that failed for the caller: AccessDeniedException with
    /// the KMS exception as the AWS SDK for Java printed it inside DynamoDB.
    func kmsAccessDenied(_ e: KMSError) -> AWSServiceError {
        let exceptionClass = e.code == .accessDenied ? "AWSKMSException" : e.code.rawValue
        return AWSServiceError("AccessDeniedException",
            "KMS key access denied error: com.amazonaws.services.kms.model.\(exceptionClass): \(e.message) (Service: AWSKMS; Status Code: 400; Error Code: \(e.code.rawValue); Request ID: \(engine.identifiers.uuid()); Proxy: null)")
    }

    /// Wraps `plaintext` (a table key) for a table under the AWS owned key or a KMS key; with
    /// nil `plaintext`, a new table key is made (by KMS when a KMS key protects the table).
    ///
    /// With a KMS key, DynamoDB works as in AWS: as the caller through DynamoDB it checks the key
    /// (DescribeKey) and creates a grant for itself (CreateGrant); then, as the service using that
    /// grant, it asks for the table key (GenerateDataKey, or Encrypt to re-wrap an existing one).
    func wrapTableKey(_ plaintext: Data?, tableName: String, tableId: String, kmsKeyId: String?, generation: Int,
                      _ context: RequestContext) throws -> (DynamoTableKey, Data, String?) {
        guard let kmsKeyId else {
            let key = plaintext ?? engine.random.bytes(32)
            let wrapped = try owned.wrap(key, region: context.region, binding: Self.ownedBinding(tableId))
            return (DynamoTableKey(ownedWrapped: wrapped, kmsEncrypted: nil, keyArn: nil, generation: generation), key, nil)
        }
        let ctx = encryptionContext(tableName, context)
        let service = kms.serviceCaller(account: context.caller.accountId, region: context.region)
        do {
            let arn = try kms.describeKey(kmsKeyId, as: context, region: context.region)
            let grant = try kms.createGrant(keyArn: arn, operations: Self.grantOperations, contextSubset: ctx, as: context,
                                            region: context.region)
            let key: Data
            let blob: Data
            if let plaintext {
                blob = try kms.encrypt(plaintext, keyId: arn, context: ctx, as: service, region: context.region).ciphertext
                key = plaintext
            } else {
                (key, blob, _) = try kms.generateDataKey(keyId: arn, context: ctx, as: service, region: context.region)
            }
            return (DynamoTableKey(ownedWrapped: nil, kmsEncrypted: blob, keyArn: arn, generation: generation), key, grant)
        } catch {
            throw CommitThenFail(kmsAccessDenied(error))
        }
    }

    /// The table key in plaintext, for a request on the table's data.
    ///
    /// DynamoDB decrypts a KMS-protected table key itself, with its grant (the caller needs no KMS
    /// permission to read or write items), and keeps it for a few minutes while the KMS key is
    /// enabled. A refusal (key disabled, pending deletion, deleted, or the grant revoked) marks
    /// the table INACCESSIBLE_ENCRYPTION_CREDENTIALS and fails the request with DynamoDB's error.
    func tableKeyPlaintext(_ table: inout DynamoTable, _ context: RequestContext) throws -> Data {
        if let wrapped = table.tableKey.ownedWrapped {
            return try owned.unwrap(wrapped, region: context.region, binding: Self.ownedBinding(table.tableId))
        }
        guard let blob = table.tableKey.kmsEncrypted, let arn = table.tableKey.keyArn else {
            throw AWSServiceError("InternalServerError", "The table \(table.name) has no table key.", httpStatus: 500)
        }
        let account = context.caller.accountId
        let service = kms.serviceCaller(account: account, region: context.region)
        if kms.keyState(arn: arn) == .enabled, table.status == "ACTIVE",
            let cached = try tableKeys.lookup(account: account, region: context.region, keyName: cacheName(table),
                                              principal: service.caller.arn) {
            return cached
        }
        do {
            let key = try kms.decrypt(blob, context: encryptionContext(table.name, context), as: service, region: context.region).plaintext
            try tableKeys.remember(key, account: account, region: context.region, keyName: cacheName(table),
                                   principal: service.caller.arn, purpose: .decrypt)
            if table.status != "ACTIVE" {
                table.status = "ACTIVE"
                table.inaccessibleSince = nil
                table.inaccessibleByRefusal = nil
                try saveTable(table, context)
            }
            return key
        } catch let e as KMSError {
            if table.status == "ACTIVE" || e.code == .accessDenied {
                table.status = "INACCESSIBLE_ENCRYPTION_CREDENTIALS"
                table.inaccessibleSince = table.inaccessibleSince ?? engine.clock.now()
                table.inaccessibleByRefusal = e.code == .accessDenied ? true : nil
                try saveTable(table, context)
            }
            throw CommitThenFail(kmsAccessDenied(e))
        }
    }

    /// DynamoDB's watch on a table's KMS key (no request, no audit record): a disabled, pending
    /// deletion or deleted key makes the table INACCESSIBLE_ENCRYPTION_CREDENTIALS; re-enabling
    /// the key restores it.
    func refreshHealth(_ table: inout DynamoTable, _ context: RequestContext) throws {
        guard let arn = table.tableKey.keyArn else { return }
        let usable = kms.keyState(arn: arn) == .enabled
        if !usable && table.status == "ACTIVE" {
            table.status = "INACCESSIBLE_ENCRYPTION_CREDENTIALS"
            table.inaccessibleSince = engine.clock.now()
            try saveTable(table, context)
        } else if usable && table.status == "INACCESSIBLE_ENCRYPTION_CREDENTIALS" && table.inaccessibleByRefusal != true {
            table.status = "ACTIVE"
            table.inaccessibleSince = nil
            try saveTable(table, context)
        }
    }
}
