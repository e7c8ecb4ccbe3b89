import Foundation
import Wire

/// Parses the words of a drill command against its `CommandSpec`, with the same conventions as
/// the AWS commands: `--name value` or `--name=value`, flags without values (`--no-name` to turn
/// one off), lists that take words up to the next option, `help` or `--help` anywhere.
struct CommandSpecParser {
    let context: ParseContext

    func parse(_ root: CommandSpec, words: [String]) throws(CLIError) -> ParsedLine {
        var path = [root.name]
        var spec = root
        var rest = words[...]
        // Walk down the subcommands.
        while !spec.subcommands.isEmpty, let word = rest.first, !OptionWords.isOptionLike(word) {
            if word == "help" { return .help(.command(path)) }
            if let sub = spec.subcommand(word) {
                path.append(sub.name)
                spec = sub
                rest = rest.dropFirst()
                continue
            }
            if spec.positionals.isEmpty {
                var message = "unknown subcommand: \(path.joined(separator: " ")) \(word)"
                if let hint = Suggestions.didYouMean(word, among: spec.visibleSubcommandNames) {
                    message += "; " + hint
                } else {
                    message += "; valid subcommands are: " + spec.visibleSubcommandNames.joined(separator: ", ")
                }
                throw CLIError.usage(message, path: path, synopsis: Self.synopsis(spec, path: path))
            }
            break
        }
        if !spec.subcommands.isEmpty, spec.options.isEmpty, spec.positionals.isEmpty {
            if rest.contains("--help") || rest.contains("-h") { return .help(.command(path)) }
            throw CLIError.usage("the following arguments are required: subcommand (one of: "
                                 + spec.visibleSubcommandNames.joined(separator: ", ") + ")",
                                 path: path, synopsis: Self.synopsis(spec, path: path))
        }
        return try parseArguments(spec, path: path, words: Array(rest))
    }

    private func parseArguments(_ spec: CommandSpec, path: [String], words: [String]) throws(CLIError) -> ParsedLine {
        var values: [String: ArgumentValue] = [:]
        var positionalWords: [String] = []
        var unknown: [String] = []
        var i = 0
        let synopsis = Self.synopsis(spec, path: path)
        func fail(_ message: String) -> CLIError { CLIError.usage(message, path: path, synopsis: synopsis) }
        while i < words.count {
            let word = words[i]
            i += 1
            if word == "--help" || word == "-h" || word == "help" { return .help(.command(path)) }
            guard OptionWords.isOptionLike(word) else {
                positionalWords.append(word)
                continue
            }
            let (name, inline) = OptionWords.split(word)
            var option = spec.option(name)
            var negated = false
            if option == nil, name.hasPrefix("no-"), let positive = spec.option(String(name.dropFirst(3))),
                positive.valueType == .flag
            {
                option = positive
                negated = true
            }
            guard word.hasPrefix("--"), let option else {
                unknown.append(word)
                continue
            }
            if option.valueType == .flag {
                if let inline { throw fail("argument --\(name): ignored explicit argument '\(inline)'") }
                values[option.name] = .flag(!negated)
                continue
            }
            var texts: [String] = []
            if case .list = option.valueType {
                if let inline { texts.append(inline) }
                while i < words.count, !OptionWords.isOptionLike(words[i]) {
                    texts.append(words[i])
                    i += 1
                }
            } else if let inline {
                texts = [inline]
            } else {
                guard i < words.count, !OptionWords.isOptionLike(words[i]) else {
                    throw fail("argument --\(option.name): expected one argument")
                }
                texts = [words[i]]
                i += 1
            }
            let value = try convert(texts, type: option.valueType, label: "argument --\(option.name)", path: path,
                                    synopsis: synopsis)
            if option.isRepeatable {
                var items: [ArgumentValue] = []
                if case .list(let existing)? = values[option.name] { items = existing }
                if case .list(let added) = value { items += added } else { items.append(value) }
                values[option.name] = .list(items)
            } else {
                values[option.name] = value
            }
        }
        if !unknown.isEmpty {
            var message = "Unknown options: " + unknown.joined(separator: ", ")
            let found = Suggestions.closest(to: OptionWords.split(unknown[0]).name, among: spec.options.map(\.name))
            if !found.isEmpty { message += ", did you mean " + Suggestions.orList(found.map { "--" + $0 }) + "?" }
            throw fail(message)
        }
        // Positionals in order; a variadic one takes the rest.
        var index = 0
        for positional in spec.positionals {
            guard index < positionalWords.count else { break }
            let texts = positional.isVariadic ? Array(positionalWords[index...]) : [positionalWords[index]]
            index += texts.count
            let type: ValueType = positional.isVariadic ? .list(positional.valueType) : positional.valueType
            values[positional.name] = try convert(texts, type: type, label: "argument \(positional.name)", path: path,
                                                  synopsis: synopsis)
        }
        if index < positionalWords.count {
            let extra = positionalWords[index...].joined(separator: " ")
            var message = "unrecognized arguments: \(extra)"
            if !spec.subcommands.isEmpty, let hint = Suggestions.didYouMean(positionalWords[index], among: spec.visibleSubcommandNames) {
                message += "; " + hint
            }
            throw fail(message)
        }
        let missing = spec.options.filter { $0.isRequired && values[$0.name] == nil }.map(\.cliName)
            + spec.positionals.filter { $0.isRequired && values[$0.name] == nil }.map(\.name)
        if !missing.isEmpty {
            throw fail("the following arguments are required: " + missing.joined(separator: ", "))
        }
        return .command(ParsedCommand(path: path, values: values))
    }

    /// `usage:` line for a command: `clock advance <duration> [--quiet]`.
    static func synopsis(_ spec: CommandSpec, path: [String]) -> String {
        var parts = [path.joined(separator: " ")]
        if !spec.subcommands.isEmpty && spec.positionals.isEmpty && spec.options.isEmpty {
            parts.append("<subcommand>")
        }
        for p in spec.positionals {
            let word = "<\(p.name)>" + (p.isVariadic ? " ..." : "")
            parts.append(p.isRequired ? word : "[\(word)]")
        }
        for o in spec.options {
            let word = o.valueType == .flag ? o.cliName : "\(o.cliName) <\(o.valueName ?? "value")>"
            parts.append(o.isRequired ? word : "[\(word)]")
        }
        return parts.joined(separator: " ")
    }
}
