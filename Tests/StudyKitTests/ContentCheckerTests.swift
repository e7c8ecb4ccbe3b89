import Foundation
import Testing
import Wire
@testable import StudyKit

@Suite("Content loading and checking")
struct ContentCheckerTests {
    @Test("the good fixture loads and passes with no diagnostics")
    func goodContentPasses() throws {
        let result = ContentChecker.check(directory: Fixtures.goodContent)
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.passed)
        let counts = result.report.counts
        #expect(counts.lessons == 2)
        #expect(counts.sections == 3)
        #expect(counts.questions == 5)
        #expect(counts.singleQuestions == 3)
        #expect(counts.multipleQuestions == 1)
        #expect(counts.doItQuestions == 1)
        #expect(counts.labs == 0)
        #expect(counts.drills == 0)
    }

    @Test("the report says which sections and questions cover each fact")
    func coverageReport() throws {
        let report = ContentChecker.check(directory: Fixtures.goodContent).report
        #expect(report.facts.map(\.id) == ["F1", "F2", "F3"])
        let f2 = try #require(report.facts.first { $0.id == "F2" })
        #expect(f2.lessons == [ContentReport.SectionRef(lesson: "keys", section: "customer-keys")])
        #expect(f2.questions == ["key-protection-pairs", "cmk-cost"])
        #expect(f2.lab)
        let f3 = try #require(report.facts.first { $0.id == "F3" })
        #expect(f3.questions == ["data-key-two-forms", "data-key-size-do-it"])
    }

    @Test("the JSON report keeps its fields in a stable order")
    func jsonReport() throws {
        let json = ContentChecker.check(directory: Fixtures.goodContent).report.jsonValue
        let object = try #require(json.objectValue)
        #expect(object.keys == ["title", "counts", "facts", "errors", "warnings"])
        #expect(json["counts"]?["questions"] == 5)
        let first = try #require(json["facts"]?.arrayValue?.first)
        #expect(first["id"] == "F1")
        #expect(first["lessons"] == [["lesson": "keys", "section": "why-keys"]])
    }

    @Test("every element keeps its file and line")
    func locations() throws {
        let (course, _) = ContentLoader.load(directory: Fixtures.goodContent)
        let loaded = try #require(course)
        let lesson = try #require(loaded.lesson(id: "keys"))
        #expect(lesson.location == SourceLocation(file: "lessons/01-keys.yaml", line: 1))
        #expect(lesson.sections[1].location.line == 18)
        #expect(lesson.sections[1].blocks.map(\.location.line) == [23, 29, 32, 35])
        let question = try #require(loaded.question(id: "cmk-cost"))
        #expect(question.location == SourceLocation(file: "questions/key-types.yaml", line: 38))
        #expect(question.options.map(\.location.line) == [46, 49, 51])
        #expect(loaded.fact(id: "F3")?.location == SourceLocation(file: "manifest.yaml", line: 18))
    }

    @Test("lesson blocks are typed")
    func blockTypes() throws {
        let (course, _) = ContentLoader.load(directory: Fixtures.goodContent)
        let blocks = try #require(course?.lesson(id: "keys")).sections.flatMap(\.blocks).map(\.content)
        guard case .callout(let principle) = blocks[0] else { Issue.record("first block is not a callout"); return }
        #expect(principle.kind == .firstPrinciple)
        guard case .text(let text) = blocks[1] else { Issue.record("second block is not text"); return }
        #expect(text.hasSuffix("`inline code`."))
        guard case .table(let table) = blocks[2] else { Issue.record("third block is not a table"); return }
        #expect(table.caption == "Key types")
        #expect(table.header == ["Key type", "Managed by", "Cost"])
        #expect(table.rows.count == 2)
        #expect(blocks[3] == .list(["You write the key policy.", "You decide on rotation."]))
        #expect(blocks[4] == .commands(["kms create-key --description \"fixture key\"", "kms list-keys"]))
        #expect(blocks[5] == .callout(Callout(kind: .examTrap, title: "Who pays?",
                                              text: "Only customer managed keys cost a monthly fee.")))
    }

    @Test("broken content gives exactly the expected diagnostics", arguments: Fixtures.brokenCases)
    func brokenContent(_ name: String) throws {
        let folder = Fixtures.brokenContent.appendingPathComponent(name)
        let expected = Fixtures.text(folder.appendingPathComponent("expected.txt"))
            .split(separator: "\n").map(String.init)
        #expect(!expected.isEmpty, "case \(name) has no expected.txt")
        let result = ContentChecker.check(directory: folder)
        #expect(result.diagnostics.map(\.description) == expected)
        let expectsError = expected.contains { !$0.contains(": warning: ") }
        #expect(result.passed == !expectsError)
    }

    @Test("a missing manifest is reported, not a crash")
    func missingManifest() {
        let (course, diagnostics) = ContentLoader.load(directory: Fixtures.root.appendingPathComponent("no-such-folder"))
        #expect(course == nil)
        #expect(diagnostics.map(\.description) == ["manifest.yaml: cannot read 'manifest.yaml'; check that it exists and is readable"])
    }

    @Test("an extension for labs adds its count, coverage and diagnostics")
    func labExtension() {
        struct FakeLabs: ContentCheckExtension {
            var kind: ContentItemKind { .lab }
            func check(course: Course, contentDirectory: String?) -> ContentExtensionResult {
                ContentExtensionResult(itemCount: 1, factCoverage: ["F2": ["lab-create-key"]])
            }
        }
        let result = ContentChecker.check(directory: Fixtures.goodContent, extensions: [FakeLabs()])
        #expect(result.report.counts.labs == 1)
        #expect(result.report.facts.first { $0.id == "F2" }?.labs == ["lab-create-key"])
        // F3 is marked `lab: true` and no lab covers it, which only a labs extension can know.
        #expect(result.diagnostics.map(\.description) == ["manifest.yaml:18: fact F3 is marked 'lab: true' but no lab practises it"])
    }
}
