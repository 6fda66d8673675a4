/* view.h - what every screen view provides.
 *
 * A view fills one const ViewOps table: drawing, its key map, its commands,
 * and how it reacts to a new size.  The screen keeps a stack of views (the
 * hex view, help on top of it ...); keys go to the top view first, then to
 * the screen's global keys.  A new view (the object list, say) is a new file
 * with a new table: nothing else branches on which view is which. */
#ifndef MAPSCOPE_VIEW_H
#define MAPSCOPE_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "app/command.h"
#include "app/session.h"
#include "app/objtable.h"
#include "app/options.h"

typedef struct Ui Ui;
typedef struct View View;
typedef struct TextScroll TextScroll;    /* ui/textscroll.h */

/* One key of a key map.  LABEL is how help shows the key (NULL: the row is
 * an alias of the row above and help shows it on the same line). */
typedef struct {
   int key;
   const char *label;
   const char *help;              /* N_() */
   void (*run)(View *v);          /* ui_count() is the count typed before the key */
} KeyBinding;

typedef struct ViewOps {
   const char *name;
   /* Draw into rows [0, ROWS) of the screen, COLS wide. */
   void (*draw)(View *v, int rows, int cols);
   /* The right part of the status line (the cursor, say); may be NULL. */
   void (*status)(View *v, char *out, size_t outsz);
   /* A key the key map does not hold; true if the view used it.  May be NULL. */
   bool (*key)(View *v, int key);
   /* The screen changed size (also called before the first draw). */
   void (*resize)(View *v, int rows, int cols);
   void (*close)(View *v);
   const KeyBinding *keys;
   size_t key_count;
   const Command *commands;       /* ctx of each command: the View */
   size_t command_count;
   /* Sees every key before the key map (edit mode types with them); true
    * if the view used it.  May be NULL. */
   bool (*intercept)(View *v, int key);
   /* Called about once a second for every view on the stack (the object
    * list refreshes itself); true if the screen must be redrawn.  May be
    * NULL. */
   bool (*tick)(View *v);
   /* Milliseconds until the top view wants to be drawn again (the live
    * view re-reads shared memory), -1 for never: the wait for a key ends
    * then, so intervals shorter than the tick work.  May be NULL. */
   int (*timer)(View *v);
   /* The session the view holds (the hex view holds one each), or NULL
    * when it holds none.  May be NULL. */
   Session *(*session)(View *v);
   /* The descriptor of a job the view runs in the background (libmagic's
    * child), -1 when none runs; when it is readable the screen calls
    * job_done (which waits at most TIMEOUT_MS for the answer) and redraws.
    * Scripts wait for the job before their next step, so they see
    * finished screens.  Both may be NULL. */
   int (*job_fd)(View *v);
   void (*job_done)(View *v, int timeout_ms);
   /* A text view (help, messages, the life, the tour): how far it is
    * scrolled.  The keys of ui/textscroll.h then scroll it, after the
    * view's own keys, and help lists them.  May be NULL. */
   TextScroll *(*text)(View *v);
} ViewOps;

struct View {
   const ViewOps *ops;
   Ui *ui;
   View *below;                   /* the view under this one on the stack */
   void *state;                   /* the view's own data */
};

/* A view and its zeroed state of STATE_SIZE bytes, for OPS; NULL when
 * memory runs out.  view_free() frees both (close hooks call it last). */
View *view_new(Ui *ui, const ViewOps *ops, size_t state_size);
void view_free(View *v);
/* Say "terminal too small" in rows [0, ROWS) of COLS columns: the one way
 * every view and the screen say it. */
void view_draw_too_small(int rows, int cols);

/* ---- what the screen offers its views (ui.c) ---- */
/* The session of the topmost view that holds one; NULL when none does. */
Session *ui_session(Ui *ui);
/* The status line's message: the session's of the top view when it holds
 * one (its commands report there), else the screen's own. */
void ui_message(Ui *ui, bool is_error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void ui_clear_message(Ui *ui);
void ui_push(Ui *ui, View *v);
void ui_pop(Ui *ui);               /* closes the top view */
void ui_request_quit(Ui *ui);
void ui_open_prompt(Ui *ui, const char *initial);
/* The count typed before the key being run (5 in 5j), 1 when none; keys
 * that move use it as a factor, others (n, u) run that often. */
unsigned long ui_count(Ui *ui);
bool ui_has_count(Ui *ui);
/* The I-th message shown (oldest first), NULL past the last. */
#define UI_LOG_MAX 64
const char *ui_log(Ui *ui, unsigned i);
/* The global key map and commands, for help. */
const KeyBinding *ui_global_keys(size_t *count);
const Command *ui_global_commands(size_t *count);
unsigned ui_forced_cols(Ui *ui);
unsigned ui_refresh_ms(Ui *ui);        /* --refresh, 0 for the default */

/* Open the listed object SPEC names in a new session (refused when it now
 * leads to another object: ERR_SWAPPED) and push the hex view above the
 * top view; q and Esc in that view come back.  False (E says why, nothing
 * changed) when SPEC cannot be opened, or a session is open already. */
bool ui_open_source(Ui *ui, const ObjOpenSpec *spec, Error *e);
/* The view ui_open_source() opened last, while it is open; NULL otherwise. */
View *ui_source_view(Ui *ui);
/* V (a hex view of a process's memory) shows the object DEV:INO (DEV
 * PLATFORM_DEV_ANY: any device) as the process maps it: it says when the
 * region there maps another.  Nothing for other views. */
void view_hex_expect_object(View *v, uint64_t dev, uint64_t ino);
/* End the screen; ui_main_objects() reports E once the terminal is back. */
void ui_fail(Ui *ui, const Error *e);

/* The views.  view_hex_open() opens SPEC with CFG in a session of the
 * view's own (no terminal needed: errors come before the screen starts). */
View *view_hex_open(Ui *ui, const char *spec, const SessionConfig *cfg, Error *e);
View *view_objects_new(Ui *ui, const ObjTableScope *cfg, const Options *o);
/* Who holds O, kept up to date from TABLE (the list's, which outlives it). */
View *view_attachers_new(Ui *ui, const ObjTable *table, const Obj *o);
View *view_help_new(Ui *ui, const View *about);
/* The regions of process PID (mapscope pid:PID); NULL with E when they
 * cannot be read (no terminal needed: errors come before the screen). */
View *view_regions_new(Ui *ui, int pid, Error *e);
View *view_messages_new(Ui *ui);
/* The tour (app/tour.h): makes the tour's objects, which closing the view
 * removes; NULL with E set when they cannot be made. */
View *view_tour_new(Ui *ui, Error *e);

/* Run the key map of V for KEY; true if it held the key. */
bool view_run_key(View *v, const KeyBinding *keys, size_t count, int key);

#endif
