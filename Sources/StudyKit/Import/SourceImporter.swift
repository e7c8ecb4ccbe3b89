import Foundation

/// A lesson made from one numbered section of the study guide's plain text.
public struct ImportedLesson: Sendable {
    /// The lesson, with locations pointing at lines of the source text.
    public var lesson: Lesson
    /// The guide's section number, e.g. "5.2.1".
    public var sectionNumber: String
    /// The lesson as YAML in FORMAT.md's format, which `ContentLoader` reads back to the same lesson.
    public var yaml: String
    /// Things worth a look that did not stop the import (e.g. characters that look mis-encoded).
    public var warnings: [String]
}

/// Why a source text could not be imported, at a 1-based line of the text.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public var description: String { "line \(line): \(message)" }
}

/// Imports sections of the study guide's plain-text format into lessons.
///
/// The format, as the seed shows it: a numbered heading ("5.2.1. Title"); paragraphs one per line;
/// "Label: text" paragraphs whose label reads as a title ("Key Policies:", "Envelope Encryption:")
/// start a new lesson section, and a bare "Label:" line heads what follows (often a pipe table);
/// "First Principle:", "Exam Trap:" and "Reflection Question:" paragraphs, with or without their
/// (possibly mis-encoded) emoji, become callouts in sections of their own; pipe tables have a
/// header row and a `|---|` separator row. Sections start with no facts: the instructor fills them in.
public enum SourceImporter {
    /// Imports every numbered section in `text`, one lesson each, on `topic`.
    public static func importSections(_ text: String, topic: String, sourceFile: String = "source.txt")
        throws(ImportError) -> [ImportedLesson] {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        guard lines.contains(where: { !$0.trimmingSpaces().isEmpty }) else {
            throw ImportError(line: 1, message: "the text is empty; paste a section of the guide, starting with its numbered heading such as '5.2.1. Title'")
        }
        var lessons: [ImportedLesson] = []
        var builder: LessonBuilder?
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let line = SourceLine.classify(raw)
            if case .sectionHeading(let sectionNumber, let title) = line {
                if let finished = builder { lessons.append(try finished.finish(topic: topic)) }
                builder = LessonBuilder(number: sectionNumber, title: title, line: number, file: sourceFile)
                continue
            }
            if case .blank = line { continue }
            guard builder != nil else {
                throw ImportError(line: number, message: "expected a numbered section heading such as '5.2.1. Title' before any text")
            }
            try builder?.add(line, at: number, raw: raw)
        }
        if let finished = builder { lessons.append(try finished.finish(topic: topic)) }
        return lessons
    }

    /// Imports exactly one numbered section as a lesson, optionally with a chosen lesson id.
    public static func importLesson(_ text: String, topic: String, lessonID: String? = nil,
                                    sourceFile: String = "source.txt") throws(ImportError) -> ImportedLesson {
        let lessons = try importSections(text, topic: topic, sourceFile: sourceFile)
        guard lessons.count == 1, var imported = lessons.first else {
            let second = lessons.dropFirst().first?.lesson.location.line ?? 1
            throw ImportError(line: second, message: "the text holds \(lessons.count) numbered sections; import them with importSections, or one at a time")
        }
        if let lessonID {
            guard ContentIDs.isKebabCase(lessonID) else {
                throw ImportError(line: 1, message: "lesson id '\(lessonID)' is not kebab-case (lower-case words joined by hyphens)")
            }
            imported.lesson.id = lessonID
            imported.yaml = LessonYAMLWriter.yaml(for: imported.lesson, header: LessonBuilder.header(imported.sectionNumber))
        }
        return imported
    }
}
