import DrillCLI
import Foundation
import Storage
import StudyKit
import Testing

@Suite("replay")
struct ReplayTests {
    @Test("a learner's week of study replays from the review log to the same schedule")
    func weekReplays() throws {
        let h = try StudyHarness()
        // Day 0: six new questions, right and wrong, some rated by the learner.
        h.run("quiz --topic key-policies --count 6 --seed 11",
              [.right(), .wrong(), .right(suffix: " hard"), .right(suffix: " good"), .wrong(), .right()])
        for day in 1...6 {
            // A day later, at a different hour each time.
            try h.advance(86_400 + Double(day) * 2_300)
            let due = try h.store.dueCards(learner: "default", at: h.workbench.clock.now()).count
            // Seeded, as the quizzes are: the fuzz drawn for each interval decides what is due next.
            h.run("review --seed \(day)", (0..<due).map { $0 % 3 == 2 ? .wrong() : .right() })
            if day.isMultiple(of: 2) { h.run("quiz --topic envelope --count 2 --seed \(day)", [.right(suffix: " good"), .wrong()]) }
            if day == 3 { h.run("exam --count 4 --seed 3", [.right(), .wrong(), .right(), .right(), .line("finish")]) }
        }
        let learner = try #require(try h.store.learner(named: "default"))
        let scheduler = try Scheduler(parameters: learner.parameters)
        let log = try h.store.reviewLog(learner: "default")
        #expect(log.count >= 25)
        #expect(Set(try h.store.storedReviews(learner: "default").map(\.source)) == [.quiz, .review, .exam])
        #expect(log.contains { $0.fuzzDraw != nil }, "some intervals were fuzzed, and still replay exactly")
        #expect(log.contains { $0.before.state == .review && $0.rating == .again }, "the week has lapses")

        #expect(ReviewReplay.mismatches(in: log, with: scheduler).isEmpty)
        let stored = Dictionary(uniqueKeysWithValues: try h.store.cards(learner: "default").map { ($0.id, $0) })
        #expect(ReviewReplay.replay(log, with: scheduler) == stored)

        // The comparison can fail: a card changed behind the log's back no longer matches.
        try h.workbench.database.executeForTesting("UPDATE study_cards SET due = due + 86400 WHERE card_id = '\(log[0].cardID)'")
        let tampered = Dictionary(uniqueKeysWithValues: try h.store.cards(learner: "default").map { ($0.id, $0) })
        #expect(ReviewReplay.replay(log, with: scheduler) != tampered)
    }

    @Test("the review log is append-only in the database itself")
    func appendOnly() throws {
        let h = try StudyHarness()
        h.run("quiz --question rotation-default-period", [.right()])
        #expect(throws: (any Error).self) { try h.workbench.database.executeForTesting("UPDATE review_log SET rating = 4") }
        #expect(throws: (any Error).self) { try h.workbench.database.executeForTesting("DELETE FROM review_log") }
        #expect(try h.store.reviewLog(learner: "default").count == 1)
    }

    @Test("review times are whole seconds, so stored dates are exact")
    func wholeSeconds() throws {
        let h = try StudyHarness()
        try h.workbench.clock.set(to: StudyHarness.start.addingTimeInterval(0.7), frozen: true)
        try h.store.requireLearner("default", at: StudyHarness.start)
        var random = SeededStudyRandom(seed: 1)
        let recorded = try h.store.recordReview(learner: "default", cardID: "lab:create-cmk", rating: .good,
                                                at: h.workbench.clock.now(), duration: 42.5, source: .lab, random: &random)
        #expect(recorded.entry.reviewedAt == StudyHarness.start)
        let stored = try #require(try h.store.reviewLog(learner: "default").first)
        #expect(stored == recorded.entry)
        #expect(try h.store.card(learner: "default", id: "lab:create-cmk") == recorded.entry.after)
    }
}
