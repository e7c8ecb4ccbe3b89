import AWSModel
import Wire

/// What the words after one option were, before any conversion.
enum RawArgument: Equatable {
    /// A scalar, structure or map option: exactly one word.
    case single(String)
    /// A list option: the words up to the next option (possibly none).
    case words([String])
}

/// Turns the text of one member option into a request parameter, in the AWS CLI's order of
/// steps: `file://`/`fileb://` first, then shorthand for structures, maps and lists of them
/// (unless the text looks like JSON), then JSON, then scalar conversion by the member's type.
struct ArgumentUnpacker {
    let model: ServiceModel
    let readFile: FileReader?

    /// - Parameter streaming: the member is a streaming blob (its value is a path).
    func unpack(_ raw: RawArgument, cliName: String, shape: Shape, streaming: Bool = false) throws(CLIError) -> ParamValue {
        // 1. Paramfiles: a lone word may name a file whose content replaces the whole value.
        var value: ParamValue
        switch raw {
        case .single(let s): value = try loadFile(s, cliName: cliName) ?? .string(s)
        case .words(let words):
            if words.count == 1, let content = try loadFile(words[0], cliName: cliName) {
                value = content
            } else {
                value = .list(words.map(ParamValue.string))
            }
        }
        // Streaming blobs (S3 PutObject Body) take a path, not data.
        if shape.kind == .blob, shape.isStreaming || streaming, case .string(let path) = value {
            guard let readFile, let bytes = try? readFile(path) else {
                throw CLIError.parameter(cliName, "Blob values must be a path to a file.")
            }
            return .bytes(bytes)
        }
        do throws(CLIError) {
            // 2. Shorthand.
            if supportsShorthand(shape), !looksLikeJSON(value) {
                return try shorthand(value, cliName: cliName, shape: shape)
            }
            // 3. JSON and scalars.
            return try unpackPlain(value, cliName: cliName, shape: shape)
        } catch {
            // Parse errors quote the input; for a value holding secrets, say what is wrong without it.
            guard error.kind == .parameter, Sensitivity.contains(shape.name, model: model) else { throw error }
            throw CLIError.parameter(cliName, "the value is neither valid shorthand nor valid JSON for this parameter "
                                     + "(it is not shown because it holds secrets); see 'help' for the syntax")
        }
    }

    private func loadFile(_ text: String, cliName: String) throws(CLIError) -> ParamValue? {
        do throws(ParamFiles.LoadError) {
            switch try ParamFiles.load(text, reader: readFile) {
            case .text(let t)?: return .string(t)
            case .bytes(let b)?: return .bytes(b)
            case nil: return nil
            }
        } catch {
            throw CLIError.parameter(cliName, error.message)
        }
    }

    /// Structures, maps, and lists of structures, lists or maps take shorthand.
    func supportsShorthand(_ shape: Shape) -> Bool {
        switch shape.kind {
        case .structure, .map: return true
        case .list:
            guard let element = shape.element.flatMap({ model.shape($0) }) else { return false }
            return [.structure, .list, .map].contains(element.kind)
        default: return false
        }
    }

    private func looksLikeJSON(_ value: ParamValue) -> Bool {
        let check: ParamValue
        if case .list(let items) = value, let first = items.first { check = first } else { check = value }
        guard case .string(let s) = check else { return false }
        let t = s.trimmingPythonSpace()
        return t.hasPrefix("[") || t.hasPrefix("{")
    }

    private func shorthand(_ value: ParamValue, cliName: String, shape: Shape) throws(CLIError) -> ParamValue {
        // A structure whose only member is a string `Value` takes bare text (`--x hello`).
        if shape.kind == .structure, shape.members.count == 1, shape.members[0].name == "Value",
            model.shape(shape.members[0].shape)?.kind == .string, case .string(let s) = value, !s.contains("=")
        {
            return .map(ParamObject([("Value", .string(s))]))
        }
        let parsed: ParamValue
        switch value {
        case .list(let items):
            var list: [ParamValue] = []
            for item in items {
                guard case .string(let text) = item else { throw CLIError.parameter(cliName, "expected text") }
                list.append(.map(try parseShorthand(text, cliName: cliName)))
            }
            parsed = .list(list)
        case .string(let text):
            parsed = .map(try parseShorthand(text, cliName: cliName))
        default:
            throw CLIError.parameter(cliName, "binary content from fileb:// cannot be read as shorthand or JSON; use file://")
        }
        do throws(ShorthandModelFit.ConversionError) {
            return try ShorthandModelFit(model: model).fit(parsed, to: shape.name)
        } catch {
            throw CLIError.parameter(cliName, error.message)
        }
    }

    private func parseShorthand(_ text: String, cliName: String) throws(CLIError) -> ParamObject {
        do throws(ShorthandParser.SyntaxError) {
            return try ShorthandParser.parse(text, readFile: Self.paramFileResolver(readFile))
        } catch {
            throw CLIError.parameter(cliName, error.message)
        }
    }

    /// Reads `file://`/`fileb://` values after `key@=` in shorthand.
    static func paramFileResolver(_ reader: FileReader?) -> (String) throws(ShorthandParser.SyntaxError) -> ParamValue? {
        { (text: String) throws(ShorthandParser.SyntaxError) -> ParamValue? in
            do throws(ParamFiles.LoadError) {
                switch try ParamFiles.load(text, reader: reader) {
                case .text(let t)?: return .string(t)
                case .bytes(let b)?: return .bytes(b)
                case nil: return nil
                }
            } catch {
                throw ShorthandParser.SyntaxError(message: error.message)
            }
        }
    }

    private func unpackPlain(_ value: ParamValue, cliName: String, shape: Shape) throws(CLIError) -> ParamValue {
        switch shape.kind {
        case .structure, .map:
            guard case .string(let text) = value else { return value }
            guard text.trimmingPythonSpace().hasPrefix("{") else {
                if text.trimmingPythonSpace().isEmpty {
                    throw CLIError.parameter(cliName, "Expected a value: give JSON ({...}) or shorthand (Key=Value,...)")
                }
                throw CLIError.parameter(cliName, "Invalid JSON:\n\(text)")
            }
            return try json(text, cliName: cliName)
        case .list:
            if case .string(let text) = value {
                if text.trimmingPythonSpace().hasPrefix("[") { return try json(text, cliName: cliName) }
                // A file's text for a list: one element.
                return .list([try unpackElement(text, cliName: cliName, shape: shape)])
            }
            guard case .list(let items) = value else { return value }
            if items.count == 1, case .string(let only) = items[0], only.trimmingPythonSpace().hasPrefix("[") {
                return try json(only, cliName: cliName)
            }
            var out: [ParamValue] = []
            for item in items {
                guard case .string(let text) = item else { out.append(item); continue }
                out.append(try unpackElement(text, cliName: cliName, shape: shape))
            }
            return .list(out)
        default:
            guard case .string(let text) = value else { return value }
            return try scalar(text, cliName: cliName, shape: shape)
        }
    }

    private func unpackElement(_ text: String, cliName: String, shape: Shape) throws(CLIError) -> ParamValue {
        guard let element = shape.element.flatMap({ model.shape($0) }) else { return .string(text) }
        return try unpackPlain(.string(text), cliName: cliName, shape: element)
    }

    private func scalar(_ text: String, cliName: String, shape: Shape) throws(CLIError) -> ParamValue {
        switch shape.kind {
        case .integer, .long:
            guard let i = PythonNumbers.int(text) else {
                throw CLIError.parameter(cliName, "expected an integer, received: \(PythonText.repr(text))")
            }
            return .int(i)
        case .double, .float:
            guard let d = PythonNumbers.float(text) else {
                throw CLIError.parameter(cliName, "expected a number, received: \(PythonText.repr(text))")
            }
            return .double(d)
        case .boolean:
            return .bool(text.lowercased() != "false")
        default:
            return .string(text)
        }
    }

    private func json(_ text: String, cliName: String) throws(CLIError) -> ParamValue {
        do throws(JSONParseError) {
            return ParamValue(json: try JSONParser.parse(text))
        } catch {
            throw CLIError.parameter(cliName, "Invalid JSON: \(error)\nJSON received: \(text)")
        }
    }
}
