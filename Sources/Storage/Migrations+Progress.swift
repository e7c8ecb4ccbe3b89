extension Migrations {
    /// Learners and their FSRS parameters, card states, the append-only review log, quiz, review
    /// and exam sessions with every answer, and which lessons each learner has read.
    ///
    /// Every date is epoch seconds (REAL). Review times are whole seconds (see
    /// `SQLiteProgressStore.recordReview`), so every stored schedule is exact and replays bit for bit.
    public static let progress = Migration("2026-11-30-progress", """
        CREATE TABLE learners (
            name TEXT PRIMARY KEY NOT NULL CHECK (length(name) BETWEEN 1 AND 32),
            created_at REAL NOT NULL,
            -- the scheduler_parameters row in force now
            parameters_id INTEGER NOT NULL REFERENCES scheduler_parameters (id)
        );

        -- Every parameter set a learner has had, append-only, so a review log entry can always be
        -- replayed under the parameters that produced it.
        CREATE TABLE scheduler_parameters (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            learner TEXT NOT NULL,
            set_at REAL NOT NULL,
            model_version TEXT NOT NULL,
            -- the weights w0..w20 as a JSON array
            weights TEXT NOT NULL CHECK (json_valid(weights) AND json_array_length(weights) = 21),
            desired_retention REAL NOT NULL CHECK (desired_retention > 0 AND desired_retention <= 1),
            -- learning and relearning steps (seconds, JSON arrays), maximum interval (days), fuzz,
            -- and the same-day Hard floor
            learning_steps TEXT NOT NULL CHECK (json_valid(learning_steps)),
            relearning_steps TEXT NOT NULL CHECK (json_valid(relearning_steps)),
            maximum_interval INTEGER NOT NULL CHECK (maximum_interval >= 1),
            enable_fuzz INTEGER NOT NULL CHECK (enable_fuzz IN (0, 1)),
            same_day_hard_floor INTEGER NOT NULL CHECK (same_day_hard_floor IN (0, 1))
        );
        CREATE INDEX scheduler_parameters_by_learner ON scheduler_parameters (learner, id);

        -- One row per learner and card: a question id, or "lab:<id>" for a lab.
        CREATE TABLE study_cards (
            learner TEXT NOT NULL REFERENCES learners (name),
            card_id TEXT NOT NULL CHECK (length(card_id) > 0),
            state INTEGER NOT NULL CHECK (state IN (1, 2, 3)),
            step INTEGER,
            stability REAL CHECK (stability IS NULL OR stability > 0),
            difficulty REAL CHECK (difficulty IS NULL OR difficulty BETWEEN 1 AND 10),
            due REAL NOT NULL,
            last_review REAL,
            reviews INTEGER NOT NULL DEFAULT 0 CHECK (reviews >= 0),
            lapses INTEGER NOT NULL DEFAULT 0 CHECK (lapses >= 0),
            PRIMARY KEY (learner, card_id)
        ) WITHOUT ROWID;
        CREATE INDEX study_cards_due ON study_cards (learner, due);

        -- Quizzes, reviews and exams. A session a kill interrupted keeps outcome NULL.
        CREATE TABLE study_sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            learner TEXT NOT NULL REFERENCES learners (name),
            kind TEXT NOT NULL CHECK (kind IN ('quiz', 'review', 'exam')),
            started_at REAL NOT NULL,
            finished_at REAL,
            outcome TEXT CHECK (outcome IN ('completed', 'quit', 'timed-out')),
            -- the question ids planned, in order, as a JSON array
            question_ids TEXT NOT NULL CHECK (json_valid(question_ids)),
            -- what the learner asked for: "topic=rotation", "lesson=key-types", ...
            filter TEXT,
            time_limit REAL CHECK (time_limit IS NULL OR time_limit > 0),
            score INTEGER CHECK (score IS NULL OR score BETWEEN 100 AND 1000),
            passed INTEGER CHECK (passed IS NULL OR passed IN (0, 1))
        );
        CREATE INDEX study_sessions_by_learner ON study_sessions (learner, started_at);

        -- The append-only review log: enough to replay every schedule and to fit parameters later.
        CREATE TABLE review_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            learner TEXT NOT NULL REFERENCES learners (name),
            card_id TEXT NOT NULL,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            reviewed_at REAL NOT NULL,
            duration REAL CHECK (duration IS NULL OR duration >= 0),
            parameters_id INTEGER NOT NULL REFERENCES scheduler_parameters (id),
            source TEXT NOT NULL CHECK (source IN ('quiz', 'review', 'exam', 'lab', 'drill')),
            session_id INTEGER REFERENCES study_sessions (id),
            fuzz_draw REAL CHECK (fuzz_draw IS NULL OR (fuzz_draw >= 0 AND fuzz_draw < 1)),
            before_state INTEGER NOT NULL CHECK (before_state IN (1, 2, 3)),
            before_step INTEGER,
            before_stability REAL,
            before_difficulty REAL,
            before_due REAL NOT NULL,
            before_last_review REAL,
            after_state INTEGER NOT NULL CHECK (after_state IN (1, 2, 3)),
            after_step INTEGER,
            after_stability REAL NOT NULL,
            after_difficulty REAL NOT NULL,
            after_due REAL NOT NULL,
            after_last_review REAL NOT NULL
        );
        CREATE INDEX review_log_by_learner ON review_log (learner, seq);
        CREATE TRIGGER review_log_no_update BEFORE UPDATE ON review_log
            BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END;
        CREATE TRIGGER review_log_no_delete BEFORE DELETE ON review_log
            BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END;

        -- Every answer of a session, written before the next question is shown. An exam answer
        -- is replaced when the learner changes it; its review is linked when the exam ends.
        CREATE TABLE session_answers (
            session_id INTEGER NOT NULL REFERENCES study_sessions (id),
            position INTEGER NOT NULL CHECK (position >= 1),
            question_id TEXT NOT NULL,
            -- the option indices (as written) in the order shown, as a JSON array
            option_order TEXT NOT NULL CHECK (json_valid(option_order)),
            -- letters chosen, "A,C"; empty for do-it answers and giving up
            chosen TEXT NOT NULL,
            given_answer TEXT,
            expected_answer TEXT,
            correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
            gave_up INTEGER NOT NULL CHECK (gave_up IN (0, 1)),
            attempts INTEGER NOT NULL CHECK (attempts >= 0),
            flagged INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1)),
            shown_at REAL,
            answered_at REAL NOT NULL,
            duration REAL NOT NULL CHECK (duration >= 0),
            derived_rating INTEGER CHECK (derived_rating IS NULL OR derived_rating BETWEEN 1 AND 4),
            rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 4),
            review_seq INTEGER REFERENCES review_log (seq),
            PRIMARY KEY (session_id, position)
        ) WITHOUT ROWID;

        CREATE TABLE lesson_reads (
            learner TEXT NOT NULL REFERENCES learners (name),
            lesson_id TEXT NOT NULL,
            first_read REAL NOT NULL,
            last_read REAL NOT NULL,
            times INTEGER NOT NULL DEFAULT 1 CHECK (times >= 1),
            PRIMARY KEY (learner, lesson_id)
        ) WITHOUT ROWID;
        """)
}
