/// The declaration of one command: everything the parser, help and completion need.
///
/// Every plain KMS Drill command (`study`, `quiz`, `clock`, ...) is declared with this one type, so
/// that what the parser accepts, what `help` prints and what Tab offers can never disagree. A
/// command either has subcommands (`clock show`, `clock advance 90d`) or takes options and
/// positional arguments itself.
public struct CommandSpec: Sendable {
    /// The word that selects the command (`clock`).
    public var name: String
    /// One line for command lists: "Show or move the simulated clock".
    public var summary: String
    /// Paragraphs for help's DESCRIPTION (plain text; blank lines separate paragraphs).
    public var description: String
    public var subcommands: [CommandSpec]
    public var options: [OptionSpec]
    public var positionals: [PositionalSpec]
    public var examples: [ExampleSpec]
    /// Other names that select this command (`quit` for `exit`).
    public var aliases: [String]
    /// Hidden commands work but are not listed by help or completion.
    public var isHidden: Bool

    public init(name: String, summary: String, description: String = "", subcommands: [CommandSpec] = [],
                options: [OptionSpec] = [], positionals: [PositionalSpec] = [], examples: [ExampleSpec] = [],
                aliases: [String] = [], isHidden: Bool = false) {
        self.name = name
        self.summary = summary
        self.description = description
        self.subcommands = subcommands
        self.options = options
        self.positionals = positionals
        self.examples = examples
        self.aliases = aliases
        self.isHidden = isHidden
    }

    /// The subcommand called `name` or one of its aliases.
    public func subcommand(_ name: String) -> CommandSpec? {
        subcommands.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// The option called `name` (without dashes).
    public func option(_ name: String) -> OptionSpec? {
        options.first { $0.name == name }
    }

    /// Visible subcommand names, in declaration order.
    var visibleSubcommandNames: [String] { subcommands.filter { !$0.isHidden }.map(\.name) }
}

/// A `--name value` option of a command.
public struct OptionSpec: Sendable {
    /// The name without dashes (`limit` for `--limit`).
    public var name: String
    public var valueType: ValueType
    /// Help text (plain; blank lines separate paragraphs).
    public var summary: String
    public var isRequired: Bool
    /// May be given more than once; the values are collected into a list.
    public var isRepeatable: Bool
    /// Where completion finds values (`.lessons`), beyond the choices of a `.choice` type.
    public var completion: CompletionKind?
    /// The placeholder in the synopsis (`<value>` unless set).
    public var valueName: String?

    public init(_ name: String, _ valueType: ValueType = .string, summary: String = "", isRequired: Bool = false,
                isRepeatable: Bool = false, completion: CompletionKind? = nil, valueName: String? = nil) {
        self.name = name
        self.valueType = valueType
        self.summary = summary
        self.isRequired = isRequired
        self.isRepeatable = isRepeatable
        self.completion = completion
        self.valueName = valueName
    }

    /// `--name`.
    public var cliName: String { "--" + name }
}

/// A positional argument (`clock advance <duration>`, `lab start <lab>`).
public struct PositionalSpec: Sendable {
    public var name: String
    public var valueType: ValueType
    public var summary: String
    public var isRequired: Bool
    /// Takes all remaining words (only the last positional may).
    public var isVariadic: Bool
    public var completion: CompletionKind?

    public init(_ name: String, _ valueType: ValueType = .string, summary: String = "", isRequired: Bool = true,
                isVariadic: Bool = false, completion: CompletionKind? = nil) {
        self.name = name
        self.valueType = valueType
        self.summary = summary
        self.isRequired = isRequired
        self.isVariadic = isVariadic
        self.completion = completion
    }
}

/// A worked example shown under EXAMPLES in help.
public struct ExampleSpec: Sendable, Equatable {
    /// "To encrypt a file with a customer managed key".
    public var title: String
    /// Plain text explaining the example (optional).
    public var explanation: String
    /// The command, exactly as typed (may contain `\` line continuations).
    public var command: String
    /// What it prints, if worth showing.
    public var output: String?

    public init(title: String, explanation: String = "", command: String, output: String? = nil) {
        self.title = title
        self.explanation = explanation
        self.command = command
        self.output = output
    }
}
