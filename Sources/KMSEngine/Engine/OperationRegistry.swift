import Wire

/// One KMS operation reachable by name with wire-form JSON, as the command line, lab checks and
/// any wire endpoint call it.
public struct KMSOperationEntry: Sendable {
    public let name: String
    let run: @Sendable (KMSEngine, JSONValue, RequestContext) throws(KMSError) -> JSONValue
}

/// The single list of the operations the engine offers. Adding an operation means adding its
/// file under Operations/ and one line here.
public enum KMSOperations {
    public static let all: [KMSOperationEntry] = [
        entry("CreateKey", KMSEngine.createKey),
        entry("DescribeKey", KMSEngine.describeKey),
        entry("ListKeys", KMSEngine.listKeys),
        entry("UpdateKeyDescription", KMSEngine.updateKeyDescription),
        entry("EnableKey", KMSEngine.enableKey),
        entry("DisableKey", KMSEngine.disableKey),
        entry("ScheduleKeyDeletion", KMSEngine.scheduleKeyDeletion),
        entry("CancelKeyDeletion", KMSEngine.cancelKeyDeletion),
        entry("CreateAlias", KMSEngine.createAlias),
        entry("UpdateAlias", KMSEngine.updateAlias),
        entry("DeleteAlias", KMSEngine.deleteAlias),
        entry("ListAliases", KMSEngine.listAliases),
        entry("Encrypt", KMSEngine.encrypt),
        entry("Decrypt", KMSEngine.decrypt),
        entry("ReEncrypt", KMSEngine.reEncrypt),
        entry("GenerateDataKey", KMSEngine.generateDataKey),
        entry("GenerateDataKeyWithoutPlaintext", KMSEngine.generateDataKeyWithoutPlaintext),
        entry("GenerateRandom", KMSEngine.generateRandom),
        entry("EnableKeyRotation", KMSEngine.enableKeyRotation),
        entry("DisableKeyRotation", KMSEngine.disableKeyRotation),
        entry("GetKeyRotationStatus", KMSEngine.getKeyRotationStatus),
        entry("RotateKeyOnDemand", KMSEngine.rotateKeyOnDemand),
        entry("ListKeyRotations", KMSEngine.listKeyRotations),
        entry("TagResource", KMSEngine.tagResource),
        entry("UntagResource", KMSEngine.untagResource),
        entry("ListResourceTags", KMSEngine.listResourceTags),
        entry("GetKeyPolicy", KMSEngine.getKeyPolicy),
        entry("PutKeyPolicy", KMSEngine.putKeyPolicy),
        entry("ListKeyPolicies", KMSEngine.listKeyPolicies),
        entry("CreateGrant", KMSEngine.createGrant),
        entry("ListGrants", KMSEngine.listGrants),
        entry("ListRetirableGrants", KMSEngine.listRetirableGrants),
        entry("RetireGrant", KMSEngine.retireGrant),
        entry("RevokeGrant", KMSEngine.revokeGrant),
    ]

    private static let byName: [String: KMSOperationEntry] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    public static func named(_ name: String) -> KMSOperationEntry? { byName[name] }

    private static func entry<Req: Decodable & Sendable, Res: Encodable & Sendable>(
        _ name: String, _ method: @escaping @Sendable (KMSEngine) -> (Req, RequestContext) throws(KMSError) -> Res
    ) -> KMSOperationEntry {
        KMSOperationEntry(name: name) { (engine: KMSEngine, input: JSONValue, context: RequestContext) throws(KMSError) -> JSONValue in
            let request = try decode(Req.self, input)
            let response = try method(engine)(request, context)
            return try encode(response)
        }
    }

    private static func entry<Req: Decodable & Sendable>(
        _ name: String, _ method: @escaping @Sendable (KMSEngine) -> (Req, RequestContext) throws(KMSError) -> Void
    ) -> KMSOperationEntry {
        KMSOperationEntry(name: name) { (engine: KMSEngine, input: JSONValue, context: RequestContext) throws(KMSError) -> JSONValue in
            try method(engine)(try decode(Req.self, input), context)
            return .object(JSONObject())
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ input: JSONValue) throws(KMSError) -> T {
        do {
            return try JSONValueDecoder().decode(type, from: input.isNull ? .object(JSONObject()) : input)
        } catch let e as JSONDecodingError {
            if e.message == "Missing required member" {
                throw KMSError(.validation, "1 validation error detected: Value null at '\(lowerFirst(e.path))' failed to satisfy constraint: Member must not be null")
            }
            throw KMSError(.serialization, "The request member \(e.path) is not valid: \(e.message).")
        } catch {
            throw KMSError(.serialization, "The request could not be read: \(error)")
        }
    }

    private static func encode<T: Encodable>(_ value: T) throws(KMSError) -> JSONValue {
        do {
            return try JSONValueEncoder().encode(value)
        } catch {
            throw KMSError(.kmsInternal, "The response could not be written: \(error)")
        }
    }

    private static func lowerFirst(_ s: String) -> String {
        guard let f = s.first else { return s }
        return f.lowercased() + s.dropFirst()
    }
}

extension KMSEngine {
    /// Runs a KMS operation by name with wire-form input (the AWS JSON 1.1 body).
    public func call(_ operation: String, input: JSONValue, context: RequestContext) throws(KMSError) -> JSONValue {
        guard let entry = KMSOperations.named(operation) else {
            throw KMSError(.unsupportedOperation, "KMS Drill does not offer the \(operation) operation yet.")
        }
        return try entry.run(self, input, context)
    }
}
