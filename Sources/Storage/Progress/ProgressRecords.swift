import Foundation
import StudyKit

/// A learner of a home, with the scheduler parameters in force for them now.
public struct LearnerRecord: Sendable, Equatable {
    public var name: String
    public var createdAt: Date
    /// The stored parameter set's id (review log entries name the set that scheduled them).
    public var parametersID: Int64
    public var parameters: SchedulerParameters
}

/// What a learner has done so far, for `learner list` and `learner show`.
public struct LearnerActivity: Sendable, Equatable {
    /// Cards reviewed at least once.
    public var cards: Int
    /// Entries in the review log.
    public var reviews: Int
    /// Cards due at the time asked.
    public var due: Int
    /// When the learner last reviewed anything.
    public var lastReview: Date?
}

/// Where a review came from; raw values are what the review log stores.
public enum ReviewSource: String, Sendable, Codable, CaseIterable {
    case quiz, review, exam, lab, drill
}

/// The kinds of study session; raw values are what the database stores.
public enum StudySessionKind: String, Sendable, Codable, CaseIterable {
    case quiz, review, exam
}

/// How a session ended; a session with no outcome was interrupted (the process was killed).
public enum StudySessionOutcome: String, Sendable, Codable {
    case completed, quit
    case timedOut = "timed-out"
}

/// One quiz, review or exam as stored.
public struct StudySessionRecord: Sendable, Equatable {
    public var id: Int64
    public var learner: String
    public var kind: StudySessionKind
    public var startedAt: Date
    public var finishedAt: Date?
    public var outcome: StudySessionOutcome?
    /// The questions planned, in order.
    public var questionIDs: [String]
    /// What the learner asked for ("topic=rotation"), if anything.
    public var filter: String?
    /// An exam's time limit in seconds.
    public var timeLimit: TimeInterval?
    /// An exam's scaled score and whether it passed.
    public var score: Int?
    public var passed: Bool?
}

/// One answer given in a session, stored before the next question is shown.
public struct SessionAnswer: Sendable, Equatable {
    public var sessionID: Int64
    /// The question's number in the session, from 1.
    public var position: Int
    public var questionID: String
    /// The option indices (as written) in the order they were shown.
    public var optionOrder: [Int]
    /// Letters chosen, in order ("A", "C"); empty for do-it answers and giving up.
    public var chosenLetters: [String]
    /// What was typed for a do-it question, and what the engine held.
    public var givenAnswer: String?
    public var expectedAnswer: String?
    public var correct: Bool
    public var gaveUp: Bool
    public var attempts: Int
    public var flagged: Bool
    public var shownAt: Date?
    public var answeredAt: Date
    /// Seconds the learner took.
    public var duration: TimeInterval
    /// The rating the outcome implied, and the one recorded (they differ when overridden).
    public var derivedRating: Rating?
    public var rating: Rating?
    /// The review log entry this answer produced, once it has one.
    public var reviewSeq: Int64?

    public init(sessionID: Int64, position: Int, questionID: String, optionOrder: [Int], chosenLetters: [String],
                givenAnswer: String? = nil, expectedAnswer: String? = nil, correct: Bool, gaveUp: Bool = false,
                attempts: Int = 1, flagged: Bool = false, shownAt: Date? = nil, answeredAt: Date,
                duration: TimeInterval, derivedRating: Rating? = nil, rating: Rating? = nil, reviewSeq: Int64? = nil) {
        self.sessionID = sessionID
        self.position = position
        self.questionID = questionID
        self.optionOrder = optionOrder
        self.chosenLetters = chosenLetters
        self.givenAnswer = givenAnswer
        self.expectedAnswer = expectedAnswer
        self.correct = correct
        self.gaveUp = gaveUp
        self.attempts = attempts
        self.flagged = flagged
        self.shownAt = shownAt
        self.answeredAt = answeredAt
        self.duration = duration
        self.derivedRating = derivedRating
        self.rating = rating
        self.reviewSeq = reviewSeq
    }
}

/// A review log entry with where it came from.
public struct StoredReview: Sendable, Equatable {
    /// The entry's position in the home's log.
    public var seq: Int64
    public var entry: ReviewLogEntry
    public var source: ReviewSource
    public var sessionID: Int64?
    /// The parameter set that scheduled it.
    public var parametersID: Int64
}

/// When a learner has read a lesson.
public struct LessonRead: Sendable, Equatable {
    public var lessonID: String
    public var firstRead: Date
    public var lastRead: Date
    public var times: Int
}
