import Foundation
import Wire

/// A request's members in wire form (botocore member names), read with type checks.
///
/// A member of the wrong type is reported with the service's own validation error code (S3
/// `InvalidArgument`, EC2 and RDS `InvalidParameterValue`, DynamoDB `ValidationException`), naming
/// the member and the type it needs.
public struct WireInput: Sendable {
    public let value: JSONValue
    let invalidCode: String

    /// The members of `value` (an empty request when null); type errors use `invalidCode`.
    public init(_ value: JSONValue, invalidCode: String) {
        self.value = value.isNull ? .object(JSONObject()) : value
        self.invalidCode = invalidCode
    }

    /// A member's value; nil when absent or null.
    public subscript(_ member: String) -> JSONValue? {
        guard let v = value[member], !v.isNull else { return nil }
        return v
    }

    /// Whether the request carries `member`.
    public func has(_ member: String) -> Bool { self[member] != nil }

    private func wrongType(_ member: String, _ expected: String, _ got: JSONValue) -> AWSServiceError {
        AWSServiceError(invalidCode, "The member \(member) must be \(expected), not \(got.typeName).")
    }

    /// A string member.
    public func string(_ member: String) throws(AWSServiceError) -> String? {
        guard let v = self[member] else { return nil }
        guard let s = v.stringValue else { throw wrongType(member, "a string", v) }
        return s
    }

    /// A boolean member.
    public func bool(_ member: String) throws(AWSServiceError) -> Bool? {
        guard let v = self[member] else { return nil }
        guard let b = v.boolValue else { throw wrongType(member, "true or false", v) }
        return b
    }

    /// An integer member (also accepted as digits in a string).
    public func int(_ member: String) throws(AWSServiceError) -> Int? {
        guard let v = self[member] else { return nil }
        if let i = v.intValue { return i }
        if let s = v.stringValue, let i = Int(s) { return i }
        throw wrongType(member, "an integer", v)
    }

    /// A structure or map member.
    public func object(_ member: String) throws(AWSServiceError) -> JSONObject? {
        guard let v = self[member] else { return nil }
        guard let o = v.objectValue else { throw wrongType(member, "a structure", v) }
        return o
    }

    /// A list member.
    public func array(_ member: String) throws(AWSServiceError) -> [JSONValue]? {
        guard let v = self[member] else { return nil }
        guard let a = v.arrayValue else { throw wrongType(member, "a list", v) }
        return a
    }

    /// A list of strings.
    public func strings(_ member: String) throws(AWSServiceError) -> [String]? {
        guard let items = try array(member) else { return nil }
        var out: [String] = []
        for item in items {
            guard let s = item.stringValue else { throw wrongType("\(member) items", "strings", item) }
            out.append(s)
        }
        return out
    }

    /// A map of strings to strings (S3 `Metadata`).
    public func stringMap(_ member: String) throws(AWSServiceError) -> [String: String]? {
        guard let o = try object(member) else { return nil }
        var out: [String: String] = [:]
        for (k, v) in o {
            guard let s = v.stringValue else { throw wrongType("\(member).\(k)", "a string", v) }
            out[k] = s
        }
        return out
    }

    /// A blob member: base64 text in wire form.
    public func blob(_ member: String) throws(AWSServiceError) -> Data? {
        guard let v = self[member] else { return nil }
        guard let s = v.stringValue else { throw wrongType(member, "base64 text", v) }
        guard let d = Data(base64Encoded: s) else {
            throw AWSServiceError(invalidCode, "The member \(member) is not valid base64 (the wire form of a blob).")
        }
        return d
    }
}
