extension Migrations {
    /// Labs and drills: each attempt at a lab (its sandbox, hints, best score, how it ended),
    /// every `lab check` run and each check's outcome, the command lines typed in the lab (its
    /// transcript), the reference solutions a learner chose to see, and interactive drill runs.
    public static let labs = Migration("2026-11-30-labs", """
        CREATE TABLE lab_attempts (
            attempt_id INTEGER PRIMARY KEY AUTOINCREMENT,
            learner TEXT NOT NULL,
            lab_id TEXT NOT NULL,
            -- the sandbox home the attempt works in
            sandbox TEXT NOT NULL,
            -- the learner's home clock (what FSRS schedules by) and the wall clock (how long it took)
            started_at REAL NOT NULL,
            started_wall_at REAL NOT NULL,
            finished_at REAL,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'passed', 'abandoned')),
            hints_used INTEGER NOT NULL DEFAULT 0 CHECK (hints_used >= 0),
            check_runs INTEGER NOT NULL DEFAULT 0 CHECK (check_runs >= 0),
            best_score INTEGER NOT NULL DEFAULT 0 CHECK (best_score >= 0),
            max_score INTEGER NOT NULL CHECK (max_score >= 0),
            solution_viewed INTEGER NOT NULL DEFAULT 0,
            -- the FSRS rating recorded when the attempt ended (1 Again ... 4 Easy)
            rating INTEGER CHECK (rating BETWEEN 1 AND 4),
            CHECK (best_score <= max_score)
        );
        -- At most one attempt per learner and lab is in progress.
        CREATE UNIQUE INDEX lab_attempts_active ON lab_attempts (learner, lab_id) WHERE status = 'active';
        CREATE INDEX lab_attempts_by_learner ON lab_attempts (learner, lab_id, started_at);

        -- Which hint tiers were revealed, for which check.
        CREATE TABLE lab_hints (
            attempt_id INTEGER NOT NULL REFERENCES lab_attempts (attempt_id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            check_id TEXT,
            tier INTEGER NOT NULL CHECK (tier >= 1),
            shown_at REAL NOT NULL,
            PRIMARY KEY (attempt_id, seq)
        );

        -- Each `lab check` run: the score it found, and each check's outcome.
        CREATE TABLE lab_check_runs (
            attempt_id INTEGER NOT NULL REFERENCES lab_attempts (attempt_id) ON DELETE CASCADE,
            run INTEGER NOT NULL CHECK (run >= 1),
            checked_at REAL NOT NULL,
            score INTEGER NOT NULL,
            PRIMARY KEY (attempt_id, run)
        );
        CREATE TABLE lab_check_results (
            attempt_id INTEGER NOT NULL,
            run INTEGER NOT NULL,
            check_id TEXT NOT NULL,
            passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
            points INTEGER NOT NULL,
            reason TEXT,
            PRIMARY KEY (attempt_id, run, check_id),
            FOREIGN KEY (attempt_id, run) REFERENCES lab_check_runs (attempt_id, run) ON DELETE CASCADE
        );

        -- The command lines typed during the attempt (secrets redacted as in the history).
        CREATE TABLE lab_transcript_lines (
            attempt_id INTEGER NOT NULL REFERENCES lab_attempts (attempt_id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            line TEXT NOT NULL,
            exit_status INTEGER NOT NULL,
            PRIMARY KEY (attempt_id, seq)
        );

        CREATE TABLE lab_solution_views (
            learner TEXT NOT NULL,
            lab_id TEXT NOT NULL,
            viewed_at REAL NOT NULL,
            attempt_id INTEGER REFERENCES lab_attempts (attempt_id) ON DELETE SET NULL
        );
        CREATE INDEX lab_solution_views_by_learner ON lab_solution_views (learner, lab_id);

        -- Interactive drill runs and their results.
        CREATE TABLE drill_runs (
            run_id INTEGER PRIMARY KEY AUTOINCREMENT,
            learner TEXT NOT NULL,
            drill_id TEXT NOT NULL,
            started_at REAL NOT NULL,
            finished_at REAL,
            score INTEGER,
            max_score INTEGER NOT NULL,
            passed INTEGER CHECK (passed IN (0, 1)),
            -- the grade as JSON, once finished
            result TEXT
        );
        CREATE INDEX drill_runs_by_learner ON drill_runs (learner, drill_id, started_at);
        """)
}
