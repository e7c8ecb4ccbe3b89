import Foundation
import KMSEngine
import Wire

/// Creating, describing, updating and deleting trails.
extension CloudTrailService {
    /// CloudTrail's quota of trails per account and Region.
    static let trailsPerRegion = 5

    func createTrail(_ r: CloudTrailRequest) throws -> CloudTrailOutcome {
        let name = try r.string("Name")
        guard CloudTrailNames.isValidTrailName(name) else { throw CloudTrailError.invalidTrailName(name) }
        let arn = TrailRecord.arn(region: r.region, account: r.account, name: name)
        try CloudTrailAccess.authorize(r.context.caller, action: "cloudtrail:CreateTrail", resource: arn, identities: identities)
        let bucket = try r.string("S3BucketName")
        guard CloudTrailNames.isValidBucketName(bucket) else {
            throw AWSServiceError("InvalidS3BucketNameException",
                "Bucket name '\(bucket)' is not valid: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.")
        }
        let prefix = r.optionalString("S3KeyPrefix")
        if let prefix, prefix.utf8.count > 200 {
            throw AWSServiceError("InvalidS3PrefixException", "The S3 key prefix is longer than 200 characters.")
        }
        try Self.refuseUnsimulatedOptions(r)
        if try r.bool("IsOrganizationTrail") == true {
            throw CloudTrailError.unsupported("KMS Drill has no AWS Organizations: create an account trail (IsOrganizationTrail false).")
        }
        let trail = TrailRecord(
            arn: arn, accountId: r.account, homeRegion: r.region, name: name, s3BucketName: bucket, s3KeyPrefix: prefix,
            includeGlobalServiceEvents: try r.bool("IncludeGlobalServiceEvents") ?? true,
            isMultiRegionTrail: try r.bool("IsMultiRegionTrail") ?? false,
            logFileValidationEnabled: try r.bool("EnableLogFileValidation") ?? false, createdAt: r.now)
        var outcome = CloudTrailOutcome(response: Self.createResponse(trail), readOnly: false, resources: [arn], recorded: true)
        outcome.responseElements = CloudTrailService.requestParameters(outcome.response)
        try store.write { tx in
            if try tx.trail(arn: arn) != nil {
                throw AWSServiceError("TrailAlreadyExistsException", "Trail \(name) already exists for customer: \(r.account)")
            }
            let here = try tx.trails(account: r.account).filter { $0.homeRegion == r.region }
            if here.count >= Self.trailsPerRegion {
                throw AWSServiceError("MaximumNumberOfTrailsExceededException",
                    "User: \(r.account) already has \(Self.trailsPerRegion) trails in \(r.region).")
            }
            try tx.insertTrail(trail)
            try tx.appendAudit(auditEvent(r, outcome: outcome, error: nil))
        }
        return outcome
    }

    func updateTrail(_ r: CloudTrailRequest) throws -> CloudTrailOutcome {
        try Self.refuseUnsimulatedOptions(r)
        var outcome = CloudTrailOutcome(response: .null, readOnly: false, recorded: true)
        try store.write { tx in
            var trail = try requireTrail(r, tx: tx, homeOnly: true)
            try CloudTrailAccess.authorize(r.context.caller, action: "cloudtrail:UpdateTrail", resource: trail.arn, identities: identities)
            var changed = trail
            if let bucket = r.optionalString("S3BucketName") {
                guard CloudTrailNames.isValidBucketName(bucket) else {
                    throw AWSServiceError("InvalidS3BucketNameException", "Bucket name '\(bucket)' is not valid.")
                }
                changed.s3BucketName = bucket
            }
            if let prefix = r.optionalString("S3KeyPrefix") { changed.s3KeyPrefix = prefix.isEmpty ? nil : prefix }
            if let v = try r.bool("IncludeGlobalServiceEvents") { changed.includeGlobalServiceEvents = v }
            if let v = try r.bool("IsMultiRegionTrail") { changed.isMultiRegionTrail = v }
            if let v = try r.bool("EnableLogFileValidation") { changed.logFileValidationEnabled = v }
            if trail.isLogging {
                // What was recorded under the old settings is delivered under them; a digest
                // chain ends here and, if validation stays on, a new one begins.
                let chainBreaks = changed.s3BucketName != trail.s3BucketName || changed.s3KeyPrefix != trail.s3KeyPrefix
                    || changed.isMultiRegionTrail != trail.isMultiRegionTrail || !changed.logFileValidationEnabled
                if chainBreaks || !trail.logFileValidationEnabled {
                    try delivery.deliver(&trail, now: r.now, flush: true, tx: tx)
                    try tx.deleteChains(trailArn: trail.arn)
                    changed.deliveredThroughSeq = trail.deliveredThroughSeq
                    changed.latestDeliveryTime = trail.latestDeliveryTime
                    changed.latestDigestDeliveryTime = trail.latestDigestDeliveryTime
                    if changed.logFileValidationEnabled {
                        try tx.putChain(DigestChainState(trailArn: trail.arn, region: trail.homeRegion, nextStart: r.now))
                    }
                }
            }
            try tx.updateTrail(changed)
            outcome.response = Self.createResponse(changed)
            outcome.resources = [changed.arn]
            outcome.responseElements = CloudTrailService.requestParameters(outcome.response)
            try tx.appendAudit(auditEvent(r, outcome: outcome, error: nil))
        }
        return outcome
    }

    func describeTrails(_ r: CloudTrailRequest) throws -> CloudTrailOutcome {
        try CloudTrailAccess.authorize(r.context.caller, action: "cloudtrail:DescribeTrails", resource: "*", identities: identities)
        let names = (r.input["trailNameList"]?.arrayValue ?? []).compactMap(\.stringValue)
        let shadows = try r.bool("includeShadowTrails") ?? true
        let trails = try store.read { tx in try tx.trails(account: r.account) }.filter { t in
            // A multi-Region trail appears in every Region (a "shadow" outside its home).
            t.homeRegion == r.region || (shadows && t.isMultiRegionTrail)
        }
        let selected = names.isEmpty ? trails : trails.filter { names.contains($0.name) || names.contains($0.arn) }
        return CloudTrailOutcome(response: ["trailList": .array(selected.map(\.shape))], readOnly: true)
    }

    func getTrail(_ r: CloudTrailRequest) throws -> CloudTrailOutcome {
        let trail = try store.read { try requireTrail(r, tx: $0, homeOnly: false) }
        try CloudTrailAccess.authorize(r.context.caller, action: "cloudtrail:GetTrail", resource: trail.arn, identities: identities)
        return CloudTrailOutcome(response: ["Trail": trail.shape], readOnly: true, resources: [trail.arn])
    }

    func listTrails(_ r: CloudTrailRequest) throws -> CloudTrailOutcome {
        try CloudTrailAccess.authorize(r.context.caller, action: "cloudtrail:ListTrails", resource: "*", identities: identities)
        let trails = try store.read { try $0.trails(account: r.account) }
        return CloudTrailOutcome(response: [
            "Trails": .array(trails.map { ["TrailARN": .string($0.arn), "Name": .string($0.name), "HomeRegion": .string($0.homeRegion)] }),
        ], readOnly: true)
    }

    func deleteTrail(_ r: CloudTrailRequest) throws -> CloudTrailOutcome {
        var outcome = CloudTrailOutcome(response: .object(JSONObject()), readOnly: false, recorded: true)
        try store.write { tx in
            var trail = try requireTrail(r, tx: tx, homeOnly: true)
            try CloudTrailAccess.authorize(r.context.caller, action: "cloudtrail:DeleteTrail", resource: trail.arn, identities: identities)
            outcome.resources = [trail.arn]
            // Recorded first, so that the trail's last log file shows who deleted it.
            try tx.appendAudit(auditEvent(r, outcome: outcome, error: nil))
            if trail.isLogging { try delivery.deliver(&trail, now: r.now, flush: true, tx: tx) }
            try tx.deleteChains(trailArn: trail.arn)
            try tx.deleteTrail(arn: trail.arn)
        }
        return outcome
    }

    /// The trail a `Name` (name or ARN) names, in the caller's account.
    func requireTrail(_ r: CloudTrailRequest, tx: CloudTrailTransaction, homeOnly: Bool) throws -> TrailRecord {
        let given = try r.string("Name")
        let arn: String
        if given.hasPrefix("arn:") {
            let parts = given.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6, parts[2] == "cloudtrail", parts[5].hasPrefix("trail/"), parts[4].count == 12 else {
                throw AWSServiceError("CloudTrailARNInvalidException",
                    "'\(given)' is not a valid trail ARN. It looks like arn:aws:cloudtrail:us-east-1:111122223333:trail/NAME.")
            }
            arn = given
        } else {
            guard CloudTrailNames.isValidTrailName(given) else { throw CloudTrailError.invalidTrailName(given) }
            // A name finds the trail of this Region, or a multi-Region trail homed elsewhere.
            let mine = try tx.trails(account: r.account)
            arn = mine.first { $0.name == given && $0.homeRegion == r.region }?.arn
                ?? mine.first { $0.name == given && $0.isMultiRegionTrail }?.arn
                ?? TrailRecord.arn(region: r.region, account: r.account, name: given)
        }
        guard let trail = try tx.trail(arn: arn), trail.accountId == r.account, trail.covers(region: r.region) else {
            throw CloudTrailError.trailNotFound(given, account: r.account, region: r.region)
        }
        if homeOnly, trail.homeRegion != r.region {
            throw AWSServiceError("InvalidHomeRegionException",
                "This operation must be called from the trail's home Region (\(trail.homeRegion)); run it with --region \(trail.homeRegion).")
        }
        return trail
    }

    static func createResponse(_ t: TrailRecord) -> JSONValue {
        var o = JSONObject()
        o["Name"] = .string(t.name)
        o["S3BucketName"] = .string(t.s3BucketName)
        if let p = t.s3KeyPrefix { o["S3KeyPrefix"] = .string(p) }
        o["IncludeGlobalServiceEvents"] = .bool(t.includeGlobalServiceEvents)
        o["IsMultiRegionTrail"] = .bool(t.isMultiRegionTrail)
        o["TrailARN"] = .string(t.arn)
        o["LogFileValidationEnabled"] = .bool(t.logFileValidationEnabled)
        o["IsOrganizationTrail"] = false
        return .object(o)
    }

    /// Options whose effect KMS Drill does not simulate are refused, never silently ignored.
    static func refuseUnsimulatedOptions(_ r: CloudTrailRequest) throws {
        let unsimulated = [
            ("SnsTopicName", "SNS notifications of delivered log files"),
            ("CloudWatchLogsLogGroupArn", "delivery to CloudWatch Logs"),
            ("CloudWatchLogsRoleArn", "delivery to CloudWatch Logs"),
            ("KmsKeyId", "SSE-KMS encryption of trail log files"),
        ]
        for (member, what) in unsimulated where r.input[member].map({ !$0.isNull }) ?? false {
            throw CloudTrailError.unsupported("KMS Drill does not simulate \(what) (\(member)). Leave it out; the trail delivers log files and digests to its bucket.")
        }
    }
}
