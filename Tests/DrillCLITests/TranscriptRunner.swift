import DrillCLI
import Foundation
import JMESPath
import Testing
import Wire

/// Runs a transcript — commands with the output they must print — through the one CommandRunner,
/// on a fresh home, and compares what was printed.
///
/// Format: `$ COMMAND` starts a step (a trailing `=> name=JMESPATH` saves a value from the JSON
/// output, usable later as `{name}`); the lines up to the next `$` are the expected standard
/// output, standard-error lines start with `! `, and `[N]` gives an exit status other than 0.
/// Volatile values are masked before comparing: UUIDs, 64-hex ids, timestamps, long base64.
struct TranscriptRunner {
    struct Step {
        var command: String
        var saves: [(String, String)]
        var expected: [String]
    }

    static func parse(_ text: String) -> (header: [String], steps: [Step]) {
        var header: [String] = []
        var steps: [Step] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if raw.hasPrefix("$ ") {
                var command = String(raw.dropFirst(2))
                var saves: [(String, String)] = []
                if let arrow = command.range(of: " => ") {
                    for pair in command[arrow.upperBound...].split(separator: " ") {
                        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                        if parts.count == 2 { saves.append((parts[0], parts[1])) }
                    }
                    command = String(command[..<arrow.lowerBound])
                }
                steps.append(Step(command: command, saves: saves, expected: []))
            } else if steps.isEmpty {
                header.append(raw)
            } else {
                steps[steps.count - 1].expected.append(raw)
            }
        }
        for i in steps.indices {
            while steps[i].expected.last == "" { steps[i].expected.removeLast() }
        }
        return (header, steps)
    }

    /// Runs every step; returns the transcript as it actually went (masked), for comparing or
    /// re-recording.
    static func run(_ text: String) throws -> String {
        let (header, steps) = parse(text)
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kmsdrill-transcript-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        let workbench = try Workbench(home: HomeFolder(path: home))
        let contentPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Content").standardized.path
        let runner = CommandRunner(workbench: workbench, contentPath: contentPath)
        var variables: [String: String] = [:]
        var out = header.joined(separator: "\n")
        for step in steps {
            var command = step.command
            for (k, v) in variables { command = command.replacingOccurrences(of: "{\(k)}", with: v) }
            let console = BufferConsole(width: 100)
            let status = runner.run(command, console: console)
            for (name, path) in step.saves {
                let value = try JMESPathExpression(path).search(try JSONParser.parse(console.stdout))
                variables[name] = value.stringValue ?? JSONWriter.compact(value)
            }
            out += (out.isEmpty ? "" : "\n") + "$ " + step.command
            if !step.saves.isEmpty { out += " => " + step.saves.map { "\($0.0)=\($0.1)" }.joined(separator: " ") }
            var lines = lines(of: console.stdout)
            lines += self.lines(of: console.stderr).map { "! " + $0 }
            if status != 0 { lines.append("[\(status)]") }
            // The home is a fresh temporary folder each run.
            for line in lines { out += "\n" + mask(line.replacingOccurrences(of: home, with: "<home>")) }
        }
        return out + "\n"
    }

    static func lines(of text: String) -> [String] {
        var l = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if l.last == "" { l.removeLast() }
        return l
    }

    static let masks: [(String, String)] = [
        (#"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#, "<uuid>"),
        (#"\b[0-9a-f]{64}\b"#, "<hex64>"),
        (#"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(\+00:00|Z)"#, "<time>"),
        (#"[A-Za-z0-9+/]{40,}={0,2}"#, "<base64>"),
    ]

    static func mask(_ line: String) -> String {
        var out = line
        for (pattern, replacement) in masks {
            out = out.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return out
    }
}

@Suite struct TranscriptTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Transcripts")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".transcript") }.sorted()
    }

    @Test func transcriptsArePresent() { #expect(Self.files.count >= 3) }

    /// Re-record with RECORD_TRANSCRIPTS=1 (the test then fails, so a recording never passes silently).
    @Test(arguments: files)
    func transcript(_ file: String) throws {
        let url = Self.folder.appendingPathComponent(file)
        let expected = try String(contentsOf: url, encoding: .utf8)
        let actual = try TranscriptRunner.run(expected)
        if ProcessInfo.processInfo.environment["RECORD_TRANSCRIPTS"] != nil {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(file)")
            return
        }
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            Issue.record("\(file) differs at line \(first + 1):\n  expected: \(first < e.count ? String(e[first]) : "<end>")\n  actual:   \(first < a.count ? String(a[first]) : "<end>")")
        }
    }

    /// The runner must be able to fail: a wrong expectation is caught.
    @Test func aWrongTranscriptFails() throws {
        let wrong = "$ whoami\nprofile default: the root user\n"
        #expect(try TranscriptRunner.run(wrong) != wrong)
    }
}
