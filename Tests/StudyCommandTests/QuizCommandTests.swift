@testable import DrillCLI
import Foundation
import Storage
import StudyKit
import Testing

@Suite("quiz")
struct QuizCommandTests {
    static let single = "key-types-cancelled-deletion-state"
    static let multiple = "service-encryption-sse-kms-events"
    static let single2 = "key-policies-explicit-deny"

    @Test("a scripted quiz: right, wrong on a multiple-answer question, right with an overridden rating")
    func scriptedQuiz() throws {
        let h = try StudyHarness()
        let (status, out, err, _) = h.run("quiz --question \(Self.single) --question \(Self.multiple) --question \(Self.single2) --seed 3",
                                         [.right(), .wrong(), .right(suffix: " 1")])
        #expect(status == ExitStatus.success, "\(err)")
        #expect(out.contains("Question 1 of 3"))
        #expect(out.contains("Choose two."))
        #expect(out.components(separatedBy: "✓ Correct.").count == 3)
        #expect(out.contains("✗ Incorrect: you chose"))
        // Every option of every question is explained.
        for id in [Self.single, Self.multiple, Self.single2] {
            let question = try #require(h.course.question(id: id))
            for option in question.options {
                #expect(ShownQuestion.collapse(out).contains(ShownQuestion.collapse(option.why)), "missing why of '\(option.text)' in \(id)")
            }
        }
        #expect(out.contains("Quiz over: 3 answered, 2 correct"))

        let session = try #require(try h.store.sessions(learner: "default").last)
        #expect(session.kind == .quiz)
        #expect(session.outcome == .completed)
        let answers = try h.store.answers(session: session.id)
        #expect(answers.map(\.questionID) == [Self.single, Self.multiple, Self.single2])
        #expect(answers.map(\.correct) == [true, false, true])
        #expect(answers[1].chosenLetters.count == 2)
        #expect(answers[1].rating == .again)
        // Answered at once: right first time and fast is Easy; the third was overridden to Again.
        #expect(answers[0].derivedRating == .easy && answers[0].rating == .easy)
        #expect(answers[2].derivedRating == .easy && answers[2].rating == .again)
        #expect(out.contains("Saved: again (your rating)"))

        let log = try h.store.storedReviews(learner: "default")
        #expect(log.map(\.entry.cardID) == [Self.single, Self.multiple, Self.single2])
        #expect(log.map(\.entry.rating) == [.easy, .again, .again])
        #expect(log.allSatisfy { $0.source == .quiz && $0.sessionID == session.id })
        #expect(answers.map(\.reviewSeq) == log.map(\.seq))
        // The card of the overridden answer is scheduled by the learner's rating: again, 1 minute.
        let card = try #require(try h.store.card(learner: "default", id: Self.single2))
        #expect(card.due == StudyHarness.start.addingTimeInterval(60))
    }

    @Test("bad input names the fix and asks again; skip records nothing; quit keeps what was answered")
    func badInputSkipQuit() throws {
        let h = try StudyHarness()
        let (status, out, err, _) = h.run("quiz --question \(Self.single) --question \(Self.multiple) --question \(Self.single2)",
                                         [.line("Z"), .line("AB"), .line("A,B"), .right(), .line("?"), .line("skip"), .line("quit")])
        #expect(status == ExitStatus.success)
        #expect(err.contains("there is no option Z; choose from A to D"))
        #expect(err.contains("separate letters with commas, e.g. A,B"))
        #expect(err.contains("this question has one correct answer; type a single letter"))
        #expect(out.contains("giveup"))  // the help text
        #expect(out.contains("Skipped"))
        #expect(out.contains("1 answered, 1 correct, 1 skipped, 1 not reached"))
        let session = try #require(try h.store.sessions(learner: "default").last)
        #expect(session.outcome == .quit)
        #expect(try h.store.answers(session: session.id).map(\.questionID) == [Self.single])
        #expect(try h.store.cards(learner: "default").map(\.id) == [Self.single])
    }

    @Test("giveup shows every explanation and records Again")
    func giveUp() throws {
        let h = try StudyHarness()
        let (_, out, _, _) = h.run("quiz --question \(Self.single)", [.line("giveup")])
        #expect(out.contains("✗ Gave up. The answer is"))
        let log = try h.store.reviewLog(learner: "default")
        #expect(log.map(\.rating) == [.again])
    }

    @Test("a do-it question is graded against the learner's sandbox, with {key-id:alias/...} resolved")
    func doItQuestion() throws {
        let h = try StudyHarness()
        func keyID(_ transcript: String) -> String {
            let marker = "\"KeyId\": \""
            guard let start = transcript.range(of: marker, options: .backwards) else { return "missing" }
            return String(transcript[start.upperBound...].prefix { $0 != "\"" })
        }
        let first = h.run("quiz --question rotation-doit-period", [
            .line("180"),  // nothing done yet: cannot be checked
            .line("!kms create-key --description app"),
            .computed { "!kms create-alias --alias-name alias/app --target-key-id \(keyID($0))" },
            .computed { "!kms enable-key-rotation --key-id \(keyID($0)) --rotation-period-in-days 180" },
            .line("!quiz"),  // refused: no quiz inside a quiz
            .line("90"),
        ])
        #expect(first.err.contains("Cannot check your answer yet: alias/app does not exist in your sandbox yet"))
        #expect(first.err.contains("'quiz' cannot run inside a quiz"))
        #expect(first.out.contains("This is a do-it question"))
        #expect(first.out.contains("✗ Incorrect: you typed 90; the engine holds 180."))
        let second = h.run("quiz --question rotation-doit-period", [.line("180 good")])
        #expect(second.out.contains("✓ Correct: the engine holds 180."), "\(second.out)\n\(second.err)")
        let answers = try h.store.sessions(learner: "default").flatMap { try h.store.answers(session: $0.id) }
        #expect(answers.map(\.givenAnswer) == ["90", "180"])
        #expect(answers.map(\.expectedAnswer) == ["180", "180"])
        #expect(answers.map(\.correct) == [false, true])
        #expect(answers.map(\.rating) == [.again, .good])
    }

    @Test("do-it questions on services not simulated yet are refused by name, and left out of quizzes")
    func unavailableDoIt() throws {
        let h = try StudyHarness()
        let evaluator = DoItEvaluator(runner: h.runner)
        let unanswerable = h.course.questions.filter { q in q.answer.map { !evaluator.isAnswerable($0) } ?? false }
        guard let question = unanswerable.first else { return }  // every service is simulated: nothing to refuse
        let refused = h.run("quiz --question \(question.id)")
        #expect(refused.status == ExitStatus.usage)
        #expect(refused.err.contains("which this build does not simulate yet"))
        h.run("quiz --count 200", Array(repeating: .line("skip"), count: 200))
        let session = try #require(try h.store.sessions(learner: "default").last)
        #expect(session.questionIDs.count == h.course.questions.count - unanswerable.count)
        #expect(Set(session.questionIDs).isDisjoint(with: unanswerable.map(\.id)))
    }

    @Test("unknown topics, lessons and questions, and a zero count, are refused with what exists")
    func errors() throws {
        let h = try StudyHarness()
        let topic = h.run("quiz --topic rotaton")
        #expect(topic.status == ExitStatus.usage)
        #expect(topic.err.contains("there is no topic 'rotaton'; topics are: key-types, key-policies"))
        let lesson = h.run("quiz --lesson nope")
        #expect(lesson.err.contains("there is no lesson 'nope'; lessons are:"))
        let question = h.run("quiz --question no-such-question")
        #expect(question.err.contains("there is no question 'no-such-question'"))
        let count = h.run("quiz --count 0")
        #expect(count.status == ExitStatus.usage)
        #expect(count.err.contains("--count must be at least 1"))
        #expect(try h.store.sessions(learner: "default").isEmpty)
    }

    @Test("quiz introduces new questions first and filters by topic and lesson")
    func selection() throws {
        let h = try StudyHarness()
        h.run("quiz --topic key-policies --count 4", Array(repeating: .right(suffix: " 3"), count: 4))
        let firstIDs = try h.store.cards(learner: "default").map(\.id)
        #expect(firstIDs.count == 4)
        #expect(firstIDs.allSatisfy { h.course.question(id: $0)?.topic == "key-policies" })
        h.run("quiz --topic key-policies --count 4", Array(repeating: .right(suffix: " 3"), count: 4))
        #expect(Set(try h.store.cards(learner: "default").map(\.id)).count == 8, "the second quiz asks four new questions")

        let lesson = try #require(h.course.lesson(id: "key-policies"))
        h.run("quiz --lesson key-policies --count 3", Array(repeating: .right(), count: 3))
        let session = try #require(try h.store.sessions(learner: "default").last)
        #expect(session.filter == "lesson=key-policies")
        for id in session.questionIDs {
            let facts = Set(try #require(h.course.question(id: id)).facts)
            #expect(!facts.isDisjoint(with: lesson.facts))
        }
    }

    @Test("the answer line reads commands, ratings after answers, and never a lone letter as a rating")
    func answerLine() {
        #expect(AnswerLine("B,C 4") == .answer("B,C", rating: .easy))
        #expect(AnswerLine("A easy") == .answer("A", rating: .easy))
        #expect(AnswerLine("A e") == .answer("A e", rating: nil))
        #expect(AnswerLine("A C") == .answer("A C", rating: nil))
        #expect(AnswerLine("180") == .answer("180", rating: nil))
        #expect(AnswerLine(" !kms list-keys ") == .command("kms list-keys"))
        #expect(AnswerLine("Give Up") == .giveUp)
        #expect(AnswerLine.rating("a") == nil)
        #expect(AnswerLine.rating("2") == .hard)
        #expect(AnswerLine.rating("5") == nil)
    }
}
