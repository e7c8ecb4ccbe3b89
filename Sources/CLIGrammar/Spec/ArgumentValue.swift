import Foundation
import Wire

/// A value given to a drill command, read according to its `ValueType`.
public indirect enum ArgumentValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case flag(Bool)
    /// Seconds.
    case duration(TimeInterval)
    case timestamp(Date)
    case list([ArgumentValue])
    /// Maps, structures and JSON values.
    case json(JSONValue)
    case blob([UInt8])
}

/// A drill command line that parsed: the command path and its values by option or argument name.
public struct ParsedCommand: Sendable, Equatable {
    /// The command and subcommand names (`["clock", "advance"]`), canonical even if an alias was typed.
    public var path: [String]
    /// Values by option name (without dashes) or positional name; absent when not given.
    public var values: [String: ArgumentValue]

    public init(path: [String], values: [String: ArgumentValue] = [:]) {
        self.path = path
        self.values = values
    }

    /// The text of a string or choice value.
    public func string(_ name: String) -> String? {
        if case .string(let s)? = values[name] { return s }
        return nil
    }

    /// An integer value.
    public func integer(_ name: String) -> Int? {
        if case .integer(let i)? = values[name] { return i }
        return nil
    }

    /// True when the flag was given.
    public func flag(_ name: String) -> Bool {
        if case .flag(let b)? = values[name] { return b }
        return false
    }

    /// A duration, in seconds.
    public func duration(_ name: String) -> TimeInterval? {
        if case .duration(let d)? = values[name] { return d }
        return nil
    }

    /// A point in time.
    public func timestamp(_ name: String) -> Date? {
        if case .timestamp(let d)? = values[name] { return d }
        return nil
    }

    /// A map, structure or JSON value.
    public func json(_ name: String) -> JSONValue? {
        if case .json(let j)? = values[name] { return j }
        return nil
    }

    /// The bytes of a blob value.
    public func blob(_ name: String) -> [UInt8]? {
        if case .blob(let b)? = values[name] { return b }
        return nil
    }

    /// The strings of a list or repeatable option (a single string gives one element).
    public func strings(_ name: String) -> [String] {
        switch values[name] {
        case .list(let items)?: return items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
        case .string(let s)?: return [s]
        default: return []
        }
    }
}

/// Reads lengths of time: `90d`, `12h`, `1y`, `30m`, `45s`, `2w`, `1d12h`, `1.5h`.
public enum DurationText {
    /// Seconds, or nil when the text is not a duration.
    public static func parse(_ text: String) -> TimeInterval? {
        let chars = Array(text.lowercased())
        guard !chars.isEmpty else { return nil }
        var i = 0
        var total = 0.0
        while i < chars.count {
            var number = ""
            while i < chars.count, chars[i].isASCIIDigit || chars[i] == "." {
                number.append(chars[i])
                i += 1
            }
            var unit = ""
            while i < chars.count, chars[i].isLetter {
                unit.append(chars[i])
                i += 1
            }
            guard let value = Double(number), value >= 0, let seconds = unitSeconds[unit] else { return nil }
            total += value * seconds
        }
        return total
    }

    private static let unitSeconds: [String: Double] = {
        var table: [String: Double] = [:]
        for name in ["s", "sec", "secs", "second", "seconds"] { table[name] = 1 }
        for name in ["m", "min", "mins", "minute", "minutes"] { table[name] = 60 }
        for name in ["h", "hr", "hrs", "hour", "hours"] { table[name] = 3600 }
        for name in ["d", "day", "days"] { table[name] = 86_400 }
        for name in ["w", "week", "weeks"] { table[name] = 604_800 }
        for name in ["y", "yr", "yrs", "year", "years"] { table[name] = 365 * 86_400 }
        return table
    }()

    static let hint = "use a number and a unit: s, m, h, d, w or y (e.g. 90d, 12h, 1y, 1d12h)"
}
