public struct RotateKeyOnDemandRequest: Codable, Sendable {
    public var KeyId: String
    public init(KeyId: String) { self.KeyId = KeyId }
}

public struct RotateKeyOnDemandResponse: Codable, Sendable {
    public var KeyId: String
}

extension KMSEngine {
    /// RotateKeyOnDemand: new material now, at most 25 times per key; the automatic schedule is
    /// unchanged.
    public func rotateKeyOnDemand(_ request: RotateKeyOnDemandRequest, _ context: RequestContext) throws(KMSError) -> RotateKeyOnDemandResponse {
        try perform("RotateKeyOnDemand", context, mutates: true, parameters: ["keyId": .string(request.KeyId)]) { scope in
            var key = try scope.resolveKey(request.KeyId, allowAlias: false)
            try scope.authorize("kms:RotateKeyOnDemand", key: key)
            if key.keyManager == .aws {
                throw KMSError(.unsupportedOperation, "You cannot initiate on-demand rotation of an AWS managed key; KMS rotates it every year.")
            }
            try KeyStateRule.enabledOnly.check(key)
            try RotationRules.checkSupported(key)
            guard key.onDemandRotationCount < limits.onDemandRotationsPerKey else {
                throw KMSError(.limitExceeded,
                    "\(key.arn) has used all \(limits.onDemandRotationsPerKey) on-demand rotations allowed for a KMS key. Automatic rotation still works.")
            }
            try scope.rotate(&key, type: .onDemand, at: scope.now)
            if let m = try scope.tx.material(keyId: key.keyId, version: key.currentMaterialVersion) {
                scope.additionalEventData["keyMaterialId"] = .string(m.materialId)
            }
            scope.responseElements = ["keyId": .string(key.keyId)]
            return RotateKeyOnDemandResponse(KeyId: key.keyId)
        }
    }
}
