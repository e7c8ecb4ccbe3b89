import AWSModel
import Testing
import Wire

@testable import CLIGrammar

/// Client-side validation worded exactly as botocore words it (Fixtures/validation/cases.json).
struct ValidationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let service: String
        let operation: String
        let params: JSONValue
        let error: String?
        var testDescription: String { "\(operation) \(params)" }
    }

    static let cases: [Case] = {
        guard case .array(let items)? = try? Fixtures.json("validation/cases.json") else { return [] }
        return items.map {
            Case(service: $0["service"]?.stringValue ?? "", operation: $0["operation"]?.stringValue ?? "",
                 params: $0["params"] ?? [:], error: $0["error"]?.stringValue)
        }
    }()

    @Test func corpusIsPresent() { #expect(Self.cases.count >= 15) }

    @Test(arguments: cases)
    func reportsLikeBotocore(_ c: Case) throws {
        let model = try #require(ServiceModels.model(c.service))
        let input = try #require(model.operation(named: c.operation)?.input.flatMap { model.shape($0) })
        guard case .map(let params) = ParamValue(json: c.params) else {
            Issue.record("params must be an object")
            return
        }
        let error = ParamValidator.validate(params, input: input, model: model)
        #expect(error?.message == c.error)
        if c.error != nil {
            #expect(error?.kind == .validation)
            #expect(error?.exitStatus == 252)
            #expect(error?.rendered == "\n" + (c.error ?? "") + "\n")
        }
    }

    @Test func commandLineValidationUsesTheSameWords() {
        #expect(throws: CLIError(.validation, "Parameter validation failed:\nInvalid length for parameter KeyId, value: 0, valid min length: 1")) {
            try testGrammar.parse(["kms", "describe-key", "--key-id", ""])
        }
    }
}
