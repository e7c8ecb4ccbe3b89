import Foundation
import Wire

/// The formats `grade --format` writes.
public enum GradeReportFormat: String, Sendable, CaseIterable {
    case json, junit, csv

    /// The report rendered in this format.
    public func render(_ report: GradeReport) -> String {
        switch self {
        case .json: return JSONWriter.pretty(report.jsonValue) + "\n"
        case .junit: return JUnitWriter.render(report)
        case .csv: return GradebookCSV.render(report)
        }
    }
}

/// JUnit XML in the shape the common schema (Apache Ant's, as published by Windy Road, which
/// Jenkins, GitLab and GitHub reporters read) requires: `testsuites` holding one `testsuite` per
/// learner with `package`, `id`, `name`, `timestamp`, `hostname`, `tests`, `failures`, `errors`
/// and `time`; then `properties`, the `testcase`s (one per check or question, a failed one holding
/// a `failure`), `system-out` and `system-err`. A malformed submission is one `testcase` with an
/// `error`.
public enum JUnitWriter {
    public static func render(_ report: GradeReport) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
        for (index, submission) in report.submissions.enumerated() {
            let malformed = submission.status == .malformed
            let tests = malformed ? 1 : submission.items.count
            let failures = malformed ? 0 : submission.items.filter { !$0.passed }.count
            out += "  <testsuite package=\"\(attr("kmsdrill.\(report.kind.rawValue).\(report.subject)"))\" id=\"\(index)\""
            out += " name=\"\(attr(submission.learner))\" timestamp=\"\(attr(submission.submittedAt))\" hostname=\"kmsdrill\""
            out += " tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(malformed ? 1 : 0)\" time=\"0\">\n"
            out += "    <properties>\n"
            for (name, value) in [("subject", report.subject), ("file", submission.file), ("status", submission.status.rawValue),
                                  ("score", String(submission.score)), ("maxPoints", String(submission.maxPoints)),
                                  ("percent", String(submission.percent)), ("passPercent", String(report.passPercent))] {
                out += "      <property name=\"\(name)\" value=\"\(attr(value))\"/>\n"
            }
            out += "    </properties>\n"
            let classname = attr("\(report.subject).\(submission.learner)")
            if malformed {
                out += "    <testcase name=\"submission\" classname=\"\(classname)\" time=\"0\">\n"
                out += "      <error type=\"malformed\" message=\"\(attr(submission.problem ?? "malformed"))\">\(text(submission.file + " " + (submission.problem ?? "")))</error>\n"
                out += "    </testcase>\n"
            }
            for item in submission.items {
                let name = attr("\(item.id): \(item.title)")
                if item.passed {
                    out += "    <testcase name=\"\(name)\" classname=\"\(classname)\" time=\"0\"/>\n"
                } else {
                    let reason = item.reason ?? "not done"
                    out += "    <testcase name=\"\(name)\" classname=\"\(classname)\" time=\"0\">\n"
                    out += "      <failure type=\"\(report.kind == .lab ? "check" : "item")\" message=\"\(attr(reason))\">\(text("\(item.title): \(reason) (0 of \(item.points) points)"))</failure>\n"
                    out += "    </testcase>\n"
                }
            }
            out += "    <system-out>\(text(submission.log.joined(separator: "\n")))</system-out>\n"
            out += "    <system-err></system-err>\n"
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    /// Text escaped for an attribute value in double quotes (newlines kept as character references).
    static func attr(_ s: String) -> String {
        var out = ""
        for scalar in clean(s).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text escaped for element content.
    static func text(_ s: String) -> String {
        var out = ""
        for scalar in clean(s).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Drops characters XML 1.0 cannot carry at all (control characters other than tab, LF, CR).
    static func clean(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter {
            $0 == "\t" || $0 == "\n" || $0 == "\r" || ($0.value >= 0x20 && $0.value != 0xFFFE && $0.value != 0xFFFF)
        }))
    }
}

/// The gradebook as CSV (RFC 4180: CRLF line ends, fields with commas, quotes or line breaks
/// quoted): one row per learner, one column per item holding the points earned.
public enum GradebookCSV {
    public static func render(_ report: GradeReport) -> String {
        var rows: [[String]] = []
        rows.append(["learner", "file", "status", "score", "max_points", "percent"] + report.items.map(\.id) + ["problem"])
        for s in report.submissions {
            let earned = Dictionary(s.items.map { ($0.id, $0.earned) }, uniquingKeysWith: { first, _ in first })
            let cells = report.items.map { item in s.status == .malformed ? "" : String(earned[item.id] ?? 0) }
            rows.append([s.learner, s.file, s.status.rawValue, String(s.score), String(s.maxPoints), String(s.percent)]
                        + cells + [s.problem ?? ""])
        }
        return rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
