extension Migrations {
    /// The simulated services' resources (S3 buckets and objects, EBS volumes and snapshots, RDS
    /// instances and snapshots, DynamoDB tables and items, the services' AWS owned keys and cached
    /// data keys): one document per resource, and its sealed content.
    public static let services = Migration("2026-11-30-services", """
        CREATE TABLE service_records (
            service TEXT NOT NULL,
            kind TEXT NOT NULL,
            -- the owning account, or 'aws' for what lives outside every account (AWS owned keys)
            account_id TEXT NOT NULL,
            region TEXT NOT NULL,
            name TEXT NOT NULL,
            -- the resource's metadata as JSON; never a plaintext key or plaintext content
            document TEXT NOT NULL,
            -- the resource's content: ciphertext when the resource is encrypted
            payload BLOB,
            PRIMARY KEY (service, kind, account_id, region, name)
        ) WITHOUT ROWID;
        -- S3 bucket names are global: found by name across accounts and Regions.
        CREATE INDEX service_records_by_name ON service_records (service, kind, name);
        """)
}
