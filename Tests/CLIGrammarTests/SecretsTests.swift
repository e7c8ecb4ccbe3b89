import Testing

@testable import CLIGrammar

/// Secrets typed on the command line never come back in messages or history lines.
struct SecretsTests {
    func message(_ line: String) -> String {
        do {
            _ = try testGrammar.parse(line: line)
            return ""
        } catch {
            return error.rendered
        }
    }

    @Test func plaintextIsNotRepeatedInErrors() {
        let text = message("kms encrypt --key-id k --plaintext my-s3cret-value")
        #expect(!text.contains("my-s3cret-value"))
        #expect(text.contains("Invalid base64: the value of Plaintext is not base64"))
        #expect(text.contains("--cli-binary-format raw-in-base64-out"), "the fix is named")
        let nested = message("kms encrypt --cli-input-json '{\"KeyId\": \"k\", \"Plaintext\": 12345}'")
        #expect(nested.contains("Invalid type for parameter Plaintext, value: ***, type: <class 'int'>"))
        #expect(!message("kms encrypt --key-id k --plaintxt my-s3cret-value").contains("my-s3cret-value"))
    }

    @Test func nonSecretValuesAreStillQuoted() {
        #expect(message("kms describe-key --key-id k --grant-tokens '[1'").contains("JSON received: [1"))
    }

    @Test func historyLinesHideSecretValues() {
        let grammar = testGrammar
        #expect(grammar.redactingSecrets("kms encrypt --key-id alias/app --plaintext aGVsbG8=")
            == "kms encrypt --key-id alias/app --plaintext ***")
        #expect(grammar.redactingSecrets("kms encrypt --plaintext='hello world' --key-id k")
            == "kms encrypt --plaintext=*** --key-id k")
        #expect(grammar.redactingSecrets("kms encrypt --key-id k --plaintext fileb://secret.txt")
            == "kms encrypt --key-id k --plaintext fileb://secret.txt", "a path is not a secret")
        #expect(grammar.redactingSecrets("s3api put-object --bucket b --key k --sse-customer-key c2VjcmV0 --body f")
            == "s3api put-object --bucket b --key k --sse-customer-key *** --body f")
        #expect(grammar.redactingSecrets("kms encrypt --cli-input-json '{\"Plaintext\": \"aGk=\"}'")
            == "kms encrypt --cli-input-json ***")
        #expect(grammar.redactingSecrets("kms list-keys --output text") == "kms list-keys --output text")
        #expect(grammar.redactingSecrets("clock advance 90d") == "clock advance 90d")
        #expect(grammar.redactingSecrets("kms encrypt --plaintext 'unterminated") == nil)
    }
}
