import CloudSim
import Foundation
import KMSEngine
import KMSPolicy
import Storage

/// The price of authorization, beside the cost of an Encrypt: one policy decision on its own,
/// and Encrypt with and without the real authorizer in the same run.
func runAuthorizationBench(home: String, plaintext: Data, context: [String: String]) throws {
    print("")
    print("-- authorization: a realistic key policy (4 statements) and IAM policy (2 statements)")
    let keyArn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    let keyPolicy = try PolicyDocument.parse("""
        {"Version":"2012-10-17","Id":"bench","Statement":[
          {"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"},
          {"Sid":"Key administrators","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/admin"},
           "Action":["kms:Create*","kms:Describe*","kms:Enable*","kms:List*","kms:Put*","kms:Update*","kms:Revoke*","kms:Disable*","kms:Get*","kms:Delete*","kms:ScheduleKeyDeletion","kms:CancelKeyDeletion"],"Resource":"*"},
          {"Sid":"Use by the app","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/AppRole"},
           "Action":["kms:Encrypt","kms:Decrypt","kms:GenerateDataKey*"],"Resource":"*",
           "Condition":{"StringEquals":{"kms:EncryptionContext:app":"bench"}}},
          {"Sid":"No use outside the app","Effect":"Deny","Principal":"*","Action":"kms:Decrypt","Resource":"*",
           "Condition":{"StringNotEquals":{"kms:EncryptionContext:app":"bench"}}}]}
        """, kind: .resourcePolicy)
    let iamPolicy = try PolicyDocument.parse("""
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":["kms:Encrypt","kms:Decrypt"],"Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}},
          {"Effect":"Allow","Action":"kms:GenerateDataKey","Resource":"*","Condition":{"StringLike":{"kms:ViaService":"s3.*.amazonaws.com"}}}]}
        """, kind: .identityPolicy)
    let request = PolicyRequest(caller: .user(arn: "arn:aws:iam::111122223333:user/alice"), action: "kms:Encrypt", resource: keyArn,
                                context: ConditionContext(["aws:SecureTransport": "true"]), encryptionContext: context)
    let identities = [IdentityPolicy(id: "user/alice:inline/UseKeys", sourceType: .user, document: iamPolicy)]
    let decisions = measure("policy decision (KMSAuthorizer.authorize)") {
        let d = KMSAuthorizer.authorize(request, keyAccount: "111122223333", keyPolicy: keyPolicy, identityPolicies: identities)
        precondition(d.isAllowed)
    }

    // The same engine setup as the figures above, once with the real authorizer.
    let dir = home + "/authorized"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let db = try AppDatabase(path: dir + "/kmsdrill.sqlite")
    let iam = SQLiteIAMStore(database: db)
    let authorizer = PolicyAuthorizer(directory: IAMDirectory(store: iam))
    let engine = KMSEngine(store: SQLiteKMSStore(database: db, auditing: false), clock: HomeClock(database: db),
                           hsm: HSM(rootKey: try RootKeyFile.loadOrCreate(at: dir + "/" + RootKeyFile.fileName)),
                           authorizer: authorizer, policyValidator: authorizer)
    let admin = RequestContext(caller: try Profiles(store: iam).caller(for: "admin"))
    let keyId = try engine.createKey(CreateKeyRequest(Description: "bench"), admin).KeyMetadata.KeyId
    let encrypt = EncryptRequest(KeyId: keyId, Plaintext: plaintext, EncryptionContext: context)
    let authorized = try measure("engine Encrypt, real authorizer (IAM delegation)") { _ = try engine.encrypt(encrypt, admin) }
    print(String(format: "one decision costs %.2f µs; Encrypt with authorization: %.0f ops/s",
                 1e6 / decisions, authorized))
}
