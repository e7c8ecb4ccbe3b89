import AWSModel

/// Supplies the values only the running program knows: key IDs, aliases, profiles, lessons, labs,
/// files in the working folder. The REPL implements it over the engine and the database.
public protocol CompletionProvider: Sendable {
    /// Values of `kind` that start with `prefix`, in the order to offer them.
    func values(for kind: CompletionKind, prefix: String) -> [String]
}

/// What Tab can put where the cursor is.
public struct CompletionResult: Sendable, Equatable {
    /// Whole words that may replace the word being typed, in order.
    public var candidates: [String]
    /// The word being completed as typed (quotes removed).
    public var word: String
    /// Character offset in the line where that word starts (the cursor position when it is empty).
    public var wordStart: Int
}

/// Completion for the command language: commands, operations, unused `--options`, enum values,
/// and dynamic values through a `CompletionProvider`. No terminal code: the REPL asks with the text
/// before the cursor and inserts what it chooses.
public struct Completer: Sendable {
    public let grammar: CommandLineGrammar
    public let provider: (any CompletionProvider)?

    public init(grammar: CommandLineGrammar, provider: (any CompletionProvider)? = nil) {
        self.grammar = grammar
        self.provider = provider
    }

    /// Common Regions, offered after `--region`.
    public static let regions = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2",
                                 "eu-central-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1"]

    /// The candidates for the word under the cursor, given the text before the cursor.
    public func complete(_ textBeforeCursor: String) -> CompletionResult {
        let partial = Tokenizer.partial(textBeforeCursor)
        let word = partial.current?.text ?? ""
        let start = partial.current?.start ?? textBeforeCursor.count
        let candidates: [String]
        if partial.afterRedirect {
            candidates = dynamic(.files, prefix: word)
        } else if let fileCandidates = paramFile(word) {
            candidates = fileCandidates
        } else {
            candidates = candidatesFor(words: partial.tokens.map(\.text), word: word)
        }
        var seen = Set<String>()
        let unique = candidates.filter { $0.hasPrefix(word) && seen.insert($0).inserted }
        return CompletionResult(candidates: unique, word: word, wordStart: start)
    }

    private func paramFile(_ word: String) -> [String]? {
        for prefix in ["fileb://", "file://"] where word.hasPrefix(prefix) {
            return dynamic(.files, prefix: String(word.dropFirst(prefix.count))).map { prefix + $0 }
        }
        return nil
    }

    private func dynamic(_ kind: CompletionKind, prefix: String) -> [String] {
        provider?.values(for: kind, prefix: prefix) ?? []
    }

    private func candidatesFor(words allWords: [String], word: String) -> [String] {
        // Global options before the command: complete their values, else skip them.
        var index = 0
        while index < allWords.count, allWords[index].hasPrefix("--"),
            let spec = GlobalOptions.spec(OptionWords.split(allWords[index]).name)
        {
            index += spec.valueType == .flag || allWords[index].contains("=") ? 1 : 2
        }
        if index > allWords.count, let last = allWords.last, let values = globalValue(after: last, prefix: word) {
            return values
        }
        let words = Array(allWords[min(index, allWords.count)...])
        guard let first = words.first else {
            if index > 0 { return grammar.services + globalOptionNames(used: Set(allWords)) }
            return grammar.topLevelNames + globalOptionNames(used: [])
        }
        if first == "help" { return helpTopics(Array(words.dropFirst())) }
        if grammar.services.contains(first), let model = ServiceModels.model(first) {
            return AWSCompletion(model: model, completer: self).candidates(Array(words.dropFirst()), word: word)
        }
        if let spec = grammar.command(first) {
            return commandCandidates(spec, words: Array(words.dropFirst()), word: word)
        }
        return []
    }

    private func helpTopics(_ words: [String]) -> [String] {
        guard let topic = words.first else { return grammar.topLevelNames.filter { $0 != "help" } }
        if words.count == 1 {
            if let model = ServiceModels.model(topic), grammar.services.contains(topic) { return model.operations.map(\.cliName) }
            if let spec = grammar.command(topic) { return spec.visibleSubcommandNames }
        }
        return []
    }

    /// Values for a global option's argument, or nil when `previous` is not one that takes a value.
    func globalValue(after previous: String, prefix: String) -> [String]? {
        guard previous.hasPrefix("--"), let spec = GlobalOptions.spec(String(previous.dropFirst(2))),
            spec.valueType != .flag
        else { return nil }
        if case .choice(let values) = spec.valueType { return values }
        if spec.name == "profile" { return dynamic(.profiles, prefix: prefix) }
        if spec.name == "region" { return Self.regions }
        return []
    }

    func globalOptionNames(used: Set<String>) -> [String] {
        GlobalOptions.specs.map { "--" + $0.name }.filter { !used.contains($0) }
    }

    func values(for kind: CompletionKind, prefix: String) -> [String] { dynamic(kind, prefix: prefix) }

    // MARK: drill commands

    private func commandCandidates(_ root: CommandSpec, words: [String], word: String) -> [String] {
        var spec = root
        var rest = words[...]
        while !spec.subcommands.isEmpty, let next = rest.first, let sub = spec.subcommand(next) {
            spec = sub
            rest = rest.dropFirst()
        }
        let args = Array(rest)
        // The value of the option just typed.
        if let last = args.last, OptionWords.isOptionLike(last), let option = spec.option(OptionWords.split(last).name),
            option.valueType != .flag
        {
            return valueCandidates(option.valueType, completion: option.completion, prefix: word)
        }
        if word.hasPrefix("-") {
            let used = Set(args.filter { $0.hasPrefix("--") }.map { OptionWords.split($0).name })
            return spec.options.filter { $0.isRepeatable || !used.contains($0.name) }.map(\.cliName) + ["--help"]
        }
        if !spec.subcommands.isEmpty && args.isEmpty {
            return spec.visibleSubcommandNames + (spec.positionals.first.map { valueCandidates($0.valueType, completion: $0.completion, prefix: word) } ?? [])
        }
        // Which positional is being typed: count the values so far, skipping options and their values.
        var count = 0
        var i = 0
        while i < args.count {
            if OptionWords.isOptionLike(args[i]) {
                if let option = spec.option(OptionWords.split(args[i]).name), option.valueType != .flag, !args[i].contains("=") {
                    i += 1
                }
            } else {
                count += 1
            }
            i += 1
        }
        if let positional = spec.positionals.indices.contains(count) ? spec.positionals[count]
            : spec.positionals.last.flatMap({ $0.isVariadic ? $0 : nil })
        {
            return valueCandidates(positional.valueType, completion: positional.completion, prefix: word)
        }
        return word.isEmpty ? spec.options.map(\.cliName) : []
    }

    func valueCandidates(_ type: ValueType, completion: CompletionKind?, prefix: String) -> [String] {
        var out: [String] = []
        switch type {
        case .choice(let values): out += values
        case .list(let element): return valueCandidates(element, completion: completion, prefix: prefix)
        case .blob: out += ["fileb://"]
        case .json, .map, .structure: out += ["file://"]
        default: break
        }
        if let completion { out += dynamic(completion, prefix: prefix) }
        return out
    }
}
