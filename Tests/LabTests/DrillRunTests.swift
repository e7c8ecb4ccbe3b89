@testable import DrillCLI
import Foundation
import Storage
import StudyKit
import Testing
import Wire

/// `drill run` with a person at the keyboard: the answers and commands typed become the
/// submission, and the grader replays that submission to the very same score.
@Suite struct DrillRunTests {
    @Test func aRecordedRunGradesToTheSameScore() throws {
        let (runner, home) = try LabTestSupport.runner()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let person = LabSessionTests.PersonConsole(answers: [
            "D", "Z", "B", "A",                                   // the second answer is retried after an unreadable letter
            "kms describe-key --key-id alias/vault --query \"{KeyId: KeyMetadata.KeyId, PolicyName: 'default'}\" > t.json",
            "kms put-key-policy --cli-input-json file://t.json --policy file://draft-policy.json",
            "lab answer orphan-error AccessDeniedException",
            "check",
            "done",
            "C",
        ])
        let status = runner.run("drill run key-policy-incident --record me.txt", console: person)
        // 75 of 105 points: the question answered A is wrong and the lab step half done, but the
        // pass mark is 70%.
        #expect(status == ExitStatus.success, "\(person.stdout.suffix(500))")
        #expect(person.stdout.contains("75 of 105 points (71%): passed"))
        #expect(person.stdout.contains("there is no option Z"), "an unreadable answer is explained and asked again")
        #expect(person.prompts.contains { $0.hasPrefix("drill [lockout]>") })
        let summary = try #require(person.stdout.split(separator: "\n").last { $0.hasPrefix("Drill key-policy-incident:") })
        let submission = try String(contentsOfFile: home + "/work/me.txt", encoding: .utf8)
        #expect(submission.hasPrefix("# kmsdrill drill submission\n# drill: key-policy-incident\n"))
        #expect(submission.contains("#@ t=") && submission.contains("\nZ\n"), "every typed line is kept, after its time marker")

        // The interactive run is in the learner's progress, with FSRS reviews of the bank questions.
        let runs = try LabSession.store(runner).drillRuns(learner: "default", drillId: "key-policy-incident")
        #expect(runs.count == 1)
        let reviews = try SQLiteProgressStore(database: runner.home.database).reviewLog(learner: "default")
        #expect(reviews.map(\.cardID).contains("key-policies-root-user-myth"))

        // Graded from the file: the same score.
        let graded = LabTestSupport.run("grade --drill key-policy-incident --transcript me.txt --format json", in: runner)
        let report = try JSONValueDecoder().decode(GradeReport.self, from: try JSONParser.parse(graded.out))
        let score = try #require(report.submissions.first?.score)
        #expect(summary.contains("\(runs[0].score) of \(report.maxPoints) points") && score == runs[0].score, "\(summary) vs \(score)")
        #expect(report.submissions.first?.items.first { $0.id == "lab:lockout/orphan-error" }?.passed == true)
    }

    @Test func drillCheckReportsProblemsWithLines() throws {
        let (runner, home) = try LabTestSupport.runner()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let broken = """
            title: Broken
            --- question no-such-question
            --- lab no-such-lab
            --- question mine
            Which?
            - [x] One
                  why: yes
            """
        try Data(broken.utf8).write(to: URL(fileURLWithPath: home + "/work/broken.drill"))
        let out = LabTestSupport.run("drill check broken.drill", in: runner)
        #expect(out.status == ExitStatus.failure)
        #expect(out.err.contains("broken.drill:2: no question 'no-such-question' in the bank"), "\(out.err)")
        #expect(out.err.contains("broken.drill:3: no lab 'no-such-lab'"))
        #expect(out.err.contains("has 1 options; give it 3 to 6"))
        let fine = LabTestSupport.run("drill check key-policy-incident", in: runner)
        #expect(fine.status == 0 && fine.out.contains("its reference answers pass and an empty submission fails"), "\(fine.out)\(fine.err)")
        #expect(LabTestSupport.run("drill run nowhere", in: runner).err.contains("no drill nowhere"))
        #expect(LabTestSupport.run("drill run broken.drill", in: runner).err.contains("has problems; fix them first"))
    }
}
