import Foundation
import Testing
@testable import StudyKit

/// Rendered lessons compared with checked-in snapshots. Re-record with RECORD_SNAPSHOTS=1.
@Suite("Lesson renderer")
struct RendererTests {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func fixtureLesson() throws -> Lesson {
        let (course, _) = ContentLoader.load(directory: Fixtures.goodContent)
        return try #require(course?.lesson(id: "keys"))
    }

    static func seedLesson() throws -> Lesson {
        try SourceImporter.importLesson(Fixtures.text(Fixtures.seed), topic: "key-types").lesson
    }

    /// Compares `lines` with the snapshot `name`; records it when RECORD_SNAPSHOTS is set or it is missing.
    static func assertSnapshot(_ lines: [String], _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let url = snapshots.appendingPathComponent(name)
        let text = lines.joined(separator: "\n") + "\n"
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
        guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded snapshot \(name); check it and run the tests again", sourceLocation: sourceLocation)
            return
        }
        #expect(text == expected, "rendering differs from Snapshots/\(name)", sourceLocation: sourceLocation)
    }

    @Test("fixture lesson, 72 columns, box borders, no colour")
    func fixtureUnicode() throws {
        let lines = LessonRenderer(options: RenderOptions(width: 72)).render(try Self.fixtureLesson(), topicTitle: "Key types")
        Self.assertSnapshot(lines, "keys-72-unicode.txt")
    }

    @Test("fixture lesson, 40 columns, ASCII borders")
    func fixtureASCII() throws {
        let lines = LessonRenderer(options: RenderOptions(width: 40, borders: .ascii)).render(try Self.fixtureLesson())
        Self.assertSnapshot(lines, "keys-40-ascii.txt")
    }

    @Test("fixture lesson, 72 columns, colour")
    func fixtureColour() throws {
        let lines = LessonRenderer(options: RenderOptions(width: 72, color: true)).render(try Self.fixtureLesson())
        Self.assertSnapshot(lines, "keys-72-color.txt")
    }

    @Test("the imported seed, 80 columns")
    func seed80() throws {
        let lines = LessonRenderer(options: RenderOptions(width: 80)).render(try Self.seedLesson())
        Self.assertSnapshot(lines, "seed-80-unicode.txt")
    }

    @Test("no line is wider than the terminal, at any width", arguments: [20, 24, 31, 40, 57, 80, 101, 132])
    func widths(_ width: Int) throws {
        for borders in [RenderOptions.Borders.unicode, .ascii] {
            let lines = LessonRenderer(options: RenderOptions(width: width, borders: borders)).render(try Self.seedLesson())
            for line in lines {
                #expect(TextWrapper.displayWidth(line) <= width, "\(line)")
                #expect(!line.hasSuffix(" "))
            }
        }
    }

    @Test("without colour there are no escape codes; with colour, stripping them gives the same layout")
    func colourIsOnlyDecoration() throws {
        let lesson = try Self.seedLesson()
        let plain = LessonRenderer(options: RenderOptions(width: 80)).render(lesson)
        let coloured = LessonRenderer(options: RenderOptions(width: 80, color: true)).render(lesson)
        #expect(!plain.joined().contains("\u{1B}"))
        #expect(coloured.joined().contains("\u{1B}[1;31m"))  // the exam trap's frame
        let stripped = coloured.map { $0.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) }
        #expect(stripped == plain)
    }

    @Test("wrapping splits words longer than a line and keeps the rest whole")
    func wrapping() {
        #expect(TextWrapper.wrap("alpha beta gamma", width: 10) == ["alpha beta", "gamma"])
        #expect(TextWrapper.wrap("abcdefghijkl xy", width: 5) == ["abcde", "fghij", "kl xy"])
        #expect(TextWrapper.wrap("", width: 5) == [""])
        #expect(TextWrapper.displayWidth("AWS — key") == 9)
        #expect(TextWrapper.displayWidth("💡 x") == 4)
    }

    @Test("a table too narrow for columns falls back to one record per row")
    func narrowTable() {
        let renderer = LessonRenderer(options: RenderOptions(width: 20))
        let table = Table(header: ["A", "B", "C", "D", "E"], rows: [["1", "2", "3", "4", "5"]])
        #expect(renderer.render(.table(table)) == ["A: 1", "B: 2", "C: 3", "D: 4", "E: 5"])
    }
}
