/// One request to authorize: who, what action, on which resource, with which condition keys.
public struct PolicyRequest: Sendable, Hashable {
    public var caller: PolicyCaller
    /// The IAM action, e.g. `kms:Decrypt`.
    public var action: String
    /// The resource ARN, e.g. `arn:aws:kms:us-east-1:111122223333:key/...`.
    public var resource: String
    /// Condition keys the engine supplies (kms:ViaService, aws:CurrentTime, aws:ResourceTag/x, ...).
    public var context: ConditionContext
    /// The request's encryption context, when the operation carries one; it also answers
    /// `kms:EncryptionContext:KEY` and `kms:EncryptionContextKeys` and is checked against grant constraints.
    public var encryptionContext: [String: String]?
    /// Grant tokens presented with the request.
    public var grantTokens: [String]

    public init(caller: PolicyCaller, action: String, resource: String, context: ConditionContext = ConditionContext(),
                encryptionContext: [String: String]? = nil, grantTokens: [String] = []) {
        self.caller = caller
        self.action = action
        self.resource = resource
        self.context = context
        self.encryptionContext = encryptionContext
        self.grantTokens = grantTokens
    }
}

/// Answers condition-key lookups for one request: the keys given, then the keys derived from the
/// caller and the encryption context. Derivation happens on lookup, so a request pays only for the
/// keys its policies actually read.
struct EvaluationContext: Sendable {
    let request: PolicyRequest

    init(_ request: PolicyRequest) { self.request = request }

    /// The value of a condition key given in lowercase; `nil` when the request does not have it.
    func value(forKey key: String) -> ContextValue? {
        if let given = request.context.value(lowercasedKey: key) { return given }
        let caller = request.caller
        switch key {
        case "aws:principalarn": return .single(caller.principalArn)
        case "aws:principalaccount", "kms:calleraccount": return caller.accountId.map(ContextValue.single)
        case "aws:principaltype": return .single(caller.principalType)
        case "aws:username": return caller.username.map(ContextValue.single)
        case "aws:userid": return caller.userId.map(ContextValue.single)
        case "aws:principalisawsservice": return .single(caller.kind == .service ? "true" : "false")
        case "aws:principalservicename": return caller.serviceName.map(ContextValue.single)
        case "kms:encryptioncontextkeys":
            guard let ec = request.encryptionContext, !ec.isEmpty else { return nil }
            return .multiple(ec.keys.sorted())
        default:
            break
        }
        if key.hasPrefix("kms:encryptioncontext:"), let ec = request.encryptionContext {
            // The key part of the condition key is case-insensitive like the rest of the name.
            return EvaluationContext.caseInsensitiveLookup(ec, key.dropFirst("kms:encryptioncontext:".count))
        }
        if key.hasPrefix("aws:principaltag/") {
            return EvaluationContext.caseInsensitiveLookup(caller.tags, key.dropFirst("aws:principaltag/".count))
        }
        return nil
    }

    /// The value whose key equals `wanted` ignoring case; when several keys differ only by case
    /// (which AWS advises against), the smallest key wins so that the answer never varies.
    private static func caseInsensitiveLookup(_ map: [String: String], _ wanted: Substring) -> ContextValue? {
        var best: (key: String, value: String)?
        for (k, v) in map where k.lowercased() == wanted {
            if let current = best, current.key <= k { continue }
            best = (k, v)
        }
        return best.map { .single($0.value) }
    }
}
