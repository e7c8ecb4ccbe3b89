/// One word of a command line after shell-style quote removal.
public struct Token: Sendable, Equatable {
    /// The word as the command sees it: quotes removed, escapes applied.
    public var text: String
    /// Whether any part of the word was quoted or escaped. A quoted `>` is a word, not a
    /// redirect, and a quoted `--name` is still an option name (as in a shell).
    public var isQuoted: Bool
    /// Offsets of the word in the source text, in characters (`start..<end`).
    public var start: Int
    public var end: Int

    public init(_ text: String, isQuoted: Bool = false, start: Int = 0, end: Int = 0) {
        self.text = text
        self.isQuoted = isQuoted
        self.start = start
        self.end = end
    }
}

/// `> FILE` or `>> FILE` at the end of a command: where its standard output goes.
public struct OutputRedirect: Sendable, Equatable {
    /// The path as typed (relative paths are the caller's to resolve in the working folder).
    public var path: String
    /// `>>` appends; `>` replaces.
    public var append: Bool

    public init(path: String, append: Bool) {
        self.path = path
        self.append = append
    }
}

/// A whole command line split into words, with its output redirection if any.
public struct TokenizedLine: Sendable, Equatable {
    public var tokens: [Token]
    public var redirect: OutputRedirect?

    public init(tokens: [Token], redirect: OutputRedirect? = nil) {
        self.tokens = tokens
        self.redirect = redirect
    }

    /// The words alone.
    public var words: [String] { tokens.map(\.text) }
    /// A line with no words (blank or only a comment) does nothing.
    public var isEmpty: Bool { tokens.isEmpty && redirect == nil }
}

/// Whether a piece of input is a whole command line yet.
public enum LineStatus: Sendable, Equatable {
    /// Ready to tokenize.
    case complete
    /// Ends with a backslash outside single quotes: the next line continues this one.
    case continuesAfterBackslash
    /// A quote is still open: the next line (joined with a newline) continues the quoted text.
    case openQuote(Character)
}
