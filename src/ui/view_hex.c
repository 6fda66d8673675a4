/* view_hex.c - the hex view: title, hex and text panes, mapping pane. */
#include "config.h"

#include "ui/crt.h"
#include "ui/keymap.h"
#include "ui/view_hex.h"
#include "app/session_edit.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "core/hexrow.h"
#include "core/mapinfo.h"
#include "core/textwidth.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define WHEEL_ROWS 3
#define PANE_DATA_ROWS_MIN 4     /* rows of bytes kept above the pane when cutting it */

typedef unsigned long long ull;

/* ---- keys ---------------------------------------------------------------- */

static int64_t row_len(View *v) { return (int64_t)view_hex_session(v)->row_bytes; }
static int64_t screen_rows(View *v) { return (int64_t)view_hex_session(v)->rows; }

/* The count before a key (5 in 5j) times N: moves take it as a factor. */
static int64_t times(View *v, int64_t n) {
   return (int64_t)ui_count(v->ui) * n;       /* counts stop at 10^9: no overflow */
}

static void k_down(View *v)  { session_move(view_hex_session(v), times(v, row_len(v))); }
static void k_up(View *v)    { session_move(view_hex_session(v), times(v, -row_len(v))); }
static void k_left(View *v)  { session_move(view_hex_session(v), times(v, -1)); }
static void k_right(View *v) { session_move(view_hex_session(v), times(v, 1)); }
static void k_pgdn(View *v)  { session_scroll(view_hex_session(v), times(v, screen_rows(v))); }
static void k_pgup(View *v)  { session_scroll(view_hex_session(v), times(v, -screen_rows(v))); }
/* C-d and C-u scroll half a screen; with a count N, N rows, and N stays
 * their size from then on (as in less and vi). */
static int64_t half(View *v) {
   HexState *h = view_hex_state(v);
   if (ui_has_count(v->ui))
      h->half_rows = (int64_t)ui_count(v->ui);
   return h->half_rows ? h->half_rows : (screen_rows(v) + 1) / 2;
}
static void k_halfdn(View *v) { session_scroll(view_hex_session(v), half(v)); }
static void k_halfup(View *v) { session_scroll(view_hex_session(v), -half(v)); }
static void k_line_dn(View *v) { session_scroll(view_hex_session(v), times(v, 1)); }
static void k_line_up(View *v) { session_scroll(view_hex_session(v), times(v, -1)); }
static void k_wheeldn(View *v) { session_scroll(view_hex_session(v), WHEEL_ROWS); }
static void k_wheelup(View *v) { session_scroll(view_hex_session(v), -WHEEL_ROWS); }

/* g and G jump ('' comes back); with a count N both go to offset N, as
 * :N does. */
static void jump(View *v, const char *where) {
   char n[32];
   view_hex_jump_start(v);
   if (ui_has_count(v->ui)) {
      snprintf(n, sizeof n, "%lu", ui_count(v->ui));
      where = n;
   }
   if (session_goto(view_hex_session(v), where))
      view_hex_jump_end(v);
}
static void k_start(View *v) { jump(v, "0"); }
static void k_end(View *v)   { jump(v, "end"); }

/* N% (and Np, as less has it): to N percent of the object; 100% is its
 * last byte, as at :goto. */
static bool percent(View *v) {
   char where[32];
   if (!ui_has_count(v->ui))
      return false;
   if (ui_count(v->ui) > 100) {
      session_message(view_hex_session(v), true, "%s", _("N%: a percentage cannot exceed 100%"));
      return true;
   }
   snprintf(where, sizeof where, "%lu%%", ui_count(v->ui));
   view_hex_jump_start(v);
   if (session_goto(view_hex_session(v), where))
      view_hex_jump_end(v);
   return true;
}
static void k_percent(View *v) {
   if (!percent(v))
      session_message(view_hex_session(v), false, "%s",
                      _("%: type a count first (50%, say, goes half way)"));
}
static void k_live_or_percent(View *v) {
   if (!percent(v))
      view_hex_live_toggle(v);
}

/* The mapping pane; a terminal too short for it is told why (hex_draw). */
static void k_mapping(View *v) {
   HexState *h = view_hex_state(v);
   h->mapping = !h->mapping;
   sizenote_again(&h->pane_note);
}
static void k_reload(View *v)  { session_reload(view_hex_session(v)); }
static void k_reopen(View *v)  { session_reopen(view_hex_session(v)); }

/* Which byte of a row column COL shows, and in which pane; false for the
 * offset column and the gaps. */
static bool byte_at_column(const HexrowLayout *L, unsigned col, unsigned *i, bool *text) {
   if (col >= L->text_col && col < L->text_col + L->bytes) {
      *i = col - L->text_col;
      *text = true;
      return true;
   }
   if (col < L->hex_col || col + 1 >= L->text_col)
      return false;
   unsigned rel = col - L->hex_col;
   for (*i = 0; *i + 1 < L->bytes && hexrow_hex_pos(*i + 1) <= rel; ++*i)
      ;
   *text = false;
   return true;
}

/* A click on a byte, in either pane, puts the cursor there. */
static void k_click(View *v) {
   HexState *h = view_hex_state(v);
   Session *s = view_hex_session(v);
   int y, x;
   unsigned i;
   bool text;
   if (!crt_click(&y, &x) || !h->laid_out || y < h->first_row
       || y >= h->first_row + h->data_rows || !byte_at_column(&h->layout, (unsigned)x, &i, &text))
      return;
   uint64_t off = s->top + (uint64_t)(y - h->first_row) * h->layout.bytes + i;
   if (off >= s->src->size)
      return;
   session_set_cursor(s, off);
   h->text_pane = text;
   h->low_nibble = false;
}

static void k_row_start(View *v) {
   Session *s = view_hex_session(v);
   session_set_cursor(s, s->cursor - s->cursor % s->row_bytes);
}

static void k_row_end(View *v) {
   Session *s = view_hex_session(v);
   session_set_cursor(s, s->cursor - s->cursor % s->row_bytes + s->row_bytes - 1);
}

static const KeyBinding hex_keys[] = {
   { 'j', "j", N_("down one row (5j: five)"), k_down },
   { KEY_DOWN, NULL, NULL, k_down },
   { KEYMAP_CTRL('n'), NULL, NULL, k_down },
   { 'k', "k", N_("up one row"), k_up },
   { KEY_UP, NULL, NULL, k_up },
   { KEYMAP_CTRL('p'), NULL, NULL, k_up },
   { 'h', "h", N_("back one byte"), k_left },
   { KEY_LEFT, NULL, NULL, k_left },
   { 'l', "l", N_("forward one byte (10l: ten)"), k_right },
   { KEY_RIGHT, NULL, NULL, k_right },
   { KEY_NPAGE, "PgDn", N_("next screen"), k_pgdn },
   { ' ', NULL, NULL, k_pgdn },
   { KEYMAP_CTRL('f'), NULL, NULL, k_pgdn },
   { KEYMAP_CTRL('v'), NULL, NULL, k_pgdn },
   { KEY_PPAGE, "PgUp", N_("previous screen"), k_pgup },
   { 'b', NULL, NULL, k_pgup },
   { KEYMAP_CTRL('b'), NULL, NULL, k_pgup },
   { KEYMAP_CTRL('d'), "C-d", N_("down half a screen (N C-d: N rows, from then on)"), k_halfdn },
   { KEYMAP_CTRL('u'), "C-u", N_("up half a screen (N C-u: N rows, from then on)"), k_halfup },
   { KEYMAP_CTRL('e'), "C-e", N_("scroll down one row"), k_line_dn },
   { KEYMAP_CTRL('y'), "C-y", N_("scroll up one row"), k_line_up },
   { CRT_KEY_WHEEL_DOWN, "WheelDown", N_("mouse wheel: down three rows"), k_wheeldn },
   { CRT_KEY_WHEEL_UP, "WheelUp", N_("mouse wheel: up three rows"), k_wheelup },
   { CRT_KEY_CLICK, "Click", N_("mouse: the cursor to the byte clicked, in either pane"), k_click },
   { 'g', "g", N_("start of the object (Ng: offset N)"), k_start },
   { KEY_HOME, NULL, NULL, k_start },
   { 'G', "G", N_("end of the object (NG: offset N, as :N)"), k_end },
   { KEY_END, NULL, NULL, k_end },
   { '%', "%", N_("N%: to N percent of the object (50%: half way)"), k_percent },
   { '0', "0", N_("start of the row"), k_row_start },
   { '$', "$", N_("end of the row"), k_row_end },
   { 'M', "M", N_("show or hide the mapping pane"), k_mapping },
   { 'S', "S", N_("the mapping pane's next section: calls, what if, figures"),
     view_hex_section_next },
   { 'L', "L", N_("the whole life of the object, beside Windows' calls"), view_hex_life },
   { 'm', "m", N_("ma: set mark a (any letter a-z or A-Z) at the cursor"), view_hex_mark_set },
   { '\'', "'", N_("'a: back to mark a; '': back to where the last jump came from"),
     view_hex_mark_go },
   { '`', NULL, NULL, view_hex_mark_go },
   { 'e', "e", N_("data inspector: little-endian or big-endian"), view_hex_values_toggle },
   { '=', "=", N_("type a value into a field of the data inspector (:set)"),
     view_hex_values_prompt },
   { ']', "]", N_("jump to the next offset libmagic recognises (Esc stops)"),
     view_hex_magic_next },
   { 'r', "r", N_("reload: look at the object's size again"), k_reload },
   { 'R', "R", N_("reopen: the object the name leads to now (after mv new f)"), k_reopen },
   { 'i', "i", N_("edit mode: type hex digits or text (Esc ends it)"), view_hex_edit_toggle },
   { '\t', "Tab", N_("switch between the hex and the text pane"), view_hex_edit_tab },
   { 'u', "u", N_("undo the last edit"), view_hex_edit_undo },
   { KEYMAP_CTRL('r'), "C-r", N_("redo what was undone"), view_hex_edit_redo },
   { 'W', "W", N_("flush: write the edits to the object"), view_hex_edit_flush },
   { '/', "/", N_("search forward (x:HEX, i:TEXT; Esc cancels; / Enter: again)"),
     view_hex_search_slash },
   { KEYMAP_CTRL('s'), NULL, NULL, view_hex_search_slash },
   { '?', "?", N_("search backward (F1 is help; ? Enter: again)"), view_hex_search_question },
   { 'n', "n", N_("next match, in the search's direction (3n: the third)"),
     view_hex_search_next },
   { 'N', "N", N_("previous match"), view_hex_search_prev },
   { 'p', "p", N_("live view: pause or resume (a file: start it); Np: to N%"), k_live_or_percent },
};

static const Command hex_commands[] = {
   { "mapping", N_("[calls|whatif|figures]"),
     N_("show or hide the mapping pane (also M); with a section, show that (also S)"),
     view_hex_cmd_mapping },
   { "endian", N_("little|big"), N_("the data inspector's byte order (also e)"),
     view_hex_cmd_endian },
   { "set", N_("FIELD VALUE"), N_("write VALUE at the cursor as the inspector's FIELD shows it"
                                   " (u32 7, f16 -2, guid {...}, bytes de ad; also =)"),
     view_hex_cmd_set },
   { "magic", N_("[ALIGN]"), N_("jump to the next offset libmagic recognises, looking only at"
                                " multiples of ALIGN (512: sectors; also ])"), view_hex_cmd_magic },
   { "edit", NULL, N_("start or end edit mode (also i)"), view_hex_cmd_edit },
   { "undo", NULL, N_("undo the last edit (also u)"), view_hex_cmd_undo },
   { "redo", NULL, N_("redo what was undone (also C-r)"), view_hex_cmd_redo },
   { "discard", NULL, N_("drop every edit not flushed"), view_hex_cmd_discard },
   { "e!", NULL, N_("drop the edits, then reopen (as in vi; :e alone keeps them)"),
     view_hex_cmd_reopen_discard },
   { "flush", NULL, N_("write the edits to the object, all or nothing (also W)"),
     view_hex_cmd_flush },
   { "flush!", NULL, N_("flush even when the object changed on disk"), view_hex_cmd_flush_force },
   { "recover", NULL, N_("roll back a flush that was interrupted (a crash, a kill)"),
     view_hex_cmd_recover },
   { "recover!", NULL, N_("roll back even onto a block device that is mounted or held"),
     view_hex_cmd_recover_force },
   { "find", N_("[PATTERN]"), N_("search forward: TEXT (\\x00 \\n escapes), i:TEXT, x:HEX with ??;"
                                 " no PATTERN: the last one again"), view_hex_cmd_find },
   { "rfind", N_("[PATTERN]"), N_("search backward (also ?); no PATTERN: the last one again"),
     view_hex_cmd_rfind },
   { "refresh", N_("[SECONDS]"), N_("live view: re-read the bytes now and light what changed; "
                                    "SECONDS: re-read every SECONDS (0.1 to 3600)"),
     view_hex_cmd_refresh },
};

/* ---- the title ------------------------------------------------------------ */

#define TITLE_FIELDS 6
#define TITLE_FIELD_MAX 1024      /* but the source's, which is its own string */

static bool s_type(View *v);

static int title_parts(View *v, char f[TITLE_FIELDS][TITLE_FIELD_MAX]) {
   Session *s = view_hex_session(v);
   char human[32], gran[32], win[32], a[20], b[20];
   unsigned digits = hexrow_offset_digits(s->src->size);
   hexrow_human_size(human, sizeof human, s->src->size);
   hexrow_human_size(gran, sizeof gran, s->granularity);
   uint64_t start = s->win.addr ? s->win.span.start : 0;
   uint64_t len = s->win.addr ? s->win.span.length : 0;
   hexrow_human_size(win, sizeof win, len);
   hexrow_offset(a, start, digits);
   hexrow_offset(b, start + len, digits);
   f[0][0] = '\0';
   if (s->src->size_partial)
      snprintf(f[1], sizeof f[1], _("size unknown (%s read so far)"), human);
   else if (!source_can(s->src, SOURCE_CAN_MAP))
      snprintf(f[1], sizeof f[1], ngettext("%s (%llu byte, read to its end)",
                                             "%s (%llu bytes, read to its end)",
                                             (unsigned long)s->src->size), human, (ull)s->src->size);
   else
      snprintf(f[1], sizeof f[1], ngettext("%s (%llu byte)", "%s (%llu bytes)",
                                             (unsigned long)s->src->size), human, (ull)s->src->size);
   snprintf(f[2], sizeof f[2], _("window [0x%s, 0x%s)"), a, b);
   snprintf(f[3], sizeof f[3], _("granularity %s, window %s"), gran, win);
   if (view_hex_proc_active(v)) {       /* nothing is mapped: what is read */
      view_hex_proc_title(v, f[2], sizeof f[2]);   /* the object there, else how it is read */
      if (!f[2][0])
         snprintf(f[2], sizeof f[2], "%s", _("read at each draw, not mapped"));
      snprintf(f[3], sizeof f[3], _("addresses [0x%llx, 0x%llx)"),
               (ull)source_address(s->src, 0), (ull)source_address(s->src, s->src->size));
   }
   int n = 4;
   view_hex_edit_title(v, f[n], sizeof f[n]);
   if (f[n][0])
      n++;
   escape_into(f[n], sizeof f[n], s->type);     /* libmagic quotes bytes of the object */
   return s->type[0] ? n + 1 : n;
}

/* The title's fields: F[0] is the SOURCE (escaped), the others are made in
 * BUF.  Returns how many. */
static int title_fields(View *v, const char *f[TITLE_FIELDS],
                        char buf[TITLE_FIELDS][TITLE_FIELD_MAX]) {
   int n = title_parts(v, buf);
   f[0] = view_hex_state(v)->source;
   for (int i = 1; i < n; i++)
      f[i] = buf[i];
   return n;
}

/* Lay the fields out on at most two lines; returns how many lines. */
static int title_lines(const char *f[TITLE_FIELDS], int n, int cols, int line_of[TITLE_FIELDS]) {
   const int sep = 3;
   int line = 0, used = 0;
   for (int i = 0; i < n; i++) {
      int len = (int)crt_cols(f[i]);
      if (used > 0 && used + sep + len > cols && line == 0) {
         line = 1;
         used = 0;
      }
      used += (used > 0 ? sep : 0) + len;
      line_of[i] = line;
   }
   return line + 1;
}

static bool s_type(View *v) { return view_hex_session(v)->type[0] != '\0'; }

/* Field I of the title in at most COLS columns at Y, X: the source keeps its
 * end (the file name) behind an ellipsis, the libmagic type is cut after
 * its last whole word, the others keep their start. */
static void put_field(View *v, int y, int x, const char *text, int i, int n, int cols) {
   char safe[4096], cut[4096];
   crt_safe(safe, sizeof safe, text);
   if (i == 0)
      textwidth_cut_head(cut, sizeof cut, safe, (size_t)cols, crt_ellipsis());
   else
      textwidth_cut(cut, sizeof cut, safe, (size_t)cols, crt_ellipsis(),
                    i == n - 1 && s_type(v) ? TEXTWIDTH_WHOLE_WORDS : 0);
   crt_put(y, x, cut, cols);
}

static int draw_title(View *v, int cols, bool draw) {
   char buf[TITLE_FIELDS][TITLE_FIELD_MAX];
   const char *f[TITLE_FIELDS];
   int line_of[TITLE_FIELDS];
   int n = title_fields(v, f, buf);
   int lines = title_lines(f, n, cols - 2, line_of);   /* a margin each side */
   if (!draw)
      return lines;
   attrset(crt_attr(CRT_TITLE));
   for (int y = 0; y < lines; y++)
      mvhline(y, 0, ' ', cols);
   int x[2] = { 1, 1 };
   const char *sep = crt_utf8() ? " \xe2\x94\x82 " : " | ";
   for (int i = 0; i < n; i++) {
      int y = line_of[i];
      if (x[y] > 1 && x[y] + 3 < cols) {
         crt_put(y, x[y], sep, 3);
         x[y] += 3;
      }
      if (x[y] < cols - 1)
         put_field(v, y, x[y], f[i], i, n, cols - 1 - x[y]);
      x[y] += (int)crt_cols(f[i]);
   }
   attrset(A_NORMAL);
   return lines;
}

/* ---- the mapping pane --------------------------------------------------- */

int view_hex_put_wrapped(int y, const char *text, int cols, bool draw) {
   const int indent = 4;
   int lines = 0;
   char safe[2048];
   text = crt_safe(safe, sizeof safe, text);   /* wrapped as it is drawn */
   for (int x = 0; *text; x = indent, lines++) {
      size_t next, end = textwidth_wrap(text, (size_t)(cols > x ? cols - x : 1), &next);
      if (draw)
         crt_put_len(y + lines, x, text, end, cols - x);
      text += next;
   }
   return lines ? lines : 1;
}

/* The lines of the pane above the page map: the calls (wrapped at narrow
 * widths, never cut), those of the edits' private mapping, the arithmetic.
 * Drawn from row Y when DRAW. */
static int pane_calls(View *v, int y, int cols, bool draw) {
   Session *s = view_hex_session(v);
   char line[320];
   if (!s->win.addr && view_hex_state(v)->proc_pid)
      return view_hex_put_wrapped(y, _("read from the process's memory at each draw, not "
                                       "mapped: the pages below are the process's own"),
                                  cols, draw);
   if (!s->win.addr) {
      if (draw)
         crt_put(y, 0, _("nothing is mapped"), cols);
      return 1;
   }
   int n = 0;
   char twin[256];
   mapinfo_source_call(line, sizeof line, twin, sizeof twin, s->src, &s->win);
   n += view_hex_put_wrapped(y + n, line, cols, draw);
   n += view_hex_put_wrapped(y + n, twin, cols, draw);
   n += view_hex_edit_calls(v, y + n, cols, draw);
   char gran[32];
   hexrow_human_size(gran, sizeof gran, s->granularity);
   snprintf(line, sizeof line, _("requested 0x%llx, aligned 0x%llx (granularity %s), delta 0x%llx (%llu)"),
            (ull)s->win.span.requested, (ull)s->win.span.start, gran,
            (ull)s->win.span.delta, (ull)s->win.span.delta);
   n += view_hex_put_wrapped(y + n, line, cols, draw);
   return n;
}

/* The heading, the calls and the arithmetic, the page map, the data; or
 * the heading and another section. */
static int pane_rows(View *v, int cols) {
   if (!view_hex_state(v)->mapping)
      return 0;
   if (view_hex_state(v)->section != HEX_PANE_CALLS)
      return 1 + view_hex_section_rows(v, cols);
   return 1 + pane_calls(v, 0, cols, false) + view_hex_pagemap_rows(v, cols)
          + view_hex_values_rows(v, cols);
}

/* The pane's first line: the window's pages, how many are in memory
 * (unknown where nothing tells the truth) and copied. */
static void heading(View *v, char *line, size_t size) {
   size_t pages, resident, swapped, copied;
   if (view_hex_proc_pages(v, &pages, &resident, &swapped, &copied)) {
      snprintf(line, size, _(" mapping (M hides) - pages: %zu, resident: %zu, swapped: %zu, "
                             "copied (C): %zu "), pages, resident, swapped, copied);
      return;
   }
   bool known = view_hex_pagemap_count(v, &pages, &resident);
   copied = view_hex_edit_copied(v);
   if (!known && copied)
      snprintf(line, size,
               _(" mapping (M hides) - pages: %zu, resident: unknown, copied (C): %zu "), pages,
               copied);
   else if (!known)
      snprintf(line, size, _(" mapping (M hides) - pages: %zu, resident: unknown "), pages);
   else if (copied)
      snprintf(line, size, _(" mapping (M hides) - pages: %zu, resident: %zu, copied (C): %zu "),
               pages, resident, copied);
   else
      snprintf(line, size, _(" mapping (M hides) - pages: %zu, resident: %zu "), pages, resident);
}

static void draw_pane(View *v, int y, int cols) {
   Session *s = view_hex_session(v);
   char line[320];
   view_hex_pane_begin(v);      /* after the rows were read: their pages count */
   attrset(crt_attr(CRT_PANE));
   mvhline(y, 0, crt_utf8() ? ACS_HLINE : '-', cols);
   view_hex_section_heading(v, cols, line, sizeof line);
   if (line[0]) {
      crt_put_cut(y, 2, line, cols - 2, true);
      attrset(A_NORMAL);
      view_hex_section_draw(v, y + 1, cols);
      return;
   }
   heading(v, line, sizeof line);
   crt_put(y, 2, line, cols - 2);
   attrset(A_NORMAL);
   int calls = pane_calls(v, y + 1, cols, true);
   if (!s->win.addr && !view_hex_state(v)->proc_pid)
      return;
   view_hex_pagemap_draw(v, y + 1 + calls, cols);
   view_hex_values_draw(v, y + 1 + calls + view_hex_pagemap_rows(v, cols), cols);
}

/* ---- the panes -------------------------------------------------------------- */

static int byte_style(unsigned char b) {
   static const CrtStyle styles[HEXROW_CLASS_COUNT] = {
      [HEXROW_NUL] = CRT_BYTE_NUL, [HEXROW_PRINT] = CRT_BYTE_PRINT,
      [HEXROW_SPACE] = CRT_BYTE_SPACE, [HEXROW_OTHER] = CRT_BYTE_OTHER,
   };
   return crt_attr(styles[hexrow_class(b)]);
}

/* The attribute of the byte at OFF (B), without the cursor's; *PLAIN when
 * it is its byte class's alone (no edit, match or change marks it). */
static int cell_attr(View *v, uint64_t off, unsigned char b, bool *plain) {
   Session *s = view_hex_session(v);
   bool edited = session_edit_is_modified(s, off);
   bool marked = view_hex_search_marked(v, (size_t)(off - s->top));
   static const CrtStyle fade[LIVE_FADE_STEPS + 1] = {
      CRT_NORMAL, CRT_CHANGED_1, CRT_CHANGED_2, CRT_CHANGED,
   };
   unsigned level = view_hex_live_level(v, off);
   int attr = edited ? crt_attr(CRT_EDITED) : byte_style(b);
   if (marked)
      attr = (attr & ~(int)A_COLOR) | crt_attr(CRT_MATCH);   /* its colours, the class's attributes */
   if (level)       /* another process changed it; under an edit: underlined too */
      attr = crt_attr(fade[level]) | (edited ? (int)A_UNDERLINE : 0);
   *plain = !edited && !marked && !level;
   return attr;
}

/* The text pane's glyph of every byte as a wide character, converted once
 * per kind of terminal (a conversion per byte and draw cost the first
 * screen more than anything else it drew). */
static wchar_t glyph_wide(unsigned char b, bool utf8) {
   static wchar_t table[2][256];
   static bool made[2];
   if (!made[utf8]) {
      for (unsigned i = 0; i < 256; i++) {
         const char *g = hexrow_glyph((unsigned char)i, utf8);
         mbstate_t st;
         memset(&st, 0, sizeof st);
         wchar_t w = L'.';
         if (mbrtowc(&w, g, strlen(g), &st) > (size_t)-3 || w == 0)
            w = L'.';
         table[utf8][i] = w;
      }
      made[utf8] = true;
   }
   return table[utf8][b];
}

static void put_glyph(cchar_t *c, wchar_t ch, int attr) {
   wchar_t w[2] = { ch, 0 };
   setcchar(c, w, (attr_t)attr & ~(attr_t)A_COLOR, (short)PAIR_NUMBER(attr), NULL);
}

/* One row: offset and hex pairs (ASCII) composed as one array of chtype
 * cells, the text glyphs as one of wide cells, each handed to curses in
 * one call.  The blank after hex pair I takes the pair's attribute when
 * pair I + 1 has the same plain one (the byte classes have no background,
 * so the blank looks the same): a run of one class is then one attribute
 * change on the terminal instead of two per byte. */
/* The blank columns around the hex pane (after the offset, before the text
 * pane) take the look of the byte beside them when that look shows nothing
 * on a blank (a byte class's own, not the cursor's or a mark's): a row then
 * switches attributes on the terminal once per run of alike bytes, not twice
 * per pane, and the first screen writes a fifth fewer bytes. */
static bool plain_look(View *v, uint64_t off, unsigned char b, int *attr) {
   Session *s = view_hex_session(v);
   bool plain;
   *attr = cell_attr(v, off, b, &plain);
   return plain && off != s->cursor && !view_hex_proc_bad(v, off);
}

static void fill_gaps(View *v, const HexrowLayout *L, chtype *left, size_t lw, uint64_t off,
                      const unsigned char *bytes, size_t n) {
   int first, last;
   if (!n || !plain_look(v, off, bytes[0], &first))
      return;
   size_t from = L->offset_digits;   /* after the offset (a mark there is no blank) */
   for (size_t x = from; x < L->hex_col && x < lw; x++)
      if ((left[x] & A_CHARTEXT) == ' ')
         left[x] = ' ' | (chtype)first;
   if (!plain_look(v, off + n - 1, bytes[n - 1], &last) || last != first)
      return;
   for (size_t x = L->hex_col + hexrow_hex_pos((unsigned)(n - 1)) + 2; x < lw; x++)
      if ((left[x] & A_CHARTEXT) == ' ')
         left[x] = ' ' | (chtype)last;
}

static void draw_row(View *v, const HexrowLayout *L, int y, uint64_t off,
                     const unsigned char *bytes, size_t n) {
   static const char hex[] = "0123456789abcdef";
   enum { ROW_MAX = 1024 };
   chtype left[ROW_MAX];
   cchar_t glyphs[ROW_MAX];
   Session *s = view_hex_session(v);
   size_t lw = L->text_col < ROW_MAX ? L->text_col : ROW_MAX;
   for (size_t x = 0; x < lw; x++)
      left[x] = ' ' | (chtype)crt_attr(CRT_NORMAL);
   char text[20];
   hexrow_offset(text, source_address(s->src, off), L->offset_digits);
   for (size_t x = 0; text[x] && x < lw; x++)
      left[x] = (chtype)(unsigned char)text[x] | (chtype)crt_attr(CRT_OFFSET);
   char mark = view_hex_proc_row_mark(v, off);   /* C: a page the process copied */
   if (mark != ' ' && L->offset_digits < lw)
      left[L->offset_digits] = (chtype)(unsigned char)mark | (chtype)crt_attr(CRT_OFFSET);
   bool utf8 = crt_utf8();
   bool in_text = view_hex_state(v)->text_pane;
   bool plain, next_plain = false;
   int next = n ? cell_attr(v, off, bytes[0], &next_plain) : 0;
   for (size_t i = 0; i < n && i < ROW_MAX; i++) {
      int attr = next;
      plain = next_plain;
      if (i + 1 < n)
         next = cell_attr(v, off + i + 1, bytes[i + 1], &next_plain);
      bool here = off + i == s->cursor;
      size_t hx = L->hex_col + hexrow_hex_pos((unsigned)i);
      if (view_hex_proc_bad(v, off + i)) {   /* could not be read: ?? and the reason below */
         chtype bad = (chtype)(crt_attr(CRT_PANE)
                               | (here ? crt_attr(in_text ? CRT_CURSOR_OTHER : CRT_CURSOR) : 0));
         if (hx + 1 < lw)
            left[hx] = left[hx + 1] = '?' | bad;
         put_glyph(&glyphs[i], L'?', crt_attr(CRT_PANE)
                   | (here ? crt_attr(in_text ? CRT_CURSOR : CRT_CURSOR_OTHER) : 0));
         continue;
      }
      chtype hattr = (chtype)(attr | (here ? crt_attr(in_text ? CRT_CURSOR_OTHER : CRT_CURSOR) : 0));
      if (hx + 1 < lw) {
         left[hx] = (chtype)hex[bytes[i] >> 4] | hattr;
         left[hx + 1] = (chtype)hex[bytes[i] & 0xf] | hattr;
      }
      if (i + 1 < n && plain && next_plain && next == attr && !here && off + i + 1 != s->cursor)
         for (size_t x = hx + 2; x < L->hex_col + hexrow_hex_pos((unsigned)i + 1) && x < lw; x++)
            left[x] = ' ' | (chtype)attr;
      put_glyph(&glyphs[i], glyph_wide(bytes[i], utf8),
                attr | (here ? crt_attr(in_text ? CRT_CURSOR : CRT_CURSOR_OTHER) : 0));
   }
   fill_gaps(v, L, left, lw, off, bytes, n);
   mvaddchnstr(y, 0, left, (int)lw);
   if (n && L->text_col < (size_t)COLS)
      mvadd_wchnstr(y, (int)L->text_col, glyphs, (int)(n < ROW_MAX ? n : ROW_MAX));
   attrset(A_NORMAL);
}

static bool ensure_buffer(HexState *h, size_t need) {
   if (need <= h->cap)
      return true;
   unsigned char *p = realloc(h->buf, need);
   if (!p)
      return false;
   h->buf = p;
   h->cap = need;
   return true;
}

/* What the hex pane read this time (N bytes from the top), and when it
 * read nothing where there are bytes, the reason it gave. */
static void note_read(View *v, size_t n) {
   HexState *h = view_hex_state(v);
   Session *s = view_hex_session(v);
   h->read_top = s->top;
   h->read_len = n;
   if (n == 0 && s->top < s->src->size)
      snprintf(h->unread_why, sizeof h->unread_why, "%s",
               s->message_is_error && s->message[0] ? s->message
                                                    : _("the hex pane could not read them"));
}

bool view_hex_unread(View *v, uint64_t off, char *why, size_t whysz) {
   HexState *h = view_hex_state(v);
   Session *s = view_hex_session(v);
   if (view_hex_proc_active(v) && view_hex_proc_bad(v, off)) {
      source_fault_why(s->src, &h->fault, why, whysz);
      return true;
   }
   if (h->read_len || off < h->read_top || off >= s->src->size)
      return false;              /* read, or not on the screen: session_peek() tells */
   snprintf(why, whysz, "%s", h->unread_why);
   return true;
}

static void hex_draw(View *v, int rows, int cols) {
   Session *s = view_hex_session(v);
   HexrowLayout L;
   HexState *h = view_hex_state(v);
   view_hex_pane_begin(v);
   int title = draw_title(v, cols, false);
   h->values_max_rows = 0;
   int pane = pane_rows(v, cols);
   int data = rows - title - pane;
   /* a short terminal shows fewer rows of the inspector's cells first */
   if (pane && data < PANE_DATA_ROWS_MIN
       && view_hex_values_shrink(v, cols, PANE_DATA_ROWS_MIN - data)) {
      pane = pane_rows(v, cols);
      data = rows - title - pane;
   }
   if (pane && data < 1) {
      /* say why M shows nothing, once for this size, not at every draw */
      char text[256];
      snprintf(text, sizeof text, ngettext("the mapping pane needs %d row and the screen has %d: "
                                           "make the terminal taller (M hides it)",
                                           "the mapping pane needs %d rows and the screen has %d: "
                                           "make the terminal taller (M hides it)",
                                           (unsigned long)(pane + 1)),
               pane + 1, rows - title);
      sizenote_holds(&h->pane_note, s, text);
      pane = 0;
      data = rows - title;
   } else {
      sizenote_gone(&h->pane_note, s);   /* it fits now, or the pane is hidden */
   }
   /* --cols wider than the terminal falls back to what fits, and says so */
   uint64_t last = source_address(s->src, s->src->size);   /* the widest offset shown */
   unsigned forced = ui_forced_cols(v->ui);
   bool forced_fits = hexrow_layout((unsigned)cols, forced, last, &L);
   bool fits = forced_fits || hexrow_layout((unsigned)cols, 0, last, &L);
   if (forced && !forced_fits && fits) {
      char text[256];
      snprintf(text, sizeof text,
               ngettext("%u bytes a row, as asked, do not fit in %d columns: showing %u byte a row",
                        "%u bytes a row, as asked, do not fit in %d columns: showing %u bytes a row",
                        L.bytes),
               forced, cols, L.bytes);
      sizenote_holds(&h->cols_note, s, text);
   } else {
      sizenote_gone(&h->cols_note, s);
   }
   view_hex_state(v)->laid_out = data >= 1 && fits;
   if (!view_hex_state(v)->laid_out) {
      view_draw_too_small(rows, cols);
      return;
   }
   view_hex_state(v)->first_row = title;
   view_hex_state(v)->data_rows = data;
   view_hex_state(v)->layout = L;
   session_set_geometry(s, L.bytes, (unsigned)data);
   size_t want = (size_t)L.bytes * (size_t)data, n = 0;
   if (ensure_buffer(view_hex_state(v), want)) {
      n = view_hex_live_read(v, view_hex_state(v)->buf, want);
      session_overlay(s, s->top, view_hex_state(v)->buf, n);
   }
   note_read(v, n);
   view_hex_proc_update(v, s->top, n);
   view_hex_search_mark(v, s->top, view_hex_state(v)->buf, n);
   draw_title(v, cols, true);
   for (int r = 0; r < data && (size_t)r * L.bytes < n; r++) {
      size_t at = (size_t)r * L.bytes, len = n - at < L.bytes ? n - at : L.bytes;
      draw_row(v, &L, title + r, s->top + at, view_hex_state(v)->buf + at, len);
   }
   if (pane)
      draw_pane(v, title + data, cols);
}

static void hex_status(View *v, char *out, size_t outsz) {
   Session *s = view_hex_session(v);
   uint64_t size = s->src->size;
   unsigned pct = size > 1 ? (unsigned)((unsigned __int128)s->cursor * 100 / (size - 1)) : 0;
   const char *mode = view_hex_edit_mode(v);
   char live[64];
   view_hex_live_mode(v, live, sizeof live);
   if (s->src->base)                   /* a process's bytes: where they are */
      snprintf(out, outsz, _("%s%s%s%saddress 0x%llx  %3u%% "), live, live[0] ? "  " : "",
               mode, mode[0] ? "  " : "", (ull)source_address(s->src, s->cursor), pct);
   else
      snprintf(out, outsz, _("%s%s%s%soffset 0x%llx = %llu  %3u%% "), live, live[0] ? "  " : "",
               mode, mode[0] ? "  " : "", (ull)s->cursor, (ull)s->cursor, pct);
}

static void hex_close(View *v) {
   view_hex_magic_free(v);
   view_hex_search_free(v);
   view_hex_live_free(v);
   view_hex_proc_free(v);
   session_close(view_hex_session(v));
   free(view_hex_state(v)->buf);
   free(view_hex_state(v)->source);
   view_free(v);
}

static Session *hex_session(View *v) {
   return view_hex_session(v);
}

/* Esc stopping a libmagic scan, a mark letter after m or ', then edit
 * mode's typing. */
static bool hex_intercept(View *v, int key) {
   return view_hex_magic_intercept(v, key) || view_hex_marks_intercept(v, key)
          || view_hex_edit_intercept(v, key);
}

static const ViewOps hex_ops = {
   .name = "hex",
   .draw = hex_draw,
   .status = hex_status,
   .key = NULL,
   .resize = NULL,
   .close = hex_close,
   .keys = hex_keys,
   .key_count = sizeof hex_keys / sizeof hex_keys[0],
   .commands = hex_commands,
   .command_count = sizeof hex_commands / sizeof hex_commands[0],
   .intercept = hex_intercept,
   .timer = view_hex_live_timer,
   .session = hex_session,
   .job_fd = view_hex_magic_fd,
   .job_done = view_hex_magic_done,

   .tick = view_hex_proc_tick,
};

View *view_hex_open(Ui *ui, const char *spec, const SessionConfig *cfg, Error *e) {
   View *v = view_new(ui, &hex_ops, sizeof(HexState));
   if (!v) {
      error_set(e, ERR_OPEN, ENOMEM, NULL);
      return NULL;
   }
   HexState *h = view_hex_state(v);
   if (!session_open(&h->session, spec, cfg, e)) {
      view_free(v);
      return NULL;
   }
   h->source = escape_dup(spec);
   view_hex_live_init(v, ui_refresh_ms(ui));
   view_hex_proc_init(v);
   return v;
}
