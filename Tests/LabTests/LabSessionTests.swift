@testable import DrillCLI
import Foundation
import Storage
import StudyKit
import Testing
import Wire

/// A learner's path through a lab in the REPL's runner: the sandbox, the transcript, hints,
/// checks that change nothing, the score and the FSRS review, the solution, reset and resume.
@Suite struct LabSessionTests {
    /// A console that says a person is typing, with scripted answers.
    final class PersonConsole: Console {
        var answers: [String]
        var stdout = ""
        var stderr = ""
        var prompts: [String] = []
        let isInteractive = true
        let width = 100
        let color = false

        init(answers: [String] = []) { self.answers = answers }
        func out(_ text: String) { stdout += text }
        func err(_ text: String) { stderr += text }
        func readLine(prompt: String) -> String? {
            prompts.append(prompt)
            return answers.isEmpty ? nil : answers.removeFirst()
        }
    }

    func keyIDs(_ runner: CommandRunner) throws -> [String] {
        let out = LabTestSupport.run("kms list-keys --query Keys[].KeyId --output json", in: runner).out
        return (try JSONParser.parse(out).arrayValue ?? []).compactMap(\.stringValue)
    }

    @Test func aLabWorksInItsOwnSandboxAndNeverTouchesTheHome() throws {
        let (runner, home) = try LabTestSupport.runner()
        defer { try? FileManager.default.removeItem(atPath: home) }
        #expect(LabTestSupport.run("kms create-key --description mine", in: runner).status == 0)
        let mine = try keyIDs(runner)
        let start = LabTestSupport.run("lab start app-key", in: runner)
        #expect(start.status == 0 && start.out.contains("Lab app-key:"), "\(start.err)")
        #expect(runner.session.lab == "app-key" && runner.workbench !== runner.home)
        #expect(runner.workbench.home.path.hasPrefix(home + "/labs/default/app-key-"))
        #expect(try keyIDs(runner).count == 1 && !keyIDs(runner).contains(mine[0]), "the sandbox has the lab's key, not mine")
        LabTestSupport.run("kms create-key --description lab-key", in: runner)
        #expect(LabTestSupport.run("lab quit", in: runner).status == 0)
        #expect(runner.session.lab == nil && runner.workbench === runner.home)
        #expect(try keyIDs(runner) == mine, "the learner's own keys are as they were")
    }

    @Test func checkingAndHintsAddNothingToTheSandbox() throws {
        let (runner, home) = try LabTestSupport.runner()
        defer { try? FileManager.default.removeItem(atPath: home) }
        LabTestSupport.run("lab start role-key-policy", in: runner)
        let sandbox = runner.workbench
        let before = try sandbox.database.latestAuditSequence()
        let check = LabTestSupport.run("lab check", in: runner)
        #expect(check.status == ExitStatus.failure && check.out.contains("FAIL"))
        LabTestSupport.run("lab hint", in: runner)
        LabTestSupport.run("lab check --output json", in: runner)
        #expect(try sandbox.database.latestAuditSequence() == before, "checks ran on copies, not on the learner's sandbox")
        #expect(try WorkingFolder(sandbox.home).list().map(\.name) == ["payslip.txt"], "no check file was left in the working folder")
    }

    @Test func hintsComeInTiersAndCount() throws {
        let (runner, home) = try LabTestSupport.runner()
        defer { try? FileManager.default.removeItem(atPath: home) }
        LabTestSupport.run("lab start app-key", in: runner)
        let first = LabTestSupport.run("lab hint", in: runner).out
        let second = LabTestSupport.run("lab hint", in: runner).out
        let third = LabTestSupport.run("lab hint", in: runner).out
        let fourth = LabTestSupport.run("lab hint", in: runner).out
        #expect(first.contains("Hint 1 of 3 (nudge)") && second.contains("Hint 2 of 3 (command family)") && third.contains("Hint 3 of 3 (the command)"))
        #expect(fourth.contains("Hint 3 of 3"), "the last tier repeats without counting again")
        #expect(third.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("kms create-alias --alias-name alias/orders"))
        let other = LabTestSupport.run("lab hint --check rotation-period", in: runner).out
        #expect(other.contains("Hint 1 of 3") && other.contains("alias/orders rotates every 180 days"))
        let attempt = try #require(try LabSession.store(runner).activeAttempt(learner: "default", labId: "app-key"))
        #expect(attempt.hintsUsed == 4)
        #expect(LabTestSupport.run("lab hint --check nope", in: runner).err.contains("has no check 'nope'"))
    }

    /// The learner types key IDs they saw; the grader's replay makes the same IDs.
    @Test func aTranscriptWithLiteralKeyIDsReplaysAndPasses() throws {
        let (runner, home) = try LabTestSupport.runner()
        defer { try? FileManager.default.removeItem(atPath: home) }
        LabTestSupport.run("lab start app-key", in: runner)
        let id = LabTestSupport.run("kms create-key --description \"orders application\" --query KeyMetadata.KeyId --output text", in: runner)
            .out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.count == 36)
        for line in ["lab check", "kms create-alias --alias-name alias/orders --target-key-id \(id)",
                     "kms enable-key-rotation --key-id \(id) --rotation-period-in-days 180", "lab hint",
                     "lab answer rotatable-spec SYMMETRIC_DEFAULT", "lab answer rotatable-origin AWS_KMS", "lab answer export none"] {
            LabTestSupport.run(line, in: runner)
        }
        let done = LabTestSupport.run("lab check", in: runner)
        #expect(done.status == 0 && done.out.contains("Lab app-key complete"), "\(done.out)")
        #expect(LabTestSupport.run("lab transcript mine.txt", in: runner).status == 0)
        let text = try String(contentsOfFile: home + "/work/mine.txt", encoding: .utf8)
        #expect(text.contains("--target-key-id \(id)"))
        #expect(!text.contains("lab check") && !text.contains("lab hint"), "steering lines are not part of the transcript")
        #expect(text.contains("lab answer export none"))
        // Graded in a fresh home: the same key ID is made, so the literal ID works.
        let grade = LabTestSupport.run("grade --lab app-key --transcript mine.txt", in: runner)
        #expect(grade.status == 0, "\(grade.out)")
        let grader = try LabGrader(contentPath: LabTestSupport.courseContent)
        let replay = try grader.grade(try LabTestSupport.lab("app-key"), transcript: text, learner: "x", file: "mine.txt", submittedAt: "2027-01-01T00:00:00")
        #expect(replay.log.dropFirst().allSatisfy { $0.hasSuffix("-> 0") }, "\(replay.log)")
    }

    @Test func passingRecordsTheScoreAndAnHonestReview() throws {
        let (runner, home) = try LabTestSupport.runner()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let lab = try LabTestSupport.lab("deletion-rescue")
        // Without hints: Good (or Easy when fast), a card due in days.
        LabTestSupport.run("lab start deletion-rescue", in: runner)
        let lines = TextLines(lab.solution)
        while let line = BatchRunner.nextCommand(from: lines) { LabTestSupport.run(line, in: runner) }
        let check = LabTestSupport.run("lab check", in: runner)
        #expect(check.status == 0 && check.out.contains("55 of 55 points"), "\(check.out)")
        let store = LabSession.store(runner)
        let attempt = try #require(try store.attempts(learner: "default", labId: "deletion-rescue").last)
        #expect(attempt.status == .passed && attempt.bestScore == 55 && attempt.checkRuns == 1)
        #expect(attempt.rating == Rating.easy.rawValue || attempt.rating == Rating.good.rawValue)
        let progress = SQLiteProgressStore(database: runner.home.database)
        let card = try #require(try progress.card(learner: "default", id: "lab:deletion-rescue"))
        #expect(card.due > runner.home.clock.now())
        let log = try progress.reviewLog(learner: "default")
        #expect(log.last?.cardID == "lab:deletion-rescue")
        LabTestSupport.run("lab quit", in: runner)

        // Again, with a hint: Hard.
        LabTestSupport.run("lab start deletion-rescue", in: runner)
        LabTestSupport.run("lab hint", in: runner)
        let again = TextLines(lab.solution)
        while let line = BatchRunner.nextCommand(from: again) { LabTestSupport.run(line, in: runner) }
        LabTestSupport.run("lab check", in: runner)
        #expect(try store.attempts(learner: "default", labId: "deletion-rescue").last?.rating == Rating.hard.rawValue)
        #expect(try LabSession.store(runner).standings(learner: "default").first?.attempts == 2)
    }

    @Test func givingUpIsAgain() throws {
        #expect(LabRating.rating(passed: false, hintsUsed: 0, solutionViewed: false, checks: 5, minutes: 10, duration: 60) == .again)
        #expect(LabRating.rating(passed: true, hintsUsed: 0, solutionViewed: true, checks: 5, minutes: 10, duration: 60) == .again)
        #expect(LabRating.rating(passed: true, hintsUsed: 15, solutionViewed: false, checks: 5, minutes: 10, duration: 60) == .again,
                "every tier of every check revealed: nothing was recalled")
        #expect(LabRating.rating(passed: true, hintsUsed: 2, solutionViewed: false, checks: 5, minutes: 10, duration: 60) == .hard)
        #expect(LabRating.rating(passed: true, hintsUsed: 0, solutionViewed: false, checks: 5, minutes: 10, duration: 1200) == .good)
        #expect(LabRating.rating(passed: true, hintsUsed: 0, solutionViewed: false, checks: 5, minutes: 10, duration: 120) == .easy)

        let (runner, home) = try LabTestSupport.runner()
        defer { try? FileManager.default.removeItem(atPath: home) }
        LabTestSupport.run("lab start lockout", in: runner)
        let quit = LabTestSupport.run("lab quit", in: runner)
        #expect(quit.out.contains("rated again"), "\(quit.out)")
        #expect(try LabSession.store(runner).attempts(learner: "default", labId: "lockout").last?.status == .abandoned)
        #expect(try SQLiteProgressStore(database: runner.home.database).card(learner: "default", id: "lab:lockout") != nil)
    }

    @Test func theSolutionAsksFirstInTheREPLAndIsRecorded() throws {
        let (runner, home) = try LabTestSupport.runner()
        defer { try? FileManager.default.removeItem(atPath: home) }
        LabTestSupport.run("lab start app-key", in: runner)
        let declined = PersonConsole(answers: ["n"])
        #expect(runner.run("lab solution", console: declined) == 0)
        #expect(declined.stdout.contains("Not shown") && declined.prompts.first?.contains("count as not done") == true)
        let store = LabSession.store(runner)
        #expect(try store.solutionViews(learner: "default", labId: "app-key") == 0)
        let accepted = PersonConsole(answers: ["y"])
        runner.run("lab solution", console: accepted)
        #expect(accepted.stdout.contains("# lab: app-key") && accepted.stdout.contains("kms create-alias"))
        #expect(try store.solutionViews(learner: "default", labId: "app-key") == 1)
        #expect(try store.activeAttempt(learner: "default", labId: "app-key")?.solutionViewed == true)
        // Quitting asks too, in the REPL.
        let stay = PersonConsole(answers: ["no"])
        runner.run("lab quit", console: stay)
        #expect(runner.session.lab == "app-key" && stay.stdout.contains("Still in lab"))
    }

    @Test func resetStartsOverAndARestartResumes() throws {
        let (runner, home) = try LabTestSupport.runner()
        defer { try? FileManager.default.removeItem(atPath: home) }
        LabTestSupport.run("lab start app-key", in: runner)
        LabTestSupport.run("kms create-key --description extra", in: runner)
        #expect(try keyIDs(runner).count == 2)
        let attempt = try #require(try LabSession.store(runner).activeAttempt(learner: "default", labId: "app-key"))
        let typed = try LabSession.store(runner).transcript(attempt: attempt.id).map(\.line)
        #expect(typed.first == "kms create-key --description extra" && typed.count == 2, "\(typed)")

        // A new process on the same home goes back into the lab at its first command, where it was.
        let later = CommandRunner(workbench: try Workbench(home: HomeFolder(path: home)), contentPath: LabTestSupport.courseContent)
        #expect(try keyIDs(later).count == 2 && later.session.lab == "app-key")
        // The random stream carries on: a new key gets a new ID, not one already used.
        LabTestSupport.run("kms create-key --description third", in: later)
        #expect(Set(try keyIDs(later)).count == 3)

        #expect(LabTestSupport.run("lab reset", in: later).status == 0)
        #expect(try LabSession.store(later).transcript(attempt: attempt.id).isEmpty, "a reset starts the transcript over")
        #expect(try keyIDs(later).count == 1, "reset rebuilds the sandbox from the setup")
        #expect(try LabSession.store(later).activeAttempt(learner: "default", labId: "app-key")?.id == attempt.id)

        // Leaving a lab never drops the learner into another attempt still in progress.
        LabTestSupport.run("lab start lockout", in: later)
        LabTestSupport.run("lab quit", in: later)
        LabTestSupport.run("kms list-keys", in: later)
        #expect(later.session.lab == nil)
    }

    @Test func labCommandsExplainWhatIsWrong() throws {
        let (runner, home) = try LabTestSupport.runner()
        defer { try? FileManager.default.removeItem(atPath: home) }
        #expect(LabTestSupport.run("lab check", in: runner).err.contains("you are not in a lab"))
        #expect(LabTestSupport.run("lab start app-kee", in: runner).err.contains("did you mean 'app-key'?"))
        LabTestSupport.run("lab start app-key", in: runner)
        #expect(LabTestSupport.run("lab answer nope 1", in: runner).err.contains("has no question 'nope'"))
        #expect(LabTestSupport.run("lab answer orders-key 1", in: runner).err.contains("has no question 'orders-key'"))
        #expect(LabTestSupport.run("lab answer export", in: runner).status == ExitStatus.usage)
        let list = LabTestSupport.run("lab list --output json", in: runner)
        let labs = try #require(try JSONParser.parse(list.out)["Labs"]?.arrayValue)
        #expect(labs.count == 10 && labs.allSatisfy { $0["id"] != nil && $0["title"] != nil && $0["facts"]?.arrayValue != nil && $0["points"]?.intValue != nil })
        #expect(runner.labIds().contains("rds-trap"))
    }
}

/// Discarding a sandbox never reaches outside the home's labs folder.
@Suite struct SandboxDiscardTests {
    @Test func onlyFoldersUnderTheLabsFolderGo() throws {
        let root = LabTestSupport.freshFolder() + "/labs/home"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let home = HomeFolder(path: root)
        try FileManager.default.createDirectory(atPath: root + "/labs/default/x-1", withIntermediateDirectories: true)
        LabSandbox.discard(root, home: home)
        LabSandbox.discard(root + "/labs/../..", home: home)
        #expect(FileManager.default.fileExists(atPath: root + "/labs/default/x-1"), "the home and its parents are never removed")
        LabSandbox.discard(root + "/labs/default/x-1", home: home)
        #expect(!FileManager.default.fileExists(atPath: root + "/labs/default/x-1"))
    }
}

/// A lab whose setup draws no randomness (only an S3 bucket) still resumes after a restart.
@Suite struct ResumeWithoutRandomnessTests {
    @Test func aLabWithoutKeysResumes() throws {
        let (runner, home) = try LabTestSupport.runner()
        defer { try? FileManager.default.removeItem(atPath: home) }
        #expect(LabTestSupport.run("lab start s3-options", in: runner).status == 0)
        let later = CommandRunner(workbench: try Workbench(home: HomeFolder(path: home)), contentPath: LabTestSupport.courseContent)
        let check = LabTestSupport.run("lab check", in: later)
        #expect(later.session.lab == "s3-options" && check.out.contains("Lab s3-options:"), "\(check.err)")
    }
}
