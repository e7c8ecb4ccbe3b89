import Foundation
import Testing
import TestSupport
import Wire

/// Runs every scenario in Scenarios/ (one JSON file each) on a fresh set of services.
@Suite struct ServiceScenarioTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scenarios")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test func thereAreScenarios() {
        #expect(Self.files.count >= 4)
    }

    @Test(arguments: files) func scenario(_ file: String) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(file), encoding: .utf8)
        var runner = ServiceScenarioRunner(fixture: try ServiceFixture())
        do {
            try runner.run(try JSONParser.parse(text), name: file)
        } catch let failure as ServiceScenarioRunner.Failure {
            Issue.record("\(failure)")
        }
    }
}
