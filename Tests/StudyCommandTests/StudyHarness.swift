import DrillCLI
import Foundation
import Storage
import StudyKit
import Testing

/// A temporary home with the real course, a command runner on it, and a simulated clock frozen at
/// a known moment, so every due date in a test is deterministic.
final class StudyHarness {
    static let start = Date(timeIntervalSince1970: 1_894_006_800)  // 2030-01-07T09:00:00Z, ahead of the wall clock

    let folder: String
    let workbench: Workbench
    let runner: CommandRunner
    let course: Course

    init(learner: String = "default") throws {
        folder = NSTemporaryDirectory() + "studycmd-" + UUID().uuidString
        workbench = try Workbench(home: HomeFolder(path: folder))
        var session = Session()
        session.learner = learner
        runner = CommandRunner(workbench: workbench, session: session, contentPath: Self.contentPath)
        let (loaded, _) = ContentLoader.load(directory: URL(fileURLWithPath: Self.contentPath))
        course = try #require(loaded)
        try workbench.clock.set(to: Self.start, frozen: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// The checkout's Content folder, found from this file's path.
    static var contentPath: String {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<4 {
            dir = dir.deletingLastPathComponent()
            if FileManager.default.fileExists(atPath: dir.path + "/Content/manifest.yaml") { return dir.path + "/Content" }
        }
        return FileManager.default.currentDirectoryPath + "/Content"
    }

    var store: SQLiteProgressStore { SQLiteProgressStore(database: workbench.database) }

    /// Runs one command line with scripted replies; returns the status and what was written.
    @discardableResult
    func run(_ line: String, _ replies: [ScriptedConsole.Reply] = []) -> (status: Int32, out: String, err: String, console: ScriptedConsole) {
        let console = ScriptedConsole(course: course, replies: replies)
        let status = runner.run(line, console: console)
        return (status, console.stdout, console.stderr, console)
    }

    func advance(_ seconds: TimeInterval) throws {
        try workbench.clock.advance(by: seconds)
    }
}

/// A console that answers like a learner: with fixed lines, or right or wrong answers to the
/// question on screen, found by reading back what the program printed (as a person would).
final class ScriptedConsole: Console {
    indirect enum Reply {
        /// Exactly this line.
        case line(String)
        /// The correct letters of the question on screen, then `suffix` (e.g. " 4" to rate it).
        case right(suffix: String = "")
        /// Wrong letters for the question on screen (as many as it asks for).
        case wrong(suffix: String = "")
        /// A line computed from everything printed so far.
        case computed((String) -> String)
        /// Run this before answering (e.g. move the clock), then reply.
        case after(() -> Void, Reply)
    }

    let course: Course
    private var replies: [Reply]
    private(set) var stdout = ""
    private(set) var stderr = ""
    /// Every prompt shown, with the reply given.
    private(set) var exchanges: [(prompt: String, reply: String?)] = []
    let isInteractive = false
    let width = 100
    let color = false

    init(course: Course, replies: [Reply]) {
        self.course = course
        self.replies = replies
    }

    func out(_ text: String) { stdout += text }
    func err(_ text: String) { stderr += text }

    func readLine(prompt: String) -> String? {
        guard !replies.isEmpty else {
            exchanges.append((prompt, nil))
            return nil
        }
        let reply = resolve(replies.removeFirst())
        exchanges.append((prompt, reply))
        return reply
    }

    private func resolve(_ reply: Reply) -> String {
        switch reply {
        case .line(let text): return text
        case .computed(let make): return make(stdout)
        case .after(let action, let then):
            action()
            return resolve(then)
        case .right(let suffix):
            guard let shown = ShownQuestion.last(in: stdout, course: course) else { return "?" }
            return shown.correctLetters.joined(separator: ",") + suffix
        case .wrong(let suffix):
            guard let shown = ShownQuestion.last(in: stdout, course: course) else { return "?" }
            let wrong = shown.letters.filter { !shown.correctLetters.contains($0) }
            let take = max(1, shown.correctLetters.count)
            // A multiple-answer question takes as many letters as it has answers: mix in one right one.
            let letters = take == 1 ? [wrong[0]] : Array((wrong.prefix(1) + shown.correctLetters).prefix(take)).sorted()
            return letters.joined(separator: ",") + suffix
        }
    }
}

/// The question last printed, read back from the transcript: its id (from the stem) and which
/// letters its correct options were shown under.
struct ShownQuestion {
    let question: Question
    let letters: [String]
    let correctLetters: [String]

    static func last(in transcript: String, course: Course) -> ShownQuestion? {
        let lines = transcript.components(separatedBy: "\n")
        guard let headerIndex = lines.lastIndex(where: { ($0.hasPrefix("Question ") || $0.hasPrefix("Review ")) && $0.contains(" of ") })
        else { return nil }
        let body = lines[(headerIndex + 1)...]
        guard let stemLine = body.first(where: { !$0.isEmpty }) else { return nil }
        let stemStart = collapse(stemLine)
        guard let question = course.questions.first(where: { collapse($0.stem).hasPrefix(stemStart) }) else { return nil }
        var shown: [(letter: String, text: String)] = []
        for line in body {
            let chars = Array(line)
            guard chars.count > 5, chars[2].isUppercase, chars[3] == ".", chars[4] == " ",
                  (chars[0] == " " || chars[0] == ">") else { continue }
            shown.append((String(chars[2]), collapse(String(chars[5...]))))
        }
        let correct = shown.filter { entry in
            question.options.contains { $0.correct && collapse($0.text).hasPrefix(entry.text) }
        }.map(\.letter)
        return ShownQuestion(question: question, letters: shown.map(\.letter), correctLetters: correct)
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
