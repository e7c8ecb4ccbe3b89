import Foundation

/// EC2's errors, codes verbatim.
enum EC2Error {
    static func volumeNotFound(_ id: String) -> AWSServiceError {
        AWSServiceError("InvalidVolume.NotFound", "The volume '\(id)' does not exist.")
    }

    static func snapshotNotFound(_ id: String) -> AWSServiceError {
        AWSServiceError("InvalidSnapshot.NotFound", "The snapshot '\(id)' does not exist.")
    }

    static func malformed(_ id: String, prefix: String) -> AWSServiceError {
        AWSServiceError(prefix == "vol" ? "InvalidVolumeID.Malformed" : "InvalidSnapshotID.Malformed",
                        "Invalid id: \"\(id)\" (expecting \"\(prefix)-...\")")
    }

    static func missing(_ parameter: String) -> AWSServiceError {
        AWSServiceError("MissingParameter", "The request must contain the parameter \(parameter)")
    }

    static func invalidValue(_ message: String) -> AWSServiceError {
        AWSServiceError("InvalidParameterValue", message)
    }

    static let kmsKeyNeedsEncrypted = AWSServiceError("InvalidParameterDependency",
        "The parameter KmsKeyId requires the parameter Encrypted to be set.")

    static let dryRun = AWSServiceError("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", httpStatus: 412)
}
