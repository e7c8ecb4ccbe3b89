import AWSModel
import Wire

/// `--generate-cli-skeleton`: a sample of an operation's input or output, made from the model as
/// botocore's `ArgumentGenerator` makes it.
///
/// The input sample has empty strings, zeros, `true`, empty-keyed maps (`KeyName`) and one-element
/// lists; blobs are `null`. The AWS CLI picks a random enum value for each enum; KMS Drill picks
/// the first, so the same command always prints the same sample. The output sample uses member
/// names as string values, as the AWS CLI's stubbed response does.
struct Skeleton {
    let model: ServiceModel
    let useMemberNames: Bool

    func generate(_ shapeName: String?) -> JSONValue {
        guard let shapeName else { return .object(JSONObject()) }
        var stack: [String] = []
        return generate(shapeName, stack: &stack, name: "")
    }

    private func generate(_ shapeName: String, stack: inout [String], name: String) -> JSONValue {
        guard let shape = model.shape(shapeName) else { return .null }
        stack.append(shapeName)
        defer { stack.removeLast() }
        switch shape.kind {
        case .structure:
            if stack.filter({ $0 == shapeName }).count > 1 { return .object(JSONObject()) }
            var out = JSONObject()
            for member in shape.members {
                out[member.name] = generate(member.shape, stack: &stack, name: member.name)
            }
            return .object(out)
        case .list:
            guard let element = shape.element else { return .array([]) }
            return .array([generate(element, stack: &stack, name: useMemberNames ? element : "")])
        case .map:
            guard let valueShape = shape.mapValue else { return .object(JSONObject()) }
            return .object(JSONObject([("KeyName", generate(valueShape, stack: &stack, name: ""))]))
        case .string:
            if useMemberNames { return .string(name) }
            return .string(shape.enumValues?.first ?? "")
        case .integer, .long: return .int(0)
        case .double, .float: return .double(0)
        case .boolean: return .bool(true)
        case .timestamp:
            // datetime(1970, 1, 1) printed through the AWS CLI's JSON encoder.
            return .string("1970-01-01T00:00:00")
        case .blob: return .null
        }
    }
}
