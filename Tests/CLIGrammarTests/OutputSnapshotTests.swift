import AWSModel
import Testing
import Wire

@testable import CLIGrammar

/// Every case of Fixtures/output/cases.json rendered in every format must match, byte for byte,
/// what the real AWS CLI formatters printed (see Fixtures/tools/generate_output_snapshots.py).
struct OutputSnapshotTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let operation: String
        let wire: JSONValue?
        let pages: JSONObject?
        let maxItems: Int?
        let startingToken: String?
        let query: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        guard case .array(let items)? = try? Fixtures.json("output/cases.json") else { return [] }
        return items.map { item in
            Case(name: item["name"]?.stringValue ?? "?", operation: item["operation"]?.stringValue ?? "?",
                 wire: item["wire"], pages: item["pages"]?.objectValue, maxItems: item["maxItems"]?.intValue,
                 startingToken: item["startingToken"]?.stringValue, query: item["query"]?.stringValue)
        }
    }()

    static let formats: [OutputFormat] = [.json, .text, .table, .yaml, .yamlStream]

    @Test func corpusIsPresent() {
        #expect(Self.cases.count >= 12)
    }

    @Test(arguments: cases)
    func rendersLikeTheAWSCLI(_ c: Case) throws {
        let model = try #require(ServiceModels.model("kms"))
        let operation = try #require(model.operation(named: c.operation))
        let response: CLIResponse
        if let pages = c.pages {
            let config = try #require(model.paginator(for: c.operation))
            let paging = PagingRequest(config: config, maxItems: c.maxItems, startingToken: c.startingToken)
            response = .paginated(try Paginator.run(paging, input: [:]) { request in
                let marker = request["Marker"]?.stringValue ?? ""
                return ResponseConverter.cliValue(pages[marker] ?? [:], operation: operation, model: model)
            })
        } else {
            response = .single(ResponseConverter.cliValue(try #require(c.wire), operation: operation, model: model))
        }
        let renderer = OutputRenderer(query: dottedPathQuery)
        for format in Self.formats {
            let expected = try Fixtures.text("output/\(c.name).\(format.rawValue)")
            let actual = try renderer.render(response, format: format, query: c.query, title: c.operation)
            #expect(actual == expected, "\(c.name) as \(format.rawValue)")
        }
        // `--color on` tables, where the AWS CLI output was recorded.
        if let expected = try? Fixtures.text("output/\(c.name).table-color") {
            let actual = try renderer.render(response, format: .table, query: c.query, title: c.operation, color: true)
            #expect(actual == expected, "\(c.name) as a coloured table")
        }
    }

    @Test func invocationOptionsChooseFormatQueryAndColour() throws {
        guard case .aws(let inv) = try testGrammar.parse(line: "kms describe-key --key-id k --output text --query KeyMetadata.KeyId").0 else {
            Issue.record("not aws")
            return
        }
        let response = try inv.perform { _ in ["KeyMetadata": ["KeyId": "k-1", "CreationDate": 0]] }
        #expect(try OutputRenderer(query: dottedPathQuery).render(response, for: inv) == "k-1\n")
        #expect(throws: OutputRenderer.QueryUnavailable.self) { try OutputRenderer().render(response, for: inv) }
        guard case .aws(let colored) = try testGrammar.parse(line: "kms describe-key --key-id k --output table --color on").0,
            case .aws(let auto) = try testGrammar.parse(line: "kms describe-key --key-id k --output table").0
        else { return }
        #expect(try OutputRenderer().render(response, for: colored).contains("\u{1B}[1m\u{1B}[34m"))
        #expect(!(try OutputRenderer().render(response, for: auto).contains("\u{1B}")), "colour is off unless asked")
        #expect(try OutputRenderer(autoColor: true).render(response, for: auto).contains("\u{1B}"))
    }

    /// Any JSON value renders in every format without trapping (the AWS CLI itself raises on some
    /// shapes, such as rows of different lengths in a table; here they degrade quietly).
    @Test func arbitraryValuesNeverCrash() throws {
        var generator = SystemRandomNumberGenerator()
        func random(_ depth: Int) -> JSONValue {
            let scalars: [JSONValue] = [nil, true, false, 0, -7, 1.5, 1e300, "", " lead", "a: b", "\n", "\u{1F600}", "日本語", "- x"]
            if depth > 3 || Bool.random(using: &generator) { return scalars.randomElement(using: &generator) ?? nil }
            if Bool.random(using: &generator) {
                return .array((0..<Int.random(in: 0...3, using: &generator)).map { _ in random(depth + 1) })
            }
            let keys = ["a", "B", "", "Key Id", "é"]
            return .object(JSONObject((0..<Int.random(in: 0...3, using: &generator)).map { _ in
                (keys.randomElement(using: &generator) ?? "a", random(depth + 1))
            }))
        }
        let renderer = OutputRenderer(terminalWidth: 40)
        for _ in 0..<500 {
            let value = random(0)
            for format in Self.formats {
                _ = try renderer.render(.single(value), format: format, title: "Op")
            }
        }
    }
}
