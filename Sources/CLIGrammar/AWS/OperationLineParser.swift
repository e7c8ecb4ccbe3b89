import AWSModel
import Wire

/// Parses the options of one AWS operation and builds the request: unpacking, `--cli-input-json`,
/// `--cli-binary-format`, validation and serialization, in the AWS CLI's order.
struct OperationLineParser {
    let table: OperationArguments
    let context: ParseContext
    var globals: GlobalOptions

    private var path: [String] { [table.model.cliName, table.operation.cliName] }

    /// The value words of each option given, by option name; the last occurrence wins.
    private struct Given {
        var values: [String: RawArgument] = [:]
        var flags: [String: Bool] = [:]  // member name -> value
        var named: [String] = []  // option names as given, for paging checks
        var skeleton: String?
    }

    func parse(_ words: [String]) throws(CLIError) -> ParsedLine {
        var given = Given()
        var unknown: [String] = []
        var helpRequested = false
        var i = 0
        while i < words.count {
            let word = words[i]
            i += 1
            guard OptionWords.isOptionLike(word) else {
                if word == "help" {
                    helpRequested = true
                } else {
                    unknown.append(word)
                }
                continue
            }
            let (name, inline) = OptionWords.split(word)
            guard word.hasPrefix("--"), let argument = table.argument(name) else {
                unknown.append(word)
                continue
            }
            given.named.append(name)
            switch argument.kind {
            case .generateSkeleton:
                var value = inline
                if value == nil, i < words.count, !OptionWords.isOptionLike(words[i]), words[i] != "help" {
                    value = words[i]
                    i += 1
                }
                let choice = value ?? "input"
                guard choice == "input" || choice == "output" else {
                    throw CLIError.usage(GlobalOptions.invalidChoice("--generate-cli-skeleton", choice, ["input", "output"]),
                                         path: path)
                }
                given.skeleton = choice
            case .member(let member) where argument.isFlag:
                if let inline {
                    throw CLIError.usage("argument \(argument.cliName): ignored explicit argument '\(inline)'", path: path)
                }
                given.flags[member.name] = true
            case .negatedMember(let member):
                if let inline {
                    throw CLIError.usage("argument \(argument.cliName): ignored explicit argument '\(inline)'", path: path)
                }
                given.flags[member.name] = false
            default:
                if argument.isList {
                    var values: [String] = inline.map { [$0] } ?? []
                    while i < words.count, !OptionWords.isOptionLike(words[i]) {
                        values.append(words[i])
                        i += 1
                    }
                    given.values[name] = .words(values)
                } else if let inline {
                    given.values[name] = .single(inline)
                } else {
                    guard i < words.count, !OptionWords.isOptionLike(words[i]) else {
                        throw CLIError.usage("argument \(argument.cliName): expected one argument", path: path)
                    }
                    given.values[name] = .single(words[i])
                    i += 1
                }
            }
        }
        if helpRequested {
            return .help(.operation(service: table.model.cliName, operation: table.operation.cliName))
        }
        if !unknown.isEmpty {
            throw CLIError.usage(unknownMessage(unknown, words: words), path: path)
        }
        return try build(given)
    }

    private func unknownMessage(_ unknown: [String], words: [String]) -> String {
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

    private func build(_ given: Given) throws(CLIError) -> ParsedLine {
        var globals = self.globals
        let skeletonInput = given.skeleton == "input"
        let hasInputJSON = given.values["cli-input-json"] != nil
        if skeletonInput {
            let skeleton = Skeleton(model: table.model, useMemberNames: false).generate(table.operation.input)
            return .aws(AWSInvocation(service: table.model, operation: table.operation, input: .object(JSONObject()),
                                      globals: globals, paging: nil, mode: .inputSkeleton(JSONWriter.pretty(skeleton) + "\n")))
        }
        if !hasInputJSON {
            let missing = table.arguments.filter { arg in
                guard arg.isRequired, case .member(let m) = arg.kind else { return false }
                return given.values[arg.name] == nil && given.flags[m.name] == nil
            }
            if !missing.isEmpty {
                throw CLIError.usage("the following arguments are required: " + missing.map(\.cliName).joined(separator: ", "),
                                     path: path)
            }
        }
        var params = ParamObject()
        let unpacker = ArgumentUnpacker(model: table.model, readFile: context.readFile)
        for argument in table.arguments {
            guard case .member(let member) = argument.kind else { continue }
            if let flag = given.flags[member.name] {
                params[member.name] = .bool(flag)
                continue
            }
            guard let raw = given.values[argument.name], let shape = argument.shape else { continue }
            try checkEnum(raw, argument: argument, shape: shape)
            params[member.name] = try unpacker.unpack(raw, cliName: argument.cliName, shape: shape)
        }
        // Members given by hand that the CLI would page with turn its paging off.
        if table.manualPagingMembers.contains(where: { params[$0] != nil }) { globals.paginate = false }
        // Paging options.
        var maxItems: Int?
        var pageSize: JSONValue?
        var startingToken: String?
        var pagingUsed: [String] = []
        for name in ["starting-token", "page-size", "max-items"] {
            guard case .single(let text)? = given.values[name] else { continue }
            if !globals.paginate, let member = table.shadowed[name], case .member(let m) = member.kind, let shape = member.shape {
                params[m.name] = try unpacker.unpack(.single(text), cliName: member.cliName, shape: shape)
                continue
            }
            pagingUsed.append("--" + name)
            switch name {
            case "starting-token": startingToken = text
            case "max-items": maxItems = try integer(text, option: name)
            default: pageSize = try pageSizeValue(text)
            }
        }
        if !globals.paginate, !pagingUsed.isEmpty {
            throw CLIError.usage("Cannot specify --no-paginate along with pagination arguments: "
                                 + pagingUsed.joined(separator: ", "), path: path)
        }
        if case .single(let json)? = given.values["cli-input-json"] {
            let inputKeys = try mergeInputJSON(json, into: &params)
            if table.manualPagingMembers.contains(where: inputKeys.contains) { globals.paginate = false }
        }
        return try finish(params, globals: globals, paging: (maxItems, startingToken, pageSize),
                          outputSkeleton: given.skeleton == "output")
    }

    private func finish(_ params: ParamObject, globals: GlobalOptions, paging: (Int?, String?, JSONValue?),
                        outputSkeleton: Bool) throws(CLIError) -> ParsedLine {
        let model = table.model
        var request = ParamValue.map(params)
        if let input = table.operation.input {
            request = try BlobInput(model: model, format: globals.binaryFormat).apply(request, shape: input)
            if let inputShape = table.input, case .map(let object) = request,
                let error = ParamValidator.validate(object, input: inputShape, model: model)
            {
                throw error
            }
        } else if !params.isEmpty {
            throw CLIError(.validation, "Parameter validation failed:\nUnknown parameter in input: \"\(params.keys[0])\", must be one of: ")
        }
        let wire = WireSerializer(model: model).serialize(request, shape: table.operation.input)
        var pagingRequest: PagingRequest?
        if globals.paginate, let config = table.paginator {
            pagingRequest = PagingRequest(config: config, maxItems: paging.0, startingToken: paging.1, pageSize: paging.2)
        }
        let mode: AWSInvocation.Mode
        if outputSkeleton {
            mode = .outputSkeleton(Skeleton(model: model, useMemberNames: true).generate(table.operation.output))
        } else {
            mode = .call
        }
        return .aws(AWSInvocation(service: model, operation: table.operation, input: wire, globals: globals,
                                  paging: pagingRequest, mode: mode))
    }

    /// `--cli-input-json`: inline JSON or `file://`; its members fill what the options left unset.
    private func mergeInputJSON(_ text: String, into params: inout ParamObject) throws(CLIError) -> [String] {
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

    private func checkEnum(_ raw: RawArgument, argument: OperationArgument, shape: Shape) throws(CLIError) {
        guard context.strictEnums, shape.kind == .string, let allowed = shape.enumValues, !allowed.isEmpty,
            case .single(let value) = raw, !ParamFiles.isParamFile(value), !allowed.contains(value)
        else { return }
        throw CLIError.usage(GlobalOptions.invalidChoice(argument.cliName, value, allowed), path: path)
    }

    private func integer(_ text: String, option: String) throws(CLIError) -> Int {
        guard let value = PythonNumbers.int(text) else {
            throw CLIError.usage("argument --\(option): invalid int value: '\(text)'", path: path)
        }
        return value
    }

    private func pageSizeValue(_ text: String) throws(CLIError) -> JSONValue {
        if let limit = table.paginator?.limitKey, let member = table.input?.member(named: limit),
            table.model.shape(member.shape)?.kind == .string
        {
            return .string(text)
        }
        return .int(try integer(text, option: "page-size"))
    }
}
