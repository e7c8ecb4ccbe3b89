import Foundation

/// Shows long text a screenful at a time on a terminal ("-- more -- (Enter, q)"), and all at once
/// in a script or pipe.
struct Pager {
    let console: Console
    /// Lines per screen; the terminal's height when there is one.
    var height: Int = Pager.terminalRows() ?? 24

    /// Writes `lines`; returns false if the reader stopped early with q.
    @discardableResult
    func show(_ lines: [String]) -> Bool {
        guard console.isInteractive else {
            console.out(lines.joined(separator: "\n") + "\n")
            return true
        }
        let page = max(5, height - 1)
        var index = 0
        while index < lines.count {
            let end = min(lines.count, index + page)
            console.out(lines[index..<end].joined(separator: "\n") + "\n")
            index = end
            guard index < lines.count else { break }
            guard let reply = console.readLine(prompt: "-- more -- (Enter, q) ") else { return false }
            if reply.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("q") { return false }
        }
        return true
    }

    /// The terminal's height, when standard output is a terminal.
    static func terminalRows() -> Int? {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
        if let rows = ProcessInfo.processInfo.environment["LINES"].flatMap(Int.init), rows > 0 { return rows }
        return nil
    }
}
