@testable import DrillCLI
import Foundation
import StudyKit
import Testing

/// The course's own labs and drills, proved as `content check` proves them: every reference
/// solution passes every check, every untouched setup fails, grading is deterministic.
@Suite struct CourseLabsTests {
    static let labs: [Lab] = LabLoader.load(directory: URL(fileURLWithPath: LabTestSupport.courseContent)).0

    static var labIDs: [String] { labs.map(\.id) }

    @Test("every course lab proves", arguments: labIDs)
    func labProves(_ id: String) throws {
        let lab = try #require(Self.labs.first { $0.id == id })
        let problems = LabContentCheck.prove(lab, contentPath: LabTestSupport.courseContent)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
        #expect(!lab.facts.isEmpty && lab.checks.count >= 3 && lab.points > 0)
        #expect(lab.checks.allSatisfy { $0.passesUntouched || $0.hints != nil || lab.hints != nil })
    }

    @Test func theCourseHasTheLabsItPromises() throws {
        let ids = Set(Self.labIDs)
        for expected in ["app-key", "envelope-by-hand", "role-key-policy", "lockout", "rotation-proof", "rds-trap", "audit-trail",
                         "s3-options", "deletion-rescue", "service-keys"] {
            #expect(ids.contains(expected), "lab \(expected) is missing")
        }
        let covered = Set(Self.labs.flatMap(\.facts))
        for fact in ["F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12", "F13", "F14", "F15", "F16", "F17", "F18",
                     "F19", "F20", "F21", "F22", "F23", "F24"] {
            #expect(covered.contains(fact), "no lab practises \(fact)")
        }
    }

    @Test func sandboxesOfOneLabMakeTheSameIDs() throws {
        let lab = try #require(Self.labs.first { $0.id == "rotation-proof" })
        var ids: [String] = []
        for _ in 0..<2 {
            let folder = HomeFolder(path: LabTestSupport.freshFolder())
            defer { try? FileManager.default.removeItem(atPath: folder.path) }
            let sandbox = try LabSandbox.create(lab, in: folder, contentPath: LabTestSupport.courseContent, wall: Date(), grading: true)
            let runner = CommandRunner(workbench: sandbox, contentPath: LabTestSupport.courseContent)
            ids.append(LabTestSupport.run("kms create-key --query KeyMetadata.KeyId --output text", in: runner).out)
        }
        #expect(ids[0] == ids[1] && ids[0].count > 30)
        // Another lab, another stream.
        #expect(LabRandom.seed("rotation-proof") != LabRandom.seed("app-key"))
    }

    static let drills: [String] = ["key-policy-incident", "envelope-and-services"]

    @Test("every course drill proves", arguments: drills)
    func drillProves(_ id: String) throws {
        let (course, _) = ContentLoader.load(directory: URL(fileURLWithPath: LabTestSupport.courseContent))
        let loaded = try #require(course)
        let (drills, problems) = DrillLoader.load(course: loaded, directory: URL(fileURLWithPath: LabTestSupport.courseContent), labs: Self.labs)
        #expect(problems.filter { $0.severity == .error }.isEmpty, "\(problems)")
        let drill = try #require(drills.first { $0.id == id })
        let grader = try DrillGrader(drill: drill, course: loaded, labs: Self.labs, contentPath: LabTestSupport.courseContent)
        #expect(grader.prove().isEmpty)
        #expect(drill.gradedItems.contains { if case .lab = $0 { return true } else { return false } }, "a drill has a lab step")
    }

    @Test func contentCheckRunsTheLabAndDrillProofs() throws {
        let (runner, home) = try LabTestSupport.runner()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let out = LabTestSupport.run("content check --output json", in: runner).out
        #expect(out.contains("\"labs\": \(Self.labs.count)") && out.contains("\"drills\": 2"), "\(out.prefix(400))")
    }
}
