import Foundation

/// How many reviews fall due on one calendar day.
public struct ForecastDay: Codable, Sendable, Equatable {
    /// The start of the day in the forecast's time zone.
    public var day: Date
    /// Days from today (0 = today, which also counts everything overdue).
    public var offset: Int
    public var due: Int
}

/// Forecasts reviews due per day from a set of cards.
public enum DueForecast {
    /// Reviews due on each of `days` calendar days starting today (in `timeZone`). Day 0 also
    /// counts cards already overdue; cards never reviewed are left out (they are new, not due).
    public static func forecast(cards: [Card], from now: Date, days: Int,
                                timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) -> [ForecastDay] {
        guard days > 0 else { return [] }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let today = calendar.startOfDay(for: now)
        var starts: [Date] = []
        for offset in 0...days {
            starts.append(calendar.date(byAdding: .day, value: offset, to: today) ?? today)
        }
        var counts = Array(repeating: 0, count: days)
        for card in cards where !card.isNew {
            guard card.due < starts[days] else { continue }
            // The first day whose end is after the due time; overdue cards land on day 0.
            let index = (0..<days).first { card.due < starts[$0 + 1] } ?? 0
            counts[index] += 1
        }
        return (0..<days).map { ForecastDay(day: starts[$0], offset: $0, due: counts[$0]) }
    }
}
