import CLIGrammar
import CloudSim
import Foundation
import JMESPath
import KMSEngine
import StudyKit
import Wire

/// Runs command lines: the one path shared by the REPL, `-c`, scripts, piped input and the
/// grader, so a line means the same thing and exits with the same status everywhere.
public final class CommandRunner {
    /// The learner's own home: free-play keys, and all study and lab progress.
    public let home: Workbench
    /// Where commands act: the home, or a lab's sandbox while a lab is active (a lab never
    /// touches the learner's free-play keys).
    public var workbench: Workbench
    public var session: Session
    public let grammar: CommandLineGrammar
    let handlers: [String: CommandHandler]
    /// The course content folder.
    public var contentPath: String
    /// Set by `exit`: the loop reading commands stops after this one.
    public var exitRequested = false
    /// What `content check` proves beyond lessons and questions (labs, drills).
    var contentExtensions: [any ContentCheckExtension] = [LabContentCheck(), DrillContentCheck()]

    public init(workbench: Workbench, session: Session = Session(), contentPath: String) {
        self.home = workbench
        self.workbench = workbench
        self.session = session
        self.contentPath = contentPath
        grammar = CommandLineGrammar(commands: DrillCommands.specs, examples: CommandExamples.all)
        handlers = DrillCommands.handlers
    }

    /// Runs one (complete) command line and returns its exit status.
    @discardableResult
    public func run(_ line: String, console: Console) -> Int32 {
        // Back into the lab the learner was working on when kmsdrill last stopped.
        LabSession.resume(self)
        let status = runLine(line, console: console)
        // A line run in a lab's sandbox becomes part of the lab attempt's transcript.
        if session.lab != nil { LabSession.record(line, status: status, runner: self) }
        return status
    }

    private func runLine(_ line: String, console: Console) -> Int32 {
        if let concept = ConceptHelp.answer(line, runner: self, width: console.width) {
            console.out(concept)
            return ExitStatus.success
        }
        let parsed: ParsedLine
        let redirect: OutputRedirect?
        do {
            (parsed, redirect) = try grammar.parse(line: line, context: parseContext())
        } catch {
            console.err(error.rendered)
            return error.exitStatus
        }
        defer {
            // Trails deliver log files and digests as the simulated clock passes their times.
            try? workbench.cloudTrail.deliverDue()
        }
        guard let redirect else { return execute(parsed, console: console) }
        // `> FILE` / `>> FILE`: standard output goes to a file in the working folder. A target
        // outside it is refused before the command runs, so nothing is done and then lost.
        do {
            _ = try WorkingFolder(workbench.home).path(redirect.path)
        } catch {
            console.err("kmsdrill: cannot write \(redirect.path): \(error)\n")
            return ExitStatus.usage
        }
        let capture = BufferConsole(answers: [], width: console.width)
        let forwarding = RedirectingConsole(inner: console, capture: capture)
        let status = execute(parsed, console: forwarding)
        do {
            try WorkingFolder(workbench.home).write(capture.stdout, to: redirect.path, append: redirect.append)
        } catch {
            console.err("kmsdrill: cannot write \(redirect.path): \(error)\n")
            return ExitStatus.other
        }
        return status
    }

    func parseContext() -> ParseContext {
        var defaults = GlobalOptions()
        defaults.profile = session.profile
        defaults.region = session.region
        defaults.output = session.output
        return ParseContext(
            readFile: workingFolderReader(workbench.home.workPath), defaults: defaults,
            checkQuery: { _ = try JMESPathExpression($0) })
    }

    func execute(_ parsed: ParsedLine, console: Console) -> Int32 {
        switch parsed {
        case .empty:
            return ExitStatus.success
        case .help(let topic):
            console.out(HelpRenderer(grammar: grammar, width: min(console.width, 100)).render(topic))
            if topic == .overview { console.out("\n" + ConceptHelp.overview(runner: self)) }
            return ExitStatus.success
        case .aws(let invocation):
            return AWSDispatch(runner: self).run(invocation, console: console)
        case .command(let command):
            guard let handler = handlers[command.path.joined(separator: " ")] else {
                console.err("kmsdrill: \(command.path.joined(separator: " ")) needs a subcommand; type 'help \(command.path.joined(separator: " "))'\n")
                return ExitStatus.usage
            }
            do {
                return try handler(command, CommandContext(runner: self, console: console))
            } catch let e as DrillError {
                console.err("kmsdrill: \(e.message)\n")
                return e.status
            } catch let e as AWSServiceError {
                console.err(AWSDispatch.errorText(e, operation: command.path.joined(separator: " ")))
                return ExitStatus.serviceError
            } catch let e as KMSError {
                console.err(AWSDispatch.errorText(AWSServiceError(e.code.rawValue, e.message), operation: command.path.joined(separator: " ")))
                return ExitStatus.serviceError
            } catch {
                console.err("kmsdrill: \(error)\n")
                return ExitStatus.other
            }
        }
    }

    /// "3 reviews due" for the banner (by the home's simulated clock), naming the learner when it
    /// is not the default one; nil when the learner does not exist yet or nothing can be read.
    func dueSummary() -> String? { StudyBanner.dueSummary(self) }

    /// Lesson ids, lesson numbers' targets and topic ids for completion.
    func lessonIds() -> [String] { StudyBanner.lessonTargets(self) }

    /// Lab ids for completion.
    func labIds() -> [String] { LabCatalog.shared.load(at: contentPath).labs.map(\.id) }

    /// The request context for the session's profile (or an override) and Region.
    func requestContext(profile: String? = nil, region: String? = nil) throws -> RequestContext {
        let name = profile ?? session.profile
        do {
            let caller = try workbench.profiles.caller(for: name)
            return RequestContext(caller: caller, region: region ?? session.region, sourceIPAddress: "192.0.2.10",
                                  userAgent: "kmsdrill/1.0 (aws-cli/2 compatible)")
        } catch let unknown as Profiles.UnknownProfile {
            throw DrillError("\(unknown.description). Profiles: \(unknown.known.joined(separator: ", "))", status: ExitStatus.other)
        }
    }
}

/// A command handler: parse result in, exit status out; output through the console.
typealias CommandHandler = @Sendable (ParsedCommand, CommandContext) throws -> Int32

/// What a handler can reach.
struct CommandContext {
    let runner: CommandRunner
    let console: Console

    var workbench: Workbench { runner.workbench }
    var engine: KMSEngine { runner.workbench.engine }
}

/// A failure of a drill command, with the message to show and the exit status.
struct DrillError: Error, CustomStringConvertible {
    let message: String
    /// What `"\(error)"` shows wherever a DrillError is wrapped in another message.
    var description: String { message }
    let status: Int32

    init(_ message: String, status: Int32 = ExitStatus.other) {
        self.message = message
        self.status = status
    }
}

/// Sends standard output to a capture (for `> FILE`) and everything else to the real console.
final class RedirectingConsole: Console {
    let inner: Console
    let capture: BufferConsole

    init(inner: Console, capture: BufferConsole) {
        self.inner = inner
        self.capture = capture
    }

    func out(_ text: String) { capture.out(text) }
    func err(_ text: String) { inner.err(text) }
    func readLine(prompt: String) -> String? { inner.readLine(prompt: prompt) }
    var isInteractive: Bool { inner.isInteractive }
    var width: Int { inner.width }
    var color: Bool { false }
}
