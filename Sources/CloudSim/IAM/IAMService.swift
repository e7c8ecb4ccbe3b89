import Foundation
import KMSEngine
import KMSPolicy
import Wire

/// IAM, for what the drills need: users, roles, and their inline policies, in the caller's own
/// account. Every call is authorized against the caller's identity policies (`iam:*` actions),
/// so a learner who is not an administrator cannot grant themselves access.
public struct IAMService: SimulatedService {
    public let store: IAMStore
    let clock: Clock
    public let serviceName = "iam"

    public init(store: IAMStore, clock: Clock) {
        self.store = store
        self.clock = clock
    }

    typealias Handler = @Sendable (IAMService, IAMRequest) throws -> JSONValue

    static let handlers: [String: Handler] = [
        "CreateUser": { try $0.createUser($1) },
        "GetUser": { try $0.getUser($1) },
        "ListUsers": { try $0.listPrincipals(.user, $1) },
        "DeleteUser": { try $0.deletePrincipal(.user, $1) },
        "CreateRole": { try $0.createRole($1) },
        "GetRole": { try $0.getRole($1) },
        "ListRoles": { try $0.listPrincipals(.role, $1) },
        "DeleteRole": { try $0.deletePrincipal(.role, $1) },
        "PutUserPolicy": { try $0.putPolicy(.user, $1) },
        "GetUserPolicy": { try $0.getPolicy(.user, $1) },
        "DeleteUserPolicy": { try $0.deletePolicy(.user, $1) },
        "ListUserPolicies": { try $0.listPolicies(.user, $1) },
        "PutRolePolicy": { try $0.putPolicy(.role, $1) },
        "GetRolePolicy": { try $0.getPolicy(.role, $1) },
        "DeleteRolePolicy": { try $0.deletePolicy(.role, $1) },
        "ListRolePolicies": { try $0.listPolicies(.role, $1) },
    ]

    public var operationNames: [String] { Self.handlers.keys.sorted() }

    public func call(_ operation: String, input: JSONValue, context: RequestContext) throws(AWSServiceError) -> JSONValue {
        guard let handler = Self.handlers[operation] else { throw unsupported(operation) }
        do {
            return try handler(self, IAMRequest(operation: operation, input: input, context: context))
        } catch let e as AWSServiceError {
            throw e
        } catch {
            throw AWSServiceError("ServiceFailure", "IAM could not complete the request: \(error)", httpStatus: 500)
        }
    }
}

/// One IAM call: its parameters and caller, with the checks every operation shares.
struct IAMRequest {
    let operation: String
    let input: JSONValue
    let context: RequestContext

    var account: String { context.caller.accountId }

    func string(_ member: String) throws -> String {
        guard let v = input[member]?.stringValue, !v.isEmpty else {
            throw AWSServiceError("ValidationError", "1 validation error detected: Value null at '\(lowerFirst(member))' failed to satisfy constraint: Member must not be null")
        }
        return v
    }

    func optionalString(_ member: String) -> String? { input[member]?.stringValue }

    /// A user or role name as IAM accepts it.
    func name(_ member: String) throws -> String {
        let v = try string(member)
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+=,.@_-")
        guard v.count <= 64, v.allSatisfy({ allowed.contains($0) }) else {
            throw AWSServiceError("ValidationError",
                "1 validation error detected: Value '\(v)' at '\(lowerFirst(member))' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+ and have length less than or equal to 64")
        }
        return v
    }

    private func lowerFirst(_ s: String) -> String { s.prefix(1).lowercased() + s.dropFirst() }
}
