import Foundation
import KMSPolicy
import Testing
import Wire

/// One case of the data-driven corpus in `Corpus/*.json`.
///
/// A file holds `{"description", "defaults", "cases": [...]}`; each case is merged over the file's
/// defaults (its `request` member by member). A case either authorizes a request (`check`
/// "authorize", the default), runs the lockout check (`check` "lockout"), or parses a policy
/// (`check` "parse"). Policies may be given as JSON objects or, to test text-level errors, as strings.
struct CorpusCase: Sendable, CustomTestStringConvertible {
    let file: String
    let name: String
    let body: JSONObject

    var testDescription: String { "\(file): \(name)" }

    static let defaultAccount = "111122223333"
    static let defaultKeyArn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    static let defaultPrincipal = "arn:aws:iam::111122223333:user/alice"

    static var corpusDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
    }

    /// Every case of every corpus file, in file order; a file that cannot be read becomes a failing case.
    static func all() -> [CorpusCase] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: corpusDirectory.path)) ?? []
        var cases: [CorpusCase] = []
        for file in files.filter({ $0.hasSuffix(".json") }).sorted() {
            let url = corpusDirectory.appendingPathComponent(file)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                cases.append(broken(file, "cannot be read"))
                continue
            }
            let json: JSONValue
            do {
                json = try JSONParser.parse(text)
            } catch {
                cases.append(broken(file, error.description))
                continue
            }
            let defaults = json["defaults"]?.objectValue ?? JSONObject()
            for (i, raw) in (json["cases"]?.arrayValue ?? []).enumerated() {
                guard let object = raw.objectValue else {
                    cases.append(broken(file, "case \(i + 1) is not an object"))
                    continue
                }
                let merged = merge(defaults, object)
                let name = merged["name"]?.stringValue ?? "case \(i + 1)"
                cases.append(CorpusCase(file: file, name: name, body: merged))
            }
        }
        return cases
    }

    private static func broken(_ file: String, _ problem: String) -> CorpusCase {
        CorpusCase(file: file, name: "unreadable file", body: JSONObject([("broken", .string(problem))]))
    }

    /// Case members override defaults; `request` objects merge member by member.
    private static func merge(_ defaults: JSONObject, _ object: JSONObject) -> JSONObject {
        var out = defaults
        for (k, v) in object {
            if k == "request", case .object(let base)? = defaults[k], case .object(let over) = v {
                var r = base
                for (rk, rv) in over { r[rk] = rv }
                out[k] = .object(r)
            } else {
                out[k] = v
            }
        }
        return out
    }

    // MARK: Reading the case

    var check: String { body["check"]?.stringValue ?? "authorize" }
    var request: JSONObject { body["request"]?.objectValue ?? JSONObject() }
    var expect: JSONObject { body["expect"]?.objectValue ?? JSONObject() }

    /// The text of a policy member: a string as is, an object serialised.
    static func policyText(_ value: JSONValue) -> String {
        if case .string(let s) = value { return s }
        return JSONWriter.pretty(value)
    }

    func keyPolicy() throws -> PolicyDocument {
        let account = keyAccount
        switch body["keyPolicy"] {
        case nil, .string("default")?:
            return DefaultKeyPolicy.document(account: account)
        case .object(let o)? where o["managed"] != nil:
            let alias = o["managed"]?.stringValue ?? ""
            guard let service = AWSManagedKeyService.forAlias(alias) else { throw CorpusError("unknown managed key \(alias)") }
            return AWSManagedKeyPolicy.document(for: service, account: account, region: "us-east-1")
        case let value?:
            return try PolicyDocument.parse(CorpusCase.policyText(value), kind: .resourcePolicy)
        }
    }

    var keyArn: String { request["resource"]?.stringValue ?? CorpusCase.defaultKeyArn }

    var keyAccount: String {
        if let a = body["keyAccount"]?.stringValue { return a }
        let parts = keyArn.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count > 4 ? String(parts[4]) : CorpusCase.defaultAccount
    }

    func identityPolicies() throws -> [IdentityPolicy] {
        try (body["identityPolicies"]?.arrayValue ?? []).enumerated().map { i, raw in
            guard let policy = raw["policy"] else { throw CorpusError("identity policy \(i + 1) has no policy") }
            let type = PolicySourceType(rawValue: raw["type"]?.stringValue ?? "user") ?? .user
            return IdentityPolicy(id: raw["id"]?.stringValue ?? "identity-\(i + 1)", sourceType: type,
                                  document: try PolicyDocument.parse(CorpusCase.policyText(policy), kind: .identityPolicy))
        }
    }

    func grants() -> [KeyGrant] {
        (body["grants"]?.arrayValue ?? []).map { g in
            var constraints: KeyGrantConstraints?
            if let c = g["Constraints"] {
                constraints = KeyGrantConstraints(encryptionContextEquals: CorpusCase.stringMap(c["EncryptionContextEquals"]),
                                               encryptionContextSubset: CorpusCase.stringMap(c["EncryptionContextSubset"]))
            }
            return KeyGrant(grantId: g["GrantId"]?.stringValue ?? "grant", name: g["Name"]?.stringValue,
                            granteePrincipal: g["GranteePrincipal"]?.stringValue ?? "",
                            retiringPrincipal: g["RetiringPrincipal"]?.stringValue,
                            operations: (g["Operations"]?.arrayValue ?? []).compactMap(\.stringValue),
                            constraints: constraints, requiresGrantToken: g["RequiresGrantToken"]?.boolValue ?? false,
                            grantToken: g["GrantToken"]?.stringValue)
        }
    }

    static func stringMap(_ value: JSONValue?) -> [String: String]? {
        guard let o = value?.objectValue else { return nil }
        var out: [String: String] = [:]
        for (k, v) in o { out[k] = v.stringValue ?? "" }
        return out
    }

    func caller() throws -> PolicyCaller {
        let arn = request["principal"]?.stringValue ?? CorpusCase.defaultPrincipal
        let tags = CorpusCase.stringMap(request["tags"]) ?? [:]
        return try PolicyCaller.from(arn: arn, roleArn: request["roleArn"]?.stringValue, tags: tags)
    }

    func authorizationRequest() throws -> PolicyRequest {
        var context = ConditionContext()
        for (k, v) in request["context"]?.objectValue ?? JSONObject() {
            switch v {
            case .array(let items): context[k] = .multiple(items.compactMap(\.stringValue))
            case .string(let s): context[k] = .single(s)
            default: context[k] = .single(v.description)
            }
        }
        return PolicyRequest(caller: try caller(), action: request["action"]?.stringValue ?? "kms:Decrypt",
                                    resource: keyArn, context: context,
                                    encryptionContext: CorpusCase.stringMap(request["encryptionContext"]),
                                    grantTokens: (request["grantTokens"]?.arrayValue ?? []).compactMap(\.stringValue))
    }
}

struct CorpusError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
