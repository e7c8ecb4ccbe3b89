import AWSModel

/// What one command line asks for.
public enum ParsedLine: Sendable {
    /// A blank line or a comment: do nothing, exit status 0.
    case empty
    /// An AWS operation (or its skeleton).
    case aws(AWSInvocation)
    /// A drill command.
    case command(ParsedCommand)
    /// Help text for a topic.
    case help(HelpTopic)
}

/// What `help` was asked about.
public enum HelpTopic: Sendable, Equatable {
    /// `help`: every command and service.
    case overview
    /// `help kms`, `kms help`.
    case service(String)
    /// `help kms encrypt`, `kms encrypt help`.
    case operation(service: String, operation: String)
    /// `help clock`, `clock advance --help`: a drill command path.
    case command([String])
}

/// The whole command language of KMS Drill: the drill commands the program declares, the AWS
/// services of the embedded models, `help`, and the AWS CLI's global options.
///
/// The REPL, `-c`, scripts and piped input all go through `parse(line:context:)`, so the same line
/// means the same thing everywhere.
public struct CommandLineGrammar: Sendable {
    public let commands: [CommandSpec]
    /// AWS CLI service commands offered (`kms`, `s3api`, ...).
    public let services: [String]
    /// Hand-written help examples by `service operation` (`"kms encrypt"`), shown under EXAMPLES.
    public let examples: [String: [ExampleSpec]]

    public init(commands: [CommandSpec], services: [String] = ServiceCatalog.serviceCommands,
                examples: [String: [ExampleSpec]] = [:]) {
        self.commands = commands
        self.services = services
        self.examples = examples
    }

    /// Tokenizes and parses one command line. The redirect, if any, comes back beside the result.
    public func parse(line: String, context: ParseContext = ParseContext()) throws(CLIError) -> (ParsedLine, OutputRedirect?) {
        let tokenized = try Tokenizer.tokenize(line)
        return (try parse(tokenized.words, context: context), tokenized.redirect)
    }

    /// Parses words already split by the tokenizer (or given as process arguments).
    public func parse(_ words: [String], context: ParseContext = ParseContext()) throws(CLIError) -> ParsedLine {
        var globals = context.defaults
        // Global options may come before the service (`--output text kms list-keys`).
        var index = 0
        while index < words.count, try GlobalOptionScanner.consume(words, at: &index, into: &globals, path: []) {}
        let rest = Array(words[min(index, words.count)...])
        guard let first = rest.first else {
            if index == 0 { return .empty }
            throw CLIError.usage("the following arguments are required: command (global options such as "
                                 + "\(words[0]) go with an AWS command, e.g. kms list-keys \(words[0]) ...)")
        }
        if first == "help" || first == "--help" || first == "-h" {
            return try helpTopic(Array(rest.dropFirst()))
        }
        // An AWS CLI customization (a command the CLI adds to a service, like cloudtrail
        // validate-logs) is declared as a hidden drill command of the service's name.
        if services.contains(first), rest.count > 1, let custom = command(first), custom.subcommand(rest[1]) != nil {
            return try CommandSpecParser(context: context).parse(custom, words: Array(rest.dropFirst()))
        }
        if services.contains(first), let model = ServiceModels.model(first) {
            return try AWSCommandParser(model: model, context: context).parse(Array(rest.dropFirst()), globals: globals)
        }
        if let spec = command(first) {
            // Options typed before a drill command are its own options (it may declare --output).
            let own = Array(rest.dropFirst()) + Array(words[..<min(index, words.count)])
            return try CommandSpecParser(context: context).parse(spec, words: own)
        }
        throw CLIError.usage(unknownCommandMessage(first))
    }

    /// The drill command called `name` or one of its aliases.
    public func command(_ name: String) -> CommandSpec? {
        commands.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// Visible top-level names: drill commands, then services.
    public var topLevelNames: [String] {
        commands.filter { !$0.isHidden }.map(\.name) + ["help"] + services
    }

    private func unknownCommandMessage(_ word: String) -> String {
        var message = "unknown command: \(word)"
        let candidates = topLevelNames + commands.flatMap(\.aliases)
        if let hint = Suggestions.didYouMean(word, among: candidates) {
            message += "; " + hint
        } else if word == "aws" {
            message += "; type the command without 'aws' (e.g. kms list-keys)"
        } else {
            message += "; type 'help' to list the commands"
        }
        return message
    }

    private func helpTopic(_ words: [String]) throws(CLIError) -> ParsedLine {
        let topic = words.filter { !OptionWords.isOptionLike($0) }
        guard let first = topic.first else { return .help(.overview) }
        if services.contains(first), topic.count > 1, let custom = command(first), custom.subcommand(topic[1]) != nil {
            return .help(.command([first, topic[1]]))
        }
        if services.contains(first), let model = ServiceModels.model(first) {
            guard topic.count > 1 else { return .help(.service(first)) }
            guard model.operation(cliName: topic[1]) != nil else {
                var message = "unknown operation: \(topic[1])"
                if let hint = Suggestions.didYouMean(topic[1], among: model.operations.map(\.cliName)) {
                    message += "; " + hint
                }
                throw CLIError.usage(message, path: [first])
            }
            return .help(.operation(service: first, operation: topic[1]))
        }
        if let spec = command(first) {
            var path = [spec.name]
            var current = spec
            for word in topic.dropFirst() {
                guard let sub = current.subcommand(word) else {
                    var message = "no help for \(path.joined(separator: " ")) \(word)"
                    if let hint = Suggestions.didYouMean(word, among: current.visibleSubcommandNames) { message += "; " + hint }
                    throw CLIError.usage(message, path: path)
                }
                path.append(sub.name)
                current = sub
            }
            return .help(.command(path))
        }
        throw CLIError.usage("no help for '\(first)': " + unknownCommandMessage(first).dropFirst("unknown command: \(first); ".count))
    }
}

/// The AWS services KMS Drill simulates, by AWS CLI command name.
public enum ServiceCatalog {
    /// `kms`, `s3api`, `ec2`, `rds`, `dynamodb`, `iam`, `sts`, `cloudtrail`.
    public static var serviceCommands: [String] {
        ServiceModels.services.map { $0 == "s3" ? "s3api" : $0 }
    }
}
