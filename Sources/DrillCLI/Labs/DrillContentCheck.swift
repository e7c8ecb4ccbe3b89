import Foundation
import StudyKit

/// `content check` for drills: parses every drill the manifest lists, checks the questions and
/// labs it names, then proves it: the reference answers (each question's right answer, each lab
/// step's reference solution) score full marks, an empty submission fails, and grading is the
/// same twice.
struct DrillContentCheck: ContentCheckExtension {
    let kind = ContentItemKind.drill

    func check(course: Course, contentDirectory: String?) -> ContentExtensionResult {
        guard let contentDirectory else { return ContentExtensionResult(itemCount: course.manifest.drills.count) }
        let directory = URL(fileURLWithPath: contentDirectory)
        let (labs, _) = LabLoader.load(course: course, directory: directory)
        let (drills, diagnostics) = DrillLoader.load(course: course, directory: directory, labs: labs)
        var found = diagnostics
        let broken = Set(diagnostics.filter { $0.severity == .error }.map(\.file))
        for drill in drills where !broken.contains(drill.file) {
            do {
                found += try DrillGrader(drill: drill, course: course, labs: labs, contentPath: contentDirectory).prove()
            } catch {
                found.append(.error("drill '\(drill.id)' cannot be run: \(error)", at: SourceLocation(file: drill.file, line: 1)))
            }
        }
        return ContentExtensionResult(itemCount: drills.count, diagnostics: found,
                                      factCoverage: DrillRules.factCoverage(drills, course: course, labs: labs))
    }
}
