import CLIGrammar
import Foundation
import Storage
import StudyKit
import Wire

/// `lab check`, `lab hint`, `lab answer`: where the learner stands, a nudge, an answer.
enum LabChecking {
    static func check(_ p: ParsedCommand, _ c: CommandContext) throws -> Int32 {
        if LabCommands.skippedInGrading(c, "lab check") { return ExitStatus.success }
        let (lab, attempt) = try LabSession.current(c.runner)
        let evaluation = try LabChecker(lab: lab, contentPath: c.runner.contentPath).evaluate(c.workbench)
        let store = LabSession.store(c.runner)
        var finished: (Rating, Date?)?
        if let attempt {
            let results = evaluation.outcomes.map {
                LabCheckResultRecord(checkId: $0.check.id, passed: $0.passed, points: $0.check.points, reason: $0.reason)
            }
            try store.recordCheckRun(attempt: attempt.id, results: results, at: LabSession.now(c.runner))
            if evaluation.allPassed, let updated = try store.attempt(id: attempt.id) {
                finished = try LabSession.finish(updated, lab: lab, passed: true, runner: c.runner)
            }
        }
        if p.string("output") == "json" {
            c.console.out(JSONWriter.pretty(json(evaluation)) + "\n")
        } else {
            c.console.out(render(evaluation, width: c.console.width))
            if let (rating, due) = finished {
                c.console.out("\nLab \(lab.id) complete: \(evaluation.score) of \(evaluation.maxScore) points, rated \(rating.name)")
                if let due { c.console.out("; due for review \(when(due, from: LabSession.now(c.runner)))") }
                c.console.out(".\n")
                if let debrief = lab.debrief { c.console.out("\n" + LabText.render(debrief, width: c.console.width)) }
                c.console.out("lab quit takes you back to your own keys.\n")
            } else if evaluation.allPassed {
                c.console.out("\nEvery check passes.\n")
            } else {
                c.console.out("\nFix what fails and run lab check again; lab hint gives a hint.\n")
            }
        }
        return evaluation.allPassed ? ExitStatus.success : ExitStatus.failure
    }

    /// `PASS`/`FAIL` per check, the reason under each failure.
    static func render(_ evaluation: LabEvaluation, width: Int) -> String {
        let passed = evaluation.outcomes.filter(\.passed).count
        var out = "Lab \(evaluation.lab.id): \(passed) of \(evaluation.outcomes.count) checks pass (\(evaluation.score) of \(evaluation.maxScore) points)\n"
        for outcome in evaluation.outcomes {
            out += "  \(outcome.passed ? "PASS" : "FAIL")  \(outcome.check.title)\n"
            if let reason = outcome.reason { out += LabText.render(reason, width: width, indent: "        ") }
        }
        return out
    }

    static func json(_ evaluation: LabEvaluation) -> JSONValue {
        var o = JSONObject()
        o["lab"] = .string(evaluation.lab.id)
        o["score"] = .int(evaluation.score)
        o["maxScore"] = .int(evaluation.maxScore)
        o["passed"] = .bool(evaluation.allPassed)
        o["checks"] = .array(evaluation.outcomes.map { outcome in
            var r = JSONObject()
            r["id"] = .string(outcome.check.id)
            r["title"] = .string(outcome.check.title)
            r["points"] = .int(outcome.check.points)
            r["passed"] = .bool(outcome.passed)
            if let reason = outcome.reason { r["reason"] = .string(reason) }
            return .object(r)
        })
        return .object(o)
    }

    static func hint(_ p: ParsedCommand, _ c: CommandContext) throws -> Int32 {
        if LabCommands.skippedInGrading(c, "lab hint") { return ExitStatus.success }
        let (lab, attempt) = try LabSession.current(c.runner)
        let target: LabCheck?
        if let id = p.string("check") {
            guard let check = lab.check(id: id) else {
                throw DrillError("lab \(lab.id) has no check '\(id)'; its checks are \(lab.checks.map(\.id).joined(separator: ", "))", status: ExitStatus.usage)
            }
            target = check
        } else {
            let evaluation = try LabChecker(lab: lab, contentPath: c.runner.contentPath).evaluate(c.workbench)
            guard let failing = evaluation.firstFailure?.check else {
                c.console.out("Every check passes already: no hint needed. Run lab check to finish the lab.\n")
                return ExitStatus.success
            }
            target = failing
        }
        guard let check = target, let hints = check.hints ?? lab.hints else {
            c.console.out("There is no hint for that check; lab show repeats the task.\n")
            return ExitStatus.success
        }
        let key = check.hints == nil ? "" : check.id
        let shown = try attempt.map { try LabSession.store(c.runner).hintTiers(attempt: $0.id)[key] ?? 0 } ?? 0
        let tier = min(shown + 1, hints.tiers.count)
        if let attempt, tier > shown {
            try LabSession.store(c.runner).recordHint(attempt: attempt.id, checkId: key.isEmpty ? nil : key, tier: tier, at: LabSession.now(c.runner))
        }
        c.console.out("Hint \(tier) of \(hints.tiers.count) (\(LabHints.tierNames[tier - 1])) for: \(check.title)\n")
        c.console.out(LabText.render(hints.tiers[tier - 1], width: c.console.width, indent: "  "))
        if tier < hints.tiers.count { c.console.out("(lab hint again for the next one; hints count towards how soon the lab comes back)\n") }
        return ExitStatus.success
    }

    static func answer(_ p: ParsedCommand, _ c: CommandContext) throws -> Int32 {
        let (lab, _) = try LabSession.current(c.runner)
        let id = p.string("question") ?? ""
        guard let check = lab.check(id: id), LabListing.isQuestion(check) else {
            let ids = lab.questions.map(\.id)
            throw DrillError(ids.isEmpty ? "lab \(lab.id) asks no questions" : "lab \(lab.id) has no question '\(id)'; its questions are \(ids.joined(separator: ", "))",
                             status: ExitStatus.usage)
        }
        var text = p.strings("text").joined(separator: " ").trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("file://") {
            // As the AWS CLI reads file:// values: the answer is the file's text (trimmed here).
            let name = String(text.dropFirst("file://".count))
            text = String(decoding: try WorkingFolder(c.workbench.home).read(name), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard !text.isEmpty else { throw DrillError("give your answer after the question's id: lab answer \(id) YOUR-ANSWER", status: ExitStatus.usage) }
        try c.workbench.database.setSetting(LabSandbox.answerPrefix + id, to: text)
        c.console.out("Answer to \(id) noted: \(text). lab check tells you whether it is right.\n")
        return ExitStatus.success
    }

    /// "in 3 days", "in 10 minutes", "now".
    static func when(_ date: Date, from now: Date) -> String {
        let seconds = date.timeIntervalSince(now)
        if seconds <= 60 { return "now" }
        if seconds < 3600 { return "in \(Int(seconds / 60)) minutes" }
        if seconds < 86400 * 1.5 { return "in \(Int((seconds / 3600).rounded())) hours" }
        return "in \(Int((seconds / 86400).rounded())) days"
    }
}
