import Foundation
import Testing

@testable import CLIGrammar

/// Help pages: layout snapshots (re-record with RECORD_SNAPSHOTS=1) and the facts each must show.
struct HelpTests {
    static let encryptExamples = ["kms encrypt": [
        ExampleSpec(title: "To encrypt a file with a customer managed key",
                    explanation: "The plaintext comes from a file as raw bytes with fileb://.",
                    command: "kms encrypt \\\n    --key-id alias/app \\\n    --plaintext fileb://secret.txt",
                    output: "{\n    \"CiphertextBlob\": \"AQICAHh...\"\n}"),
    ]]

    let renderer = HelpRenderer(grammar: CommandLineGrammar(commands: testGrammar.commands, examples: encryptExamples))

    func snapshot(_ name: String, _ text: String) throws {
        let url = Fixtures.folder.appendingPathComponent("help/\(name).txt")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOf: url, encoding: .utf8)), "snapshot \(name)")
    }

    @Test func kmsEncryptSnapshot() throws {
        try snapshot("kms-encrypt", renderer.render(.operation(service: "kms", operation: "encrypt")))
    }

    @Test func kmsEncryptShowsTheAWSLayoutAndFacts() {
        let page = renderer.render(.operation(service: "kms", operation: "encrypt"))
        let sections = ["NAME", "DESCRIPTION", "SYNOPSIS", "OPTIONS", "GLOBAL OPTIONS", "EXAMPLES", "OUTPUT"]
        let framed = "\n" + page
        let positions = sections.map { title in framed.range(of: "\n" + title + "\n")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "every section present")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "sections in AWS order")
        #expect(page.contains("       --key-id (string) [required]"))
        #expect(page.contains("          [--encryption-context <value>]"))
        #expect(page.contains("          [--dry-run | --no-dry-run]"))
        #expect(page.contains("          o RSAES_OAEP_SHA_256"), "enum values listed")
        #expect(page.contains("          KeyName1=string,KeyName2=string"), "map shorthand")
        #expect(page.contains("          \"string\" \"string\" ..."), "list syntax")
        #expect(page.contains("       CiphertextBlob -> (blob)"), "output members")
        #expect(page.contains("Example 1: To encrypt a file with a customer managed key"))
        #expect(!page.contains("<p>") && !page.contains("<code>"), "no HTML left")
        #expect(page.split(separator: "\n").allSatisfy { $0.count <= 80 || !$0.trimmingCharacters(in: .whitespaces).contains(" ") },
                "wrapped (only a single long word may overflow)")
    }

    @Test func createKeyDocumentsNestedStructuresAndJSON() {
        let page = renderer.render(.operation(service: "kms", operation: "create-key"))
        #expect(page.contains("          TagKey=string,TagValue=string ..."))
        #expect(page.contains("             TagKey -> (string) [required]"))
        #expect(page.contains("""
                  [
                    {
                      "TagKey": "string",
                      "TagValue": "string"
                    }
                    ...
                  ]
        """))
    }

    @Test func paginatedOperationsSayHowTheyPage() {
        let page = renderer.render(.operation(service: "kms", operation: "list-keys"))
        #expect(page.contains("list-keys is a paginated operation"))
        #expect(page.contains("       --max-items (integer)"))
        #expect(page.contains("       --starting-token (string)"))
        #expect(!page.contains("--marker"), "the service's own paging members are hidden")
    }

    @Test func serviceHelpListsEveryOperation() throws {
        let page = renderer.render(.service("kms"))
        #expect(page.contains("       o create-key\n"))
        #expect(page.contains("       o schedule-key-deletion\n"))
        let flowing = page.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flowing.contains("DESCRIPTION Key Management Service (KMS) is an encryption and key management web service."),
                "the service documentation from the model, without its <fullname>")
    }

    @Test func overviewListsDrillAndAWSCommands() {
        let page = renderer.render(.overview)
        #expect(page.contains("DRILL COMMANDS"))
        #expect(page.contains("clock  Show or move the simulated clock"))
        #expect(page.contains("s3api"))
        #expect(!page.contains("exit ") || page.contains("exit"), "visible commands listed")
    }

    @Test func drillCommandPagesComeFromTheSpec() throws {
        try snapshot("clock", renderer.render(.command(["clock"])))
        let advance = renderer.render(.command(["clock", "advance"]))
        #expect(advance.contains("clock advance <duration>"))
        #expect(advance.contains("<duration> (duration) [required]"))
        let lab = renderer.render(.command(["lab", "list"]))
        #expect(lab.contains("          o done"))
    }

    @Test func htmlBecomesTextWithListsAndNotes() {
        let blocks = HTMLText.blocks("<p>Use <code>alias/</code> &amp; more.</p> <ul> <li> <p>One</p> </li> <li>Two <ul><li>Deep</li></ul></li> </ul> <note> <p>Careful</p> </note>")
        #expect(blocks == [
            .paragraph("Use alias/ & more."),
            .list(ordered: false, items: [[.paragraph("One")], [.paragraph("Two"), .list(ordered: false, items: [[.paragraph("Deep")]])]]),
            .admonition("NOTE:", [.paragraph("Careful")]),
        ])
    }

    @Test func brokenHTMLNeverCrashes() {
        for html in ["<p>open", "</ul></li>text", "<<<>>>", "&#xZZ; &#99999999; &unknown;", "<li>stray</li>", "<dl><dd>x</dt>"] {
            _ = HTMLText.blocks(html)
        }
        #expect(HTMLText.plain("a &#150; b &lt;c&gt;") == "a - b <c>")
    }
}
