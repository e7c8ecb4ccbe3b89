import CLIGrammar
import CloudSim
import Foundation

/// `cloudtrail validate-logs`: the AWS CLI command (not an API) that proves a trail's log files
/// were not changed, removed or reordered since CloudTrail delivered them.
enum CloudTrailCustomizations: CommandGroup {
    static let specs = [
        CommandSpec(
            name: "cloudtrail", summary: "AWS CLI customizations of cloudtrail",
            subcommands: [
                CommandSpec(
                    name: "validate-logs", summary: "Validate a trail's log files and digests (log file integrity validation)",
                    description: """
                        Re-reads the trail's digest files and log files from its bucket, recomputes every \
                        SHA-256 hash, verifies each digest's RSA signature with CloudTrail's public key for \
                        the Region and its link to the previous digest, and reports each file as valid, \
                        modified, deleted or missing from the chain. KMS Drill also checks the event history \
                        against what was delivered. Exits 1 when anything is wrong.
                        """,
                    options: [
                        OptionSpec("trail-arn", summary: "The trail's ARN (cloudtrail describe-trails shows it)", isRequired: true),
                        OptionSpec("start-time", .timestamp, summary: "Validate files delivered from this time", isRequired: true),
                        OptionSpec("end-time", .timestamp, summary: "Validate files delivered until this time (default: now)"),
                        OptionSpec("verbose", .flag, summary: "Print a line for every file, not only the problems"),
                        OptionSpec("s3-bucket", summary: "Accepted for compatibility: the bucket is the trail's"),
                        OptionSpec("s3-prefix", summary: "Accepted for compatibility"),
                        OptionSpec("account-id", summary: "Accepted for compatibility"),
                    ],
                    examples: [ExampleSpec(title: "Validate everything a trail delivered today",
                                           command: "cloudtrail validate-logs --trail-arn arn:aws:cloudtrail:us-east-1:111122223333:trail/audit --start-time 2026-11-29T00:00:00Z --verbose")]),
            ],
            isHidden: true),
    ]

    static let handlers: [String: CommandHandler] = [
        "cloudtrail validate-logs": { p, c in
            guard let arn = p.string("trail-arn"), let start = p.timestamp("start-time") else {
                throw DrillError("cloudtrail validate-logs needs --trail-arn and --start-time", status: ExitStatus.usage)
            }
            let report: ValidationReport
            do {
                report = try c.workbench.cloudTrail.validateLogs(trailArn: arn, startTime: start, endTime: p.timestamp("end-time"),
                                                                 context: try c.runner.requestContext())
            } catch let e as CloudTrailService.ValidateLogsError {
                throw DrillError(e.message, status: ExitStatus.other)
            }
            for chunk in report.output(verbose: p.flag("verbose")) {
                chunk.stream == .stderr ? c.console.err(chunk.text) : c.console.out(chunk.text)
            }
            return report.exitStatus
        },
    ]
}
