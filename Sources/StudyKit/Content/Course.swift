/// A loaded course: the manifest and every lesson and question it lists.
public struct Course: Sendable, Hashable {
    public var manifest: Manifest
    /// Lessons in reading order.
    public var lessons: [Lesson]
    /// The question bank, in file order.
    public var questions: [Question]
    /// Listed lesson and question files that could not be read or parsed at all. Coverage checks
    /// skip the kind of file involved, because a fact may well be covered in the unreadable one.
    public var unreadableFiles: [String]

    public init(manifest: Manifest, lessons: [Lesson], questions: [Question], unreadableFiles: [String] = []) {
        self.manifest = manifest
        self.lessons = lessons
        self.questions = questions
        self.unreadableFiles = unreadableFiles
    }

    /// The manifest's topics, in teaching order.
    public var topics: [Topic] { manifest.topics }
    /// The manifest's facts.
    public var facts: [Fact] { manifest.facts }

    /// The topic with `id`, if the manifest has it.
    public func topic(id: String) -> Topic? { manifest.topics.first { $0.id == id } }
    /// The fact with `id`, if the manifest has it.
    public func fact(id: String) -> Fact? { manifest.facts.first { $0.id == id } }
    /// The lesson with `id`, if loaded.
    public func lesson(id: String) -> Lesson? { lessons.first { $0.id == id } }
    /// The question with `id`, if loaded.
    public func question(id: String) -> Question? { questions.first { $0.id == id } }

    /// Lessons on `topic`, in reading order.
    public func lessons(topic: String) -> [Lesson] { lessons.filter { $0.topic == topic } }

    /// Questions on `topic`, in bank order.
    public func questions(topic: String) -> [Question] { questions.filter { $0.topic == topic } }

    /// Questions that test `fact`.
    public func questions(fact: String) -> [Question] { questions.filter { $0.facts.contains(fact) } }
}
