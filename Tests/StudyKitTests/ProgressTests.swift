import Foundation
import Testing
@testable import StudyKit

@Suite("Progress")
struct ProgressTests {
    static let day0 = Date(timeIntervalSince1970: 1_700_035_200) // 2023-11-15 08:00 UTC

    @Test("mastery, counts, due, streak and forecast from a log of reviews")
    func report() throws {
        let (loaded, _) = ContentLoader.load(directory: Fixtures.goodContent)
        let course = try #require(loaded)
        let scheduler = try Scheduler(parameters: SchedulerParameters(enableFuzz: false))
        var random = SeededStudyRandom(seed: 1)
        var cards: [String: Card] = [:]
        var log: [ReviewLogEntry] = []
        func review(_ id: String, _ rating: Rating, dayOffset: Int, minutes: Double = 0) {
            let at = Self.day0.addingTimeInterval(Double(dayOffset) * 86_400 + minutes * 60)
            let result = scheduler.schedule(cards[id] ?? Card.new(id: id, due: at), rating: rating, at: at, random: &random)
            cards[id] = result.card
            log.append(result.log)
        }
        // Three days in a row; the do-it question and one other never answered.
        review("key-is-the-problem", .good, dayOffset: 0)
        review("key-is-the-problem", .good, dayOffset: 0, minutes: 10)
        review("cmk-cost", .again, dayOffset: 1)
        review("data-key-two-forms", .good, dayOffset: 2)
        review("lab-create-key", .good, dayOffset: 2)   // a lab card: counted overall only
        let now = Self.day0.addingTimeInterval(2 * 86_400 + 3_600)
        let report = ProgressCalculator.report(course: course, cards: Array(cards.values), log: log,
                                               scheduler: scheduler, now: now, forecastDays: 7)
        #expect(report.answered == 5)
        #expect(report.correct == 4)
        #expect(report.new == 2)
        #expect(report.streakDays == 3 && report.studiedToday)
        // Everything is due an hour into day 2: key-is-the-problem graduated with a 2-day interval
        // (due 08:10 today), cmk-cost's 1-minute step after its lapse is long past, and the two
        // cards first seen at 08:00 today had their 10-minute step due at 08:10.
        #expect(report.due == 4)
        let keyTypes = try #require(report.topics.first { $0.id == "key-types" })
        #expect(keyTypes.figures.questions == 3 && keyTypes.figures.seen == 2)
        #expect(keyTypes.figures.answered == 3 && keyTypes.figures.correct == 2)
        #expect(keyTypes.figures.due == 2)
        let r1 = scheduler.retrievability(of: try #require(cards["key-is-the-problem"]), at: now) ?? 0
        let r2 = scheduler.retrievability(of: try #require(cards["cmk-cost"]), at: now) ?? 0
        #expect(abs(keyTypes.figures.mastery - (r1 + r2) / 3) < 1e-12)
        #expect(keyTypes.figures.mastery > 0 && keyTypes.figures.mastery < 1)
        let f3 = try #require(report.facts.first { $0.id == "F3" })
        #expect(f3.figures.questions == 2 && f3.figures.seen == 1)
        #expect(report.forecast.count == 7)
        #expect(report.forecast.reduce(0) { $0 + $1.due } == cards.count)
        let json = report.jsonValue
        #expect(json["answered"] == 5)
        #expect(json["topics"]?.arrayValue?.count == 2)
    }

    @Test("a streak survives until a whole day passes without study", arguments: [
        ([0, 1, 2], 2, 3, true), ([0, 1, 2], 3, 3, false), ([0, 1, 2], 4, 0, false), ([0, 2, 3], 3, 2, true), ([Int](), 0, 0, false),
    ])
    func streak(_ days: [Int], _ today: Int, _ expected: Int, _ studiedToday: Bool) {
        let log = days.map { day -> ReviewLogEntry in
            let at = Self.day0.addingTimeInterval(Double(day) * 86_400)
            let card = Card.new(id: "q", due: at)
            return ReviewLogEntry(cardID: "q", rating: .good, reviewedAt: at, duration: nil, before: card, after: card, fuzzDraw: nil)
        }
        let result = ProgressCalculator.streakDays(log, now: Self.day0.addingTimeInterval(Double(today) * 86_400 + 60),
                                                   timeZone: TimeZone(identifier: "UTC")!)
        #expect(result.days == expected)
        #expect(result.today == studiedToday)
    }
}
