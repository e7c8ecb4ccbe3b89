import Foundation
import StudyKit

extension DrillSession {
    /// Runs a lab step; returns how many items (checks) it graded.
    func labStep(_ step: DrillLabStep, position: Int, headers: [ItemHeader]) throws -> Int {
        guard let lab = labs.first(where: { $0.id == step.labId }) else { return 0 }
        let checks = lab.checks.filter { step.checks?.contains($0.id) ?? true }
        let folder = HomeFolder(path: stepRoot + "/\(position + 1)-\(lab.id)")
        let sandbox = try LabSandbox.create(lab, in: folder, contentPath: runner.contentPath, wall: Date(), grading: true)
        let saved = (runner.workbench, runner.session)
        LabSession.activate(lab, workbench: sandbox, runner: runner)
        defer {
            runner.workbench = saved.0
            runner.session = saved.1
        }
        if let intro = step.intro { console.out(LabText.render(intro, width: console.width) + "\n") }
        console.out(LabText.render(lab.task, width: console.width) + "\n")
        console.out("Work in the lab's sandbox; type done when you have finished" + (step.timeLimit.map { " (you have \(DrillDuration.format($0)))" } ?? "")
                    + ". check shows where you stand; task repeats the task.\n")
        let start = input.elapsed
        let quiet = NoInputConsole(inner: console)
        var commands = 0
        while true {
            guard let line = input.next(.command(lab, stepIndex: position), text: "drill [\(lab.id)]> ") else { break }
            // A line typed after the time ran out is not run.
            if let limit = step.timeLimit, input.elapsed - start > limit {
                console.out("Time is up for this step.\n")
                log.append("lab \(lab.id): time ran out")
                break
            }
            if overTime {
                console.out("Time is up.\n")
                log.append("lab \(lab.id): the drill's time ran out")
                break
            }
            let word = line.trimmingCharacters(in: .whitespaces)
            if word == "done" || word == "exit" || word == "quit" { break }
            if word == "task" {
                console.out(LabText.render(lab.task, width: console.width))
                continue
            }
            if word == "check" {
                let evaluation = try LabChecker(lab: lab, contentPath: runner.contentPath).evaluate(sandbox, only: checks.map(\.id))
                console.out(LabChecking.render(evaluation, width: console.width))
                continue
            }
            if word.isEmpty { continue }
            commands += 1
            let status = runner.run(line, console: quiet)
            log.append("lab \(lab.id) \(commands): \(line) -> \(status)")
        }
        let evaluation = try LabChecker(lab: lab, contentPath: runner.contentPath).evaluate(sandbox, only: checks.map(\.id))
        console.out(LabChecking.render(evaluation, width: console.width) + "\n")
        for (outcome, header) in zip(evaluation.outcomes, headers) {
            results.append(ItemGrade(id: header.id, title: outcome.check.title, points: outcome.check.points, passed: outcome.passed,
                                     reason: outcome.reason?.replacingOccurrences(of: folder.path, with: "<sandbox>")))
        }
        lastSandbox = sandbox
        return evaluation.outcomes.count
    }
}

/// The console of a drill's lab step: output goes through, but commands cannot read answers
/// (every line a learner types in a drill is read by the drill itself, so it can be recorded).
final class NoInputConsole: Console {
    let inner: Console
    init(inner: Console) { self.inner = inner }
    func out(_ text: String) { inner.out(text) }
    func err(_ text: String) { inner.err(text) }
    func readLine(prompt: String) -> String? { nil }
    var isInteractive: Bool { false }
    var width: Int { inner.width }
    var color: Bool { inner.color }
}

/// "A to D" for an answer prompt.
enum AnswerInputText {
    static func range(_ count: Int) -> String {
        switch count {
        case ...1: return "A"
        case 2: return "A or B"
        default: return "A to \(OptionLetters.letter(count - 1))"
        }
    }
}
