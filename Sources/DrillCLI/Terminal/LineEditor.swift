@preconcurrency import CEditLine
import CLIGrammar
import Foundation

/// The REPL's line editor on the system's libedit (readline emulation): editing keys, a history
/// that survives restarts, Tab completion, and Ctrl-C that abandons the line.
final class LineEditor {
    enum Read {
        case line(String)
        /// Ctrl-C: the line was abandoned.
        case interrupted
        /// Ctrl-D on an empty line, or the input closed.
        case endOfInput
    }

    let historyPath: String?
    static let historyLimit: Int32 = 2000

    init(historyPath: String?, completer: Completer) {
        self.historyPath = historyPath
        rl_readline_name = UnsafePointer(strdup("kmsdrill"))
        // We handle SIGINT ourselves (see shim.h); libedit must not install its own handlers.
        rl_catch_signals = 0
        _ = kmsdrill_install_sigint()
        CompletionBridge.completer = completer
        // Only white space separates words, so --key-id, alias/app and k=v,k2=v2 complete whole.
        rl_completer_word_break_characters = strdup(" \t\n")
        rl_attempted_completion_function = CompletionBridge.attempt
        stifle_history(Self.historyLimit)
        if let historyPath { _ = read_history(historyPath) }
    }

    /// Reads one line with full editing.
    func read(prompt: String) -> Read {
        _ = kmsdrill_take_sigint()
        guard let raw = readline(prompt) else {
            return kmsdrill_take_sigint() == 1 ? .interrupted : .endOfInput
        }
        defer { free(raw) }
        if kmsdrill_take_sigint() == 1 { return .interrupted }
        return .line(String(cString: raw))
    }

    /// Adds a line to the history (the caller has already removed any secret from it).
    func remember(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        add_history(line)
    }

    /// Writes the history file (owner-only), keeping the last `historyLimit` lines.
    func save() {
        guard let historyPath else { return }
        _ = write_history(historyPath)
        chmod(historyPath, 0o600)
    }

    /// True if Ctrl-C was pressed since the last check (for commands that run a while).
    static func takeInterrupt() -> Bool { kmsdrill_take_sigint() == 1 }
}

/// The C callbacks libedit calls for Tab; they reach the Swift completer through this global.
enum CompletionBridge {
    nonisolated(unsafe) static var completer: Completer?
    nonisolated(unsafe) static var candidates: [String] = []

    static let attempt: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, start, end in
        rl_attempted_completion_over = 1  // never fall back to file-name completion
        guard let completer, let buffer = rl_line_buffer else { return nil }
        let line = String(cString: buffer)
        let before = String(decoding: Array(line.utf8).prefix(Int(end)), as: UTF8.self)
        let result = completer.complete(before)
        candidates = result.candidates
        if candidates.isEmpty { return nil }
        rl_completion_append_character = candidates.count == 1 && !(candidates[0].hasSuffix("/") || candidates[0].hasSuffix("=")) ? 32 : 0
        guard let text else { return nil }
        return rl_completion_matches(text, generate)
    }

    static let generate: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, state in
        let index = Int(state)
        guard index < candidates.count else { return nil }
        return strdup(candidates[index])
    }
}
