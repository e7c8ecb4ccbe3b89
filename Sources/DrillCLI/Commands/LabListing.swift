import CLIGrammar
import Foundation
import Storage
import StudyKit
import Wire

/// `lab list` and `lab show`: what labs there are, and what one asks.
enum LabListing {
    static func list(_ p: ParsedCommand, _ c: CommandContext) throws -> Int32 {
        let labs = try LabCatalog.shared.labs(at: c.runner.contentPath)
        let known = (try? LabSession.store(c.runner).standings(learner: c.runner.session.learner)) ?? []
        let standings = Dictionary(known.map { ($0.labId, $0) }, uniquingKeysWith: { first, _ in first })
        if p.string("output") == "json" {
            let items: [JSONValue] = labs.map { lab in
                var o = JSONObject()
                o["id"] = .string(lab.id)
                o["title"] = .string(lab.title)
                o["summary"] = .string(lab.summary)
                o["facts"] = .array(lab.facts.map { .string($0) })
                o["points"] = .int(lab.points)
                o["checks"] = .int(lab.checks.count)
                if let minutes = lab.minutes { o["minutes"] = .int(minutes) }
                if let s = standings[lab.id] {
                    o["attempts"] = .int(s.attempts)
                    o["bestScore"] = .int(s.bestScore)
                    o["passed"] = .bool(s.passed)
                }
                return .object(o)
            }
            c.console.out(JSONWriter.pretty(.object(JSONObject([("Labs", .array(items))]))) + "\n")
            return ExitStatus.success
        }
        let idWidth = labs.map(\.id.count).max() ?? 10
        for lab in labs {
            var status = ""
            if let s = standings[lab.id] {
                status = s.passed ? "  done, best \(s.bestScore)/\(lab.points)" : s.active ? "  in progress" : "  tried, best \(s.bestScore)/\(lab.points)"
            }
            let marker = c.runner.session.lab == lab.id ? "*" : " "
            c.console.out("\(marker) \(lab.id.padding(toLength: idWidth, withPad: " ", startingAt: 0))  \(lab.title)\n")
            c.console.out("  \(String(repeating: " ", count: idWidth))  \(lab.facts.joined(separator: ", ")) · \(lab.points) points"
                          + (lab.minutes.map { " · about \($0) min" } ?? "") + status + "\n")
        }
        c.console.out("\nlab start ID begins one; lab show ID prints its task.\n")
        return ExitStatus.success
    }

    static func show(_ p: ParsedCommand, _ c: CommandContext) throws -> Int32 {
        let lab: Lab
        if let id = p.string("lab") {
            lab = try LabCatalog.shared.lab(id, at: c.runner.contentPath)
        } else {
            lab = try LabSession.current(c.runner).0
        }
        c.console.out(render(lab, c, active: c.runner.session.lab == lab.id))
        return ExitStatus.success
    }

    /// The task as `lab start` and `lab show` print it.
    static func render(_ lab: Lab, _ c: CommandContext, active: Bool) -> String {
        let width = c.console.width
        var out = "Lab \(lab.id): \(lab.title)\n"
        out += "Practises \(lab.facts.joined(separator: ", ")) · \(lab.points) points" + (lab.minutes.map { " · about \($0) minutes" } ?? "") + "\n\n"
        out += LabText.render(lab.task, width: width)
        out += "\nChecks:\n"
        for check in lab.checks where !isQuestion(check) {
            out += "  - \(check.title) (\(check.points) points)\n"
        }
        if !lab.questions.isEmpty {
            out += "\nQuestions (answer with: lab answer ID YOUR-ANSWER):\n"
            for check in lab.questions {
                if case .answer(let q) = check.kind {
                    out += "  \(check.id) (\(check.points) points):\n" + LabText.render(q.question, width: width, indent: "    ")
                }
            }
        }
        if active {
            let clock = lab.setup.clock
            var note = "You act as profile \(lab.setup.learnerProfile) in the lab's own sandbox; its clock "
            note += clock.frozen ? "stands at \(Timestamp.cli(clock.start)) until you move it (clock advance)."
                                 : "started at \(Timestamp.cli(clock.start))."
            out += "\n" + LabText.render(note, width: width)
            out += "lab check shows where you stand, lab hint gives a hint, lab quit leaves.\n"
        } else {
            out += "\nlab start \(lab.id) begins it.\n"
        }
        return out
    }

    static func isQuestion(_ check: LabCheck) -> Bool {
        if case .answer = check.kind { return true }
        return false
    }
}
