#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <editline/readline.h>

// Ctrl-C: a SIGINT handler installed *without* SA_RESTART, so a blocked read returns EINTR and
// libedit's readline() returns NULL; the REPL then sees the flag and clears the line instead of
// exiting. (Swift's signal() sets SA_RESTART and the read would never return.)
static volatile sig_atomic_t kmsdrill_sigint_seen = 0;

static void kmsdrill_on_sigint(int sig) {
    (void)sig;
    kmsdrill_sigint_seen = 1;
}

static inline int kmsdrill_install_sigint(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = kmsdrill_on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    // A parent may have left SIGINT blocked (threads of some launchers do); it must reach us.
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGINT);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
    return sigaction(SIGINT, &sa, NULL);
}

/// Returns 1 (and clears the flag) if Ctrl-C was pressed since the last call.
static inline int kmsdrill_take_sigint(void) {
    int seen = kmsdrill_sigint_seen;
    kmsdrill_sigint_seen = 0;
    return seen;
}
