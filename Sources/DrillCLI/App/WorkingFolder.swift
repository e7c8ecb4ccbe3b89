import Foundation

/// The learner's working folder under the home: where `fileb://x`, `> x` and the `file` helpers
/// read and write. Paths may not climb out of it.
struct WorkingFolder {
    let root: String

    init(_ home: HomeFolder) { root = home.workPath }

    /// The absolute path of `name`, refusing paths that leave the folder.
    func path(_ name: String) throws -> String {
        if name.hasPrefix("/") {
            // An absolute path is allowed when it is inside the working folder.
            guard (name as NSString).standardizingPath.hasPrefix(root + "/") else {
                throw DrillError("\(name) is outside the working folder \(root); use a name relative to it", status: ExitStatus.usage)
            }
            return name
        }
        let full = ((root as NSString).appendingPathComponent(name) as NSString).standardizingPath
        guard full.hasPrefix(root + "/") || full == root else {
            throw DrillError("\(name) climbs out of the working folder; use a name inside it", status: ExitStatus.usage)
        }
        return full
    }

    func read(_ name: String) throws -> Data {
        let p = try path(name)
        guard let data = FileManager.default.contents(atPath: p) else {
            throw DrillError("no file \(name) in the working folder (file list shows what is there)", status: ExitStatus.usage)
        }
        return data
    }

    func write(_ data: Data, to name: String, append: Bool = false) throws {
        let p = try path(name)
        let dir = (p as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        if append, let handle = FileHandle(forWritingAtPath: p) {
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: data)
        } else {
            guard FileManager.default.createFile(atPath: p, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw DrillError("cannot write \(name) in the working folder", status: ExitStatus.other)
            }
        }
    }

    func write(_ text: String, to name: String, append: Bool) throws {
        try write(Data(text.utf8), to: name, append: append)
    }

    func list() throws -> [(name: String, size: Int)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.sorted().map { name in
            let size = (try? FileManager.default.attributesOfItem(atPath: root + "/" + name)[.size] as? Int) ?? 0
            return (name, size)
        }
    }

    func remove(_ name: String) throws {
        let p = try path(name)
        guard FileManager.default.fileExists(atPath: p) else {
            throw DrillError("no file \(name) in the working folder", status: ExitStatus.usage)
        }
        try FileManager.default.removeItem(atPath: p)
    }
}
