import CLIGrammar

/// Hand-written EXAMPLES for the AWS commands' help pages, keyed "service operation".
enum CommandExamples {
    static let all: [String: [ExampleSpec]] = [
        "kms create-key": [
            ExampleSpec(title: "Create a customer managed key", command: "kms create-key --description \"orders database\""),
            ExampleSpec(title: "Create a key with a tag", command: "kms create-key --tags TagKey=team,TagValue=payments"),
        ],
        "kms create-alias": [
            ExampleSpec(title: "Give a key a friendly name", command: "kms create-alias --alias-name alias/app --target-key-id <key-id>"),
        ],
        "kms encrypt": [
            ExampleSpec(title: "Encrypt a small file with an encryption context",
                        command: "kms encrypt --key-id alias/app --plaintext fileb://secret.txt --encryption-context app=web"),
            ExampleSpec(title: "Keep only the ciphertext, as raw bytes",
                        command: "kms encrypt --key-id alias/app --plaintext fileb://secret.txt --query CiphertextBlob --output text > secret.b64"),
        ],
        "kms decrypt": [
            ExampleSpec(title: "Decrypt (the ciphertext names its key; the context must match exactly)",
                        command: "kms decrypt --ciphertext-blob fileb://secret.enc --encryption-context app=web"),
        ],
        "kms generate-data-key": [
            ExampleSpec(title: "A data key for envelope encryption",
                        command: "kms generate-data-key --key-id alias/app --key-spec AES_256 > datakey.json"),
        ],
        "kms enable-key-rotation": [
            ExampleSpec(title: "Rotate every 180 days", command: "kms enable-key-rotation --key-id <key-id> --rotation-period-in-days 180"),
        ],
        "kms schedule-key-deletion": [
            ExampleSpec(title: "Schedule deletion with the shortest waiting period",
                        command: "kms schedule-key-deletion --key-id <key-id> --pending-window-in-days 7"),
        ],
        "kms put-key-policy": [
            ExampleSpec(title: "Replace the key policy from a file", command: "kms put-key-policy --key-id <key-id> --policy file://policy.json"),
        ],
        "kms create-grant": [
            ExampleSpec(title: "Let a role decrypt only with a matching context",
                        command: "kms create-grant --key-id <key-id> --grantee-principal arn:aws:iam::111122223333:role/AppRole --operations Decrypt --constraints EncryptionContextSubset={dept=finance}"),
        ],
        "cloudtrail lookup-events": [
            ExampleSpec(title: "Every Decrypt call", command: "cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=Decrypt"),
        ],
    ]
}
