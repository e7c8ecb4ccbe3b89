/// Exit statuses, as the AWS CLI uses them.
public enum ExitStatus {
    public static let success: Int32 = 0
    /// A failed drill check or grading (the command ran, the answer is no).
    public static let failure: Int32 = 1
    /// The command line could not be understood.
    public static let usage: Int32 = 252
    /// The service returned an error.
    public static let serviceError: Int32 = 254
    /// Anything else went wrong.
    public static let other: Int32 = 255
    /// Interrupted by Ctrl-C.
    public static let interrupted: Int32 = 130
}
