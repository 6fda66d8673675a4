/* view_hex.h - the parts of the hex view, shared by view_hex*.c only. */
#ifndef MAPSCOPE_VIEW_HEX_H
#define MAPSCOPE_VIEW_HEX_H

#include "app/sizenote.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ui/view.h"
#include "app/finder.h"
#include "app/live.h"
#include "app/procview.h"
#include "core/hexrow.h"

typedef struct HexMagic HexMagic;   /* view_hex_magic.c */

/* What the mapping pane shows besides its heading. */
typedef enum {
   HEX_PANE_CALLS,            /* the calls, the arithmetic, the page map, the data */
   HEX_PANE_WHATIF,           /* the request at 4 KiB, 64 KiB, 2 MiB */
   HEX_PANE_FIGURES,          /* the page map, its legend, the smaps figures */
   HEX_PANE_SECTIONS
} HexPaneSection;

typedef struct {
   bool mapping;              /* the mapping pane is shown */
   HexPaneSection section;    /* which of its sections */
   unsigned char *buf;        /* the visible bytes, copied out of the window */
   size_t cap;
   char *source;              /* the SOURCE, escaped */
   bool editing;              /* edit mode: keys type into the object */
   bool text_pane;            /* the cursor is in the text pane */
   bool low_nibble;           /* the next hex digit sets the low half */
   const char *edit_note;     /* the edit mode's message while it is shown, else NULL */
   Finder *finder;            /* the last search (NULL before any) */
   unsigned char *mark;       /* per visible byte: inside a match */
   size_t mark_cap;
   unsigned search_polls;     /* cancel polls of the search running */
   uint64_t search_drawn;     /* when its progress was last drawn (ms) */
   uint64_t search_done, search_total;   /* its progress */
   bool started;              /* the live view runs (paused or not) */
   bool live;                 /* re-read every interval (not paused) */
   bool refresh_now;          /* re-read at the next draw (:refresh) */
   unsigned interval_ms;
   uint64_t refreshed_at;     /* ms, platform_clock_ms() */
   LiveDiff diff;             /* what changed, and how long ago */
   unsigned rewritten;        /* the session's count when last drawn */
   bool big_endian;           /* the data inspector's byte order */
   HexMagic *magic;           /* libmagic at the cursor and its scan (NULL before any) */
   int values_max_rows;       /* rows of inspector cells that fit (hex_draw sets it) */
   int pending;               /* m or ' typed: a mark letter is next */
   int64_t half_rows;         /* rows C-d and C-u scroll once given (N C-d), 0: half a screen */
   SizeNote pane_note;        /* the mapping pane does not fit the screen */
   SizeNote cols_note;        /* --cols does not fit the screen's width */
   uint64_t jump_from;        /* the cursor before a jump (view_hex_jump_start) */
   /* Where the rows were last drawn, to find the byte under a click. */
   bool laid_out;
   int first_row, data_rows;
   HexrowLayout layout;
   /* Bytes read, not mapped (view_hex_proc.c): which visible ones could
    * not be read, the run last said, the process under them. */
   unsigned char *bad;
   size_t bad_cap;
   SourceFault fault;
   bool fault_said;
   char fault_text[256];      /* the message that said it */
   bool proc_gone;            /* the source can no longer be read */
   size_t shown;              /* the bytes read last, at SHOWN_TOP */
   uint64_t shown_top;
   /* What the hex pane last read: READ_LEN bytes from READ_TOP (0: none,
    * a fault); why not, when it could not (the message it gave). */
   uint64_t read_top;
   size_t read_len;
   char unread_why[256];
   int proc_pid;              /* a process's memory: its pid, else 0 */
   ProcView proc;
   Session session;           /* the object this view shows */
} HexState;

/* Every view_hex*.c reaches the view's state and its session this way. */
static inline HexState *view_hex_state(View *v) { return v->state; }
static inline Session *view_hex_session(View *v) { return &view_hex_state(v)->session; }

/* Draw TEXT from row Y wrapped at COLS (later lines indented), when DRAW;
 * returns the rows it takes. */
int view_hex_put_wrapped(int y, const char *text, int cols, bool draw);

/* ---- editing (view_hex_edit.c) ---- */

/* Edit mode takes the keys it types with before the key map. */
bool view_hex_edit_intercept(View *v, int key);
void view_hex_edit_toggle(View *v);
void view_hex_edit_tab(View *v);
void view_hex_edit_undo(View *v);
void view_hex_edit_redo(View *v);
void view_hex_edit_flush(View *v);
CommandStatus view_hex_cmd_flush(void *ctx, const char *args);
CommandStatus view_hex_cmd_flush_force(void *ctx, const char *args);
CommandStatus view_hex_cmd_recover(void *ctx, const char *args);
CommandStatus view_hex_cmd_recover_force(void *ctx, const char *args);
CommandStatus view_hex_cmd_undo(void *ctx, const char *args);
CommandStatus view_hex_cmd_redo(void *ctx, const char *args);
CommandStatus view_hex_cmd_discard(void *ctx, const char *args);
CommandStatus view_hex_cmd_reopen_discard(void *ctx, const char *args);
CommandStatus view_hex_cmd_edit(void *ctx, const char *args);

/* The title's edit field ("" when nothing is edited). */
void view_hex_edit_title(View *v, char *out, size_t outsz);
/* The status line's mode ("" outside edit mode). */
const char *view_hex_edit_mode(View *v);
/* Mark the pages copy-on-write has copied over the page map line drawn at
 * Y, X for the window's pages [FROM, FROM + N). */
void view_hex_edit_pagemap(View *v, int y, int x, size_t from, size_t n);
/* The private (copy-on-write) mapping that holds the edits at the cursor,
 * as the mmap() and MapViewOfFile(FILE_MAP_COPY) calls that made it: the
 * lines it takes (wrapped at COLS; 0 when no edit has mapped one there),
 * drawn from row Y when DRAW. */
int view_hex_edit_calls(View *v, int y, int cols, bool draw);
/* Copied pages of the current window (for the pane's heading). */
size_t view_hex_edit_copied(View *v);

/* ---- the page map and the pane's sections (view_hex_pane.c) ---- */

/* A draw begins: what the system says of the window is asked again. */
void view_hex_pane_begin(View *v);

/* Rows of the page map at COLS (with the line that says where residency
 * came from when it was not cachestat()), and drawing it from row Y. */
int view_hex_pagemap_rows(View *v, int cols);
void view_hex_pagemap_draw(View *v, int y, int cols);
/* The window's page count and its resident pages, for the heading; false
 * when nothing tells the truth about them. */
bool view_hex_pagemap_count(View *v, size_t *pages, size_t *resident);
/* The rows of the section shown (not HEX_PANE_CALLS), its heading, and
 * drawing it from row Y. */
int view_hex_section_rows(View *v, int cols);
void view_hex_section_draw(View *v, int y, int cols);
void view_hex_section_heading(View *v, int cols, char *out, size_t outsz);
/* The smaps figures of the window and the edits' copy: rows, drawn when DRAW. */
int view_hex_figures(View *v, int y, int cols, bool draw);
void view_hex_section_next(View *v);                          /* S */
CommandStatus view_hex_cmd_mapping(void *ctx, const char *args);  /* :mapping [SECTION] */
/* The life of the object, a view of its own (view_life.c). */
void view_hex_life(View *v);                                  /* L */

/* ---- search (view_hex_search.c) ---- */

void view_hex_search_slash(View *v);
void view_hex_search_question(View *v);
void view_hex_search_next(View *v);
void view_hex_search_prev(View *v);
CommandStatus view_hex_cmd_find(void *ctx, const char *args);
CommandStatus view_hex_cmd_rfind(void *ctx, const char *args);
/* Find the matches among the LEN bytes shown from OFF (before drawing). */
void view_hex_search_mark(View *v, uint64_t off, const unsigned char *buf, size_t len);
bool view_hex_search_marked(View *v, size_t i);
void view_hex_search_free(View *v);

/* ---- live view (view_hex_live.c) ---- */

void view_hex_live_init(View *v, unsigned interval_ms);
void view_hex_live_free(View *v);
/* The object's bytes the screen shows (up to WANT, edits not laid over)
 * into BUF: read again when a refresh is due, else as the last refresh
 * read them.  Returns their count. */
size_t view_hex_live_read(View *v, unsigned char *buf, size_t want);
/* How lit the byte at OFF is: 0 to LIVE_FADE_STEPS. */
unsigned view_hex_live_level(View *v, uint64_t off);
/* Milliseconds until the next refresh is due; -1 when not live. */
int view_hex_live_timer(View *v);
/* "live 1.0 s, 4 changed", "paused" or "" into OUT. */
const char *view_hex_live_mode(View *v, char *out, size_t outsz);
void view_hex_live_toggle(View *v);
CommandStatus view_hex_cmd_refresh(void *ctx, const char *args);

/* ---- marks (view_hex_marks.c) ---- */

void view_hex_mark_set(View *v);      /* m */
void view_hex_mark_go(View *v);       /* ' */
/* The letter after m or '; true when it was one. */
bool view_hex_marks_intercept(View *v, int key);
/* Around a key that jumps: '' comes back to where it started. */
void view_hex_jump_start(View *v);
void view_hex_jump_end(View *v);

/* ---- the data inspector (view_hex_values.c) ---- */

/* Rows it takes at COLS columns (with at most values_max_rows rows of
 * cells), and drawing them from row Y.  Cutting cells to make room for
 * LACKING more rows elsewhere: true when it could. */
int view_hex_values_rows(View *v, int cols);
bool view_hex_values_shrink(View *v, int cols, int lacking);
void view_hex_values_draw(View *v, int y, int cols);
void view_hex_values_toggle(View *v);
CommandStatus view_hex_cmd_endian(void *ctx, const char *args);
/* = and :set FIELD VALUE: a value typed into a field edits the bytes at
 * the cursor. */
void view_hex_values_prompt(View *v);
CommandStatus view_hex_cmd_set(void *ctx, const char *args);

/* ---- libmagic at the cursor (view_hex_magic.c) ---- */

int view_hex_magic_rows(View *v);
void view_hex_magic_draw(View *v, int y, int cols);
void view_hex_magic_next(View *v);                       /* ] */
CommandStatus view_hex_cmd_magic(void *ctx, const char *args);
bool view_hex_magic_intercept(View *v, int key);         /* Esc stops a scan */
int view_hex_magic_fd(View *v);                          /* ViewOps job_fd */
void view_hex_magic_done(View *v, int timeout_ms);       /* ViewOps job_done */
void view_hex_magic_free(View *v);

/* ---- bytes that are read and may be unreadable (view_hex_proc.c) ---- */

/* Whether the view reads its bytes at every draw, marking the unreadable
 * (a live kind that is read, not mapped: another process's memory). */
bool view_hex_proc_active(View *v);
void view_hex_proc_init(View *v);
void view_hex_proc_free(View *v);
/* The visible bytes into BUF (at most WANT) as the process has them (the
 * caller lays the edits over them), the unreadable ones marked; says a fault's reason and a process that exited
 * on the status line.  Returns the count. */
size_t view_hex_proc_visible(View *v, unsigned char *buf, size_t want);
/* Whether the byte at OFF (visible) could not be read. */
bool view_hex_proc_bad(View *v, uint64_t off);
/* Whether the hex pane could not read the byte at OFF (a fault: a hole of
 * a full tmpfs, a shrunk object; a process's unreadable page), and why,
 * in WHY (translated).  The panes that decode the bytes at the cursor (the
 * inspector, the type) show that instead of values never read. */
bool view_hex_unread(View *v, uint64_t off, char *why, size_t whysz);
/* Look at the process's region and pages for the N bytes from TOP. */
void view_hex_proc_update(View *v, uint64_t top, size_t n);
/* The mark of the row at OFF: 'C' when it lies in a page the process has
 * copied, ' ' otherwise. */
char view_hex_proc_row_mark(View *v, uint64_t off);
/* For a process: the pages of the page map's window, how many are in
 * memory, swapped and the process's own copies; false when not a process
 * or its page map is unknown. */
bool view_hex_proc_pages(View *v, size_t *pages, size_t *resident, size_t *swapped,
                         size_t *copied);
/* The title's field: the object under the cursor, "PATH rw-p +0xOFFSET" (its
 * offset there), and the pages copied in a private mapping ("" if none). */
void view_hex_proc_title(View *v, char *out, size_t outsz);
bool view_hex_proc_tick(View *v);

#endif
