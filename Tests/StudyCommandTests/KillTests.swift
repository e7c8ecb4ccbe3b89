import DrillCLI
import Foundation
import Storage
import StudyKit
import Testing

/// The real program, killed with SIGKILL in the middle of a session: what was answered is stored.
@Suite("kill safety", .serialized)
struct KillTests {
    static let questions = ["key-types-cancelled-deletion-state", "key-policies-explicit-deny", "rotation-default-period",
                            "rotation-six-months"]

    @Test("a kill in the middle of a quiz keeps every answer already given")
    func killMidQuiz() throws {
        let program = try ProgramUnderTest()
        defer { program.cleanUp() }
        try program.start()
        program.send("quiz " + Self.questions.map { "--question \($0)" }.joined(separator: " ") + " --seed 1\n")
        program.send("A\nB\n")
        // "Question 3" is printed only after the second answer has been committed.
        try program.waitFor("Question 3 of 4")
        program.kill()

        let store = SQLiteProgressStore(database: try AppDatabase(path: program.home + "/kmsdrill.sqlite"))
        let session = try #require(try store.sessions(learner: "default").last)
        #expect(session.outcome == nil, "the session was interrupted, not finished")
        #expect(session.questionIDs == Self.questions)
        let answers = try store.answers(session: session.id)
        #expect(answers.map(\.questionID) == Array(Self.questions.prefix(2)))
        #expect(answers.map(\.chosenLetters) == [["A"], ["B"]])
        let log = try store.storedReviews(learner: "default")
        #expect(log.map(\.entry.cardID) == Array(Self.questions.prefix(2)))
        #expect(answers.map(\.reviewSeq) == log.map(\.seq), "each answer and its review were stored together")
        #expect(try store.cards(learner: "default").count == 2)
    }

    @Test("a kill in the middle of an exam keeps the answers given so far (the score needs the end)")
    func killMidExam() throws {
        let program = try ProgramUnderTest()
        defer { program.cleanUp() }
        try program.start()
        program.send("exam --count 5 --seed 4\n")
        try program.waitFor("Question 1 of 5")
        program.send(letters(for: program.output) + "\nflag\n")
        try program.waitFor("Question 2 of 5")
        program.send(letters(for: program.output) + "\n")
        try program.waitFor("Question 3 of 5")
        program.kill()

        let store = SQLiteProgressStore(database: try AppDatabase(path: program.home + "/kmsdrill.sqlite"))
        let session = try #require(try store.sessions(learner: "default").last)
        #expect(session.kind == .exam && session.outcome == nil && session.score == nil)
        let answers = try store.answers(session: session.id)
        #expect(answers.map(\.position) == [1, 2])
        #expect(answers[1].flagged)
        #expect(try store.reviewLog(learner: "default").isEmpty, "FSRS reviews are stored when the exam ends")
    }

    /// As many letters as the question last shown asks for.
    func letters(for transcript: String) -> String {
        let lines = transcript.components(separatedBy: "\n")
        let header = lines.lastIndex { $0.hasPrefix("Question ") && $0.contains(" of ") } ?? 0
        let shown = lines[header...].joined(separator: "\n")
        if shown.contains("Choose three.") { return "A,B,C" }
        if shown.contains("Choose two.") { return "A,B" }
        return "A"
    }
}

/// kmsdrill as a child process on a fresh home, reading commands from a pipe.
final class ProgramUnderTest: @unchecked Sendable {
    let home = NSTemporaryDirectory() + "studykill-" + UUID().uuidString
    let process = Process()
    private let input = Pipe()
    private let pipeOut = Pipe()
    private let lock = NSLock()
    private var transcript = ""

    init() throws {
        let binary = try #require(Self.binaryPath(), "kmsdrill is not built: run swift build first")
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--home", home, "--content", StudyHarness.contentPath]
        process.standardInput = input
        process.standardOutput = pipeOut
        process.standardError = pipeOut
    }

    func start() throws {
        pipeOut.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.transcript += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    /// Everything printed so far.
    var output: String { lock.withLock { transcript } }

    func send(_ text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
    }

    /// Waits (up to 30 s) until the program has printed `text`.
    func waitFor(_ text: String) throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if lock.withLock({ transcript.contains(text) }) { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
        Issue.record("kmsdrill never printed '\(text)'; it printed:\n\(lock.withLock { transcript })")
        throw CancellationError()
    }

    /// SIGKILL: no handler runs, nothing is flushed or closed.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        pipeOut.fileHandleForReading.readabilityHandler = nil
        #expect(process.terminationReason == .uncaughtSignal)
    }

    func cleanUp() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(atPath: home)
    }

    /// The kmsdrill built beside the test bundle, or `KMSDRILL_BINARY`.
    static func binaryPath() -> String? {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["KMSDRILL_BINARY"], !env.isEmpty { candidates.append(env) }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("kmsdrill").path)
            dir = dir.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/kmsdrill").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
