@testable import DrillCLI
import Foundation
import Storage
import StudyKit
import Testing
import Wire

@Suite("progress and learners")
struct ProgressAndLearnerTests {
    static let ids = ["rotation-default-period", "rotation-six-months", "envelope-stolen-object"]

    func quiz(_ h: StudyHarness) {
        h.run("quiz " + Self.ids.map { "--question \($0)" }.joined(separator: " "), [.right(suffix: " good"), .wrong(), .right(suffix: " easy")])
    }

    @Test("progress --format json carries the learner, the totals and per-topic and per-fact figures")
    func json() throws {
        let h = try StudyHarness()
        quiz(h)
        try h.advance(120)
        let (status, out, _, _) = h.run("progress --format json")
        #expect(status == ExitStatus.success)
        let doc = try JSONParser.parse(out)
        #expect(doc["learner"]?.stringValue == "default")
        #expect(doc["answered"]?.intValue == 3)
        #expect(doc["correct"]?.intValue == 2)
        #expect(doc["due"]?.intValue == 1, "the wrong answer is due a minute later")
        #expect(doc["new"]?.intValue == h.course.questions.count - 3)
        let topics = try #require(doc["topics"]?.arrayValue)
        #expect(topics.map { $0["id"]?.stringValue ?? "" } == h.course.topics.map(\.id))
        let rotation = try #require(topics.first { $0["id"]?.stringValue == "rotation" })
        #expect(rotation["answered"]?.intValue == 2)
        #expect(rotation["correct"]?.intValue == 1)
        #expect(rotation["due"]?.intValue == 1)
        #expect(rotation["questions"]?.intValue == h.course.questions(topic: "rotation").count)
        #expect((rotation["mastery"]?.numberValue ?? -1) > 0)
        #expect(try #require(doc["facts"]?.arrayValue).count == 24)
        let forecast = try #require(doc["forecast"]?.arrayValue)
        #expect(forecast.count == 7)
        #expect(forecast.first?["date"]?.stringValue == "2030-01-07")
        #expect(forecast.map { $0["due"]?.intValue ?? 0 }.reduce(0, +) >= 2)
    }

    @Test("progress --format csv: one row per topic, facts with --facts, fields quoted as RFC 4180 says")
    func csv() throws {
        let h = try StudyHarness()
        quiz(h)
        let topics = h.run("progress --format csv").out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(topics.first == "learner,kind,id,topic,title,questions,seen,answered,correct,due,mastery")
        #expect(topics.count == 1 + 7)
        #expect(topics.contains { $0.hasPrefix("default,topic,service-encryption,service-encryption,\"Encryption in S3, EBS, RDS and DynamoDB\",") })
        let rotation = try #require(topics.first { $0.hasPrefix("default,topic,rotation,") })
        #expect(rotation.split(separator: ",").suffix(5).prefix(3) == ["2", "2", "1"])
        let withFacts = h.run("progress --format csv --facts").out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(withFacts.count == 1 + 7 + 24)
        #expect(withFacts.filter { $0.hasPrefix("default,fact,") }.count == 24)
    }

    @Test("progress as text: totals, topics, facts and the forecast")
    func text() throws {
        let h = try StudyHarness()
        quiz(h)
        let out = h.run("progress").out
        #expect(out.contains("Progress of learner default"))
        #expect(out.contains("Answered 3, correct 2 (67%)"))
        #expect(out.contains("streak 1 day (studied today)"))
        #expect(out.contains("Topics") && out.contains("Facts") && out.contains("Reviews due in the next 7 days"))
        #expect(out.contains("│ F24"))
    }

    @Test("two learners share a home and keep their progress apart")
    func twoLearners() throws {
        let h = try StudyHarness()
        quiz(h)
        #expect(h.run("learner add alice").out.contains("Added learner alice"))
        #expect(h.run("learner add alice").err.contains("a learner 'alice' already exists"))
        let switched = h.run("learner switch alice")
        #expect(switched.out == "Now studying as alice: 0 reviews due.\n")
        #expect(h.runner.session.learner == "alice")
        #expect(h.runner.dueSummary() == "learner alice · nothing due")
        h.run("quiz --question audit-integrity-facts", [.right()])
        let alice = try JSONParser.parse(h.run("progress --format json").out)
        #expect(alice["learner"]?.stringValue == "alice")
        #expect(alice["answered"]?.intValue == 1)
        #expect(try h.store.reviewLog(learner: "alice").map(\.cardID) == ["audit-integrity-facts"])
        #expect(try h.store.reviewLog(learner: "default").count == 3)
        #expect(try h.store.card(learner: "default", id: "audit-integrity-facts") == nil)

        let list = h.run("learner list").out
        #expect(list.contains("  default      3 reviews"))
        #expect(list.contains("* alice        1 review, 0 due"))
        h.run("learner switch default")
        #expect(try JSONParser.parse(h.run("progress --format json").out)["answered"]?.intValue == 3)
    }

    @Test("learner errors name the fix; --learner for an unknown learner is refused")
    func learnerErrors() throws {
        let h = try StudyHarness(learner: "bob")
        let quiz = h.run("quiz --count 1")
        #expect(quiz.status == ExitStatus.usage)
        #expect(quiz.err.contains("there is no learner 'bob' in this home"))
        #expect(quiz.err.contains("add them with 'learner add bob'"))
        #expect(h.runner.dueSummary() == "learner bob (not added yet: learner add bob)")
        #expect(h.run("learner switch carol").err.contains("learner add carol"))
        #expect(h.run("learner add 'no spaces'").err.contains("is not a valid learner name"))
        #expect(try h.store.learners().isEmpty, "nobody was added by mistake")
    }

    @Test("desired retention is stored with the learner; reviews name the parameters that scheduled them")
    func retention() throws {
        let h = try StudyHarness()
        h.run("quiz --question rotation-default-period", [.right(suffix: " good")])
        #expect(h.run("learner set-retention 0.85").out.contains("0.90 -> 0.85"))
        #expect(h.run("learner set-retention 1.5").err.contains("desired retention must be a number from 0.70 to 0.99"))
        #expect(h.run("learner set-retention x").status == ExitStatus.usage)
        h.run("quiz --question rotation-six-months", [.right(suffix: " good")])
        let learner = try #require(try h.store.learner(named: "default"))
        #expect(learner.parameters.desiredRetention == 0.85)
        #expect(learner.parameters.weights == SchedulerParameters.defaultWeights)
        let log = try h.store.storedReviews(learner: "default")
        #expect(log.count == 2 && log[0].parametersID != log[1].parametersID && log[1].parametersID == learner.parametersID)
        let history = try h.store.parameterHistory(of: "default")
        #expect(history[log[0].parametersID]?.desiredRetention == 0.9)
        let show = h.run("learner show").out
        #expect(show.contains("scheduler FSRS-6, desired retention 0.85"))
        #expect(show.contains("weights 0.212, 1.2931"))
    }
}
