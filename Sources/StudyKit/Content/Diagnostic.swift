/// One problem found in content, at a file and line, worded as problem and fix.
public struct Diagnostic: Codable, Sendable, Hashable, CustomStringConvertible {
    /// How bad a problem is: errors fail `content check`, warnings do not.
    public enum Severity: String, Codable, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// An error at `location`.
    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    /// A warning at `location`.
    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    public var file: String { location.file }
    public var line: Int { location.line }

    /// `FILE:LINE: message`, with `warning: ` before the message of a warning.
    public var description: String {
        severity == .warning ? "\(location): warning: \(message)" : "\(location): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, then line, then message, so reports are stable.
    public func sortedByLocation() -> [Diagnostic] {
        sorted {
            ($0.file, $0.line, $0.message) < ($1.file, $1.line, $1.message)
        }
    }
}
