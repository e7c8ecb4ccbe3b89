import Foundation
import Wire

/// What `validate-logs` found: each digest, log file and event history record checked, in the
/// order checked, and the time range results were found for.
public struct ValidationReport: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case digest = "Digest file"
        case logFile = "Log file"
        case eventHistory = "Event history record"
        /// A break in the digest chain where logging was stopped (informational, as in the AWS CLI).
        case gap
    }

    /// One line of the report.
    public struct Entry: Sendable, Equatable {
        public var kind: Kind
        /// `s3://bucket/key` for files; the event ID (and sequence number) for event history.
        public var location: String
        /// nil when valid; otherwise the reason printed after `INVALID: `.
        public var problem: String?
        /// For `gap`: the sentence the AWS CLI prints.
        public var note: String?

        public init(kind: Kind, location: String, problem: String? = nil, note: String? = nil) {
            self.kind = kind
            self.location = location
            self.problem = problem
            self.note = note
        }

        public var isValid: Bool { problem == nil }

        /// The line as `aws cloudtrail validate-logs` prints it.
        public var line: String {
            if kind == .gap { return note ?? "" }
            return "\(kind.rawValue)\t\(location)\t" + (problem.map { "INVALID: \($0)" } ?? "valid")
        }
    }

    public var trailArn: String
    public var requestedStart: Date
    public var requestedEnd: Date
    public var foundStart: Date?
    public var foundEnd: Date?
    public var entries: [Entry] = []

    public init(trailArn: String, requestedStart: Date, requestedEnd: Date) {
        self.trailArn = trailArn
        self.requestedStart = requestedStart
        self.requestedEnd = requestedEnd
    }

    func count(_ kind: Kind, valid: Bool) -> Int { entries.filter { $0.kind == kind && $0.isValid == valid }.count }

    public var validDigests: Int { count(.digest, valid: true) }
    public var invalidDigests: Int { count(.digest, valid: false) }
    public var validLogFiles: Int { count(.logFile, valid: true) }
    public var invalidLogFiles: Int { count(.logFile, valid: false) }
    public var validHistoryRecords: Int { count(.eventHistory, valid: true) }
    public var invalidHistoryRecords: Int { count(.eventHistory, valid: false) }

    /// The problems found, one per invalid entry.
    public var problems: [Entry] { entries.filter { !$0.isValid && $0.kind != .gap } }

    /// 0 when everything checked is valid, 1 when anything is not (as the AWS CLI exits).
    public var exitStatus: Int32 { problems.isEmpty ? 0 : 1 }

    /// Where a chunk of output goes.
    public enum Stream: Sendable { case stdout, stderr }

    /// The output in order, split by stream, laid out as the AWS CLI lays it out: the header, valid
    /// lines on stdout only with `verbose`, every problem on stderr set off by blank lines, then the
    /// summary. KMS Drill adds one summary line for the event history records it cross-checked.
    public func output(verbose: Bool) -> [(stream: Stream, text: String)] {
        var out: [(Stream, String)] = []
        func display(_ d: Date) -> String { Timestamp.zulu(d) }
        out.append((.stdout, "Validating log files for trail \(trailArn) between \(display(requestedStart)) and \(display(requestedEnd))\n\n"))
        var lastWasDoubleSpaced = true
        for e in entries {
            if e.isValid && e.kind != .gap {
                guard verbose else { continue }
                out.append((.stdout, e.line + "\n"))
                lastWasDoubleSpaced = false
            } else {
                out.append((.stderr, (lastWasDoubleSpaced ? "" : "\n") + e.line + "\n\n"))
                lastWasDoubleSpaced = true
            }
        }
        var summary = lastWasDoubleSpaced ? "" : "\n"
        summary += "Results requested for \(display(requestedStart)) to \(display(requestedEnd))\n"
        if validDigests + invalidDigests == 0 {
            summary += "No digests found\n"
            out.append((.stdout, summary))
            return out
        }
        if let foundStart, let foundEnd {
            summary += "Results found for \(display(foundStart)) to \(display(foundEnd)):\n"
        } else {
            summary += "No valid digests found in range\n"
        }
        func ratio(_ valid: Int, _ invalid: Int, _ name: String) {
            let total = valid + invalid
            guard total > 0 else { return }
            summary += "\n\(valid)/\(total) \(name) valid"
            if invalid > 0 { summary += ", \(invalid)/\(total) \(name) INVALID" }
        }
        ratio(validDigests, invalidDigests, "digest files")
        ratio(validLogFiles, invalidLogFiles, "log files")
        ratio(validHistoryRecords, invalidHistoryRecords, "event history records")
        summary += "\n"
        out.append((.stdout, summary))
        return out
    }

    /// Everything the command prints, both streams in order (what a terminal shows).
    public func text(verbose: Bool) -> String { output(verbose: verbose).map(\.text).joined() }

    public static func == (a: ValidationReport, b: ValidationReport) -> Bool {
        a.trailArn == b.trailArn && a.requestedStart == b.requestedStart && a.requestedEnd == b.requestedEnd
            && a.foundStart == b.foundStart && a.foundEnd == b.foundEnd && a.entries == b.entries
    }
}
