import Wire

/// Reads a policy's JSON into statements, refusing what IAM and KMS refuse.
///
/// Element names are case-sensitive, as in IAM. Messages name the statement ("Statement 2 (Sid
/// \"AllowUse\")") and the element, and say what would be accepted.
struct PolicyParser {
    let kind: PolicyKind
    let json: JSONValue
    let positions: [(start: SourcePosition, end: SourcePosition)]
    private(set) var warnings: [String] = []

    init(kind: PolicyKind, json: JSONValue, positions: [(start: SourcePosition, end: SourcePosition)]) {
        self.kind = kind
        self.json = json
        self.positions = positions
    }

    static let topLevelElements = ["Version", "Id", "Statement"]

    struct Parsed {
        let version: PolicyVersion?
        let id: String?
        let statements: [Statement]
    }

    mutating func parse() throws(PolicyError) -> Parsed {
        guard case .object(let top) = json else {
            throw .malformed("The policy must be a JSON object with a Statement element, found \(article(json.typeName)).")
        }
        for key in top.keys where !PolicyParser.topLevelElements.contains(key) {
            throw .malformed("Unknown element \(JSONWriter.quoted(key)) at the top level of the policy"
                + hint(for: key, among: PolicyParser.topLevelElements)
                + "; the top level may hold only Version, Id and Statement (element names are case-sensitive).")
        }
        var version: PolicyVersion?
        if let v = top["Version"] {
            guard case .string(let s) = v else {
                throw .malformed("Version must be the string \"2012-10-17\" (or \"2008-10-17\"), found \(article(v.typeName)).")
            }
            guard let parsed = PolicyVersion(rawValue: s) else {
                throw .malformed("Version must be \"2012-10-17\" or \"2008-10-17\", found \(JSONWriter.quoted(s)).")
            }
            version = parsed
        }
        var id: String?
        if let v = top["Id"] {
            guard case .string(let s) = v else { throw .malformed("Id must be a string, found \(article(v.typeName)).") }
            id = s
        }
        guard let statementValue = top["Statement"] else {
            throw .malformed("The policy has no Statement element; it needs at least one statement.")
        }
        let rawStatements: [JSONValue]
        switch statementValue {
        case .object: rawStatements = [statementValue]
        case .array(let list): rawStatements = list
        default:
            throw .malformed("Statement must be an object or a list of objects, found \(article(statementValue.typeName)).")
        }
        guard !rawStatements.isEmpty else {
            throw .malformed("Statement is an empty list; a policy needs at least one statement.")
        }
        var statements: [Statement] = []
        statements.reserveCapacity(rawStatements.count)
        var sids: [String: Int] = [:]
        for (offset, raw) in rawStatements.enumerated() {
            let index = offset + 1
            let position = offset < positions.count && positions.count == rawStatements.count ? positions[offset] : nil
            var reader = StatementReader(kind: kind, index: index, variablesEnabled: version == .v2012_10_17,
                                         position: position)
            let statement = try reader.read(raw)
            warnings += reader.warnings
            if let sid = statement.sid, !sid.isEmpty {
                if let first = sids[sid] {
                    throw .malformed("\(statement.label.capitalizedFirst): Sid \(JSONWriter.quoted(sid)) is already used by "
                        + "statement \(first); each Sid must be unique within a policy.")
                }
                sids[sid] = index
            }
            statements.append(statement)
        }
        return Parsed(version: version, id: id, statements: statements)
    }
}

/// "an object", "a string": for messages about types.
func article(_ typeName: String) -> String {
    let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
    return (typeName.first.map { vowels.contains($0) } ?? false ? "an " : "a ") + typeName
}

/// " (did you mean \"Action\"?)" when `key` is a case or plural slip of one of `known`.
func hint(for key: String, among known: [String]) -> String {
    let lowered = key.lowercased()
    for candidate in known {
        let c = candidate.lowercased()
        if lowered == c || lowered == c + "s" || lowered + "s" == c {
            return " (did you mean \(JSONWriter.quoted(candidate))?)"
        }
    }
    return ""
}
