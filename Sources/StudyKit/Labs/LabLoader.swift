import Foundation

/// Loads the labs a course's manifest lists and checks what can be checked without running them.
public enum LabLoader {
    /// Parses one lab from YAML text, as if read from `file` (relative to the content folder).
    public static func parse(yaml: String, file: String) -> (Lab?, [Diagnostic]) {
        let (root, problems) = YAMLDocument.compose(yaml, file: file)
        guard let root else { return (nil, problems) }
        var reader = YAMLReader(file: file)
        let lab = LabDecoder.decode(root, reader: &reader)
        return (lab, reader.diagnostics)
    }

    /// The labs listed in `course`'s manifest, read from `directory`, with every problem found
    /// in them (parse errors and the rules of `LabRules`).
    public static func load(course: Course, directory: URL) -> ([Lab], [Diagnostic]) {
        var labs: [Lab] = []
        var diagnostics: [Diagnostic] = []
        for path in course.manifest.labs {
            let url = directory.appendingPathComponent(path.value)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                // The content loader already reports listed files that do not exist.
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.error("'\(path.value)' is not UTF-8 text; save it as UTF-8", at: SourceLocation(file: path.value, line: 0)))
                continue
            }
            let (lab, problems) = parse(yaml: text, file: path.value)
            diagnostics += problems
            if let lab { labs.append(lab) }
        }
        diagnostics += LabRules.check(labs, course: course)
        diagnostics += unlistedFiles(directory, listed: course.manifest.labs)
        return (labs, diagnostics)
    }

    /// Loads the course in `directory` and its labs (for commands that only need the labs).
    public static func load(directory: URL) -> ([Lab], [Diagnostic]) {
        let (course, diagnostics) = ContentLoader.load(directory: directory)
        guard let course else { return ([], diagnostics) }
        return load(course: course, directory: directory)
    }

    private static func unlistedFiles(_ directory: URL, listed: [Located<String>]) -> [Diagnostic] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("labs").path)) ?? []
        let listedPaths = Set(listed.map(\.value))
        return names.sorted()
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { "labs/\($0)" }
            .filter { !listedPaths.contains($0) }
            .map { .warning("'\($0)' is not listed in manifest.yaml, so it is not loaded; add it under 'labs' or remove it",
                            at: SourceLocation(file: $0, line: 0)) }
    }
}

/// The rules a lab must follow that can be checked without running it.
public enum LabRules {
    /// Problems in `labs`: unknown facts, repeated ids, checks without hints, an empty solution.
    public static func check(_ labs: [Lab], course: Course) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        let facts = Set(course.facts.map(\.id))
        for lab in labs {
            if let earlier = seen[lab.id] {
                found.append(.error("lab id '\(lab.id)' is already used at \(earlier); ids must be unique", at: lab.location))
            }
            seen[lab.id] = seen[lab.id] ?? lab.location
            for fact in lab.facts where !facts.contains(fact) {
                found.append(.error("lab '\(lab.id)' names fact '\(fact)', which is not in the manifest's facts", at: lab.location))
            }
            var checkIds: [String: SourceLocation] = [:]
            for check in lab.checks {
                if let earlier = checkIds[check.id] {
                    found.append(.error("check id '\(check.id)' is already used in lab '\(lab.id)' at \(earlier)", at: check.location))
                }
                checkIds[check.id] = checkIds[check.id] ?? check.location
                if check.hints == nil && lab.hints == nil && !check.passesUntouched {
                    found.append(.error("check '\(check.id)' has no hints and lab '\(lab.id)' has none either; give it 'hints' with nudge, family and command",
                                        at: check.location))
                }
            }
            if lab.checks.allSatisfy(\.passesUntouched) && !lab.checks.isEmpty {
                found.append(.error("every check of lab '\(lab.id)' passes untouched, so an empty attempt would pass", at: lab.location))
            }
            if LabTranscript(lab.solution).commands.isEmpty {
                found.append(.error("the solution of lab '\(lab.id)' has no command lines", at: lab.location))
            }
        }
        return found
    }

    /// Fact id to the ids of the labs that practise it.
    public static func factCoverage(_ labs: [Lab]) -> [String: [String]] {
        var coverage: [String: [String]] = [:]
        for lab in labs {
            for fact in lab.facts { coverage[fact, default: []].append(lab.id) }
        }
        return coverage
    }
}
