import Foundation
import Wire

public struct ListGrantsRequest: Codable, Sendable {
    public var Limit: Int?
    public var Marker: String?
    public var KeyId: String
    public var GrantId: String?
    public var GranteePrincipal: String?

    public init(KeyId: String, GrantId: String? = nil, GranteePrincipal: String? = nil, Limit: Int? = nil, Marker: String? = nil) {
        self.KeyId = KeyId
        self.GrantId = GrantId
        self.GranteePrincipal = GranteePrincipal
        self.Limit = Limit
        self.Marker = Marker
    }
}

public struct GrantListEntry: Codable, Sendable, Equatable {
    public var KeyId: String
    public var GrantId: String
    public var Name: String?
    public var CreationDate: Date
    public var GranteePrincipal: String
    public var RetiringPrincipal: String?
    public var IssuingAccount: String
    public var Operations: [GrantOperation]
    public var Constraints: GrantConstraints?
}

public struct ListGrantsResponse: Codable, Sendable {
    public var Grants: [GrantListEntry]
    public var NextMarker: String?
    public var Truncated: Bool
}

extension KMSEngine {
    /// ListGrants: the grants on a key, optionally one grant or one grantee's.
    public func listGrants(_ request: ListGrantsRequest, _ context: RequestContext) throws(KMSError) -> ListGrantsResponse {
        try perform("ListGrants", context, mutates: false, parameters: ["keyId": .string(request.KeyId)]) { scope in
            let key = try scope.resolveKey(request.KeyId, crossAccount: true, allowAlias: false)
            try scope.authorize("kms:ListGrants", key: key)
            var grants = try scope.tx.grants(keyId: key.keyId)
            if let id = request.GrantId {
                grants = grants.filter { $0.grantId == id }
                if grants.isEmpty { throw KMSError(.invalidGrantId, "Grant ID \(id) is not a grant on \(key.arn).") }
            }
            if let g = request.GranteePrincipal { grants = grants.filter { $0.granteePrincipal == g } }
            let page = try Paginator.page(grants.map { Self.entry($0, keyArn: key.arn) }, limit: request.Limit, marker: request.Marker, defaultLimit: 50)
            return ListGrantsResponse(Grants: page.items, NextMarker: page.nextMarker, Truncated: page.truncated)
        }
    }

    static func entry(_ g: GrantRecord, keyArn: String) -> GrantListEntry {
        GrantListEntry(KeyId: keyArn, GrantId: g.grantId, Name: g.name, CreationDate: g.creationDate,
                       GranteePrincipal: g.granteePrincipal, RetiringPrincipal: g.retiringPrincipal,
                       IssuingAccount: g.issuingAccount, Operations: g.operations, Constraints: g.constraints)
    }
}
