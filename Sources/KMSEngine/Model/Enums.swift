/// AWS KMS enumerations, raw values verbatim from the service model.

public enum KeyState: String, Codable, Sendable, CaseIterable {
    case creating = "Creating"
    case enabled = "Enabled"
    case disabled = "Disabled"
    case pendingDeletion = "PendingDeletion"
    case pendingImport = "PendingImport"
    case pendingReplicaDeletion = "PendingReplicaDeletion"
    case unavailable = "Unavailable"
    case updating = "Updating"
}

public enum KeyUsage: String, Codable, Sendable, CaseIterable {
    case signVerify = "SIGN_VERIFY"
    case encryptDecrypt = "ENCRYPT_DECRYPT"
    case generateVerifyMac = "GENERATE_VERIFY_MAC"
    case keyAgreement = "KEY_AGREEMENT"
}

public enum KeySpec: String, Codable, Sendable, CaseIterable {
    case rsa2048 = "RSA_2048", rsa3072 = "RSA_3072", rsa4096 = "RSA_4096"
    case eccNistP256 = "ECC_NIST_P256", eccNistP384 = "ECC_NIST_P384", eccNistP521 = "ECC_NIST_P521"
    case eccSecgP256k1 = "ECC_SECG_P256K1"
    case symmetricDefault = "SYMMETRIC_DEFAULT"
    case hmac224 = "HMAC_224", hmac256 = "HMAC_256", hmac384 = "HMAC_384", hmac512 = "HMAC_512"
    case sm2 = "SM2"
    case mlDsa44 = "ML_DSA_44", mlDsa65 = "ML_DSA_65", mlDsa87 = "ML_DSA_87"
    case eccNistEdwards25519 = "ECC_NIST_EDWARDS25519"
}

public enum OriginType: String, Codable, Sendable, CaseIterable {
    case awsKMS = "AWS_KMS"
    case external = "EXTERNAL"
    case awsCloudHSM = "AWS_CLOUDHSM"
    case externalKeyStore = "EXTERNAL_KEY_STORE"
}

public enum KeyManager: String, Codable, Sendable {
    case aws = "AWS"
    case customer = "CUSTOMER"
}

public enum EncryptionAlgorithm: String, Codable, Sendable, CaseIterable {
    case symmetricDefault = "SYMMETRIC_DEFAULT"
    case rsaesOaepSha1 = "RSAES_OAEP_SHA_1"
    case rsaesOaepSha256 = "RSAES_OAEP_SHA_256"
    case sm2pke = "SM2PKE"
}

public enum DataKeySpec: String, Codable, Sendable, CaseIterable {
    case aes256 = "AES_256"
    case aes128 = "AES_128"

    public var byteCount: Int { self == .aes256 ? 32 : 16 }
}

public enum RotationType: String, Codable, Sendable {
    case automatic = "AUTOMATIC"
    case onDemand = "ON_DEMAND"
}

public enum KeyMaterialState: String, Codable, Sendable {
    case nonCurrent = "NON_CURRENT"
    case current = "CURRENT"
    case pendingRotation = "PENDING_ROTATION"
}

public enum IncludeKeyMaterial: String, Codable, Sendable {
    case allKeyMaterial = "ALL_KEY_MATERIAL"
    case rotationsOnly = "ROTATIONS_ONLY"
}

public enum ExpirationModel: String, Codable, Sendable {
    case keyMaterialExpires = "KEY_MATERIAL_EXPIRES"
    case keyMaterialDoesNotExpire = "KEY_MATERIAL_DOES_NOT_EXPIRE"
}

public enum GrantOperation: String, Codable, Sendable, CaseIterable {
    case decrypt = "Decrypt", encrypt = "Encrypt", generateDataKey = "GenerateDataKey"
    case generateDataKeyWithoutPlaintext = "GenerateDataKeyWithoutPlaintext"
    case reEncryptFrom = "ReEncryptFrom", reEncryptTo = "ReEncryptTo"
    case sign = "Sign", verify = "Verify", getPublicKey = "GetPublicKey"
    case createGrant = "CreateGrant", retireGrant = "RetireGrant", describeKey = "DescribeKey"
    case generateDataKeyPair = "GenerateDataKeyPair"
    case generateDataKeyPairWithoutPlaintext = "GenerateDataKeyPairWithoutPlaintext"
    case generateMac = "GenerateMac", verifyMac = "VerifyMac", deriveSharedSecret = "DeriveSharedSecret"
}
