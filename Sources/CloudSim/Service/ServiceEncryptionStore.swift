import Foundation
import Wire

/// Where one stored resource of a simulated service lives: service, kind, owner and name.
///
/// Names are unique within (service, kind, account, region) and sort as byte strings, so an S3
/// object named `bucket/key` lists in key order under its bucket's prefix.
public struct ServiceRecordKey: Hashable, Sendable {
    public var service: String
    public var kind: String
    /// The owning account, or `aws` for what AWS keeps outside every account (AWS owned keys).
    public var account: String
    public var region: String
    public var name: String

    /// The address of one resource.
    public init(service: String, kind: String, account: String, region: String, name: String) {
        self.service = service
        self.kind = kind
        self.account = account
        self.region = region
        self.name = name
    }
}

/// One stored resource: its metadata as a JSON document and its (sealed, where encrypted) content.
public struct ServiceRecord: Sendable, Equatable {
    public var key: ServiceRecordKey
    public var document: JSONValue
    /// The resource's data: ciphertext when the resource is encrypted, never a plaintext key.
    public var payload: Data?

    /// A record with its document and (sealed) content.
    public init(key: ServiceRecordKey, document: JSONValue, payload: Data? = nil) {
        self.key = key
        self.document = document
        self.payload = payload
    }

    /// A record whose document is `value` encoded in wire form.
    public init<T: Encodable>(key: ServiceRecordKey, encoding value: T, payload: Data? = nil) throws {
        self.init(key: key, document: try JSONValueEncoder().encode(value), payload: payload)
    }

    /// The document decoded as `T`.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try JSONValueDecoder().decode(type, from: document)
        } catch {
            throw ServiceStoreError("The stored \(key.kind) '\(key.name)' of \(key.service) cannot be read: \(error)")
        }
    }
}

/// A stored document that does not decode (written by another version, or altered by hand).
public struct ServiceStoreError: Error, Sendable, CustomStringConvertible {
    public let description: String
    /// An error explaining which record could not be read and why.
    public init(_ description: String) { self.description = description }
}

/// The state of the simulated S3, EC2 (EBS), RDS and DynamoDB (implemented by Storage on the home
/// database, in the same database as the KMS engine).
public protocol ServiceStore: Sendable {
    /// Runs `body` in one write transaction; KMS engine calls made inside it join the same
    /// transaction. Commits if `body` returns, rolls back if it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T
    func record(_ key: ServiceRecordKey) throws -> ServiceRecord?
    /// Records of one kind owned by `account` in `region` (every Region when nil), by name: only
    /// names starting with `prefix`, only names after `after`, at most `limit`.
    func records(service: String, kind: String, account: String, region: String?, prefix: String, after: String?,
                 limit: Int?) throws -> [ServiceRecord]
    /// Records of one kind with this exact name in any account and Region (S3 bucket names are global).
    func records(service: String, kind: String, named name: String) throws -> [ServiceRecord]
    /// Inserts or replaces.
    func put(_ record: ServiceRecord) throws
    func delete(_ key: ServiceRecordKey) throws
    /// Deletes every record of a kind in `account`/`region` whose name starts with `prefix`.
    func deleteAll(service: String, kind: String, account: String, region: String, prefix: String) throws
}

extension ServiceStore {
    /// Every record of a kind in `account` (and `region`, when given) whose name starts with `prefix`.
    public func records(service: String, kind: String, account: String, region: String?, prefix: String = "") throws -> [ServiceRecord] {
        try records(service: service, kind: kind, account: account, region: region, prefix: prefix, after: nil, limit: nil)
    }

    /// Runs a service operation atomically, except that a `CommitThenFail` thrown by `body` commits
    /// what was done (the audit records of the KMS calls made so far) before its error is thrown.
    ///
    /// Services make their KMS calls before they change their own state, so a refused KMS call
    /// leaves exactly what AWS leaves: the refused call in the audit log, and no resource.
    public func atomically<T>(_ body: () throws -> T) throws -> T {
        let outcome: Result<T, AWSServiceError> = try transaction {
            do {
                return .success(try body())
            } catch let failure as CommitThenFail {
                return .failure(failure.error)
            }
        }
        return try outcome.get()
    }
}

/// Thrown inside `atomically` to fail the operation while keeping what the transaction recorded.
public struct CommitThenFail: Error, Sendable {
    public let error: AWSServiceError
    /// Fails with `error` once the transaction has committed.
    public init(_ error: AWSServiceError) { self.error = error }
}

extension AWSServiceError {
    /// Maps whatever a service operation threw to the error the caller sees.
    static func from(_ error: any Error, service: String) -> AWSServiceError {
        switch error {
        case let e as AWSServiceError: return e
        case let e as CommitThenFail: return e.error
        default:
            return AWSServiceError("InternalError", "KMS Drill's \(service) could not complete the request: \(error)", httpStatus: 500)
        }
    }
}
