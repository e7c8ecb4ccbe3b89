import Foundation
import KMSEngine
import Wire

/// Starting and stopping a trail, its status, and the digest signing keys' public halves.
extension CloudTrailService {
    func startLogging(_ r: CloudTrailRequest) throws -> CloudTrailOutcome {
        var outcome = CloudTrailOutcome(response: .object(JSONObject()), readOnly: false, recorded: true)
        try store.write { tx in
            var trail = try requireTrail(r, tx: tx, homeOnly: true)
            try CloudTrailAccess.authorize(r.context.caller, action: "cloudtrail:StartLogging", resource: trail.arn, identities: identities)
            outcome.resources = [trail.arn]
            if !trail.isLogging {
                // The trail receives what happens from now on (this call included), not the past.
                trail.isLogging = true
                trail.startLoggingTime = r.now
                trail.deliveredThroughSeq = try tx.lastEventSeq()
                try tx.deleteChains(trailArn: trail.arn)
                if trail.logFileValidationEnabled {
                    try tx.putChain(DigestChainState(trailArn: trail.arn, region: trail.homeRegion, nextStart: r.now))
                }
                try tx.updateTrail(trail)
            }
            try tx.appendAudit(auditEvent(r, outcome: outcome, error: nil))
        }
        return outcome
    }

    func stopLogging(_ r: CloudTrailRequest) throws -> CloudTrailOutcome {
        var outcome = CloudTrailOutcome(response: .object(JSONObject()), readOnly: false, recorded: true)
        try store.write { tx in
            var trail = try requireTrail(r, tx: tx, homeOnly: true)
            try CloudTrailAccess.authorize(r.context.caller, action: "cloudtrail:StopLogging", resource: trail.arn, identities: identities)
            outcome.resources = [trail.arn]
            // Recorded first: the trail's last log file shows who stopped it, and when.
            try tx.appendAudit(auditEvent(r, outcome: outcome, error: nil))
            if trail.isLogging {
                try delivery.deliver(&trail, now: r.now, flush: true, tx: tx)
                try tx.deleteChains(trailArn: trail.arn)
                trail.isLogging = false
                trail.stopLoggingTime = r.now
                try tx.updateTrail(trail)
            }
        }
        return outcome
    }

    func getTrailStatus(_ r: CloudTrailRequest) throws -> CloudTrailOutcome {
        let trail = try store.read { try requireTrail(r, tx: $0, homeOnly: false) }
        try CloudTrailAccess.authorize(r.context.caller, action: "cloudtrail:GetTrailStatus", resource: trail.arn, identities: identities)
        func time(_ d: Date?) -> JSONValue { d.map { .double($0.timeIntervalSince1970) } ?? .null }
        var o = JSONObject()
        o["IsLogging"] = .bool(trail.isLogging)
        if let d = trail.latestDeliveryTime { o["LatestDeliveryTime"] = time(d) }
        if let d = trail.startLoggingTime { o["StartLoggingTime"] = time(d) }
        if let d = trail.stopLoggingTime { o["StopLoggingTime"] = time(d) }
        if let d = trail.latestDigestDeliveryTime { o["LatestDigestDeliveryTime"] = time(d) }
        if let d = trail.latestDeliveryTime {
            o["LatestDeliveryAttemptTime"] = .string(Timestamp.zulu(d))
            o["LatestDeliveryAttemptSucceeded"] = .string(Timestamp.zulu(d))
        }
        o["LatestNotificationAttemptTime"] = ""
        o["LatestNotificationAttemptSucceeded"] = ""
        if let d = trail.startLoggingTime { o["TimeLoggingStarted"] = .string(Timestamp.zulu(d)) }
        if let d = trail.stopLoggingTime { o["TimeLoggingStopped"] = .string(Timestamp.zulu(d)) }
        return CloudTrailOutcome(response: .object(o), readOnly: true, resources: [trail.arn])
    }

    /// `ListPublicKeys`: the caller's Region's digest signing keys valid at some time in the range
    /// (default: the last day); `Value` is the PKCS#1 DER public key.
    func listPublicKeys(_ r: CloudTrailRequest) throws -> CloudTrailOutcome {
        try CloudTrailAccess.authorize(r.context.caller, action: "cloudtrail:ListPublicKeys", resource: "*", identities: identities)
        let end = try r.date("EndTime") ?? r.now
        let start = try r.date("StartTime") ?? end.addingTimeInterval(-86400)
        if start > end {
            throw AWSServiceError("InvalidTimeRangeException",
                "The start time (\(Timestamp.zulu(start))) is after the end time (\(Timestamp.zulu(end))).")
        }
        if let token = r.input["NextToken"], !token.isNull {
            throw AWSServiceError("InvalidTokenException", "The NextToken is not valid: ListPublicKeys returned all keys in one page.")
        }
        let keys = try store.read { try $0.signingKeys(region: r.region) }.filter { $0.validFrom <= end && $0.validUntil >= start }
        return CloudTrailOutcome(response: [
            "PublicKeyList": .array(keys.map {
                [
                    "Value": .string($0.publicKey.base64EncodedString()),
                    "ValidityStartTime": .double($0.validFrom.timeIntervalSince1970),
                    "ValidityEndTime": .double($0.validUntil.timeIntervalSince1970),
                    "Fingerprint": .string($0.fingerprint),
                ]
            }),
        ], readOnly: true)
    }
}
