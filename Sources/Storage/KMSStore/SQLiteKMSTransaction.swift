import Foundation
import KMSEngine
import Wire

/// `KMSTransaction` over one connection. With a cache it serves key and alias reads from memory
/// (read path); without one (inside a write transaction) it always reads the database.
final class SQLiteKMSTransaction: KMSTransaction {
    let conn: SQLiteConnection
    let cache: KMSCache?
    let auditing: Bool

    init(conn: SQLiteConnection, cache: KMSCache?, auditing: Bool) {
        self.conn = conn
        self.cache = cache
        self.auditing = auditing
    }

    // MARK: Keys

    static let keyColumns = """
        key_id, account_id, region, description, key_usage, key_spec, origin, key_manager, key_state, creation_date,
        deletion_date, pending_window_days, policy, tags, rotation_enabled, rotation_period_days, next_rotation_date,
        current_material_version, on_demand_rotations, multi_region
        """

    func key(id: String) throws -> KeyRecord? {
        let load = { try self.conn.prepare("SELECT \(Self.keyColumns) FROM kms_keys WHERE key_id = ?").bind(.text(id)).first(KeyRows.read) }
        if let cache { return try cache.key(id, load: load) }
        return try load()
    }

    func keys(account: String, region: String) throws -> [KeyRecord] {
        try conn.prepare("SELECT \(Self.keyColumns) FROM kms_keys WHERE account_id = ? AND region = ? ORDER BY seq")
            .bind(.text(account), .text(region)).rows(KeyRows.read)
    }

    func insertKey(_ key: KeyRecord) throws {
        let seq = try conn.prepare("SELECT COALESCE(MAX(seq), 0) + 1 FROM kms_keys").first { $0.int(0) } ?? 1
        try conn.prepare("""
            INSERT INTO kms_keys (\(Self.keyColumns), seq, due_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).bind(KeyRows.values(key) + [.int(seq), .optional(key.nextDueDate)]).run()
    }

    func updateKey(_ key: KeyRecord) throws {
        let values = KeyRows.values(key)
        try conn.prepare("""
            UPDATE kms_keys SET account_id = ?, region = ?, description = ?, key_usage = ?, key_spec = ?, origin = ?,
                key_manager = ?, key_state = ?, creation_date = ?, deletion_date = ?, pending_window_days = ?, policy = ?,
                tags = ?, rotation_enabled = ?, rotation_period_days = ?, next_rotation_date = ?,
                current_material_version = ?, on_demand_rotations = ?, multi_region = ?, due_date = ?
            WHERE key_id = ?
            """).bind(Array(values.dropFirst()) + [.optional(key.nextDueDate), values[0]]).run()
    }

    func deleteKey(id: String) throws {
        // Materials, aliases and grants go with it (ON DELETE CASCADE).
        try conn.prepare("DELETE FROM kms_keys WHERE key_id = ?").bind(.text(id)).run()
    }

    // MARK: Material

    func materials(keyId: String) throws -> [KeyMaterialRecord] {
        try conn.prepare("SELECT key_id, version, material_id, created_at, rotation_type, wrapped FROM kms_key_materials WHERE key_id = ? ORDER BY version")
            .bind(.text(keyId)).rows(KeyRows.readMaterial)
    }

    func material(keyId: String, version: Int) throws -> KeyMaterialRecord? {
        try conn.prepare("SELECT key_id, version, material_id, created_at, rotation_type, wrapped FROM kms_key_materials WHERE key_id = ? AND version = ?")
            .bind(.text(keyId), .int(version)).first(KeyRows.readMaterial)
    }

    func insertMaterial(_ m: KeyMaterialRecord) throws {
        try conn.prepare("INSERT INTO kms_key_materials (key_id, version, material_id, created_at, rotation_type, wrapped) VALUES (?, ?, ?, ?, ?, ?)")
            .bind(.text(m.keyId), .int(m.version), .text(m.materialId), .date(m.createdAt), .optional(m.rotationType?.rawValue), .blob(m.wrapped))
            .run()
    }

    // MARK: Aliases

    private static let aliasColumns = "alias_name, account_id, region, target_key_id, creation_date, last_updated_date"

    func alias(name: String, account: String, region: String) throws -> AliasRecord? {
        let load = {
            try self.conn.prepare("SELECT \(Self.aliasColumns) FROM kms_aliases WHERE account_id = ? AND region = ? AND alias_name = ?")
                .bind(.text(account), .text(region), .text(name)).first(KeyRows.readAlias)
        }
        if let cache { return try cache.alias("\(account)|\(region)|\(name)", load: load) }
        return try load()
    }

    func aliases(account: String, region: String) throws -> [AliasRecord] {
        try conn.prepare("SELECT \(Self.aliasColumns) FROM kms_aliases WHERE account_id = ? AND region = ? ORDER BY alias_name")
            .bind(.text(account), .text(region)).rows(KeyRows.readAlias)
    }

    func insertAlias(_ a: AliasRecord) throws {
        try conn.prepare("INSERT INTO kms_aliases (\(Self.aliasColumns)) VALUES (?, ?, ?, ?, ?, ?)")
            .bind(.text(a.aliasName), .text(a.accountId), .text(a.region), .text(a.targetKeyId), .date(a.creationDate), .date(a.lastUpdatedDate))
            .run()
    }

    func updateAlias(_ a: AliasRecord) throws {
        try conn.prepare("UPDATE kms_aliases SET target_key_id = ?, last_updated_date = ? WHERE account_id = ? AND region = ? AND alias_name = ?")
            .bind(.text(a.targetKeyId), .date(a.lastUpdatedDate), .text(a.accountId), .text(a.region), .text(a.aliasName)).run()
    }

    func deleteAlias(name: String, account: String, region: String) throws {
        try conn.prepare("DELETE FROM kms_aliases WHERE account_id = ? AND region = ? AND alias_name = ?")
            .bind(.text(account), .text(region), .text(name)).run()
    }

    // MARK: Grants

    private static let grantColumns = """
        grant_id, key_id, account_id, region, name, creation_date, grantee_principal, retiring_principal, issuing_account,
        operations, constraints, grant_token
        """

    func grants(keyId: String) throws -> [GrantRecord] {
        // Every authorized call reads the key's grants: cached like keys on the read path.
        let load = {
            try self.conn.prepare("SELECT \(Self.grantColumns) FROM kms_grants WHERE key_id = ? ORDER BY creation_date, grant_id")
                .bind(.text(keyId)).rows(GrantRows.read)
        }
        if let cache { return try cache.grants(keyId, load: load) }
        return try load()
    }

    func grant(id: String) throws -> GrantRecord? {
        try conn.prepare("SELECT \(Self.grantColumns) FROM kms_grants WHERE grant_id = ?").bind(.text(id)).first(GrantRows.read)
    }

    func grants(retiringPrincipal: String) throws -> [GrantRecord] {
        try conn.prepare("SELECT \(Self.grantColumns) FROM kms_grants WHERE retiring_principal = ? ORDER BY creation_date, grant_id")
            .bind(.text(retiringPrincipal)).rows(GrantRows.read)
    }

    func grantByToken(_ token: String) throws -> GrantRecord? {
        try conn.prepare("SELECT \(Self.grantColumns) FROM kms_grants WHERE grant_token = ?").bind(.text(token)).first(GrantRows.read)
    }

    func insertGrant(_ g: GrantRecord) throws {
        try conn.prepare("INSERT INTO kms_grants (\(Self.grantColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bind(GrantRows.values(g)).run()
    }

    func deleteGrant(id: String) throws {
        try conn.prepare("DELETE FROM kms_grants WHERE grant_id = ?").bind(.text(id)).run()
    }

    // MARK: Clock-driven events

    func earliestDueDate() throws -> Date? {
        let load = { try self.conn.prepare("SELECT MIN(due_date) FROM kms_keys WHERE due_date IS NOT NULL").first { $0.dateOrNil(0) } ?? nil }
        if let cache { return try cache.dueDate(load: load) }
        return try load()
    }

    func keyDue(at date: Date) throws -> KeyRecord? {
        try conn.prepare("SELECT \(Self.keyColumns) FROM kms_keys WHERE due_date = ? ORDER BY seq LIMIT 1")
            .bind(.date(date)).first(KeyRows.read)
    }

    // MARK: Audit

    func appendAudit(_ event: AuditEvent) throws {
        guard auditing else { return }
        try AuditRows.insert(event, conn: conn)
    }
}
