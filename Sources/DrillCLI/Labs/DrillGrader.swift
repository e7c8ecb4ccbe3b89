import Foundation
import StudyKit

/// Grades drill submissions: each one replayed through a `DrillSession` in a fresh grading home,
/// its recorded lines answering the questions and driving the lab steps.
final class DrillGrader {
    let drill: Drill
    let course: Course
    let labs: [Lab]
    private let homes: LabGrader

    init(drill: Drill, course: Course, labs: [Lab], contentPath: String) throws {
        self.drill = drill
        self.course = course
        self.labs = labs
        homes = try LabGrader(contentPath: contentPath)
    }

    var headers: [ItemHeader] { DrillSession.headers(drill, course: course, labs: labs) }
    var maxPoints: Int { headers.reduce(0) { $0 + $1.points } }

    /// Runs the drill once with `input`, in a fresh grading home.
    func run(_ input: (Console) -> DrillInput, learner: String, console: ReplayConsole) throws -> DrillOutcome {
        let runner = try homes.freshRunner(learner: learner)
        defer { try? FileManager.default.removeItem(atPath: runner.home.home.path) }
        let session = DrillSession(drill: drill, course: course, labs: labs, runner: runner, console: console, input: input(console),
                                   sandboxRoot: runner.home.home.path + "/drill", recordsReviews: false)
        return try session.run()
    }

    /// Grades the submitted bytes of `file`.
    func grade(data: Data, learner: String, file: String, submittedAt: String) throws -> SubmissionGrade {
        let text: String
        switch Submission.text(of: data) {
        case .failure(let problem):
            return .malformed(learner: learner, file: file, problem: "\(file) \(problem)", maxPoints: maxPoints, submittedAt: submittedAt)
        case .success(let t):
            text = t
        }
        if let declared = Self.declaredDrill(text), declared != drill.id {
            return .malformed(learner: learner, file: file, problem: "\(file) is a submission for drill '\(declared)', not '\(drill.id)'",
                              maxPoints: maxPoints, submittedAt: submittedAt)
        }
        let lines = TextLines(text)
        let console = ReplayConsole(input: lines)
        let outcome = try run({ ConsoleDrillInput(console: $0, replaying: true) }, learner: learner, console: console)
        return grade(outcome, learner: learner, file: file, submittedAt: submittedAt)
    }

    /// The outcome of a run as a graded submission.
    func grade(_ outcome: DrillOutcome, learner: String, file: String, submittedAt: String) -> SubmissionGrade {
        SubmissionGrade(learner: learner, file: file, status: outcome.passed ? .passed : .failed, score: outcome.score,
                        maxPoints: outcome.maxScore, submittedAt: submittedAt, items: outcome.items, log: outcome.log)
    }

    /// The drill a submission says it is for (`# drill: ID`).
    static func declaredDrill(_ text: String) -> String? {
        for line in text.split(separator: "\n").prefix(20) where line.hasPrefix("# drill:") {
            let value = line.dropFirst("# drill:".count).trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// Proves a drill: the reference answers score full marks, no answers fail, and both grade
    /// the same twice. The problems found, worded for the drill's author.
    func prove() -> [Diagnostic] {
        let at = SourceLocation(file: drill.file, line: 1)
        do {
            let reference = try run({ _ in ReferenceDrillInput() }, learner: "reference", console: ReplayConsole(input: TextLines("")))
            let again = try run({ _ in ReferenceDrillInput() }, learner: "reference", console: ReplayConsole(input: TextLines("")))
            let empty = try run({ _ in EmptyDrillInput() }, learner: "empty", console: ReplayConsole(input: TextLines("")))
            var found: [Diagnostic] = []
            for item in reference.items where !item.passed {
                found.append(.error("the reference answers fail item '\(item.id)' of drill '\(drill.id)': \(item.reason ?? "failed")", at: at))
            }
            if empty.passed { found.append(.error("an empty submission passes drill '\(drill.id)'", at: at)) }
            if reference.items != again.items {
                found.append(.error("grading drill '\(drill.id)' twice gave different results", at: at))
            }
            return found
        } catch let e as DrillError {
            return [.error("drill '\(drill.id)' cannot be run: \(e.message)", at: at)]
        } catch {
            return [.error("drill '\(drill.id)' cannot be run: \(error)", at: at)]
        }
    }
}
