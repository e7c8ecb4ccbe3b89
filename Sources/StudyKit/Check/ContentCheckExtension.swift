/// The kinds of manifest-listed item that later modules check through extensions.
public enum ContentItemKind: String, Sendable, Codable {
    case lab, drill
}

/// A checker for labs or drills, plugged into `ContentChecker` by the module that owns their
/// format, so `content check` covers them without StudyKit knowing their files.
public protocol ContentCheckExtension: Sendable {
    /// Which manifest list this extension owns (`labs` or `drills`).
    var kind: ContentItemKind { get }
    /// Loads and checks the items the manifest lists, relative to the content folder.
    func check(course: Course, contentDirectory: String?) -> ContentExtensionResult
}

/// What an extension found: its items, their problems, and the facts each item practises.
public struct ContentExtensionResult: Sendable {
    /// How many items were checked.
    public var itemCount: Int
    public var diagnostics: [Diagnostic]
    /// Fact id to the ids of the items that practise it.
    public var factCoverage: [String: [String]]

    public init(itemCount: Int, diagnostics: [Diagnostic] = [], factCoverage: [String: [String]] = [:]) {
        self.itemCount = itemCount
        self.diagnostics = diagnostics
        self.factCoverage = factCoverage
    }
}
