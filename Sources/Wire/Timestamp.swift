import Foundation

/// Timestamp text in the forms learners meet: the AWS CLI v2's ISO 8601 output, CloudTrail's
/// `eventTime`, and the inputs `--start-time` and `clock set` accept.
public enum Timestamp {
    /// The AWS CLI v2 form (Python's `datetime.isoformat()` in UTC):
    /// `2026-11-29T09:37:15.123000+00:00`, or without the fraction when it is zero.
    public static func cli(_ date: Date) -> String {
        let (base, micros) = components(date)
        if micros == 0 { return base + "+00:00" }
        return base + "." + pad(micros, 6) + "+00:00"
    }

    /// CloudTrail's `eventTime`: whole seconds, `Z` suffix.
    public static func zulu(_ date: Date) -> String {
        components(date).0 + "Z"
    }

    /// Milliseconds and `Z`, for log lines and file names.
    public static func zuluMillis(_ date: Date) -> String {
        let (base, micros) = components(date)
        return base + "." + pad(micros / 1000, 3) + "Z"
    }

    /// The calendar date `YYYY-MM-DD` in UTC.
    public static func day(_ date: Date) -> String {
        String(components(date).0.prefix(10))
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    private static func components(_ date: Date) -> (String, Int) {
        let t = date.timeIntervalSince1970
        var seconds = Int(t.rounded(.down))
        var micros = Int(((t - Double(seconds)) * 1_000_000).rounded())
        if micros >= 1_000_000 {
            seconds += 1
            micros -= 1_000_000
        }
        let (y, mo, d) = civilFromDays(Int((Double(seconds) / 86400).rounded(.down)))
        let secOfDay = seconds - Int((Double(seconds) / 86400).rounded(.down)) * 86400
        let base = "\(pad(y, 4))-\(pad(mo, 2))-\(pad(d, 2))T\(pad(secOfDay / 3600, 2)):\(pad(secOfDay % 3600 / 60, 2)):\(pad(secOfDay % 60, 2))"
        return (base, micros)
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Reads ISO 8601 (`2026-11-29`, `2026-11-29T10:00`, `...:00Z`, `...+02:00`, fractions) or
    /// epoch seconds. A time without a zone is UTC.
    public static func parse(_ text: String) -> Date? {
        let s = text.trimmingCharacters(in: .whitespaces)
        if let epoch = Double(s), !s.contains("-") { return Date(timeIntervalSince1970: epoch) }
        let chars = Array(s.utf8)
        var i = 0
        func number(_ width: Int) -> Int? {
            guard i + width <= chars.count else { return nil }
            var v = 0
            for k in 0..<width {
                let c = chars[i + k]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            i += width
            return v
        }
        func expect(_ c: Character) -> Bool {
            guard i < chars.count, chars[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offset = 0
        if i < chars.count, chars[i] == UInt8(ascii: "T") || chars[i] == UInt8(ascii: " ") || chars[i] == UInt8(ascii: "t") {
            i += 1
            guard let h = number(2), expect(":"), let m = number(2), h < 24, m < 60 else { return nil }
            hour = h
            minute = m
            if expect(":") {
                guard let sec = number(2), sec < 61 else { return nil }
                second = sec
                if expect(".") || expect(",") {
                    var digits = 0.0
                    var scale = 1.0
                    while i < chars.count, chars[i] >= 48, chars[i] <= 57 {
                        scale /= 10
                        digits += Double(chars[i] - 48) * scale
                        i += 1
                    }
                    fraction = digits
                }
            }
            if expect("Z") || expect("z") {
            } else if i < chars.count, chars[i] == UInt8(ascii: "+") || chars[i] == UInt8(ascii: "-") {
                let sign = chars[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                guard let oh = number(2) else { return nil }
                _ = expect(":")
                let om = number(2) ?? 0
                offset = sign * (oh * 3600 + om * 60)
            }
        }
        guard i == chars.count else { return nil }
        let days = daysFromCivil(year, month, day)
        let seconds = days * 86400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }
}
