import Foundation
import Testing
@testable import StudyKit

/// The published FSRS-6 vectors of FSRS.md, to 1e-4.
@Suite("FSRS-6 published vectors")
struct FSRSVectorTests {
    static let start = Date(timeIntervalSince1970: 1_669_725_000) // 2022-11-29 12:30:00 UTC

    static func scheduler(_ change: (inout SchedulerParameters) -> Void = { _ in }) throws -> Scheduler {
        var parameters = SchedulerParameters(enableFuzz: false)
        change(&parameters)
        return try Scheduler(parameters: parameters)
    }

    @Test("1: intervals of G,G,G,G,G,G,A,A,G,G,G,G,G reviewed when due")
    func intervalHistory() throws {
        let scheduler = try Self.scheduler()
        let ratings: [Rating] = [.good, .good, .good, .good, .good, .good, .again, .again,
                                 .good, .good, .good, .good, .good]
        var card = Card.new(id: "q", due: Self.start)
        var now = Self.start
        var random = SeededStudyRandom(seed: 1)
        var intervals: [Int] = []
        for rating in ratings {
            let result = scheduler.schedule(card, rating: rating, at: now, random: &random)
            card = result.card
            intervals.append(Scheduler.wholeDays(from: now, to: card.due))
            now = card.due
        }
        #expect(intervals == [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21])
    }

    static func memoryState(_ scheduler: Scheduler) -> Card {
        let ratings: [Rating] = [.again, .good, .good, .good, .good, .good]
        let offsets = [0, 0, 1, 3, 8, 21]
        var card = Card.new(id: "q", due: start)
        var now = start
        var random = SeededStudyRandom(seed: 1)
        for (rating, offset) in zip(ratings, offsets) {
            now = now.addingTimeInterval(Double(offset) * 86_400)
            card = scheduler.schedule(card, rating: rating, at: now, random: &random).card
        }
        return card
    }

    @Test("2: memory state after A,G,G,G,G,G at day offsets 0,0,1,3,8,21")
    func memoryStateDefault() throws {
        let card = Self.memoryState(try Self.scheduler())
        #expect(abs((card.stability ?? 0) - 53.62691) < 1e-4)
        #expect(abs((card.difficulty ?? 0) - 6.3574867) < 1e-4)
    }

    @Test("3: the same with w17 = w18 = w19 = 0")
    func memoryStateWithoutShortTerm() throws {
        let card = Self.memoryState(try Self.scheduler { $0.weights[17] = 0; $0.weights[18] = 0; $0.weights[19] = 0 })
        #expect(abs((card.stability ?? 0) - 53.335106) < 1e-4)
        #expect(abs((card.difficulty ?? 0) - 6.3574867) < 1e-4)
    }

    @Test("4: intervals for S = 1 at desired retention 0.1 … 1.0, uncapped")
    func intervalsByRetention() {
        let model = FSRSModel(weights: SchedulerParameters.defaultWeights)
        let intervals = (1...10).map {
            model.interval(stability: 1, desiredRetention: Double($0) / 10, maximumInterval: Int.max)
        }
        let published = [3_116_766, 34_793, 2_508, 387, 90, 27, 9, 3, 1, 1]
        // The published values were computed in 32-bit floats: 0.1 gives 3116766 there and
        // 3116769 in doubles. So the comparison is relative, to 1e-4 of the value; every other
        // entry matches exactly.
        for (ours, theirs) in zip(intervals, published) {
            #expect(abs(Double(ours - theirs)) <= 1e-4 * Double(theirs), "\(ours) vs \(theirs)")
        }
        #expect(Array(intervals.dropFirst()) == Array(published.dropFirst()))
    }

    @Test("5: retrievability of S = 1 with decay 0.2")
    func retrievabilityWithDecay() {
        var weights = SchedulerParameters.defaultWeights
        weights[20] = 0.2
        let model = FSRSModel(weights: weights)
        let expected = [1.0, 0.9, 0.84028935, 0.7985001]
        for (t, value) in expected.enumerated() {
            #expect(abs(model.retrievability(elapsedDays: Double(t), stability: 1) - value) < 1e-4)
        }
    }

    @Test("6: ten Easy ratings within seconds bring difficulty to 1.0")
    func easyRunFloorsDifficulty() throws {
        let scheduler = try Self.scheduler()
        var card = Card.new(id: "q", due: Self.start)
        var random = SeededStudyRandom(seed: 1)
        for index in 0..<10 {
            let now = Self.start.addingTimeInterval(Double(index) * 5)
            card = scheduler.schedule(card, rating: .easy, at: now, random: &random).card
        }
        #expect(abs((card.difficulty ?? 0) - 1.0) < 1e-4)
    }
}
