/// Where something came from: a file (relative to the content folder) and a 1-based line.
public struct SourceLocation: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The file path relative to the content folder, e.g. `lessons/02-key-types.yaml`.
    public var file: String
    /// The 1-based line, or 0 when the whole file is meant.
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `FILE:LINE`, or just `FILE` for a whole file.
    public var description: String { line > 0 ? "\(file):\(line)" : file }
}

/// A value found at a place in a content file.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}
