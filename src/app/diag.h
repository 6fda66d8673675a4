/* diag.h - the one way messages reach the user outside the screen.
 *
 *    mapscope: SUBJECT: MESSAGE (REASON)
 *
 * SUBJECT is escaped (it may be a hostile file name).  Before anything is
 * printed, the terminal hook (set by the UI) restores the terminal, so no
 * message ever lands on a half-drawn screen. */
#ifndef MAPSCOPE_DIAG_H
#define MAPSCOPE_DIAG_H

#include "core/error.h"

/* Called before any message is printed; the UI sets it while curses is up. */
void diag_set_terminal_hook(void (*restore)(void));

/* Print E about SUBJECT and return its exit status (1 or 2).  One
 * exception: a write error of EPIPE (the reader of a pipe went away:
 * `mapscope ... | head`) is no error to tell: nothing is printed, it is
 * noted and 1 returned, and diag_exit() then ends mapscope as SIGPIPE
 * ends a program that does not ignore it (as --dump ends: it does not).
 * Modes that ignore SIGPIPE to remove what they made (--tour, --demo) so
 * end quietly, once they removed it. */
int diag_error(const char *subject, const Error *e);

/* Print a usage problem, the "Try --help" hint, and return 2. */
int diag_usage(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* A bad option value: "mapscope: OPT 'VALUE': WHAT (WHY)" plus the hint; returns 2.
 * VALUE is escaped, and cut after 64 bytes with "..."; WHAT and WHY are
 * translated already. */
int diag_bad_value(const char *opt, const char *value, const char *what, const char *why);

/* A plain "mapscope: MESSAGE" line for warnings. */
void diag_warn(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* Flush standard output: 0, or 1 after saying why the output failed
 * (a full disk, /dev/full; a closed pipe quietly, as diag_error()). */
int diag_stdout_status(void);

/* What main() returns for a mode's STATUS: it does not return after a
 * broken pipe (see above). */
int diag_exit(int status);

#endif
