/// The key policy AWS applies when CreateKey is given none: one statement that gives the account
/// (its root principal) `kms:*`, which is what lets IAM policies in the account grant access.
///
/// Formatted as KMS returns it from GetKeyPolicy.
enum DefaultKeyPolicy {
    static func text(account: String) -> String {
        """
        {
          "Version" : "2012-10-17",
          "Id" : "key-default-1",
          "Statement" : [ {
            "Sid" : "Enable IAM User Permissions",
            "Effect" : "Allow",
            "Principal" : {
              "AWS" : "arn:aws:iam::\(account):root"
            },
            "Action" : "kms:*",
            "Resource" : "*"
          } ]
        }
        """
    }
}
