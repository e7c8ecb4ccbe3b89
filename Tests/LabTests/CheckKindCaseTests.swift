@testable import DrillCLI
import Foundation
import StudyKit
import Testing
import Wire

/// Every check kind, passed and failed, as data: each file in Cases/ is a transcript replayed in
/// a fresh sandbox of the fixture lab `check-kinds`, with the outcome it must give each check and
/// words its failure reasons must contain. One runner, one test per case file.
@Suite struct CheckKindCaseTests {
    struct Case: Decodable {
        var description: String
        var transcript: [String]?
        var solution: Bool?
        var expect: [String: Bool]
        var reasons: [String: String]?
    }

    static var caseFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: LabTestSupport.casesFolder)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test("check kinds", arguments: caseFiles)
    func runCase(_ file: String) throws {
        let data = try #require(FileManager.default.contents(atPath: LabTestSupport.casesFolder + "/" + file))
        let c = try JSONDecoder().decode(Case.self, from: data)
        let lab = try LabTestSupport.lab("check-kinds", content: LabTestSupport.fixtureContent)
        let transcript = c.solution == true ? lab.solution : (c.transcript ?? []).joined(separator: "\n")
        let grader = try LabGrader(contentPath: LabTestSupport.fixtureContent)
        let grade = try grader.grade(lab, transcript: transcript, learner: "case", file: file, submittedAt: "2027-01-01T00:00:00")
        let byId = Dictionary(uniqueKeysWithValues: grade.items.map { ($0.id, $0) })
        #expect(!c.expect.isEmpty, "\(file) expects nothing")
        for (id, shouldPass) in c.expect.sorted(by: { $0.key < $1.key }) {
            let item = try #require(byId[id], "\(file): the lab has no check \(id)")
            #expect(item.passed == shouldPass, "\(file): \(id) \(item.passed ? "passed" : "failed: \(item.reason ?? "")"); expected \(shouldPass ? "pass" : "fail")\nlog: \(grade.log.joined(separator: "\n"))")
            if item.passed { #expect(item.reason == nil && item.earned == item.points) } else { #expect(item.earned == 0 && item.reason?.isEmpty == false) }
        }
        for (id, words) in c.reasons ?? [:] {
            let reason = byId[id]?.reason ?? ""
            #expect(reason.contains(words), "\(file): the reason for \(id) is '\(reason)'; expected it to contain '\(words)'")
        }
        if c.solution == true { #expect(grade.status == .passed && grade.score == lab.points) }
    }

    /// Every check of the fixture is exercised both ways by some case.
    @Test func everyCheckPassesAndFailsSomewhere() throws {
        let lab = try LabTestSupport.lab("check-kinds", content: LabTestSupport.fixtureContent)
        var seen: [String: Set<Bool>] = [:]
        for file in Self.caseFiles {
            let data = try #require(FileManager.default.contents(atPath: LabTestSupport.casesFolder + "/" + file))
            for (id, value) in try JSONDecoder().decode(Case.self, from: data).expect { seen[id, default: []].insert(value) }
        }
        for check in lab.checks {
            #expect(seen[check.id] == [true, false], "check \(check.id) is not shown both passing and failing by the case files")
        }
        #expect(Set(lab.checks.map(\.kind.name)) == Set(LabCheckKind.names), "the fixture lab lacks a kind")
    }
}

/// What the grader's log shows of a submission never includes an inline secret.
@Suite struct GradingLogTests {
    @Test func inlineSecretsAreRedactedInTheLog() throws {
        let lab = try LabTestSupport.lab("check-kinds", content: LabTestSupport.fixtureContent)
        let grader = try LabGrader(contentPath: LabTestSupport.fixtureContent)
        let grade = try grader.grade(lab, transcript: "kms encrypt --key-id alias/t --plaintext aGVsbG8gc2VjcmV0\n", learner: "x",
                                     file: "x.txt", submittedAt: "2027-01-01T00:00:00")
        #expect(grade.log.count == 2 && !grade.log.joined().contains("aGVsbG8gc2VjcmV0"), "\(grade.log)")
        #expect(grade.log[1].contains("--plaintext ***"))
    }
}
