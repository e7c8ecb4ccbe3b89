/// HTML character references as they occur in AWS documentation.
enum Entities {
    static func decode(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") {
                let name = String(s[s.index(after: i)..<semi])
                if let decoded = entity(name) {
                    out += decoded
                    i = s.index(after: semi)
                    continue
                }
            }
            out.append(s[i])
            i = s.index(after: i)
        }
        return out
    }

    private static func entity(_ name: String) -> String? {
        switch name {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            let digits: Substring
            let radix: Int
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                digits = name.dropFirst(2)
                radix = 16
            } else if name.hasPrefix("#") {
                digits = name.dropFirst()
                radix = 10
            } else {
                return nil
            }
            guard let value = UInt32(digits, radix: radix), let scalar = Unicode.Scalar(value) else { return nil }
            // A line separator inside running text reads best as a blank.
            if value == 0x2028 || value == 0x2029 { return " " }
            // Windows-1252 dashes written as numeric references (&#150;).
            if value == 150 { return "-" }
            return String(Character(scalar))
        }
    }
}
