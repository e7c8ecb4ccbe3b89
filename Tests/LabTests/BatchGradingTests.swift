@testable import DrillCLI
import Foundation
import StudyKit
import Testing
import Wire

/// A class of generated submissions (correct, partial, wrong, malformed) graded in one batch with
/// `grade`, through the command runner, into every report format; each report is parsed back and
/// checked against its format, and grading twice gives the same bytes.
@Suite struct BatchGradingTests {
    /// Writes the class's submissions for the rotation lab and returns the folder.
    static func makeClass(in home: String, lab: Lab) throws -> String {
        let folder = home + "/work/class"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let reference = LabLifecycle.referenceTranscript(lab)
        let lines = reference.split(separator: "\n").map(String.init)
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        try write("ana.txt", reference)                                                   // correct
        try write("ben.txt", lines.prefix(6).joined(separator: "\n") + "\n")              // partial: stops after the first rotation
        try write("cy.txt", reference.replacingOccurrences(of: "`90`", with: "`365`")     // wrong period, and wrong answers
            .replacingOccurrences(of: "lab answer rotations 2", with: "lab answer rotations 7"))
        try write("dee.txt", "")                                                          // empty
        try write("eve.txt", "kms list-keys\n\"unterminated\n")                           // nonsense, but text: graded, fails
        try Data([0x6b, 0x6d, 0x73, 0x00, 0xff]).write(to: URL(fileURLWithPath: folder + "/fay.bin"))  // malformed: binary
        try write("gus.txt", "# lab: app-key\nkms list-keys\n")                           // malformed: another lab's transcript
        return folder
    }

    @Test func aClassGradedInEveryFormat() throws {
        let lab = try LabTestSupport.lab("rotation-proof")
        let (runner, home) = try LabTestSupport.runner()
        defer { try? FileManager.default.removeItem(atPath: home) }
        _ = try Self.makeClass(in: home, lab: lab)

        let text = LabTestSupport.run("grade --lab rotation-proof --submissions class", in: runner)
        #expect(text.status == ExitStatus.failure, "a batch with failures exits non-zero: \(text.err)")
        #expect(text.err.contains("graded 7 submissions of lab rotation-proof: 1 passed, 4 failed, 2 malformed"), "\(text.err)")

        // JSON: the report's own shape, parsed back.
        let json = LabTestSupport.run("grade --lab rotation-proof --submissions class --format json", in: runner)
        let report = try JSONValueDecoder().decode(GradeReport.self, from: try JSONParser.parse(json.out))
        #expect(report.kind == .lab && report.subject == "rotation-proof" && report.maxPoints == lab.points)
        let status = Dictionary(uniqueKeysWithValues: report.submissions.map { ($0.learner, $0.status) })
        #expect(status == ["ana": .passed, "ben": .failed, "cy": .failed, "dee": .failed, "eve": .failed, "fay": .malformed, "gus": .malformed])
        let byLearner = Dictionary(uniqueKeysWithValues: report.submissions.map { ($0.learner, $0) })
        let ben = try #require(byLearner["ben"])
        #expect(ben.score > 0 && ben.score < lab.points, "a partial submission earns part of the points (\(ben.score))")
        #expect(ben.items.first { $0.id == "rotated-on-demand" }?.passed == false)
        let cy = try #require(byLearner["cy"])
        #expect(cy.items.first { $0.id == "period-90" }?.reason?.contains("365") == true)
        #expect(cy.items.first { $0.id == "rotations" }?.passed == false)
        #expect(byLearner["dee"]?.score == byLearner["dee"]?.items.filter(\.passed).reduce(0) { $0 + $1.points })
        #expect(byLearner["fay"]?.problem?.contains("binary") == true)
        #expect(byLearner["gus"]?.problem?.contains("lab 'app-key'") == true)
        for s in report.submissions where s.status != .malformed {
            #expect(s.score == s.items.filter(\.passed).reduce(0) { $0 + $1.points })
            #expect(s.items.map(\.id) == lab.checks.map(\.id))
        }

        // JUnit XML: well-formed, and valid against the schema's rules.
        let junit = LabTestSupport.run("grade --lab rotation-proof --submissions class --format junit", in: runner)
        let (root, error) = XMLNode.parse(Data(junit.out.utf8))
        let tree = try #require(root, "the JUnit report is not well-formed XML: \(String(describing: error))")
        #expect(JUnitSchema.violations(tree) == [])
        let suites = tree.children
        #expect(suites.map { $0.attributes["name"] ?? "" } == ["ana", "ben", "cy", "dee", "eve", "fay", "gus"])
        #expect(suites[0].attributes["failures"] == "0" && suites[0].attributes["tests"] == String(lab.checks.count))
        #expect(suites[5].attributes["errors"] == "1", "a malformed submission is an error, not a failure")
        let failed = suites[1].children.filter { $0.name == "testcase" && !$0.children.isEmpty }
        #expect(failed.count == ben.items.filter { !$0.passed }.count)
        #expect(failed.allSatisfy { ($0.children.first?.attributes["message"] ?? "").isEmpty == false })

        // CSV: RFC 4180, one row per learner, the points of each check.
        let csv = LabTestSupport.run("grade --lab rotation-proof --submissions class --format csv", in: runner)
        let rows = try CSVReader.rows(csv.out)
        #expect(rows.first == ["learner", "file", "status", "score", "max_points", "percent"] + lab.checks.map(\.id) + ["problem"])
        #expect(rows.count == 8 && rows.allSatisfy { $0.count == rows[0].count })
        for row in rows.dropFirst() where row[2] != "malformed" {
            let points = row[6..<(6 + lab.checks.count)].compactMap { Int($0) }.reduce(0, +)
            #expect(String(points) == row[3], "the check columns of \(row[0]) add up to the score")
        }
        #expect(rows.first { $0[0] == "fay" }?.last?.contains("binary") == true)

        // Deterministic: the same class grades to the same bytes.
        let again = LabTestSupport.run("grade --lab rotation-proof --submissions class --format json", in: runner)
        #expect(again.out == json.out)
        #expect(LabTestSupport.run("grade --lab rotation-proof --submissions class --format junit", in: runner).out == junit.out)
    }

    @Test func oneTranscriptAndTheExitStatus() throws {
        let (runner, home) = try LabTestSupport.runner()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let solution = LabTestSupport.run("lab solution app-key", in: runner)
        #expect(solution.status == 0 && solution.out.hasPrefix("# kmsdrill lab transcript\n# lab: app-key\n"))
        try Data(solution.out.utf8).write(to: URL(fileURLWithPath: home + "/work/solution.txt"))
        let passed = LabTestSupport.run("grade --lab app-key --transcript solution.txt", in: runner)
        #expect(passed.status == ExitStatus.success, "\(passed.out)\(passed.err)")
        #expect(passed.out.contains("reference  passed"))
        try Data("kms list-keys\n".utf8).write(to: URL(fileURLWithPath: home + "/work/lazy.txt"))
        #expect(LabTestSupport.run("grade --lab app-key --transcript lazy.txt", in: runner).status == ExitStatus.failure)
        let missing = LabTestSupport.run("grade --lab app-key --transcript nowhere.txt", in: runner)
        #expect(missing.status == ExitStatus.usage && missing.err.contains("no file or folder nowhere.txt"))
        #expect(LabTestSupport.run("grade --lab no-such-lab --transcript lazy.txt", in: runner).err.contains("no lab called 'no-such-lab'"))
        #expect(LabTestSupport.run("grade --transcript lazy.txt", in: runner).status == ExitStatus.usage)
    }

    @Test func drillSubmissionsGradedInBatch() throws {
        let (runner, home) = try LabTestSupport.runner()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let folder = home + "/work/answers"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // The lockout step, done right; every question answered right.
        let lab = try LabTestSupport.lab("lockout")
        var steps: [String] = []
        let lines = TextLines(lab.solution)
        while let line = BatchRunner.nextCommand(from: lines) { steps.append(line) }
        let right = ["D", "B", "B"] + steps + ["done", "C"]
        try Data(("# drill: key-policy-incident\n" + right.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/ann.txt"))
        try Data("A\nA\nA\ndone\nA\n".utf8).write(to: URL(fileURLWithPath: folder + "/bo.txt"))
        // Over time: the markers say the lab step began after the drill's 40 minutes.
        try Data(("#@ t=10\nD\n#@ t=20\nB\n#@ t=30\nB\n#@ t=2500\n" + steps.joined(separator: "\n") + "\ndone\nC\n").utf8)
            .write(to: URL(fileURLWithPath: folder + "/late.txt"))
        try Data([0, 1, 2]).write(to: URL(fileURLWithPath: folder + "/zed.bin"))

        let out = LabTestSupport.run("grade --drill key-policy-incident --submissions answers --format json", in: runner)
        #expect(out.status == ExitStatus.failure)
        let report = try JSONValueDecoder().decode(GradeReport.self, from: try JSONParser.parse(out.out))
        let by = Dictionary(uniqueKeysWithValues: report.submissions.map { ($0.learner, $0) })
        #expect(by["ann"]?.status == .passed && by["ann"]?.score == report.maxPoints, "\(by["ann"]?.items.filter { !$0.passed } ?? [])")
        #expect(by["bo"]?.status == .failed)
        let late = try #require(by["late"])
        #expect(late.status == .failed && late.items.first { $0.id == "question:key-policies-lockout-consequence" }?.reason == "not reached")
        #expect(late.items.first { $0.id == "lab:lockout/refused" }?.passed == false, "commands typed after the time ran out are not run")
        #expect(late.items.prefix(3).allSatisfy { $0.passed }, "answers given in time count")
        #expect(late.log.contains { $0.contains("time ran out") })
        #expect(by["zed"]?.status == .malformed)
        let again = LabTestSupport.run("grade --drill key-policy-incident --submissions answers --format json", in: runner)
        #expect(again.out == out.out, "drill grading is deterministic")
    }
}
