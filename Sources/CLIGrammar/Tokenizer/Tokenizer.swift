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
        var scanner = Scanner(text)
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
        var scanner = Scanner(text)
        do { try scanner.run() } catch { return .complete }
        return scanner.ending
    }

    /// The words before the cursor and the word being typed, for completion.
    ///
    /// Never throws: an operator or open quote simply ends up in `current`.
    public static func partial(_ textBeforeCursor: String) -> PartialLine {
        var scanner = Scanner(textBeforeCursor, lenient: true)
        try? scanner.run()
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

/// The character-level state machine behind `Tokenizer`.
struct Scanner {
    let chars: [Character]
    let lenient: Bool
    var index = 0
    var tokens: [Token] = []
    var redirect: OutputRedirect?
    var pendingRedirect: OutputRedirect?
    var redirectWordInProgress = false
    var word = ""
    var wordQuoted = false
    var wordStart = 0
    var inWord = false
    var ending: LineStatus = .complete
    var openQuoteOffset: Int?
    var openQuoteChar: Character?

    init(_ text: String, lenient: Bool = false) {
        chars = Array(text)
        self.lenient = lenient
    }

    mutating func run() throws(CLIError) {
        while index < chars.count {
            let c = chars[index]
            switch c {
            case " ", "\t", "\n", "\r\n", "\r":
                finishWord()
                index += 1
            case "#" where !inWord:
                while index < chars.count, chars[index] != "\n" { index += 1 }
            case "\\":
                startWord()
                if index + 1 >= chars.count {
                    ending = .continuesAfterBackslash
                    index += 1
                    // An empty word started only by the backslash is not a word.
                    if word.isEmpty && !wordQuoted { inWord = false }
                    return
                }
                let next = chars[index + 1]
                if next == "\n" || next == "\r\n" {
                    // Line continuation: the backslash and the newline vanish.
                    index += 2
                    if word.isEmpty && !wordQuoted { inWord = false }
                } else {
                    word.append(next)
                    wordQuoted = true
                    index += 2
                }
            case "'":
                startWord()
                wordQuoted = true
                let open = index
                index += 1
                while index < chars.count, chars[index] != "'" {
                    word.append(chars[index])
                    index += 1
                }
                if index >= chars.count {
                    openQuote("'", at: open)
                    return
                }
                index += 1
            case "\"":
                startWord()
                wordQuoted = true
                let open = index
                index += 1
                var closed = false
                while index < chars.count {
                    let d = chars[index]
                    if d == "\"" {
                        closed = true
                        index += 1
                        break
                    }
                    if d == "\\", index + 1 < chars.count {
                        let e = chars[index + 1]
                        if e == "\n" || e == "\r\n" {
                            index += 2
                            continue
                        }
                        if e == "\"" || e == "\\" || e == "$" || e == "`" {
                            word.append(e)
                            index += 2
                            continue
                        }
                    }
                    word.append(d)
                    index += 1
                }
                if !closed {
                    openQuote("\"", at: open)
                    return
                }
            case ">":
                try redirectOperator()
            case "|", ";", "&", "<":
                if lenient {
                    startWord()
                    word.append(c)
                    index += 1
                } else {
                    throw CLIError.usage(Self.operatorMessage(c))
                }
            default:
                startWord()
                word.append(c)
                index += 1
            }
        }
        finishWord()
    }

    private mutating func openQuote(_ q: Character, at offset: Int) {
        ending = .openQuote(q)
        openQuoteOffset = offset
        openQuoteChar = q
    }

    private mutating func startWord() {
        if !inWord {
            inWord = true
            wordStart = index
            word = ""
            wordQuoted = false
            if pendingRedirect != nil { redirectWordInProgress = true }
        }
    }

    private mutating func finishWord() {
        guard inWord else { return }
        inWord = false
        if var target = pendingRedirect {
            target.path = word
            redirect = target
            pendingRedirect = nil
            redirectWordInProgress = false
            return
        }
        tokens.append(Token(word, isQuoted: wordQuoted, start: wordStart, end: index))
    }

    private mutating func redirectOperator() throws(CLIError) {
        // `2>` (standard error) and `1>` are file-descriptor redirects in a shell.
        if inWord, !wordQuoted, word == "1" || word == "2" {
            if word == "2" && !lenient {
                throw CLIError.usage("only standard output can be redirected (> FILE or >> FILE); "
                                         + "errors always go to the screen")
            }
            inWord = false
        } else {
            finishWord()
        }
        if pendingRedirect != nil || redirect != nil {
            if lenient { index += 1; return }
            throw CLIError.usage("only one output redirection is allowed per command")
        }
        var append = false
        index += 1
        if index < chars.count, chars[index] == ">" {
            append = true
            index += 1
        }
        pendingRedirect = OutputRedirect(path: "", append: append)
    }

    static func operatorMessage(_ c: Character) -> String {
        switch c {
        case "|":
            return "pipes (|) are not supported: KMS Drill runs one command at a time. Use --query to "
                + "pick values out of the output, and quote the text if the | belongs to a value"
        case ";", "&":
            return "'\(c)' cannot join commands here: put each command on its own line, "
                + "and quote the text if the \(c) belongs to a value"
        default:
            return "input redirection (<) is not supported: pass file contents with file:// or fileb://"
        }
    }
}
