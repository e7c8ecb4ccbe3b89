import Foundation
import KMSEngine
import Testing
import Wire

/// The audit log writes records with a direct writer; `CloudTrailRecord.render` is the reference.
@Suite struct RecordRenderingTests {
    static let user = Caller(kind: .iamUser, accountId: "111122223333", arn: "arn:aws:iam::111122223333:user/alice",
                             principalId: "AIDAALICE", userName: "alice", accessKeyId: "AKIAALICE")
    static let role = Caller(kind: .assumedRole, accountId: "111122223333", arn: "arn:aws:sts::111122223333:assumed-role/AppRole/s1",
                             principalId: "AROAAPP:s1", roleArn: "arn:aws:iam::111122223333:role/AppRole", sessionName: "s1",
                             accessKeyId: "ASIAAPP")

    static func event(_ caller: Caller, invokedBy: String? = nil, error: String? = nil, type: String = "AwsApiCall",
                      recipient: String = "111122223333") -> AuditEvent {
        AuditEvent(
            eventID: "5f0c6a3e-0d4b-4c8e-9f1a-2b3c4d5e6f70", requestID: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            eventTime: Date(timeIntervalSince1970: 1_767_225_600.25), eventName: "Decrypt", region: "us-east-1",
            recipientAccountId: recipient, caller: caller, invokedBy: invokedBy,
            sourceIPAddress: invokedBy ?? "198.51.100.7", userAgent: invokedBy ?? "aws-cli/2.17 \"quoted\" \\ tab\t",
            requestParameters: ["encryptionContext": ["line\nbreak": "é ü 日本", "ctl": "\u{01}"], "keyId": "alias/app", "n": 3, "x": 1.5],
            responseElements: error == nil ? ["keyMetadata": ["keyId": "k"]] : .null,
            additionalEventData: ["keyMaterialId": "abc"], errorCode: error, errorMessage: error.map { "refused: \($0)" },
            resources: ["arn:aws:kms:us-east-1:111122223333:key/1234", "arn:aws:kms:us-east-1:111122223333:alias/app"],
            readOnly: error == nil, eventType: type)
    }

    @Test(arguments: [
        event(user), event(role), event(.root(account: "111122223333")), event(user, invokedBy: "s3.us-east-1.amazonaws.com"),
        event(user, error: "AccessDeniedException"), event(role, error: "NotFoundException"),
        event(.kmsService(account: "111122223333"), invokedBy: "kms.amazonaws.com", type: "AwsServiceEvent"),
        event(user, recipient: "444455556666"),
    ])
    func directTextIsTheReferenceRecord(_ e: AuditEvent) throws {
        for copy in CloudTrailRecord.copies(of: e) {
            let reference = JSONWriter.compact(CloudTrailRecord.render(copy.event, sharedEventID: copy.sharedEventID))
            let direct = CloudTrailRecord.compactText(copy.event, sharedEventID: copy.sharedEventID)
            #expect(direct == reference)
            #expect(try JSONParser.parse(direct) == CloudTrailRecord.render(copy.event, sharedEventID: copy.sharedEventID))
        }
    }

    @Test func eventTimesRenderAsTheReferenceDoes() throws {
        var e = Self.event(Self.user)
        var t = -86400.0 * 3
        while t < 86400.0 * 365 * 400 {
            e.eventTime = Date(timeIntervalSince1970: t)
            let direct = try JSONParser.parse(CloudTrailRecord.compactText(e))
            #expect(direct["eventTime"] == .string(Timestamp.zulu(e.eventTime)), "at \(t)")
            t += 86400 * 17.37 + 3599.9
        }
    }

    @Test func crossAccountCallsGetTwoCopiesWithASharedID() {
        let copies = CloudTrailRecord.copies(of: Self.event(Self.user, recipient: "444455556666"))
        #expect(copies.count == 2)
        #expect(copies.map(\.event.recipientAccountId) == ["444455556666", "111122223333"])
        #expect(copies[0].sharedEventID != nil && copies[0].sharedEventID == copies[1].sharedEventID)
        #expect(copies[0].event.eventID != copies[1].event.eventID)
        #expect(CloudTrailRecord.copies(of: Self.event(Self.user)).count == 1)
    }
}
