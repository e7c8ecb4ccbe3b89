import Foundation
import Wire

public struct ListKeyRotationsRequest: Codable, Sendable {
    public var KeyId: String
    public var IncludeKeyMaterial: IncludeKeyMaterial?
    public var Limit: Int?
    public var Marker: String?

    public init(KeyId: String, IncludeKeyMaterial: IncludeKeyMaterial? = nil, Limit: Int? = nil, Marker: String? = nil) {
        self.KeyId = KeyId
        self.IncludeKeyMaterial = IncludeKeyMaterial
        self.Limit = Limit
        self.Marker = Marker
    }
}

public struct RotationsListEntry: Codable, Sendable, Equatable {
    public var KeyId: String
    public var KeyMaterialId: String?
    public var KeyMaterialState: KeyMaterialState?
    public var ExpirationModel: ExpirationModel?
    public var RotationDate: Date?
    public var RotationType: RotationType?
}

public struct ListKeyRotationsResponse: Codable, Sendable {
    public var Rotations: [RotationsListEntry]
    public var NextMarker: String?
    public var Truncated: Bool
}

extension KMSEngine {
    /// ListKeyRotations: every rotation of the key, oldest first (with ALL_KEY_MATERIAL, the
    /// original material too).
    public func listKeyRotations(_ request: ListKeyRotationsRequest, _ context: RequestContext) throws(KMSError) -> ListKeyRotationsResponse {
        var p: JSONObject = ["keyId": .string(request.KeyId)]
        if let i = request.IncludeKeyMaterial { p["includeKeyMaterial"] = .string(i.rawValue) }
        if let l = request.Limit { p["limit"] = .int(l) }
        return try perform("ListKeyRotations", context, mutates: false, parameters: .object(p)) { scope in
            let key = try scope.resolveKey(request.KeyId, allowAlias: false)
            try scope.authorize("kms:ListKeyRotations", key: key)
            try RotationRules.checkSupported(key)
            let includeAll = request.IncludeKeyMaterial == .allKeyMaterial
            let entries = try scope.tx.materials(keyId: key.keyId)
                .filter { includeAll || $0.rotationType != nil }
                .map { m in
                    RotationsListEntry(
                        KeyId: key.keyId, KeyMaterialId: m.materialId,
                        KeyMaterialState: m.version == key.currentMaterialVersion ? .current : .nonCurrent,
                        ExpirationModel: nil, RotationDate: m.rotationType == nil ? nil : m.createdAt, RotationType: m.rotationType)
                }
            let page = try Paginator.page(entries, limit: request.Limit, marker: request.Marker)
            return ListKeyRotationsResponse(Rotations: page.items, NextMarker: page.nextMarker, Truncated: page.truncated)
        }
    }
}
