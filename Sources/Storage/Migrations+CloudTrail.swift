extension Migrations {
    /// CloudTrail: the event history's chain and per-account lookup indexes, trails, what they
    /// delivered, the trail buckets' contents, and the digest signing keys.
    ///
    /// The event history indexes are replaced by ones that lead with account and Region: every
    /// lookup is for one account in one Region, newest first, and the old indexes made a lookup
    /// for one user walk every account's rows.
    static let cloudTrail = Migration("2026-11-30-cloudtrail", """
        -- SHA-256(previous row's chain || SHA-256(record)): editing, deleting, inserting or
        -- reordering rows breaks it from that row on.
        ALTER TABLE audit_events ADD COLUMN chain BLOB;

        DROP INDEX audit_by_time;
        DROP INDEX audit_by_name;
        DROP INDEX audit_by_user;
        CREATE INDEX audit_history ON audit_events (recipient_account_id, region, event_time);
        CREATE INDEX audit_history_by_name ON audit_events (recipient_account_id, region, event_name, event_time);
        CREATE INDEX audit_history_by_user ON audit_events (recipient_account_id, region, username, event_time);

        CREATE TABLE cloudtrail_trails (
            trail_arn TEXT PRIMARY KEY NOT NULL,
            account_id TEXT NOT NULL CHECK (length(account_id) = 12),
            home_region TEXT NOT NULL,
            name TEXT NOT NULL,
            s3_bucket_name TEXT NOT NULL,
            s3_key_prefix TEXT,
            sns_topic_name TEXT,
            include_global_service_events INTEGER NOT NULL,
            is_multi_region_trail INTEGER NOT NULL,
            log_file_validation_enabled INTEGER NOT NULL,
            kms_key_id TEXT,
            created_at REAL NOT NULL,
            is_logging INTEGER NOT NULL DEFAULT 0,
            start_logging_time REAL,
            stop_logging_time REAL,
            latest_delivery_time REAL,
            latest_digest_delivery_time REAL,
            delivered_through_seq INTEGER NOT NULL DEFAULT 0,
            UNIQUE (account_id, home_region, name)
        );

        -- Where each Region's digest chain of a trail stands.
        CREATE TABLE cloudtrail_digest_chains (
            trail_arn TEXT NOT NULL REFERENCES cloudtrail_trails (trail_arn) ON DELETE CASCADE,
            region TEXT NOT NULL,
            next_start REAL NOT NULL,
            previous_bucket TEXT,
            previous_key TEXT,
            previous_hash TEXT,
            previous_signature TEXT,
            PRIMARY KEY (trail_arn, region)
        );

        -- CloudTrail's own record of what it delivered (the bytes are in the bucket).
        CREATE TABLE cloudtrail_deliveries (
            trail_arn TEXT NOT NULL,
            region TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('log', 'digest')),
            delivered_at REAL NOT NULL,
            bucket TEXT NOT NULL,
            key TEXT NOT NULL,
            hash TEXT NOT NULL,
            oldest_event_time REAL,
            newest_event_time REAL,
            record_count INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (trail_arn, region, kind, delivered_at, key)
        );

        -- The trail buckets: each log file and digest exactly as delivered (the bytes hashed and
        -- signed), with the S3 user metadata that holds a digest's signature.
        CREATE TABLE cloudtrail_bucket_objects (
            bucket TEXT NOT NULL,
            key TEXT NOT NULL,
            body BLOB NOT NULL,
            metadata TEXT NOT NULL DEFAULT '{}',
            last_modified REAL NOT NULL,
            PRIMARY KEY (bucket, key)
        );

        -- Digest signing keys, one at a time per Region: the private half only sealed under the
        -- HSM root key (which never enters this database).
        CREATE TABLE cloudtrail_signing_keys (
            fingerprint TEXT PRIMARY KEY NOT NULL,
            region TEXT NOT NULL,
            public_key BLOB NOT NULL,
            wrapped_private_key BLOB NOT NULL,
            valid_from REAL NOT NULL,
            valid_until REAL NOT NULL
        );
        CREATE INDEX cloudtrail_signing_keys_by_region ON cloudtrail_signing_keys (region, valid_from);
        """)
}
