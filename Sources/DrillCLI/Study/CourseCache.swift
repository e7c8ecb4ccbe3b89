import Foundation
import StudyKit

/// The course loaded from a content folder, kept until one of its files changes, so that Tab
/// completion and every study command do not re-read the YAML each time.
final class CourseCache: @unchecked Sendable {
    static let shared = CourseCache()

    private let lock = NSLock()
    private var entries: [String: (signature: [String], course: Course, problems: Int)] = [:]

    /// The course in `path`; errors name the folder and how to find out what is wrong.
    func course(at path: String) throws -> (course: Course, problems: Int) {
        let signature = Self.signature(path)
        if let hit = lock.withLock({ entries[path] }), hit.signature == signature { return (hit.course, hit.problems) }
        let (loaded, diagnostics) = ContentLoader.load(directory: URL(fileURLWithPath: path))
        guard let loaded else {
            let first = diagnostics.first.map { ": \($0.description)" } ?? ""
            throw DrillError("cannot load the course from \(path)\(first). Run 'content check \(path)' to see every problem, or start kmsdrill with --content DIR",
                             status: ExitStatus.other)
        }
        let problems = diagnostics.filter { $0.severity == .error }.count
        lock.withLock { entries[path] = (signature, loaded, problems) }
        return (loaded, problems)
    }

    /// The course if it loads, else nil (for completion, which must never fail loudly).
    func courseIfLoadable(at path: String) -> Course? {
        try? course(at: path).course
    }

    /// Names and modification times of the files that make up the course.
    static func signature(_ path: String) -> [String] {
        let fm = FileManager.default
        var files = [path + "/" + ContentLoader.manifestFile]
        for folder in ["lessons", "questions", "labs"] {
            let dir = path + "/" + folder
            files += ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted().map { dir + "/" + $0 }
        }
        return files.map { file in
            let date = (try? fm.attributesOfItem(atPath: file)[.modificationDate] as? Date) ?? nil
            return "\(file)@\(date?.timeIntervalSince1970 ?? -1)"
        }
    }
}
