import Foundation

/// Paths to the checked-in test data beside this file.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let goodContent = root.appendingPathComponent("content/good")
    static let brokenContent = root.appendingPathComponent("content/broken")
    static let importer = root.appendingPathComponent("import")
    /// A byte-for-byte copy of ../shared/seeds/000_fbaa5c37a96d2431.txt, mis-encodings included.
    static let seed = importer.appendingPathComponent("seed-5.2.1.txt")

    /// The names of the broken-content cases (one folder each).
    static var brokenCases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: brokenContent.path)) ?? []).sorted()
    }

    static func text(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }
}
