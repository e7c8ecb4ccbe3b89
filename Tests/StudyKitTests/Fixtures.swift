import Foundation

/// Paths to the checked-in test data beside this file.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let goodContent = root.appendingPathComponent("content/good")
    static let brokenContent = root.appendingPathComponent("content/broken")
    static let importer = root.appendingPathComponent("import")
    static let seed = URL(fileURLWithPath: "/work/shared/seeds/000_fbaa5c37a96d2431.txt")

    /// The names of the broken-content cases (one folder each).
    static var brokenCases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: brokenContent.path)) ?? []).sorted()
    }

    static func text(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }
}
