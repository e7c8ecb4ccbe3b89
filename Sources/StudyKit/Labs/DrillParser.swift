import Foundation

/// Reads the plain-text drill format (see `Content/drills/README.md`), reporting every problem
/// with its line.
public enum DrillParser {
    static let preambleKeys = ["title", "time", "pass"]

    /// Parses `text` as the drill file `file` (its id is the file name without the extension).
    public static func parse(_ text: String, file: String) -> (Drill?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func error(_ message: String, _ line: Int) { diagnostics.append(.error(message, at: SourceLocation(file: file, line: line))) }

        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        var title: String?
        var timeLimit: TimeInterval?
        var pass = Drill.defaultPassPercent
        var blocks: [(header: String, line: Int, body: [(String, Int)])] = []
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            if raw.hasPrefix("#") { continue }
            if raw.hasPrefix("---") {
                blocks.append((String(raw.dropFirst(3)).trimmingCharacters(in: .whitespaces), number, []))
                continue
            }
            if blocks.isEmpty {
                let trimmed = raw.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { continue }
                guard let colon = trimmed.firstIndex(of: ":") else {
                    error("text before the first '--- ' block must be 'key: value' (title, time, pass); start narrative with '--- say'", number)
                    continue
                }
                let key = String(trimmed[..<colon]).trimmingCharacters(in: .whitespaces)
                let value = String(trimmed[trimmed.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                switch key {
                case "title": title = value.isEmpty ? nil : value
                case "time":
                    timeLimit = DrillDuration.parse(value)
                    if timeLimit == nil { error("time '\(value)' is not a duration; write e.g. 25m, 1h or 1h30m", number) }
                case "pass":
                    if let n = Int(value.hasSuffix("%") ? String(value.dropLast()) : value), (1...100).contains(n) {
                        pass = n
                    } else {
                        error("pass '\(value)' must be a percentage from 1 to 100", number)
                    }
                default:
                    error("unknown setting '\(key)'; the drill's settings are \(preambleKeys.joined(separator: ", "))", number)
                }
                continue
            }
            blocks[blocks.count - 1].body.append((raw, number))
        }
        if title == nil { error("the drill has no title; start the file with 'title: ...'", 1) }

        var items: [DrillItem] = []
        for block in blocks {
            if let item = parseBlock(block.header, line: block.line, body: block.body, file: file, diagnostics: &diagnostics) {
                items.append(item)
            }
        }
        if !items.contains(where: { if case .say = $0 { return false } else { return true } }) {
            error("the drill has no question and no lab step, so there is nothing to grade", max(1, lines.count))
        }
        guard let title else { return (nil, diagnostics) }
        let id = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        return (Drill(id: id, title: title, timeLimit: timeLimit, passPercent: pass, items: items, file: file), diagnostics)
    }

    private static func parseBlock(_ header: String, line: Int, body: [(String, Int)], file: String,
                                   diagnostics: inout [Diagnostic]) -> DrillItem? {
        let location = SourceLocation(file: file, line: line)
        func error(_ message: String, _ at: Int = line) { diagnostics.append(.error(message, at: SourceLocation(file: file, line: at))) }
        let words = header.split(separator: " ").map(String.init)
        guard let kind = words.first else {
            error("a block header needs a kind: '--- say', '--- question ID' or '--- lab ID'")
            return nil
        }
        var positional: [String] = []
        var options: [String: String] = [:]
        for word in words.dropFirst() {
            if let eq = word.firstIndex(of: "=") {
                options[String(word[..<eq])] = String(word[word.index(after: eq)...])
            } else {
                positional.append(word)
            }
        }
        let text = trimmedText(body.map(\.0))
        switch kind {
        case "say":
            if !positional.isEmpty || !options.isEmpty { error("'--- say' takes nothing after it") }
            if text.isEmpty { error("'--- say' has no text") }
            return .say(text, location)
        case "question":
            guard positional.count == 1, let id = positional.first else {
                error("write '--- question ID' with the question's id (a bank id, or a new id for a question written below)")
                return nil
            }
            for key in options.keys where !["points", "facts"].contains(key) {
                error("unknown option '\(key)=' for a question; use points= or facts=")
            }
            var points = Drill.defaultQuestionPoints
            if let p = options["points"] {
                if let n = Int(p), n > 0 { points = n } else { error("points=\(p) must be a whole number above 0") }
            }
            if text.isEmpty {
                if options["facts"] != nil { error("facts= is only for questions written in the drill; a bank question names its own facts") }
                return .question(DrillQuestion(source: .bank(id), points: points, location: location))
            }
            let facts = options["facts"].map { $0.split(separator: ",").map(String.init) } ?? []
            guard let question = InlineQuestionParser.parse(id: id, facts: facts, body: body, file: file, location: location,
                                                            diagnostics: &diagnostics) else { return nil }
            return .question(DrillQuestion(source: .inline(question), points: points, location: location))
        case "lab":
            guard positional.count == 1, let id = positional.first else {
                error("write '--- lab LAB-ID' with the id of a lab (lab list shows them)")
                return nil
            }
            for key in options.keys where !["time", "checks"].contains(key) {
                error("unknown option '\(key)=' for a lab step; use time= or checks=")
            }
            var step = DrillLabStep(labId: id, intro: text.isEmpty ? nil : text, location: location)
            if let t = options["time"] {
                step.timeLimit = DrillDuration.parse(t)
                if step.timeLimit == nil { error("time=\(t) is not a duration; write e.g. 10m") }
            }
            if let c = options["checks"] { step.checks = c.split(separator: ",").map(String.init) }
            return .lab(step)
        default:
            error("unknown block '--- \(kind)'; use say, question or lab")
            return nil
        }
    }

    /// Lines joined, with leading and trailing blank lines dropped.
    static func trimmedText(_ lines: [String]) -> String {
        var lines = lines
        while let first = lines.first, first.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeFirst() }
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}

/// A question written inside a drill: the stem, then `- [x]`/`- [ ]` options each with a `why:`,
/// then an optional `explain:` line.
enum InlineQuestionParser {
    static func parse(id: String, facts: [String], body: [(String, Int)], file: String, location: SourceLocation,
                      diagnostics: inout [Diagnostic]) -> Question? {
        func at(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line) }
        var stem: [String] = []
        var options: [(text: [String], correct: Bool, why: [String], line: Int)] = []
        var explanation: [String] = []
        var inWhy = false
        var inExplanation = false
        for (raw, number) in body {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if let (correct, rest) = optionStart(trimmed), !raw.hasPrefix(" ") {
                options.append(([rest], correct, [], number))
                inWhy = false
                inExplanation = false
            } else if trimmed.hasPrefix("explain:") && !raw.hasPrefix(" ") {
                explanation = [String(trimmed.dropFirst("explain:".count)).trimmingCharacters(in: .whitespaces)]
                inExplanation = true
            } else if inExplanation {
                if !trimmed.isEmpty { explanation.append(trimmed) }
            } else if !options.isEmpty {
                if trimmed.hasPrefix("why:") {
                    options[options.count - 1].why = [String(trimmed.dropFirst(4)).trimmingCharacters(in: .whitespaces)]
                    inWhy = true
                } else if trimmed.isEmpty {
                    continue
                } else if inWhy {
                    options[options.count - 1].why.append(trimmed)
                } else {
                    options[options.count - 1].text.append(trimmed)
                }
            } else {
                stem.append(raw)
            }
        }
        let stemText = DrillParser.trimmedText(stem)
        if stemText.isEmpty {
            diagnostics.append(.error("question '\(id)' has options but no stem; write the question above its options", at: location))
        }
        if options.isEmpty {
            diagnostics.append(.error("question '\(id)' has text but no options; write options as '- [x] right answer' and '- [ ] wrong answer', each followed by an indented 'why: ...'",
                                      at: location))
            return nil
        }
        let answerOptions = options.map {
            AnswerOption(text: $0.text.joined(separator: " "), correct: $0.correct, why: $0.why.joined(separator: " "), location: at($0.line))
        }
        let kind: QuestionKind = answerOptions.filter(\.correct).count > 1 ? .multiple : .single
        let question = Question(id: id, topic: "drill", facts: facts, difficulty: 2, kind: kind, stem: stemText,
                                options: answerOptions, shuffle: false,
                                explanation: explanation.isEmpty ? nil : explanation.joined(separator: " "),
                                location: location)
        diagnostics += QuestionRules.check(question)
        return question
    }

    /// `- [x] text` -> (true, "text"); `- [ ] text` -> (false, "text").
    private static func optionStart(_ line: String) -> (Bool, String)? {
        for (marker, correct) in [("- [x]", true), ("- [X]", true), ("- [ ]", false)] where line.hasPrefix(marker) {
            return (correct, String(line.dropFirst(marker.count)).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }
}
