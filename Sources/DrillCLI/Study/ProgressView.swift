import Foundation
import StudyKit
import Wire

/// A learner's progress report as text (tables), JSON or CSV.
///
/// Days (streaks, the forecast) are UTC days, like every time KMS Drill shows.
struct ProgressView {
    let learner: String
    let report: ProgressReport
    let course: Course

    // MARK: Text

    func text(options: RenderOptions) -> String {
        let r = report
        let renderer = LessonRenderer(options: options)
        let style = TextStyle(enabled: options.color)
        var lines = [style.bold("Progress of learner \(learner)") + " · \(TimeText.moment(r.asOf)) (simulated clock)"]
        let percent = r.answered == 0 ? "" : " (\(Self.percent(Double(r.correct) / Double(r.answered))))"
        lines.append("Answered \(r.answered), correct \(r.correct)\(percent) · due now \(r.due) · never answered \(r.new) of "
                     + "\(r.overall.questions) · streak \(r.streakDays) day\(r.streakDays == 1 ? "" : "s")"
                     + (r.studiedToday ? " (studied today)" : ""))
        lines.append("Mastery overall \(Self.percent(r.overall.mastery)): the chance FSRS-6 gives you of answering right now.")
        lines += ["", style.bold("Topics")]
        lines += renderer.render(.table(Table(header: ["Topic", "Qs", "Seen", "Answers", "Right", "Due", "Mastery"],
                                              rows: r.topics.map { [$0.title] + Self.cells($0.figures) })))
        lines += ["", style.bold("Facts")]
        lines += renderer.render(.table(Table(header: ["Fact", "Topic", "Qs", "Seen", "Answers", "Right", "Due", "Mastery"],
                                              rows: r.facts.map { [$0.id, $0.topic] + Self.cells($0.figures) })))
        lines += ["", style.bold("Reviews due in the next \(r.forecast.count) days")]
        let most = max(1, r.forecast.map(\.due).max() ?? 1)
        for day in r.forecast {
            let label = day.offset == 0 ? "\(Timestamp.day(day.day)) today" : "\(Timestamp.day(day.day)) \(Self.weekday(day.day))"
            let bar = String(repeating: "#", count: day.due == 0 ? 0 : max(1, day.due * 30 / most))
            lines.append("  \(label.padding(toLength: 16, withPad: " ", startingAt: 0)) \(String(day.due).leftPadded(4))  \(bar)".replacingOccurrences(of: " +$", with: "", options: .regularExpression))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func cells(_ f: ProgressFigures) -> [String] {
        [String(f.questions), String(f.seen), String(f.answered), String(f.correct), String(f.due), percent(f.mastery)]
    }

    static func percent(_ fraction: Double) -> String { "\(Int((fraction * 100).rounded()))%" }

    static func weekday(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        return names[(calendar.component(.weekday, from: date) - 1) % 7]
    }

    // MARK: JSON

    func json() -> JSONValue {
        let r = report
        return .object(JSONObject([
            ("learner", .string(learner)),
            ("asOf", .string(Timestamp.zulu(r.asOf))),
            ("answered", .int(r.answered)),
            ("correct", .int(r.correct)),
            ("due", .int(r.due)),
            ("new", .int(r.new)),
            ("streakDays", .int(r.streakDays)),
            ("studiedToday", .bool(r.studiedToday)),
            ("overall", Self.json(r.overall, leading: [])),
            ("topics", .array(r.topics.map { Self.json($0.figures, leading: [("id", .string($0.id)), ("title", .string($0.title))]) })),
            ("facts", .array(r.facts.map { Self.json($0.figures, leading: [("id", .string($0.id)), ("topic", .string($0.topic))]) })),
            ("forecast", .array(r.forecast.map { .object(JSONObject([("date", .string(Timestamp.day($0.day))), ("due", .int($0.due))])) })),
        ]))
    }

    static func json(_ f: ProgressFigures, leading: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(leading + [
            ("questions", .int(f.questions)), ("seen", .int(f.seen)), ("answered", .int(f.answered)),
            ("correct", .int(f.correct)), ("due", .int(f.due)), ("mastery", .double((f.mastery * 1000).rounded() / 1000)),
        ]))
    }

    // MARK: CSV

    /// One row per topic, and per fact when `facts` is set (the `kind` column tells them apart).
    func csv(facts: Bool) -> String {
        var rows = [["learner", "kind", "id", "topic", "title", "questions", "seen", "answered", "correct", "due", "mastery"]]
        for topic in report.topics {
            rows.append([learner, "topic", topic.id, topic.id, topic.title] + Self.csvFigures(topic.figures))
        }
        if facts {
            for fact in report.facts {
                rows.append([learner, "fact", fact.id, fact.topic, course.fact(id: fact.id)?.statement ?? ""] + Self.csvFigures(fact.figures))
            }
        }
        return rows.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func csvFigures(_ f: ProgressFigures) -> [String] {
        [String(f.questions), String(f.seen), String(f.answered), String(f.correct), String(f.due), String(format: "%.3f", f.mastery)]
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
