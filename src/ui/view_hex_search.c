/* view_hex_search.c - the hex view's search: / ? n N, :find and :rfind,
 * progress on the status line, Esc or Ctrl-C to cancel, the matches on
 * screen highlighted.  The search itself is app/finder.h. */
#include "config.h"

#include "ui/crt.h"
#include "ui/keymap.h"
#include "ui/view_hex.h"
#include "platform/processes.h"
#include "core/gettext.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROGRESS_MS 100           /* the status line's progress, at most this often */


/* MAPSCOPE_TEST_SEARCH_WAIT: the first poll of a search waits for a key,
 * so a test can cancel a search that is certainly running. */
static bool test_wait(void) {
   const char *w = getenv("MAPSCOPE_TEST_SEARCH_WAIT");
   return w && *w;
}

static void show_progress(View *v, uint64_t done, uint64_t total) {
   char line[160];
   unsigned pct = total ? (unsigned)((unsigned __int128)done * 100 / total) : 100;
   snprintf(line, sizeof line, ngettext("searching: %u%% of %llu byte (Esc or C-c cancels)",
                                         "searching: %u%% of %llu bytes (Esc or C-c cancels)",
                                         (unsigned long)total), pct,
            (unsigned long long)total);
   attrset(crt_attr(CRT_STATUS));
   crt_put(LINES - 1, 0, line, COLS);
   clrtoeol();
   attrset(A_NORMAL);
   refresh();
   view_hex_state(v)->search_drawn = platform_clock_ms();
}

static void on_progress(void *ctx, uint64_t done, uint64_t total) {
   View *v = ctx;
   HexState *h = view_hex_state(v);
   h->search_done = done;
   h->search_total = total;
   if (platform_clock_ms() - h->search_drawn >= PROGRESS_MS)
      show_progress(v, done, total);
}

static bool on_cancel(void *ctx) {
   View *v = ctx;
   HexState *h = view_hex_state(v);
   if (crt_quit_interrupted()) {
      crt_quit_clear();               /* Ctrl-C ends the search, not the program */
      return true;
   }
   int key = CRT_KEY_NONE;
   if (h->search_polls++ == 0 && test_wait()) {
      bool ready[1];
      show_progress(v, h->search_done, h->search_total);
      key = crt_wait(20000, NULL, 0, ready);
   } else {
      key = getch();
   }
   if (crt_quit_interrupted()) {
      crt_quit_clear();
      return true;
   }
   return key == KEYMAP_ESC || key == KEYMAP_CTRL('c') || key == KEYMAP_CTRL('g');
}

static Finder *finder(View *v) {
   HexState *h = view_hex_state(v);
   if (!h->finder) {
      h->finder = finder_new();
      if (h->finder) {
         SearchHooks hooks = { 0 };
         hooks.cancel = on_cancel;
         hooks.progress = on_progress;
         hooks.ctx = v;
         finder_set_hooks(h->finder, &hooks);
      }
   }
   return h->finder;
}

/* One search; the cursor's jump can be undone with ''. */
static FinderResult run(View *v, bool reverse) {
   HexState *h = view_hex_state(v);
   Finder *f = finder(v);
   if (!f)
      return FINDER_FAILED;
   h->search_polls = 0;
   h->search_done = h->search_total = 0;
   h->search_drawn = platform_clock_ms();
   view_hex_jump_start(v);
   FinderResult r = finder_next(f, view_hex_session(v), reverse);
   view_hex_jump_end(v);
   return r;
}

/* n and N with a count: the Nth match (stops at the first that fails). */
static void run_counted(View *v, bool reverse) {
   unsigned long n = ui_count(v->ui);
   uint64_t from = view_hex_session(v)->cursor;
   for (unsigned long i = 0; i < n; i++) {
      FinderResult r = run(v, reverse);
      if (r != FINDER_FOUND && r != FINDER_WRAPPED)
         break;
   }
   session_jumped(view_hex_session(v), from);
}

void view_hex_search_slash(View *v) { ui_open_prompt(v->ui, "find "); }
void view_hex_search_question(View *v) { ui_open_prompt(v->ui, "rfind "); }
void view_hex_search_next(View *v) { run_counted(v, false); }
void view_hex_search_prev(View *v) { run_counted(v, true); }

/* :find PATTERN; without one (/ then Enter, as in less and vi) the last
 * pattern again.  Either way the command sets the direction n goes on in
 * (? Enter, then n: backward), and a count typed before / or ? (3/GNU)
 * goes to that match. */
static CommandStatus find(View *v, const char *args, bool backward) {
   Finder *f = finder(v);
   Session *s = view_hex_session(v);
   if (!f)
      return COMMAND_FAILED;
   if (!*args) {
      if (!finder_pattern(f)) {
         session_message(s, true, "%s", _("no pattern yet: / or ? types one"));
         return COMMAND_FAILED;
      }
      finder_set_backward(f, backward);
   } else if (!finder_set_pattern(f, s, args, backward)) {
      return COMMAND_FAILED;
   }
   run_counted(v, false);
   return s->message_is_error ? COMMAND_FAILED : COMMAND_OK;
}

CommandStatus view_hex_cmd_find(void *ctx, const char *args) { return find(ctx, args, false); }
CommandStatus view_hex_cmd_rfind(void *ctx, const char *args) { return find(ctx, args, true); }

void view_hex_search_mark(View *v, uint64_t off, const unsigned char *buf, size_t len) {
   HexState *h = view_hex_state(v);
   if (len == 0)              /* nothing shown (a fault): no marks, mark may be NULL */
      return;
   if (len > h->mark_cap) {
      unsigned char *m = realloc(h->mark, len);
      if (!m)
         return;
      h->mark = m;
      h->mark_cap = len;
   }
   if (h->finder && finder_pattern(h->finder))
      finder_mark(h->finder, view_hex_session(v), off, buf, len, h->mark);
   else
      memset(h->mark, 0, len);
}

bool view_hex_search_marked(View *v, size_t i) {
   HexState *h = view_hex_state(v);
   return h->mark && i < h->mark_cap && h->mark[i];
}

void view_hex_search_free(View *v) {
   finder_free(view_hex_state(v)->finder);
   free(view_hex_state(v)->mark);
}
