import Foundation
import Testing
import Wire
@testable import AWSModel

@Suite struct AWSModelTests {
    /// Every operation and member name in the shipped models, with the name botocore's
    /// `xform_name(name, '-')` gives it (generated once with botocore, checked in).
    @Test func cliNamesMatchBotocore() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("cli-names.json")
        let pairs = try JSONParser.parse(String(contentsOf: url, encoding: .utf8))
        var mismatches: [String] = []
        for (name, expected) in pairs.objectValue! where CLIName.from(name) != expected.stringValue! {
            mismatches.append("\(name): \(CLIName.from(name)) != \(expected.stringValue!)")
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        #expect(pairs.objectValue!.count > 800)
    }

    @Test func everyEmbeddedModelLoads() throws {
        for service in ServiceModels.services {
            let model = try #require(ServiceModels.model(service), "\(service)")
            #expect(!model.operations.isEmpty)
            for op in model.operations {
                if let input = op.input { #expect(model.shape(input) != nil, "\(op.name) input") }
                if let output = op.output { #expect(model.shape(output) != nil, "\(op.name) output") }
            }
        }
    }

    @Test func kmsShapesAreVerbatim() throws {
        let kms = try #require(ServiceModels.model("kms"))
        let encrypt = try #require(kms.operation(cliName: "encrypt"))
        let input = try #require(kms.shape(encrypt.input!))
        #expect(input.members.map(\.name).prefix(3) == ["KeyId", "Plaintext", "EncryptionContext"])
        #expect(input.required == ["KeyId", "Plaintext"])
        let plaintext = try #require(kms.shape(input.member(named: "Plaintext")!.shape))
        #expect(plaintext.kind == .blob && plaintext.min == 1 && plaintext.max == 4096 && plaintext.isSensitive)
        #expect(encrypt.errors.contains("DisabledException"))
        #expect(ServiceModels.model("s3api")?.service == "s3")
        #expect(ServiceModels.model("nope") == nil)
    }
}
