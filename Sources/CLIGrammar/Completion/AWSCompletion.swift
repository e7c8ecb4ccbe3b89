import AWSModel

/// Completion after a service name: operations, then the operation's unused options and their
/// values.
struct AWSCompletion {
    let model: ServiceModel
    let completer: Completer

    /// Members whose values are KMS keys or aliases, by member name.
    static let keyMembers: Set<String> = ["KeyId", "TargetKeyId", "DestinationKeyId", "SourceKeyId", "KmsKeyId",
                                          "SSEKMSKeyId", "KMSMasterKeyID", "KMSKeyId", "KmsKeyArn"]

    func candidates(_ words: [String], word: String) -> [String] {
        // Global options and their values do not count as positions.
        var rest: [String] = []
        var i = 0
        while i < words.count {
            let w = words[i]
            if w.hasPrefix("--"), let spec = GlobalOptions.spec(OptionWords.split(w).name) {
                i += spec.valueType == .flag || w.contains("=") ? 1 : 2
                continue
            }
            rest.append(w)
            i += 1
        }
        if let last = words.last, let values = completer.globalValue(after: last, prefix: word) { return values }
        guard let opName = rest.first else {
            if word.hasPrefix("-") { return completer.globalOptionNames(used: Set(words)) }
            return model.operations.map(\.cliName) + ["help"]
        }
        guard let operation = model.operation(cliName: opName) else { return [] }
        let table = OperationArguments(model: model, operation: operation)
        let args = Array(rest.dropFirst())
        // A value for the option just before the cursor (lists keep taking values).
        if !word.hasPrefix("-"), let argument = valueOwner(args, table: table) {
            return values(for: argument, prefix: word)
        }
        let used = Set(args.filter { $0.hasPrefix("--") }.map { OptionWords.split($0).name })
        var names: [String] = []
        for argument in table.arguments where argument.isDocumented {
            let group: String
            switch argument.kind {
            case .negatedMember(let m), .member(let m): group = CLIName.from(m.name)
            default: group = argument.name
            }
            if used.contains(group) || used.contains("no-" + group) || used.contains(argument.name) { continue }
            names.append(argument.cliName)
        }
        if word.isEmpty && args.isEmpty { names.append("help") }
        return names + completer.globalOptionNames(used: Set(words))
    }

    /// The option whose value the cursor is on: the last option before it if it takes values.
    private func valueOwner(_ args: [String], table: OperationArguments) -> OperationArgument? {
        guard let index = args.lastIndex(where: { OptionWords.isOptionLike($0) }) else { return nil }
        let (name, inline) = OptionWords.split(args[index])
        guard inline == nil, let argument = table.argument(name), !argument.isFlag else { return nil }
        let valuesSoFar = args.count - index - 1
        if argument.isList || valuesSoFar == 0 { return argument }
        if case .generateSkeleton = argument.kind, valuesSoFar == 0 { return argument }
        return nil
    }

    private func values(for argument: OperationArgument, prefix: String) -> [String] {
        switch argument.kind {
        case .generateSkeleton: return ["input", "output"]
        case .cliInputJSON: return ["file://"]
        case .member(let member):
            guard let shape = argument.shape else { return [] }
            var element = shape
            if shape.kind == .list, let e = shape.element.flatMap({ model.shape($0) }) { element = e }
            var out: [String] = []
            if let values = element.enumValues { out += values }
            if Self.keyMembers.contains(member.name) {
                out += completer.values(for: .keyIdsAndAliases, prefix: prefix)
            } else if member.name == "AliasName" {
                out += completer.values(for: .aliases, prefix: prefix)
            } else if member.name == "Bucket" {
                out += completer.values(for: .buckets, prefix: prefix)
            }
            switch element.kind {
            case .blob: out += shape.isStreaming || member.isStreaming ? completer.values(for: .files, prefix: prefix) : ["fileb://"]
            case .structure, .map: out += ["file://"]
            default: break
            }
            return out
        default:
            return []
        }
    }
}
