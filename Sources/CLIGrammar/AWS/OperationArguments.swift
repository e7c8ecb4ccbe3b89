import AWSModel

/// One `--option` of an AWS operation command.
struct OperationArgument: Sendable {
    enum Kind: Sendable {
        /// A member of the input shape (`--key-id` for `KeyId`).
        case member(Member)
        /// `--no-<flag>` for a boolean member.
        case negatedMember(Member)
        case startingToken
        case pageSize
        case maxItems
        case cliInputJSON
        case generateSkeleton
    }

    /// The name without dashes.
    let name: String
    let kind: Kind
    let isRequired: Bool
    /// Paging members replaced by the CLI's own paging options work but are not documented.
    let isDocumented: Bool
    /// The member's shape, for members.
    let shape: Shape?

    var cliName: String { "--" + name }

    var isFlag: Bool {
        switch kind {
        case .negatedMember: return true
        case .member: return shape?.kind == .boolean
        default: return false
        }
    }

    var isList: Bool { shape?.kind == .list }
}

/// The options of one operation, built from the model as the AWS CLI builds its argument table:
/// members in model order as kebab-case options, `--flag`/`--no-flag` for booleans, the paging
/// members hidden behind `--starting-token`, `--page-size` and `--max-items` where botocore has a
/// paginator, then `--cli-input-json` and `--generate-cli-skeleton`.
struct OperationArguments: Sendable {
    let model: ServiceModel
    let operation: Operation
    let input: Shape?
    let paginator: PaginatorConfig?
    /// In table order.
    let arguments: [OperationArgument]
    /// Members whose CLI name a paging option took over (IAM's `MaxItems`), usable with `--no-paginate`.
    let shadowed: [String: OperationArgument]
    /// The output member that streams (S3 GetObject's `Body`): the AWS CLI writes it to the file
    /// named by the positional `outfile` argument instead of printing it.
    var streamingOutputMember: String? {
        guard let output = operation.output.flatMap({ model.shape($0) }) else { return nil }
        return output.members.first { member in
            member.isStreaming || (model.shape(member.shape).map { $0.kind == .blob && $0.isStreaming } ?? false)
        }?.name
    }

    init(model: ServiceModel, operation: Operation) {
        self.model = model
        self.operation = operation
        input = operation.input.flatMap { model.shape($0) }
        paginator = model.paginator(for: operation.name)
        var args: [OperationArgument] = []
        let pagingMembers = Set((paginator?.inputTokens ?? []) + (paginator?.limitKey.map { [$0] } ?? []))
        for member in input?.members ?? [] {
            let shape = model.shape(member.shape)
            let name = CLIName.from(member.name)
            let documented = !pagingMembers.contains(member.name)
            let required = input?.required.contains(member.name) ?? false
            args.append(OperationArgument(name: name, kind: .member(member), isRequired: required,
                                          isDocumented: documented, shape: shape))
            if shape?.kind == .boolean {
                args.append(OperationArgument(name: "no-" + name, kind: .negatedMember(member), isRequired: false,
                                              isDocumented: documented, shape: shape))
            }
        }
        var shadowed: [String: OperationArgument] = [:]
        if let paginator {
            var paging = [OperationArgument(name: "starting-token", kind: .startingToken, isRequired: false,
                                            isDocumented: true, shape: nil)]
            if paginator.limitKey != nil {
                paging.append(OperationArgument(name: "page-size", kind: .pageSize, isRequired: false,
                                                isDocumented: true, shape: nil))
            }
            paging.append(OperationArgument(name: "max-items", kind: .maxItems, isRequired: false,
                                            isDocumented: true, shape: nil))
            for p in paging {
                if let i = args.firstIndex(where: { $0.name == p.name }) {
                    // The paging option takes the name; the member stays reachable with --no-paginate.
                    shadowed[p.name] = args[i]
                    args[i] = p
                } else {
                    args.append(p)
                }
            }
        }
        args.append(OperationArgument(name: "cli-input-json", kind: .cliInputJSON, isRequired: false,
                                      isDocumented: true, shape: nil))
        args.append(OperationArgument(name: "generate-cli-skeleton", kind: .generateSkeleton, isRequired: false,
                                      isDocumented: true, shape: nil))
        arguments = args
        self.shadowed = shadowed
    }

    func argument(_ name: String) -> OperationArgument? {
        arguments.first { $0.name == name }
    }

    /// Option names for suggestions and completion (documented ones only).
    var documentedNames: [String] {
        arguments.filter(\.isDocumented).map(\.name)
    }

    /// The members that turn client-side pagination off when given explicitly.
    var manualPagingMembers: Set<String> {
        guard let paginator else { return [] }
        return Set(paginator.inputTokens + (paginator.limitKey.map { [$0] } ?? []))
    }
}
