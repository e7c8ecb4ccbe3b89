import Wire

/// The AWS CLI's `--output table` (`awscli/formatter.py` `TableFormatter` and `awscli/table.py`):
/// a title row with the operation name, a section per nested structure or list, headers sorted by
/// name, columns scaled to the widest section, and sections of one row turned sideways when the
/// table would not fit the terminal.
struct TableFormat {
    let terminalWidth: Int
    let color: Bool

    func format(_ value: JSONValue, title: String) -> String {
        var table = MultiTable()
        guard build(title: title, value, indent: 0, table: &table) else { return "" }
        return table.render(terminalWidth: terminalWidth, styler: TableStyler(color: color))
    }

    /// `_build_table`: false when there is nothing to show.
    @discardableResult
    private func build(title: String?, _ value: JSONValue, indent: Int, table: inout MultiTable) -> Bool {
        guard Self.isTruthy(value) else { return false }
        if let title { table.newSection(title, indent: indent) }
        switch value {
        case .array(let items):
            if case .object = items[0] {
                buildFromList(items, indent: indent, title: title, table: &table)
            } else {
                for item in items {
                    if PythonValue.isScalar(item) {
                        table.addRow([item])
                    } else if case .array(let inner) = item, inner.allSatisfy(PythonValue.isScalar) {
                        table.addRow(inner)
                    } else if case .object(let o) = item, o.values.allSatisfy(PythonValue.isScalar) {
                        // Python iterates a dict's keys here.
                        table.addRow(o.keys.map { JSONValue.string($0) })
                    } else {
                        build(title: nil, item, indent: 0, table: &table)
                    }
                }
            }
        case .object(let o):
            buildFromObject(o, indent: indent, table: &table)
        default:
            break
        }
        return true
    }

    private func buildFromObject(_ o: JSONObject, indent: Int, table: inout MultiTable) {
        let (headers, more) = Self.groupScalarKeys(o)
        if headers.count == 1 {
            table.addRow([.string(headers[0]), o[headers[0]] ?? .null])
        } else if !headers.isEmpty {
            table.addHeader(headers)
            table.addRow(headers.map { o[$0] ?? .null })
        }
        for key in more {
            build(title: key, o[key] ?? .null, indent: indent + 1, table: &table)
        }
    }

    private func buildFromList(_ items: [JSONValue], indent: Int, title: String?, table: inout MultiTable) {
        var headerSet = Set<String>()
        var moreSet = Set<String>()
        for case .object(let o) in items {
            let (h, m) = Self.groupScalarKeys(o)
            headerSet.formUnion(h)
            moreSet.formUnion(m)
        }
        let headers = PythonValue.sortedKeys(headerSet)
        let more = PythonValue.sortedKeys(moreSet)
        table.addHeader(headers)
        var first = true
        for item in items {
            guard case .object(let element) = item else { continue }
            if !first, !more.isEmpty {
                table.newSection(title ?? "", indent: indent)
                table.addHeader(headers)
            }
            first = false
            table.addRow(headers.map { element[$0] ?? .string("") })
            for key in more where element.contains(key) {
                build(title: key, element[key] ?? .null, indent: indent + 1, table: &table)
            }
        }
    }

    static func groupScalarKeys(_ o: JSONObject) -> ([String], [String]) {
        var headers: [String] = []
        var more: [String] = []
        for (k, v) in o {
            if PythonValue.isScalar(v) { headers.append(k) } else { more.append(k) }
        }
        return (PythonValue.sortedKeys(headers), PythonValue.sortedKeys(more))
    }

    /// Python truthiness: empty containers, empty text, zero, false and null are false.
    static func isTruthy(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .array(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        }
    }
}

/// Colour for table cells and indentation bars, as colorama writes it for `--color on`.
struct TableStyler {
    let color: Bool

    func rowElement(_ text: String) -> String {
        color ? "\u{1B}[1m\u{1B}[34m" + text + "\u{1B}[0m" : text
    }

    func indentationChar(_ text: String) -> String {
        color ? "\u{1B}[2m\u{1B}[33m" + text + "\u{1B}[0m" : text
    }
}
