@testable import DrillCLI
import Foundation
import StudyKit
import Testing

/// Paths and helpers the lab tests share.
enum LabTestSupport {
    /// This test target's folder.
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
    /// The course content of the repository.
    static let courseContent = URL(fileURLWithPath: testsFolder).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Content").standardizedFileURL.path
    /// The fixture course with the check-kinds lab.
    static let fixtureContent = testsFolder + "/Fixtures/content"
    static let casesFolder = testsFolder + "/Cases"

    /// A fresh folder under the temporary directory, removed by the caller.
    static func freshFolder(_ name: String = "kmsdrill-labtest") -> String {
        let path = NSTemporaryDirectory() + "\(name)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A runner on a fresh home for `content`.
    static func runner(content: String = courseContent, learner: String = "default") throws -> (CommandRunner, String) {
        let home = freshFolder()
        var session = Session()
        session.learner = learner
        let runner = CommandRunner(workbench: try Workbench(home: HomeFolder(path: home)), session: session, contentPath: content)
        return (runner, home)
    }

    /// Runs `line` in `runner`, capturing everything.
    @discardableResult
    static func run(_ line: String, in runner: CommandRunner, answers: [String] = []) -> (status: Int32, out: String, err: String) {
        let console = BufferConsole(answers: answers, width: 100)
        let status = runner.run(line, console: console)
        return (status, console.stdout, console.stderr)
    }

    /// The lab called `id` in `content`.
    static func lab(_ id: String, content: String = courseContent) throws -> Lab {
        let (labs, problems) = LabLoader.load(directory: URL(fileURLWithPath: content))
        let errors = problems.filter { $0.severity == .error && !$0.message.contains("marked 'lab: true'") }
        #expect(errors.isEmpty, "labs of \(content) load with problems: \(errors.map(\.description))")
        return try #require(labs.first { $0.id == id }, "no lab \(id) in \(content)")
    }
}
