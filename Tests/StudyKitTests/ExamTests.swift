import Foundation
import Testing
@testable import StudyKit

@Suite("Practice exams")
struct ExamTests {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)

    static func exam(timeLimit: TimeInterval? = 600) throws -> ExamSession {
        let (course, _) = ContentLoader.load(directory: Fixtures.goodContent)
        let loaded = try #require(course)
        let items = ["key-is-the-problem", "data-key-two-forms", "cmk-cost", "key-protection-pairs"].compactMap {
            loaded.question(id: $0).map { PresentedQuestion(question: $0) }
        }
        return try ExamSession(items: items, startedAt: start, timeLimit: timeLimit, topics: loaded.topics)
    }

    @Test("the scaled score: 100 + 900 × fraction correct, pass at 720", arguments: [
        (0, 10, 100), (10, 10, 1000), (5, 10, 550), (62, 90, 720), (61, 90, 710), (2, 3, 700), (0, 0, 100),
    ])
    func scaling(_ correct: Int, _ total: Int, _ score: Int) {
        #expect(ExamScoring.scaledScore(correct: correct, total: total) == score)
    }

    @Test("answers change freely, flags toggle, and nothing is graded until the end")
    func fullExam() throws {
        var exam = try Self.exam()
        try exam.answer("B", at: Self.start.addingTimeInterval(20))        // q1 wrong at first …
        try exam.answer("A", at: Self.start.addingTimeInterval(30))        // … then changed to right
        try exam.show(1, at: Self.start.addingTimeInterval(40))
        try exam.answer("a", at: Self.start.addingTimeInterval(60))        // q2 right
        try exam.toggleFlag(at: Self.start.addingTimeInterval(61))
        try exam.show(2, at: Self.start.addingTimeInterval(70))
        try exam.answer("C", at: Self.start.addingTimeInterval(90))        // q3 wrong
        try exam.toggleFlag(at: Self.start.addingTimeInterval(91))
        try exam.toggleFlag(at: Self.start.addingTimeInterval(92))         // unflagged again
        #expect(exam.result == nil)
        #expect(exam.unanswered == [3])
        #expect(exam.remaining(at: Self.start.addingTimeInterval(100)) == 500)
        let result = exam.finish(at: Self.start.addingTimeInterval(120))
        #expect(result.total == 4 && result.correct == 2 && result.answered == 3)
        #expect(result.scaledScore == 550 && !result.passed && result.passingScore == 720)
        #expect(!result.timedOut)
        #expect(result.topics == [TopicScore(topic: "key-types", title: "Key types", correct: 1, total: 3),
                                  TopicScore(topic: "envelope", title: "Envelope encryption", correct: 1, total: 1)])
        #expect(result.topics[0].percent == 33)
        #expect(result.missed.map(\.questionID) == ["cmk-cost", "key-protection-pairs"])
        #expect(result.missed[0].options.allSatisfy { !$0.why.isEmpty })
        #expect(result.flagged == ["data-key-two-forms"])
        #expect(result.answers.map(\.timeSpent) == [40, 30, 50, 0])
        #expect(result.answers.map(\.rating) == [.good, .good, .again, .again])
        #expect(result.duration == 120)
        #expect(throws: ExamError.finished) { try exam.answer("A", at: Self.start.addingTimeInterval(130)) }
        #expect(exam.finish(at: Self.start.addingTimeInterval(999)) == result)
    }

    @Test("when time runs out, answers are refused and the exam ends at the deadline")
    func timeLimit() throws {
        var exam = try Self.exam(timeLimit: 60)
        try exam.answer("A", at: Self.start.addingTimeInterval(50))
        #expect(throws: ExamError.timeUp) { try exam.answer("B", at: Self.start.addingTimeInterval(61)) }
        #expect(exam.isTimeUp(at: Self.start.addingTimeInterval(60)))
        let result = exam.finish(at: Self.start.addingTimeInterval(300))
        #expect(result.timedOut)
        #expect(result.finishedAt == Self.start.addingTimeInterval(60))
        #expect(result.correct == 1)
        #expect(result.answers[0].chosenLetters == ["A"])
    }

    @Test("bad exam actions are refused with a reason")
    func refusals() throws {
        var exam = try Self.exam()
        #expect(throws: ExamError.noSuchQuestion(5, count: 4)) { try exam.show(4, at: Self.start) }
        #expect(throws: ExamError.invalidAnswer(.noSuchOption("F", letters: "A to C"))) { try exam.answer("F", at: Self.start) }
        let (course, _) = ContentLoader.load(directory: Fixtures.goodContent)
        let doIt = try #require(course?.question(id: "data-key-size-do-it"))
        #expect(throws: ExamError.doItNotInExams("data-key-size-do-it")) {
            try ExamSession(items: [PresentedQuestion(question: doIt)], startedAt: Self.start)
        }
    }
}
