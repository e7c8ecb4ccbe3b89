import Foundation

/// Loads a course from a content folder (`manifest.yaml`, lessons, questions), reporting every
/// problem with its file and line. The only part of StudyKit that reads files.
public enum ContentLoader {
    /// The manifest's file name inside the content folder.
    public static let manifestFile = "manifest.yaml"

    /// Loads the course in `directory`. The course is `nil` only when the manifest itself cannot
    /// be read; otherwise it holds everything that could be loaded, and the diagnostics say what
    /// could not. Paths in diagnostics are relative to `directory`.
    public static func load(directory: URL) -> (Course?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let manifestURL = directory.appendingPathComponent(manifestFile)
        guard let manifestText = readText(manifestURL, file: manifestFile, into: &diagnostics) else {
            return (nil, diagnostics)
        }
        let (manifestNode, parseProblems) = YAMLDocument.compose(manifestText, file: manifestFile)
        diagnostics += parseProblems
        guard let manifestNode else { return (nil, diagnostics) }
        var reader = YAMLReader(file: manifestFile)
        let manifest = ManifestDecoder.decode(manifestNode, reader: &reader)
        diagnostics += reader.diagnostics
        guard let manifest else { return (nil, diagnostics) }

        for path in manifest.labs + manifest.drills where !exists(directory, path.value) {
            diagnostics.append(.error("'\(path.value)' is listed in the manifest but does not exist", at: path.location))
        }
        var unreadable: [String] = []
        var lessons: [Lesson] = []
        for path in manifest.lessons {
            guard let text = readListed(directory, path, into: &diagnostics) else {
                unreadable.append(path.value)
                continue
            }
            let (lesson, problems) = parseLesson(yaml: text, file: path.value)
            diagnostics += problems
            if let lesson { lessons.append(lesson) } else { unreadable.append(path.value) }
        }
        var questions: [Question] = []
        for path in manifest.questions {
            guard let text = readListed(directory, path, into: &diagnostics) else {
                unreadable.append(path.value)
                continue
            }
            let (bank, problems, parsed) = parseQuestionFile(yaml: text, file: path.value)
            diagnostics += problems
            questions += bank
            if !parsed { unreadable.append(path.value) }
        }
        diagnostics += unlistedFiles(directory, folder: "lessons", listed: manifest.lessons)
        diagnostics += unlistedFiles(directory, folder: "questions", listed: manifest.questions)
        return (Course(manifest: manifest, lessons: lessons, questions: questions, unreadableFiles: unreadable), diagnostics)
    }

    /// Parses one lesson from YAML text, as if read from `file`.
    public static func parseLesson(yaml: String, file: String) -> (Lesson?, [Diagnostic]) {
        let (root, problems) = YAMLDocument.compose(yaml, file: file)
        guard let root else { return (nil, problems) }
        var reader = YAMLReader(file: file)
        let lesson = LessonDecoder.decode(root, reader: &reader)
        return (lesson, reader.diagnostics)
    }

    /// Parses one question-bank file from YAML text, as if read from `file`.
    public static func parseQuestions(yaml: String, file: String) -> ([Question], [Diagnostic]) {
        let (questions, diagnostics, _) = parseQuestionFile(yaml: yaml, file: file)
        return (questions, diagnostics)
    }

    /// The questions, the diagnostics, and whether the file parsed as YAML at all.
    private static func parseQuestionFile(yaml: String, file: String) -> ([Question], [Diagnostic], Bool) {
        let (root, problems) = YAMLDocument.compose(yaml, file: file)
        guard let root else { return ([], problems, false) }
        var reader = YAMLReader(file: file)
        let questions = QuestionDecoder.decode(root, reader: &reader)
        return (questions, reader.diagnostics, true)
    }

    private static func exists(_ directory: URL, _ path: String) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path)
    }

    private static func readListed(_ directory: URL, _ path: Located<String>,
                                   into diagnostics: inout [Diagnostic]) -> String? {
        guard exists(directory, path.value) else {
            diagnostics.append(.error("'\(path.value)' is listed in the manifest but does not exist", at: path.location))
            return nil
        }
        return readText(directory.appendingPathComponent(path.value), file: path.value, into: &diagnostics)
    }

    private static func readText(_ url: URL, file: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(.error("cannot read '\(file)'; check that it exists and is readable", at: SourceLocation(file: file, line: 0)))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(.error("'\(file)' is not UTF-8 text; save it as UTF-8", at: SourceLocation(file: file, line: 0)))
            return nil
        }
        return text
    }

    /// Warnings for YAML files in `folder` that the manifest does not list (they would be ignored).
    private static func unlistedFiles(_ directory: URL, folder: String, listed: [Located<String>]) -> [Diagnostic] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(folder).path)) ?? []
        let listedPaths = Set(listed.map(\.value))
        return names.sorted()
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { "\(folder)/\($0)" }
            .filter { !listedPaths.contains($0) }
            .map { .warning("'\($0)' is not listed in manifest.yaml, so it is not loaded; add it under '\(folder)' or remove it",
                            at: SourceLocation(file: $0, line: 0)) }
    }
}
