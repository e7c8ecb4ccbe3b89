import Wire

/// The AWS CLI's `--output text` (`awscli/text.py`): tab-separated values, a list of scalars on one
/// line, and nested structures as sections whose first field is the upper-cased key name.
enum TextFormat {
    static func format(_ value: JSONValue) -> String {
        var out = ""
        write(value, identifier: nil, scalarKeys: nil, into: &out)
        return out
    }

    private static func write(_ value: JSONValue, identifier: String?, scalarKeys: [String]?, into out: inout String) {
        switch value {
        case .object(let o): writeObject(o, identifier: identifier, scalarKeys: scalarKeys, into: &out)
        case .array(let a): writeList(a, identifier: identifier, into: &out)
        default:
            out += PythonValue.str(value) + "\n"
        }
    }

    private static func writeList(_ items: [JSONValue], identifier: String?, into out: inout String) {
        guard !items.isEmpty else { return }
        if items.contains(where: { if case .object = $0 { return true } else { return false } }) {
            // One row per object, all with the same columns: every scalar key seen in the list.
            var keys = Set<String>()
            for case .object(let o) in items {
                for (k, v) in o where PythonValue.isScalar(v) { keys.insert(k) }
            }
            let allKeys = PythonValue.sortedKeys(keys)
            for item in items {
                write(item, identifier: identifier, scalarKeys: allKeys, into: &out)
            }
        } else if items.contains(where: { if case .array = $0 { return true } else { return false } }) {
            let scalars = items.filter(PythonValue.isScalar)
            if !scalars.isEmpty { writeScalars(scalars, identifier: identifier, into: &out) }
            for item in items where !PythonValue.isScalar(item) {
                write(item, identifier: identifier, scalarKeys: nil, into: &out)
            }
        } else {
            writeScalars(items, identifier: identifier, into: &out)
        }
    }

    private static func writeScalars(_ items: [JSONValue], identifier: String?, into out: inout String) {
        if let identifier {
            for item in items { out += identifier.uppercased() + "\t" + PythonValue.str(item) + "\n" }
        } else {
            out += items.map(PythonValue.str).joined(separator: "\t") + "\n"
        }
    }

    private static func writeObject(_ o: JSONObject, identifier: String?, scalarKeys: [String]?, into out: inout String) {
        var scalars: [String] = []
        var nested: [(String, JSONValue)] = []
        if let scalarKeys {
            for key in scalarKeys { scalars.append(o[key].map(PythonValue.str) ?? "") }
            let rest = Set(o.keys).subtracting(scalarKeys)
            for key in PythonValue.sortedKeys(rest) { nested.append((key, o[key] ?? .null)) }
        } else {
            for key in PythonValue.sortedKeys(o.keys) {
                let v = o[key] ?? .null
                if PythonValue.isScalar(v) { scalars.append(PythonValue.str(v)) } else { nested.append((key, v)) }
            }
        }
        if !scalars.isEmpty {
            if let identifier { scalars.insert(identifier.uppercased(), at: 0) }
            out += scalars.joined(separator: "\t") + "\n"
        }
        for (key, v) in nested {
            write(v, identifier: key, scalarKeys: nil, into: &out)
        }
    }
}
