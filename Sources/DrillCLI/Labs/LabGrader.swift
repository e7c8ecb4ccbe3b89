import Foundation
import StudyKit
import Wire

/// Grades lab transcripts: each one replayed in a fresh sandbox of its own (through the same
/// `CommandRunner` a learner types into), then the lab's checks read the result.
///
/// Deterministic: a sandbox starts from the lab's frozen clock and seeded randomness, so the same
/// transcript makes the same keys, the same audit log and the same grade on every run.
final class LabGrader {
    let contentPath: String
    /// Where grading homes are made (removed when the grader is done).
    let workRoot: String
    private var count = 0

    init(contentPath: String) throws {
        self.contentPath = contentPath
        workRoot = NSTemporaryDirectory() + "kmsdrill-grade-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: workRoot, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw DrillError("cannot make a folder to grade in (\(workRoot)): \(error.localizedDescription)")
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: workRoot) }

    /// A fresh grading home and a runner on it.
    func freshRunner(learner: String) throws -> CommandRunner {
        count += 1
        let home = HomeFolder(path: workRoot + "/\(count)-" + LabSandbox.safeName(learner))
        let workbench: Workbench
        do { workbench = try Workbench(home: home) } catch {
            throw DrillError("cannot make a grading home in \(home.path): \(error)")
        }
        var session = Session()
        session.learner = LabSandbox.safeName(learner)
        return CommandRunner(workbench: workbench, session: session, contentPath: contentPath)
    }

    /// Puts `runner` in a fresh grading sandbox of `lab`; returns the sandbox's folder.
    func enterSandbox(_ lab: Lab, runner: CommandRunner) throws -> String {
        let folder = LabSandbox.newFolder(home: runner.home.home, learner: runner.session.learner, labId: lab.id)
        let sandbox = try LabSandbox.create(lab, in: folder, contentPath: contentPath, wall: Date(), grading: true)
        LabSession.activate(lab, workbench: sandbox, runner: runner)
        return folder.path
    }

    /// Grades the submitted bytes `data` of `file` for `lab`.
    func grade(_ lab: Lab, data: Data, learner: String, file: String, submittedAt: String) throws -> SubmissionGrade {
        switch Submission.text(of: data) {
        case .failure(let problem):
            return .malformed(learner: learner, file: file, problem: "\(file) \(problem)", maxPoints: lab.points, submittedAt: submittedAt)
        case .success(let text):
            return try grade(lab, transcript: text, learner: learner, file: file, submittedAt: submittedAt)
        }
    }

    /// Grades a transcript's text for `lab`.
    func grade(_ lab: Lab, transcript text: String, learner: String, file: String, submittedAt: String) throws -> SubmissionGrade {
        if let declared = LabTranscript(text).declaredLab, declared != lab.id {
            let problem = SubmissionProblem.wrongLab(declared: declared, expected: lab.id)
            return .malformed(learner: learner, file: file, problem: "\(file) \(problem)", maxPoints: lab.points, submittedAt: submittedAt)
        }
        let runner = try freshRunner(learner: learner)
        defer { try? FileManager.default.removeItem(atPath: runner.home.home.path) }
        let sandboxPath = try enterSandbox(lab, runner: runner)
        let steps: [TranscriptReplay.Step]
        do {
            steps = try TranscriptReplay.run(text, runner: runner, hidePath: runner.home.home.path)
        } catch {
            return .malformed(learner: learner, file: file, problem: "\(file) has more than \(TranscriptReplay.commandLimit) commands",
                              maxPoints: lab.points, submittedAt: submittedAt)
        }
        // An `exit` in the transcript ends the replay, and a `lab quit` the grader skipped; either
        // way the checks read the sandbox the transcript worked in.
        let evaluation = try LabChecker(lab: lab, contentPath: contentPath).evaluate(runner.workbench)
        let items = evaluation.outcomes.map {
            ItemGrade(id: $0.check.id, title: $0.check.title, points: $0.check.points, passed: $0.passed,
                      reason: $0.reason?.replacingOccurrences(of: sandboxPath, with: "<sandbox>"))
        }
        return SubmissionGrade(learner: learner, file: file, status: evaluation.allPassed ? .passed : .failed, score: evaluation.score,
                               maxPoints: evaluation.maxScore, submittedAt: submittedAt, items: items, log: TranscriptReplay.log(steps))
    }

    /// The report's columns for `lab`.
    static func items(_ lab: Lab) -> [ItemHeader] {
        lab.checks.map { ItemHeader(id: $0.id, title: $0.title, points: $0.points) }
    }
}

/// Submission files: reading a directory of them, and when each was made.
enum SubmissionFiles {
    /// The regular, visible files of `directory`, sorted by name.
    static func list(_ directory: String) throws -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw DrillError("\(directory) is not a folder of submissions; give the folder that holds one file per learner", status: ExitStatus.usage)
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().filter { name in
            var dir: ObjCBool = false
            return FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &dir) && !dir.boolValue
        }
    }

    /// The file's modification time as the JUnit schema's timestamp (UTC, no zone).
    static func timestamp(_ path: String) -> String {
        let date = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? nil
        return format(date ?? Date(timeIntervalSince1970: 0))
    }

    static func format(_ date: Date) -> String {
        String(Timestamp.zulu(date).prefix(19))
    }
}
