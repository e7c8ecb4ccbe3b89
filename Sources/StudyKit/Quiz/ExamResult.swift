import Foundation

/// How practice exams are scored.
///
/// AWS reports results on a 100–1000 scale with a pass mark (720 for associate exams) and does not
/// publish its conversion, which also weights questions. Ours is linear and unweighted:
/// `score = 100 + 900 × correct / total`, rounded to the nearest whole number, so 0 right is 100,
/// all right is 1000, and the 720 pass mark means 68.9% right (rounded: 62 of 90).
public enum ExamScoring {
    /// The pass mark on the 100–1000 scale.
    public static let passingScore = 720

    /// The scaled score for `correct` right out of `total` (100 for an empty exam).
    public static func scaledScore(correct: Int, total: Int) -> Int {
        guard total > 0 else { return 100 }
        let fraction = Double(min(max(correct, 0), total)) / Double(total)
        return Int((100 + 900 * fraction).rounded())
    }
}

/// How one topic went in an exam.
public struct TopicScore: Codable, Sendable, Equatable {
    public var topic: String
    public var title: String
    public var correct: Int
    public var total: Int

    /// Percent correct, 0–100, rounded.
    public var percent: Int { total == 0 ? 0 : Int((100 * Double(correct) / Double(total)).rounded()) }
}

/// One exam question's outcome, for storage and for FSRS.
public struct ExamAnswerRecord: Codable, Sendable, Equatable {
    public var questionID: String
    public var topic: String
    public var chosenLetters: [String]
    public var answered: Bool
    public var correct: Bool
    public var flagged: Bool
    /// Seconds the question was on screen, over all visits.
    public var timeSpent: TimeInterval
    /// When the last answer was given, if any.
    public var answeredAt: Date?
    /// Right -> Good, wrong or unanswered -> Again (an exam gives no hints and no second try).
    public var rating: Rating
}

/// The end of an exam: the score, the breakdown, and what to review.
public struct ExamResult: Codable, Sendable, Equatable {
    public var total: Int
    public var correct: Int
    public var answered: Int
    public var scaledScore: Int
    public var passingScore: Int
    public var passed: Bool
    /// Whether the time limit ended the exam.
    public var timedOut: Bool
    public var startedAt: Date
    public var finishedAt: Date
    /// Per topic, in the course's topic order.
    public var topics: [TopicScore]
    /// Every question answered wrongly or not at all, graded with every option's explanation.
    public var missed: [GradedAnswer]
    /// Ids of questions still flagged at the end.
    public var flagged: [String]
    /// Every question in exam order.
    public var answers: [ExamAnswerRecord]

    /// Seconds from start to finish.
    public var duration: TimeInterval { finishedAt.timeIntervalSince(startedAt) }
}
