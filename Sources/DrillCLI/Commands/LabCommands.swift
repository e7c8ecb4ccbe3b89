import CLIGrammar
import Foundation
import StudyKit

/// `lab list|start|show|hint|check|answer|reset|solution|transcript|quit`: hands-on labs, each in a
/// sandbox of its own, graded by checks over the engine state and the audit log.
enum LabCommands: CommandGroup {
    static let output = OptionSpec("output", .choice(["text", "json"]), summary: "text (default) or json")

    static let specs = [
        CommandSpec(
            name: "lab", summary: "Hands-on labs: a task in a sandbox of its own, checked against the engine",
            description: """
                A lab sets up a fresh sandbox (its own keys, policies, audit log, files and clock), gives you a \
                task, and checks what you did: each named check reads the engine state or the audit log and \
                says why it fails. Your free-play keys are never touched. While a lab is active the prompt shows \
                it and every command acts in its sandbox.

                lab hint reveals hints in tiers (a nudge, the command family, the command) for the first check \
                that fails; hints are counted. lab check may be run as often as you like: checking runs on a \
                copy of the sandbox, so it adds nothing to the audit log you are working on. A lab you finish \
                becomes a review card: done without hints it comes back later, with many hints sooner.
                """,
            subcommands: [
                CommandSpec(name: "list", summary: "List the labs, with the facts they practise and your best score",
                            options: [output]),
                CommandSpec(name: "start", summary: "Start a lab (or go back to your attempt in progress)",
                            options: [OptionSpec("fresh", .flag, summary: "Start over in a new sandbox even if an attempt is in progress")],
                            positionals: [PositionalSpec("lab", summary: "The lab's id (lab list shows them)", completion: .labs)],
                            examples: [ExampleSpec(title: "Start the first lab", command: "lab start app-key")]),
                CommandSpec(name: "show", summary: "Show the task of the current lab (or of another one)",
                            positionals: [PositionalSpec("lab", summary: "A lab's id (default: the current lab)", isRequired: false, completion: .labs)]),
                CommandSpec(name: "hint", summary: "Reveal the next hint for the first check that fails",
                            options: [OptionSpec("check", summary: "A hint for this check instead")]),
                CommandSpec(name: "check", summary: "Run the lab's checks and see each one pass or fail, with the reason",
                            options: [output]),
                CommandSpec(name: "answer", summary: "Answer one of the lab's questions",
                            positionals: [PositionalSpec("question", summary: "The question's id (lab show lists them)"),
                                          PositionalSpec("text", summary: "Your answer", isVariadic: true)],
                            examples: [ExampleSpec(title: "Answer the question 'period'", command: "lab answer period 180")]),
                CommandSpec(name: "reset", summary: "Throw the sandbox away and start the current lab again from its setup"),
                CommandSpec(name: "solution", summary: "Print a lab's reference solution (a transcript that grade accepts)",
                            positionals: [PositionalSpec("lab", summary: "A lab's id (default: the current lab)", isRequired: false, completion: .labs)]),
                CommandSpec(name: "transcript", summary: "Print (or write) the commands you ran in your latest attempt: your submission",
                            options: [OptionSpec("lab", summary: "The lab (default: the current lab)", completion: .labs)],
                            positionals: [PositionalSpec("file", summary: "Write it to this file in your home's working folder", isRequired: false,
                                                         completion: .files)]),
                CommandSpec(name: "quit", summary: "Leave the lab and go back to your own keys"),
            ]),
    ]

    static let handlers: [String: CommandHandler] = [
        "lab list": { p, c in try LabListing.list(p, c) },
        "lab start": { p, c in try LabLifecycle.start(p, c) },
        "lab show": { p, c in try LabListing.show(p, c) },
        "lab hint": { p, c in try LabChecking.hint(p, c) },
        "lab check": { p, c in try LabChecking.check(p, c) },
        "lab answer": { p, c in try LabChecking.answer(p, c) },
        "lab reset": { _, c in try LabLifecycle.reset(c) },
        "lab solution": { p, c in try LabLifecycle.solution(p, c) },
        "lab transcript": { p, c in try LabLifecycle.transcript(p, c) },
        "lab quit": { _, c in try LabLifecycle.quit(c) },
    ]

    /// In a grader's replay, commands that steer the lab do nothing (the grader does the steering).
    static func skippedInGrading(_ c: CommandContext, _ what: String) -> Bool {
        guard LabSandbox.isGrading(c.workbench) else { return false }
        c.console.out("(\(what): skipped while grading)\n")
        return true
    }
}

/// Prose for the terminal: paragraphs and list items ("- ", "1. ") wrapped to the width, with
/// a list item's indented continuation lines joined to it; other indented lines kept as they are.
enum LabText {
    static func render(_ text: String, width: Int, indent: String = "") -> String {
        let width = max(30, min(width, 100) - indent.count)
        var out = ""
        var paragraph: [String] = []
        var marker = ""
        func flush() {
            guard !paragraph.isEmpty else { return }
            let hanging = String(repeating: " ", count: marker.count)
            let lines = TextWrapper.wrap(paragraph.joined(separator: " "), width: width - marker.count)
            for (i, line) in lines.enumerated() { out += indent + (i == 0 ? marker : hanging) + line + "\n" }
            paragraph = []
            marker = ""
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                flush()
                if !out.isEmpty && !out.hasSuffix("\n\n") { out += "\n" }
            } else if let item = listMarker(line) {
                flush()
                marker = item
                paragraph = [String(line.dropFirst(item.count)).trimmingCharacters(in: .whitespaces)]
            } else if line.hasPrefix(" ") && !marker.isEmpty {
                paragraph.append(trimmed)
            } else if line.hasPrefix("  ") {
                flush()
                out += indent + line + "\n"
            } else {
                if !marker.isEmpty { flush() }
                paragraph.append(trimmed)
            }
        }
        flush()
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }

    /// "- " or "12. " at the start of a line, as written (the hanging indent of its item).
    static func listMarker(_ line: String) -> String? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return String(line.prefix(2)) }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") else { return nil }
        return String(digits) + ". "
    }
}
