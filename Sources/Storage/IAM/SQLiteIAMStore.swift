import CloudSim
import Foundation

/// IAM's users, roles and inline policies on the home database.
public final class SQLiteIAMStore: IAMStore, @unchecked Sendable {
    let db: AppDatabase
    /// Inline policies by principal: every authorized KMS call reads the caller's. Dropped on
    /// every IAM change here and whenever another process commits.
    private let policyCache = PolicyCache()

    public init(database: AppDatabase) {
        db = database
        let cache = policyCache
        database.onExternalChange { cache.clear() }
    }

    final class PolicyCache: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String: [(name: String, document: String)]] = [:]
        func get(_ key: String) -> [(name: String, document: String)]? { lock.withLock { entries[key] } }
        func set(_ key: String, _ value: [(name: String, document: String)]) { lock.withLock { entries[key] = value } }
        func clear() { lock.withLock { entries.removeAll() } }
    }

    private static let columns = "kind, account_id, name, id, path, create_date, assume_role_policy, description"

    private static func read(_ s: Statement) throws -> IAMPrincipal {
        guard let kind = IAMPrincipal.Kind(rawValue: s.text(0)) else {
            throw StorageError(code: 11, message: "unexpected principal kind '\(s.text(0))'", sql: nil)
        }
        return IAMPrincipal(kind: kind, accountId: s.text(1), name: s.text(2), id: s.text(3), path: s.text(4),
                            createDate: s.date(5), assumeRolePolicy: s.textOrNil(6), description: s.textOrNil(7))
    }

    public func principal(_ kind: IAMPrincipal.Kind, account: String, name: String) throws -> IAMPrincipal? {
        try db.read {
            try $0.prepare("SELECT \(Self.columns) FROM iam_principals WHERE kind = ? AND account_id = ? AND name = ?")
                .bind(.text(kind.rawValue), .text(account), .text(name)).first(Self.read)
        }
    }

    public func principals(_ kind: IAMPrincipal.Kind?, account: String?) throws -> [IAMPrincipal] {
        try db.read {
            try $0.prepare("""
                SELECT \(Self.columns) FROM iam_principals
                WHERE (?1 IS NULL OR kind = ?1) AND (?2 IS NULL OR account_id = ?2) ORDER BY rowid
                """).bind(.optional(kind?.rawValue), .optional(account)).rows(Self.read)
        }
    }

    public func insert(_ p: IAMPrincipal) throws {
        defer { policyCache.clear() }
        try db.write {
            try $0.prepare("INSERT INTO iam_principals (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(.text(p.kind.rawValue), .text(p.accountId), .text(p.name), .text(p.id), .text(p.path),
                      .date(p.createDate), .optional(p.assumeRolePolicy), .optional(p.description)).run()
        }
    }

    public func delete(_ kind: IAMPrincipal.Kind, account: String, name: String) throws {
        defer { policyCache.clear() }
        try db.write {
            try $0.prepare("DELETE FROM iam_principals WHERE kind = ? AND account_id = ? AND name = ?")
                .bind(.text(kind.rawValue), .text(account), .text(name)).run()
        }
    }

    public func inlinePolicies(_ kind: IAMPrincipal.Kind, account: String, name: String) throws -> [(name: String, document: String)] {
        let key = "\(kind.rawValue)|\(account)|\(name)"
        if let hit = policyCache.get(key) { return hit }
        let policies = try db.read {
            try $0.prepare("""
                SELECT policy_name, document FROM iam_inline_policies
                WHERE principal_kind = ? AND account_id = ? AND principal_name = ? ORDER BY policy_name
                """).bind(.text(kind.rawValue), .text(account), .text(name)).rows { (name: $0.text(0), document: $0.text(1)) }
        }
        policyCache.set(key, policies)
        return policies
    }

    public func putInlinePolicy(_ kind: IAMPrincipal.Kind, account: String, name: String, policyName: String, document: String) throws {
        defer { policyCache.clear() }
        try db.write {
            try $0.prepare("""
                INSERT INTO iam_inline_policies (principal_kind, account_id, principal_name, policy_name, document)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (principal_kind, account_id, principal_name, policy_name) DO UPDATE SET document = excluded.document
                """).bind(.text(kind.rawValue), .text(account), .text(name), .text(policyName), .text(document)).run()
        }
    }

    public func deleteInlinePolicy(_ kind: IAMPrincipal.Kind, account: String, name: String, policyName: String) throws -> Bool {
        defer { policyCache.clear() }
        return try db.write { conn in
            try conn.prepare("""
                DELETE FROM iam_inline_policies WHERE principal_kind = ? AND account_id = ? AND principal_name = ? AND policy_name = ?
                """).bind(.text(kind.rawValue), .text(account), .text(name), .text(policyName)).run()
            return conn.changes > 0
        }
    }
}
