@testable import DrillCLI
import Foundation
import Storage
import StudyKit
import Testing

@Suite("review")
struct ReviewCommandTests {
    static let ids = ["rotation-default-period", "envelope-stolen-object", "audit-integrity-facts"]

    /// A quiz rated Easy, Good and (wrong) Again: due in days, in 10 minutes and in 1 minute.
    func studied() throws -> StudyHarness {
        let h = try StudyHarness()
        h.run("quiz " + Self.ids.map { "--question \($0)" }.joined(separator: " "),
              [.right(suffix: " easy"), .right(suffix: " good"), .wrong()])
        #expect(try h.store.reviewLog(learner: "default").map(\.rating) == [.easy, .good, .again])
        return h
    }

    /// The questions the last session asked.
    func asked(_ h: StudyHarness) throws -> [String] {
        let session = try #require(try h.store.sessions(learner: "default").last)
        #expect(session.kind == .review)
        return try h.store.answers(session: session.id).map(\.questionID)
    }

    @Test("nothing due right after a quiz: says when the next review is")
    func nothingDue() throws {
        let h = try studied()
        let (status, out, _, _) = h.run("review")
        #expect(status == ExitStatus.success)
        #expect(out == "Nothing is due. Next review: in 1 minute (2030-01-07 09:01 UTC).\n")
        #expect(try h.store.sessions(learner: "default").count == 1, "no review session was started")
    }

    @Test("with no progress at all, review says to start with quiz")
    func nothingAnswered() throws {
        let h = try StudyHarness()
        #expect(h.run("review").out == "Nothing is due: no question has been answered yet. Start with quiz.\n")
    }

    @Test("review asks exactly the cards FSRS says are due after clock advance")
    func exactlyTheDueCards() throws {
        let h = try studied()
        try h.advance(120)
        #expect(try h.store.dueCards(learner: "default", at: h.workbench.clock.now()).map(\.id) == [Self.ids[2]])
        h.run("review", [.right(suffix: " good")])
        #expect(try asked(h) == [Self.ids[2]])

        // A day later: the Good card (10 minutes) and the relearned one (10 minutes) are due; the
        // Easy one (days away) is not.
        try h.advance(86_400)
        let due = try h.store.dueCards(learner: "default", at: h.workbench.clock.now()).map(\.id)
        #expect(Set(due) == [Self.ids[1], Self.ids[2]])
        let (_, out, _, _) = h.run("review", [.right(suffix: " good"), .right(suffix: " good")])
        #expect(try asked(h) == due, "most overdue first, and nothing else")
        #expect(out.contains("Review 1 of 2"))
        #expect(try h.store.storedReviews(learner: "default").suffix(2).allSatisfy { $0.source == .review })

        // Once reviewed, nothing is due until the next interval.
        #expect(h.run("review").out.hasPrefix("Nothing is due. Next review: in "))
    }

    @Test("review --count limits the session to the most overdue cards")
    func countLimit() throws {
        let h = try studied()
        try h.advance(86_400)
        let due = try h.store.dueCards(learner: "default", at: h.workbench.clock.now()).map(\.id)
        h.run("review --count 1", [.right()])
        #expect(try asked(h) == [due[0]])
        #expect(h.run("review --count 0").err.contains("--count must be at least 1"))
    }

    @Test("labs are cards too: a due lab is named, not asked as a question")
    func dueLab() throws {
        let h = try StudyHarness()
        try h.store.requireLearner("default", at: StudyHarness.start)
        var random = SeededStudyRandom(seed: 2)
        try h.store.recordReview(learner: "default", cardID: "lab:create-cmk", rating: .again, at: StudyHarness.start,
                                 duration: 300, source: .lab, random: &random)
        try h.advance(120)
        #expect(h.runner.dueSummary() == "1 review due")
        #expect(h.run("review").out == "No question is due. Lab is due: lab start create-cmk.\n")
    }

    @Test("the banner's due summary follows the simulated clock")
    func dueSummary() throws {
        let h = try studied()
        #expect(h.runner.dueSummary() == "nothing due")
        try h.advance(700)
        #expect(h.runner.dueSummary() == "2 reviews due")
    }
}
