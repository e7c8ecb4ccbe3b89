import Foundation
import Storage
import StudyKit

/// Where a finished lab goes as an FSRS review of its card `lab:<id>`.
protocol LabReviewRecording {
    /// Records `rating` for the learner's lab card; returns when it is due again.
    func recordLabReview(learner: String, labId: String, rating: Rating, at time: Date, duration: TimeInterval?) throws -> Date?
}

/// Lab reviews in the learner's progress store (the same FSRS schedule and review log as questions).
struct ProgressStoreLabReviews: LabReviewRecording {
    let database: AppDatabase

    func recordLabReview(learner: String, labId: String, rating: Rating, at time: Date, duration: TimeInterval?) throws -> Date? {
        let store = SQLiteProgressStore(database: database)
        _ = try store.requireLearner(learner, at: time)
        var random = SystemStudyRandom()
        _ = try store.recordReview(learner: learner, cardID: Lab.cardID(for: labId), rating: rating, at: time, duration: duration,
                                   source: .lab, answer: nil, random: &random)
        return try store.card(learner: learner, id: Lab.cardID(for: labId))?.due
    }
}

/// How a lab attempt becomes an honest FSRS rating (FSRS.md): gave up (quit unpassed, or looked
/// at the solution) -> Again; passed after hints -> Hard, or Again when the hints gave away the
/// command for every check (nothing was recalled); passed without hints -> Good, or Easy when it
/// took at most half the lab's estimated time.
enum LabRating {
    static func rating(passed: Bool, hintsUsed: Int, solutionViewed: Bool, checks: Int, minutes: Int?,
                       duration: TimeInterval?) -> Rating {
        guard passed, !solutionViewed else { return .again }
        if checks > 0 && hintsUsed >= checks * LabHints.tierNames.count { return .again }
        let fast = TimeInterval(minutes ?? 10) * 60 / 2
        let outcome = AnswerOutcome(result: .correct, attempts: 1, hintsUsed: hintsUsed, duration: duration, fastThreshold: fast)
        return RatingPolicy.derivedRating(for: outcome)
    }
}
