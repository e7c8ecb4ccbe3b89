import Foundation

/// Where a command's output goes and where interactive answers come from.
///
/// Commands never print directly: the loop that owns the terminal (the REPL, a batch run, the
/// grader) hands them a console, so the same command behaves the same everywhere and can be
/// captured in tests.
public protocol Console: AnyObject {
    /// Writes to standard output, exactly as given.
    func out(_ text: String)
    /// Writes to standard error, exactly as given.
    func err(_ text: String)
    /// Reads one line of input for an interactive command (an answer, a confirmation); nil at end
    /// of input. A terminal shows the prompt; a batch run reads the next line silently.
    func readLine(prompt: String) -> String?
    /// Whether a person is typing (a terminal), as opposed to a script or pipe.
    var isInteractive: Bool { get }
    /// Columns available for text layout.
    var width: Int { get }
    /// Whether output may use ANSI colour.
    var color: Bool { get }
}

/// A console on the process's standard streams (batch mode, `-c`, `run FILE`).
public final class StandardConsole: Console {
    public let isInteractive: Bool
    public let width: Int
    public let color: Bool
    private let input: LineSource

    public init(input: LineSource, isInteractive: Bool, width: Int, color: Bool) {
        self.input = input
        self.isInteractive = isInteractive
        self.width = width
        self.color = color
    }

    public func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    public func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    public func readLine(prompt: String) -> String? {
        if isInteractive { out(prompt) }
        return input.nextLine()
    }
}

/// A console that records output and answers from a script: for tests and the grader.
public final class BufferConsole: Console {
    public private(set) var stdout = ""
    public private(set) var stderr = ""
    private var answers: [String]
    public let isInteractive = false
    public let width: Int
    public let color = false

    public init(answers: [String] = [], width: Int = 100) {
        self.answers = answers
        self.width = width
    }

    public func out(_ text: String) { stdout += text }
    public func err(_ text: String) { stderr += text }

    public func readLine(prompt: String) -> String? {
        answers.isEmpty ? nil : answers.removeFirst()
    }

    /// Forgets what was written so far.
    public func reset() {
        stdout = ""
        stderr = ""
    }
}

/// Lines of input, one at a time (standard input, a script file, a list).
public protocol LineSource: AnyObject {
    func nextLine() -> String?
}

/// Lines from standard input, read with Swift's `readLine` (explicit and testable).
public final class StandardInputLines: LineSource {
    public init() {}
    public func nextLine() -> String? { Swift.readLine(strippingNewline: true) }
}

/// Lines from a string (a script file's contents).
public final class TextLines: LineSource {
    private var lines: [String]
    private var index = 0

    public init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        if lines.last == "" { lines.removeLast() }
    }

    public func nextLine() -> String? {
        guard index < lines.count else { return nil }
        defer { index += 1 }
        return lines[index]
    }
}
