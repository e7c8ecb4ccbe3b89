import Foundation
import Testing
import TestSupport
import Wire

/// Runs every scenario file in Scenarios/ through the one scenario runner.
@Suite struct ScenarioCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scenarios")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test func corpusIsPresent() {
        #expect(Self.files.count >= 4)
    }

    @Test(arguments: files)
    func scenario(_ file: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
        var runner = ScenarioRunner(fixture: try EngineFixture())
        do {
            try runner.run(try JSONParser.parse(text), name: file)
        } catch let f as ScenarioRunner.Failure {
            Issue.record("\(f)")
        }
    }

    /// The runner must be able to fail: a scenario with a wrong expectation is reported.
    @Test func runnerCatchesWrongExpectations() throws {
        let wrong: JSONValue = ["steps": [
            ["op": "CreateKey", "input": [:], "expect": ["KeyMetadata": ["KeyState": "Disabled"]]],
        ]]
        var runner = ScenarioRunner(fixture: try EngineFixture())
        #expect(throws: ScenarioRunner.Failure.self) { try runner.run(wrong, name: "wrong") }
        let missingError: JSONValue = ["steps": [["op": "CreateKey", "input": [:], "error": "DisabledException"]]]
        #expect(throws: ScenarioRunner.Failure.self) { try runner.run(missingError, name: "missing") }
    }
}
