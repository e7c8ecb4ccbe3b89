import CloudSim
import Foundation
import KMSEngine
import Testing
import TestSupport
import Wire

/// F16: EBS encryption by default per account and Region, with aws/ebs or a CMK; snapshots and copies.
@Suite struct EBSEncryptionTests {
    let f: ServiceFixture
    let admin = Callers.admin

    init() throws {
        f = try ServiceFixture()
    }

    func createVolume(_ extra: JSONObject = [:], as context: RequestContext = Callers.admin) throws -> JSONValue {
        var input: JSONObject = ["AvailabilityZone": "us-east-1a", "Size": 8]
        for (k, v) in extra { input[k] = v }
        return try f.ec2.call("CreateVolume", input: .object(input), context: context)
    }

    func describe(_ id: String) throws -> JSONValue? {
        try f.ec2.call("DescribeVolumes", input: ["VolumeIds": [.string(id)]], context: admin)["Volumes"]?.arrayValue?.first
    }

    @Test func encryptionByDefaultAppliesToNewVolumesOnly() throws {
        #expect(try f.ec2.call("GetEbsEncryptionByDefault", input: [:], context: admin)["EbsEncryptionByDefault"] == false)
        #expect(try f.ec2.call("GetEbsDefaultKmsKeyId", input: [:], context: admin)["KmsKeyId"] == "alias/aws/ebs")
        let before = try createVolume()
        #expect(before["Encrypted"] == false && before["State"] == "creating" && before["VolumeType"] == "gp2" && before["Iops"] == 100)
        let beforeId = try #require(before["VolumeId"]?.stringValue)
        #expect(beforeId.hasPrefix("vol-") && beforeId.count == 21)
        #expect(try f.ec2.call("EnableEbsEncryptionByDefault", input: [:], context: admin)["EbsEncryptionByDefault"] == true)
        // Only us-east-1 changed.
        #expect(try f.ec2.call("GetEbsEncryptionByDefault", input: [:], context: Callers.inRegion(admin, "eu-west-1"))["EbsEncryptionByDefault"] == false)
        let mark = f.auditCount
        let after = try createVolume()
        let afterId = try #require(after["VolumeId"]?.stringValue)
        #expect(after["Encrypted"] == true)
        let events = try f.events(since: mark)
        #expect(events.map(\.name) == ["CreateKey", "GenerateDataKeyWithoutPlaintext", "Decrypt", "CreateGrant"])
        #expect(events[0].invokedBy == "ec2.amazonaws.com", "aws/ebs appears on first use")
        #expect(events[1].context == ["aws:ebs:id": afterId] && events[1].userName == "admin" && events[1].invokedBy == "ec2.amazonaws.com")
        let grant = events[3].record["requestParameters"]
        #expect(grant?["granteePrincipal"] == "ec2.us-east-1.amazonaws.com")
        #expect(grant?["constraints"]?["encryptionContextSubset"] == ["aws:ebs:id": .string(afterId)])
        let aliases = try f.engine.listAliases(ListAliasesRequest(), admin).Aliases
        let ebsKey = try #require(aliases.first { $0.AliasName == "alias/aws/ebs" }?.TargetKeyId)
        #expect(after["KmsKeyId"]?.stringValue?.hasSuffix(ebsKey) == true)
        // The existing volume is unchanged.
        #expect(try describe(beforeId)?["Encrypted"] == false)
        #expect(try describe(afterId)?["State"] == "available")
        // Blocks of the encrypted volume are not stored in plaintext; the unencrypted ones are.
        #expect(try f.databaseContains(Data("KMSDRILL EBS volume \(beforeId)".utf8)))
        #expect(try !f.databaseContains(Data("KMSDRILL EBS volume \(afterId)".utf8)))
        #expect(String(data: try f.ec2.readBlocks(resourceId: afterId, context: admin), encoding: .utf8)?.contains(afterId) == true)
        _ = try f.ec2.call("DisableEbsEncryptionByDefault", input: [:], context: admin)
        #expect(try createVolume()["Encrypted"] == false)
    }

    @Test func defaultKeyCanBeACustomerManagedKey() throws {
        let key = try f.createKey()
        let keyId = String(key.split(separator: "/").last ?? "")
        let modified = try f.ec2.call("ModifyEbsDefaultKmsKeyId", input: ["KmsKeyId": .string(keyId)], context: admin)
        #expect(modified["KmsKeyId"]?.stringValue == key, "EC2 reports the key as an ARN")
        _ = try f.ec2.call("EnableEbsEncryptionByDefault", input: [:], context: admin)
        let volume = try createVolume()
        #expect(volume["KmsKeyId"]?.stringValue == key)
        #expect(try f.ec2.call("ResetEbsDefaultKmsKeyId", input: [:], context: admin)["KmsKeyId"] == "alias/aws/ebs")
        expectServiceError("InvalidParameterValue") { try f.ec2.call("ModifyEbsDefaultKmsKeyId", input: ["KmsKeyId": "bad/key:id"], context: admin) }
        expectServiceError("DryRunOperation", status: 412) {
            try f.ec2.call("EnableEbsEncryptionByDefault", input: ["DryRun": true], context: admin)
        }
    }

    @Test func explicitKeyNeedsEncrypted() throws {
        let key = try f.createKey()
        expectServiceError("InvalidParameterDependency") { try createVolume(["KmsKeyId": .string(key)]) }
        let v = try createVolume(["KmsKeyId": .string(key), "Encrypted": true, "VolumeType": "gp3"])
        #expect(v["KmsKeyId"]?.stringValue == key && v["Iops"] == 3000 && v["Throughput"] == 125)
        expectServiceError("InvalidParameterValue", messageContains: "Invalid availability zone") {
            try f.ec2.call("CreateVolume", input: ["AvailabilityZone": "us-west-2a", "Size": 8], context: admin)
        }
        expectServiceError("InvalidParameterValue", messageContains: "too large") { try createVolume(["Size": 20000]) }
        expectServiceError("MissingParameter") { try f.ec2.call("CreateVolume", input: ["AvailabilityZone": "us-east-1a"], context: admin) }
    }

    @Test func anUnusableKeyPutsTheVolumeInTheErrorState() throws {
        let key = try f.createKey()
        try f.disableKey(key)
        let mark = f.auditCount
        let v = try createVolume(["KmsKeyId": .string(key), "Encrypted": true])
        #expect(v["State"] == "creating", "EC2 checks the key asynchronously")
        let id = try #require(v["VolumeId"]?.stringValue)
        #expect(try describe(id)?["State"] == "error")
        let events = try f.events(since: mark)
        #expect(events.map(\.name) == ["GenerateDataKeyWithoutPlaintext"] && events.first?.errorCode == "DisabledException")
        // Bob has no permission on the CMK: same outcome, and AccessDenied in the log.
        try f.enableKey(key)
        let mark2 = f.auditCount
        let bobs = try createVolume(["KmsKeyId": .string(key), "Encrypted": true], as: Callers.bob)
        #expect(try describe(try #require(bobs["VolumeId"]?.stringValue))?["State"] == "error")
        #expect(try f.events(since: mark2).first?.errorCode == "AccessDenied")
    }

    @Test func snapshotsKeepTheVolumesEncryptionAndCopiesCanReencrypt() throws {
        let plain = try #require(try createVolume()["VolumeId"]?.stringValue)
        let mark = f.auditCount
        let snap = try f.ec2.call("CreateSnapshot", input: ["VolumeId": .string(plain), "Description": "nightly"], context: admin)
        #expect(snap["State"] == "pending" && snap["Encrypted"] == false)
        let snapId = try #require(snap["SnapshotId"]?.stringValue)
        #expect(try f.events(since: mark).isEmpty, "a snapshot of an unencrypted volume involves no key")
        let described = try f.ec2.call("DescribeSnapshots", input: ["SnapshotIds": [.string(snapId)]], context: admin)["Snapshots"]?.arrayValue?.first
        #expect(described?["State"] == "completed" && described?["Progress"] == "100%")

        // Copy with encryption under a CMK.
        let key = try f.createKey()
        let mark2 = f.auditCount
        let copy = try f.ec2.call("CopySnapshot", input: ["SourceSnapshotId": .string(snapId), "SourceRegion": "us-east-1",
                                                          "Encrypted": true, "KmsKeyId": .string(key)], context: admin)
        let copyId = try #require(copy["SnapshotId"]?.stringValue)
        let copied = try f.ec2.call("DescribeSnapshots", input: ["SnapshotIds": [.string(copyId)]], context: admin)["Snapshots"]?.arrayValue?.first
        #expect(copied?["Encrypted"] == true && copied?["KmsKeyId"]?.stringValue == key && copied?["VolumeId"] == "vol-ffffffff")
        #expect(copied?["Description"]?.stringValue == "[Copied \(snapId) from us-east-1]")
        #expect(try f.events(since: mark2).map(\.name) == ["GenerateDataKeyWithoutPlaintext", "Decrypt"])

        // A volume from the encrypted copy is encrypted with the same key.
        let restored = try createVolume(["SnapshotId": .string(copyId)])
        #expect(restored["Encrypted"] == true && restored["KmsKeyId"]?.stringValue == key && restored["SnapshotId"]?.stringValue == copyId)
        let restoredId = try #require(restored["VolumeId"]?.stringValue)
        #expect(String(data: try f.ec2.readBlocks(resourceId: restoredId, context: admin), encoding: .utf8)?.contains(plain) == true,
                "the blocks came through snapshot, encrypted copy and restore")

        // A volume from the unencrypted snapshot, asked to be encrypted, is encrypted.
        let fromPlain = try createVolume(["SnapshotId": .string(snapId), "Encrypted": true])
        #expect(fromPlain["Encrypted"] == true)
        // A snapshot of an encrypted volume is encrypted with the same key, no KMS request.
        let mark3 = f.auditCount
        let encSnap = try f.ec2.call("CreateSnapshot", input: ["VolumeId": .string(restoredId)], context: admin)
        #expect(encSnap["Encrypted"] == true && encSnap["KmsKeyId"]?.stringValue == key)
        #expect(try f.events(since: mark3).isEmpty)

        // Copy failure: the key is disabled, the copy goes to the error state.
        try f.disableKey(key)
        let failed = try f.ec2.call("CopySnapshot", input: ["SourceSnapshotId": .string(copyId), "SourceRegion": "us-east-1"], context: admin)
        let failedSnap = try f.ec2.call("DescribeSnapshots", input: ["SnapshotIds": [.string(try #require(failed["SnapshotId"]?.stringValue))]],
                                        context: admin)["Snapshots"]?.arrayValue?.first
        #expect(failedSnap?["State"] == "error" && failedSnap?["StateMessage"] == "Given key ID is not accessible")
        expectServiceError("Client.InvalidKMSKey.InvalidState") { try f.ec2.readBlocks(resourceId: restoredId, context: admin) }
    }

    @Test func crossRegionCopyUsesTheDestinationDefaultKey() throws {
        _ = try f.ec2.call("EnableEbsEncryptionByDefault", input: [:], context: admin)
        let v = try #require(try createVolume()["VolumeId"]?.stringValue)
        let snap = try #require(try f.ec2.call("CreateSnapshot", input: ["VolumeId": .string(v)], context: admin)["SnapshotId"]?.stringValue)
        let west = Callers.inRegion(admin, "us-west-2")
        let copy = try f.ec2.call("CopySnapshot", input: ["SourceSnapshotId": .string(snap), "SourceRegion": "us-east-1"], context: west)
        let copied = try f.ec2.call("DescribeSnapshots", input: ["SnapshotIds": [copy["SnapshotId"] ?? .null]], context: west)["Snapshots"]?.arrayValue?.first
        #expect(copied?["KmsKeyId"]?.stringValue?.hasPrefix("arn:aws:kms:us-west-2:111122223333:key/") == true)
        #expect(copied?["State"] == "completed")
    }

    @Test func describeFiltersDeleteAndGrantRetirement() throws {
        _ = try createVolume(["TagSpecifications": [["ResourceType": "volume", "Tags": [["Key": "Name", "Value": "db-data"]]]]])
        let enc = try #require(try createVolume(["Encrypted": true])["VolumeId"]?.stringValue)
        let encrypted = try f.ec2.call("DescribeVolumes", input: ["Filters": [["Name": "encrypted", "Values": ["true"]]]], context: admin)
        #expect(encrypted["Volumes"]?.arrayValue?.compactMap { $0["VolumeId"]?.stringValue } == [enc])
        let tagged = try f.ec2.call("DescribeVolumes", input: ["Filters": [["Name": "tag:Name", "Values": ["db-*"]]]], context: admin)
        #expect(tagged["Volumes"]?.arrayValue?.count == 1)
        expectServiceError("InvalidVolume.NotFound") { try f.ec2.call("DescribeVolumes", input: ["VolumeIds": ["vol-0123456789abcdef0"]], context: admin) }
        expectServiceError("InvalidVolumeID.Malformed") { try f.ec2.call("DeleteVolume", input: ["VolumeId": "volume-1"], context: admin) }
        let mark = f.auditCount
        _ = try f.ec2.call("DeleteVolume", input: ["VolumeId": .string(enc)], context: admin)
        let retire = try f.events(since: mark)
        #expect(retire.map(\.name) == ["RetireGrant"] && retire.first?.errorCode == nil)
        #expect(try f.ec2.call("DescribeVolumes", input: ["Filters": [["Name": "encrypted", "Values": ["true"]]]], context: admin)["Volumes"] == [])
    }
}
