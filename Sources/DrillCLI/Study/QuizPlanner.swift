import Foundation
import StudyKit

/// Chooses the questions of a quiz: new questions are introduced here (review only brings back
/// what FSRS says is due), so questions never answered come first, then those due soonest.
enum QuizPlanner {
    /// What the learner asked for.
    struct Request {
        var topic: String?
        var lesson: String?
        var questionIDs: [String] = []
        var count: Int?
    }

    /// How many questions a quiz asks unless told.
    static let defaultCount = 10

    /// The presented questions; errors name what exists.
    static func plan(_ request: Request, course: Course, cards: [Card], answerable: (Question) -> Bool,
                     random: inout StudyRandom) throws -> [PresentedQuestion] {
        if let count = request.count, count < 1 {
            throw DrillError("--count must be at least 1, got \(count)", status: ExitStatus.usage)
        }
        if !request.questionIDs.isEmpty {
            return try request.questionIDs.map { id in
                guard let question = course.question(id: id) else {
                    throw DrillError("there is no question '\(id)' in the bank; 'progress --format json' lists topics, and the ids appear in each question's header",
                                     status: ExitStatus.usage)
                }
                guard answerable(question) else {
                    let service = question.answer?.command.split(separator: " ").first.map(String.init) ?? "?"
                    throw DrillError("question '\(id)' is answered with the \(service) service, which this build does not simulate yet",
                                     status: ExitStatus.usage)
                }
                return QuizBuilder.present(question, shuffle: true, random: &random)
            }
        }
        var pool = course.questions
        if let topic = request.topic {
            guard course.topic(id: topic) != nil else {
                throw DrillError("there is no topic '\(topic)'; topics are: \(course.topics.map(\.id).joined(separator: ", "))",
                                 status: ExitStatus.usage)
            }
            pool = pool.filter { $0.topic == topic }
        }
        if let lessonID = request.lesson {
            guard let lesson = StudyTargets.lesson(lessonID, in: course) else {
                throw DrillError("there is no lesson '\(lessonID)'; lessons are: \(course.lessons.map(\.id).joined(separator: ", "))",
                                 status: ExitStatus.usage)
            }
            let facts = Set(lesson.facts)
            pool = pool.filter { !facts.isDisjoint(with: $0.facts) }
        }
        pool = pool.filter(answerable)
        guard !pool.isEmpty else {
            throw DrillError("no questions match\(request.topic.map { " topic '\($0)'" } ?? "")\(request.lesson.map { " lesson '\($0)'" } ?? "")",
                             status: ExitStatus.failure)
        }
        let dueByID = Dictionary(cards.map { ($0.id, $0.due) }, uniquingKeysWith: { first, _ in first })
        let shuffled = random.shuffled(pool)
        let unseen = shuffled.filter { dueByID[$0.id] == nil }
        let seen = shuffled.filter { dueByID[$0.id] != nil }.enumerated()
            .sorted { (dueByID[$0.element.id] ?? .distantFuture, $0.offset) < (dueByID[$1.element.id] ?? .distantFuture, $1.offset) }
            .map(\.element)
        let chosen = (unseen + seen).prefix(request.count ?? defaultCount)
        return chosen.map { QuizBuilder.present($0, shuffle: true, random: &random) }
    }
}

/// Finds what `study X` and `--lesson X` name: a lesson by id or number, a topic, or a fact.
enum StudyTargets {
    /// The lesson with this id, or at this 1-based position in reading order.
    static func lesson(_ name: String, in course: Course) -> Lesson? {
        if let lesson = course.lesson(id: name) { return lesson }
        if let number = Int(name), number >= 1, number <= course.lessons.count { return course.lessons[number - 1] }
        return nil
    }

    /// The lessons `name` stands for: one lesson, every lesson of a topic, or every lesson that
    /// teaches a fact (F7). Empty when nothing matches.
    static func lessons(_ name: String, in course: Course) -> [Lesson] {
        if let lesson = lesson(name, in: course) { return [lesson] }
        if course.topic(id: name) != nil { return course.lessons(topic: name) }
        let fact = name.uppercased()
        if course.fact(id: fact) != nil { return course.lessons.filter { $0.facts.contains(fact) } }
        return []
    }
}
