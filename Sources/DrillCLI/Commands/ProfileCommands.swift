import CLIGrammar
import CloudSim
import KMSEngine

/// `profile [NAME]` and `whoami`: who the commands run as.
enum ProfileCommands: CommandGroup {
    static let specs = [
        CommandSpec(
            name: "profile", summary: "Show, list or switch the profile commands run as",
            description: """
                A profile names a principal: default (the administrator admin), each IAM user by name \
                (alice, bob, auditor, carol), each role by name (AppRole acts as a session of the role), \
                root (the root user of 111122223333) and partner (the root user of 444455556666). \
                --profile on a single command overrides it for that command only.
                """,
            options: [OptionSpec("list", .flag, summary: "List every profile and the principal it acts as")],
            positionals: [PositionalSpec("name", summary: "The profile to switch to", isRequired: false, completion: .profiles)],
            examples: [ExampleSpec(title: "Act as alice", command: "profile alice")]),
        CommandSpec(name: "whoami", summary: "Show the calling principal (like sts get-caller-identity)"),
    ]

    static let handlers: [String: CommandHandler] = [
        "profile": { p, c in
            if p.flag("list") { return try list(c) }
            if let name = p.string("name") {
                _ = try c.runner.requestContext(profile: name)  // fails clearly for an unknown profile
                c.runner.session.profile = name
            }
            return try whoami(c)
        },
        "whoami": { _, c in try whoami(c) },
    ]

    static func whoami(_ c: CommandContext) throws -> Int32 {
        let caller = try c.runner.requestContext().caller
        let kind: String
        switch caller.kind {
        case .root: kind = "the root user of account \(caller.accountId)"
        case .iamUser: kind = "IAM user \(caller.userName ?? "") in account \(caller.accountId)"
        case .assumedRole: kind = "a session of role \(caller.roleArn ?? "") in account \(caller.accountId)"
        case .awsService: kind = "an AWS service"
        }
        c.console.out("profile \(c.runner.session.profile): \(kind)\n  \(caller.arn)\n  Region \(c.runner.session.region)\n")
        return ExitStatus.success
    }

    static func list(_ c: CommandContext) throws -> Int32 {
        for name in try c.workbench.profiles.names() {
            let caller = try c.workbench.profiles.caller(for: name)
            let marker = name == c.runner.session.profile ? "*" : " "
            c.console.out("\(marker) \(name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(caller.arn)\n")
        }
        return ExitStatus.success
    }
}
