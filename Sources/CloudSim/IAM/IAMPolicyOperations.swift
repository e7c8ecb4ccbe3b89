import Foundation
import KMSEngine
import KMSPolicy
import Wire

extension IAMService {
    /// IAM's size limits for inline policies (characters, without white space counted by IAM).
    static func sizeLimit(_ kind: IAMPrincipal.Kind) -> Int { kind == .user ? 2048 : 10240 }

    private func memberName(_ kind: IAMPrincipal.Kind) -> String { kind == .user ? "UserName" : "RoleName" }
    private func verb(_ kind: IAMPrincipal.Kind) -> String { kind == .user ? "User" : "Role" }

    func putPolicy(_ kind: IAMPrincipal.Kind, _ r: IAMRequest) throws -> JSONValue {
        let p = try require(kind, r, name: try r.name(memberName(kind)))
        let policyName = try r.name("PolicyName")
        let document = try r.string("PolicyDocument")
        try IAMAccess.authorize(r, action: "iam:Put\(verb(kind))Policy", resource: p.arn, store: store)
        let compact = document.filter { !$0.isWhitespace }.count
        if compact > Self.sizeLimit(kind) {
            throw AWSServiceError("LimitExceeded",
                "Maximum policy size of \(Self.sizeLimit(kind)) bytes exceeded for \(kind.rawValue) \(p.name)", httpStatus: 409)
        }
        do {
            _ = try PolicyDocument.parse(document, kind: .identityPolicy)
        } catch {
            throw AWSServiceError("MalformedPolicyDocument", error.message)
        }
        try store.putInlinePolicy(kind, account: r.account, name: p.name, policyName: policyName, document: document)
        return .object(JSONObject())
    }

    func getPolicy(_ kind: IAMPrincipal.Kind, _ r: IAMRequest) throws -> JSONValue {
        let p = try require(kind, r, name: try r.name(memberName(kind)))
        let policyName = try r.name("PolicyName")
        try IAMAccess.authorize(r, action: "iam:Get\(verb(kind))Policy", resource: p.arn, store: store)
        guard let found = try store.inlinePolicies(kind, account: r.account, name: p.name).first(where: { $0.name == policyName }) else {
            throw AWSServiceError("NoSuchEntity", "The \(kind.rawValue) policy with name \(policyName) cannot be found.", httpStatus: 404)
        }
        return [
            memberName(kind): .string(p.name), "PolicyName": .string(policyName),
            "PolicyDocument": (try? JSONParser.parse(found.document)) ?? .string(found.document),
        ]
    }

    func deletePolicy(_ kind: IAMPrincipal.Kind, _ r: IAMRequest) throws -> JSONValue {
        let p = try require(kind, r, name: try r.name(memberName(kind)))
        let policyName = try r.name("PolicyName")
        try IAMAccess.authorize(r, action: "iam:Delete\(verb(kind))Policy", resource: p.arn, store: store)
        guard try store.deleteInlinePolicy(kind, account: r.account, name: p.name, policyName: policyName) else {
            throw AWSServiceError("NoSuchEntity", "The \(kind.rawValue) policy with name \(policyName) cannot be found.", httpStatus: 404)
        }
        return .object(JSONObject())
    }

    func listPolicies(_ kind: IAMPrincipal.Kind, _ r: IAMRequest) throws -> JSONValue {
        let p = try require(kind, r, name: try r.name(memberName(kind)))
        try IAMAccess.authorize(r, action: "iam:List\(verb(kind))Policies", resource: p.arn, store: store)
        let names = try store.inlinePolicies(kind, account: r.account, name: p.name).map { JSONValue.string($0.name) }
        return ["PolicyNames": .array(names), "IsTruncated": false]
    }
}
