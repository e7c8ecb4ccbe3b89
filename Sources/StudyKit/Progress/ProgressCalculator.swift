import Foundation

/// Computes a learner's progress from their cards and review log. Pure: `now` and the time zone
/// that decides where days begin are passed in.
public enum ProgressCalculator {
    /// The progress report at `now`. Cards and log entries for ids outside the bank (labs) count
    /// in the overall totals (`answered`, `correct`, `due`) but in no topic or fact.
    public static func report(course: Course, cards: [Card], log: [ReviewLogEntry], scheduler: Scheduler,
                              now: Date, timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current,
                              forecastDays: Int = 14) -> ProgressReport {
        let cardsByID = Dictionary(cards.map { ($0.id, $0) }, uniquingKeysWith: { _, latest in latest })
        var logByID: [String: [ReviewLogEntry]] = [:]
        for entry in log { logByID[entry.cardID, default: []].append(entry) }

        func figures(_ questions: [Question]) -> ProgressFigures {
            var seen = 0, answered = 0, correct = 0, due = 0
            var recall = 0.0
            for question in questions {
                let entries = logByID[question.id] ?? []
                answered += entries.count
                correct += entries.filter { $0.rating.isRecall }.count
                guard let card = cardsByID[question.id], !card.isNew else { continue }
                seen += 1
                if card.isDue(at: now) { due += 1 }
                recall += scheduler.retrievability(of: card, at: now) ?? 0
            }
            return ProgressFigures(questions: questions.count, seen: seen, answered: answered, correct: correct,
                                   due: due, mastery: questions.isEmpty ? 0 : recall / Double(questions.count))
        }

        let topics = course.topics.map {
            TopicProgress(id: $0.id, title: $0.title, figures: figures(course.questions(topic: $0.id)))
        }
        let facts = course.facts.map {
            FactProgress(id: $0.id, topic: $0.topic, figures: figures(course.questions(fact: $0.id)))
        }
        let overall = figures(course.questions)
        let (streak, today) = streakDays(log, now: now, timeZone: timeZone)
        return ProgressReport(asOf: now, answered: log.count, correct: log.filter { $0.rating.isRecall }.count,
                              due: cards.filter { !$0.isNew && $0.isDue(at: now) }.count,
                              new: course.questions.filter { cardsByID[$0.id]?.isNew ?? true }.count,
                              streakDays: streak, studiedToday: today, overall: overall, topics: topics, facts: facts,
                              forecast: DueForecast.forecast(cards: cards, from: now, days: forecastDays, timeZone: timeZone))
    }

    /// The current streak in days and whether today already has a review.
    public static func streakDays(_ log: [ReviewLogEntry], now: Date, timeZone: TimeZone) -> (days: Int, today: Bool) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let days = Set(log.filter { $0.reviewedAt <= now }.map { calendar.startOfDay(for: $0.reviewedAt) })
        let today = calendar.startOfDay(for: now)
        let studiedToday = days.contains(today)
        // A streak is still alive until a whole day passes without study.
        guard var day = studiedToday ? today : calendar.date(byAdding: .day, value: -1, to: today) else { return (0, false) }
        var count = 0
        while days.contains(day) {
            count += 1
            guard let previous = calendar.date(byAdding: .day, value: -1, to: day) else { break }
            day = previous
        }
        return (count, studiedToday)
    }
}
