/// The course's table of contents: topics, facts, and the files that make up the course.
public struct Manifest: Sendable, Hashable {
    /// The format version; only 1 exists.
    public var format: Int
    public var title: String
    /// Where the material comes from, e.g. "AWS certification study guide, section 5.2.1".
    public var source: String?
    /// Topics in teaching order.
    public var topics: [Topic]
    public var facts: [Fact]
    /// Lesson files in reading order, relative to the content folder.
    public var lessons: [Located<String>]
    public var questions: [Located<String>]
    /// Lab files; their format arrives later, so they are only listed here.
    public var labs: [Located<String>]
    /// Drill files; as for labs.
    public var drills: [Located<String>]
    public var location: SourceLocation

    public init(format: Int, title: String, source: String?, topics: [Topic], facts: [Fact],
                lessons: [Located<String>], questions: [Located<String>], labs: [Located<String>],
                drills: [Located<String>], location: SourceLocation) {
        self.format = format
        self.title = title
        self.source = source
        self.topics = topics
        self.facts = facts
        self.lessons = lessons
        self.questions = questions
        self.labs = labs
        self.drills = drills
        self.location = location
    }
}

/// A topic of the course (key-types, key-policies, …); lessons and questions name one.
public struct Topic: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var location: SourceLocation

    public init(id: String, title: String, location: SourceLocation) {
        self.id = id
        self.title = title
        self.location = location
    }
}

/// One fact the course must teach and ask (F1…F24), in the course's own words.
public struct Fact: Sendable, Hashable, Identifiable {
    public var id: String
    public var topic: String
    public var statement: String
    /// Whether the fact is practised in a hands-on lab.
    public var lab: Bool
    public var location: SourceLocation

    public init(id: String, topic: String, statement: String, lab: Bool, location: SourceLocation) {
        self.id = id
        self.topic = topic
        self.statement = statement
        self.lab = lab
        self.location = location
    }
}
