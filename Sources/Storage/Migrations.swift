/// The schema of a KMS Drill home, as named, append-only migrations.
public enum Migrations {
    public static let all: [Migration] = [engineCore]

    /// Keys, their wrapped material versions, aliases, grants, the audit log and settings.
    static let engineCore = Migration("2026-11-29-engine-core", """
        CREATE TABLE kms_keys (
            key_id TEXT PRIMARY KEY NOT NULL,
            account_id TEXT NOT NULL CHECK (length(account_id) = 12),
            region TEXT NOT NULL,
            seq INTEGER NOT NULL,
            description TEXT NOT NULL,
            key_usage TEXT NOT NULL,
            key_spec TEXT NOT NULL,
            origin TEXT NOT NULL,
            key_manager TEXT NOT NULL CHECK (key_manager IN ('AWS', 'CUSTOMER')),
            key_state TEXT NOT NULL,
            creation_date REAL NOT NULL,
            deletion_date REAL,
            pending_window_days INTEGER,
            policy TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]',
            rotation_enabled INTEGER NOT NULL DEFAULT 0,
            rotation_period_days INTEGER,
            next_rotation_date REAL,
            current_material_version INTEGER NOT NULL CHECK (current_material_version >= 1),
            on_demand_rotations INTEGER NOT NULL DEFAULT 0,
            multi_region INTEGER NOT NULL DEFAULT 0,
            -- KeyRecord.nextDueDate, kept in a column so the clock can find what is due by index.
            due_date REAL
        );
        CREATE INDEX kms_keys_by_account ON kms_keys (account_id, region, seq);
        CREATE INDEX kms_keys_due ON kms_keys (due_date) WHERE due_date IS NOT NULL;

        CREATE TABLE kms_key_materials (
            key_id TEXT NOT NULL REFERENCES kms_keys (key_id) ON DELETE CASCADE,
            version INTEGER NOT NULL CHECK (version >= 1),
            material_id TEXT NOT NULL,
            created_at REAL NOT NULL,
            rotation_type TEXT CHECK (rotation_type IN ('AUTOMATIC', 'ON_DEMAND')),
            -- sealed under the HSM root key; never the material itself
            wrapped BLOB NOT NULL,
            PRIMARY KEY (key_id, version)
        );

        CREATE TABLE kms_aliases (
            account_id TEXT NOT NULL,
            region TEXT NOT NULL,
            alias_name TEXT NOT NULL CHECK (alias_name LIKE 'alias/%'),
            target_key_id TEXT NOT NULL REFERENCES kms_keys (key_id) ON DELETE CASCADE,
            creation_date REAL NOT NULL,
            last_updated_date REAL NOT NULL,
            PRIMARY KEY (account_id, region, alias_name)
        );
        CREATE INDEX kms_aliases_by_key ON kms_aliases (target_key_id);

        CREATE TABLE kms_grants (
            grant_id TEXT PRIMARY KEY NOT NULL,
            key_id TEXT NOT NULL REFERENCES kms_keys (key_id) ON DELETE CASCADE,
            account_id TEXT NOT NULL,
            region TEXT NOT NULL,
            name TEXT,
            creation_date REAL NOT NULL,
            grantee_principal TEXT NOT NULL,
            retiring_principal TEXT,
            issuing_account TEXT NOT NULL,
            operations TEXT NOT NULL,
            constraints TEXT,
            grant_token TEXT NOT NULL UNIQUE
        );
        CREATE INDEX kms_grants_by_key ON kms_grants (key_id);
        CREATE INDEX kms_grants_by_retiring ON kms_grants (retiring_principal);

        -- Every call and every event KMS performs itself, as CloudTrail records them.
        CREATE TABLE audit_events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL UNIQUE,
            event_time REAL NOT NULL,
            event_name TEXT NOT NULL,
            event_source TEXT NOT NULL,
            recipient_account_id TEXT NOT NULL,
            region TEXT NOT NULL,
            username TEXT,
            access_key_id TEXT,
            read_only INTEGER NOT NULL,
            resources TEXT NOT NULL,
            record TEXT NOT NULL
        );
        CREATE INDEX audit_by_time ON audit_events (event_time);
        CREATE INDEX audit_by_name ON audit_events (event_name, event_time);
        CREATE INDEX audit_by_user ON audit_events (username, event_time);

        CREATE TABLE settings (
            name TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        );
        """)
}
