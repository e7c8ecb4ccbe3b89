import Foundation
import Wire
import Yams

/// Builds a `Lab` from the node tree of one `labs/*.yaml` file, reporting every problem with its line.
enum LabDecoder {
    static let fields = ["id", "title", "summary", "facts", "minutes", "setup", "task", "hints", "checks", "solution", "debrief"]
    static let setupFields = ["clock", "profile", "learner_profile", "files", "commands"]
    static let checkFields = ["id", "title", "points", "fail", "missing", "hints", "passes_untouched"] + LabCheckKind.names

    static func decode(_ root: Node, reader: inout YAMLReader) -> Lab? {
        guard let probe = reader.object(root, "a lab") else { return nil }
        let name = probe["id"]?.scalar?.string
        let object = YAMLObject(node: root, what: name.map { "lab '\($0)'" } ?? "a lab", fields: probe.fields)
        reader.rejectUnknownFields(object, allowed: fields)
        let id = reader.requiredText(object, "id")
        if let id, !ContentIDs.isKebabCase(id) {
            reader.error("lab id '\(id)' is not kebab-case (lower-case words joined by hyphens, e.g. rotate-app-key)", at: object["id"])
        }
        let title = reader.requiredText(object, "title")
        let summary = reader.requiredText(object, "summary")
        var facts: [String] = []
        if let node = reader.required(object, "facts") {
            facts = (reader.textList(node, "'facts' in \(object.what)") ?? []).map(\.value)
            if facts.isEmpty { reader.error("'facts' in \(object.what) is empty; name the facts it practises, e.g. [F5, F19]", at: node) }
        }
        var minutes: Int?
        if let node = object["minutes"], let value = reader.integer(node, "'minutes' in \(object.what)") {
            if value < 1 { reader.error("'minutes' in \(object.what) must be at least 1", at: node) }
            minutes = value
        }
        let setup = reader.required(object, "setup").flatMap { decodeSetup($0, what: object.what, reader: &reader) }
        let task = reader.requiredText(object, "task")
        let hints = object["hints"].flatMap { decodeHints($0, what: "'hints' in \(object.what)", reader: &reader) }
        var checks: [LabCheck] = []
        if let node = reader.required(object, "checks"), let items = reader.sequence(node, "'checks' in \(object.what)") {
            if items.isEmpty { reader.error("'checks' in \(object.what) is empty; a lab needs at least one check", at: node) }
            checks = items.compactMap { decodeCheck($0, reader: &reader) }
        }
        let solution = reader.requiredText(object, "solution")
        let debrief = reader.optionalText(object, "debrief")
        guard let id, let title, let summary, let setup, let task, let solution else { return nil }
        return Lab(id: id, title: title, summary: summary, facts: facts, minutes: minutes, setup: setup, task: task,
                   hints: hints, checks: checks, solution: solution, debrief: debrief, location: reader.location(root))
    }

    private static func decodeSetup(_ node: Node, what: String, reader: inout YAMLReader) -> LabSetup? {
        guard let object = reader.object(node, "'setup' in \(what)") else { return nil }
        reader.rejectUnknownFields(object, allowed: setupFields)
        var clock: LabClock?
        if let clockNode = reader.required(object, "clock"), let fields = reader.object(clockNode, "'setup.clock' in \(what)") {
            reader.rejectUnknownFields(fields, allowed: ["start", "frozen"])
            if let startNode = reader.required(fields, "start"), let text = reader.text(startNode, "'setup.clock.start'") {
                if let date = Timestamp.parse(text) {
                    clock = LabClock(start: date, frozen: reader.optionalBoolean(fields, "frozen") ?? true)
                } else {
                    reader.error("'setup.clock.start' is '\(text)'; write an ISO 8601 time such as 2027-01-04T09:00:00Z", at: startNode)
                }
            }
        }
        let profile = reader.optionalText(object, "profile") ?? "default"
        let learnerProfile = reader.optionalText(object, "learner_profile") ?? "default"
        var files: [LabFile] = []
        if let filesNode = object["files"], let items = reader.sequence(filesNode, "'setup.files' in \(what)") {
            for item in items {
                guard let file = reader.object(item, "a file in 'setup.files'") else { continue }
                reader.rejectUnknownFields(file, allowed: ["name", "text"])
                guard let name = reader.requiredText(file, "name"), let textNode = reader.required(file, "text") else { continue }
                guard case .scalar(let scalar) = textNode else {
                    reader.error("'text' of file \(name) must be text", at: textNode)
                    continue
                }
                if !isPlainFileName(name) {
                    reader.error("file name '\(name)' must be a plain name in the working folder (letters, digits, '.', '-', '_')", at: file["name"])
                    continue
                }
                files.append(LabFile(name: name, text: scalar.string))
            }
        }
        var commands: [Located<String>] = []
        if let node = object["commands"] {
            if case .scalar(let scalar) = node {
                // A block of lines (`commands: |`): one command per line, `#` comments skipped.
                let first = (node.mark?.line ?? 0) + (scalar.style == .literal || scalar.style == .folded ? 1 : 0)
                for (offset, line) in scalar.string.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                    commands.append(Located(trimmed, at: SourceLocation(file: reader.file, line: first + offset)))
                }
            } else {
                commands = reader.textList(node, "'setup.commands' in \(what)") ?? []
            }
        }
        guard let clock else { return nil }
        return LabSetup(clock: clock, profile: profile, learnerProfile: learnerProfile, files: files, commands: commands)
    }

    static func decodeHints(_ node: Node, what: String, reader: inout YAMLReader) -> LabHints? {
        guard let object = reader.object(node, what) else { return nil }
        reader.rejectUnknownFields(object, allowed: ["nudge", "family", "command"])
        let nudge = reader.requiredText(object, "nudge")
        let family = reader.requiredText(object, "family")
        let command = reader.requiredText(object, "command")
        guard let nudge, let family, let command else { return nil }
        return LabHints(nudge: nudge, family: family, command: command)
    }

    private static func decodeCheck(_ node: Node, reader: inout YAMLReader) -> LabCheck? {
        guard let probe = reader.object(node, "a check") else { return nil }
        let name = probe["id"]?.scalar?.string
        let object = YAMLObject(node: node, what: name.map { "check '\($0)'" } ?? "a check", fields: probe.fields)
        reader.rejectUnknownFields(object, allowed: checkFields)
        let id = reader.requiredText(object, "id")
        if let id, !ContentIDs.isKebabCase(id) {
            reader.error("check id '\(id)' is not kebab-case (e.g. rotation-enabled)", at: object["id"])
        }
        let title = reader.requiredText(object, "title")
        var points: Int?
        if let node = reader.required(object, "points"), let value = reader.integer(node, "'points' in \(object.what)") {
            if value < 1 { reader.error("'points' in \(object.what) must be at least 1", at: node) }
            points = value
        }
        let kinds = object.fields.filter { LabCheckKind.names.contains($0.name) }
        var kind: LabCheckKind?
        if kinds.count != 1 {
            reader.error("\(object.what) must have exactly one of \(LabCheckKind.names.joined(separator: ", ")) (it has \(kinds.isEmpty ? "none" : kinds.map(\.name).joined(separator: " and ")))",
                         at: node)
        } else if let field = kinds.first {
            kind = LabCheckDecoder.decode(field.name, field.value, what: object.what, reader: &reader)
        }
        let fail = reader.optionalText(object, "fail")
        let missing = reader.optionalText(object, "missing")
        let hints = object["hints"].flatMap { decodeHints($0, what: "'hints' in \(object.what)", reader: &reader) }
        let passesUntouched = reader.optionalBoolean(object, "passes_untouched") ?? false
        guard let id, let title, let points, let kind else { return nil }
        return LabCheck(id: id, title: title, points: points, kind: kind, fail: fail, missing: missing, hints: hints,
                        passesUntouched: passesUntouched, location: reader.location(node))
    }

    /// A name inside the working folder without any path: `report.txt`, `data-key.enc`.
    static func isPlainFileName(_ name: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        return !name.isEmpty && name != "." && name != ".." && name.allSatisfy(allowed.contains)
    }
}
