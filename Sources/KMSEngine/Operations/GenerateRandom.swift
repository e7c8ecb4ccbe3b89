import Foundation
import Wire

public struct GenerateRandomRequest: Codable, Sendable {
    public var NumberOfBytes: Int?
    public var CustomKeyStoreId: String?
    public var Recipient: JSONValue?

    public init(NumberOfBytes: Int? = nil) { self.NumberOfBytes = NumberOfBytes }
}

public struct GenerateRandomResponse: Codable, Sendable {
    public var Plaintext: Data
}

extension KMSEngine {
    /// GenerateRandom: 1–1024 random bytes from the CSPRNG.
    public func generateRandom(_ request: GenerateRandomRequest, _ context: RequestContext) throws(KMSError) -> GenerateRandomResponse {
        var p = JSONObject()
        if let n = request.NumberOfBytes { p["numberOfBytes"] = .int(n) }
        return try perform("GenerateRandom", context, mutates: false, parameters: p.isEmpty ? .null : .object(p)) { scope in
            try scope.authorize("kms:GenerateRandom", key: nil)
            if request.CustomKeyStoreId != nil {
                throw KMSError(.unsupportedOperation, "KMS Drill does not simulate custom key stores.")
            }
            guard let n = request.NumberOfBytes else {
                throw KMSError(.validation, "NumberOfBytes is required: say how many random bytes you want (1 to 1024).")
            }
            guard (1...1024).contains(n) else {
                throw KMSError.validation(member: "numberOfBytes", value: String(n),
                    constraint: n < 1 ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to 1024")
            }
            return GenerateRandomResponse(Plaintext: random.bytes(n))
        }
    }
}
