import Foundation
import StudyKit
import Wire

/// Lengths of time and moments as learners read them: "10m", "in 3 days (2026-12-03 10:00 UTC)".
enum TimeText {
    /// A compact interval: 45s, 10m, 5h, 3d, 4mo, 1.5y.
    static func short(_ seconds: TimeInterval) -> String {
        let s = max(0, seconds)
        if s < 60 { return "\(Int(s.rounded()))s" }
        if s < 3600 { return "\(Int((s / 60).rounded()))m" }
        if s < 86_400 { return "\(Int((s / 3600).rounded()))h" }
        let days = s / 86_400
        if days < 31 { return "\(Int(days.rounded()))d" }
        if days < 365 { return "\(Int((days / 30.4).rounded()))mo" }
        return String(format: "%.1fy", days / 365)
    }

    /// "in 10 minutes", "in 3 days", "now".
    static func relative(_ seconds: TimeInterval) -> String {
        let s = seconds
        if s <= 0 { return "now" }
        func unit(_ n: Int, _ name: String) -> String { "in \(n) \(name)\(n == 1 ? "" : "s")" }
        if s < 59.5 { return unit(max(1, Int(s.rounded())), "second") }
        if s < 5400 { return unit(Int((s / 60).rounded()), "minute") }
        if s < 86_400 * 1.5 { return unit(Int((s / 3600).rounded()), "hour") }
        return unit(Int((s / 86_400).rounded()), "day")
    }

    /// "2026-12-03 10:00 UTC".
    static func moment(_ date: Date) -> String {
        let text = Timestamp.zulu(date)  // 2026-12-03T10:00:07Z
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5)) + " UTC"
    }

    /// "in 3 days (2026-12-03 10:00 UTC)".
    static func when(_ date: Date, from now: Date) -> String {
        "\(relative(date.timeIntervalSince(now))) (\(moment(date)))"
    }

    /// What each rating would do: "again 1m · hard 6m · good 10m · easy 2d".
    static func preview(_ intervals: [Rating: TimeInterval]) -> String {
        Rating.allCases.compactMap { rating in intervals[rating].map { "\(rating.rawValue) \(rating.name) \(short($0))" } }
            .joined(separator: " · ")
    }
}
