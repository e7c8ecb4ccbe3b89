import Foundation
import AWSModel

/// `help kms encrypt`: the AWS CLI's page for one operation, made from the model.
struct OperationHelp {
    let model: ServiceModel
    let operation: AWSModel.Operation
    let examples: [ExampleSpec]
    let width: Int

    func render() -> String {
        let table = OperationArguments(model: model, operation: operation)
        let syntax = SyntaxExamples(model: model)
        var page = HelpText(width: width)
        page.section("NAME")
        page.line("\(operation.cliName) -", indent: 7)

        page.section("DESCRIPTION")
        page.blocks(HTMLText.blocks(operation.documentation), indent: 7)
        if let paginator = table.paginator {
            page.blank()
            page.paragraph("\(operation.cliName) is a paginated operation. Multiple API calls may be issued in order to "
                           + "retrieve the entire data set of results. You can disable pagination by providing the "
                           + "--no-paginate argument. When using --output text and the --query argument on a paginated "
                           + "response, the --query argument must extract data from the results of the following query "
                           + "expressions: " + paginator.resultKeys.joined(separator: ", "), indent: 7)
        }
        if operation.isDeprecated {
            page.blank()
            page.paragraph("This operation is deprecated.", indent: 7)
        }

        page.section("SYNOPSIS")
        page.line(operation.cliName, indent: 12)
        var groupedFlags = Set<String>()
        for argument in table.arguments where argument.isDocumented {
            if case .negatedMember = argument.kind { continue }
            var text: String
            if argument.isFlag {
                text = "\(argument.cliName) | --no-\(argument.name)"
                groupedFlags.insert(argument.name)
            } else {
                text = "\(argument.cliName) <value>"
            }
            if !argument.isRequired { text = "[\(text)]" }
            page.line(text, indent: 10)
        }
        for option in GlobalOptions.specs {
            page.line(option.valueType == .flag ? "[--\(option.name)]" : "[--\(option.name) <value>]", indent: 10)
        }

        page.section("OPTIONS")
        if table.arguments.filter(\.isDocumented).isEmpty { page.line("None", indent: 7) }
        for argument in table.arguments where argument.isDocumented {
            documentArgument(argument, syntax: syntax, page: &page)
        }

        page.section("GLOBAL OPTIONS")
        for option in GlobalOptions.specs {
            page.blank()
            page.line("--\(option.name) (\(option.valueType.helpName))", indent: 7)
            page.blank()
            page.paragraph(option.summary, indent: 7)
            if case .choice(let values) = option.valueType {
                for value in values {
                    page.blank()
                    page.paragraph(value, indent: 7, hanging: "o ")
                }
            }
        }

        page.section("EXAMPLES")
        if examples.isEmpty {
            page.blank()
            page.paragraph("No examples yet. Try the command with --generate-cli-skeleton to see its input.", indent: 7)
        }
        ExampleText.write(examples, to: &page)

        page.section("OUTPUT")
        let output = operation.output.flatMap { model.shape($0) }
        if let output, !output.members.isEmpty {
            for member in output.members {
                var stack: [String] = []
                documentMember(member.name, shapeName: member.shape, docs: member.documentation, required: false,
                               indent: 7, stack: &stack, page: &page)
            }
        } else {
            page.line("None", indent: 7)
        }
        return page.text
    }

    private func documentArgument(_ argument: OperationArgument, syntax: SyntaxExamples, page: inout HelpText) {
        if case .negatedMember = argument.kind { return }
        page.blank()
        switch argument.kind {
        case .member(let member):
            guard let shape = argument.shape else { return }
            let name = argument.isFlag ? "\(argument.cliName) | --no-\(argument.name)" : argument.cliName
            page.heading("\(name) (\(shape.kind.rawValue))" + (argument.isRequired ? " [required]" : ""), indent: 7)
            page.blocks(HTMLText.blocks(member.documentation), indent: 10)
            if shape.kind == .blob && (shape.isStreaming || member.isStreaming) {
                page.blank()
                page.heading("NOTE:", indent: 10)
                page.paragraph("This argument is of type: streaming blob. Its value must be the path to a file "
                               + "(e.g. path/to/file) and must not be prefixed with file:// or fileb://", indent: 13)
            }
            constraints(shape, page: &page, indent: 10)
            if let values = shape.enumValues, !values.isEmpty {
                page.blank()
                page.line("Possible values:", indent: 10)
                for value in values {
                    page.blank()
                    page.paragraph(value, indent: 10, hanging: "o ")
                }
            }
            var stack = [shape.name]
            nested(shape, indent: 10, stack: &stack, page: &page)
            if let shorthand = syntax.shorthand(for: shape) {
                page.blank()
                page.line("Shorthand Syntax:", indent: 7)
                page.blank()
                for line in shorthand.split(separator: "\n", omittingEmptySubsequences: false) {
                    page.line(String(line), indent: 10)
                }
            } else if syntax.isComplex(shape), shape.kind == .structure {
                return  // a bare-text structure: no syntax to show
            }
            if let words = syntax.spaceSeparated(for: shape) {
                page.blank()
                page.line("Syntax:", indent: 7)
                page.blank()
                for line in words { page.line(line, indent: 10) }
            } else if [.structure, .list, .map].contains(shape.kind) {
                page.blank()
                page.line("JSON Syntax:", indent: 7)
                page.blank()
                for line in syntax.json(for: shape) { page.line(line, indent: 10) }
            }
        case .startingToken:
            option(argument, "string", PagingHelp.startingToken, &page)
        case .pageSize:
            option(argument, "integer", PagingHelp.pageSize, &page)
        case .maxItems:
            option(argument, "integer", PagingHelp.maxItems, &page)
        case .cliInputJSON:
            option(argument, "string", PagingHelp.cliInputJSON, &page)
        case .generateSkeleton:
            option(argument, "string", PagingHelp.generateSkeleton, &page)
        case .negatedMember:
            break
        }
    }

    private func option(_ argument: OperationArgument, _ type: String, _ text: String, _ page: inout HelpText) {
        page.heading("\(argument.cliName) (\(type))", indent: 7)
        page.paragraph(text, indent: 10)
    }

    private func constraints(_ shape: Shape, page: inout HelpText, indent: Int) {
        var parts: [String] = []
        let unit = shape.kind == .string || shape.kind == .list || shape.kind == .blob ? "length" : "value"
        if let min = shape.min { parts.append("min \(unit): \(Self.number(min))") }
        if let max = shape.max { parts.append("max \(unit): \(Self.number(max))") }
        guard !parts.isEmpty else { return }
        page.blank()
        page.paragraph("Constraints: " + parts.joined(separator: ", "), indent: indent)
    }

    static func number(_ d: Double) -> String {
        d.rounded() == d && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }

    /// The members of a structure, list element or map key and value, as `Name -> (type)` entries.
    private func nested(_ shape: Shape, indent: Int, stack: inout [String], page: inout HelpText) {
        switch shape.kind {
        case .structure:
            for member in shape.members {
                documentMember(member.name, shapeName: member.shape, docs: member.documentation,
                               required: shape.required.contains(member.name), indent: indent, stack: &stack, page: &page)
            }
        case .list:
            if let element = shape.element {
                documentMember("", shapeName: element, docs: "", required: false, indent: indent, stack: &stack, page: &page)
            }
        case .map:
            if let key = shape.mapKey {
                documentMember("key", shapeName: key, docs: "", required: false, indent: indent, stack: &stack, page: &page)
            }
            if let value = shape.mapValue {
                documentMember("value", shapeName: value, docs: "", required: false, indent: indent, stack: &stack, page: &page)
            }
        default:
            break
        }
    }

    private func documentMember(_ name: String, shapeName: String, docs: String, required: Bool, indent: Int,
                                stack: inout [String], page: inout HelpText) {
        guard let shape = model.shape(shapeName) else { return }
        if stack.contains(shapeName) {
            if stack.filter({ $0 == shapeName }).count > 1 {
                if shape.kind == .structure {
                    page.blank()
                    page.line("( ... recursive ... )", indent: indent)
                }
                return
            }
        }
        stack.append(shapeName)
        defer { stack.removeLast() }
        page.blank()
        let type = "(\(shape.kind.rawValue))" + (required ? " [required]" : "")
        page.heading(name.isEmpty ? type : "\(name) -> \(type)", indent: indent)
        page.blocks(HTMLText.blocks(docs), indent: indent + 3)
        nested(shape, indent: indent + 3, stack: &stack, page: &page)
    }
}
