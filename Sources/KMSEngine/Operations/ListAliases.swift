import Foundation
import Wire

public struct ListAliasesRequest: Codable, Sendable {
    public var KeyId: String?
    public var Limit: Int?
    public var Marker: String?

    public init(KeyId: String? = nil, Limit: Int? = nil, Marker: String? = nil) {
        self.KeyId = KeyId
        self.Limit = Limit
        self.Marker = Marker
    }
}

public struct ListAliasesResponse: Codable, Sendable {
    public var Aliases: [AliasListEntry]
    public var NextMarker: String?
    public var Truncated: Bool
}

extension KMSEngine {
    /// ListAliases: the account's aliases in the Region, including the predefined AWS aliases
    /// that no service has used yet (listed without a TargetKeyId, as KMS lists them).
    public func listAliases(_ request: ListAliasesRequest, _ context: RequestContext) throws(KMSError) -> ListAliasesResponse {
        var p = JSONObject()
        if let k = request.KeyId { p["keyId"] = .string(k) }
        if let l = request.Limit { p["limit"] = .int(l) }
        if let m = request.Marker { p["marker"] = .string(m) }
        return try perform("ListAliases", context, mutates: false, parameters: p.isEmpty ? .null : .object(p)) { scope in
            var entries: [AliasListEntry]
            let stored = try scope.tx.aliases(account: scope.account, region: scope.region)
            if let keyIdText = request.KeyId {
                let key = try scope.resolveKey(keyIdText, allowAlias: false)
                try scope.authorize("kms:ListAliases", key: nil)
                entries = stored.filter { $0.targetKeyId == key.keyId }.map(Self.entry)
            } else {
                try scope.authorize("kms:ListAliases", key: nil)
                entries = stored.map(Self.entry)
                let present = Set(stored.map(\.aliasName))
                for service in AWSManagedService.allCases where !present.contains(service.aliasName) {
                    entries.append(AliasListEntry(
                        AliasName: service.aliasName,
                        AliasArn: KeyARN.alias(region: scope.region, account: scope.account, aliasName: service.aliasName),
                        TargetKeyId: nil, CreationDate: nil, LastUpdatedDate: nil))
                }
                entries.sort { $0.AliasName < $1.AliasName }
            }
            let page = try Paginator.page(entries, limit: request.Limit, marker: request.Marker)
            return ListAliasesResponse(Aliases: page.items, NextMarker: page.nextMarker, Truncated: page.truncated)
        }
    }

    static func entry(_ a: AliasRecord) -> AliasListEntry {
        AliasListEntry(AliasName: a.aliasName, AliasArn: a.arn, TargetKeyId: a.targetKeyId,
                       CreationDate: a.creationDate, LastUpdatedDate: a.lastUpdatedDate)
    }
}
