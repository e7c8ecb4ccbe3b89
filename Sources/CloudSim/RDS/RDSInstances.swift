import Foundation
import KMSEngine
import Wire

/// CreateDBInstance, DescribeDBInstances, ModifyDBInstance, DeleteDBInstance.
extension RDSService {
    func createDBInstance(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let id = try required(input, "DBInstanceIdentifier")
        if let problem = RDSNames.identifierProblem(id, member: "DBInstanceIdentifier", maxLength: 63) { throw problem }
        let instanceClass = try required(input, "DBInstanceClass")
        guard instanceClass.hasPrefix("db."), instanceClass.split(separator: ".").count == 3 else {
            throw AWSServiceError("InvalidParameterValue", "Invalid DB Instance class: \(instanceClass)")
        }
        let engineName = try required(input, "Engine").lowercased()
        if engineName.hasPrefix("aurora") {
            throw AWSServiceError("InvalidParameterCombination",
                "Aurora DB instances belong to a DB cluster, whose storage encryption is set on the cluster; KMS Drill simulates RDS DB instances (mysql, postgres, mariadb, oracle, sqlserver, db2).")
        }
        guard let info = RDSNames.engines[engineName] else { throw AWSServiceError("InvalidParameterValue", "Invalid DB engine: \(engineName)") }
        let storageType = try input.string("StorageType") ?? "gp2"
        guard let storage = try input.int("AllocatedStorage"), (20...65536).contains(storage) else {
            let given = try input.int("AllocatedStorage").map(String.init) ?? "none"
            throw AWSServiceError("InvalidParameterValue",
                "Invalid storage size for engine name \(engineName) and storage type \(storageType): \(given) (give --allocated-storage 20 or more)")
        }
        let username = try required(input, "MasterUsername")
        if try input.bool("ManageMasterUserPassword") != true {
            let password = try required(input, "MasterUserPassword")
            if password.count < 8 {
                throw AWSServiceError("InvalidParameterValue",
                    "The parameter MasterUserPassword is not a valid password because it is shorter than 8 characters.")
            }
        }
        let encrypted = try input.bool("StorageEncrypted") ?? false
        let keyId = try input.string("KmsKeyId")
        if keyId != nil && !encrypted {
            throw AWSServiceError("InvalidParameterCombination",
                "A KMS key (KmsKeyId) can be given only for an encrypted DB instance: add --storage-encrypted. Encryption is chosen at creation and cannot be enabled later.")
        }
        let tags = try Self.tags(input)
        return try store.atomically {
            if try loadInstance(id, context) != nil {
                throw AWSServiceError("DBInstanceAlreadyExists", "DB instance already exists")
            }
            var instance = RDSInstance(
                identifier: id.lowercased(), engine: engineName, engineVersion: try input.string("EngineVersion") ?? info.version,
                instanceClass: instanceClass, allocatedStorage: storage, storageType: storageType, masterUsername: username,
                dbName: try input.string("DBName"), port: try input.int("Port") ?? info.port, status: "available",
                createTime: engine.clock.now(), availabilityZone: try input.string("AvailabilityZone") ?? "\(context.region)a",
                backupRetentionPeriod: try input.int("BackupRetentionPeriod") ?? 1, multiAZ: try input.bool("MultiAZ") ?? false,
                publiclyAccessible: try input.bool("PubliclyAccessible") ?? false,
                deletionProtection: try input.bool("DeletionProtection") ?? false, licenseModel: info.license,
                storageEncrypted: encrypted, kmsKeyId: nil, dataKey: nil, grantId: nil, dbiResourceId: newResourceId(), tags: tags,
                inaccessibleSince: nil)
            var payload = RDSSampleData.initial(engine: engineName)
            if encrypted {
                // Without a key named, RDS uses the account's default key for RDS: aws/rds.
                let target = keyId ?? kms.service.aliasName
                do {
                    let (dataKey, sealed) = try encryptStorage(payload, keyId: target, caller: context)
                    instance.kmsKeyId = dataKey.keyArn
                    instance.dataKey = dataKey
                    instance.grantId = try createInstanceGrant(keyArn: dataKey.keyArn, caller: context)
                    payload = sealed
                } catch {
                    throw CommitThenFail(keyNotAccessible(target))
                }
            }
            try saveInstance(instance, payload: payload, context)
            var response = instance
            response.status = "creating"
            return ["DBInstance": instanceJSON(response, context, endpoint: false)]
        }
    }

    func describeDBInstances(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let id = try input.string("DBInstanceIdentifier")
        return try store.atomically {
            var found: [(RDSInstance, Data?)] = []
            if let id {
                found = [try requireInstance(id, context)]
            } else {
                for record in try store.records(service: serviceName, kind: RDSKind.instance, account: context.caller.accountId,
                                                region: context.region) {
                    var instance = try record.decode(RDSInstance.self)
                    try refreshHealth(&instance, payload: record.payload, context)
                    found.append((instance, record.payload))
                }
            }
            let (page, marker) = try Self.page(found.map(\.0), input)
            var out: JSONObject = [:]
            if let marker { out["Marker"] = .string(marker) }
            out["DBInstances"] = .array(page.map { instanceJSON($0, context, endpoint: true) })
            return .object(out)
        }
    }

    /// The members botocore accepts for ModifyDBInstance, in model order (the message a
    /// learner's SDK shows when they try to pass StorageEncrypted or KmsKeyId).
    static let modifyMembers = """
        DBInstanceIdentifier, AllocatedStorage, DBInstanceClass, DBSubnetGroupName, DBSecurityGroups, VpcSecurityGroupIds, \
        ApplyImmediately, MasterUserPassword, DBParameterGroupName, BackupRetentionPeriod, PreferredBackupWindow, \
        PreferredMaintenanceWindow, MultiAZ, EngineVersion, AllowMajorVersionUpgrade, AutoMinorVersionUpgrade, LicenseModel, Iops, \
        StorageThroughput, OptionGroupName, NewDBInstanceIdentifier, StorageType, TdeCredentialArn, TdeCredentialPassword, \
        CACertificateIdentifier, Domain, DomainFqdn, DomainOu, DomainAuthSecretArn, DomainDnsIps, DisableDomain, CopyTagsToSnapshot, \
        MonitoringInterval, DBPortNumber, PubliclyAccessible, MonitoringRoleArn, DomainIAMRoleName, PromotionTier, \
        EnableIAMDatabaseAuthentication, DatabaseInsightsMode, EnablePerformanceInsights, PerformanceInsightsKMSKeyId, \
        PerformanceInsightsRetentionPeriod, CloudwatchLogsExportConfiguration, ProcessorFeatures, UseDefaultProcessorFeatures, \
        DeletionProtection, MaxAllocatedStorage, CertificateRotationRestart, ReplicaMode, AutomationMode, \
        ResumeFullAutomationModeMinutes, EnableCustomerOwnedIp, NetworkType, AwsBackupRecoveryPointArn, ManageMasterUserPassword, \
        RotateMasterUserPassword, MasterUserSecretKmsKeyId, MultiTenant, DedicatedLogVolume, Engine, AdditionalStorageVolumes, \
        TagSpecifications, MasterUserAuthenticationType
        """

    func modifyDBInstance(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        // The exam trap: ModifyDBInstance has no StorageEncrypted or KmsKeyId member at all, so
        // there is nothing to send; the SDK refuses the request before it leaves the machine.
        for member in ["StorageEncrypted", "KmsKeyId"] where input.has(member) {
            throw AWSServiceError("ParamValidationError",
                "Parameter validation failed:\nUnknown parameter in input: \"\(member)\", must be one of: \(Self.modifyMembers)")
        }
        let id = try required(input, "DBInstanceIdentifier")
        return try store.atomically {
            let (found, payload) = try requireInstance(id, context)
            var instance = found
            guard instance.status == "available" else {
                throw AWSServiceError("InvalidDBInstanceState", "Database instance is not in available state.")
            }
            if let cls = try input.string("DBInstanceClass") {
                guard cls.hasPrefix("db.") else { throw AWSServiceError("InvalidParameterValue", "Invalid DB Instance class: \(cls)") }
                instance.instanceClass = cls
            }
            if let storage = try input.int("AllocatedStorage") {
                guard storage >= instance.allocatedStorage, storage <= 65536 else {
                    throw AWSServiceError("InvalidParameterCombination",
                        "Invalid storage size for engine name \(instance.engine) and storage type \(instance.storageType): \(storage) (storage can only grow)")
                }
                instance.allocatedStorage = storage
            }
            if let days = try input.int("BackupRetentionPeriod") { instance.backupRetentionPeriod = days }
            if let p = try input.bool("DeletionProtection") { instance.deletionProtection = p }
            if let p = try input.bool("PubliclyAccessible") { instance.publiclyAccessible = p }
            if let m = try input.bool("MultiAZ") { instance.multiAZ = m }
            if let newId = try input.string("NewDBInstanceIdentifier") {
                if let problem = RDSNames.identifierProblem(newId, member: "NewDBInstanceIdentifier", maxLength: 63) { throw problem }
                if try loadInstance(newId, context) != nil { throw AWSServiceError("DBInstanceAlreadyExists", "DB instance already exists") }
                // Renaming moves the endpoint: applications must follow the new name.
                try store.delete(key(RDSKind.instance, instance.identifier, context))
                instance.identifier = newId.lowercased()
            }
            try saveInstance(instance, payload: payload, context)
            var response = instance
            response.status = "modifying"
            var json = instanceJSON(response, context, endpoint: true)
            if try input.string("MasterUserPassword") != nil, case .object(var o) = json {
                o["PendingModifiedValues"] = ["MasterUserPassword": "****"]
                json = .object(o)
            }
            return ["DBInstance": json]
        }
    }

    func deleteDBInstance(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let id = try required(input, "DBInstanceIdentifier")
        let skip = try input.bool("SkipFinalSnapshot") ?? false
        let finalId = try input.string("FinalDBSnapshotIdentifier")
        if !skip && finalId == nil {
            throw AWSServiceError("InvalidParameterCombination", "FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.")
        }
        if skip && finalId != nil {
            throw AWSServiceError("InvalidParameterCombination", "Cannot specify both SkipFinalSnapshot and FinalDBSnapshotIdentifier.")
        }
        return try store.atomically {
            let (instance, payload) = try requireInstance(id, context)
            if instance.deletionProtection {
                throw AWSServiceError("InvalidParameterCombination",
                    "Cannot delete protected DB Instance, please disable deletion protection and try again.")
            }
            if let finalId {
                _ = try takeSnapshot(of: instance, payload: payload, identifier: finalId, context)
            }
            if let grant = instance.grantId, let key = instance.kmsKeyId {
                kms.retireGrant(keyArn: key, grantId: grant, account: context.caller.accountId, region: context.region)
            }
            try store.delete(key(RDSKind.instance, instance.identifier, context))
            var response = instance
            response.status = "deleting"
            return ["DBInstance": instanceJSON(response, context, endpoint: true)]
        }
    }
}
