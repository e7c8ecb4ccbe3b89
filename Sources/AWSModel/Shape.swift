import Wire

/// A shape of an AWS service model: the type of a request member, a response member or an error.
///
/// Only the parts KMS Drill uses are kept: type, members in model order, constraints the AWS CLI
/// and the services check (required, min, max, enum, pattern), and where a member travels.
public struct Shape: Sendable {
    public enum Kind: String, Sendable {
        case structure, list, map, string, blob, integer, long, boolean, timestamp, double, float
    }

    public let name: String
    public let kind: Kind
    /// Structure members in the model's order (which is also the order the AWS CLI prints them).
    public let members: [Member]
    public let required: Set<String>
    /// The required members in the model's order (botocore reports missing ones in this order).
    public let requiredMembers: [String]
    /// List element shape, map key and value shapes.
    public let element: String?
    public let mapKey: String?
    public let mapValue: String?
    public let enumValues: [String]?
    public let min: Double?
    public let max: Double?
    public let pattern: String?
    public let isException: Bool
    public let isSensitive: Bool
    public let isStreaming: Bool
    public let isFlattened: Bool
    public let locationName: String?

    public func member(named name: String) -> Member? { members.first { $0.name == name } }
}

/// A member of a structure shape.
public struct Member: Sendable {
    public let name: String
    public let shape: String
    /// HTML documentation from the model, as AWS wrote it.
    public let documentation: String
    /// Where a REST protocol puts it: `header`, `uri`, `querystring`, or nil for the body.
    public let location: String?
    public let locationName: String?
    public let isDeprecated: Bool
    /// A streaming blob (S3 `Body`): the AWS CLI takes a file path for it, not data.
    public let isStreaming: Bool
}

/// An operation of a service model.
public struct Operation: Sendable {
    public let name: String
    public let input: String?
    public let output: String?
    public let errors: [String]
    public let documentation: String
    public let isDeprecated: Bool

    /// The AWS CLI's name for the operation (`CreateKey` -> `create-key`).
    public var cliName: String { CLIName.from(name) }
}

extension Shape {
    init(name: String, json: JSONObject) {
        self.name = name
        kind = Kind(rawValue: json["type"]?.stringValue ?? "string") ?? .string
        var members: [Member] = []
        if case .object(let m)? = json["members"] {
            for (memberName, value) in m {
                members.append(Member(
                    name: memberName,
                    shape: value["shape"]?.stringValue ?? "",
                    documentation: value["documentation"]?.stringValue ?? "",
                    location: value["location"]?.stringValue,
                    locationName: value["locationName"]?.stringValue,
                    isDeprecated: value["deprecated"]?.boolValue ?? false,
                    isStreaming: value["streaming"]?.boolValue ?? false))
            }
        }
        self.members = members
        requiredMembers = (json["required"]?.arrayValue ?? []).compactMap(\.stringValue)
        required = Set(requiredMembers)
        element = json["member"]?["shape"]?.stringValue
        mapKey = json["key"]?["shape"]?.stringValue
        mapValue = json["value"]?["shape"]?.stringValue
        enumValues = json["enum"]?.arrayValue?.compactMap(\.stringValue)
        min = json["min"]?.numberValue
        max = json["max"]?.numberValue
        pattern = json["pattern"]?.stringValue
        isException = json["exception"]?.boolValue ?? false
        isSensitive = json["sensitive"]?.boolValue ?? false
        isStreaming = json["streaming"]?.boolValue ?? false
        isFlattened = json["flattened"]?.boolValue ?? false
        locationName = json["locationName"]?.stringValue
    }
}
