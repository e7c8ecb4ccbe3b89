import Foundation
import Wire

/// A trail: where it delivers, whether it is logging, and how far delivery has got.
public struct TrailRecord: Sendable, Equatable {
    public var arn: String
    public var accountId: String
    public var homeRegion: String
    public var name: String
    public var s3BucketName: String
    public var s3KeyPrefix: String?
    public var snsTopicName: String?
    public var includeGlobalServiceEvents: Bool
    public var isMultiRegionTrail: Bool
    public var logFileValidationEnabled: Bool
    public var kmsKeyId: String?
    public var createdAt: Date
    public var isLogging: Bool
    public var startLoggingTime: Date?
    public var stopLoggingTime: Date?
    public var latestDeliveryTime: Date?
    public var latestDigestDeliveryTime: Date?
    /// Every event up to this sequence number has been delivered (or was before logging began).
    public var deliveredThroughSeq: Int64

    public init(arn: String, accountId: String, homeRegion: String, name: String, s3BucketName: String, s3KeyPrefix: String? = nil,
                snsTopicName: String? = nil, includeGlobalServiceEvents: Bool = true, isMultiRegionTrail: Bool = false,
                logFileValidationEnabled: Bool = false, kmsKeyId: String? = nil, createdAt: Date, isLogging: Bool = false,
                startLoggingTime: Date? = nil, stopLoggingTime: Date? = nil, latestDeliveryTime: Date? = nil,
                latestDigestDeliveryTime: Date? = nil, deliveredThroughSeq: Int64 = 0) {
        self.arn = arn
        self.accountId = accountId
        self.homeRegion = homeRegion
        self.name = name
        self.s3BucketName = s3BucketName
        self.s3KeyPrefix = s3KeyPrefix
        self.snsTopicName = snsTopicName
        self.includeGlobalServiceEvents = includeGlobalServiceEvents
        self.isMultiRegionTrail = isMultiRegionTrail
        self.logFileValidationEnabled = logFileValidationEnabled
        self.kmsKeyId = kmsKeyId
        self.createdAt = createdAt
        self.isLogging = isLogging
        self.startLoggingTime = startLoggingTime
        self.stopLoggingTime = stopLoggingTime
        self.latestDeliveryTime = latestDeliveryTime
        self.latestDigestDeliveryTime = latestDigestDeliveryTime
        self.deliveredThroughSeq = deliveredThroughSeq
    }

    public static func arn(region: String, account: String, name: String) -> String {
        "arn:aws:cloudtrail:\(region):\(account):trail/\(name)"
    }

    /// Whether events of `region` belong in this trail.
    public func covers(region: String) -> Bool { isMultiRegionTrail || region == homeRegion }

    /// The `Trail` shape of DescribeTrails/GetTrail (member names verbatim, model order).
    public var shape: JSONValue {
        var o = JSONObject()
        o["Name"] = .string(name)
        o["S3BucketName"] = .string(s3BucketName)
        if let s3KeyPrefix { o["S3KeyPrefix"] = .string(s3KeyPrefix) }
        if let snsTopicName {
            o["SnsTopicName"] = .string(snsTopicName)
            o["SnsTopicARN"] = .string("arn:aws:sns:\(homeRegion):\(accountId):\(snsTopicName)")
        }
        o["IncludeGlobalServiceEvents"] = .bool(includeGlobalServiceEvents)
        o["IsMultiRegionTrail"] = .bool(isMultiRegionTrail)
        o["HomeRegion"] = .string(homeRegion)
        o["TrailARN"] = .string(arn)
        o["LogFileValidationEnabled"] = .bool(logFileValidationEnabled)
        if let kmsKeyId { o["KmsKeyId"] = .string(kmsKeyId) }
        o["HasCustomEventSelectors"] = false
        o["HasInsightSelectors"] = false
        o["IsOrganizationTrail"] = false
        return .object(o)
    }
}

/// Where one Region's digest chain of a trail stands: the start of the digest being filled and
/// what the next digest must point back to.
public struct DigestChainState: Sendable, Equatable {
    public var trailArn: String
    public var region: String
    /// Start of the period the next digest covers.
    public var nextStart: Date
    /// The previous digest (nil before the first digest of a chain).
    public var previous: PreviousDigest?

    public struct PreviousDigest: Sendable, Equatable {
        public var bucket: String
        public var key: String
        /// Hex SHA-256 of the previous digest's bytes.
        public var hash: String
        /// Hex signature of the previous digest.
        public var signature: String

        public init(bucket: String, key: String, hash: String, signature: String) {
            self.bucket = bucket
            self.key = key
            self.hash = hash
            self.signature = signature
        }
    }

    public init(trailArn: String, region: String, nextStart: Date, previous: PreviousDigest? = nil) {
        self.trailArn = trailArn
        self.region = region
        self.nextStart = nextStart
        self.previous = previous
    }
}
