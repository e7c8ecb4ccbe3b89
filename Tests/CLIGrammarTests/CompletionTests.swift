import Testing

@testable import CLIGrammar

/// A provider with fixed data, recording what it was asked for.
struct FakeProvider: CompletionProvider {
    func values(for kind: CompletionKind, prefix: String) -> [String] {
        let all: [String]
        switch kind {
        case .keyIdsAndAliases: all = ["1234abcd-12ab-34cd-56ef-1234567890ab", "alias/app", "alias/aws/s3"]
        case .aliases: all = ["alias/app", "alias/aws/s3"]
        case .profiles: all = ["admin", "developer"]
        case .labs: all = ["envelope-encryption", "key-rotation"]
        case .lessons: all = ["kms-basics"]
        case .files: all = ["secret.txt", "secret.bin", "policy.json"]
        default: all = []
        }
        return all.filter { $0.hasPrefix(prefix) }
    }
}

struct CompletionTests {
    let completer = Completer(grammar: testGrammar, provider: FakeProvider())

    func complete(_ text: String) -> [String] { completer.complete(text).candidates }

    @Test func topLevelCommandsAndServices() {
        let all = complete("")
        #expect(all.contains("kms") && all.contains("clock") && all.contains("help") && all.contains("s3api"))
        #expect(complete("km") == ["kms"])
        #expect(complete("c") == ["clock", "cloudtrail"])
        #expect(!complete("e").contains("exit") || complete("e").contains("ec2"))
    }

    @Test func operationsOfAService() {
        #expect(complete("kms enc") == ["encrypt"])
        #expect(complete("kms ").contains("create-key"))
        #expect(complete("kms ").contains("help"))
        #expect(complete("kms list-k").sorted() == ["list-key-policies", "list-key-rotations", "list-keys"])
        #expect(complete("--output text kms de").contains("describe-key"), "global options before the service are skipped")
    }

    @Test func optionsNotYetUsed() {
        let options = complete("kms encrypt --key-id k --")
        #expect(options.contains("--plaintext"))
        #expect(options.contains("--encryption-context"))
        #expect(!options.contains("--key-id"), "already given")
        #expect(options.contains("--query") && options.contains("--output"), "global options too")
        #expect(complete("kms create-key --multi-region --mu").isEmpty, "a flag and its --no- form count as one")
        #expect(complete("kms list-keys --").contains("--max-items"))
        #expect(!complete("kms list-keys --").contains("--marker"), "hidden paging members are not offered")
        #expect(complete("kms encrypt --query Keys --q").isEmpty)
    }

    @Test func enumValuesAndDynamicValues() {
        #expect(complete("kms create-key --key-spec RSA") == ["RSA_2048", "RSA_3072", "RSA_4096"])
        #expect(complete("kms encrypt --key-id ") == ["1234abcd-12ab-34cd-56ef-1234567890ab", "alias/app", "alias/aws/s3"])
        #expect(complete("kms re-encrypt --destination-key-id alias/a") == ["alias/app", "alias/aws/s3"])
        #expect(complete("kms create-alias --alias-name alias/") == ["alias/app", "alias/aws/s3"])
        #expect(complete("kms list-keys --output t") == ["text", "table"])
        #expect(complete("kms list-keys --profile ") == ["admin", "developer"])
        #expect(complete("kms list-keys --region eu-w") == ["eu-west-1", "eu-west-2"])
        #expect(complete("kms encrypt --generate-cli-skeleton ") == ["input", "output"])
        #expect(complete("kms create-grant --operations En") == ["Encrypt"])
        #expect(complete("kms create-grant --operations Encrypt De") == ["Decrypt", "DescribeKey", "DeriveSharedSecret"],
                "lists keep taking values")
        #expect(complete("--output ") == ["json", "text", "table", "yaml", "yaml-stream"])
        #expect(complete("--output json ").contains("kms"))
    }

    @Test func filesAfterFilePrefixesAndRedirects() {
        #expect(complete("kms encrypt --key-id k --plaintext fileb://sec") == ["fileb://secret.txt", "fileb://secret.bin"])
        #expect(complete("kms encrypt --key-id k --plaintext ") == ["fileb://"])
        #expect(complete("kms put-key-policy --policy file://p") == ["file://policy.json"])
        #expect(complete("kms list-keys > po") == ["policy.json"])
        let quoted = completer.complete("kms encrypt --plaintext 'fileb://se")
        #expect(quoted.candidates == ["fileb://secret.txt", "fileb://secret.bin"])
        #expect(quoted.wordStart == 24)
    }

    @Test func drillCommandsSubcommandsAndArguments() {
        #expect(complete("clock ") == ["show", "advance", "set"])
        #expect(complete("clock a") == ["advance"])
        #expect(complete("lab start ") == ["envelope-encryption", "key-rotation"])
        #expect(complete("lab start --") == ["--timed", "--help"])
        #expect(complete("lab list --status ") == ["open", "done", "all"])
        #expect(complete("quiz --topic ") == ["kms-basics"])
        #expect(complete("quiz --topic a --") .contains("--topic"), "repeatable options stay on offer")
        #expect(complete("help cl") == ["clock", "cloudtrail"])
        #expect(complete("help kms cre").contains("create-key"))
        #expect(complete("help clock ") == ["show", "advance", "set"])
    }

    @Test func reportsWhereTheWordStarts() {
        let result = completer.complete("kms enc")
        #expect(result.word == "enc")
        #expect(result.wordStart == 4)
        let empty = completer.complete("kms ")
        #expect(empty.word == "")
        #expect(empty.wordStart == 4)
    }

    @Test func worksWithoutAProvider() {
        let plain = Completer(grammar: testGrammar)
        #expect(plain.complete("kms encrypt --key-id ").candidates.isEmpty)
        #expect(plain.complete("kms list-keys --output j").candidates == ["json"])
    }
}
