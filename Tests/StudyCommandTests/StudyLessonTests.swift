@testable import DrillCLI
import Foundation
import Storage
import StudyKit
import Testing

@Suite("study")
struct StudyLessonTests {
    @Test("study lists the lessons in reading order with what was read and known")
    func list() throws {
        let h = try StudyHarness()
        h.run("study 4")
        let (status, out, _, _) = h.run("study")
        #expect(status == ExitStatus.success)
        #expect(out.hasPrefix("Encryption at Rest: KMS Key Types and Policies: 9 lessons (default learner)"))
        for (index, lesson) in h.course.lessons.enumerated() {
            #expect(out.contains("│ \(index + 1) │ \(lesson.id) "), "row of \(lesson.id)")
        }
        let keyPolicies = try #require(out.components(separatedBy: "\n").first { $0.contains("│ key-policies ") })
        #expect(keyPolicies.contains("│ yes  │"), "lesson 4 was read")
        #expect(try h.store.lessonReads(learner: "default")["key-policies"]?.times == 1)
    }

    @Test("study renders a lesson by id, number, topic or fact, plain in batch")
    func render() throws {
        let h = try StudyHarness()
        let lesson = try #require(h.course.lesson(id: "rotation"))
        let byID = h.run("study rotation").out
        #expect(byID.hasPrefix(lesson.title + "\n"))
        #expect(byID.contains("Topic: Key rotation"))
        for section in lesson.sections { #expect(byID.contains(section.title)) }
        #expect(!byID.contains("\u{1B}["), "no colour in batch")
        #expect(!byID.contains("-- more --"))
        #expect(byID.hasSuffix("Test yourself: quiz --lesson rotation\n"))
        #expect(h.run("study 7").out == byID)
        let byFact = h.run("study f20").out
        #expect(byFact.contains(lesson.title))
        let byTopic = h.run("study envelope").out
        for l in h.course.lessons(topic: "envelope") { #expect(byTopic.contains(l.title)) }
    }

    @Test("an unknown lesson names what exists")
    func unknown() throws {
        let h = try StudyHarness()
        let (status, _, err, _) = h.run("study nope")
        #expect(status == ExitStatus.usage)
        #expect(err.contains("there is no lesson, topic or fact 'nope'; type study to list the lessons"))
        #expect(err.contains("lessons: why-key-management, key-types"))
        #expect(h.run("study 10").status == ExitStatus.usage)
    }

    @Test("on a terminal a lesson is paged, and q stops it")
    func pager() throws {
        let h = try StudyHarness()
        let console = TerminalLikeConsole(replies: ["", "q"])
        h.runner.run("study rotation", console: console)
        let full = h.run("study rotation").out
        #expect(console.prompts == ["-- more -- (Enter, q) ", "-- more -- (Enter, q) "])
        let page = max(5, (Pager.terminalRows() ?? 24) - 1)
        #expect(console.stdout.components(separatedBy: "\n").count - 1 == 2 * page)
        #expect(full.hasPrefix(console.stdout))
        #expect(full.count > console.stdout.count)
    }

    @Test("completion offers lesson and topic ids")
    func completion() throws {
        let h = try StudyHarness()
        let ids = h.runner.lessonIds()
        #expect(ids.starts(with: h.course.lessons.map(\.id)))
        #expect(ids.contains("envelope"), "a topic without a lesson of the same id")
    }
}

/// A console that says it is a terminal (for the pager), answering from a list.
final class TerminalLikeConsole: Console {
    private var replies: [String]
    private(set) var stdout = ""
    private(set) var prompts: [String] = []
    let isInteractive = true
    let width = 100
    let color = false

    init(replies: [String]) { self.replies = replies }

    func out(_ text: String) { stdout += text }
    func err(_ text: String) {}

    func readLine(prompt: String) -> String? {
        prompts.append(prompt)
        return replies.isEmpty ? nil : replies.removeFirst()
    }
}
