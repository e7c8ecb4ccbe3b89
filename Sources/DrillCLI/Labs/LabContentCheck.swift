import Foundation
import StudyKit

/// `content check` for labs: loads and checks every lab the manifest lists, then proves each one
/// by grading: the reference solution passes every check (and each of its commands succeeds,
/// or fails with the error a `# expect-error: CODE` line before it announces), the untouched
/// setup fails every check not marked `passes_untouched`, and grading twice gives the same result.
struct LabContentCheck: ContentCheckExtension {
    let kind = ContentItemKind.lab

    func check(course: Course, contentDirectory: String?) -> ContentExtensionResult {
        guard let contentDirectory else {
            return ContentExtensionResult(itemCount: course.manifest.labs.count)
        }
        let (labs, diagnostics) = LabLoader.load(course: course, directory: URL(fileURLWithPath: contentDirectory))
        var found = diagnostics
        let broken = Set(diagnostics.filter { $0.severity == .error }.map(\.file))
        for lab in labs where !broken.contains(lab.location.file) {
            found += Self.prove(lab, contentPath: contentDirectory)
        }
        return ContentExtensionResult(itemCount: labs.count, diagnostics: found, factCoverage: LabRules.factCoverage(labs))
    }

    /// Everything wrong with `lab` when it is actually run.
    static func prove(_ lab: Lab, contentPath: String) -> [Diagnostic] {
        let at = lab.location
        do {
            let grader = try LabGrader(contentPath: contentPath)
            let reference = LabLifecycle.referenceTranscript(lab)
            let first = try grader.grade(lab, transcript: reference, learner: "reference", file: "solution", submittedAt: "2026-01-01T00:00:00")
            let second = try grader.grade(lab, transcript: reference, learner: "reference", file: "solution", submittedAt: "2026-01-01T00:00:00")
            let empty = try grader.grade(lab, transcript: "", learner: "empty", file: "empty", submittedAt: "2026-01-01T00:00:00")
            let emptyAgain = try grader.grade(lab, transcript: "", learner: "empty", file: "empty", submittedAt: "2026-01-01T00:00:00")
            var found: [Diagnostic] = []
            for item in first.items where !item.passed {
                let location = lab.check(id: item.id)?.location ?? at
                found.append(.error("the solution of lab '\(lab.id)' does not pass check '\(item.id)': \(item.reason ?? "failed")", at: location))
            }
            found += commandProblems(lab, grade: first)
            for item in empty.items {
                guard let check = lab.check(id: item.id) else { continue }
                if item.passed && !check.passesUntouched {
                    found.append(.error("check '\(item.id)' of lab '\(lab.id)' already passes before the learner does anything; make it test what the task asks, or mark it 'passes_untouched: true' if it is an invariant",
                                        at: check.location))
                }
                if !item.passed && check.passesUntouched {
                    found.append(.error("check '\(item.id)' of lab '\(lab.id)' is marked passes_untouched but fails on the untouched setup: \(item.reason ?? "")",
                                        at: check.location))
                }
            }
            if empty.status == .passed {
                found.append(.error("an empty attempt passes lab '\(lab.id)'", at: at))
            }
            if first != second || empty != emptyAgain {
                found.append(.error("grading lab '\(lab.id)' twice gave different results; its setup or checks depend on something that changes between runs (a ticking clock?)",
                                    at: at))
            }
            return found
        } catch let e as DrillError {
            return [.error("lab '\(lab.id)' cannot be run: \(e.message)", at: at)]
        } catch {
            return [.error("lab '\(lab.id)' cannot be run: \(error)", at: at)]
        }
    }

    /// Commands of the solution that failed without a `# expect-error:` line saying they should,
    /// and announced failures that did not happen.
    static func commandProblems(_ lab: Lab, grade: SubmissionGrade) -> [Diagnostic] {
        let expected = SolutionScript.expectedErrors(lab.solution)
        let results = grade.log.dropFirst()
        var found: [Diagnostic] = []
        for (index, entry) in results.enumerated() {
            let expectation = index < expected.count ? expected[index] : nil
            let failed = !entry.hasSuffix("-> 0")
            if let code = expectation {
                if !failed || !entry.contains("(\(code))") {
                    found.append(.error("command \(index + 1) of the solution of lab '\(lab.id)' should fail with \(code) (its # expect-error line says so) but: \(entry)",
                                        at: lab.location))
                }
            } else if failed {
                found.append(.error("command \(index + 1) of the solution of lab '\(lab.id)' fails: \(entry); fix it, or put '# expect-error: CODE' on the line before it if the failure is the lesson",
                                    at: lab.location))
            }
        }
        return found
    }
}

/// Reads the markers of a solution transcript.
enum SolutionScript {
    /// For each command of `text` (continuations joined, as the batch runner reads them), the
    /// error code a `# expect-error: CODE` line right before it announces, or nil.
    static func expectedErrors(_ text: String) -> [String?] {
        let source = MarkerLines(text)
        var out: [String?] = []
        while BatchRunner.nextCommand(from: source) != nil {
            out.append(source.takeMarker())
        }
        return out
    }

    /// Lines of a text that remember the last `# expect-error:` comment they passed.
    final class MarkerLines: LineSource {
        private let inner: TextLines
        private var marker: String?

        init(_ text: String) { inner = TextLines(text) }

        func nextLine() -> String? {
            guard let line = inner.nextLine() else { return nil }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("# expect-error:") {
                marker = String(trimmed.dropFirst("# expect-error:".count)).trimmingCharacters(in: .whitespaces)
            }
            return line
        }

        func takeMarker() -> String? {
            defer { marker = nil }
            return marker
        }
    }
}
