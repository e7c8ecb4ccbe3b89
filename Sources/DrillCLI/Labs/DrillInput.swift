import Foundation
import StudyKit

/// What a drill is asking for when it reads a line.
enum DrillPrompt {
    /// The letters of a choice question, or the value of a do-it question.
    case answer(PresentedQuestion, expected: () -> String?)
    /// A command in a lab step (or `done`).
    case command(Lab, stepIndex: Int)
}

/// Where a drill's input comes from: a person at the console, a recorded submission, or the
/// reference answers that prove a drill.
protocol DrillInput: AnyObject {
    /// The next line for `prompt`, or nil when there is no more input.
    func next(_ prompt: DrillPrompt, text: String) -> String?
    /// Seconds since the drill started, as this input knows it.
    var elapsed: TimeInterval { get }
}

/// Lines read from the console: typed by a person (timed by the wall clock, optionally recorded
/// as a submission), or replayed from a submission file (timed by its `#@ t=SECONDS` markers).
final class ConsoleDrillInput: DrillInput {
    let console: Console
    private let started = Date()
    /// Set when replaying a submission: time comes from its markers, not the wall clock.
    private let replaying: Bool
    private var markerTime: TimeInterval = 0
    /// Every line read, each after a `#@ t=` marker: the learner's submission.
    private(set) var recorded: [String] = []

    init(console: Console, replaying: Bool) {
        self.console = console
        self.replaying = replaying
    }

    var elapsed: TimeInterval { replaying ? markerTime : Date().timeIntervalSince(started) }

    func next(_ prompt: DrillPrompt, text: String) -> String? {
        while let line = console.readLine(prompt: text) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#@") {
                if let value = Self.marker(trimmed) { markerTime = value }
                continue
            }
            if trimmed.hasPrefix("#") { continue }
            if !replaying { recorded.append("#@ t=\(Int(elapsed))") }
            recorded.append(line)
            return line
        }
        return nil
    }

    /// `#@ t=125` -> 125.
    static func marker(_ line: String) -> TimeInterval? {
        guard let range = line.range(of: "t=") else { return nil }
        return TimeInterval(line[range.upperBound...].trimmingCharacters(in: .whitespaces))
    }

    /// The recorded submission as a file.
    func submission(drill: Drill, learner: String) -> String {
        "# kmsdrill drill submission\n# drill: \(drill.id)\n# learner: \(learner)\n" + recorded.map { $0 + "\n" }.joined()
    }
}

/// The answers a drill's author intends: each question's correct letters (or the engine's value
/// for a do-it question), and each lab step's reference solution. `content check` and
/// `drill check` prove a drill with it.
final class ReferenceDrillInput: DrillInput {
    private var pending: [String] = []
    private var currentStep: Int?
    let elapsed: TimeInterval = 0

    func next(_ prompt: DrillPrompt, text: String) -> String? {
        switch prompt {
        case .answer(let presented, let expected):
            if presented.question.kind == .doIt { return expected() ?? "" }
            return presented.correctLetters.joined(separator: ",")
        case .command(let lab, let step):
            if currentStep != step {
                currentStep = step
                let lines = TextLines(lab.solution)
                pending = []
                while let command = BatchRunner.nextCommand(from: lines) { pending.append(command) }
                pending.append("done")
            }
            return pending.isEmpty ? nil : pending.removeFirst()
        }
    }
}

/// No answers at all: an empty submission.
final class EmptyDrillInput: DrillInput {
    let elapsed: TimeInterval = 0
    func next(_ prompt: DrillPrompt, text: String) -> String? { nil }
}
