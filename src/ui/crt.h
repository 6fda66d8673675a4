/* crt.h - the terminal: curses start and stop, signals, colours, keys.
 *
 * The one module that owns curses' life cycle.  While the screen is up it
 * hooks app/diag.h so that the terminal is restored before any message is
 * printed, and it turns signals into flags the main loop reads:
 * SIGINT/SIGTERM/SIGHUP quit cleanly, SIGTSTP suspends (the screen is put
 * away first and redrawn on return), SIGCONT redraws, SIGWINCH comes back
 * from curses as KEY_RESIZE. */
#ifndef MAPSCOPE_CRT_H
#define MAPSCOPE_CRT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
   CRT_COLOR_AUTO,
   CRT_COLOR_ALWAYS,
   CRT_COLOR_NEVER
} CrtColorMode;

/* What is drawn, each with a colour and a look without colour. */
typedef enum {
   CRT_NORMAL,
   CRT_TITLE,
   CRT_STATUS,
   CRT_ERROR,
   CRT_OFFSET,
   CRT_BYTE_NUL,
   CRT_BYTE_PRINT,
   CRT_BYTE_SPACE,
   CRT_BYTE_OTHER,
   CRT_CURSOR,
   CRT_PANE,
   CRT_HEADING,
   CRT_EDITED,         /* bytes changed by an edit not flushed */
   CRT_CURSOR_OTHER,   /* the cursor in the pane not typed into */
   CRT_MATCH,          /* search matches */
   CRT_CHANGED,        /* live view: changed at the last refresh */
   CRT_CHANGED_2,      /* ... one refresh before */
   CRT_CHANGED_1,      /* ... two refreshes before: the last step of the fading */
   CRT_STYLE_COUNT
} CrtStyle;

/* Pseudo-keys beyond curses' own codes. */
enum {
   CRT_KEY_WHEEL_UP = 0x10000,
   CRT_KEY_WHEEL_DOWN,
   CRT_KEY_CLICK,       /* the left button; crt_click() says where */
   CRT_KEY_NONE
};

/* Start curses.  False (with nothing changed) when stdin or stdout is not
 * a terminal curses can drive. */
bool crt_start(CrtColorMode mode);
/* Whether stdin and stdout are terminals (what crt_start() needs first). */
bool crt_terminal(void);
/* Put the terminal back as it was; safe to call more than once, and from
 * the diag hook or atexit. */
void crt_stop(void);

/* Where the last CRT_KEY_CLICK was (screen row and column, from 0); false
 * before any.  Key scripts set it with crt_set_click(). */
bool crt_click(int *y, int *x);
void crt_set_click(int y, int x);

bool crt_utf8(void);
/* "…" where the terminal shows UTF-8, "..." elsewhere. */
const char *crt_ellipsis(void);

/* ---- text: the one way text reaches the screen ----------------------------
 * Every text drawn goes through crt_safe() first (core/escape.h
 * escape_screen_into()): control characters, bytes that are not UTF-8 and
 * the characters that reorder or break a line (bidi controls, U+2028/9)
 * are drawn as escapes (\u202e, \e, \xNN), whatever the text is (typed at
 * the prompt, a message that quotes it, a name, a translation).  No other
 * file of src/ui draws text with curses (tests/cli/layers.sh checks).
 * Text escaped before passes unchanged.  Code that lays text out measures
 * it with crt_cols(), or lays out crt_safe()'s copy. */

/* TEXT as it is drawn, into OUT (OUTSZ bytes, always terminated, whole
 * escapes only).  Returns OUT. */
char *crt_safe(char *out, size_t outsz, const char *text);
/* The columns TEXT takes as it is drawn. */
size_t crt_cols(const char *text);
/* Draw TEXT at Y, X in at most COLS columns (measured, not counted in
 * bytes), cut at the last whole character that fits.  Returns the columns
 * drawn. */
int crt_put(int y, int x, const char *text, int cols);
/* crt_put() of the first LEN bytes of TEXT (a line of wrapped text). */
int crt_put_len(int y, int x, const char *text, size_t len, int cols);
/* Draw TEXT at Y, X in at most COLS columns: whole when it fits, cut with
 * an ellipsis otherwise (after the last whole word with WORDS).  Returns
 * the columns drawn. */
int crt_put_cut(int y, int x, const char *text, int cols, bool words);
/* Draw the end of TEXT that fits in COLS columns (where the typing is, at
 * a prompt longer than the screen).  Returns the columns drawn. */
int crt_put_tail(int y, int x, const char *text, int cols);
int crt_attr(CrtStyle style);

/* Wait up to TIMEOUT_MS for a key on the terminal or for one of the N (at
 * most 4) descriptors FDS (-1 entries are ignored) to become readable.
 * Returns a key, or CRT_KEY_NONE when there is none (time out, a signal, or
 * a descriptor is ready: READY[i] says which). */
int crt_wait(int timeout_ms, const int *fds, size_t n, bool *ready);
/* A key typed ahead (already sent by the terminal, or held by curses),
 * without waiting: CRT_KEY_NONE when none is pending.  A paste is read so,
 * key after key, before the screen is drawn again. */
int crt_pending_key(void);

/* Signal flags, read and cleared by the main loop. */
bool crt_quit_requested(void);
/* The quit came from Ctrl-C (SIGINT), which the screen may answer with a
 * question instead; crt_quit_clear() forgets it. */
bool crt_quit_interrupted(void);
void crt_quit_clear(void);
/* The exit status a quit by signal asks for: 0 for Ctrl-C (the user's way
 * out), 128 + the signal for SIGTERM and SIGHUP. */
int crt_quit_status(void);
/* The quit signal's name ("SIGTERM" ...), NULL when none came. */
const char *crt_quit_name(void);
/* Suspend now if Ctrl-Z asked for it; true when the screen must be redrawn. */
bool crt_handle_suspend(void);

#endif
