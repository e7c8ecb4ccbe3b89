/// The character-level state machine behind `Tokenizer`.
struct LineScanner {
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

    /// Scans the whole text; the word at the very end is finished only when `finishLastWord`
    /// (completion keeps it open: it is the word under the cursor).
    mutating func run(finishLastWord: Bool = true) throws(CLIError) {
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
            case "$" where !lenient && index + 1 < chars.count && chars[index + 1] == "(", "`" where !lenient:
                throw CLIError.usage(Self.substitutionMessage)
            default:
                startWord()
                word.append(c)
                index += 1
            }
        }
        if finishLastWord { finishWord() }
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

    /// Learners paste shell one-liners (`--key-id $(aws kms list-keys ...)`); without this the
    /// words inside the substitution became confusing option errors.
    static let substitutionMessage = "command substitution ($(...) or `...`) is a shell feature and KMS Drill has no shell: "
        + "run the inner command first (--query and --output text print just the value) and use what it prints, "
        + "or quote the text if it belongs to a value"

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
