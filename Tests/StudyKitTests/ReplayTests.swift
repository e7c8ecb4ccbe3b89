import Foundation
import Testing
@testable import StudyKit

/// A simulated week of study, replayed from its review log.
@Suite("Review log replay")
struct ReplayTests {
    static let monday = Date(timeIntervalSince1970: 1_700_035_200) // 2023-11-15 08:00 UTC

    /// Seven days of sessions: each day the learner reviews whatever is due (several times a day,
    /// so learning steps run) and meets three new cards; ratings come from a seeded source.
    static func simulateWeek(_ scheduler: Scheduler) -> (cards: [String: Card], log: [ReviewLogEntry]) {
        var random = SeededStudyRandom(seed: 2024)
        var ratings = SeededStudyRandom(seed: 7)
        var cards: [String: Card] = [:]
        var log: [ReviewLogEntry] = []
        var nextNew = 0
        for day in 0..<7 {
            for session in 0..<4 {
                let now = monday.addingTimeInterval(Double(day) * 86_400 + Double(session) * 1_800)
                if session == 0 {
                    for _ in 0..<3 {
                        let id = "q\(nextNew)"
                        cards[id] = Card.new(id: id, due: now)
                        nextNew += 1
                    }
                }
                for id in cards.keys.sorted() {
                    guard let card = cards[id], card.isDue(at: now) else { continue }
                    let roll = ratings.nextInt(below: 10)
                    let rating: Rating = roll < 2 ? .again : roll < 3 ? .hard : roll < 9 ? .good : .easy
                    let result = scheduler.schedule(card, rating: rating, at: now, duration: Double(5 + roll), random: &random)
                    cards[id] = result.card
                    log.append(result.log)
                }
            }
        }
        return (cards, log)
    }

    @Test("a week of reviews replays to identical card states")
    func weekReplays() throws {
        let scheduler = try Scheduler(parameters: SchedulerParameters(enableFuzz: true))
        let (cards, log) = Self.simulateWeek(scheduler)
        #expect(log.count > 40)
        #expect(log.contains { $0.fuzzDraw != nil }, "the week should include fuzzed intervals")
        #expect(Set(log.map(\.rating)) == Set(Rating.allCases))
        let replayed = ReviewReplay.replay(log, with: scheduler)
        let reviewed = cards.filter { !$0.value.isNew }
        #expect(replayed == reviewed)
        #expect(ReviewReplay.mismatches(in: log, with: scheduler).isEmpty)
    }

    @Test("a tampered log is caught at the entry that no longer replays")
    func tamperedLog() throws {
        let scheduler = try Scheduler(parameters: SchedulerParameters(enableFuzz: true))
        var log = Self.simulateWeek(scheduler).log
        let index = try #require(log.firstIndex { $0.rating == .good && $0.before.state == .review })
        log[index].rating = .easy
        let mismatches = ReviewReplay.mismatches(in: log, with: scheduler)
        #expect(mismatches.first?.index == index)
        #expect(mismatches.first?.cardID == log[index].cardID)
    }

    @Test("replaying under different parameters does not reproduce the schedule")
    func otherParameters() throws {
        let scheduler = try Scheduler(parameters: SchedulerParameters(enableFuzz: true))
        let log = Self.simulateWeek(scheduler).log
        let other = try Scheduler(parameters: SchedulerParameters(desiredRetention: 0.8, enableFuzz: true))
        #expect(!ReviewReplay.mismatches(in: log, with: other).isEmpty)
    }

    @Test("the forecast counts reviews per day, with overdue cards today")
    func forecast() {
        let now = Self.monday.addingTimeInterval(3_600) // 09:00 UTC
        func card(_ id: String, dueIn hours: Double) -> Card {
            Card(id: id, state: .review, step: nil, stability: 3, difficulty: 5,
                 due: now.addingTimeInterval(hours * 3_600), lastReview: now.addingTimeInterval(-86_400))
        }
        let cards = [card("overdue", dueIn: -30), card("tonight", dueIn: 14), card("tomorrow", dueIn: 16),
                     card("in3days", dueIn: 70), card("far", dueIn: 24 * 30), Card.new(id: "new", due: now)]
        let days = DueForecast.forecast(cards: cards, from: now, days: 4)
        #expect(days.map(\.due) == [2, 1, 0, 1])
        #expect(days.map(\.offset) == [0, 1, 2, 3])
        #expect(days[0].day == Date(timeIntervalSince1970: 1_700_006_400)) // 2023-11-15 00:00 UTC
        // In a time zone 10 hours ahead, 23:00 UTC tonight is already tomorrow morning.
        let ahead = DueForecast.forecast(cards: cards, from: now, days: 2, timeZone: TimeZone(secondsFromGMT: 10 * 3_600)!)
        #expect(ahead.map(\.due) == [1, 2])
    }
}
