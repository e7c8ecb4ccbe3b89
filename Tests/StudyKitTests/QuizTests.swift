import Foundation
import Testing
import Wire
@testable import StudyKit

@Suite("Quizzes")
struct QuizTests {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)

    static func course() throws -> Course {
        let (course, diagnostics) = ContentLoader.load(directory: Fixtures.goodContent)
        #expect(diagnostics.isEmpty)
        return try #require(course)
    }

    static func presented(_ id: String) throws -> PresentedQuestion {
        PresentedQuestion(question: try #require(try course().question(id: id)))
    }

    @Test("answer letters", arguments: [("B", [1]), ("b", [1]), (" c ", [2]), ("A,C", [0, 2]), ("a, c", [0, 2]), ("C A", [0, 2])])
    func letters(_ input: String, _ expected: [Int]) throws {
        let required = expected.count
        #expect(try AnswerInput.parse(input, optionCount: 4, required: required) == expected)
    }

    @Test("bad answers say what to type", arguments: [
        ("", 1, "type the letter of your answer (A to D)"),
        ("E", 1, "there is no option E; choose from A to D"),
        ("1", 1, "'1' is not an option letter; choose from A to D"),
        ("AC", 2, "separate letters with commas, e.g. A,C"),
        ("A,A", 2, "A is given more than once; give each letter once"),
        ("A,B", 1, "this question has one correct answer; type a single letter"),
        ("A", 2, "this question asks for 2 answers and you gave 1; type 2 letters separated by commas, e.g. A,C"),
        ("maybe", 1, "'maybe' is not an option letter; choose from A to D"),
    ])
    func badAnswers(_ input: String, _ required: Int, _ message: String) {
        do {
            _ = try AnswerInput.parse(input, optionCount: 4, required: required)
            Issue.record("'\(input)' was accepted")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("grading gives every option its explanation")
    func grading() throws {
        let question = try Self.presented("key-is-the-problem")
        let wrong = Grader.grade(question, chosen: [1])
        #expect(!wrong.correct)
        #expect(wrong.chosenLetters == ["B"])
        #expect(wrong.correctLetters == ["A"])
        #expect(wrong.options.map(\.why) == ["The ciphertext is only as safe as access to its key.",
                                             "The hardware does not change who can decrypt.",
                                             "Format is irrelevant once data is ciphertext."])
        #expect(wrong.options.map(\.chosen) == [false, true, false])
        #expect(Grader.grade(question, chosen: [0]).correct)
        let multiple = try Self.presented("key-protection-pairs")
        #expect(Grader.grade(multiple, chosen: [0, 1]).correct)
        #expect(!Grader.grade(multiple, chosen: [0, 2]).correct)
        #expect(Grader.grade(multiple, chosen: [0, 1]).explanation == "Control of the key is control of the data.")
    }

    @Test("shuffled options keep their explanations and the right letters")
    func shuffledLetters() throws {
        let question = try #require(try Self.course().question(id: "data-key-two-forms"))
        var random = SeededStudyRandom(seed: 11)
        let presented = PresentedQuestion(question: question, optionOrder: [2, 0, 1])
        #expect(presented.correctLetters == ["B"])
        #expect(presented.shownOptions.map(\.letter) == ["A", "B", "C"])
        #expect(Grader.grade(presented, chosen: try presented.parseAnswer("b")).correct)
        // `shuffle: false` keeps written order even when the quiz shuffles.
        let fixed = QuizBuilder.present(try #require(try Self.course().question(id: "key-protection-pairs")), shuffle: true, random: &random)
        #expect(fixed.optionOrder == [0, 1, 2, 3])
    }

    @Test("do-it answers compare as text, numbers by value")
    func doIt() {
        #expect(DoItMatcher.matches("SYMMETRIC_DEFAULT", expected: "SYMMETRIC_DEFAULT"))
        #expect(DoItMatcher.matches("  \"SYMMETRIC_DEFAULT\" ", expected: "SYMMETRIC_DEFAULT"))
        #expect(!DoItMatcher.matches("symmetric_default", expected: "SYMMETRIC_DEFAULT"))
        #expect(DoItMatcher.matches("180", expected: 180))
        #expect(DoItMatcher.matches("180.0", expected: 180))
        #expect(!DoItMatcher.matches("181", expected: 180))
        #expect(DoItMatcher.matches("True", expected: true))
        #expect(DoItMatcher.matches("[\"a\", \"b\"]", expected: ["a", "b"]))
        #expect(!DoItMatcher.matches("a, b", expected: ["a", "b"]))
    }

    @Test("building a quiz is deterministic for a seed and honours topic and count")
    func building() throws {
        let course = try Self.course()
        func build(_ seed: UInt64) throws -> [PresentedQuestion] {
            var random = SeededStudyRandom(seed: seed)
            return try QuizBuilder.build(from: course, request: QuizRequest(source: .bank(topic: "key-types"), count: 2), random: &random)
        }
        let first = try build(5)
        #expect(first == (try build(5)))
        #expect(first.count == 2)
        #expect(first.allSatisfy { $0.question.topic == "key-types" })
        let orders = Set(try (1...20).map { try build($0).map(\.question.id) })
        #expect(orders.count > 1, "different seeds should give different quizzes")
    }

    @Test("quiz building errors", arguments: [
        (QuizRequest(source: .bank(topic: "nope")), "there is no topic 'nope'; topics are: key-types, envelope"),
        (QuizRequest(source: .bank(topic: nil), count: 0), "the number of questions must be at least 1, got 0"),
        (QuizRequest(source: .questions(["missing"])), "there is no question 'missing' in the bank"),
    ])
    func buildErrors(_ request: QuizRequest, _ message: String) throws {
        var random = SeededStudyRandom(seed: 1)
        let course = try Self.course()
        do {
            _ = try QuizBuilder.build(from: course, request: request, random: &random)
            Issue.record("built a quiz")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("a review quiz asks exactly the due cards, most overdue first")
    func reviewQuiz() throws {
        let course = try Self.course()
        let now = Self.start
        func card(_ id: String, due: Double) -> Card {
            Card(id: id, state: .review, step: nil, stability: 3, difficulty: 5, due: now.addingTimeInterval(due),
                 lastReview: now.addingTimeInterval(-86_400 * 3))
        }
        let cards = [card("cmk-cost", due: -100), card("key-is-the-problem", due: -5_000),
                     card("data-key-two-forms", due: 3_600), Card.new(id: "key-protection-pairs", due: now)]
        var random = SeededStudyRandom(seed: 1)
        let quiz = try QuizBuilder.build(from: course, request: QuizRequest(source: .due(cards: cards, now: now)), random: &random)
        #expect(quiz.map(\.question.id) == ["key-is-the-problem", "cmk-cost"])
    }

    @Test("an exam spreads questions over topics and leaves out do-it questions")
    func examBuilding() throws {
        var random = SeededStudyRandom(seed: 9)
        let exam = try QuizBuilder.buildExam(from: try Self.course(), count: 2, random: &random)
        #expect(Set(exam.map(\.question.topic)) == ["key-types", "envelope"])
        var again = SeededStudyRandom(seed: 9)
        let all = try QuizBuilder.buildExam(from: try Self.course(), count: 50, random: &again)
        #expect(all.count == 4)
        #expect(!all.contains { $0.question.kind == .doIt })
    }

    @Test("a quiz session: invalid input, grading, derived and overridden ratings, records")
    func session() throws {
        let course = try Self.course()
        let items = ["key-is-the-problem", "key-protection-pairs", "data-key-size-do-it"].compactMap {
            course.question(id: $0).map { PresentedQuestion(question: $0) }
        }
        var quiz = QuizSession(items: items, startedAt: Self.start)
        #expect(quiz.submit("Z", at: Self.start) == .invalid(.noSuchOption("Z", letters: "A to C")))
        // Right first time after 4 seconds on a short question: fast, so Easy.
        guard case .graded(let first, let derived) = quiz.submit("a", at: Self.start.addingTimeInterval(4)) else {
            Issue.record("not graded"); return
        }
        #expect(first.correct && derived == .easy)
        #expect(quiz.submit("a", at: Self.start) == .notAsking)
        let confirmed = quiz.confirm(at: Self.start.addingTimeInterval(10))
        let record = try #require(confirmed)
        #expect(record.rating == .easy && !record.overridden && record.duration == 4)
        // Wrong on the multiple question; the learner agrees it was a miss.
        guard case .graded(let second, let secondRating) = quiz.submit("A,C", at: Self.start.addingTimeInterval(70)) else {
            Issue.record("not graded"); return
        }
        #expect(!second.correct && secondRating == .again)
        #expect(second.options.count == 4)
        let confirmedSecond = quiz.confirm(rating: .hard, at: Self.start.addingTimeInterval(75))
        let secondRecord = try #require(confirmedSecond)
        #expect(secondRecord.rating == .hard && secondRecord.overridden && secondRecord.derivedRating == .again)
        #expect(secondRecord.chosenLetters == ["A", "C"])
        // The do-it question takes a value and the engine's answer.
        #expect(quiz.submit("A", at: Self.start) == .notAsking)
        guard case .graded(let third, let thirdRating) = quiz.submitDoIt("SYMMETRIC_DEFAULT", expected: "SYMMETRIC_DEFAULT",
                                                                        at: Self.start.addingTimeInterval(200)) else {
            Issue.record("not graded"); return
        }
        #expect(third.correct && thirdRating == .good)
        #expect(third.explanation?.hasPrefix("A key created with default settings") == true)
        _ = quiz.confirm(at: Self.start.addingTimeInterval(201))
        #expect(quiz.isFinished)
        #expect(quiz.summary.answered == 3)
        #expect(quiz.summary.correct == 2)
        #expect(quiz.records.map(\.questionID) == ["key-is-the-problem", "key-protection-pairs", "data-key-size-do-it"])
    }

    @Test("retries: right on the second try is Hard; giving up is Again")
    func retries() throws {
        let items = [try Self.presented("key-is-the-problem"), try Self.presented("cmk-cost")]
        var quiz = QuizSession(items: items, startedAt: Self.start, maxAttempts: 2)
        #expect(quiz.submit("B", at: Self.start.addingTimeInterval(5)) == .tryAgain(attemptsLeft: 1))
        guard case .graded(_, let rating) = quiz.submit("A", at: Self.start.addingTimeInterval(9)) else {
            Issue.record("not graded"); return
        }
        #expect(rating == .hard)
        #expect(quiz.confirm(at: Self.start.addingTimeInterval(10))?.attempts == 2)
        guard case .graded(let graded, let gaveUpRating) = quiz.giveUp(at: Self.start.addingTimeInterval(20)) else {
            Issue.record("not graded"); return
        }
        #expect(graded.gaveUp && !graded.correct && gaveUpRating == .again)
        #expect(graded.options.allSatisfy { !$0.why.isEmpty })
        #expect(quiz.confirm(at: Self.start.addingTimeInterval(21))?.gaveUp == true)
    }
}
