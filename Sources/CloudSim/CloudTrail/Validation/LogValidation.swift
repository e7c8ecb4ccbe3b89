import Foundation
import KMSEngine
import Wire

/// `aws cloudtrail validate-logs`, which is an AWS CLI command rather than an API: it re-reads the
/// trail's digests and log files from the bucket, recomputes their hashes, checks each digest's
/// signature and its link to the one before, and reports every file as valid or not.
///
/// KMS Drill also cross-checks the event history (the `audit_events` table that `lookup-events`
/// reads) against the delivered copies of its records, and checks the history's own hash chain,
/// so that editing, deleting, inserting or reordering rows there is caught and named too.
extension CloudTrailService {
    /// Why validation could not run at all (the AWS CLI prints these and exits 255).
    public struct ValidateLogsError: Error, Sendable, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Validates the trail's log files and digests delivered in `startTime...endTime` (default:
    /// now) in the caller's Region.
    public func validateLogs(trailArn: String, startTime: Date, endTime: Date? = nil, context: RequestContext) throws
        -> ValidationReport {
        let now = clock.now()
        let end = endTime ?? now
        let parts = trailArn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "cloudtrail", parts[4].count == 12,
            parts[4].allSatisfy(\.isNumber), parts[5].hasPrefix("trail/"), parts[5].count > 6
        else {
            throw ValidateLogsError(message: "Invalid trail ARN provided: \(trailArn)")
        }
        if startTime > end {
            throw ValidateLogsError(message: "Invalid time range specified: start-time must occur before end-time")
        }
        // The CLI finds the trail with DescribeTrails and the keys with ListPublicKeys.
        do {
            for action in ["cloudtrail:DescribeTrails", "cloudtrail:ListPublicKeys"] {
                try CloudTrailAccess.authorize(context.caller, action: action, resource: "*", identities: identities)
            }
            try delivery.deliverDue(now: now, store: store)
        } catch let e as AWSServiceError {
            throw ValidateLogsError(message: "An error occurred (\(e.code)) when calling the DescribeTrails operation: \(e.message)")
        }
        return try store.read { tx in
            guard let trail = try tx.trail(arn: trailArn), trail.accountId == context.caller.accountId,
                trail.covers(region: context.region)
            else {
                throw ValidateLogsError(message: "A trail could not be found for \(trailArn)")
            }
            var report = ValidationReport(trailArn: trailArn, requestedStart: startTime, requestedEnd: end)
            var walk = DigestWalk(trail: trail, region: context.region, start: startTime, end: end, tx: tx)
            try walk.run(into: &report)
            try EventHistoryCheck(trail: trail, tx: tx).run(logFiles: walk.validLogFiles, into: &report)
            return report
        }
    }
}
