import Foundation
import KMSEngine
import KMSPolicy
import Wire

extension IAMService {
    func principalJSON(_ p: IAMPrincipal) -> JSONValue {
        var o: JSONObject = [
            "Path": .string(p.path),
            p.kind == .user ? "UserName" : "RoleName": .string(p.name),
            p.kind == .user ? "UserId" : "RoleId": .string(p.id),
            "Arn": .string(p.arn),
            "CreateDate": .double(p.createDate.timeIntervalSince1970),
        ]
        if p.kind == .role {
            if let trust = p.assumeRolePolicy {
                // The AWS CLI shows policy documents decoded into JSON; so do we.
                o["AssumeRolePolicyDocument"] = (try? JSONParser.parse(trust)) ?? .string(trust)
            }
            if let d = p.description { o["Description"] = .string(d) }
            o["MaxSessionDuration"] = 3600
        }
        return .object(o)
    }

    func require(_ kind: IAMPrincipal.Kind, _ r: IAMRequest, name: String) throws -> IAMPrincipal {
        guard let p = try store.principal(kind, account: r.account, name: name) else {
            throw AWSServiceError("NoSuchEntity", "The \(kind.rawValue) with name \(name) cannot be found.", httpStatus: 404)
        }
        return p
    }

    func createUser(_ r: IAMRequest) throws -> JSONValue {
        let name = try r.name("UserName")
        let path = r.optionalString("Path") ?? "/"
        let arn = "arn:aws:iam::\(r.account):user\(path)\(name)"
        try IAMAccess.authorize(r, action: "iam:CreateUser", resource: arn, store: store)
        if try store.principal(.user, account: r.account, name: name) != nil {
            throw AWSServiceError("EntityAlreadyExists", "User with name \(name) already exists.", httpStatus: 409)
        }
        let user = IAMPrincipal(kind: .user, accountId: r.account, name: name, id: IAMIdentifiers.userId(arn), path: path,
                                createDate: clock.now())
        try store.insert(user)
        return ["User": principalJSON(user)]
    }

    func getUser(_ r: IAMRequest) throws -> JSONValue {
        // Without a name, GetUser describes the caller (as IAM does for users).
        guard let name = r.optionalString("UserName") else {
            guard r.context.caller.kind == .iamUser, let own = r.context.caller.userName else {
                throw AWSServiceError("ValidationError", "Must specify userName when calling with non-User credentials")
            }
            return ["User": principalJSON(try require(.user, r, name: own))]
        }
        let user = try require(.user, r, name: name)
        try IAMAccess.authorize(r, action: "iam:GetUser", resource: user.arn, store: store)
        return ["User": principalJSON(user)]
    }

    func createRole(_ r: IAMRequest) throws -> JSONValue {
        let name = try r.name("RoleName")
        let trust = try r.string("AssumeRolePolicyDocument")
        let path = r.optionalString("Path") ?? "/"
        let arn = "arn:aws:iam::\(r.account):role\(path)\(name)"
        try IAMAccess.authorize(r, action: "iam:CreateRole", resource: arn, store: store)
        do {
            _ = try PolicyDocument.parse(trust, kind: .resourcePolicy)
        } catch {
            throw AWSServiceError("MalformedPolicyDocument", "The trust policy is not valid: \(error.message)")
        }
        if try store.principal(.role, account: r.account, name: name) != nil {
            throw AWSServiceError("EntityAlreadyExists", "Role with name \(name) already exists.", httpStatus: 409)
        }
        let role = IAMPrincipal(kind: .role, accountId: r.account, name: name, id: IAMIdentifiers.roleId(arn), path: path,
                                createDate: clock.now(), assumeRolePolicy: trust, description: r.optionalString("Description"))
        try store.insert(role)
        return ["Role": principalJSON(role)]
    }

    func getRole(_ r: IAMRequest) throws -> JSONValue {
        let role = try require(.role, r, name: try r.name("RoleName"))
        try IAMAccess.authorize(r, action: "iam:GetRole", resource: role.arn, store: store)
        return ["Role": principalJSON(role)]
    }

    func listPrincipals(_ kind: IAMPrincipal.Kind, _ r: IAMRequest) throws -> JSONValue {
        try IAMAccess.authorize(r, action: kind == .user ? "iam:ListUsers" : "iam:ListRoles",
                                resource: "arn:aws:iam::\(r.account):\(kind.rawValue)/", store: store)
        let prefix = r.optionalString("PathPrefix") ?? "/"
        let all = try store.principals(kind, account: r.account).filter { $0.path.hasPrefix(prefix) }
        return [kind == .user ? "Users" : "Roles": .array(all.map(principalJSON)), "IsTruncated": false]
    }

    func deletePrincipal(_ kind: IAMPrincipal.Kind, _ r: IAMRequest) throws -> JSONValue {
        let p = try require(kind, r, name: try r.name(kind == .user ? "UserName" : "RoleName"))
        try IAMAccess.authorize(r, action: kind == .user ? "iam:DeleteUser" : "iam:DeleteRole", resource: p.arn, store: store)
        if !(try store.inlinePolicies(kind, account: r.account, name: p.name)).isEmpty {
            throw AWSServiceError("DeleteConflict", "Cannot delete entity, must delete policies first.", httpStatus: 409)
        }
        try store.delete(kind, account: r.account, name: p.name)
        return .object(JSONObject())
    }
}
