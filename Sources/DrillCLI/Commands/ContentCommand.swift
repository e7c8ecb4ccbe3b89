import CLIGrammar
import Foundation
import StudyKit
import Wire

/// `content check` and `content import`: validate the course, and bring in further sections of
/// the study guide.
enum ContentCommand: CommandGroup {
    static let specs = [
        CommandSpec(
            name: "content", summary: "Check the course content, or import a section of the study guide",
            subcommands: [
                CommandSpec(
                    name: "check", summary: "Validate lessons, questions, labs and drills; exit non-zero on any error",
                    description: """
                        Checks the schema, unique ids, cross-references, that every fact F1-F24 has a lesson \
                        section and at least two questions, and that every question has one explanation per \
                        option and a valid answer. Problems are printed as FILE:LINE: message. With \
                        --output json it also reports what it checked.
                        """,
                    options: [OptionSpec("output", .choice(["text", "json"]), summary: "text (default) or json")],
                    positionals: [PositionalSpec("dir", summary: "The content folder (default: the installed course)", isRequired: false)]),
                CommandSpec(
                    name: "import", summary: "Convert a section of the guide's plain text into a lesson file",
                    options: [OptionSpec("topic", summary: "The topic id the lesson belongs to", isRequired: true),
                              OptionSpec("id", summary: "The lesson id (kebab-case)"),
                              OptionSpec("out", summary: "Write the lesson YAML to this file instead of printing it")],
                    positionals: [PositionalSpec("file", summary: "The plain-text section (in the working folder or a path)")]),
            ]),
    ]

    static let handlers: [String: CommandHandler] = [
        "content check": { p, c in
            let dir = p.string("dir") ?? c.runner.contentPath
            let result = ContentChecker.check(directory: URL(fileURLWithPath: dir), extensions: c.runner.contentExtensions)
            if p.string("output") == "json" {
                var report = result.report.jsonValue.objectValue ?? JSONObject()
                report["passed"] = .bool(result.passed)
                report["diagnostics"] = .array(result.diagnostics.map { .string($0.description) })
                c.console.out(JSONWriter.pretty(.object(report)) + "\n")
            } else {
                for d in result.diagnostics { (d.severity == .error ? c.console.err : c.console.out)(d.description + "\n") }
                let r = result.report
                c.console.out("\(dir): \(r.counts.lessons) lessons (\(r.counts.sections) sections), \(r.counts.questions) questions, \(r.counts.labs) labs, \(r.counts.drills) drills; \(r.errors) errors, \(r.warnings) warnings\n")
            }
            return result.passed ? ExitStatus.success : ExitStatus.failure
        },
        "content import": { p, c in
            let name = p.string("file") ?? ""
            let data: Data
            if FileManager.default.fileExists(atPath: name), let d = FileManager.default.contents(atPath: name) {
                data = d
            } else {
                data = try WorkingFolder(c.workbench.home).read(name)
            }
            let imported: ImportedLesson
            do {
                imported = try SourceImporter.importLesson(String(decoding: data, as: UTF8.self), topic: p.string("topic") ?? "",
                                                           lessonID: p.string("id"), sourceFile: name)
            } catch {
                throw DrillError("\(name): \(error)", status: ExitStatus.failure)
            }
            for w in imported.warnings { c.console.err("warning: \(w)\n") }
            if let out = p.string("out") {
                try WorkingFolder(c.workbench.home).write(imported.yaml, to: out, append: false)
                c.console.out("wrote lesson \(imported.lesson.id) (section \(imported.sectionNumber)) to \(out)\n")
            } else {
                c.console.out(imported.yaml)
            }
            return ExitStatus.success
        },
    ]
}
