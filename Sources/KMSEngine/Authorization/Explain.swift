import Foundation

extension KMSEngine {
    /// The authorization decision for a request, with its reasons, without making the request
    /// (what `explain` shows). Nothing is recorded: it is not an AWS call.
    public func explain(action: String, keyId: String?, context: RequestContext, encryptionContext: [String: String]?,
                        grantTokens: [String]) throws(KMSError) -> ExplainedDecision {
        guard let authorizer = authorizer as? PolicyAuthorizer else {
            return ExplainedDecision(allowedFor: "This engine does not evaluate policies.")
        }
        if let keyId { try materializePredefinedAlias(keyId, context) }
        do {
            return try store.read { tx in
                let scope = OperationScope(engine: self, tx: tx, context: context, now: clock.now(), operation: "explain")
                let key = try keyId.map { try scope.resolveKey($0, crossAccount: true) }
                var conditions = keyId.map(scope.aliasConditions) ?? [:]
                let ctx = encryptionContext ?? [:]
                for (k, v) in ctx { conditions["kms:EncryptionContext:\(k)"] = [v] }
                if !ctx.isEmpty { conditions["kms:EncryptionContextKeys"] = ctx.keys.sorted() }
                if Self.cryptographicActions.contains(action.lowercased()) {
                    conditions["kms:EncryptionAlgorithm"] = [EncryptionAlgorithm.symmetricDefault.rawValue]
                }
                let request = AuthorizationRequest(
                    action: action, context: context, key: key, conditionValues: conditions,
                    encryptionContext: encryptionContext, grantTokens: grantTokens, now: scope.now)
                return try authorizer.decide(request, in: tx)
            }
        } catch {
            throw Self.asKMSError(error)
        }
    }

    static let cryptographicActions: Set<String> = ["kms:encrypt", "kms:decrypt", "kms:reencryptfrom", "kms:reencryptto"]
}
