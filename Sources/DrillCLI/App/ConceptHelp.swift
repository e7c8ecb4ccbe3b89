import CLIGrammar
import Foundation
import StudyKit

/// `help CONCEPT`: every concept of the course is in help too — a topic, a lesson, a section or a
/// fact (`help rotation`, `help grants`, `help F20`) — with what to remember, where to read more
/// and commands to try. Commands and services keep their own help; this answers the rest.
enum ConceptHelp {
    /// The help text for `line` when it asks about a concept, nil otherwise.
    static func answer(_ line: String, runner: CommandRunner, width: Int) -> String? {
        guard let words = try? Tokenizer.tokenize(line).words, words.count >= 2, words[0] == "help" else { return nil }
        let query = words.dropFirst().joined(separator: " ")
        if words.count == 2, runner.grammar.command(words[1]) != nil || runner.grammar.services.contains(words[1]) { return nil }
        guard let course = CourseCache.shared.courseIfLoadable(at: runner.contentPath) else { return nil }
        return render(query, course: course, width: max(40, min(width, 100)))
    }

    /// The list of concepts for the end of `help`.
    static func overview(runner: CommandRunner) -> String {
        guard let course = CourseCache.shared.courseIfLoadable(at: runner.contentPath) else { return "" }
        var out = "CONCEPTS\n"
        for topic in course.topics {
            out += "       " + topic.id.padding(toLength: 20, withPad: " ", startingAt: 0) + topic.title + "\n\n"
        }
        out += "       help TOPIC (or a lesson, a section, a fact such as F20) explains a concept and where to read more.\n"
        return out
    }

    static func render(_ query: String, course: Course, width: Int) -> String? {
        let q = query.lowercased()
        var facts: [Fact] = []
        var sections: [(Lesson, LessonSection)] = []
        var title = query
        if let topic = course.topic(id: q) {
            title = topic.title
            facts = course.facts.filter { $0.topic == topic.id }
            sections = course.lessons(topic: topic.id).flatMap { l in l.sections.map { (l, $0) } }
        } else if let lesson = course.lesson(id: q) {
            title = lesson.title
            sections = lesson.sections.map { (lesson, $0) }
            facts = course.facts.filter { lesson.facts.contains($0.id) }
        } else if let fact = course.fact(id: query.uppercased()) {
            title = "\(fact.id)"
            facts = [fact]
            sections = course.lessons.flatMap { l in l.sections.filter { $0.facts.contains(fact.id) }.map { (l, $0) } }
        } else {
            // A section by id, or by words of its title.
            sections = course.lessons.flatMap { l in
                l.sections.filter { $0.id == q || $0.id.contains(q) || $0.title.lowercased().contains(q) }.map { (l, $0) }
            }
            guard let first = sections.first else { return nil }
            title = first.1.title
            let ids = Set(sections.flatMap { $0.1.facts })
            facts = course.facts.filter { ids.contains($0.id) }
        }
        guard !facts.isEmpty || !sections.isEmpty else { return nil }
        var out = title.uppercased() + "\n\n"
        for fact in facts {
            out += wrap("\(fact.id)  \(fact.statement)", width: width, indent: "       ", hanging: "           ") + "\n"
        }
        if !sections.isEmpty {
            out += "\nREAD\n"
            var lessonOrder: [String] = []
            var titles: [String: [String]] = [:]
            for (lesson, section) in sections {
                if titles[lesson.id] == nil { lessonOrder.append(lesson.id) }
                titles[lesson.id, default: []].append(section.title)
            }
            for id in lessonOrder {
                out += "       study \(id)\n"
                for t in titles[id] ?? [] { out += "           \(t)\n" }
            }
        }
        let commands = sections.flatMap { pair in
            pair.1.blocks.compactMap { block -> [String]? in
                if case .commands(let lines) = block.content {
                    return lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                }
                return nil
            }.flatMap { $0 }
        }
        if !commands.isEmpty {
            out += "\nTRY\n"
            for c in commands.prefix(8) { out += "       \(c)\n" }
        }
        let topics = Set(facts.map(\.topic))
        let questionCount = course.questions.filter { q in q.facts.contains { id in facts.contains { $0.id == id } } }.count
        if questionCount > 0, let topic = topics.first {
            out += "\nPRACTISE\n       quiz --topic \(topic)   (\(questionCount) questions on this)\n"
        }
        return out
    }

    static func wrap(_ text: String, width: Int, indent: String, hanging: String) -> String {
        var lines: [String] = []
        var current = indent
        for word in text.split(separator: " ") {
            if current.count + word.count + 1 > width, current.trimmingCharacters(in: .whitespaces).count > 0 {
                lines.append(current)
                current = hanging
            }
            current += (current.hasSuffix(" ") ? "" : " ") + word
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
