@testable import DrillCLI
import Foundation
import Storage
import StudyKit
import Testing

@Suite("exam")
struct ExamCommandTests {
    @Test("a scripted exam: moving, flagging, changing, finishing; scaled score, breakdown and review")
    func scriptedExam() throws {
        let h = try StudyHarness()
        var savedBeforeFinish = -1
        let (status, out, err, _) = h.run("exam --count 7 --minutes 30 --seed 5", [
            .right(),                 // 1
            .right(),                 // 2
            .wrong(),                 // 3
            .line("flag"),            // 4 flagged
            .after({
                // Answers are stored as they are given, before the exam ends.
                let session = try? h.store.sessions(learner: "default").last
                savedBeforeFinish = (try? h.store.answers(session: session?.id ?? -1).count) ?? -1
            }, .right()),             // 4 answered; 5 on screen
            .line("back"),            // 4 again
            .line("goto 7"),
            .right(),                 // 7, then the end screen
            .line("B"),               // refused at the end screen
            .line("goto 6"),
            .wrong(),                 // 6; 7 on screen
            .line("next"),            // the end screen
            .line("finish"),
        ])
        #expect(status == ExitStatus.failure, "a fail exits 1: \(err)")
        #expect(savedBeforeFinish == 3)
        #expect(err.contains("to change an answer, goto its number first"))
        #expect(out.contains("Question 4 of 7 · flagged · 30:00 left"))
        let (during, after) = try split(out, at: "Exam finished")
        #expect(!during.contains("✓ Correct") && !during.contains("✗ Incorrect") && !during.contains("Rating:"),
                "no feedback before the end")
        // 4 right of 7 (3 wrong or unanswered): 100 + 900 * 4 / 7 = 614.
        #expect(after.contains("Score 614 / 1000: FAIL (pass mark 720). 4 of 7 correct, 6 answered, 1 still flagged."))
        #expect(after.contains("Unanswered questions count as wrong."))
        #expect(after.contains("Per topic"))
        #expect(after.contains("Review of the 3 questions you missed"))

        let session = try #require(try h.store.sessions(learner: "default").last)
        #expect(session.kind == .exam && session.outcome == .completed)
        #expect(session.score == 614 && session.passed == false)
        #expect(session.timeLimit == 1800)
        let answers = try h.store.answers(session: session.id)
        #expect(answers.map(\.position) == Array(1...7))
        #expect(answers.map(\.correct) == [true, true, false, true, false, false, true])
        #expect(answers[3].flagged)
        #expect(answers[4].gaveUp && answers[4].chosenLetters.isEmpty)
        #expect(answers.map(\.rating) == [.good, .good, .again, .good, .again, .again, .good])
        // Every missed question is reviewed with all its explanations.
        for answer in answers where !answer.correct {
            let question = try #require(h.course.question(id: answer.questionID))
            for option in question.options {
                #expect(ShownQuestion.collapse(after).contains(ShownQuestion.collapse(option.why)))
            }
        }
        // Exam answers are FSRS reviews too.
        let log = try h.store.storedReviews(learner: "default")
        #expect(log.count == 7 && log.allSatisfy { $0.source == .exam })
        #expect(answers.map(\.reviewSeq) == log.map(\.seq))
        // The per-topic breakdown adds up to the questions asked.
        var perTopic: [String: Int] = [:]
        for answer in answers { perTopic[try #require(h.course.question(id: answer.questionID)).topic, default: 0] += 1 }
        #expect(perTopic.count == 7, "seven questions are spread over the seven topics")
    }

    @Test("all right: 1000 and a pass, exit status 0")
    func pass() throws {
        let h = try StudyHarness()
        let (status, out, _, _) = h.run("exam --count 5 --seed 2", Array(repeating: .right(), count: 5) + [.line("finish")])
        #expect(status == ExitStatus.success)
        #expect(out.contains("Score 1000 / 1000: PASS (pass mark 720). 5 of 5 correct, 5 answered."))
        #expect(out.contains("Nothing missed."))
    }

    @Test("time runs out by the simulated clock: the late answer and the rest count as wrong")
    func timeUp() throws {
        let h = try StudyHarness()
        let (status, out, _, _) = h.run("exam --count 3 --minutes 10 --seed 1", [
            .right(),
            .after({ try? h.advance(601) }, .right()),
            .right(),
        ])
        #expect(status == ExitStatus.failure)
        #expect(out.contains("Time is up: what was typed after the deadline is not counted."))
        #expect(out.contains("Time ran out after 10m."))
        #expect(out.contains("Score 400 / 1000: FAIL"))
        let session = try #require(try h.store.sessions(learner: "default").last)
        #expect(session.outcome == .timedOut && session.score == 400)
        #expect(try h.store.answers(session: session.id).map(\.correct) == [true, false, false])
    }

    @Test("bad counts and limits are refused before anything starts")
    func errors() throws {
        let h = try StudyHarness()
        #expect(h.run("exam --count 0").err.contains("--count must be at least 1"))
        #expect(h.run("exam --minutes 0").err.contains("--minutes must be from 1 to 600"))
        let goto = h.run("exam --count 2 --seed 1", [.line("goto 9"), .line("!kms list-keys"), .line("finish")])
        #expect(goto.err.contains("type goto and a question number from 1 to 2"))
        #expect(goto.err.contains("commands are not available during an exam"))
        #expect(try h.store.sessions(learner: "default").count == 1)
    }

    private func split(_ text: String, at marker: String) throws -> (String, String) {
        let range = try #require(text.range(of: marker))
        return (String(text[..<range.lowerBound]), String(text[range.lowerBound...]))
    }
}
