import CLIGrammar
import Foundation
import Storage
import StudyKit

/// `lab start`, `lab reset`, `lab quit`, `lab solution`, `lab transcript`: moving into and out of
/// a lab, and what an attempt leaves behind.
enum LabLifecycle {
    static func start(_ p: ParsedCommand, _ c: CommandContext) throws -> Int32 {
        if LabCommands.skippedInGrading(c, "lab start") { return ExitStatus.success }
        let lab = try LabCatalog.shared.lab(p.string("lab") ?? "", at: c.runner.contentPath)
        if let current = c.runner.session.lab, current != lab.id {
            LabSession.leave(c.runner)
            c.console.out("Leaving lab \(current); your attempt stays as it is (lab start \(current) returns to it).\n")
        }
        let (attempt, resumed) = try LabSession.enter(lab, runner: c.runner, fresh: p.flag("fresh"))
        if resumed {
            c.console.out("Back in lab \(lab.id), where you left it (\(attempt.hintsUsed) hint\(attempt.hintsUsed == 1 ? "" : "s") used so far). lab start \(lab.id) --fresh starts over.\n\n")
        }
        c.console.out(LabListing.render(lab, c, active: true))
        return ExitStatus.success
    }

    static func reset(_ c: CommandContext) throws -> Int32 {
        if LabCommands.skippedInGrading(c, "lab reset") { return ExitStatus.success }
        let (lab, attempt) = try LabSession.current(c.runner)
        let old = c.runner.workbench.home.path
        let folder = LabSandbox.newFolder(home: c.runner.home.home, learner: c.runner.session.learner, labId: lab.id)
        let workbench = try LabSandbox.create(lab, in: folder, contentPath: c.runner.contentPath, wall: Date(), grading: false)
        if let attempt {
            let store = LabSession.store(c.runner)
            try store.clearTranscript(attempt: attempt.id)
            try store.moveSandbox(attempt: attempt.id, to: folder.path)
        }
        LabSession.activate(lab, workbench: workbench, runner: c.runner)
        LabSandbox.discard(old, home: c.runner.home.home)
        c.console.out("Lab \(lab.id) is back at its starting point: a fresh sandbox, built from its setup. Hints you used still count.\n")
        return ExitStatus.success
    }

    static func quit(_ c: CommandContext) throws -> Int32 {
        if LabCommands.skippedInGrading(c, "lab quit") { return ExitStatus.success }
        let (lab, attempt) = try LabSession.current(c.runner)
        if let attempt {
            if c.console.isInteractive {
                let answer = c.console.readLine(prompt: "You have not passed lab \(lab.id) yet. Quitting ends this attempt as not done, and the lab comes back for review soon. Quit? [y/N] ")
                guard let answer, ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else {
                    c.console.out("Still in lab \(lab.id).\n")
                    return ExitStatus.success
                }
            }
            let (rating, due) = try LabSession.finish(attempt, lab: lab, passed: false, runner: c.runner)
            c.console.out("Attempt ended as not done (rated \(rating.name))" + (due.map { "; lab \(lab.id) is due again \(LabChecking.when($0, from: LabSession.now(c.runner)))" } ?? "") + ".\n")
        }
        let sandbox = c.runner.workbench.home.path
        LabSession.leave(c.runner)
        // The attempt is over and its transcript is in the progress store: the sandbox can go.
        LabSandbox.discard(sandbox, home: c.runner.home.home)
        c.console.out("Left lab \(lab.id); back to your own keys as profile default.\n")
        return ExitStatus.success
    }

    static func solution(_ p: ParsedCommand, _ c: CommandContext) throws -> Int32 {
        if LabCommands.skippedInGrading(c, "lab solution") { return ExitStatus.success }
        let lab: Lab
        if let id = p.string("lab") {
            lab = try LabCatalog.shared.lab(id, at: c.runner.contentPath)
        } else {
            lab = try LabSession.current(c.runner).0
        }
        let store = LabSession.store(c.runner)
        let attempt = try store.activeAttempt(learner: c.runner.session.learner, labId: lab.id)
        if c.console.isInteractive {
            let warning = attempt != nil
                ? "Seeing the solution ends the point of this attempt: it will count as not done, and the lab comes back for review soon. Show it? [y/N] "
                : "Show the reference solution of lab \(lab.id)? Try the lab first if you can. [y/N] "
            guard let answer = c.console.readLine(prompt: warning),
                  ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else {
                c.console.out("Not shown.\n")
                return ExitStatus.success
            }
        }
        try store.recordSolutionView(learner: c.runner.session.learner, labId: lab.id, attempt: attempt?.id, at: LabSession.now(c.runner))
        c.console.out(referenceTranscript(lab))
        return ExitStatus.success
    }

    /// The reference solution as a transcript file that `grade --lab` accepts as it is.
    static func referenceTranscript(_ lab: Lab) -> String {
        var out = "# kmsdrill lab transcript\n# lab: \(lab.id)\n# learner: reference\n"
        out += lab.solution.hasSuffix("\n") ? lab.solution : lab.solution + "\n"
        return out
    }

    static func transcript(_ p: ParsedCommand, _ c: CommandContext) throws -> Int32 {
        if LabCommands.skippedInGrading(c, "lab transcript") { return ExitStatus.success }
        let lab = try p.string("lab").map { try LabCatalog.shared.lab($0, at: c.runner.contentPath) } ?? LabSession.current(c.runner).0
        let store = LabSession.store(c.runner)
        guard let attempt = try store.attempts(learner: c.runner.session.learner, labId: lab.id).last else {
            throw DrillError("no attempt at lab \(lab.id) yet", status: ExitStatus.usage)
        }
        let lines = try store.transcript(attempt: attempt.id).map(\.line)
        let text = LabTranscript.render(lab: lab.id, learner: c.runner.session.learner, lines: lines)
        if let file = p.string("file") {
            // The learner's own working folder: a reset or a new attempt does not lose it.
            let folder = WorkingFolder(c.runner.home.home)
            try folder.write(text, to: file, append: false)
            c.console.out("Wrote \(lines.count) command\(lines.count == 1 ? "" : "s") to \(try folder.path(file)); hand it in, or grade it with: grade --lab \(lab.id) --transcript FILE\n")
        } else {
            c.console.out(text)
        }
        return ExitStatus.success
    }
}
