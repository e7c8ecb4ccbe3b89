import Foundation
import Testing
@testable import StudyKit

@Suite("From answer outcomes to ratings")
struct RatingPolicyTests {
    @Test("FSRS.md's mapping", arguments: [
        (AnswerOutcome(result: .wrong), Rating.again),
        (AnswerOutcome(result: .gaveUp, duration: 2, fastThreshold: 10), .again),
        (AnswerOutcome(result: .wrong, attempts: 3), .again),
        (AnswerOutcome(result: .correct, attempts: 2), .hard),
        (AnswerOutcome(result: .correct, hintsUsed: 1, duration: 1, fastThreshold: 10), .hard),
        (AnswerOutcome(result: .correct), .good),
        (AnswerOutcome(result: .correct, duration: 30, fastThreshold: 10), .good),
        (AnswerOutcome(result: .correct, duration: 10, fastThreshold: 10), .easy),
        (AnswerOutcome(result: .correct, duration: 4, fastThreshold: 10), .easy),
    ])
    func mapping(_ outcome: AnswerOutcome, _ expected: Rating) {
        #expect(RatingPolicy.derivedRating(for: outcome) == expected)
    }

    @Test("the learner's own rating wins")
    func override() {
        #expect(RatingPolicy.rating(for: AnswerOutcome(result: .correct), override: .hard) == .hard)
        #expect(RatingPolicy.rating(for: AnswerOutcome(result: .correct), override: nil) == .good)
    }

    @Test("fast means fast for this item: reading time, or this learner's median when known")
    func threshold() {
        #expect(RatingPolicy.fastThreshold(wordCount: 40) == 18)
        #expect(RatingPolicy.fastThreshold(wordCount: 40, previousCorrectDurations: [30, 12]) == 18)
        #expect(RatingPolicy.fastThreshold(wordCount: 40, previousCorrectDurations: [12, 9, 30]) == 12)
        #expect(RatingPolicy.fastThreshold(wordCount: 40, previousCorrectDurations: [60, 50, 70, 40]) == 18)
    }

    @Test("typed ratings", arguments: [("good", Rating.good), ("G", .good), ("1", .again), (" Easy ", .easy), ("h", .hard)])
    func parsing(_ text: String, _ rating: Rating) {
        #expect(Rating(parsing: text) == rating)
    }

    @Test("nonsense is not a rating")
    func badRating() {
        #expect(Rating(parsing: "5") == nil)
        #expect(Rating(parsing: "great") == nil)
    }
}
