import Foundation

/// Loads the drills a course's manifest lists (`drills/*.drill`) and checks them against the
/// question bank and the labs.
public enum DrillLoader {
    /// The drills listed in `course`'s manifest, with every problem found in them.
    public static func load(course: Course, directory: URL, labs: [Lab]) -> ([Drill], [Diagnostic]) {
        var drills: [Drill] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: String] = [:]
        for path in course.manifest.drills {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(path.value).path) else { continue }
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.error("'\(path.value)' is not UTF-8 text; save it as UTF-8", at: SourceLocation(file: path.value, line: 0)))
                continue
            }
            if !path.value.hasSuffix(".drill") {
                diagnostics.append(.error("drill file '\(path.value)' must end in .drill", at: path.location))
            }
            let (drill, problems) = DrillParser.parse(text, file: path.value)
            diagnostics += problems
            guard let drill else { continue }
            if let earlier = seen[drill.id] {
                diagnostics.append(.error("drill id '\(drill.id)' (the file name) is already used by \(earlier)", at: SourceLocation(file: path.value, line: 1)))
            }
            seen[drill.id] = seen[drill.id] ?? path.value
            diagnostics += DrillRules.check(drill, course: course, labs: labs)
            drills.append(drill)
        }
        let folder = directory.appendingPathComponent("drills").path
        let listed = Set(course.manifest.drills.map(\.value))
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        where name.hasSuffix(".drill") && !listed.contains("drills/" + name) {
            diagnostics.append(.warning("'drills/\(name)' is not listed in manifest.yaml, so it is not loaded; add it under 'drills' or remove it",
                                        at: SourceLocation(file: "drills/" + name, line: 0)))
        }
        return (drills, diagnostics)
    }
}
