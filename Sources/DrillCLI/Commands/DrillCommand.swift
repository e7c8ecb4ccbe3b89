import CLIGrammar
import Foundation
import Storage
import StudyKit
import Wire

/// `drill list|check|run`: instructors' drills: narrative, questions and lab steps in a plain-text
/// file, validated, run interactively, and graded in batch by `grade --drill`.
enum DrillCommand: CommandGroup {
    static let specs = [
        CommandSpec(
            name: "drill", summary: "Instructor drills: check a drill file, or run one",
            description: """
                A drill is a plain-text file (format: Content/drills/README.md) that strings together narrative, \
                questions (from the bank or written in the drill) and hands-on lab steps, optionally timed. \
                drill check validates it and proves it: its reference answers score full marks and an empty \
                submission fails. drill run takes you through it; with --record it writes what you typed, the \
                submission an instructor grades with grade --drill FILE --submissions DIR.
                """,
            subcommands: [
                CommandSpec(name: "list", summary: "List the drills of the course"),
                CommandSpec(name: "check", summary: "Validate a drill file and prove it can be passed and failed",
                            positionals: [PositionalSpec("file", summary: "A .drill file, or the id of a drill in the course", completion: .files)]),
                CommandSpec(name: "run", summary: "Take a drill",
                            options: [OptionSpec("record", summary: "Write your answers and commands to this file (your submission)", completion: .files)],
                            positionals: [PositionalSpec("file", summary: "A .drill file, or the id of a drill in the course", completion: .files)],
                            examples: [ExampleSpec(title: "Take a drill and keep a submission", command: "drill run key-policy-incident --record my-answers.txt")]),
            ]),
    ]

    static let handlers: [String: CommandHandler] = [
        "drill list": { _, c in try list(c) },
        "drill check": { p, c in try check(p, c) },
        "drill run": { p, c in try run(p, c) },
    ]

    /// Finds a drill by path or course id and loads what it needs: the drill, the course, the labs.
    static func load(_ name: String, _ c: CommandContext, strict: Bool = true) throws -> (Drill, Course, [Lab]) {
        let (drill, course, labs, problems) = try loadWithProblems(name, c)
        if strict, let drill, problems.hasErrors {
            let listed = problems.filter { $0.severity == .error }.prefix(5).map(\.description).joined(separator: "\n  ")
            throw DrillError("drill \(drill.id) has problems; fix them first (drill check \(name) lists them all):\n  \(listed)", status: ExitStatus.failure)
        }
        guard let drill else {
            let listed = problems.prefix(5).map(\.description).joined(separator: "\n  ")
            throw DrillError("\(name) cannot be read as a drill:\n  \(listed)", status: ExitStatus.failure)
        }
        return (drill, course, labs)
    }

    static func loadWithProblems(_ name: String, _ c: CommandContext) throws -> (Drill?, Course, [Lab], [Diagnostic]) {
        let (loaded, courseProblems) = ContentLoader.load(directory: URL(fileURLWithPath: c.runner.contentPath))
        guard let course = loaded else {
            throw DrillError("cannot load the course from \(c.runner.contentPath): \(courseProblems.first?.description ?? "no manifest")")
        }
        let labs = LabCatalog.shared.load(at: c.runner.contentPath).labs
        let path = try locate(name, c)
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw DrillError("\(name) cannot be read as UTF-8 text", status: ExitStatus.usage)
        }
        let shown = path.hasPrefix(c.runner.contentPath + "/") ? String(path.dropFirst(c.runner.contentPath.count + 1)) : name
        let (drill, problems) = DrillParser.parse(text, file: shown)
        let rules = drill.map { DrillRules.check($0, course: course, labs: labs) } ?? []
        return (drill, course, labs, (problems + rules).sortedByLocation())
    }

    /// A drill file's path: as given, in the working folder, or `<content>/drills/<id>.drill`.
    static func locate(_ name: String, _ c: CommandContext) throws -> String {
        let fm = FileManager.default
        let candidates = [name, (try? WorkingFolder(c.runner.home.home).path(name)) ?? "",
                          c.runner.contentPath + "/drills/" + name + ".drill", c.runner.contentPath + "/drills/" + name]
        for candidate in candidates where !candidate.isEmpty {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue { return candidate }
        }
        throw DrillError("no drill \(name): give a .drill file or the id of a drill in the course (drill list shows them)", status: ExitStatus.usage)
    }

    static func list(_ c: CommandContext) throws -> Int32 {
        let (loaded, _) = ContentLoader.load(directory: URL(fileURLWithPath: c.runner.contentPath))
        guard let course = loaded else { throw DrillError("cannot load the course from \(c.runner.contentPath)") }
        let labs = LabCatalog.shared.load(at: c.runner.contentPath).labs
        let (drills, _) = DrillLoader.load(course: course, directory: URL(fileURLWithPath: c.runner.contentPath), labs: labs)
        if drills.isEmpty { c.console.out("The course has no drills.\n") }
        for drill in drills {
            let questions = drill.items.filter { if case .question = $0 { return true } else { return false } }.count
            let steps = drill.items.filter { if case .lab = $0 { return true } else { return false } }.count
            c.console.out("  \(drill.id)  \(drill.title)\n      \(questions) questions, \(steps) lab steps"
                          + (drill.timeLimit.map { ", \(DrillDuration.format($0))" } ?? "") + ", pass at \(drill.passPercent)%\n")
        }
        return ExitStatus.success
    }

    static func check(_ p: ParsedCommand, _ c: CommandContext) throws -> Int32 {
        let name = p.string("file") ?? ""
        let (drill, course, labs, problems) = try loadWithProblems(name, c)
        var all = problems
        if let drill, !problems.hasErrors {
            all += try DrillGrader(drill: drill, course: course, labs: labs, contentPath: c.runner.contentPath).prove()
        }
        for d in all { (d.severity == .error ? c.console.err : c.console.out)(d.description + "\n") }
        let errors = all.filter { $0.severity == .error }.count
        if let drill, errors == 0 {
            let headers = DrillSession.headers(drill, course: course, labs: labs)
            c.console.out("\(name): drill \(drill.id) is valid: \(headers.count) graded items worth \(headers.reduce(0) { $0 + $1.points }) points; its reference answers pass and an empty submission fails.\n")
        } else {
            c.console.out("\(name): \(errors) error\(errors == 1 ? "" : "s")\n")
        }
        return errors == 0 ? ExitStatus.success : ExitStatus.failure
    }

    static func run(_ p: ParsedCommand, _ c: CommandContext) throws -> Int32 {
        if LabCommands.skippedInGrading(c, "drill run") { return ExitStatus.success }
        let (drill, course, labs) = try load(p.string("file") ?? "", c)
        let learner = c.runner.session.learner
        let input = ConsoleDrillInput(console: c.console, replaying: !c.console.isInteractive)
        let root = c.runner.home.home.path + "/drills/" + LabSandbox.safeName(learner) + "/" + drill.id
        let session = DrillSession(drill: drill, course: course, labs: labs, runner: c.runner, console: c.console, input: input,
                                   sandboxRoot: root, recordsReviews: true)
        let store = LabSession.store(c.runner)
        let headers = DrillSession.headers(drill, course: course, labs: labs)
        let run = try store.startDrillRun(learner: learner, drillId: drill.id, maxScore: headers.reduce(0) { $0 + $1.points },
                                          at: LabSession.now(c.runner))
        let outcome = try session.run()
        let grade = SubmissionGrade(learner: learner, file: p.string("record") ?? "", status: outcome.passed ? .passed : .failed,
                                    score: outcome.score, maxPoints: outcome.maxScore,
                                    submittedAt: SubmissionFiles.format(Date()), items: outcome.items, log: outcome.log)
        let json = JSONWriter.compact((try? JSONValueEncoder().encode(grade)) ?? .null)
        try store.finishDrillRun(run, score: outcome.score, passed: outcome.passed, resultJSON: json, at: LabSession.now(c.runner))
        c.console.out("Drill \(drill.id): \(outcome.score) of \(outcome.maxScore) points (\(outcome.percent)%): \(outcome.passed ? "passed" : "not passed") (pass mark \(drill.passPercent)%).\n")
        if let record = p.string("record") {
            let folder = WorkingFolder(c.runner.home.home)
            try folder.write(input.submission(drill: drill, learner: learner), to: record, append: false)
            c.console.out("Your submission is in \(try folder.path(record)).\n")
        }
        return outcome.passed ? ExitStatus.success : ExitStatus.failure
    }
}
