/// A command line that cannot run: what is wrong, how to fix it, and the exit status.
///
/// Every parsing failure in this module ends here, and its text is produced in one place
/// (`rendered`), in the AWS CLI's shapes: argument errors get the usage block and a
/// `kmsdrill: error:` line; parameter parsing and validation errors are printed after a blank
/// line, as the AWS CLI prints `Error parsing parameter ...` and `Parameter validation failed:`.
public struct CLIError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Wrong words: unknown command, operation or option, missing required argument, bad choice.
        case usage
        /// A value that cannot be read: bad shorthand or JSON, unreadable `file://`, bad base64.
        case parameter
        /// botocore-style client-side validation of the request against the model.
        case validation
        /// The line is not finished: an open quote or a trailing backslash.
        case incompleteInput
    }

    /// What kind of failure, which decides how `rendered` shapes the text.
    public let kind: Kind
    /// The message without decoration, e.g. `the following arguments are required: --key-id`.
    public let message: String
    /// The command words the error belongs to (`["kms", "encrypt"]`), for the usage block.
    public let commandPath: [String]
    /// The usage line to show, e.g. `kms <operation> [parameters]`; nil for the generic one.
    public let synopsis: String?

    /// The AWS CLI's exit status for a command line it refuses (v2: 252).
    public var exitStatus: Int32 { 252 }

    public init(_ kind: Kind, _ message: String, commandPath: [String] = [], synopsis: String? = nil) {
        self.kind = kind
        self.message = message
        self.commandPath = commandPath
        self.synopsis = synopsis
    }

    static func usage(_ message: String, path: [String] = [], synopsis: String? = nil) -> CLIError {
        CLIError(.usage, message, commandPath: path, synopsis: synopsis)
    }

    /// `Error parsing parameter '--x': message`, as the AWS CLI words a value it cannot read.
    static func parameter(_ cliName: String, _ message: String) -> CLIError {
        CLIError(.parameter, "Error parsing parameter '\(cliName)': \(message)")
    }

    /// The program name used in `kmsdrill: error:` lines.
    public static let programName = "kmsdrill"

    /// The text to write to standard error, ending with a newline.
    public var rendered: String {
        switch kind {
        case .usage:
            var out = "usage: " + (synopsis ?? Self.genericSynopsis(commandPath)) + "\n"
            out += "To see help text, you can run:\n\n"
            out += "  help\n"
            for i in 0..<min(commandPath.count, 2) {
                out += "  help " + commandPath[0...i].joined(separator: " ") + "\n"
            }
            out += "\n\(Self.programName): error: \(message)\n"
            return out
        case .parameter, .validation:
            return "\n" + message + "\n"
        case .incompleteInput:
            return "\(Self.programName): error: \(message)\n"
        }
    }

    public var description: String { message }

    static func genericSynopsis(_ path: [String]) -> String {
        switch path.count {
        case 0: return "<command> [<subcommand> ...] [parameters]"
        case 1: return "\(path[0]) <subcommand> [parameters]"
        default: return path.joined(separator: " ") + " [parameters]"
        }
    }
}
