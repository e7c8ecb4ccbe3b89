import Foundation
import Testing
@testable import StudyKit

/// The importer on sample sections written for these tests in the guide's plain-text format.
@Suite("Importer on sample texts")
struct ImporterSampleTests {
    static func sample(_ name: String) -> String {
        Fixtures.text(Fixtures.importer.appendingPathComponent(name))
    }

    static func callouts(_ lesson: Lesson) -> [Callout] {
        lesson.sections.flatMap(\.blocks).compactMap { block in
            if case .callout(let callout) = block.content { return callout }
            return nil
        }
    }

    static func text(_ lesson: Lesson, section: String) -> String? {
        lesson.sections.first { $0.id == section }?.blocks.compactMap { block -> String? in
            if case .text(let text) = block.content { return text }
            return nil
        }.first
    }

    @Test("every mis-encoding is repaired: both markers, em dashes and an apostrophe")
    func mojibake() throws {
        let imported = try SourceImporter.importLesson(Self.sample("mojibake.txt"), topic: "key-policies")
        let lesson = imported.lesson
        #expect(imported.sectionNumber == "5.2.2")
        #expect(lesson.sections.map(\.id) == ["first-principle", "grant-basics", "encryption-context", "exam-trap", "reflection-question"])
        let callouts = Self.callouts(lesson)
        #expect(callouts.map(\.kind) == [.firstPrinciple, .examTrap, .reflection])
        #expect(callouts[0].text == "A key policy says who may use a key for ever \u{2014} a grant says who may use it for now. Grants are how AWS services borrow your key without you rewriting the policy.")
        #expect(callouts[1].text.hasPrefix("A grant can take a few seconds to take effect everywhere \u{2014} use the grant token"))
        let context = try #require(Self.text(lesson, section: "encryption-context"))
        #expect(context.contains("the same context is supplied \u{2014} that is the whole point."))
        #expect(context.contains("The service's own context"))
        #expect(context.contains("\n\nThe context is logged in CloudTrail"))
        #expect(!imported.yaml.contains("\u{0101}"))
        #expect(imported.warnings == [])
        #expect(lesson.summary == "A key policy says who may use a key for ever \u{2014} a grant says who may use it for now.")
    }

    @Test("the proper emoji and dash are accepted, and the label decides the callout kind")
    func properEmoji() throws {
        let lesson = try SourceImporter.importLesson(Self.sample("emoji.txt"), topic: "key-types").lesson
        let callouts = Self.callouts(lesson)
        #expect(callouts.map(\.kind) == [.firstPrinciple, .examTrap, .reflection])
        #expect(callouts[0].text == "Deleting a KMS key destroys every ciphertext made under it \u{2014} so KMS makes you wait.")
        #expect(callouts[1].text.hasPrefix("A multi-Region replica is a separate key resource"))
        #expect(!callouts.contains { $0.text.contains("\u{1F4A1}") || $0.text.contains("\u{26A0}") })
        let table = try #require(lesson.sections.first { $0.id == "multi-region-keys" }?.blocks.first)
        #expect(table.content == .table(Table(header: ["Property", "Single-Region key", "Multi-Region key"], rows: [
            ["Key ID", "Unique", "Same in every Region (mrk- prefix)"],
            ["Key material", "One Region", "Shared by the related keys"],
        ])))
        #expect(table.location.line == 5)
    }

    @Test("no markers, CRLF line endings and a blank line before the trap")
    func plainText() throws {
        let imported = try SourceImporter.importLesson(Self.sample("plain.txt"), topic: "rotation", lessonID: "imported-material")
        let lesson = imported.lesson
        #expect(lesson.id == "imported-material")
        #expect(imported.sectionNumber == "5.2.4")
        #expect(lesson.title == "Imported Key Material")
        #expect(lesson.sections.map(\.id) == ["first-principle", "expiration", "exam-trap", "reflection"])
        // A plain paragraph after a callout stays in that callout's section.
        #expect(lesson.sections[0].blocks.count == 2)
        #expect(Self.callouts(lesson).map(\.kind) == [.firstPrinciple, .examTrap, .reflection])
        #expect(!imported.yaml.contains("\r"))
        #expect(imported.yaml.contains("id: imported-material\n"))
        let (loaded, diagnostics) = ContentLoader.parseLesson(yaml: imported.yaml, file: "x.yaml")
        #expect(diagnostics.isEmpty)
        #expect(loaded?.id == "imported-material")
    }

    @Test("several numbered sections give several lessons")
    func twoSections() throws {
        let lessons = try SourceImporter.importSections(Self.sample("two-sections.txt"), topic: "key-policies")
        #expect(lessons.map(\.sectionNumber) == ["5.2.5", "5.2.6"])
        #expect(lessons.map(\.lesson.id) == ["grants", "key-stores"])
        #expect(throws: ImportError(line: 4, message: "the text holds 2 numbered sections; import them with importSections, or one at a time")) {
            try SourceImporter.importLesson(Self.sample("two-sections.txt"), topic: "key-policies")
        }
    }

    @Test("malformed texts fail with the line and the fix", arguments: [
        ("malformed-row.txt", 7, "this table row has 3 cells but the header has 2; give every row one cell per column"),
        ("malformed-no-heading.txt", 1, "expected a numbered section heading such as '5.2.1. Title' before any text"),
        ("malformed-no-separator.txt", 4, "a table needs a separator row such as |---|---| right after its header row"),
        ("malformed-empty-heading.txt", 2, "'Request Quotas:' heads nothing; give it a paragraph or a table"),
    ])
    func malformed(_ file: String, _ line: Int, _ message: String) {
        #expect(throws: ImportError(line: line, message: message)) {
            try SourceImporter.importLesson(Self.sample(file), topic: "key-types")
        }
    }

    @Test("an empty text and a bad lesson id are refused")
    func refusals() {
        #expect(throws: ImportError.self) { try SourceImporter.importLesson("  \n\n", topic: "key-types") }
        #expect(throws: ImportError(line: 1, message: "lesson id 'Bad Id' is not kebab-case (lower-case words joined by hyphens)")) {
            try SourceImporter.importLesson(Self.sample("emoji.txt"), topic: "key-types", lessonID: "Bad Id")
        }
    }

    @Test("text the repair does not understand is kept and reported")
    func suspiciousCharacters() throws {
        let imported = try SourceImporter.importLesson("1.1. Odd\nSome Ã¼ text.\n", topic: "t")
        #expect(imported.warnings == ["line 2: characters that look mis-encoded were kept as they are: Ã"])
    }

    @Test("the marker table", arguments: [
        ("\u{0161}\u{201D} First Principle: x", SourceTextRepair.Marker.bulb),
        ("\u{1F4A1} First Principle: x", .bulb),
        ("\u{00F0}\u{0178}\u{2019}\u{00A1} First Principle: x", .bulb),
        ("\u{0101} \u{013C}\u{00F8} Exam Trap: x", .warning),
        ("\u{26A0}\u{FE0F} Exam Trap: x", .warning),
        ("\u{26A0} Exam Trap: x", .warning),
    ])
    func markers(_ line: String, _ marker: SourceTextRepair.Marker) {
        let (found, rest) = SourceTextRepair.leadingMarker(line)
        #expect(found == marker)
        #expect(rest.hasSuffix(": x"))
        #expect(rest.first?.isASCII == true)
    }

    @Test("punctuation repair")
    func punctuation() {
        #expect(SourceTextRepair.repairPunctuation("key \u{0101} so") == "key \u{2014} so")
        #expect(SourceTextRepair.repairPunctuation("don\u{0101}t") == "don't")
        #expect(SourceTextRepair.repairPunctuation("end \u{00E2}\u{20AC}\u{201D} here") == "end \u{2014} here")
        #expect(SourceTextRepair.repairPunctuation("plain") == "plain")
    }
}
