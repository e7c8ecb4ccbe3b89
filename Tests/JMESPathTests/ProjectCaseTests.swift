import Foundation
import Testing

/// The project's own case files (Tests/JMESPathTests/Cases), written for this implementation so
/// that a clone without the shared compliance suite still covers every feature.
@Suite struct ProjectCaseTests {
    static let caseFiles = CaseCorpus.files(in: TestPaths.projectCases).map(\.lastPathComponent)

    @Test("Each project case file passes", arguments: caseFiles)
    func caseFile(_ name: String) {
        let outcome = CaseCorpus.run(file: TestPaths.projectCases.appendingPathComponent(name))
        #expect(outcome.ran > 0, "\(name) holds no cases")
        for failure in outcome.failures { Issue.record(Comment(rawValue: failure)) }
    }

    /// Guards against the parameterised test above silently running nothing.
    @Test func corpusIsPresentAndSubstantial() {
        #expect(Self.caseFiles.count >= 10, "expected the case files in \(TestPaths.projectCases.path)")
        let total = Self.caseFiles.reduce(0) { $0 + CaseCorpus.run(file: TestPaths.projectCases.appendingPathComponent($1)).ran }
        #expect(total >= 150)
    }

    /// The runner itself must be able to fail: a wrong result, a wrong error kind, an error where
    /// a result was expected, and a result where an error was expected are all reported.
    @Test func runnerReportsMismatches() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jmespath-runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("wrong.json")
        let text = """
            [{"given": {"a": 1}, "cases": [
              {"expression": "a", "result": 2},
              {"expression": "a[", "error": "invalid-type"},
              {"expression": "length(a)", "result": 1},
              {"expression": "a", "error": "syntax"},
              {"expression": "a", "result": 1}
            ]}]
            """
        try text.write(to: file, atomically: true, encoding: .utf8)
        let outcome = CaseCorpus.run(file: file)
        #expect(outcome.ran == 5)
        #expect(outcome.failures.count == 4)
        #expect(outcome.failures.first?.contains("wrong.json given #0 case #0 `a`") == true)
    }
}
