import AWSModel
import Wire

/// Parses the options of one AWS operation and builds the request: unpacking, `--cli-input-json`,
/// `--cli-binary-format`, validation and serialization, in the AWS CLI's order.
struct OperationLineParser {
    let table: OperationArguments
    let context: ParseContext
    var globals: GlobalOptions

    var path: [String] { [table.model.cliName, table.operation.cliName] }

    /// The value words of each option given, by option name; the last occurrence wins.
    private struct Given {
        var values: [String: RawArgument] = [:]
        var flags: [String: Bool] = [:]  // member name -> value
        var named: [String] = []  // option names as given, for paging checks
        var skeleton: String?
        var outfile: String?
    }

    func parse(_ words: [String]) throws(CLIError) -> ParsedLine {
        var given = Given()
        var unknown: [String] = []
        // Values after an unknown option: refused too, but not repeated (one may be a secret).
        var unknownValues = 0
        var afterUnknownOption = false
        var helpRequested = false
        var i = 0
        while i < words.count {
            let word = words[i]
            i += 1
            guard OptionWords.isOptionLike(word) else {
                if word == "help" {
                    helpRequested = true
                } else if !afterUnknownOption, given.outfile == nil, table.streamingOutputMember != nil {
                    // `s3api get-object --bucket b --key k OUTFILE`
                    given.outfile = word
                } else if afterUnknownOption {
                    unknownValues += 1
                } else {
                    unknown.append(word)
                }
                continue
            }
            if word == "--help" || word == "-h" {
                helpRequested = true
                continue
            }
            let (name, inline) = OptionWords.split(word)
            guard word.hasPrefix("--"), let argument = table.argument(name) else {
                unknown.append(OptionWords.isOptionLike(word) && word.contains("=") ? String(word.prefix { $0 != "=" }) : word)
                afterUnknownOption = true
                continue
            }
            afterUnknownOption = false
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
        if !unknown.isEmpty || unknownValues > 0 {
            throw CLIError.usage(unknownMessage(unknown, words: words), path: path)
        }
        return try build(given)
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
        if table.streamingOutputMember != nil, given.outfile == nil, given.skeleton == nil {
            throw CLIError.usage("the following arguments are required: outfile", path: path)
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
            params[member.name] = try unpacker.unpack(raw, cliName: argument.cliName, shape: shape, streaming: member.isStreaming)
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
                          outputSkeleton: given.skeleton == "output",
                          outfile: given.outfile.flatMap { path in table.streamingOutputMember.map { (path, $0) } })
    }

    private func finish(_ params: ParamObject, globals: GlobalOptions, paging: (Int?, String?, JSONValue?),
                        outputSkeleton: Bool, outfile: (String, String)?) throws(CLIError) -> ParsedLine {
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
                                  paging: pagingRequest, mode: mode, outfile: outfile))
    }

}
