import Foundation

/// Enforces FORMAT.md's rules on a loaded course and reports what covers each fact.
public enum ContentChecker {
    /// The minimum number of questions that must ask each fact.
    public static let questionsPerFact = 2

    /// Loads `directory` and checks it: load and check diagnostics together, sorted by location.
    public static func check(directory: URL, extensions: [any ContentCheckExtension] = []) -> ContentCheckResult {
        let (course, loadDiagnostics) = ContentLoader.load(directory: directory)
        guard let course else {
            let sorted = loadDiagnostics.sortedByLocation()
            return ContentCheckResult(diagnostics: sorted, report: .empty(errors: count(sorted, .error),
                                                                          warnings: count(sorted, .warning)))
        }
        var result = check(course, extensions: extensions, contentDirectory: directory.path)
        result.diagnostics = (loadDiagnostics + result.diagnostics).sortedByLocation()
        result.report.errors = count(result.diagnostics, .error)
        result.report.warnings = count(result.diagnostics, .warning)
        return result
    }

    /// Checks a loaded course: unique ids, cross-references, coverage of every fact, question rules,
    /// plus whatever the extensions for labs and drills find.
    public static func check(_ course: Course, extensions: [any ContentCheckExtension] = [],
                             contentDirectory: String? = nil) -> ContentCheckResult {
        var found: [Diagnostic] = []
        let topics = Set(course.topics.map(\.id))
        let facts = Set(course.facts.map(\.id))

        found += duplicates(course.topics.map { ($0.id, $0.location) }, what: "topic id")
        found += duplicates(course.facts.map { ($0.id, $0.location) }, what: "fact id")
        for fact in course.facts where !topics.contains(fact.topic) {
            found.append(.error("fact \(fact.id) names topic '\(fact.topic)', which is not in the manifest's topics", at: fact.location))
        }
        found += duplicates(course.lessons.map { ($0.id, $0.location) }, what: "lesson id")
        for lesson in course.lessons {
            if !topics.contains(lesson.topic) {
                found.append(unknownTopic(lesson.topic, owner: "lesson '\(lesson.id)'", at: lesson.location, topics: course.topics))
            }
            found += duplicates(lesson.sections.map { ($0.id, $0.location) }, what: "section id", scope: " in lesson '\(lesson.id)'")
            for section in lesson.sections {
                for (fact, location) in zip(section.facts, section.factLocations) where !facts.contains(fact) {
                    found.append(.error("section '\(section.id)' names fact '\(fact)', which is not in the manifest's facts", at: location))
                }
            }
        }
        found += duplicates(course.questions.map { ($0.id, $0.location) }, what: "question id")
        for question in course.questions {
            if !topics.contains(question.topic) {
                found.append(unknownTopic(question.topic, owner: "question '\(question.id)'", at: question.topicLocation, topics: course.topics))
            }
            for (fact, location) in zip(question.facts, question.factLocations) where !facts.contains(fact) {
                found.append(.error("question '\(question.id)' names fact '\(fact)', which is not in the manifest's facts", at: location))
            }
            found += QuestionRules.check(question)
        }

        var labResult: ContentExtensionResult?
        var drillResult: ContentExtensionResult?
        for plugin in extensions {
            let result = plugin.check(course: course, contentDirectory: contentDirectory)
            found += result.diagnostics
            switch plugin.kind {
            case .lab: labResult = result
            case .drill: drillResult = result
            }
        }
        let coverage = factCoverage(course, labs: labResult?.factCoverage ?? [:], drills: drillResult?.factCoverage ?? [:])
        found += coverageProblems(course, coverage, labsChecked: labResult != nil)

        let sorted = found.sortedByLocation()
        let report = ContentReport(title: course.manifest.title,
                                   counts: counts(course, labs: labResult?.itemCount, drills: drillResult?.itemCount),
                                   facts: coverage, errors: count(sorted, .error), warnings: count(sorted, .warning))
        return ContentCheckResult(diagnostics: sorted, report: report)
    }

    private static func count(_ diagnostics: [Diagnostic], _ severity: Diagnostic.Severity) -> Int {
        diagnostics.filter { $0.severity == severity }.count
    }

    /// An error at every repeat of an id, pointing back at its first use.
    private static func duplicates(_ items: [(String, SourceLocation)], what: String, scope: String = "") -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var found: [Diagnostic] = []
        for (id, location) in items {
            if let earlier = first[id] {
                found.append(.error("\(what) '\(id)' is already used\(scope) at \(earlier); ids must be unique", at: location))
            } else {
                first[id] = location
            }
        }
        return found
    }

    private static func unknownTopic(_ topic: String, owner: String, at location: SourceLocation, topics: [Topic]) -> Diagnostic {
        .error("\(owner) names topic '\(topic)', which is not in the manifest; use one of: \(topics.map(\.id).joined(separator: ", "))", at: location)
    }

    private static func factCoverage(_ course: Course, labs: [String: [String]], drills: [String: [String]]) -> [ContentReport.FactCoverage] {
        course.facts.map { fact in
            let sections = course.lessons.flatMap { lesson in
                lesson.sections.filter { $0.facts.contains(fact.id) }
                    .map { ContentReport.SectionRef(lesson: lesson.id, section: $0.id) }
            }
            return ContentReport.FactCoverage(id: fact.id, topic: fact.topic, lab: fact.lab, lessons: sections,
                                              questions: course.questions(fact: fact.id).map(\.id),
                                              labs: labs[fact.id] ?? [], drills: drills[fact.id] ?? [])
        }
    }

    private static func coverageProblems(_ course: Course, _ coverage: [ContentReport.FactCoverage], labsChecked: Bool) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // A file that did not load may hold the missing coverage; its own error says what to fix.
        let lessonsComplete = !course.unreadableFiles.contains { path in course.manifest.lessons.contains { $0.value == path } }
        let questionsComplete = !course.unreadableFiles.contains { path in course.manifest.questions.contains { $0.value == path } }
        for (fact, covered) in zip(course.facts, coverage) {
            if lessonsComplete && covered.lessons.isEmpty {
                found.append(.error("fact \(fact.id) is not taught by any lesson section; add \(fact.id) to the 'facts' of the section that teaches it", at: fact.location))
            }
            if questionsComplete && covered.questions.count < questionsPerFact {
                let asked = covered.questions.isEmpty ? "no question" : "only \(covered.questions.count) question (\(covered.questions.joined(separator: ", ")))"
                found.append(.error("fact \(fact.id) is asked by \(asked); write at least \(questionsPerFact) questions that test it from different angles", at: fact.location))
            }
            // Labs arrive through an extension; until one is plugged in, `lab: true` cannot be checked.
            if labsChecked && fact.lab && covered.labs.isEmpty {
                found.append(.error("fact \(fact.id) is marked 'lab: true' but no lab practises it", at: fact.location))
            }
        }
        return found
    }

    private static func counts(_ course: Course, labs: Int?, drills: Int?) -> ContentReport.Counts {
        ContentReport.Counts(lessons: course.lessons.count,
                             sections: course.lessons.reduce(0) { $0 + $1.sections.count },
                             questions: course.questions.count,
                             singleQuestions: course.questions.filter { $0.kind == .single }.count,
                             multipleQuestions: course.questions.filter { $0.kind == .multiple }.count,
                             doItQuestions: course.questions.filter { $0.kind == .doIt }.count,
                             labs: labs ?? course.manifest.labs.count,
                             drills: drills ?? course.manifest.drills.count)
    }
}
