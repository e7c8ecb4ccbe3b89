import Testing

@testable import CLIGrammar

struct TokenizerTests {
    func words(_ line: String) throws -> [String] { try Tokenizer.tokenize(line).words }

    @Test func splitsOnBlanksAndRemovesQuotes() throws {
        #expect(try words("kms  encrypt\t--key-id alias/app") == ["kms", "encrypt", "--key-id", "alias/app"])
        #expect(try words("a 'b c' \"d e\" f\\ g") == ["a", "b c", "d e", "f g"])
        #expect(try words("'it'\\''s'") == ["it's"])
        #expect(try words("\"say \\\"hi\\\" \\\\ \\$HOME \\n\"") == ["say \"hi\" \\ $HOME \\n"])
        #expect(try words("'no \\escapes here'") == ["no \\escapes here"])
        #expect(try words("--query 'Keys[?KeyId==`x`]|[0]'") == ["--query", "Keys[?KeyId==`x`]|[0]"])
        #expect(try words("''") == [""], "an empty quoted word is a word")
        #expect(try words("a\"b\"'c'") == ["abc"], "adjacent quoted parts join")
        #expect(try words("--tags '{\"a\": 1}'") == ["--tags", "{\"a\": 1}"])
    }

    @Test func keepsWordOffsetsForCompletion() throws {
        let line = try Tokenizer.tokenize("kms 'en crypt' x")
        #expect(line.tokens.map(\.start) == [0, 4, 15])
        #expect(line.tokens.map(\.end) == [3, 14, 16])
        #expect(line.tokens.map(\.isQuoted) == [false, true, false])
    }

    @Test func commentsStartOnlyAtAWordStart() throws {
        #expect(try words("kms list-keys # all keys") == ["kms", "list-keys"])
        #expect(try words("# a whole comment").isEmpty)
        #expect(try words("a#b '#c' \\#d") == ["a#b", "#c", "#d"])
        #expect(try Tokenizer.tokenize("   ").isEmpty)
    }

    @Test func recognisesOutputRedirection() throws {
        let plain = try Tokenizer.tokenize("kms list-keys > keys.json")
        #expect(plain.words == ["kms", "list-keys"])
        #expect(plain.redirect == OutputRedirect(path: "keys.json", append: false))
        let append = try Tokenizer.tokenize("kms list-keys>>'my keys.json'")
        #expect(append.words == ["kms", "list-keys"])
        #expect(append.redirect == OutputRedirect(path: "my keys.json", append: true))
        #expect(try Tokenizer.tokenize("echo 1> out").redirect == OutputRedirect(path: "out", append: false))
        let quoted = try Tokenizer.tokenize("x '>' \">>\" a\\>b")
        #expect(quoted.words == ["x", ">", ">>", "a>b"])
        #expect(quoted.redirect == nil)
    }

    @Test func refusesWhatNeedsAShell() throws {
        for line in ["a | b", "a; b", "a && b", "a < in.txt", "a 2> err.txt", "a --key-id $(b c)", "a --key-id `b c`"] {
            #expect(throws: CLIError.self, "\(line)") { try Tokenizer.tokenize(line) }
        }
        #expect(throws: CLIError.self) { try Tokenizer.tokenize("kms list-keys >") }
        // Quoted, or a $ not opening a substitution, they are text.
        #expect(try words("a '$(b)' \"$(c)\" \\`d price$5") == ["a", "$(b)", "$(c)", "`d", "price$5"])
        #expect(throws: CLIError.self) { try Tokenizer.tokenize("a > x > y") }
    }

    @Test func reportsUnfinishedInput() throws {
        #expect(Tokenizer.status(of: "kms encrypt \\") == .continuesAfterBackslash)
        #expect(Tokenizer.status(of: "kms encrypt --plaintext 'abc") == .openQuote("'"))
        #expect(Tokenizer.status(of: "kms encrypt --plaintext \"abc") == .openQuote("\""))
        #expect(Tokenizer.status(of: "kms encrypt 'a\\'") == .complete, "no escapes in single quotes")
        #expect(Tokenizer.status(of: "kms list-keys") == .complete)
        #expect(Tokenizer.status(of: "a | b") == .complete, "syntax errors are for tokenize to report")
        // Joined as the REPL joins them.
        #expect(try words("kms encrypt \\\n  --key-id k") == ["kms", "encrypt", "--key-id", "k"])
        #expect(try words("--policy '{\n  \"a\": 1\n}'") == ["--policy", "{\n  \"a\": 1\n}"])
        #expect(try words("ab\\\ncd") == ["abcd"])
    }

    @Test func unterminatedQuotesAreClearErrors() {
        do {
            _ = try Tokenizer.tokenize("kms encrypt --plaintext 'abc")
            Issue.record("must throw")
        } catch {
            #expect(error.kind == .incompleteInput)
            #expect(error.message == "unterminated single quote (') opened at column 25; close it with '")
            #expect(error.exitStatus == 252)
        }
    }

    @Test func partialLinesForCompletion() {
        let p = Tokenizer.partial("kms encrypt --key-id al")
        #expect(p.tokens.map(\.text) == ["kms", "encrypt", "--key-id"])
        #expect(p.current?.text == "al")
        #expect(p.current?.start == 21)
        let afterBlank = Tokenizer.partial("kms ")
        #expect(afterBlank.current == nil)
        let quoted = Tokenizer.partial("kms encrypt --plaintext 'fileb://my f")
        #expect(quoted.current?.text == "fileb://my f")
        #expect(quoted.openQuote == "'")
        #expect(Tokenizer.partial("kms list-keys > ke").afterRedirect)
        #expect(Tokenizer.partial("a | b").current?.text == "b", "lenient: never throws")
    }
}
