import AWSModel

/// The "Shorthand Syntax", "Syntax" and "JSON Syntax" samples help prints under an option, made
/// from the member's shape as the AWS CLI makes them (`ParamShorthandDocGen`, `_json_example`).
struct SyntaxExamples {
    let model: ServiceModel

    private static let scalarKinds: Set<Shape.Kind> = [.string, .integer, .long, .boolean, .timestamp, .double, .float, .blob]

    // MARK: shorthand

    /// The shorthand sample, nil when the option takes none (or it would be too deep to show).
    func shorthand(for shape: Shape) -> String? {
        guard isComplex(shape) else { return nil }
        if shape.kind == .structure, shape.members.count == 1, shape.members[0].name == "Value",
            model.shape(shape.members[0].shape)?.kind == .string
        {
            return nil
        }
        var stack: [String] = []
        if shape.kind == .list, let element = shape.element.flatMap({ model.shape($0) }) {
            guard let doc = shorthandDocs(element, stack: &stack) else { return nil }
            return doc + " ..."
        }
        return shorthandDocs(shape, stack: &stack)
    }

    /// Structures, maps, and lists of them take shorthand.
    func isComplex(_ shape: Shape) -> Bool {
        switch shape.kind {
        case .structure, .map: return true
        case .list:
            guard let element = shape.element.flatMap({ model.shape($0) }) else { return false }
            return [.structure, .list, .map].contains(element.kind)
        default: return false
        }
    }

    private func shorthandDocs(_ shape: Shape, stack: inout [String]) -> String? {
        if stack.count > 3 { return nil }
        switch shape.kind {
        case .structure:
            var parts: [String] = []
            for member in shape.members {
                guard let memberShape = model.shape(member.shape) else { continue }
                if stack.contains(memberShape.name) {
                    parts.append("\(member.name)=( ... recursive ... )")
                    continue
                }
                stack.append(memberShape.name)
                defer { stack.removeLast() }
                guard let doc = shorthandDocs(memberShape, stack: &stack) else { return nil }
                parts.append("\(member.name)=\(doc)")
            }
            let inner = parts.joined(separator: ",")
            return stack.isEmpty ? inner : "{\(inner)}"
        case .list:
            guard let element = shape.element.flatMap({ model.shape($0) }) else { return nil }
            stack.append(element.name)
            defer { stack.removeLast() }
            guard let doc = shorthandDocs(element, stack: &stack) else { return nil }
            if !Self.scalarKinds.contains(element.kind) || stack.count > 2 { return "[\(doc),\(doc)]" }
            return "\(doc),\(doc)"
        case .map:
            guard let valueShape = shape.mapValue.flatMap({ model.shape($0) }) else { return nil }
            stack.append(valueShape.name)
            let valueDoc = shorthandDocs(valueShape, stack: &stack)
            stack.removeLast()
            guard let valueDoc else { return nil }
            var start = "KeyName1=\(valueDoc),KeyName2=\(valueDoc)"
            if let keyEnum = shape.mapKey.flatMap({ model.shape($0) })?.enumValues, !keyEnum.isEmpty, stack.isEmpty {
                start += "\n\nWhere valid key names are:\n" + keyEnum.map { "  \($0)\n" }.joined()
            } else if !stack.isEmpty {
                start = "{\(start)}"
            }
            return start
        default:
            return shape.kind.rawValue
        }
    }

    // MARK: JSON

    /// `"string" "string" ...` for a list of scalars (nil for other shapes).
    func spaceSeparated(for shape: Shape) -> [String]? {
        guard shape.kind == .list, let element = shape.element.flatMap({ model.shape($0) }),
            Self.scalarKinds.contains(element.kind)
        else { return nil }
        let name = valueName(element, includeEnum: false)
        var lines = ["\(name) \(name) ..."]
        if let values = element.enumValues, !values.isEmpty {
            lines += ["", "Where valid values are:"] + values.map { "    \($0)" }
        }
        return lines
    }

    /// The JSON sample lines for a structure, map or list.
    func json(for shape: Shape) -> [String] {
        var writer = Writer()
        var stack: [String] = []
        example(shape, writer: &writer, stack: &stack)
        return writer.finish()
    }

    private struct Writer {
        var lines: [String] = []
        var current = ""
        var level = 0

        mutating func write(_ s: String) { current += s }

        mutating func newLine() {
            lines.append(current)
            current = String(repeating: "  ", count: level)
        }

        mutating func finish() -> [String] {
            lines.append(current)
            return lines.map { $0.trimmingTrailingSpace() }
        }
    }

    private func valueName(_ shape: Shape, includeEnum: Bool = true) -> String {
        switch shape.kind {
        case .string:
            if includeEnum, let values = shape.enumValues, !values.isEmpty { return values.map { "\"\($0)\"" }.joined(separator: "|") }
            return "\"string\""
        case .boolean: return "true|false"
        default: return shape.kind.rawValue
        }
    }

    private func example(_ shape: Shape, writer: inout Writer, stack: inout [String]) {
        if stack.contains(shape.name), stack.filter({ $0 == shape.name }).count > 1 {
            if shape.kind == .structure { writer.write("{ ... recursive ... }") }
            return
        }
        stack.append(shape.name)
        defer { stack.removeLast() }
        switch shape.kind {
        case .list:
            guard let element = shape.element.flatMap({ model.shape($0) }) else { return }
            writer.write("[")
            if Self.scalarKinds.contains(element.kind) {
                writer.write("\(valueName(element)), ...")
            } else {
                writer.level += 1
                writer.newLine()
                example(element, writer: &writer, stack: &stack)
                writer.newLine()
                writer.write("...")
                writer.level -= 1
                writer.newLine()
            }
            writer.write("]")
        case .map:
            guard let key = shape.mapKey.flatMap({ model.shape($0) }), let value = shape.mapValue.flatMap({ model.shape($0) }) else { return }
            writer.write("{")
            writer.level += 1
            writer.write("\(valueName(key)): ")
            if Self.scalarKinds.contains(value.kind) {
                writer.write(valueName(value))
            } else {
                writer.level += 1
                example(value, writer: &writer, stack: &stack)
                writer.level -= 1
            }
            writer.newLine()
            writer.write("...")
            writer.level -= 1
            writer.write("}")
        case .structure:
            writer.write("{")
            writer.level += 1
            writer.newLine()
            for (i, member) in shape.members.enumerated() {
                guard let memberShape = model.shape(member.shape) else { continue }
                if Self.scalarKinds.contains(memberShape.kind) {
                    writer.write("\"\(member.name)\": \(valueName(memberShape))")
                } else {
                    writer.write("\"\(member.name)\": ")
                    example(memberShape, writer: &writer, stack: &stack)
                }
                if i < shape.members.count - 1 {
                    writer.write(",")
                    writer.newLine()
                }
            }
            writer.level -= 1
            writer.newLine()
            writer.write("}")
        default:
            writer.write(valueName(shape))
        }
    }
}
