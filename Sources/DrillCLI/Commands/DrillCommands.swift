import CLIGrammar

/// Every drill command: its declaration (for the parser, help and completion) and its handler.
/// Adding a command means adding its file under Commands/ and one line in each list here.
enum DrillCommands {
    static let groups: [CommandGroup.Type] = [
        // In the order help lists them: learning first, then the tools, then leaving.
        StudyCommand.self, QuizCommand.self, ReviewCommand.self, ExamCommand.self, ProgressCommand.self, LearnerCommands.self,
        LabCommands.self, DrillCommand.self, GradeCommand.self,
        ClockCommand.self, ProfileCommands.self, ExplainCommand.self, FileCommands.self, ContentCommand.self,
        SessionCommands.self, CloudTrailCustomizations.self,
    ]

    static let specs: [CommandSpec] = groups.flatMap { $0.specs }

    static let handlers: [String: CommandHandler] = {
        var all: [String: CommandHandler] = [:]
        for group in groups {
            for (path, handler) in group.handlers { all[path] = handler }
        }
        return all
    }()
}

/// One file's worth of commands.
protocol CommandGroup: SendableMetatype {
    static var specs: [CommandSpec] { get }
    /// Handlers by command path (`"clock advance"`).
    static var handlers: [String: CommandHandler] { get }
}
