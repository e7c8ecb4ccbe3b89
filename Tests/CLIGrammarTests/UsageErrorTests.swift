import Testing

@testable import CLIGrammar

/// Wrong command lines: the message names the problem and the fix, the exit status is 252, and
/// nothing crashes.
struct UsageErrorTests {
    func failure(_ line: String) -> CLIError? {
        do {
            _ = try testGrammar.parse(line: line)
            Issue.record("expected an error for: \(line)")
            return nil
        } catch {
            return error
        }
    }

    @Test func unknownOperationSuggestsTheClosest() {
        let error = failure("kms crate-key")
        #expect(error?.message == "unknown operation: crate-key; did you mean create-key?")
        #expect(error?.exitStatus == 252)
        #expect(error?.rendered == """
            usage: kms <operation> [parameters]
            To see help text, you can run:

              help
              help kms

            kmsdrill: error: unknown operation: crate-key; did you mean create-key?

            """)
        #expect(failure("kms zzzzzzzzz")?.message == "unknown operation: zzzzzzzzz; run 'help kms' to list the operations")
    }

    @Test func unknownOptionsSuggestTheClosest() {
        #expect(failure("kms encrypt --key alias/x --plaintext aGk=")?.message
            == "Unknown options: --key, did you mean --key-id?")
        #expect(failure("kms encrypt --key-id k --plaintext aGk= --encryption-contxt a=b")?.message
            == "Unknown options: --encryption-contxt, did you mean --encryption-context?")
        #expect(failure("kms encrypt --key-id k --plaintxt=s3cr3t")?.message
            == "Unknown options: --plaintxt, did you mean --plaintext?", "the value after an unknown option is never repeated")
        #expect(failure("kms list-keys --ouput json")?.message == "Unknown options: --ouput, did you mean --output?")
        #expect(failure("kms create-key --multi-region true")?.message
            == "Unknown options: true; --multi-region takes no value: write --multi-region or --no-multi-region")
        #expect(failure("kms list-keys extra")?.message == "Unknown options: extra")
        let rendered = failure("kms encrypt --key alias/x")?.rendered ?? ""
        #expect(rendered.hasPrefix("usage: kms encrypt [parameters]\n"))
        #expect(rendered.contains("  help kms encrypt\n"))
        #expect(rendered.hasSuffix("\nkmsdrill: error: Unknown options: --key, did you mean --key-id?\n"))
    }

    @Test func missingRequiredArgumentsAreListed() {
        #expect(failure("kms encrypt --plaintext aGk=")?.message == "the following arguments are required: --key-id")
        #expect(failure("kms encrypt")?.message == "the following arguments are required: --key-id, --plaintext")
        #expect(failure("kms")?.message == "the following arguments are required: operation")
        #expect(failure("kms --key-id x")?.message.hasPrefix("the following arguments are required: operation") == true)
        #expect(failure("kms encrypt --key-id")?.message == "argument --key-id: expected one argument")
        #expect(failure("kms encrypt --key-id --plaintext aGk=")?.message == "argument --key-id: expected one argument")
    }

    @Test func invalidChoicesListTheValidOnes() {
        #expect(failure("kms list-keys --output xml")?.message
            == "argument --output: Invalid choice 'xml', valid choices are: json, text, table, yaml, yaml-stream")
        #expect(failure("kms list-keys --output tabel")?.message.hasSuffix("; did you mean table?") == true)
        #expect(failure("kms list-keys --cli-binary-format raw")?.message.contains("base64, raw-in-base64-out") == true)
        #expect(failure("kms list-keys --no-paginate=yes")?.message == "argument --no-paginate: ignored explicit argument 'yes'")
    }

    @Test func unknownCommandsSuggestAndExplain() {
        #expect(failure("kmss list-keys")?.message == "unknown command: kmss; did you mean kms?")
        #expect(failure("clokc show")?.message == "unknown command: clokc; did you mean clock?")
        #expect(failure("aws kms list-keys")?.message == "unknown command: aws; type the command without 'aws' (e.g. kms list-keys)")
        #expect(failure("frobnicate")?.message == "unknown command: frobnicate; type 'help' to list the commands")
        #expect(failure("help kms crate-key")?.message == "unknown operation: crate-key; did you mean create-key?")
        #expect(failure("help clokc")?.message == "no help for 'clokc': did you mean clock?")
    }

    @Test func globalOptionsNeedACommand() {
        #expect(failure("--output text")?.message.hasPrefix("the following arguments are required: command") == true)
        #expect(failure("--output text clock show")?.message == "Unknown options: --output",
                "options before a drill command are its own, and clock show has none")
    }

    @Test func pagingConflictsAreRefused() {
        #expect(failure("kms list-keys --no-paginate --max-items 2")?.message
            == "Cannot specify --no-paginate along with pagination arguments: --max-items")
        #expect(failure("kms list-keys --max-items two")?.message == "argument --max-items: invalid int value: 'two'")
        #expect(failure("kms encrypt --key-id k --plaintext aGk= --max-items 2")?.message.hasPrefix("Unknown options: --max-items") == true,
                "only paginated operations have paging options")
    }

    @Test func helpWordsAreNotErrors() throws {
        for line in ["help", "help kms", "help kms encrypt", "kms help", "kms encrypt help", "kms encrypt --key-id k help",
                     "kms encrypt --help",
                     "clock help", "help clock advance", "clock advance --help"] {
            guard case .help = try testGrammar.parse(line: line).0 else {
                Issue.record("not help: \(line)")
                continue
            }
        }
        #expect(try testGrammar.parse(line: "kms encrypt help").0 == .help(.operation(service: "kms", operation: "encrypt")))
        #expect(try testGrammar.parse(line: "help clock advance").0 == .help(.command(["clock", "advance"])))
        #expect(try testGrammar.parse(line: "# just a comment").0 == .empty)
    }

    /// Random word salad from the command vocabulary must end in a result or a CLIError, never a trap.
    @Test func arbitraryLinesNeverCrash() {
        let vocabulary = ["kms", "s3api", "ec2", "dynamodb", "iam", "sts", "cloudtrail", "rds", "help", "clock", "lab",
                          "quiz", "encrypt", "create-key", "list-keys", "put-item", "lookup-events", "--key-id", "--plaintext",
                          "--tags", "--output", "--query", "--max-items", "--starting-token", "--cli-input-json",
                          "--generate-cli-skeleton", "--encryption-context", "--item", "--no-paginate", "-", "--", "=", "",
                          "a=b", "{", "[1,", "aGk=", "-5", "fileb://x", "file://y", "Key=", "TagKey=a,TagValue=b", "output",
                          "advance", "90d", "start", "--count", "x", "--start-time", "2026-13-45"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let count = Int.random(in: 0...8, using: &generator)
            let words = (0..<count).map { _ in vocabulary.randomElement(using: &generator) ?? "" }
            do {
                _ = try testGrammar.parse(words)
            } catch {
                #expect(error.exitStatus == 252)
                #expect(!error.message.isEmpty)
            }
        }
    }
}

extension ParsedLine: Equatable {
    public static func == (a: ParsedLine, b: ParsedLine) -> Bool {
        switch (a, b) {
        case (.empty, .empty): return true
        case (.help(let x), .help(let y)): return x == y
        case (.command(let x), .command(let y)): return x == y
        case (.aws(let x), .aws(let y)): return x.commandLine == y.commandLine && x.input == y.input
        default: return false
        }
    }
}
