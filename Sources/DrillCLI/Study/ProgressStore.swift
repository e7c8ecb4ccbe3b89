import Foundation
import Storage
import StudyKit

/// Where learners' progress is kept: what the study commands (and later labs and drills) need,
/// whatever stores it. `SQLiteProgressStore` in Storage is the implementation.
///
/// Labs record their outcomes through the same `recordReview` as questions, with card ids of the
/// form `lab:<id>`, so one FSRS schedule and one review log cover everything a learner practises.
protocol ProgressStore: AnyObject {
    /// Runs `body` in one transaction: every call inside commits together or not at all.
    func transaction<T>(_ body: () throws -> T) throws -> T

    func learners() throws -> [LearnerRecord]
    func learner(named name: String) throws -> LearnerRecord?
    /// The learner called `name`; "default" is created on first use, anyone else must be added.
    func requireLearner(_ name: String, at time: Date) throws -> LearnerRecord
    @discardableResult
    func addLearner(_ name: String, parameters: SchedulerParameters, at time: Date) throws -> LearnerRecord
    @discardableResult
    func setParameters(_ parameters: SchedulerParameters, for learner: String, at time: Date) throws -> LearnerRecord
    func activity(of learner: String, at now: Date) throws -> LearnerActivity

    /// Reviews one card under the learner's parameters and appends the review log entry (and the
    /// session answer, when given) in one transaction.
    @discardableResult
    func recordReview<R: StudyRandomSource>(learner: String, cardID: String, rating: Rating, at time: Date,
                                            duration: TimeInterval?, source: ReviewSource, answer: SessionAnswer?,
                                            random: inout R) throws -> RecordedReview
    func card(learner: String, id: String) throws -> Card?
    func cards(learner: String) throws -> [Card]
    func dueCards(learner: String, at now: Date) throws -> [Card]
    func nextDue(learner: String, after now: Date) throws -> Date?
    func reviewLog(learner: String) throws -> [ReviewLogEntry]
    func correctAnswerDurations(learner: String) throws -> [String: [TimeInterval]]

    func startSession(learner: String, kind: StudySessionKind, at time: Date, questionIDs: [String],
                      filter: String?, timeLimit: TimeInterval?) throws -> Int64
    func finishSession(_ id: Int64, at time: Date, outcome: StudySessionOutcome, score: Int?, passed: Bool?) throws
    func saveAnswer(_ answer: SessionAnswer) throws
    func answers(session id: Int64) throws -> [SessionAnswer]

    func markLessonRead(learner: String, lesson: String, at time: Date) throws
    func lessonReads(learner: String) throws -> [String: LessonRead]
}

extension SQLiteProgressStore: ProgressStore {}
