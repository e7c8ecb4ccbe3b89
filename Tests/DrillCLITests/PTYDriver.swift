import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the real kmsdrill binary on a pseudo-terminal, types into it and reads its screen: how
/// the REPL's line editing, completion, history and Ctrl-C are tested as a person meets them.
final class PTYDriver {
    let master: Int32
    let pid: pid_t
    private(set) var transcript = ""
    let screen = TerminalScreen(columns: 100, rows: 40)

    /// The built program, beside the package (`swift build` puts it in .build/debug).
    static var binary: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/kmsdrill")
            .standardized.path
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    init(arguments: [String], environment: [String: String] = [:]) throws {
        var m: Int32 = 0
        var s: Int32 = 0
        var size = winsize(ws_row: 40, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&m, &s, nil, nil, &size) == 0 else { throw Failure(description: "openpty failed") }
        master = m
        guard let slaveName = ttyname(s).map({ String(cString: $0) }) else { throw Failure(description: "no tty name") }
        close(s)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        // A new session, so opening the terminal makes it the controlling one: Ctrl-C then
        // becomes SIGINT for the program, as in a real terminal.
        // POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF (glibc values; the macros
        // are not imported). The test runs on a thread that blocks signals, and a spawned program
        // inherits the mask: without an empty mask, Ctrl-C would never arrive.
        posix_spawnattr_setflags(&attributes, 0x80 | 0x08 | 0x04)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var env = ProcessInfo.processInfo.environment.merging(["TERM": "vt100", "COLUMNS": "100"]) { $1 }
        env.removeValue(forKey: "NO_COLOR")
        for (k, v) in environment { env[k] = v }
        let argv = ([Self.binary] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        var child: pid_t = 0
        let rc = posix_spawn(&child, Self.binary, &actions, &attributes, argv, envp)
        argv.forEach { free($0) }
        envp.forEach { free($0) }
        posix_spawn_file_actions_destroy(&actions)
        posix_spawnattr_destroy(&attributes)
        guard rc == 0 else { throw Failure(description: "cannot start \(Self.binary): \(String(cString: strerror(rc)))") }
        pid = child
        let flags = fcntl(master, F_GETFL)
        _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }

    /// Types `text` (control keys as their bytes: "\t" Tab, "\u{03}" Ctrl-C, "\u{04}" Ctrl-D,
    /// "\u{1b}[A" Up).
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, bytes.count) }
    }

    /// Reads output until `text` has appeared on the screen or in the transcript, or the time runs out.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            drain()
            if transcript.contains(text) || screen.text.contains(text) { return true }
            usleep(20_000)
        }
        return false
    }

    /// Waits until the program shows `prompt` again and reads keys one at a time.
    ///
    /// The prompt alone is not enough: libedit prints it before it takes the terminal out of
    /// canonical mode, and a control key typed in between is handled by the kernel's line
    /// discipline instead (Ctrl-D became a NUL byte, and the REPL never saw it leave). The
    /// terminal's own mode says when libedit is really reading.
    @discardableResult
    func waitForPrompt(_ prompt: String = "> ", timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            drain()
            if transcript.hasSuffix(prompt) && isReadingKeys { return true }
            usleep(20_000)
        }
        return false
    }

    /// Whether the terminal is out of canonical mode (on Linux the master reports the slave's modes).
    var isReadingKeys: Bool {
        var modes = termios()
        guard tcgetattr(master, &modes) == 0 else { return false }
        return modes.c_lflag & tcflag_t(ICANON) == 0
    }

    /// Reads whatever the program has written so far.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { return }
            let chunk = String(decoding: buffer[0..<n], as: UTF8.self)
            transcript += chunk
            screen.feed(chunk)
        }
    }

    /// Waits for the program to end; its exit status, or nil if it is still running.
    func waitForExit(timeout: TimeInterval = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < deadline {
            drain()
            if waitpid(pid, &status, WNOHANG) == pid {
                return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            }
            usleep(20_000)
        }
        return nil
    }
}

/// Just enough of a VT100 to know what a person would see: printable text, CR, LF, BS, cursor
/// moves and erases. Other sequences are ignored.
final class TerminalScreen {
    let columns: Int
    let rows: Int
    private var lines: [[Character]]
    private var row = 0
    private var col = 0
    private var escape: String?

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        lines = Array(repeating: [], count: rows)
    }

    var text: String {
        lines.map { String($0) }.joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    /// The line the cursor is on.
    var currentLine: String { String(lines[row]).trimmingCharacters(in: .whitespaces) }

    func feed(_ s: String) {
        // Unicode scalars, not Characters: "\r\n" is one Character but two terminal controls.
        for scalar in s.unicodeScalars {
            let ch = Character(scalar)
            if var e = escape {
                e.append(ch)
                if e.count == 1 && ch != "[" {
                    escape = nil
                    continue
                }
                if ch.isLetter || e.count > 12 {
                    apply(e)
                    escape = nil
                } else {
                    escape = e
                }
                continue
            }
            switch ch {
            case "\u{1b}": escape = ""
            case "\r": col = 0
            case "\n": newline()
            case "\u{08}": col = max(0, col - 1)
            case "\u{07}": break
            default:
                guard let ascii = ch.asciiValue, ascii < 32 else {
                    put(ch)
                    continue
                }
            }
        }
    }

    private func put(_ ch: Character) {
        if col >= columns {
            newline()
            col = 0
        }
        while lines[row].count < col { lines[row].append(" ") }
        if col < lines[row].count { lines[row][col] = ch } else { lines[row].append(ch) }
        col += 1
    }

    private func newline() {
        if row + 1 >= rows {
            lines.removeFirst()
            lines.append([])
        } else {
            row += 1
        }
    }

    private func apply(_ sequence: String) {
        guard sequence.hasPrefix("["), let command = sequence.last else { return }
        let n = Int(sequence.dropFirst().dropLast()) ?? 1
        switch command {
        case "C": col = min(columns - 1, col + n)
        case "D": col = max(0, col - n)
        case "A": row = max(0, row - n)
        case "B": row = min(rows - 1, row + n)
        case "K": if col < lines[row].count { lines[row].removeSubrange(col...) }
        case "J": for r in row..<rows { lines[r] = r == row ? Array(lines[r].prefix(col)) : [] }
        default: break
        }
    }
}
