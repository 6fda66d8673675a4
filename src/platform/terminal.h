/* terminal.h - what the screen needs from the system besides curses: is
 * this a terminal, does it speak UTF-8, and the signals a terminal sends
 * (quit: SIGINT, SIGTERM, SIGHUP, SIGQUIT; suspend: SIGTSTP; continue: SIGCONT).
 * Window size changes (SIGWINCH) reach curses itself as KEY_RESIZE.
 *
 * Signals only set flags here (no SA_RESTART: a signal wakes a wait in
 * platform_wait_readable() with EINTR); the screen's loop reads them. */
#ifndef MAPSCOPE_PLATFORM_TERMINAL_H
#define MAPSCOPE_PLATFORM_TERMINAL_H

#include <stdbool.h>

#include "platform/files.h"

/* Standard input and standard output are both terminals. */
bool platform_terminal_interactive(void);

/* The locale's character set is UTF-8 (nl_langinfo(CODESET)). */
bool platform_terminal_utf8(void);

/* The handle keys arrive on (standard input). */
PlatformHandle platform_terminal_input(void);

/* Let C-s and C-q reach the program as keys: the terminal's output flow
 * control (termios IXON and IXOFF) off on standard input.  The screen
 * calls it once curses holds the terminal, which puts the flags back with
 * the rest of the user's settings on exit and suspend.  Nothing happens
 * where standard input is not a terminal. */
void platform_terminal_flow_control_off(void);

/* From now on quit, suspend and continue signals set flags. */
void platform_terminal_signals_begin(void);
/* Back to the system's defaults. */
void platform_terminal_signals_end(void);

/* Called when the terminal input was reported readable but gave no key:
 * when the terminal is gone (its other end closed: poll(2) says POLLHUP,
 * POLLERR or POLLNVAL, or read(2) fails with EIO), take it as the hang-up
 * signal, so the screen ends (status 129) instead of waiting on a
 * descriptor that is always "readable".  True when it was gone. */
bool platform_terminal_check_hangup(void);

/* Some flag is set (a reason to stop waiting for keys). */
bool platform_terminal_signalled(void);

/* A quit signal came (until platform_terminal_quit_clear()). */
bool platform_terminal_quit_requested(void);
/* The quit was an interrupt (Ctrl-C), which the screen may take as a key. */
bool platform_terminal_quit_interrupted(void);
void platform_terminal_quit_clear(void);
/* The exit status the quit signal asks for: 0 for none or an interrupt,
 * 128 + the signal's number otherwise (as a shell reports it). */
int platform_terminal_quit_status(void);
/* The quit signal's name ("SIGTERM", "SIGHUP" ...), NULL when none came. */
const char *platform_terminal_quit_name(void);

/* Take the continue flag (the terminal came back: redraw). */
bool platform_terminal_take_continue(void);
/* Take the suspend flag. */
bool platform_terminal_take_suspend(void);
/* Stop the process as the suspend signal would, until it is continued. */
void platform_terminal_suspend(void);

#endif
