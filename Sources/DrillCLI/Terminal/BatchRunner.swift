import CLIGrammar
import Foundation

/// Runs commands read line by line from a script, a pipe or `-c` arguments: no banner, no prompt,
/// no history; `#` comments; a trailing backslash continues a line; `--bail` stops at the first
/// failure. The exit status is that of the last command that failed, or 0.
public struct BatchRunner {
    public let runner: CommandRunner
    public let bail: Bool

    public init(runner: CommandRunner, bail: Bool) {
        self.runner = runner
        self.bail = bail
    }

    /// Runs every command from `source`; interactive commands read their answers from the same
    /// source (the next lines), so a quiz can be scripted.
    public func run(_ source: LineSource, console: Console) -> Int32 {
        var status = ExitStatus.success
        while !runner.exitRequested, let line = Self.nextCommand(from: source) {
            let result = runner.run(line, console: console)
            if result != ExitStatus.success {
                status = result
                if bail { break }
            }
        }
        return status
    }

    /// Runs each string as one command line.
    public func run(commands: [String], console: Console) -> Int32 {
        var status = ExitStatus.success
        for line in commands where !runner.exitRequested {
            let result = runner.run(line, console: console)
            if result != ExitStatus.success {
                status = result
                if bail { break }
            }
        }
        return status
    }

    /// The next complete command: continuation lines joined, blank and comment lines skipped.
    static func nextCommand(from source: LineSource) -> String? {
        var text: String?
        while let line = source.nextLine() {
            if text == nil, line.trimmingCharacters(in: .whitespaces).isEmpty || line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                continue
            }
            text = text.map { $0 + "\n" + line } ?? line
            switch Tokenizer.status(of: text!) {
            case .complete: return text
            case .continuesAfterBackslash, .openQuote: continue
            }
        }
        // The input ended inside a continuation or a quote: run what there is; the parser says what is wrong.
        return text
    }
}
