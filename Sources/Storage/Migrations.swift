/// The schema of a KMS Drill home, as named, append-only migrations.
public enum Migrations {
    public static let all: [Migration] = [engineCore, iamPrincipals, services, progress, cloudTrail, labs, cacheGeneration]

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

    /// IAM users and roles with inline policies, and the principals a fresh home starts with:
    /// account 111122223333 (admin, alice, bob, auditor, AppRole) and 444455556666 (carol).
    static let iamPrincipals = Migration("2026-11-29-iam-principals", """
        CREATE TABLE iam_principals (
            kind TEXT NOT NULL CHECK (kind IN ('user', 'role')),
            account_id TEXT NOT NULL CHECK (length(account_id) = 12),
            name TEXT NOT NULL,
            id TEXT NOT NULL UNIQUE,
            path TEXT NOT NULL DEFAULT '/',
            create_date REAL NOT NULL,
            assume_role_policy TEXT,
            description TEXT,
            PRIMARY KEY (kind, account_id, name)
        );
        CREATE TABLE iam_inline_policies (
            principal_kind TEXT NOT NULL,
            account_id TEXT NOT NULL,
            principal_name TEXT NOT NULL,
            policy_name TEXT NOT NULL,
            document TEXT NOT NULL,
            PRIMARY KEY (principal_kind, account_id, principal_name, policy_name),
            FOREIGN KEY (principal_kind, account_id, principal_name)
                REFERENCES iam_principals (kind, account_id, name) ON DELETE CASCADE
        );
        INSERT INTO iam_principals (kind, account_id, name, id, create_date, assume_role_policy, description) VALUES
            ('user', '111122223333', 'admin', 'AIDA6MDBMLGWWZRRSUCU', 1767225600, NULL, NULL),
            ('user', '111122223333', 'alice', 'AIDANJ6QG3LES3DJU5RY', 1767225600, NULL, NULL),
            ('user', '111122223333', 'bob', 'AIDA2FPBEJXD2NKALRRM', 1767225600, NULL, NULL),
            ('user', '111122223333', 'auditor', 'AIDA3RKWUV77KHBF2TSM', 1767225600, NULL, NULL),
            ('role', '111122223333', 'AppRole', 'AROAJDHIQ4FQKP7OLVY7', 1767225600,
             '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
             'The application''s role: what a service running the app acts as.'),
            ('user', '444455556666', 'carol', 'AIDAUC3GCWKFCTBVT6TG', 1767225600, NULL, NULL);
        INSERT INTO iam_inline_policies (principal_kind, account_id, principal_name, policy_name, document) VALUES
            ('user', '111122223333', 'admin', 'AdministratorAccess',
             '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'),
            ('user', '111122223333', 'auditor', 'AuditReadOnly',
             '{"Version":"2012-10-17","Statement":[{"Sid":"ReadAuditTrail","Effect":"Allow","Action":["cloudtrail:LookupEvents","cloudtrail:Describe*","cloudtrail:Get*","cloudtrail:List*"],"Resource":"*"},{"Sid":"ReadKeyMetadata","Effect":"Allow","Action":["kms:Describe*","kms:Get*","kms:List*"],"Resource":"*"}]}'),
            ('user', '444455556666', 'carol', 'AdministratorAccess',
             '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}');
        """)
}
