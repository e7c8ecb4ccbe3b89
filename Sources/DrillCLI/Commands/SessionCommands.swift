import CLIGrammar

/// `exit` (the REPL loop acts on it; elsewhere it ends a script).
enum SessionCommands: CommandGroup {
    static let specs = [
        CommandSpec(name: "exit", summary: "Leave KMS Drill (Ctrl-D does the same)", aliases: ["quit"]),
    ]

    static let handlers: [String: CommandHandler] = [
        "exit": { _, c in
            c.runner.exitRequested = true
            return ExitStatus.success
        },
    ]
}
