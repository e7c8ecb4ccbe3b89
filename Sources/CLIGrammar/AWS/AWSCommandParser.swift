import AWSModel
import Wire

/// Parses `<service> <operation> [options]` into an `AWSInvocation`, as the AWS CLI v2 would.
struct AWSCommandParser {
    let model: ServiceModel
    let context: ParseContext

    /// `words` are the words after the service name; `globals` already holds options seen before it.
    func parse(_ words: [String], globals initial: GlobalOptions) throws(CLIError) -> ParsedLine {
        var globals = initial
        let rest = try GlobalOptionScanner.extract(words, into: &globals, path: [model.cliName])
        guard let first = rest.first else {
            throw CLIError.usage("the following arguments are required: operation", path: [model.cliName],
                                 synopsis: synopsis)
        }
        if first == "help" { return .help(.service(model.cliName)) }
        guard !OptionWords.isOptionLike(first) else {
            throw CLIError.usage("the following arguments are required: operation (an operation comes before its "
                                 + "options, e.g. \(model.cliName) \(model.operations.first?.cliName ?? "help") ...)",
                                 path: [model.cliName], synopsis: synopsis)
        }
        guard let operation = model.operation(cliName: first) else {
            var message = "unknown operation: \(first)"
            if let hint = Suggestions.didYouMean(first, among: model.operations.map(\.cliName)) {
                message += "; " + hint
            } else {
                message += "; run 'help \(model.cliName)' to list the operations"
            }
            throw CLIError.usage(message, path: [model.cliName], synopsis: synopsis)
        }
        if let query = globals.query, let check = context.checkQuery {
            do {
                try check(query)
            } catch {
                throw CLIError.usage("argument --query: Bad value for --query \(query): \(error)",
                                     path: [model.cliName, operation.cliName])
            }
        }
        let table = OperationArguments(model: model, operation: operation)
        return try OperationLineParser(table: table, context: context, globals: globals).parse(Array(rest.dropFirst()))
    }

    var synopsis: String { "\(model.cliName) <operation> [parameters]" }
}

/// How argparse tells options from values.
enum OptionWords {
    /// `--name`, `--name=value` and `-x` are options; `-`, negative numbers and words with blanks
    /// before any `=` are values.
    static func isOptionLike(_ word: String) -> Bool {
        guard word.count > 1, word.first == "-" else { return false }
        if word.prefix(while: { $0 != "=" }).contains(" ") { return false }
        return !isNegativeNumber(word)
    }

    static func isNegativeNumber(_ word: String) -> Bool {
        let body = word.dropFirst()
        guard word.first == "-", !body.isEmpty else { return false }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        if parts.count == 1 { return parts[0].allSatisfy(\.isASCIIDigit) && !parts[0].isEmpty }
        return parts[0].allSatisfy(\.isASCIIDigit) && !parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit)
    }

    /// `--name=value` -> ("name", "value"); `--name` -> ("name", nil).
    static func split(_ word: String) -> (name: String, inline: String?) {
        let body = word.hasPrefix("--") ? String(word.dropFirst(2)) : String(word.dropFirst())
        if let eq = body.firstIndex(of: "=") {
            return (String(body[..<eq]), String(body[body.index(after: eq)...]))
        }
        return (body, nil)
    }
}

/// Takes the global options (`--output`, `--query`, `--profile`, ...) out of a word list wherever
/// they are, as the AWS CLI's main parser does before the service sees the rest.
enum GlobalOptionScanner {
    static func extract(_ words: [String], into globals: inout GlobalOptions, path: [String]) throws(CLIError) -> [String] {
        var rest: [String] = []
        var i = 0
        while i < words.count {
            if try !consume(words, at: &i, into: &globals, path: path) {
                rest.append(words[i])
                i += 1
            }
        }
        return rest
    }

    /// Applies the global option at `index` and moves past it (and its value); false if the word
    /// there is not a global option.
    static func consume(_ words: [String], at index: inout Int, into globals: inout GlobalOptions,
                        path: [String]) throws(CLIError) -> Bool {
        let word = words[index]
        guard word.hasPrefix("--") else { return false }
        let (name, inline) = OptionWords.split(word)
        guard let spec = GlobalOptions.spec(name) else { return false }
        if spec.valueType == .flag {
            if let inline {
                throw CLIError.usage("argument --\(name): ignored explicit argument '\(inline)'", path: path)
            }
            try globals.apply(name, value: nil)
            index += 1
        } else if let inline {
            try globals.apply(name, value: inline)
            index += 1
        } else {
            guard index + 1 < words.count, !OptionWords.isOptionLike(words[index + 1]) else {
                throw CLIError.usage("argument --\(name): expected one argument", path: path)
            }
            try globals.apply(name, value: words[index + 1])
            index += 2
        }
        return true
    }
}
