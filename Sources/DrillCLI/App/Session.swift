import CLIGrammar

/// What the person at the keyboard has chosen for this run: who they are, where, how output
/// looks. The REPL's `profile` command changes it; `--profile` on one command overrides it.
public struct Session: Sendable {
    public var profile: String = "default"
    public var region: String = "us-east-1"
    public var output: OutputFormat = .json
    /// The learner whose progress is recorded.
    public var learner: String = "default"
    /// The lab being worked on, if any (shown in the prompt).
    public var lab: String?

    public init() {}
}
