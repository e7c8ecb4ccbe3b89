import AWSModel

/// Which shapes hold secrets (`"sensitive": true` in the model: KMS plaintext, SSE-C keys, key
/// store passwords), so that no error message, and no history line, ever repeats their values.
enum Sensitivity {
    /// Whether the shape, or anything inside it, is sensitive.
    static func contains(_ shapeName: String, model: ServiceModel) -> Bool {
        var seen = Set<String>()
        return contains(shapeName, model: model, seen: &seen)
    }

    private static func contains(_ shapeName: String, model: ServiceModel, seen: inout Set<String>) -> Bool {
        guard seen.insert(shapeName).inserted, let shape = model.shape(shapeName) else { return false }
        if shape.isSensitive { return true }
        let children = shape.members.map(\.shape) + [shape.element, shape.mapKey, shape.mapValue].compactMap { $0 }
        return children.contains { contains($0, model: model, seen: &seen) }
    }

    /// What messages show instead of a secret value.
    static let mask = "***"
}

extension CommandLineGrammar {
    /// The line as it may be kept in history: values of options that hold secrets (`--plaintext`,
    /// `--sse-customer-key`, ...) replaced by `***`, `file://`/`fileb://` paths kept. Nil when the
    /// line cannot be read safely (an unterminated quote): such a line should not be recorded.
    public func redactingSecrets(_ line: String) -> String? {
        guard let tokens = try? Tokenizer.tokenize(line).tokens else { return nil }
        let words = tokens.map(\.text)
        guard let serviceIndex = words.firstIndex(where: { services.contains($0) }),
            serviceIndex + 1 < words.count,
            let model = ServiceModels.model(words[serviceIndex]),
            let operation = model.operation(cliName: words[serviceIndex + 1])
        else { return line }
        let table = OperationArguments(model: model, operation: operation)
        var secretTokens: [Int] = []
        var i = serviceIndex + 2
        while i < tokens.count {
            let word = words[i]
            i += 1
            guard OptionWords.isOptionLike(word) else { continue }
            let (name, inline) = OptionWords.split(word)
            guard let argument = table.argument(name), case .member = argument.kind, let shape = argument.shape,
                Sensitivity.contains(shape.name, model: model)
            else {
                // --cli-input-json may carry any member inline.
                if name == "cli-input-json", inline == nil, i < tokens.count, !ParamFiles.isParamFile(words[i]) {
                    secretTokens.append(i)
                }
                if name == "cli-input-json", inline != nil { secretTokens.append(i - 1) }
                continue
            }
            if inline != nil {
                secretTokens.append(i - 1)
                continue
            }
            while i < tokens.count, !OptionWords.isOptionLike(words[i]) {
                if !ParamFiles.isParamFile(words[i]) { secretTokens.append(i) }
                i += 1
                if !argument.isList { break }
            }
        }
        guard !secretTokens.isEmpty else { return line }
        var chars = Array(line)
        for index in secretTokens.reversed() {
            let token = tokens[index]
            let replacement: String
            if OptionWords.isOptionLike(token.text), let eq = token.text.firstIndex(of: "=") {
                replacement = String(token.text[..<eq]) + "=" + Sensitivity.mask
            } else {
                replacement = Sensitivity.mask
            }
            chars.replaceSubrange(token.start..<token.end, with: Array(replacement))
        }
        return String(chars)
    }
}
