#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro over a function-pointer cast Swift cannot import.
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }

// Closing the last connection normally checkpoints the WAL into the database file with several
// fsyncs (tens of milliseconds); a one-shot `kmsdrill -c` would pay that on every run. Committed
// transactions are already durable in the WAL, so leave the checkpoint to the automatic one.
static inline int csqlite_no_checkpoint_on_close(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)0);
}
