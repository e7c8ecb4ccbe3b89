import Foundation
import KMSEngine
import Wire

/// The `DBInstance` structure RDS returns, and the identifiers RDS makes for an instance.
extension RDSService {
    /// `db-` and 26 characters of RDS's base-32 alphabet.
    func newResourceId() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        return "db-" + String(engine.identifiers.bytes(26).map { alphabet[Int($0) % 32] })
    }

    /// The `DBInstance` structure as RDS returns it.
    func instanceJSON(_ i: RDSInstance, _ context: RequestContext, endpoint: Bool) -> JSONValue {
        let account = context.caller.accountId
        let region = context.region
        var o: JSONObject = [
            "DBInstanceIdentifier": .string(i.identifier),
            "DBInstanceClass": .string(i.instanceClass),
            "Engine": .string(i.engine),
            "DBInstanceStatus": .string(i.status),
            "MasterUsername": .string(i.masterUsername),
        ]
        if let name = i.dbName { o["DBName"] = .string(name) }
        if endpoint && i.status != "creating" {
            var e: JSONObject = ["Address": .string(RDSNames.endpoint(i.identifier, account: account, region: region)), "Port": .int(i.port)]
            if let zone = RDSNames.hostedZones[region] { e["HostedZoneId"] = .string(zone) }
            o["Endpoint"] = .object(e)
        }
        o["AllocatedStorage"] = .int(i.allocatedStorage)
        if i.status != "creating" { o["InstanceCreateTime"] = .double(i.createTime.timeIntervalSince1970) }
        o["PreferredBackupWindow"] = "03:00-03:30"
        o["BackupRetentionPeriod"] = .int(i.backupRetentionPeriod)
        o["DBSecurityGroups"] = []
        o["AvailabilityZone"] = .string(i.availabilityZone)
        o["PreferredMaintenanceWindow"] = "sun:05:00-sun:05:30"
        o["PendingModifiedValues"] = .object(JSONObject())
        o["MultiAZ"] = .bool(i.multiAZ)
        o["EngineVersion"] = .string(i.engineVersion)
        o["AutoMinorVersionUpgrade"] = true
        o["ReadReplicaDBInstanceIdentifiers"] = []
        o["LicenseModel"] = .string(i.licenseModel)
        o["PubliclyAccessible"] = .bool(i.publiclyAccessible)
        o["StorageType"] = .string(i.storageType)
        o["StorageEncryptionType"] = .string(i.storageEncrypted ? "sse-kms" : "none")
        o["DbInstancePort"] = 0
        o["StorageEncrypted"] = .bool(i.storageEncrypted)
        if i.storageEncrypted, let key = i.kmsKeyId { o["KmsKeyId"] = .string(key) }
        o["DbiResourceId"] = .string(i.dbiResourceId)
        o["CACertificateIdentifier"] = "rds-ca-rsa2048-g1"
        o["CopyTagsToSnapshot"] = false
        o["MonitoringInterval"] = 0
        o["DBInstanceArn"] = .string(RDSNames.instanceARN(i.identifier, account: account, region: region))
        o["IAMDatabaseAuthenticationEnabled"] = false
        o["PerformanceInsightsEnabled"] = false
        o["DeletionProtection"] = .bool(i.deletionProtection)
        o["TagList"] = .array(i.tags.map { ["Key": .string($0.key), "Value": .string($0.value)] })
        o["CustomerOwnedIpEnabled"] = false
        o["BackupTarget"] = "region"
        o["NetworkType"] = "IPV4"
        o["DedicatedLogVolume"] = false
        return .object(o)
    }
}
