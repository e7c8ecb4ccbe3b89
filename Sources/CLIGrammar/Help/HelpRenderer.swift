import Foundation
import AWSModel

/// Renders `help` pages for every topic from the same definitions the parser uses: the service
/// models for AWS commands, `CommandSpec`s for drill commands.
public struct HelpRenderer: Sendable {
    public let grammar: CommandLineGrammar
    /// Columns to wrap to.
    public var width: Int

    public init(grammar: CommandLineGrammar, width: Int = 80) {
        self.grammar = grammar
        self.width = width
    }

    /// The page for a topic, ending with a newline.
    public func render(_ topic: HelpTopic) -> String {
        switch topic {
        case .overview:
            return overview()
        case .service(let name):
            guard let model = ServiceModels.model(name) else { return overview() }
            return service(model)
        case .operation(let service, let operation):
            guard let model = ServiceModels.model(service), let op = model.operation(cliName: operation) else {
                return overview()
            }
            return OperationHelp(model: model, operation: op, examples: grammar.examples["\(model.cliName) \(op.cliName)"] ?? [],
                                 width: width).render()
        case .command(let path):
            return command(path)
        }
    }

    private func overview() -> String {
        var page = HelpText(width: width)
        page.section("NAME")
        page.line("kmsdrill -", indent: 7)
        page.section("DESCRIPTION")
        page.blank()
        page.paragraph("KMS Drill teaches encryption at rest and AWS KMS with a real KMS engine on this machine. "
                       + "Drill commands study, quiz and grade; AWS commands use the AWS CLI v2 grammar "
                       + "(kms <operation> --member value) against the simulated services.", indent: 7)
        page.section("SYNOPSIS")
        page.line("<command> [<subcommand> ...] [parameters]", indent: 10)
        page.blank()
        page.paragraph("Type help <command> or <command> help for a command's page; help kms encrypt or "
                       + "kms encrypt help for an AWS operation.", indent: 7)
        let visible = grammar.commands.filter { !$0.isHidden }
        if !visible.isEmpty {
            page.section("DRILL COMMANDS")
            let widthOfNames = (visible.map(\.name.count).max() ?? 0) + 2
            for spec in visible {
                page.blank()
                page.paragraph(spec.summary, indent: 7, hanging: spec.name.padding(to: widthOfNames))
            }
        }
        page.section("AWS COMMANDS")
        let names = grammar.services
        let widthOfNames = (names.map(\.count).max() ?? 0) + 2
        for name in names {
            guard let model = ServiceModels.model(name) else { continue }
            page.blank()
            page.paragraph(model.fullName, indent: 7, hanging: name.padding(to: widthOfNames))
        }
        page.blank()
        page.paragraph("These are not the real AWS: every call runs in KMS Drill's engine on this machine.", indent: 7)
        return page.text
    }

    private func service(_ model: ServiceModel) -> String {
        var page = HelpText(width: width)
        page.section("NAME")
        page.line("\(model.cliName) -", indent: 7)
        page.section("DESCRIPTION")
        page.blocks(HTMLText.blocks(model.documentation), indent: 7)
        page.blank()
        page.paragraph("KMS Drill offers these operations of the \(model.fullName); each works on the engine on this "
                       + "machine.", indent: 7)
        page.section("AVAILABLE COMMANDS")
        for op in model.operations.map(\.cliName).sorted() + ["help"] {
            page.blank()
            page.paragraph(op, indent: 7, hanging: "o ")
        }
        return page.text
    }

    private func command(_ path: [String]) -> String {
        guard let root = path.first.flatMap(grammar.command) else { return overview() }
        var spec = root
        for name in path.dropFirst() {
            guard let sub = spec.subcommand(name) else { break }
            spec = sub
        }
        var page = HelpText(width: width)
        page.section("NAME")
        page.paragraph(path.joined(separator: " ") + " - " + spec.summary, indent: 7)
        if !spec.description.isEmpty {
            page.section("DESCRIPTION")
            for paragraph in spec.description.components(separatedBy: "\n\n") {
                page.blank()
                page.paragraph(paragraph.split(separator: "\n").joined(separator: " "), indent: 7)
            }
        }
        page.section("SYNOPSIS")
        page.line(CommandSpecParser.synopsis(spec, path: path), indent: 10)
        let subcommands = spec.subcommands.filter { !$0.isHidden }
        if !subcommands.isEmpty {
            page.section("AVAILABLE COMMANDS")
            for sub in subcommands {
                page.blank()
                page.paragraph("\(sub.name) - \(sub.summary)", indent: 7, hanging: "o ")
            }
        }
        if !spec.positionals.isEmpty || !spec.options.isEmpty {
            page.section("OPTIONS")
            for p in spec.positionals {
                page.blank()
                page.line("<\(p.name)> (\(p.valueType.helpName))" + (p.isRequired ? " [required]" : ""), indent: 7)
                describe(p.summary, type: p.valueType, page: &page)
            }
            for o in spec.options {
                page.blank()
                var head = "\(o.cliName) (\(o.valueType.helpName))"
                if o.isRequired { head += " [required]" }
                if o.isRepeatable { head += " [repeatable]" }
                page.line(head, indent: 7)
                describe(o.summary, type: o.valueType, page: &page)
            }
        }
        if !spec.examples.isEmpty {
            page.section("EXAMPLES")
            ExampleText.write(spec.examples, to: &page)
        }
        return page.text
    }

    private func describe(_ summary: String, type: ValueType, page: inout HelpText) {
        for paragraph in summary.components(separatedBy: "\n\n") where !paragraph.isEmpty {
            page.blank()
            page.paragraph(paragraph.split(separator: "\n").joined(separator: " "), indent: 10)
        }
        if case .choice(let values) = type {
            page.blank()
            page.line("Possible values:", indent: 10)
            for value in values {
                page.blank()
                page.paragraph(value, indent: 10, hanging: "o ")
            }
        }
        if type == .duration {
            page.blank()
            page.paragraph("A duration: a number and a unit (s, m, h, d, w, y), e.g. 90d, 12h, 1y, 1d12h.", indent: 10)
        }
    }
}

extension String {
    /// Pads with spaces to `width` characters (a longer text gets one space).
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
