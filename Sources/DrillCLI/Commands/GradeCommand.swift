import CLIGrammar
import Foundation
import StudyKit

/// `grade`: replays learners' lab transcripts or drill submissions, each in a fresh sandbox, and
/// reports the grades as text, JSON, JUnit XML or a CSV gradebook.
enum GradeCommand: CommandGroup {
    static let specs = [
        CommandSpec(
            name: "grade", summary: "Grade lab transcripts or drill submissions in batch (text, json, junit, csv)",
            description: """
                Each submission is replayed in a fresh sandbox of its own, through the same command runner a \
                learner types into, and graded by the lab's checks (or the drill's questions and lab steps). \
                Sandboxes start from a frozen clock and seeded randomness, so the same submission gets the same \
                grade, byte for byte, on every run.

                A lab transcript is a file of commands, as lab transcript or lab solution writes it. A drill \
                submission is the lines a learner typed during drill run (drill run --record writes it). A folder \
                of submissions holds one file per learner; the file name (without its extension) names the \
                learner. A file that is not text, too large, or for another lab is reported as malformed; it \
                never stops the batch.

                The exit status is 0 when every submission passed, 1 otherwise.
                """,
            options: [
                OptionSpec("lab", summary: "The lab to grade (lab list shows the ids)", completion: .labs),
                OptionSpec("drill", summary: "The drill to grade: a .drill file, or the id of a drill in the course", completion: .files),
                OptionSpec("transcript", summary: "One submission file", completion: .files),
                OptionSpec("submissions", summary: "A folder with one submission file per learner", completion: .files),
                OptionSpec("format", .choice(["text", "json", "junit", "csv"]), summary: "text (default), json, junit (JUnit XML) or csv (a gradebook)"),
            ],
            examples: [
                ExampleSpec(title: "Check a reference solution", command: "grade --lab app-key --transcript solution.txt"),
                ExampleSpec(title: "Grade a class into JUnit XML", command: "grade --lab app-key --submissions class/ --format junit > report.xml"),
                ExampleSpec(title: "A drill's gradebook", command: "grade --drill key-policy-incident --submissions answers/ --format csv > grades.csv"),
            ]),
    ]

    static let handlers: [String: CommandHandler] = [
        "grade": { p, c in try grade(p, c) },
    ]

    static func grade(_ p: ParsedCommand, _ c: CommandContext) throws -> Int32 {
        if LabCommands.skippedInGrading(c, "grade") { return ExitStatus.success }
        let files = try submissions(p, c)
        let report: GradeReport
        switch (p.string("lab"), p.string("drill")) {
        case (let id?, nil):
            let lab = try LabCatalog.shared.lab(id, at: c.runner.contentPath)
            let grader = try LabGrader(contentPath: c.runner.contentPath)
            let grades = try files.map { file in
                guard let data = FileManager.default.contents(atPath: file.path) else {
                    return unreadable(file, maxPoints: lab.points)
                }
                return try grader.grade(lab, data: data, learner: file.learner, file: file.name,
                                        submittedAt: SubmissionFiles.timestamp(file.path))
            }
            report = GradeReport(kind: .lab, subject: lab.id, title: lab.title, maxPoints: lab.points, passPercent: 100,
                                 items: LabGrader.items(lab), submissions: grades)
        case (nil, let name?):
            let (drill, course, labs) = try DrillCommand.load(name, c)
            let grader = try DrillGrader(drill: drill, course: course, labs: labs, contentPath: c.runner.contentPath)
            let grades = try files.map { file in
                guard let data = FileManager.default.contents(atPath: file.path) else {
                    return unreadable(file, maxPoints: grader.maxPoints)
                }
                return try grader.grade(data: data, learner: file.learner, file: file.name,
                                        submittedAt: SubmissionFiles.timestamp(file.path))
            }
            report = GradeReport(kind: .drill, subject: drill.id, title: drill.title, maxPoints: grader.maxPoints,
                                 passPercent: drill.passPercent, items: grader.headers, submissions: grades)
        default:
            throw DrillError("grade needs either --lab ID or --drill FILE (not both)", status: ExitStatus.usage)
        }
        if let format = p.string("format"), format != "text", let chosen = GradeReportFormat(rawValue: format) {
            c.console.out(chosen.render(report))
        } else {
            c.console.out(text(report, width: c.console.width))
        }
        c.console.err(summary(report) + "\n")
        return report.allPassed ? ExitStatus.success : ExitStatus.failure
    }

    struct SubmissionFile {
        let path: String
        let name: String
        let learner: String
    }

    /// The submission files named by --transcript or --submissions.
    static func submissions(_ p: ParsedCommand, _ c: CommandContext) throws -> [SubmissionFile] {
        switch (p.string("transcript"), p.string("submissions")) {
        case (let file?, nil):
            let path = try resolve(file, c)
            let text = (try? String(contentsOfFile: path, encoding: .utf8)).map(LabTranscript.init)
            let name = (path as NSString).lastPathComponent
            return [SubmissionFile(path: path, name: name, learner: text?.declaredLearner ?? Submission.learnerName(forFile: name))]
        case (nil, let folder?):
            let dir = try resolve(folder, c)
            let names = try SubmissionFiles.list(dir)
            if names.isEmpty { throw DrillError("\(folder) holds no submission files", status: ExitStatus.usage) }
            return names.map { SubmissionFile(path: dir + "/" + $0, name: $0, learner: Submission.learnerName(forFile: $0)) }
        default:
            throw DrillError("give the submissions: --transcript FILE for one, or --submissions DIR for a folder of them", status: ExitStatus.usage)
        }
    }

    /// A path as given (absolute, or relative to the current folder), else in the home's working folder.
    static func resolve(_ name: String, _ c: CommandContext) throws -> String {
        let fm = FileManager.default
        if name.hasPrefix("/") || fm.fileExists(atPath: name) {
            return (name as NSString).standardizingPath
        }
        let inWork = try WorkingFolder(c.runner.home.home).path(name)
        guard fm.fileExists(atPath: inWork) else {
            throw DrillError("no file or folder \(name) (looked in the current folder and in \(c.runner.home.home.workPath))", status: ExitStatus.usage)
        }
        return inWork
    }

    /// A submission file that cannot be read: malformed, never fatal to the batch.
    static func unreadable(_ file: SubmissionFile, maxPoints: Int) -> SubmissionGrade {
        .malformed(learner: file.learner, file: file.name, problem: "\(file.name) \(SubmissionProblem.unreadable("permission denied or not a regular file"))",
                   maxPoints: maxPoints, submittedAt: SubmissionFiles.timestamp(file.path))
    }

    static func summary(_ report: GradeReport) -> String {
        let passed = report.submissions.filter { $0.status == .passed }.count
        let malformed = report.submissions.filter { $0.status == .malformed }.count
        let failed = report.submissions.count - passed - malformed
        return "graded \(report.submissions.count) submission\(report.submissions.count == 1 ? "" : "s") of \(report.kind.rawValue) \(report.subject): \(passed) passed, \(failed) failed, \(malformed) malformed"
    }

    static func text(_ report: GradeReport, width: Int) -> String {
        var out = "\(report.kind == .lab ? "Lab" : "Drill") \(report.subject): \(report.title) (\(report.maxPoints) points, pass at \(report.passPercent)%)\n"
        let nameWidth = min(24, report.submissions.map(\.learner.count).max() ?? 8)
        for s in report.submissions {
            let name = s.learner.padding(toLength: max(nameWidth, s.learner.count), withPad: " ", startingAt: 0)
            switch s.status {
            case .malformed:
                out += "  \(name)  MALFORMED  \(s.problem ?? "")\n"
            case .passed, .failed:
                out += "  \(name)  \(s.status == .passed ? "passed   " : "FAILED   ")  \(s.score)/\(s.maxPoints) (\(s.percent)%)\n"
                for item in s.items where !item.passed {
                    out += "      - \(item.id): \(item.reason ?? "failed")\n"
                }
            }
        }
        return out
    }
}
