import Foundation
import StudyKit
import Testing

/// Reading lab YAML and drill text: what loads, and the problems reported (with lines) for what does not.
@Suite struct FormatTests {
    static let minimalLab = """
        id: tiny
        title: "Tiny"
        summary: "A lab."
        facts: [F1]
        setup:
          clock: {start: "2027-01-01T00:00:00Z"}
          commands: |
            kms create-key
            # a comment
            kms list-keys
        task: "Do it."
        checks:
          - id: one
            title: "One key"
            points: 3
            command:
              run: kms list-keys
              query: length(Keys)
              at_least: 2
            hints: {nudge: n, family: f, command: c}
        solution: |
          kms create-key
        """

    @Test func aMinimalLabLoads() throws {
        let (lab, problems) = LabLoader.parse(yaml: Self.minimalLab, file: "labs/tiny.yaml")
        #expect(problems.isEmpty, "\(problems)")
        let tiny = try #require(lab)
        #expect(tiny.id == "tiny" && tiny.points == 3 && tiny.cardID == "lab:tiny")
        #expect(tiny.setup.clock.frozen, "clocks are frozen unless said otherwise")
        #expect(tiny.setup.commands.map(\.value) == ["kms create-key", "kms list-keys"])
        #expect(tiny.setup.commands.map(\.location.line) == [8, 10], "commands keep their lines")
        guard case .command(let probe) = tiny.checks[0].kind else { Issue.record("not a command check"); return }
        #expect(probe.run == ["kms list-keys"] && probe.query == "length(Keys)" && probe.expect.atLeast == 2)
        #expect(LabTranscript(tiny.solution).commands == ["kms create-key"])
    }

    @Test("lab problems are reported with their lines", arguments: [
        ("    points: 3\n    command:", "    points: 3\n    bogus: 1\n    command:", "unknown field 'bogus' in check 'one'"),
        ("    command:\n      run: kms list-keys", "    file: {name: x}\n    command:\n      run: kms list-keys", "must have exactly one of"),
        ("    points: 3", "    points: 0", "'points' in check 'one' must be at least 1"),
        ("start: \"2027-01-01T00:00:00Z\"", "start: \"next tuesday\"", "write an ISO 8601 time"),
        ("      at_least: 2", "      at_lest: 2", "did you mean 'at_least'?"),
        ("    hints: {nudge: n, family: f, command: c}\n", "", "has no hints"),
        ("id: tiny", "id: Tiny_Lab", "not kebab-case"),
        ("      run: kms list-keys", "      run:\n        - kms describe-key --query \"{a: b}\"", "put the command in single quotes"),
    ])
    func labProblems(_ from: String, _ to: String, _ message: String) throws {
        let yaml = Self.minimalLab.replacingOccurrences(of: from, with: to)
        #expect(yaml != Self.minimalLab, "the test's replacement did not apply")
        var (lab, problems) = LabLoader.parse(yaml: yaml, file: "labs/tiny.yaml")
        if let lab { problems += LabRules.check([lab], course: Self.course) }
        #expect(problems.contains { $0.message.contains(message) && $0.line > 0 }, "expected '\(message)' in \(problems.map(\.description))")
    }

    static let course = Course(
        manifest: Manifest(format: 1, title: "t", source: nil, topics: [Topic(id: "t", title: "t", location: .init(file: "m", line: 1))],
                           facts: [Fact(id: "F1", topic: "t", statement: "s", lab: true, location: .init(file: "m", line: 2))],
                           lessons: [], questions: [], labs: [], drills: [], location: .init(file: "m", line: 1)),
        lessons: [], questions: [])

    @Test func labRulesCatchUnknownFactsRepeatsAndNoSolution() throws {
        let yaml = Self.minimalLab.replacingOccurrences(of: "facts: [F1]", with: "facts: [F99]")
            .replacingOccurrences(of: "solution: |\n  kms create-key", with: "solution: |\n  # nothing")
        let lab = try #require(LabLoader.parse(yaml: yaml, file: "labs/tiny.yaml").0)
        let problems = LabRules.check([lab, lab], course: Self.course).map(\.message)
        #expect(problems.contains { $0.contains("fact 'F99'") })
        #expect(problems.contains { $0.contains("lab id 'tiny' is already used") })
        #expect(problems.contains { $0.contains("has no command lines") })
        #expect(LabRules.factCoverage([lab]) == ["F99": ["tiny"]])
    }

    static let drill = """
        # comment
        title: A drill
        time: 25m
        pass: 80%

        --- say
        Welcome.

        --- question bank-q points=5

        --- question mine facts=F1
        Which one?
        - [ ] First
              why: Because not.
        - [x] Second
              why: Because so,
              and more.
        - [ ] Third
              why: No.
        explain: Take this away.

        --- lab tiny time=10m checks=one
        Intro.
        """

    @Test func aDrillParses() throws {
        let (parsed, problems) = DrillParser.parse(Self.drill, file: "drills/d.drill")
        #expect(problems.isEmpty, "\(problems)")
        let d = try #require(parsed)
        #expect(d.id == "d" && d.title == "A drill" && d.timeLimit == 1500 && d.passPercent == 80)
        #expect(d.items.count == 4 && d.gradedItems.count == 3)
        guard case .question(let bank) = d.items[1], case .question(let mine) = d.items[2], case .lab(let step) = d.items[3] else {
            Issue.record("wrong items: \(d.items)")
            return
        }
        #expect(bank.source == .bank("bank-q") && bank.points == 5)
        guard case .inline(let q) = mine.source else { Issue.record("not inline"); return }
        #expect(q.kind == .single && q.options.map(\.correct) == [false, true, false] && q.facts == ["F1"])
        #expect(q.options[1].why == "Because so, and more." && q.explanation == "Take this away.")
        #expect(step.labId == "tiny" && step.timeLimit == 600 && step.checks == ["one"] && step.intro == "Intro.")
    }

    @Test("drill problems", arguments: [
        ("title: A drill\n", "", "has no title"),
        ("time: 25m", "time: soon", "is not a duration"),
        ("pass: 80%", "pass: 120", "percentage from 1 to 100"),
        ("--- say", "--- shout", "unknown block '--- shout'"),
        ("--- lab tiny time=10m", "--- lab tiny when=10m", "unknown option 'when='"),
        ("- [x] Second", "- [ ] Second", "has 0 correct options"),
        ("      why: No.", "", "option C of question 'mine' has no 'why'"),
    ])
    func drillProblems(_ from: String, _ to: String, _ message: String) {
        let text = Self.drill.replacingOccurrences(of: from, with: to)
        #expect(text != Self.drill)
        let (_, problems) = DrillParser.parse(text, file: "drills/d.drill")
        #expect(problems.contains { $0.message.lowercased().contains(message.lowercased()) }, "expected '\(message)' in \(problems.map(\.description))")
    }

    @Test func drillRulesCheckTheBankAndTheLabs() throws {
        let (parsed, _) = DrillParser.parse(Self.drill, file: "drills/d.drill")
        let d = try #require(parsed)
        let lab = try #require(LabLoader.parse(yaml: Self.minimalLab, file: "labs/tiny.yaml").0)
        let problems = DrillRules.check(d, course: Self.course, labs: []).map(\.message)
        #expect(problems.contains { $0.contains("no question 'bank-q' in the bank") })
        #expect(problems.contains { $0.contains("no lab 'tiny'") })
        let withLab = DrillRules.check(d, course: Self.course, labs: [lab]).map(\.message)
        #expect(!withLab.contains { $0.contains("no lab") })
        let badCheck = Self.drill.replacingOccurrences(of: "checks=one", with: "checks=two")
        let bad = try #require(DrillParser.parse(badCheck, file: "drills/d.drill").0)
        #expect(DrillRules.check(bad, course: Self.course, labs: [lab]).contains { $0.message.contains("has no check 'two'") })
    }

    @Test func durations() {
        #expect(DrillDuration.parse("90s") == 90 && DrillDuration.parse("1h30m") == 5400 && DrillDuration.parse("10m") == 600)
        #expect(DrillDuration.parse("10") == nil && DrillDuration.parse("m") == nil && DrillDuration.parse("0m") == nil)
        #expect(DrillDuration.format(5400) == "1h30m" && DrillDuration.format(45) == "45s")
    }

    @Test func submissionsThatAreNotTextAreRefused() {
        #expect(Submission.text(of: Data("kms list-keys\n".utf8)) == .success("kms list-keys\n"))
        #expect(Submission.text(of: Data([0x6b, 0, 0x73])) == .failure(.binary))
        #expect(Submission.text(of: Data([0xff, 0xfe, 0x41])) == .failure(.notText))
        if case .failure(.tooLarge) = Submission.text(of: Data(repeating: 0x41, count: Submission.sizeLimit + 1)) {} else {
            Issue.record("a submission over the limit is not refused")
        }
        #expect(Submission.learnerName(forFile: "class/alice.txt") == "alice")
        #expect(LabTranscript("# lab: app-key\n# learner: bob\nkms list-keys").declaredLab == "app-key")
        #expect(LabTranscript("# lab: app-key\n# learner: bob\nkms list-keys").declaredLearner == "bob")
    }
}
