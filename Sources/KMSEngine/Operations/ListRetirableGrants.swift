import Wire

public struct ListRetirableGrantsRequest: Codable, Sendable {
    public var Limit: Int?
    public var Marker: String?
    public var RetiringPrincipal: String

    public init(RetiringPrincipal: String, Limit: Int? = nil, Marker: String? = nil) {
        self.RetiringPrincipal = RetiringPrincipal
        self.Limit = Limit
        self.Marker = Marker
    }
}

extension KMSEngine {
    /// ListRetirableGrants: grants (in the caller's account and Region) that a principal may retire.
    public func listRetirableGrants(_ request: ListRetirableGrantsRequest, _ context: RequestContext) throws(KMSError) -> ListGrantsResponse {
        try perform("ListRetirableGrants", context, mutates: false,
                    parameters: ["retiringPrincipal": .string(request.RetiringPrincipal)]) { scope in
            try scope.authorize("kms:ListRetirableGrants", key: nil)
            try GrantRules.checkPrincipal(request.RetiringPrincipal, member: "RetiringPrincipal")
            let grants = try scope.tx.grants(retiringPrincipal: request.RetiringPrincipal)
                .filter { $0.region == scope.region }
                .map { Self.entry($0, keyArn: KeyARN.key(region: $0.region, account: $0.accountId, keyId: $0.keyId)) }
            let page = try Paginator.page(grants, limit: request.Limit, marker: request.Marker, defaultLimit: 50)
            return ListGrantsResponse(Grants: page.items, NextMarker: page.nextMarker, Truncated: page.truncated)
        }
    }
}
