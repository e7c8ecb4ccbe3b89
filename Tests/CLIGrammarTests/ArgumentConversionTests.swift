import AWSModel
import Testing
import Wire

@testable import CLIGrammar

/// From command-line words to the wire request, per shape type and source of value.
struct ArgumentConversionTests {
    static let files = memoryReader([
        "secret.bin": [0x00, 0xFF, 0x10],
        "b64.txt": Array("aGVsbG8=\n".utf8),
        "ctx.json": Array("{\"app\": \"web\"}".utf8),
        "input.json": Array("{\"KeyId\": \"from-file\", \"Plaintext\": \"aGk=\"}".utf8),
        "latin1.txt": [0x63, 0x61, 0x66, 0xE9],
        "crlf.txt": Array("line1\r\nline2\r".utf8),
        "body.txt": Array("object body".utf8),
    ])
    let context = ParseContext(readFile: files)

    func invocation(_ line: String, context: ParseContext? = nil) throws -> AWSInvocation {
        let (parsed, _) = try testGrammar.parse(line: line, context: context ?? self.context)
        guard case .aws(let invocation) = parsed else {
            Issue.record("not an AWS invocation: \(line)")
            throw CLIError(.usage, "not aws")
        }
        return invocation
    }

    func input(_ line: String, context: ParseContext? = nil) throws -> JSONValue {
        try invocation(line, context: context).input
    }

    func error(_ line: String, context: ParseContext? = nil) -> CLIError? {
        do {
            _ = try testGrammar.parse(line: line, context: context ?? self.context)
            return nil
        } catch {
            return error
        }
    }

    @Test func stringsAndBase64Blobs() throws {
        #expect(try input("kms encrypt --key-id alias/app --plaintext aGVsbG8=")
            == ["KeyId": "alias/app", "Plaintext": "aGVsbG8="])
        #expect(try input("kms encrypt --key-id=alias/app --plaintext=aGVsbG8=")["KeyId"] == "alias/app")
        #expect(try input("kms decrypt --ciphertext-blob AQID")["CiphertextBlob"] == "AQID")
        let invalid = error("kms decrypt --ciphertext-blob hello")
        #expect(invalid?.message == "Invalid base64: \"hello\"")
        #expect(invalid?.rendered == "\nInvalid base64: \"hello\"\n")
        #expect(invalid?.exitStatus == 252)
    }

    @Test func rawInBase64OutTakesTextAsBytes() throws {
        #expect(try input("kms encrypt --key-id k --plaintext hello --cli-binary-format raw-in-base64-out")["Plaintext"] == "aGVsbG8=")
        var raw = context
        raw.defaults.binaryFormat = .rawInBase64Out
        #expect(try input("kms encrypt --key-id k --plaintext hello", context: raw)["Plaintext"] == "aGVsbG8=")
    }

    @Test func filebGivesRawBytesAndFileGivesText() throws {
        #expect(try input("kms encrypt --key-id k --plaintext fileb://secret.bin")["Plaintext"] == "AP8Q")
        // file:// text for a blob is base64 under the default binary format.
        let fromText = error("kms decrypt --ciphertext-blob file://b64.txt")
        #expect(fromText?.message == "Invalid base64: \"aGVsbG8=\n\"", "the newline is part of the text")
        #expect(try input("kms encrypt --key-id k --plaintext file://b64.txt --cli-binary-format raw-in-base64-out")["Plaintext"]
            == .string(Base64.encode(Array("aGVsbG8=\n".utf8))))
        #expect(try input("kms update-key-description --key-id k --description file://crlf.txt")["Description"] == "line1\nline2\n")
    }

    @Test func paramFileErrorsNameTheFile() {
        #expect(error("kms encrypt --key-id k --plaintext fileb://nope.bin")?.rendered
            == "\nError parsing parameter '--plaintext': Unable to load paramfile fileb://nope.bin: [Errno 2] No such file or directory: 'nope.bin'\n")
        #expect(error("kms update-key-description --key-id k --description file://latin1.txt")?.message
            == "Error parsing parameter '--description': Unable to load paramfile (latin1.txt), text contents could not be decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.")
        #expect(error("kms encrypt --key-id k --plaintext fileb://x", context: ParseContext())?.kind == .parameter)
    }

    @Test func mapsFromShorthandJSONAndFiles() throws {
        let expected: JSONValue = ["app": "web", "tier": "1"]
        #expect(try input("kms encrypt --key-id k --plaintext aGk= --encryption-context app=web,tier=1")["EncryptionContext"] == expected)
        #expect(try input("kms encrypt --key-id k --plaintext aGk= --encryption-context '{\"app\":\"web\",\"tier\":\"1\"}'")["EncryptionContext"] == expected)
        #expect(try input("kms encrypt --key-id k --plaintext aGk= --encryption-context file://ctx.json")["EncryptionContext"] == ["app": "web"])
        let bad = error("kms encrypt --key-id k --plaintext aGk= --encryption-context '{\"app\": }'")
        #expect(bad?.message.hasPrefix("Error parsing parameter '--encryption-context': Invalid JSON: ") == true)
        #expect(bad?.message.hasSuffix("\nJSON received: {\"app\": }") == true)
        let shorthand = error("kms encrypt --key-id k --plaintext aGk= --encryption-context app")
        #expect(shorthand?.message == "Error parsing parameter '--encryption-context': Expected: '=', received: 'EOF' for input:\napp\n   ^")
    }

    @Test func listsTakeSeveralWordsOrJSON() throws {
        #expect(try input("kms encrypt --key-id k --plaintext aGk= --grant-tokens a b c")["GrantTokens"] == ["a", "b", "c"])
        #expect(try input("kms encrypt --key-id k --plaintext aGk= --grant-tokens '[\"a\", \"b\"]'")["GrantTokens"] == ["a", "b"])
        #expect(try input("kms encrypt --grant-tokens a b --key-id k --plaintext aGk=")["GrantTokens"] == ["a", "b"],
                "a list stops at the next option")
        let tags = try input("kms create-key --tags TagKey=team,TagValue=pay TagKey=env,TagValue=prod")["Tags"]
        #expect(tags == [["TagKey": "team", "TagValue": "pay"], ["TagKey": "env", "TagValue": "prod"]])
        #expect(try input("kms create-key --tags '[{\"TagKey\":\"a\",\"TagValue\":\"b\"}]'")["Tags"] == [["TagKey": "a", "TagValue": "b"]])
        #expect(try input("kms create-key --tags '{\"TagKey\":\"a\",\"TagValue\":\"b\"}'")["Tags"] == [["TagKey": "a", "TagValue": "b"]],
                "each word may be one JSON element")
    }

    @Test func booleansAreFlags() throws {
        #expect(try input("kms create-key --multi-region")["MultiRegion"] == true)
        #expect(try input("kms create-key --no-multi-region")["MultiRegion"] == false)
        #expect(try input("kms create-key --multi-region --no-multi-region")["MultiRegion"] == false, "the last one wins")
        #expect(try input("kms create-key") == [:])
        #expect(error("kms create-key --multi-region=true")?.message == "argument --multi-region: ignored explicit argument 'true'")
    }

    @Test func integersAndNegativeNumbers() throws {
        #expect(try input("kms schedule-key-deletion --key-id k --pending-window-in-days 7")["PendingWindowInDays"] == 7)
        #expect(error("kms schedule-key-deletion --key-id k --pending-window-in-days seven")?.message
            == "Error parsing parameter '--pending-window-in-days': expected an integer, received: 'seven'")
        #expect(error("kms schedule-key-deletion --key-id k --pending-window-in-days -5")?.message
            == "Parameter validation failed:\nInvalid value for parameter PendingWindowInDays, value: -5, valid min value: 1",
                "a negative number is a value, not an option")
    }

    @Test func timestampsBecomeEpochSeconds() throws {
        let request = try input("cloudtrail lookup-events --start-time 2026-11-29T10:00:00Z --end-time 1764410400.5")
        #expect(request["StartTime"] == 1_795_946_400)
        #expect(request["EndTime"] == 1_764_410_400.5)
        #expect(try input("cloudtrail lookup-events --start-time 2026-11-29")["StartTime"] == 1_795_910_400)
        #expect(try input("cloudtrail lookup-events --start-time 2026-11-29T10:00:00.123456+02:00")["StartTime"] == 1_795_939_200.123)
        #expect(error("cloudtrail lookup-events --start-time yesterday")?.message
            == "Parameter validation failed:\nInvalid type for parameter StartTime, value: yesterday, type: <class 'str'>, valid types: <class 'datetime.datetime'>, timestamp-string")
    }

    @Test func nestedStructuresFromShorthand() throws {
        let request = try input("dynamodb create-table --table-name t --attribute-definitions AttributeName=id,AttributeType=S "
                                + "--key-schema AttributeName=id,KeyType=HASH --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5 "
                                + "--sse-specification Enabled=true,SSEType=KMS,KMSMasterKeyId=alias/app")
        #expect(request["ProvisionedThroughput"] == ["ReadCapacityUnits": 5, "WriteCapacityUnits": 5])
        #expect(request["SSESpecification"] == ["Enabled": true, "SSEType": "KMS", "KMSMasterKeyId": "alias/app"])
        let s3 = try input("s3api put-bucket-encryption --bucket b --server-side-encryption-configuration "
                           + "'Rules=[{ApplyServerSideEncryptionByDefault={SSEAlgorithm=aws:kms,KMSMasterKeyID=alias/s3},BucketKeyEnabled=true}]'")
        #expect(s3["ServerSideEncryptionConfiguration"] == ["Rules": [["ApplyServerSideEncryptionByDefault": ["SSEAlgorithm": "aws:kms", "KMSMasterKeyID": "alias/s3"], "BucketKeyEnabled": true]]])
    }

    @Test func streamingBlobsTakeAPath() throws {
        #expect(try input("s3api put-object --bucket b --key k --body body.txt")["Body"] == .string(Base64.encode(Array("object body".utf8))))
        #expect(error("s3api put-object --bucket b --key k --body missing.txt")?.message
            == "Error parsing parameter '--body': Blob values must be a path to a file.")
    }

    @Test func cliInputJSONFillsWhatOptionsLeaveUnset() throws {
        #expect(try input("kms encrypt --cli-input-json '{\"KeyId\": \"k\", \"Plaintext\": \"aGk=\"}'") == ["KeyId": "k", "Plaintext": "aGk="])
        #expect(try input("kms encrypt --key-id mine --cli-input-json file://input.json") == ["KeyId": "mine", "Plaintext": "aGk="],
                "an explicit option wins")
        #expect(error("kms encrypt --cli-input-json '{\"KeyId\": \"k\"}'")?.message
            == "Parameter validation failed:\nMissing required parameter in input: \"Plaintext\"")
        #expect(error("kms encrypt --cli-input-json '[1]'")?.kind == .parameter)
        #expect(error("kms encrypt --cli-input-json '{'")?.message.hasPrefix("Error parsing parameter '--cli-input-json': Invalid JSON") == true)
        #expect(try invocation("kms list-keys --cli-input-json '{\"Limit\": 2}'").paging == nil,
                "paging members in the input JSON turn client-side paging off, as in v2")
    }

    @Test(arguments: ["kms.Encrypt", "kms.CreateKey", "kms.ListKeys", "dynamodb.CreateTable", "s3.PutBucketEncryption",
                      "cloudtrail.LookupEvents", "sts.GetCallerIdentity"])
    func inputSkeletonIsWhatTheAWSCLIPrints(_ name: String) throws {
        let parts = name.split(separator: ".").map(String.init)
        let model = try #require(ServiceModels.model(parts[0]))
        let op = try #require(model.operation(named: parts[1]))
        let result = try invocation("\(model.cliName) \(op.cliName) --generate-cli-skeleton")
        #expect(result.mode == .inputSkeleton(try Fixtures.text("skeleton/\(name).json")))
        #expect(try invocation("\(model.cliName) \(op.cliName) --generate-cli-skeleton input").mode == result.mode)
    }

    @Test func outputSkeletonValidatesInputAndSamplesTheOutput() throws {
        #expect(error("kms encrypt --generate-cli-skeleton output")?.message == "the following arguments are required: --key-id, --plaintext")
        let result = try invocation("kms encrypt --key-id k --plaintext aGk= --generate-cli-skeleton output")
        guard case .outputSkeleton(let sample) = result.mode else {
            Issue.record("expected an output skeleton")
            return
        }
        #expect(sample == ["CiphertextBlob": nil, "KeyId": "KeyId", "EncryptionAlgorithm": "EncryptionAlgorithm"])
        #expect(try result.perform { _ in Issue.record("nothing is called"); return [:] } == .single(sample))
        #expect(error("kms encrypt --generate-cli-skeleton yaml")?.message
            == "argument --generate-cli-skeleton: Invalid choice 'yaml', valid choices are: input, output")
    }

    @Test func globalOptionsAnywhere() throws {
        let result = try invocation("--output text kms list-keys --query Keys --profile admin --region eu-west-1 "
                                    + "--color off --debug --endpoint-url http://localhost --no-cli-pager")
        #expect(result.globals.output == .text)
        #expect(result.globals.outputGiven)
        #expect(result.globals.query == "Keys")
        #expect(result.globals.profile == "admin")
        #expect(result.globals.region == "eu-west-1")
        #expect(result.globals.color == .off)
        #expect(result.globals.debug && result.globals.noCLIPager)
        #expect(result.globals.endpointURL == "http://localhost")
        #expect(result.input == [:])
        #expect(result.operation.name == "ListKeys")
        #expect(result.commandLine == "kms list-keys")
    }

    @Test func queryIsCheckedWhenParsedIfACheckerIsGiven() {
        struct Bad: Error, CustomStringConvertible { var description: String { "Unexpected end of expression" } }
        let strict = ParseContext(checkQuery: { expression in if expression.hasSuffix("[") { throw Bad() } })
        #expect(error("kms list-keys --query 'Keys['", context: strict)?.message
            == "argument --query: Bad value for --query Keys[: Unexpected end of expression")
        #expect(error("kms list-keys --query Keys", context: strict) == nil)
    }

    @Test func enumsAreCheckedUnlessTheCallerWantsTheServiceToDoIt() throws {
        #expect(error("kms create-key --key-usage ENCRYPT_DECRPT")?.message
            == "argument --key-usage: Invalid choice 'ENCRYPT_DECRPT', valid choices are: SIGN_VERIFY, ENCRYPT_DECRYPT, GENERATE_VERIFY_MAC, KEY_AGREEMENT; did you mean ENCRYPT_DECRYPT?")
        var lenient = context
        lenient.strictEnums = false
        #expect(try input("kms create-key --key-usage SOMETHING", context: lenient)["KeyUsage"] == "SOMETHING")
    }
}
