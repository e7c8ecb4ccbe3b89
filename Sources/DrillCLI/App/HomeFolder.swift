import Foundation

/// The folder that holds everything kmsdrill writes: the database, the HSM root key file, the
/// REPL history and the learner's working files.
///
/// `--home DIR` wins, then `KMSDRILL_HOME`, then `~/.kmsdrill`.
public struct HomeFolder: Sendable, Equatable {
    public let path: String

    public init(path: String) {
        self.path = (path as NSString).expandingTildeInPath
    }

    public static func resolve(option: String?, environment: [String: String]) -> HomeFolder {
        if let option, !option.isEmpty { return HomeFolder(path: option) }
        if let env = environment["KMSDRILL_HOME"], !env.isEmpty { return HomeFolder(path: env) }
        let base = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return HomeFolder(path: base + "/.kmsdrill")
    }

    public var databasePath: String { path + "/kmsdrill.sqlite" }
    public var rootKeyPath: String { path + "/hsm-root.key" }
    public var historyPath: String { path + "/history" }
    /// Where `fileb://x` and `> x` resolve relative paths: the learner's working folder.
    public var workPath: String { path + "/work" }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Creates the folder (owner-only) and its working folder if they do not exist.
    func create() throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
            throw Failure(description: "--home \(path) is a file, not a folder; name a folder (it is created if missing)")
        }
        do {
            try fm.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try fm.createDirectory(atPath: workPath, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw Failure(description: "cannot create the home folder \(path): \(error.localizedDescription)")
        }
    }
}
