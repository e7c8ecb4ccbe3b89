import Foundation

/// Reads the bytes of a file named in a `file://` or `fileb://` value.
///
/// The caller decides where paths lead (KMS Drill resolves them in the learner's working folder)
/// and throws `ParamFileError` (or any error whose description reads well) when it cannot read.
public typealias FileReader = @Sendable (_ path: String) throws -> [UInt8]

/// Why a `file://` or `fileb://` path could not be read, worded as Python's `OSError` so that
/// messages match the AWS CLI's (`[Errno 2] No such file or directory: 'x.txt'`).
public struct ParamFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case notFound
        case isDirectory
        case permissionDenied
        /// The path leads outside the folder the program lets learners read.
        case outsideWorkingFolder
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .notFound: return "[Errno 2] No such file or directory: '\(path)'"
        case .isDirectory: return "[Errno 21] Is a directory: '\(path)'"
        case .permissionDenied: return "[Errno 13] Permission denied: '\(path)'"
        case .outsideWorkingFolder: return "'\(path)' is outside the working folder; use a path inside it"
        }
    }
}

/// What a `file://` or `fileb://` value turned into.
enum ParamFileContent: Equatable {
    case text(String)
    case bytes([UInt8])
}

/// The AWS CLI's paramfile rule: a value that starts with `file://` is replaced by the file's
/// text, `fileb://` by its bytes (`awscli/paramfile.py`). Remote `http://` values are not fetched
/// (AWS CLI v2 dropped that too).
enum ParamFiles {
    struct LoadError: Error {
        let message: String
    }

    static func isParamFile(_ value: String) -> Bool {
        value.hasPrefix("file://") || value.hasPrefix("fileb://")
    }

    /// The content behind `value`, or nil when it is not a paramfile reference.
    static func load(_ value: String, reader: FileReader?) throws(LoadError) -> ParamFileContent? {
        let binary: Bool
        let path: String
        if value.hasPrefix("fileb://") {
            binary = true
            path = String(value.dropFirst("fileb://".count))
        } else if value.hasPrefix("file://") {
            binary = false
            path = String(value.dropFirst("file://".count))
        } else {
            return nil
        }
        guard let reader else {
            throw LoadError(message: "Unable to load paramfile \(value): files cannot be read here")
        }
        let bytes: [UInt8]
        do {
            bytes = try reader(path)
        } catch {
            throw LoadError(message: "Unable to load paramfile \(value): \(error)")
        }
        if binary { return .bytes(bytes) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw LoadError(message: "Unable to load paramfile (\(path)), text contents could not be decoded.  "
                                + "If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.")
        }
        return .text(universalNewlines(text))
    }

    /// Python's text mode turns `\r\n` and `\r` into `\n`; the AWS CLI reads `file://` that way.
    static func universalNewlines(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\r" {
                out.append("\n")
                if i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
            } else {
                out.append(scalars[i])
            }
            i += 1
        }
        return String(out)
    }
}

/// A `FileReader` for a working folder: relative paths are resolved in `folder`, `~` is not
/// expanded, and paths that climb out of the folder with `..` are refused.
public func workingFolderReader(_ folder: String) -> FileReader {
    let root = URL(fileURLWithPath: folder).standardizedFileURL.path
    return { path in
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: root).appendingPathComponent(path)
        let resolved = url.standardizedFileURL.path
        if !path.hasPrefix("/"), !(resolved == root || resolved.hasPrefix(root + "/")) {
            throw ParamFileError(path: path, reason: .outsideWorkingFolder)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) else {
            throw ParamFileError(path: path, reason: .notFound)
        }
        if isDirectory.boolValue { throw ParamFileError(path: path, reason: .isDirectory) }
        guard let data = FileManager.default.contents(atPath: resolved) else {
            throw ParamFileError(path: path, reason: .permissionDenied)
        }
        return [UInt8](data)
    }
}
