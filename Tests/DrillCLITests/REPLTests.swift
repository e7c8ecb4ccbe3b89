import Foundation
import Storage
import Testing

/// The REPL driven through a pseudo-terminal: typing, Tab, Up, Ctrl-C and Ctrl-D, read off the screen.
@Suite(.serialized) struct REPLTests {
    func home() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kmsdrill-repl-\(UUID().uuidString)").path
    }

    func start(_ home: String) throws -> PTYDriver {
        guard FileManager.default.isExecutableFile(atPath: PTYDriver.binary) else {
            throw PTYDriver.Failure(description: "build the program first (swift build): \(PTYDriver.binary) is missing")
        }
        let pty = try PTYDriver(arguments: ["--home", home])
        #expect(pty.waitFor("kmsdrill (default)> "), "no prompt; saw: \(pty.transcript)")
        #expect(pty.waitForPrompt(), "the prompt never started reading keys")
        return pty
    }

    @Test func bannerIsOneShortLineWithWhoYouAre() throws {
        let pty = try start(home())
        let firstLine = pty.screen.text.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.hasPrefix("KMS Drill · default (user/admin) · us-east-1"))
        #expect(firstLine.count <= 100)
        pty.type("\u{04}")
        #expect(pty.waitForExit() == 0)
    }

    @Test func tabCompletesOperationsOptionsAndAliases() throws {
        let h = home()
        let pty = try start(h)
        pty.type("kms create-al\t")
        #expect(pty.waitFor("kms create-alias "), "\(pty.transcript.debugDescription)")
        pty.type("--al\t")
        #expect(pty.waitFor("--alias-name "))
        pty.type("\u{15}")  // Ctrl-U clears the line
        pty.type("kms list-\t\t")
        #expect(pty.waitFor("list-retirable-grants"), "second Tab lists the candidates")
        pty.type("\u{15}kms describe-key --key-id alias/aws/e\t")
        #expect(pty.waitFor("alias/aws/ebs"))
        pty.type("\u{15}profi\tal\t")
        #expect(pty.waitFor("profile alice"))
        pty.type("\r")
        #expect(pty.waitFor("kmsdrill (alice)> "))
        pty.waitForPrompt()
        pty.type("\u{04}")
        #expect(pty.waitForExit() == 0)
    }

    @Test func ctrlCAbandonsTheLineAndCtrlDLeaves() throws {
        let pty = try start(home())
        pty.type("kms list-keys --this-is-abandoned")
        #expect(pty.waitFor("--this-is-abandoned"))
        pty.type("\u{03}")
        #expect(pty.waitFor("^C"), "\(pty.transcript.debugDescription)")
        pty.waitForPrompt()
        pty.type("whoami\r")
        #expect(pty.waitFor("arn:aws:iam::111122223333:user/admin"))
        #expect(!pty.transcript.contains("Unknown options"), "the abandoned line must not run")
        pty.waitForPrompt()
        pty.type("\u{04}")
        #expect(pty.waitForExit() == 0)
    }

    /// On a terminal the rating is asked after the feedback; the answer is stored before the
    /// feedback, so a kill at the rating prompt keeps it (unrated, with no FSRS review yet).
    @Test func aKillAtTheRatingPromptKeepsTheAnswer() throws {
        let h = home()
        let pty = try start(h)
        pty.type("quiz --question rotation-default-period --seed 1\r")
        #expect(pty.waitFor("Your answer"))
        pty.waitForPrompt(": ")
        pty.type("B\r")
        #expect(pty.waitFor("Enter accepts"), "\(pty.transcript.debugDescription)")
        kill(pty.pid, SIGKILL)
        #expect(pty.waitForExit() == 128 + SIGKILL)

        let store = SQLiteProgressStore(database: try AppDatabase(path: h + "/kmsdrill.sqlite"))
        let session = try #require(try store.sessions(learner: "default").last)
        let answers = try store.answers(session: session.id)
        #expect(answers.map(\.questionID) == ["rotation-default-period"])
        #expect(answers.map(\.chosenLetters) == [["B"]])
        #expect(answers.first?.rating == nil && answers.first?.derivedRating != nil && answers.first?.reviewSeq == nil)
        #expect(try store.reviewLog(learner: "default").isEmpty)
    }

    @Test func historySurvivesARestartAndKeepsNoSecrets() throws {
        let h = home()
        do {
            let pty = try start(h)
            pty.type("whoami\r")
            #expect(pty.waitFor("user/admin"))
            pty.waitForPrompt()
            pty.type("kms encrypt --key-id alias/aws/s3 --plaintext c2VjcmV0LXZhbHVl\r")
            #expect(pty.waitFor("AccessDeniedException"))
            pty.waitForPrompt()
            pty.type("\u{04}")
            #expect(pty.waitForExit() == 0)
        }
        let history = (try? String(contentsOfFile: h + "/history", encoding: .utf8)) ?? ""
        #expect(history.contains("whoami"))
        #expect(!history.contains("c2VjcmV0LXZhbHVl"), "a --plaintext value was written to the history")
        let pty = try start(h)
        pty.type("\u{1b}[A\u{1b}[A")  // Up twice: yesterday's whoami
        #expect(pty.waitFor("kmsdrill (default)> whoami"))
        pty.type("\r")
        #expect(pty.waitFor("Region us-east-1"))
        pty.waitForPrompt()
        pty.type("exit\r")
        #expect(pty.waitForExit() == 0)
    }
}
