import Foundation
import Wire

public struct ScheduleKeyDeletionRequest: Codable, Sendable {
    public var KeyId: String
    public var PendingWindowInDays: Int?

    public init(KeyId: String, PendingWindowInDays: Int? = nil) {
        self.KeyId = KeyId
        self.PendingWindowInDays = PendingWindowInDays
    }
}

public struct ScheduleKeyDeletionResponse: Codable, Sendable {
    public var KeyId: String
    public var DeletionDate: Date
    public var KeyState: KeyState
    public var PendingWindowInDays: Int
}

extension KMSEngine {
    /// ScheduleKeyDeletion: the key becomes PendingDeletion for 7–30 days (default 30); when the
    /// window ends (on the simulated clock) the key and all its material are deleted for good.
    public func scheduleKeyDeletion(_ request: ScheduleKeyDeletionRequest, _ context: RequestContext) throws(KMSError) -> ScheduleKeyDeletionResponse {
        var p: JSONObject = ["keyId": .string(request.KeyId)]
        if let d = request.PendingWindowInDays { p["pendingWindowInDays"] = .int(d) }
        return try perform("ScheduleKeyDeletion", context, mutates: true, parameters: .object(p)) { scope in
            var key = try scope.resolveKey(request.KeyId, allowAlias: false)
            let days = request.PendingWindowInDays ?? 30
            try scope.authorize("kms:ScheduleKeyDeletion", key: key,
                                conditions: ["kms:ScheduleKeyDeletionPendingWindowInDays": [String(days)]])
            try scope.requireCustomerManaged(key, "schedule the deletion")
            // The model allows 1–365; the documentation (and the service) allow 7–30.
            guard (7...30).contains(days) else {
                throw KMSError.validation(member: "pendingWindowInDays", value: String(days),
                    constraint: days < 7 ? "Member must have value greater than or equal to 7" : "Member must have value less than or equal to 30")
            }
            try KeyStateRule.notPendingDeletion.check(key)
            let deletionDate = scope.now.addingTimeInterval(Double(days) * 86400)
            key.keyState = .pendingDeletion
            key.deletionDate = deletionDate
            key.pendingDeletionWindowInDays = days
            try scope.tx.updateKey(key)
            scope.responseElements = [
                "keyId": .string(key.arn), "keyState": "PendingDeletion",
                "deletionDate": .string(CloudTrailShape.date(deletionDate)), "pendingWindowInDays": .int(days),
            ]
            return ScheduleKeyDeletionResponse(KeyId: key.arn, DeletionDate: deletionDate, KeyState: .pendingDeletion, PendingWindowInDays: days)
        }
    }
}
