import Foundation
import Testing

/// The official JMESPath compliance suite (shared test data, not part of the repository).
///
/// When the folder is absent the test is reported as skipped with the path it looked in; when
/// `JMESPATH_COMPLIANCE_DIR` names a folder that does not exist, the test fails instead, because
/// an explicit override that points nowhere is a mistake, not a missing optional input.
@Suite struct ComplianceTests {
    static let available = TestPaths.isDirectory(TestPaths.complianceDirectory) || TestPaths.complianceIsOverridden
    static let skipReason = Comment(
        rawValue: "JMESPath compliance suite not found at \(TestPaths.complianceDirectory.path); "
            + "set \(TestPaths.complianceOverride) to its folder to run it")

    @Test("Every case of the official compliance suite passes", .enabled(if: available, skipReason))
    func complianceSuite() throws {
        let directory = TestPaths.complianceDirectory
        #expect(TestPaths.isDirectory(directory), "\(TestPaths.complianceOverride) names \(directory.path), which is not a folder")
        let files = CaseCorpus.files(in: directory)
        try #require(!files.isEmpty, "no *.json case files in \(directory.path)")
        var ran = 0
        for file in files {
            let outcome = CaseCorpus.run(file: file)
            #expect(outcome.ran > 0, "\(file.lastPathComponent) holds no cases")
            ran += outcome.ran
            for failure in outcome.failures { Issue.record(Comment(rawValue: failure)) }
        }
        print("JMESPath compliance: ran \(ran) cases from \(files.count) files in \(directory.path)")
    }
}
