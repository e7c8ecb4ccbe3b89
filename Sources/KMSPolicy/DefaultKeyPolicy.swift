import Wire

/// The key policy KMS applies when CreateKey is called without one: a single statement that lets
/// the account (its root user, and through IAM policies everyone in it) do everything with the key.
public enum DefaultKeyPolicy {
    /// The policy as JSON.
    public static func json(account: String, partition: String = "aws") -> JSONValue {
        [
            "Version": "2012-10-17",
            "Id": "key-default-1",
            "Statement": [
                [
                    "Sid": "Enable IAM User Permissions",
                    "Effect": "Allow",
                    "Principal": ["AWS": .string("arn:\(partition):iam::\(account):root")],
                    "Action": "kms:*",
                    "Resource": "*",
                ],
            ],
        ]
    }

    /// The policy text, formatted as GetKeyPolicy returns it.
    public static func text(account: String, partition: String = "aws") -> String {
        KeyPolicyFormatter.format(json(account: account, partition: partition))
    }

    /// The policy parsed, ready for evaluation.
    public static func document(account: String, partition: String = "aws") -> PolicyDocument {
        // The text is generated here and always valid; a failure would be a bug in this file, and
        // the fallback keeps that from trapping.
        let text = text(account: account, partition: partition)
        if let doc = try? PolicyDocument.parse(text, kind: .resourcePolicy) { return doc }
        return PolicyDocument.empty(text: text)
    }
}

extension PolicyDocument {
    /// A document with no statements (allows nothing); only for generated policies that fail to parse.
    static func empty(text: String) -> PolicyDocument {
        PolicyDocument(text: text, json: .object(JSONObject()), kind: .resourcePolicy, version: .v2012_10_17,
                       id: nil, statements: [], warnings: ["The generated policy could not be read."])
    }
}
