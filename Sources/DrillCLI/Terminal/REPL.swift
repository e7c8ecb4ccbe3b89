import CLIGrammar
import CloudSim
import Foundation

/// The interactive loop: one short banner line, a prompt showing the profile (and the lab), full
/// line editing, history, Tab completion. Ctrl-C abandons the line; Ctrl-D or `exit` leaves.
public final class REPL {
    let runner: CommandRunner
    let color: Bool
    let editor: LineEditor
    let console: TerminalConsole

    public init(runner: CommandRunner, color: Bool) {
        self.runner = runner
        self.color = color
        let environment = ProcessInfo.processInfo.environment
        let history = environment["KMSDRILL_HISTORY"].flatMap { $0.isEmpty ? nil : $0 } ?? runner.workbench.home.historyPath
        editor = LineEditor(historyPath: history,
                            completer: Completer(grammar: runner.grammar, provider: WorkbenchCompletions(runner: runner)))
        console = TerminalConsole(color: color)
        console.editor = editor
    }

    public func run() -> Int32 {
        console.out(Banner.line(runner) + "\n")
        while !runner.exitRequested {
            guard let line = readCommand() else { break }
            if let remembered = runner.grammar.redactingSecrets(line) { editor.remember(remembered) }
            runner.run(line, console: console)
            // Keep the history file current: a crash or a kill must not lose it.
            editor.save()
        }
        editor.save()
        // Leaving the REPL is a success, whatever the last command did (as sqlite3 and psql do).
        return ExitStatus.success
    }

    var prompt: String {
        var p = "kmsdrill (\(runner.session.profile))"
        if runner.session.learner != "default" { p += " [\(runner.session.learner)]" }
        if let lab = runner.session.lab { p += " [lab \(lab)]" }
        return p + "> "
    }

    /// A complete command (joining continuation lines), or nil to leave.
    func readCommand() -> String? {
        var text: String?
        while true {
            switch editor.read(prompt: text == nil ? prompt : "... ") {
            case .endOfInput:
                if text == nil {
                    console.out("\n")
                    return nil
                }
                return text
            case .interrupted:
                // Ctrl-C: drop what was typed, stay in the REPL.
                console.out("^C\n")
                text = nil
            case .line(let line):
                text = text.map { $0 + "\n" + line } ?? line
                if case .complete = Tokenizer.status(of: text!) { return text }
            }
        }
    }
}

/// The console of the REPL: standard output and error, answers read with the line editor
/// (without adding them to the history).
final class TerminalConsole: Console {
    let color: Bool
    weak var editor: LineEditor?
    let isInteractive = true

    init(color: Bool) { self.color = color }

    var width: Int { TerminalSize.columns() ?? 80 }

    func out(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    func err(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

    func readLine(prompt: String) -> String? {
        guard let editor else { return nil }
        switch editor.read(prompt: prompt) {
        case .line(let l): return l
        case .interrupted, .endOfInput: return nil
        }
    }
}

/// The one line the REPL starts with: who you are and what is due.
enum Banner {
    static func line(_ runner: CommandRunner) -> String {
        var who = runner.session.profile
        if let caller = try? runner.requestContext().caller {
            who += " (\(caller.arn.split(separator: ":").last.map(String.init) ?? caller.arn))"
        }
        var parts = ["KMS Drill", who, runner.session.region]
        if let due = runner.dueSummary() { parts.append(due) }
        parts.append("help lists commands, Ctrl-D leaves")
        return parts.joined(separator: " · ")
    }
}
