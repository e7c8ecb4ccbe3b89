import CLIGrammar
import Foundation
import KMSEngine
import Storage
import Wire

/// `clock show|advance|set|freeze|resume`: the simulated time the engine runs on.
enum ClockCommand: CommandGroup {
    static let specs = [
        CommandSpec(
            name: "clock", summary: "Show or move the simulated clock",
            description: """
                KMS Drill runs on a simulated clock so you can watch a year of key rotation in a second. \
                Moving it forward makes whatever falls due happen at the moment it was due: automatic \
                rotations, and deletions at the end of their waiting period. The clock never moves backwards.
                """,
            subcommands: [
                CommandSpec(name: "show", summary: "Print the simulated time"),
                CommandSpec(name: "advance", summary: "Move the clock forward",
                            positionals: [PositionalSpec("duration", .duration, summary: "How far: 90d, 12h, 1y, 2w, 1d12h")],
                            examples: [ExampleSpec(title: "Watch a year of rotation", command: "clock advance 1y")]),
                CommandSpec(name: "set", summary: "Set the clock to a later time",
                            options: [OptionSpec("freeze", .flag, summary: "Stop the clock there (it does not tick on)")],
                            positionals: [PositionalSpec("time", .timestamp, summary: "ISO 8601, e.g. 2027-01-01T00:00:00Z")]),
                CommandSpec(name: "freeze", summary: "Stop the clock where it is"),
                CommandSpec(name: "resume", summary: "Let a frozen clock tick again"),
            ]),
    ]

    static let handlers: [String: CommandHandler] = [
        "clock": { _, c in try show(c) },
        "clock show": { _, c in try show(c) },
        "clock advance": { p, c in
            guard let seconds = p.duration("duration"), seconds > 0 else {
                throw DrillError("clock advance needs a duration such as 90d, 12h or 1y", status: ExitStatus.usage)
            }
            return try move(c, by: seconds) { try c.workbench.clock.advance(by: seconds) }
        },
        "clock set": { p, c in
            guard let when = p.timestamp("time") else {
                throw DrillError("clock set needs a time such as 2027-01-01T00:00:00Z", status: ExitStatus.usage)
            }
            return try move(c, by: nil) { try c.workbench.clock.set(to: when, frozen: p.flag("freeze") ? true : nil) }
        },
        "clock freeze": { _, c in
            try c.workbench.clock.set(to: c.workbench.clock.now(), frozen: true)
            return try show(c)
        },
        "clock resume": { _, c in
            try c.workbench.clock.resume()
            return try show(c)
        },
    ]

    static func show(_ c: CommandContext) throws -> Int32 {
        let now = c.workbench.clock.now()
        let drift = now.timeIntervalSince(Date())
        var note = "simulated"
        if case .frozen = try c.workbench.clock.mode() { note += ", frozen" }
        if abs(drift) >= 60 { note += "; \(Self.describe(abs(drift))) \(drift > 0 ? "ahead of" : "behind") the wall clock" }
        c.console.out("\(Timestamp.cli(now)) (\(note))\n")
        return ExitStatus.success
    }

    /// Moves the clock, lets what fell due happen, and says what happened.
    static func move(_ c: CommandContext, by requested: TimeInterval?, _ change: () throws -> Void) throws -> Int32 {
        let before = c.workbench.clock.now()
        do {
            try change()
        } catch let e as HomeClock.BackwardsError {
            throw DrillError(e.description, status: ExitStatus.usage)
        }
        let after = c.workbench.clock.now()
        try c.engine.settleDueEvents(until: after)
        c.console.out("Clock moved \(describe(requested ?? after.timeIntervalSince(before))) forward to \(Timestamp.cli(after)).\n")
        let happened = try c.workbench.database.serviceEvents(from: before, through: after)
        for event in happened {
            c.console.out("  \(Timestamp.cli(event.time))  \(event.name == "RotateKey" ? "rotated" : "deleted")  \(event.keyArn)\n")
        }
        if happened.isEmpty { c.console.out("  Nothing fell due in between.\n") }
        return ExitStatus.success
    }

    static func describe(_ seconds: TimeInterval) -> String {
        let days = seconds / 86400
        if days >= 1 {
            return abs(days - days.rounded()) < 0.001 ? "\(Int(days.rounded())) day\(days.rounded() == 1 ? "" : "s")" : String(format: "%.1f days", days)
        }
        let hours = seconds / 3600
        if hours >= 1 { return String(format: "%.0f hour%@", hours, hours >= 1.5 ? "s" : "") }
        return String(format: "%.0f minute%@", seconds / 60, seconds >= 90 ? "s" : "")
    }
}
