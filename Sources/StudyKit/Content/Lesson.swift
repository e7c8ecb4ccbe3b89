/// One lesson: a titled sequence of sections on one topic.
public struct Lesson: Sendable, Hashable, Identifiable {
    /// Unique among lessons, kebab-case; `study ID` opens it.
    public var id: String
    public var title: String
    /// A topic id from the manifest.
    public var topic: String
    /// One line for listings.
    public var summary: String
    public var sections: [LessonSection]
    /// Where the lesson's mapping starts (line 1 of its file, usually).
    public var location: SourceLocation

    public init(id: String, title: String, topic: String, summary: String, sections: [LessonSection],
                location: SourceLocation) {
        self.id = id
        self.title = title
        self.topic = topic
        self.summary = summary
        self.sections = sections
        self.location = location
    }

    /// The fact ids taught anywhere in the lesson, in first-taught order without repeats.
    public var facts: [String] {
        var seen = Set<String>()
        return sections.flatMap(\.facts).filter { seen.insert($0).inserted }
    }
}

/// A section of a lesson, teaching zero or more facts through a sequence of blocks.
public struct LessonSection: Sendable, Hashable, Identifiable {
    /// Unique within the lesson.
    public var id: String
    public var title: String
    /// Fact ids the section teaches.
    public var facts: [String]
    /// Whether the material goes beyond the source section.
    public var beyondSource: Bool
    public var blocks: [Block]
    public var location: SourceLocation
    /// Where each fact id was written, for diagnostics about unknown ids.
    public var factLocations: [SourceLocation]

    public init(id: String, title: String, facts: [String], beyondSource: Bool = false, blocks: [Block],
                location: SourceLocation, factLocations: [SourceLocation] = []) {
        self.id = id
        self.title = title
        self.facts = facts
        self.beyondSource = beyondSource
        self.blocks = blocks
        self.location = location
        self.factLocations = factLocations.count == facts.count
            ? factLocations : Array(repeating: location, count: facts.count)
    }
}

/// One block of a section, rendered in order.
public struct Block: Sendable, Hashable {
    public var content: BlockContent
    public var location: SourceLocation

    public init(_ content: BlockContent, at location: SourceLocation) {
        self.content = content
        self.location = location
    }
}

/// What a block holds.
public enum BlockContent: Sendable, Hashable {
    /// Prose; a blank line starts a new paragraph; `inline code` allowed.
    case text(String)
    case list([String])
    case table(Table)
    /// Commands the learner can type in the REPL, one per element.
    case commands([String])
    case callout(Callout)
}

/// A table with a header row and rows of the same width.
public struct Table: Sendable, Hashable {
    public var caption: String?
    public var header: [String]
    public var rows: [[String]]

    public init(caption: String? = nil, header: [String], rows: [[String]]) {
        self.caption = caption
        self.header = header
        self.rows = rows
    }
}

/// A passage set apart from the prose, labelled by its kind.
public struct Callout: Sendable, Hashable {
    public var kind: CalloutKind
    public var title: String?
    public var text: String

    public init(kind: CalloutKind, title: String? = nil, text: String) {
        self.kind = kind
        self.title = title
        self.text = text
    }
}

/// The kinds of callout FORMAT.md allows; raw values are the spellings used in the files.
public enum CalloutKind: String, Sendable, Hashable, CaseIterable, Codable {
    case firstPrinciple = "first-principle"
    case examTrap = "exam-trap"
    case reflection = "reflection"
    case today = "today"
    case beyondSource = "beyond-source"
    case tip = "tip"

    /// The label shown in the callout's frame.
    public var label: String {
        switch self {
        case .firstPrinciple: return "FIRST PRINCIPLE"
        case .examTrap: return "EXAM TRAP"
        case .reflection: return "REFLECTION"
        case .today: return "TODAY"
        case .beyondSource: return "BEYOND THE SOURCE"
        case .tip: return "TIP"
        }
    }
}
