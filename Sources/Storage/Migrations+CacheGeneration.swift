extension Migrations {
    /// The tables in-memory caches read from (`AppDatabase.onExternalChange`).
    static let cachedTables = ["kms_keys", "kms_key_materials", "kms_aliases", "kms_grants",
                               "iam_principals", "iam_inline_policies", "settings"]

    /// A counter that every change to a cached table bumps, whoever makes it (this process,
    /// another kmsdrill, the sqlite3 shell). `PRAGMA data_version` alone says only that another
    /// connection committed something, and the audit committer's own connection commits every
    /// few hundred microseconds under load: treating each of those as a change dropped every
    /// cache (keys, grants, IAM policies, the clock) many times a second. Appending audit
    /// records bumps nothing.
    static let cacheGeneration = Migration("2026-12-01-cache-generation", """
        CREATE TABLE cache_generation (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            n INTEGER NOT NULL
        );
        INSERT INTO cache_generation (id, n) VALUES (1, 0);
        """ + cachedTables.map { table in
            ["INSERT", "UPDATE", "DELETE"].map { event in
                """

                CREATE TRIGGER \(table)_\(event.lowercased())_bumps_cache_generation AFTER \(event) ON \(table)
                BEGIN UPDATE cache_generation SET n = n + 1 WHERE id = 1; END;
                """
            }.joined()
        }.joined())
}
