import Foundation

/// An instructor's drill: narrative, questions and hands-on lab steps in order, optionally timed.
///
/// Written in the plain-text format of `Content/drills/README.md`; run interactively with
/// `drill run`, and non-interactively by the grader, which feeds it a learner's recorded answers.
public struct Drill: Sendable, Hashable {
    /// The file name without its extension.
    public var id: String
    public var title: String
    /// The time allowed for the whole drill, in seconds.
    public var timeLimit: TimeInterval?
    /// The percentage of the points needed to pass (1-100).
    public var passPercent: Int
    public var items: [DrillItem]
    /// The file the drill was read from, relative to the content folder when it is in one.
    public var file: String

    public init(id: String, title: String, timeLimit: TimeInterval? = nil, passPercent: Int = Drill.defaultPassPercent,
                items: [DrillItem], file: String) {
        self.id = id
        self.title = title
        self.timeLimit = timeLimit
        self.passPercent = passPercent
        self.items = items
        self.file = file
    }

    public static let defaultPassPercent = 70
    /// Points a question is worth unless it says otherwise.
    public static let defaultQuestionPoints = 10

    /// The questions and lab steps, which earn points.
    public var gradedItems: [DrillItem] { items.filter { if case .say = $0 { return false } else { return true } } }
}

/// One block of a drill.
public enum DrillItem: Sendable, Hashable {
    /// Narrative text shown to the learner.
    case say(String, SourceLocation)
    case question(DrillQuestion)
    case lab(DrillLabStep)

    public var location: SourceLocation {
        switch self {
        case .say(_, let location): return location
        case .question(let q): return q.location
        case .lab(let step): return step.location
        }
    }
}

/// A question of a drill: one of the bank, or written in the drill itself.
public struct DrillQuestion: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        /// A question of the bank, by id.
        case bank(String)
        /// A question written in the drill.
        case inline(Question)
    }

    public var source: Source
    public var points: Int
    public var location: SourceLocation

    public init(source: Source, points: Int = Drill.defaultQuestionPoints, location: SourceLocation) {
        self.source = source
        self.points = points
        self.location = location
    }

    /// The question's id (the bank's, or the inline one's).
    public var id: String {
        switch source {
        case .bank(let id): return id
        case .inline(let q): return q.id
        }
    }
}

/// A hands-on step: a lab done in its own fresh sandbox, graded by its checks.
public struct DrillLabStep: Sendable, Hashable {
    public var labId: String
    /// Seconds allowed for this step.
    public var timeLimit: TimeInterval?
    /// Only these checks count (all of the lab's when nil).
    public var checks: [String]?
    /// Narrative shown before the lab's task.
    public var intro: String?
    public var location: SourceLocation

    public init(labId: String, timeLimit: TimeInterval? = nil, checks: [String]? = nil, intro: String? = nil,
                location: SourceLocation) {
        self.labId = labId
        self.timeLimit = timeLimit
        self.checks = checks
        self.intro = intro
        self.location = location
    }
}

/// Reads lengths of time in drill files: `90s`, `10m`, `1h`, `1h30m`.
public enum DrillDuration {
    /// Seconds, or nil when `text` is not a duration.
    public static func parse(_ text: String) -> TimeInterval? {
        var total = 0.0
        var number = ""
        var sawUnit = false
        for character in text.lowercased() {
            if character.isASCII && character.isNumber {
                number.append(character)
                continue
            }
            guard let value = Double(number) else { return nil }
            switch character {
            case "s": total += value
            case "m": total += value * 60
            case "h": total += value * 3600
            default: return nil
            }
            number = ""
            sawUnit = true
        }
        return number.isEmpty && sawUnit && total > 0 ? total : nil
    }

    /// "25m", "1h30m", "45s".
    public static func format(_ seconds: TimeInterval) -> String {
        let s = Int(seconds.rounded())
        var out = ""
        if s >= 3600 { out += "\(s / 3600)h" }
        if s % 3600 >= 60 { out += "\(s % 3600 / 60)m" }
        if s % 60 > 0 || out.isEmpty { out += "\(s % 60)s" }
        return out
    }
}
