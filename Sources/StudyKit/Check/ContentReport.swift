import Wire

/// What `content check` checked: counts and, for every fact, what covers it. The CLI renders it;
/// `jsonValue` is the shape `content check --output json` prints.
public struct ContentReport: Codable, Sendable, Equatable {
    /// How many items of each kind the course holds.
    public struct Counts: Codable, Sendable, Equatable {
        public var lessons: Int
        public var sections: Int
        public var questions: Int
        public var singleQuestions: Int
        public var multipleQuestions: Int
        public var doItQuestions: Int
        public var labs: Int
        public var drills: Int
    }

    /// A lesson section, named by lesson id and section id.
    public struct SectionRef: Codable, Sendable, Equatable, Hashable {
        public var lesson: String
        public var section: String
    }

    /// Everything that teaches, asks or practises one fact.
    public struct FactCoverage: Codable, Sendable, Equatable {
        public var id: String
        public var topic: String
        /// Whether the manifest marks the fact as practised in a lab.
        public var lab: Bool
        public var lessons: [SectionRef]
        public var questions: [String]
        public var labs: [String]
        public var drills: [String]
    }

    public var title: String
    public var counts: Counts
    public var facts: [FactCoverage]
    public var errors: Int
    public var warnings: Int

    /// The report as an order-preserving JSON document.
    public var jsonValue: JSONValue {
        // Encoding plain Codable structs cannot fail; the fallback keeps this total anyway.
        (try? JSONValueEncoder().encode(self)) ?? .object(JSONObject())
    }

    /// An empty report, for when no course could be loaded.
    static func empty(errors: Int, warnings: Int) -> ContentReport {
        ContentReport(title: "", counts: Counts(lessons: 0, sections: 0, questions: 0, singleQuestions: 0,
                                                multipleQuestions: 0, doItQuestions: 0, labs: 0, drills: 0),
                      facts: [], errors: errors, warnings: warnings)
    }
}

/// The outcome of checking content: every diagnostic (sorted by file and line) and the report.
public struct ContentCheckResult: Sendable {
    public var diagnostics: [Diagnostic]
    public var report: ContentReport

    /// Whether the content passes (no errors; warnings allowed).
    public var passed: Bool { !diagnostics.hasErrors }
}
