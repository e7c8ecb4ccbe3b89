import Foundation
import Testing
@testable import StudyKit

/// The seed imports to a lesson with its tables and typed callouts, and round-trips through YAML.
@Suite("Importer on the seed")
struct ImporterSeedTests {
    static func importSeed() throws -> ImportedLesson {
        try SourceImporter.importLesson(Fixtures.text(Fixtures.seed), topic: "key-types")
    }

    static func blocks(_ lesson: Lesson) -> [BlockContent] { lesson.sections.flatMap(\.blocks).map(\.content) }

    @Test("the heading gives the section number, title and id")
    func heading() throws {
        let imported = try Self.importSeed()
        #expect(imported.sectionNumber == "5.2.1")
        #expect(imported.lesson.title == "Encryption at Rest: KMS Key Types and Policies")
        #expect(imported.lesson.id == "encryption-at-rest-kms-key-types-and-policies")
        #expect(imported.lesson.topic == "key-types")
        #expect(imported.warnings == [])
    }

    @Test("sections follow the guide's headed paragraphs")
    func sections() throws {
        let lesson = try Self.importSeed().lesson
        #expect(lesson.sections.map(\.id) == ["first-principle", "kms-key-types", "key-policies", "envelope-encryption",
                                              "service-specific-encryption", "key-rotation", "exam-trap", "reflection-question"])
        #expect(lesson.sections.allSatisfy { $0.facts.isEmpty })
        #expect(lesson.sections[2].location.line == 9) // "Key Policies:" follows the 5-line table
    }

    @Test("both tables come through as tables")
    func tables() throws {
        let tables = Self.blocks(try Self.importSeed().lesson).compactMap { block -> Table? in
            if case .table(let table) = block { return table }
            return nil
        }
        #expect(tables.count == 2)
        #expect(tables[0].header == ["Key Type", "Managed By", "Cost", "Use Case"])
        #expect(tables[0].rows.count == 3)
        #expect(tables[0].rows[2] == ["Customer Managed Keys (CMK)", "You", "~$1/key/month",
                                      "Full control: custom key policy, rotation control, cross-account use"])
        #expect(tables[1].header == ["Service", "SSE Option", "Key Management"])
        #expect(tables[1].rows.count == 6)
        #expect(tables[1].rows[4] == ["RDS", "Storage encryption", "AWS managed or CMK (must be set at creation)"])
    }

    @Test("first principle, exam trap and reflection are typed callouts without their markers")
    func callouts() throws {
        let callouts = Self.blocks(try Self.importSeed().lesson).compactMap { block -> Callout? in
            if case .callout(let callout) = block { return callout }
            return nil
        }
        #expect(callouts.map(\.kind) == [.firstPrinciple, .examTrap, .reflection])
        #expect(callouts[0].text.hasPrefix("Encryption at rest converts data into ciphertext"))
        #expect(callouts[0].text.contains("security of the key \u{2014} so key management"))
        #expect(callouts[1].text.hasPrefix("RDS encryption must be enabled at database creation time \u{2014} you cannot"))
        #expect(callouts[2].text.hasPrefix("An auditor requires that every KMS API call"))
        #expect(callouts.allSatisfy { $0.title == nil })
    }

    @Test("no mis-encoded character survives anywhere in the lesson")
    func noMojibakeLeft() throws {
        let yaml = try Self.importSeed().yaml
        for bad in ["\u{0101}", "\u{0161}", "\u{013C}", "\u{00F8}", "\u{201D}"] {
            #expect(!yaml.contains(bad), "found \(bad)")
        }
        // The seed has six "ā": one inside the warning marker, five em dashes.
        #expect(yaml.components(separatedBy: "\u{2014}").count - 1 == 5)
    }

    @Test("the YAML loads back to the same lesson")
    func roundTrip() throws {
        let imported = try Self.importSeed()
        let (lesson, diagnostics) = ContentLoader.parseLesson(yaml: imported.yaml, file: "lessons/imported.yaml")
        #expect(diagnostics.map(\.description) == [])
        let loaded = try #require(lesson)
        #expect(LessonYAMLWriter.yaml(for: loaded, header: LessonBuilder.header("5.2.1")) == imported.yaml)
        #expect(Self.blocks(loaded) == Self.blocks(imported.lesson))
        #expect(loaded.summary == imported.lesson.summary)
    }
}
