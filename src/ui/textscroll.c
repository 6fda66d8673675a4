/* textscroll.c - the text views' scrolling and its keys. */
#include "config.h"

#include "ui/textscroll.h"
#include "ui/crt.h"
#include "ui/keymap.h"
#include "core/gettext.h"

#include <curses.h>

#define COUNT_CAP 100000      /* past any text's length: COUNT_CAP * a page fits an int */
#define WHEEL_LINES 3

static int clamp(int first, int lines, int rows) {
   if (first > lines - rows)
      first = lines - rows;
   return first < 0 ? 0 : first;
}

void textscroll_fit(TextScroll *t, int lines, int rows) {
   t->lines = lines;
   t->rows = rows;
   t->first = clamp(t->first, lines, rows);
}

static TextScroll *text(View *v) { return v->ops->text(v); }

/* The count typed before the key (1 when none), capped. */
static int count(View *v) {
   unsigned long n = ui_count(v->ui);
   return n > COUNT_CAP ? COUNT_CAP : (int)n;
}

/* A page: the rows less one (a line of context), at least 1. */
static int page(const TextScroll *t) { return t->rows > 1 ? t->rows - 1 : 1; }

static void scroll_by(View *v, int n) {
   TextScroll *t = text(v);
   t->first = clamp(t->first + n, t->lines, t->rows);
}

/* g and G: line N with a count N before them, else the first or last. */
static void go_line(View *v, bool last) {
   TextScroll *t = text(v);
   int to = ui_has_count(v->ui) ? count(v) - 1 : last ? t->lines : 0;
   t->first = clamp(to, t->lines, t->rows);
}

static void k_down(View *v) { scroll_by(v, count(v)); }
static void k_up(View *v) { scroll_by(v, -count(v)); }
static void k_pgdn(View *v) { scroll_by(v, count(v) * page(text(v))); }
static void k_pgup(View *v) { scroll_by(v, -count(v) * page(text(v))); }
/* C-d and C-u: half a screen; N C-d scrolls N lines, and N stays their
 * size from then on (as in less and vi). */
static int half(View *v) {
   TextScroll *t = text(v);
   if (ui_has_count(v->ui))
      t->half = count(v);
   return t->half ? t->half : (t->rows + 1) / 2;
}
static void k_halfdn(View *v) { scroll_by(v, half(v)); }
static void k_halfup(View *v) { scroll_by(v, -half(v)); }
static void k_first(View *v) { go_line(v, false); }
static void k_last(View *v) { go_line(v, true); }
static void k_wheeldn(View *v) { scroll_by(v, WHEEL_LINES); }
static void k_wheelup(View *v) { scroll_by(v, -WHEEL_LINES); }

const KeyBinding textscroll_keys[] = {
   { 'j', "j", N_("scroll down"), k_down },
   { KEY_DOWN, NULL, NULL, k_down },
   { KEYMAP_CTRL('n'), NULL, NULL, k_down },
   { KEYMAP_CTRL('e'), NULL, NULL, k_down },
   { 'k', "k", N_("scroll up"), k_up },
   { KEY_UP, NULL, NULL, k_up },
   { KEYMAP_CTRL('p'), NULL, NULL, k_up },
   { KEYMAP_CTRL('y'), NULL, NULL, k_up },
   { KEY_NPAGE, "PgDn", N_("next page"), k_pgdn },
   { ' ', NULL, NULL, k_pgdn },
   { KEYMAP_CTRL('f'), NULL, NULL, k_pgdn },
   { KEYMAP_CTRL('v'), NULL, NULL, k_pgdn },
   { KEY_PPAGE, "PgUp", N_("previous page"), k_pgup },
   { 'b', NULL, NULL, k_pgup },
   { KEYMAP_CTRL('b'), NULL, NULL, k_pgup },
   { KEYMAP_CTRL('d'), "C-d", N_("down half a screen (N C-d: N rows, from then on)"), k_halfdn },
   { KEYMAP_CTRL('u'), "C-u", N_("up half a screen (N C-u: N rows, from then on)"), k_halfup },
   { 'g', "g", N_("to the first line (Ng: to line N)"), k_first },
   { KEY_HOME, NULL, NULL, k_first },
   { 'G', "G", N_("to the last line (NG: to line N)"), k_last },
   { KEY_END, NULL, NULL, k_last },
   { CRT_KEY_WHEEL_DOWN, "WheelDown", N_("mouse wheel: down three lines"), k_wheeldn },
   { CRT_KEY_WHEEL_UP, "WheelUp", N_("mouse wheel: up three lines"), k_wheelup },
};
const size_t textscroll_key_count = sizeof textscroll_keys / sizeof textscroll_keys[0];

bool textscroll_run_key(View *v, int key) {
   return v->ops->text && view_run_key(v, textscroll_keys, textscroll_key_count, key);
}
