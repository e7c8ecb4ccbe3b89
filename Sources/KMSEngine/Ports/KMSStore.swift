import Foundation

/// What the engine reads and writes within one transaction. Implemented by Storage on SQLite.
///
/// Every method may throw a storage failure; the engine reports it as KMSInternalException.
public protocol KMSTransaction: AnyObject {
    func key(id: String) throws -> KeyRecord?
    /// Keys of one account and Region in creation order.
    func keys(account: String, region: String) throws -> [KeyRecord]
    func insertKey(_ key: KeyRecord) throws
    func updateKey(_ key: KeyRecord) throws
    /// Removes the key with its material, aliases, grants and tags.
    func deleteKey(id: String) throws

    func materials(keyId: String) throws -> [KeyMaterialRecord]
    func material(keyId: String, version: Int) throws -> KeyMaterialRecord?
    func insertMaterial(_ material: KeyMaterialRecord) throws

    func alias(name: String, account: String, region: String) throws -> AliasRecord?
    /// Aliases of one account and Region, sorted by name.
    func aliases(account: String, region: String) throws -> [AliasRecord]
    func insertAlias(_ alias: AliasRecord) throws
    func updateAlias(_ alias: AliasRecord) throws
    func deleteAlias(name: String, account: String, region: String) throws

    func grants(keyId: String) throws -> [GrantRecord]
    func grant(id: String) throws -> GrantRecord?
    func grants(retiringPrincipal: String) throws -> [GrantRecord]
    func grantByToken(_ token: String) throws -> GrantRecord?
    func insertGrant(_ grant: GrantRecord) throws
    func deleteGrant(id: String) throws

    /// The earliest moment any key has something due (rotation or end of deletion window),
    /// per `KeyRecord.nextDueDate`.
    func earliestDueDate() throws -> Date?
    /// A key whose `nextDueDate` is exactly `date`.
    func keyDue(at date: Date) throws -> KeyRecord?

    /// Records what happened, in this same transaction.
    func appendAudit(_ event: AuditEvent) throws
}

/// Transactions over the engine's state.
public protocol KMSStore: Sendable {
    /// Runs `body` against a consistent snapshot; writes are not allowed.
    func read<T>(_ body: (KMSTransaction) throws -> T) throws -> T
    /// Runs `body` in one atomic write transaction: all of it is committed, or none of it.
    func write<T>(_ body: (KMSTransaction) throws -> T) throws -> T
    /// Appends an audit record of a call that changed nothing (a read or a refused request).
    /// Durable before it returns; concurrent callers may share one commit.
    func appendAudit(_ event: AuditEvent) throws
    /// False only where auditing is deliberately off (a benchmark's "without audit" figure).
    var recordsAudit: Bool { get }
}
