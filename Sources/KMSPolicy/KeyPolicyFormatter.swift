import Wire

/// Writes a policy the way KMS returns the policies it writes itself (GetKeyPolicy on a key created
/// without a policy): two-space indent, `"Key" : value`, arrays inline as `[ "a", "b" ]`, and
/// objects inside arrays opened on the same line (`"Statement" : [ {`).
///
/// That is the layout of Jackson's default pretty printer, which is what learners see in the
/// console and the CLI; arrays do not add a level of indentation, only objects do.
public enum KeyPolicyFormatter {
    /// The policy text in KMS's layout.
    public static func format(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, level: 0)
        return out
    }

    private static func write(_ value: JSONValue, into out: inout String, level: Int) {
        switch value {
        case .object(let object):
            if object.isEmpty {
                out += "{ }"
                return
            }
            out += "{\n"
            for (i, member) in object.members.enumerated() {
                if i > 0 { out += ",\n" }
                out += String(repeating: "  ", count: level + 1)
                JSONWriter.writeString(member.key, into: &out)
                out += " : "
                write(member.value, into: &out, level: level + 1)
            }
            out += "\n" + String(repeating: "  ", count: level) + "}"
        case .array(let items):
            if items.isEmpty {
                out += "[ ]"
                return
            }
            out += "[ "
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                write(item, into: &out, level: level)
            }
            out += " ]"
        case .string(let s):
            JSONWriter.writeString(s, into: &out)
        case .int(let i):
            out += String(i)
        case .double(let d):
            out += JSONWriter.formatDouble(d)
        case .bool(let b):
            out += b ? "true" : "false"
        case .null:
            out += "null"
        }
    }
}
