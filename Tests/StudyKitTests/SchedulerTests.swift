import Foundation
import Testing
import Wire
@testable import StudyKit

@Suite("FSRS scheduler behaviour")
struct SchedulerTests {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)

    static func scheduler(fuzz: Bool = false, hardFloor: Bool = true,
                          change: (inout SchedulerParameters) -> Void = { _ in }) throws -> Scheduler {
        var parameters = SchedulerParameters(enableFuzz: fuzz, sameDayHardFloor: hardFloor)
        change(&parameters)
        return try Scheduler(parameters: parameters)
    }

    /// A card reviewed Good twice, then Hard a minute later: the same-day Hard review.
    static func sameDayHard(_ scheduler: Scheduler) -> (before: Double, after: Double) {
        var random = SeededStudyRandom(seed: 3)
        var card = Card.new(id: "q", due: start)
        card = scheduler.schedule(card, rating: .good, at: start, random: &random).card
        card = scheduler.schedule(card, rating: .good, at: start.addingTimeInterval(600), random: &random).card
        let before = card.stability ?? 0
        card = scheduler.schedule(card, rating: .hard, at: start.addingTimeInterval(660), random: &random).card
        return (before, card.stability ?? 0)
    }

    @Test("our rule: a same-day Hard review never lowers stability")
    func sameDayHardFloored() throws {
        let (before, after) = Self.sameDayHard(try Self.scheduler())
        #expect(after == before)
        // Without the floor the same review would have lowered it: the floor is what holds it.
        let model = FSRSModel(weights: SchedulerParameters.defaultWeights, sameDayHardFloor: false)
        #expect(model.sameDayStability(before, rating: .hard) < before)
    }

    @Test("with the floor off, the literal FSRS.md formula lowers it")
    func sameDayHardLiteral() throws {
        let (before, after) = Self.sameDayHard(try Self.scheduler(hardFloor: false))
        let w = SchedulerParameters.defaultWeights
        let expected = before * exp(w[17] * (2 - 3 + w[18])) * pow(before, -w[19])
        #expect(abs(after - expected) < 1e-9)
        #expect(after < before)
    }

    @Test("same-day Again may lower stability under either rule")
    func sameDayAgain() {
        let model = FSRSModel(weights: SchedulerParameters.defaultWeights, sameDayHardFloor: true)
        #expect(model.sameDayStability(2.3065, rating: .again) < 2.3065)
    }

    @Test("learning steps: Again resets, Hard stays at the mean of the first two steps, Good advances, Easy graduates")
    func learningSteps() throws {
        let scheduler = try Self.scheduler()
        var random = SeededStudyRandom(seed: 1)
        let new = Card.new(id: "q", due: Self.start)
        let hard = scheduler.schedule(new, rating: .hard, at: Self.start, random: &random)
        #expect(hard.card.state == .learning && hard.card.step == 0)
        #expect(hard.log.scheduledInterval == 330)
        let good = scheduler.schedule(new, rating: .good, at: Self.start, random: &random)
        #expect(good.card.step == 1 && good.log.scheduledInterval == 600)
        let again = scheduler.schedule(good.card, rating: .again, at: Self.start.addingTimeInterval(600), random: &random)
        #expect(again.card.step == 0 && again.log.scheduledInterval == 60)
        let easy = scheduler.schedule(new, rating: .easy, at: Self.start, random: &random)
        #expect(easy.card.state == .review && easy.card.step == nil)
        #expect(easy.log.scheduledInterval == Double(scheduler.interval(forStability: 8.2956)) * 86_400)
    }

    @Test("a single learning step: Hard waits 1.5 times it")
    func singleStep() throws {
        let scheduler = try Self.scheduler { $0.learningSteps = [120] }
        var random = SeededStudyRandom(seed: 1)
        let result = scheduler.schedule(Card.new(id: "q", due: Self.start), rating: .hard, at: Self.start, random: &random)
        #expect(result.log.scheduledInterval == 180)
    }

    @Test("a lapse goes to Relearning, or stays in Review without relearning steps")
    func lapses() throws {
        var random = SeededStudyRandom(seed: 1)
        let review = Card(id: "q", state: .review, step: nil, stability: 10, difficulty: 5,
                          due: Self.start, lastReview: Self.start.addingTimeInterval(-10 * 86_400))
        let relearn = try Self.scheduler().schedule(review, rating: .again, at: Self.start, random: &random)
        #expect(relearn.card.state == .relearning && relearn.card.step == 0)
        #expect(relearn.log.scheduledInterval == 600)
        let stay = try Self.scheduler { $0.relearningSteps = [] }.schedule(review, rating: .again, at: Self.start, random: &random)
        #expect(stay.card.state == .review)
        #expect(stay.log.scheduledInterval >= 86_400)
    }

    @Test("a stored card with an impossible step is scheduled, not trapped")
    func corruptStep() throws {
        var random = SeededStudyRandom(seed: 1)
        let odd = Card(id: "q", state: .learning, step: -3, stability: 1, difficulty: 5,
                       due: Self.start, lastReview: Self.start.addingTimeInterval(-60))
        let result = try Self.scheduler().schedule(odd, rating: .hard, at: Self.start, random: &random)
        #expect(result.card.step == 0 && result.log.scheduledInterval == 330)
        let past = Card(id: "q", state: .relearning, step: 7, stability: 1, difficulty: 5,
                        due: Self.start, lastReview: Self.start.addingTimeInterval(-60))
        #expect(try Self.scheduler().schedule(past, rating: .good, at: Self.start, random: &random).card.state == .review)
    }

    @Test("intervals never exceed the maximum")
    func maximumInterval() throws {
        let scheduler = try Self.scheduler { $0.maximumInterval = 30 }
        #expect(scheduler.interval(forStability: 5000) == 30)
        #expect(scheduler.interval(forStability: 0.001) == 1)
    }

    @Test("fuzz stays inside its range, is reproducible, and leaves short intervals alone")
    func fuzz() throws {
        let scheduler = try Self.scheduler(fuzz: true)
        #expect(scheduler.fuzzRange(forDays: 10) == 8...12)
        #expect(scheduler.fuzzRange(forDays: 3) == 2...4)
        #expect(scheduler.fuzzRange(forDays: 100) == 93...107)
        let review = Card(id: "q", state: .review, step: nil, stability: 40, difficulty: 5,
                          due: Self.start, lastReview: Self.start.addingTimeInterval(-40 * 86_400))
        var seen = Set<Int>()
        var first: [Date] = []
        for pass in 0..<2 {
            var random = SeededStudyRandom(seed: 42)
            for _ in 0..<50 {
                let result = scheduler.schedule(review, rating: .good, at: Self.start, random: &random)
                let days = Scheduler.wholeDays(from: Self.start, to: result.card.due)
                let plain = scheduler.interval(forStability: result.card.stability ?? 0)
                #expect(scheduler.fuzzRange(forDays: plain).contains(days))
                #expect(result.log.fuzzDraw != nil)
                seen.insert(days)
                if pass == 0 { first.append(result.card.due) } else { #expect(first.removeFirst() == result.card.due) }
            }
        }
        #expect(seen.count > 3)
        // A 1-day graduation is never fuzzed and draws nothing.
        var random = SeededStudyRandom(seed: 1)
        let learning = Card(id: "q", state: .learning, step: 1, stability: 0.5, difficulty: 5,
                            due: Self.start, lastReview: Self.start.addingTimeInterval(-600))
        let graduated = scheduler.schedule(learning, rating: .good, at: Self.start, random: &random)
        #expect(graduated.log.fuzzDraw == nil)
    }

    @Test("retrievability counts whole days and is nil for a new card")
    func retrievability() throws {
        let scheduler = try Self.scheduler()
        let card = Card(id: "q", state: .review, step: nil, stability: 1, difficulty: 5,
                        due: Self.start, lastReview: Self.start)
        #expect(scheduler.retrievability(of: card, at: Self.start.addingTimeInterval(86_399)) == 1)
        #expect(abs((scheduler.retrievability(of: card, at: Self.start.addingTimeInterval(86_400)) ?? 0) - 0.9) < 1e-9)
        #expect(scheduler.retrievability(of: Card.new(id: "n", due: Self.start), at: Self.start) == nil)
    }

    @Test("preview shows what each rating would do")
    func preview() throws {
        let preview = try Self.scheduler().preview(Card.new(id: "q", due: Self.start), at: Self.start)
        #expect(preview[.again] == 60)
        #expect(preview[.hard] == 330)
        #expect(preview[.good] == 600)
        let easy = try #require(preview[.easy])
        #expect(easy == 8 * 86_400, "\(easy - 691_200)")
    }

    @Test("bad stored parameters are refused with the fix", arguments: [
        (SchedulerParameters(weights: [1, 2, 3]), "FSRS-6 needs 21 weights (w0…w20), got 3; reset the learner's parameters to the defaults"),
        (SchedulerParameters(desiredRetention: 1.5), "desired retention must be greater than 0 and at most 1 (e.g. 0.9), got 1.5"),
        (SchedulerParameters(learningSteps: [60, -1]), "learning steps must be positive durations, got -1.0 seconds"),
        (SchedulerParameters(maximumInterval: 0), "the maximum interval must be at least 1 day, got 0"),
        (SchedulerParameters(modelVersion: "FSRS-4.5"), "scheduler model 'FSRS-4.5' is not supported; use 'FSRS-6'"),
    ])
    func badParameters(_ parameters: SchedulerParameters, _ message: String) {
        #expect(throws: SchedulerParameterError.self) { try Scheduler(parameters: parameters) }
        do {
            try parameters.validate()
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("parameters survive a JSON round trip with their model version")
    func parametersCodable() throws {
        var parameters = SchedulerParameters(desiredRetention: 0.85)
        parameters.weights[3] = 9.5
        let json = try JSONValueEncoder().encode(parameters)
        #expect(json["modelVersion"] == "FSRS-6")
        #expect(try JSONValueDecoder().decode(SchedulerParameters.self, from: json) == parameters)
    }
}
