import CloudSim
import Foundation
import KMSEngine
import Testing
import Wire

/// Trails deliver log files and signed, chained digests; validation passes on what was delivered.
@Suite struct TrailValidationTests {
    /// Some KMS activity every few minutes for `hours` simulated hours.
    static func busy(_ f: CloudTrailFixture, hours: Int, keyId: String) throws {
        for _ in 0..<(hours * 4) {
            let blob = try f.kms("Encrypt", ["KeyId": .string(keyId), "Plaintext": .string(Data("hello".utf8).base64EncodedString()),
                                             "EncryptionContext": ["purpose": "drill"]], as: "alice")
            try f.kms("Decrypt", ["CiphertextBlob": blob["CiphertextBlob"] ?? .null, "EncryptionContext": ["purpose": "drill"]],
                      as: "alice")
            try f.advance(minutes: 15)
        }
    }

    static func aliceKey(_ f: CloudTrailFixture) throws -> String {
        let keyId = try f.makeKey()
        let policy = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"},
              {"Sid":"Alice","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":["kms:Encrypt","kms:Decrypt"],"Resource":"*"}]}
            """
        try f.kms("PutKeyPolicy", ["KeyId": .string(keyId), "PolicyName": "default", "Policy": .string(policy)])
        return keyId
    }

    @Test func untouchedTrailValidatesAcrossSeveralHours() throws {
        let f = try CloudTrailFixture()
        let keyId = try Self.aliceKey(f)
        let arn = try f.loggingTrail()
        try Self.busy(f, hours: 4, keyId: keyId)
        try f.advance(hours: 1)
        let report = try f.validate(arn)
        let text = report.text(verbose: true)
        #expect(report.problems.isEmpty, "\(text)")
        #expect(report.exitStatus == 0)
        #expect(report.validDigests >= 4, "\(text)")
        #expect(report.validLogFiles >= 16, "\(text)")
        #expect(report.validHistoryRecords >= 32, "\(text)")
        #expect(text.hasPrefix("Validating log files for trail \(arn) between 2026-01-01T00:00:00Z and "))
        #expect(text.contains("\(report.validDigests)/\(report.validDigests) digest files valid"))
        #expect(text.contains("\(report.validLogFiles)/\(report.validLogFiles) log files valid"))
        #expect(text.contains("Results found for 2026-01-01T00:00:00Z to "))
    }

    @Test func deliveryIsAFunctionOfTheClock() throws {
        // The same calls at the same simulated times, delivered step by step or all at once,
        // give the same files under the same names.
        func run(stepwise: Bool) throws -> [String] {
            let f = try CloudTrailFixture()
            _ = try f.loggingTrail()
            for i in 0..<12 {
                try f.kms("ListKeys")
                if i % 3 == 0 { try f.kms("ListAliases") }
                if stepwise { try f.advance(minutes: 7) } else { f.clock.advance(by: 7 * 60) }
            }
            if stepwise { try f.advance(hours: 2) } else {
                f.clock.advance(by: 2 * 3600)
                try f.cloudTrail.deliverDue()
            }
            return try f.cloudTrail.store.read { try $0.objectKeys(bucket: "audit-bucket", prefix: "") }
        }
        let once = try run(stepwise: false)
        #expect(once.count > 10)
        #expect(try run(stepwise: true) == once)
    }

    @Test func validateLogsRefusesWhatTheCLIRefuses() throws {
        let f = try CloudTrailFixture()
        let arn = try f.loggingTrail()
        func refused(_ arn: String, _ start: Date, as profile: String = "default") -> String? {
            do {
                _ = try f.cloudTrail.validateLogs(trailArn: arn, startTime: start, context: try f.who(profile))
                return nil
            } catch let e as CloudTrailService.ValidateLogsError {
                return e.message
            } catch {
                return "\(error)"
            }
        }
        #expect(refused("trail/audit-trail", CloudTrailFixture.start) == "Invalid trail ARN provided: trail/audit-trail")
        #expect(refused(arn, CloudTrailFixture.start.addingTimeInterval(86400))
            == "Invalid time range specified: start-time must occur before end-time")
        #expect(refused("arn:aws:cloudtrail:us-east-1:111122223333:trail/nope", CloudTrailFixture.start)
            == "A trail could not be found for arn:aws:cloudtrail:us-east-1:111122223333:trail/nope")
        #expect(refused(arn, CloudTrailFixture.start, as: "alice")?.contains("AccessDeniedException") == true)
        // Before the first digest: nothing to validate yet, and nothing wrong.
        let early = try f.validate(arn)
        #expect(early.exitStatus == 0)
        #expect(early.text(verbose: false).hasSuffix("Results requested for 2026-01-01T00:00:00Z to 2026-01-01T00:00:00Z\nNo digests found\n"))
    }

    @Test func problemsGoToStandardErrorSetOffByBlankLines() throws {
        var report = ValidationReport(trailArn: "arn:aws:cloudtrail:us-east-1:111122223333:trail/t", requestedStart: CloudTrailFixture.start,
                                      requestedEnd: CloudTrailFixture.start.addingTimeInterval(7200))
        report.foundStart = report.requestedStart
        report.foundEnd = report.requestedEnd
        report.entries = [
            .init(kind: .digest, location: "s3://b/d2", problem: nil),
            .init(kind: .logFile, location: "s3://b/l1", problem: "hash value doesn't match"),
            .init(kind: .digest, location: "s3://b/d1", problem: "not found"),
        ]
        let out = report.output(verbose: true)
        #expect(out.map(\.stream) == [.stdout, .stdout, .stderr, .stderr, .stdout])
        #expect(out[1].text == "Digest file\ts3://b/d2\tvalid\n")
        #expect(out[2].text == "\nLog file\ts3://b/l1\tINVALID: hash value doesn't match\n\n")
        #expect(out[3].text == "Digest file\ts3://b/d1\tINVALID: not found\n\n")
        #expect(out[4].text == """
            Results requested for 2026-01-01T00:00:00Z to 2026-01-01T02:00:00Z
            Results found for 2026-01-01T00:00:00Z to 2026-01-01T02:00:00Z:

            1/2 digest files valid, 1/2 digest files INVALID
            0/1 log files valid, 1/1 log files INVALID

            """)
        #expect(report.exitStatus == 1)
        // Without --verbose, valid lines are not printed.
        #expect(!report.text(verbose: false).contains("\tvalid"))
    }
}
