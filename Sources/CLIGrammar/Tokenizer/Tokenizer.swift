/// Splits a command line into words the way a POSIX shell would, without expanding anything.
///
/// Rules: blanks separate words; `'single quotes'` keep everything literally; `"double quotes"`
/// let `\` escape `"`, `\`, `$`, `` ` `` and a newline; outside quotes `\` escapes any character
/// and a backslash-newline joins lines; `#` at the start of a word starts a comment that runs to
/// the end of the line; an unquoted `>` or `>>` followed by a path redirects standard output.
/// Pipes, `;`, `&` and `<` are refused with an explanation, because KMS Drill runs one command
/// per line and has no shell behind it.
public enum Tokenizer {
    /// The words and redirect of `text`, which may span several lines joined with `\n`.
    public static func tokenize(_ text: String) throws(CLIError) -> TokenizedLine {
        var scanner = LineScanner(text)
        try scanner.run()
        switch scanner.ending {
        case .complete: break
        case .continuesAfterBackslash:
            throw CLIError(.incompleteInput,
                           "the line ends with a backslash (\\), which continues it on the next line; "
                               + "add the rest of the command or remove the backslash")
        case .openQuote(let q):
            let column = (scanner.openQuoteOffset ?? 0) + 1
            let name = q == "'" ? "single" : "double"
            throw CLIError(.incompleteInput,
                           "unterminated \(name) quote (\(q)) opened at column \(column); close it with \(q)")
        }
        if scanner.pendingRedirect != nil {
            throw CLIError.usage("missing file name after '\(scanner.pendingRedirect!.append ? ">>" : ">")'; "
                                     + "write the output file after it, e.g. > out.json")
        }
        return TokenizedLine(tokens: scanner.tokens, redirect: scanner.redirect)
    }

    /// Whether `text` is a complete command line or needs another line joined to it.
    ///
    /// The REPL and the batch reader call this on the text gathered so far: on
    /// `.continuesAfterBackslash` or `.openQuote` they read the next line, join it with `\n` and ask
    /// again. Syntax errors (a stray `|`) count as complete: `tokenize` then reports them.
    public static func status(of text: String) -> LineStatus {
        var scanner = LineScanner(text)
        do { try scanner.run() } catch { return .complete }
        return scanner.ending
    }

    /// The words before the cursor and the word being typed, for completion.
    ///
    /// Never throws: an operator or open quote simply ends up in `current`.
    public static func partial(_ textBeforeCursor: String) -> PartialLine {
        var scanner = LineScanner(textBeforeCursor, lenient: true)
        try? scanner.run(finishLastWord: false)
        let current: Token?
        if scanner.inWord {
            current = Token(scanner.word, isQuoted: scanner.wordQuoted, start: scanner.wordStart,
                            end: scanner.chars.count)
        } else {
            current = nil
        }
        return PartialLine(tokens: scanner.tokens, current: current, openQuote: scanner.openQuoteChar,
                           afterRedirect: scanner.pendingRedirect != nil || scanner.redirectWordInProgress)
    }
}

/// The state of a line being typed, for completion.
public struct PartialLine: Sendable, Equatable {
    /// Words already finished (followed by a blank).
    public var tokens: [Token]
    /// The word under the cursor, if the cursor is inside one (nil after a blank).
    public var current: Token?
    /// The quote still open in the current word, if any.
    public var openQuote: Character?
    /// The cursor is on the file name of a `>` redirect.
    public var afterRedirect: Bool
}
