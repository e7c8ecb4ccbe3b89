import Foundation
import StudyKit

/// The labs of a content folder, loaded once and kept until a lab file or the manifest changes.
final class LabCatalog: @unchecked Sendable {
    static let shared = LabCatalog()

    private let lock = NSLock()
    private var entries: [String: (signature: [String], labs: [Lab], problems: [Diagnostic])] = [:]

    /// Every lab the manifest of `path` lists, with the problems found loading them.
    func load(at path: String) -> (labs: [Lab], problems: [Diagnostic]) {
        let signature = Self.signature(path)
        if let hit = lock.withLock({ entries[path] }), hit.signature == signature { return (hit.labs, hit.problems) }
        let (labs, diagnostics) = LabLoader.load(directory: URL(fileURLWithPath: path))
        let problems = diagnostics.filter { $0.severity == .error }
        lock.withLock { entries[path] = (signature, labs, problems) }
        return (labs, problems)
    }

    /// The labs of `path`; fails when there are none to offer.
    func labs(at path: String) throws -> [Lab] {
        let (labs, problems) = load(at: path)
        if labs.isEmpty {
            let first = problems.first.map { " (\($0.description))" } ?? ""
            throw DrillError("no labs could be loaded from \(path)\(first); run 'content check' to see why, or start kmsdrill with --content DIR")
        }
        return labs
    }

    /// The lab called `id`, or an error that lists the labs there are.
    func lab(_ id: String, at path: String) throws -> Lab {
        let labs = try labs(at: path)
        if let lab = labs.first(where: { $0.id == id }) { return lab }
        var message = "no lab called '\(id)'"
        let close = labs.map(\.id).filter { editDistanceAtMost2($0, id) || $0.hasPrefix(id) }
        if let suggestion = close.first { message += "; did you mean '\(suggestion)'?" }
        message += " Labs: \(labs.map(\.id).joined(separator: ", ")) (lab list describes them)"
        throw DrillError(message, status: ExitStatus.usage)
    }

    static func signature(_ path: String) -> [String] {
        let fm = FileManager.default
        var files = [path + "/manifest.yaml"]
        let dir = path + "/labs"
        files += ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted().map { dir + "/" + $0 }
        return files.map { file in
            let date = (try? fm.attributesOfItem(atPath: file)[.modificationDate] as? Date) ?? nil
            return "\(file)@\(date?.timeIntervalSince1970 ?? -1)"
        }
    }

    private func editDistanceAtMost2(_ a: String, _ b: String) -> Bool {
        let a = Array(a), b = Array(b)
        guard abs(a.count - b.count) <= 2 else { return false }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count] <= 2
    }
}
