import Foundation
import KMSEngine
import Wire

/// CreateBucket, DeleteBucket, ListBuckets.
extension S3Service {
    func createBucket(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        guard let name = try input.string("Bucket"), !name.isEmpty else { throw S3Error.missing("Bucket", operation: "CreateBucket") }
        if let problem = S3Names.bucketNameProblem(name) {
            throw AWSServiceError("InvalidBucketName", "The specified bucket is not valid. \(problem)")
        }
        let region = context.region
        let constraint = try input.object("CreateBucketConfiguration")?["LocationConstraint"]?.stringValue
        if region == "us-east-1" {
            // us-east-1 is the one Region whose buckets are created without a location constraint.
            if let constraint, constraint != "us-east-1" {
                throw AWSServiceError("IllegalLocationConstraintException",
                    "The \(constraint) location constraint is incompatible for the region specific endpoint this request was sent to.")
            }
            if constraint == "us-east-1" {
                throw AWSServiceError("InvalidLocationConstraint", "The specified location-constraint is not valid")
            }
        } else if constraint != region {
            throw AWSServiceError("IllegalLocationConstraintException", constraint == nil
                ? "The unspecified location constraint is incompatible for the region specific endpoint this request was sent to."
                : "The \(constraint ?? "") location constraint is incompatible for the region specific endpoint this request was sent to.")
        }
        let location = region == "us-east-1" ? "/\(name)" : "http://\(name).s3.amazonaws.com/"
        return try store.atomically {
            if let existing = try store.records(service: serviceName, kind: S3Kind.bucket, named: name).first {
                let bucket = try existing.decode(S3Bucket.self)
                guard bucket.account == context.caller.accountId else {
                    throw AWSServiceError("BucketAlreadyExists",
                        "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.",
                        httpStatus: 409)
                }
                // In us-east-1, re-creating a bucket you own succeeds (legacy behaviour).
                if bucket.region == "us-east-1" && region == "us-east-1" { return ["Location": .string(location)] }
                throw AWSServiceError("BucketAlreadyOwnedByYou",
                    "Your previous request to create the named bucket succeeded and you already own it.", httpStatus: 409)
            }
            // Since January 2023 every new bucket encrypts new objects with SSE-S3 by default.
            let bucket = S3Bucket(name: name, account: context.caller.accountId, region: region, creationDate: engine.clock.now(),
                                  rule: .sseS3)
            try store.put(try ServiceRecord(key: bucketRecordKey(bucket), encoding: bucket))
            return ["Location": .string(location)]
        }
    }

    func deleteBucket(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        try store.atomically {
            let bucket = try requireBucket(input, context, operation: "DeleteBucket")
            let objects = try store.records(service: serviceName, kind: S3Kind.object, account: bucket.account, region: bucket.region,
                                            prefix: "\(bucket.name)/", after: nil, limit: 1)
            guard objects.isEmpty else {
                throw AWSServiceError("BucketNotEmpty", "The bucket you tried to delete is not empty", httpStatus: 409)
            }
            for record in try store.records(service: serviceName, kind: S3Kind.bucketKey, account: bucket.account,
                                            region: bucket.region, prefix: "\(bucket.name)/") {
                let id = try record.decode(S3BucketKey.self).id
                try bucketKeys.forget(account: bucket.account, region: bucket.region, keyNamePrefix: "\(id)|")
            }
            try store.deleteAll(service: serviceName, kind: S3Kind.bucketKey, account: bucket.account, region: bucket.region,
                                prefix: "\(bucket.name)/")
            try store.delete(bucketRecordKey(bucket))
            return .object(JSONObject())
        }
    }

    func listBuckets(_ input: WireInput, _ context: RequestContext) throws -> JSONValue {
        let account = context.caller.accountId
        let prefix = try input.string("Prefix") ?? ""
        let regionFilter = try input.string("BucketRegion")
        let buckets = try store.records(service: serviceName, kind: S3Kind.bucket, account: account, region: regionFilter, prefix: prefix)
            .map { try $0.decode(S3Bucket.self) }
        var out: JSONObject = [
            "Buckets": .array(buckets.map { b in
                ["Name": .string(b.name), "CreationDate": .double(b.creationDate.timeIntervalSince1970), "BucketRegion": .string(b.region)]
            }),
            "Owner": ["ID": .string(S3Names.canonicalUserId(account: account))],
        ]
        if !prefix.isEmpty { out["Prefix"] = .string(prefix) }
        return .object(out)
    }
}
