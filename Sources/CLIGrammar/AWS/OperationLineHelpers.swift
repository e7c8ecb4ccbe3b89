import AWSModel
import Wire

/// The smaller steps of `OperationLineParser`: messages for unknown options, `--cli-input-json`,
/// enum checks and paging option values.
extension OperationLineParser {
    func unknownMessage(_ unknown: [String], words: [String]) -> String {
        var message = "Unknown options: " + unknown.joined(separator: ", ")
        if let option = unknown.first(where: { $0.hasPrefix("-") }) {
            let name = OptionWords.split(option).name
            let candidates = table.documentedNames + GlobalOptions.specs.map(\.name)
            let found = Suggestions.closest(to: name, among: candidates)
            if !found.isEmpty {
                message += ", did you mean " + Suggestions.orList(found.map { "--" + $0 }) + "?"
            }
        } else if let word = unknown.first, let index = words.firstIndex(of: word), index > 0 {
            // `--dry-run true`: a flag takes no value.
            let before = OptionWords.split(words[index - 1]).name
            if let argument = table.argument(before), argument.isFlag {
                let positive = before.hasPrefix("no-") ? String(before.dropFirst(3)) : before
                message += "; --\(before) takes no value: write --\(positive) or --no-\(positive)"
            }
        }
        return message
    }

    /// `--cli-input-json`: inline JSON or `file://`; its members fill what the options left unset.
    func mergeInputJSON(_ text: String, into params: inout ParamObject) throws(CLIError) -> [String] {
        var json = text
        do throws(ParamFiles.LoadError) {
            switch try ParamFiles.load(text, reader: context.readFile) {
            case .text(let t)?: json = t
            case .bytes(let b)?: json = String(decoding: b, as: UTF8.self)
            case nil: break
            }
        } catch {
            throw CLIError.parameter("--cli-input-json", error.message)
        }
        let parsed: JSONValue
        do throws(JSONParseError) {
            parsed = try JSONParser.parse(json)
        } catch {
            throw CLIError.parameter("--cli-input-json", "Invalid JSON: \(error)\nJSON received: \(json)")
        }
        guard case .object(let object) = parsed else {
            throw CLIError.parameter("--cli-input-json", "Invalid JSON received: expected a JSON object ({...}), "
                                     + "as --generate-cli-skeleton prints")
        }
        for (key, value) in object where params[key] == nil {
            params[key] = ParamValue(json: value)
        }
        return object.keys
    }

    func checkEnum(_ raw: RawArgument, argument: OperationArgument, shape: Shape) throws(CLIError) {
        guard context.strictEnums, shape.kind == .string, let allowed = shape.enumValues, !allowed.isEmpty,
            case .single(let value) = raw, !ParamFiles.isParamFile(value), !allowed.contains(value)
        else { return }
        throw CLIError.usage(GlobalOptions.invalidChoice(argument.cliName, value, allowed), path: path)
    }

    func integer(_ text: String, option: String) throws(CLIError) -> Int {
        guard let value = PythonNumbers.int(text) else {
            throw CLIError.usage("argument --\(option): invalid int value: '\(text)'", path: path)
        }
        return value
    }

    func pageSizeValue(_ text: String) throws(CLIError) -> JSONValue {
        if let limit = table.paginator?.limitKey, let member = table.input?.member(named: limit),
            table.model.shape(member.shape)?.kind == .string
        {
            return .string(text)
        }
        return .int(try integer(text, option: "page-size"))
    }
}
