/* view_hex_values.c - the data inspector, at the foot of the mapping pane:
 * the bytes at the cursor as integers, floating-point numbers, characters,
 * times and GUIDs, in the byte order chosen with e (or :endian), with
 * libmagic's type of the bytes from the cursor on; = (or :set) types a
 * value into a field, which edits the bytes through the session's
 * copy-on-write edits (undo works; a read-only object refuses).
 *
 *    data at 0x12345, little-endian (e: big-endian)
 *    type at 0x12345: PNG image data, 1 x 1, 8-bit/color RGB, non-interlaced
 *    u8 171  i8 -85    u16 44459  i16 -21077  u32 ...
 *
 * Every value is padded to the widest text of its type, so the cells stay
 * put while the cursor moves; they flow into as many rows as the width
 * needs. */
#include "config.h"

#include "ui/crt.h"
#include "ui/view.h"
#include "ui/view_hex.h"
#include "app/session_edit.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "core/textwidth.h"
#include "core/values.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#define CELL_GAP 2

typedef unsigned long long ull;


/* The order of the cells: related types together, packed so that 80
 * columns take seven rows. */
static const ValuesType order[VALUES_COUNT] = {
   VALUES_U8, VALUES_I8, VALUES_U16, VALUES_I16, VALUES_U32, VALUES_I32,
   VALUES_F16, VALUES_F32, VALUES_F64, VALUES_BIN,
   VALUES_U64, VALUES_I64, VALUES_HEX,
   VALUES_TIME32, VALUES_TIME64, VALUES_DOS,
   VALUES_UTF8, VALUES_UTF16,
   VALUES_FILETIME, VALUES_UUID,
   VALUES_GUID,
};

static int cell_width(ValuesType t) {
   return (int)(strlen(values_name(t)) + 1 + values_width(t));
}

/* Where each cell goes for COLS columns: its row (from 0) and column.
 * Returns the rows used. */
static int place_cells(int cols, int row[VALUES_COUNT], int col[VALUES_COUNT]) {
   int r = 0, x = 0;
   for (int t = 0; t < VALUES_COUNT; t++) {
      int w = cell_width(order[t]);
      if (x > 0 && x + w > cols) {
         r++;
         x = 0;
      }
      row[t] = r;
      col[t] = x;
      x += w + CELL_GAP;
   }
   return r + 1;
}

static int cell_rows(View *v, int cols) {
   int row[VALUES_COUNT], col[VALUES_COUNT];
   int n = place_cells(cols, row, col), max = view_hex_state(v)->values_max_rows;
   return max > 0 && max < n ? max : n;
}

int view_hex_values_rows(View *v, int cols) {
   return 1 + view_hex_magic_rows(v) + cell_rows(v, cols);
}

/* One row of cells is always kept: the inspector is there, if cut. */
bool view_hex_values_shrink(View *v, int cols, int lacking) {
   int have = cell_rows(v, cols);
   if (have - lacking < 1)
      return false;
   view_hex_state(v)->values_max_rows = have - lacking;
   return true;
}

/* Instead of the cells, where the hex pane could not read the byte at the
 * cursor: why (the inspector shows no value it never read). */
static void draw_unread(int y, int cols, int rows, const char *why) {
   char text[512], safe[1024];
   snprintf(text, sizeof text, _("no values: the bytes here could not be read (%s)"), why);
   const char *t = crt_safe(safe, sizeof safe, text);   /* wrapped as it is drawn */
   attrset(crt_attr(CRT_PANE));
   for (int r = 0; r < rows && *t; r++) {
      size_t next, end = textwidth_wrap(t, (size_t)(cols > 1 ? cols : 1), &next);
      crt_put_len(y + r, 0, t, end, cols);
      t += next;
   }
}

/* Bytes after the cursor that could not be read end what is decoded. */
static size_t readable_run(View *v, uint64_t at, size_t n) {
   char why[8];
   for (size_t i = 1; i < n; i++)
      if (view_hex_unread(v, at + i, why, sizeof why))
         return i;
   return n;
}

/* The bytes at the cursor: when the read fails as a whole (a process's
 * page that cannot be read follows), those before the failure, one by one. */
static size_t peek(Session *s, uint64_t at, unsigned char *bytes, size_t cap) {
   size_t n = session_peek(s, at, bytes, cap);
   if (n > 0)
      return n;
   while (n < cap && session_peek(s, at + n, bytes + n, 1) == 1)
      n++;
   return n;
}

void view_hex_values_draw(View *v, int y, int cols) {
   Session *s = view_hex_session(v);
   bool big = view_hex_state(v)->big_endian;
   unsigned char bytes[VALUES_BYTES_MAX];
   char why[256];
   bool unread = view_hex_unread(v, s->cursor, why, sizeof why);
   size_t n = unread ? 0 : peek(s, s->cursor, bytes, sizeof bytes);
   n = readable_run(v, s->cursor, n);
   char line[160];
   snprintf(line, sizeof line, big ? _("data at 0x%llx, big-endian (e: little-endian)")
                                   : _("data at 0x%llx, little-endian (e: big-endian)"),
            (ull)s->cursor);
   attrset(crt_attr(CRT_HEADING));
   crt_put(y, 0, line, cols);
   view_hex_magic_draw(v, ++y, cols);
   int row[VALUES_COUNT], col[VALUES_COUNT];
   place_cells(cols, row, col);
   int shown = cell_rows(v, cols);
   if (unread) {
      draw_unread(y + 1, cols, shown, why);
      attrset(A_NORMAL);
      return;
   }
   for (int t = 0; t < VALUES_COUNT; t++) {
      if (col[t] >= cols || row[t] >= shown)
         continue;
      char text[VALUES_TEXT_MAX];
      values_format_glyphs(order[t], bytes, n, big, crt_utf8(), text);
      attrset(crt_attr(CRT_HEADING));
      crt_put(y + 1 + row[t], col[t], values_name(order[t]), cols - col[t]);
      int x = col[t] + (int)strlen(values_name(order[t])) + 1;
      attrset(crt_attr(CRT_PANE));
      if (x < cols)      /* a character may take two columns: cut by columns */
         crt_put(y + 1 + row[t], x, text, cols - x);
   }
   attrset(A_NORMAL);
}

void view_hex_values_toggle(View *v) {
   view_hex_state(v)->big_endian = !view_hex_state(v)->big_endian;
   if (!view_hex_state(v)->mapping)
      session_message(view_hex_session(v), false, "%s", view_hex_state(v)->big_endian
                      ? _("data inspector: big-endian (m shows it)")
                      : _("data inspector: little-endian (m shows it)"));
}

CommandStatus view_hex_cmd_endian(void *ctx, const char *args) {
   View *v = ctx;
   if (args[0] == '\0') {
      view_hex_values_toggle(v);
      return COMMAND_OK;
   }
   if (strcmp(args, "little") != 0 && strcmp(args, "big") != 0) {
      session_message(view_hex_session(v), true, _("endian %s: give little or big"), args);
      return COMMAND_FAILED;
   }
   view_hex_state(v)->big_endian = args[0] == 'b';
   return COMMAND_OK;
}

void view_hex_values_prompt(View *v) {
   ui_open_prompt(v->ui, "set ");
}

/* The field's name, then its value (the rest, spaces and all). */
CommandStatus view_hex_cmd_set(void *ctx, const char *args) {
   View *v = ctx;
   Session *s = view_hex_session(v);
   char name[16], shown[160];
   size_t n = strcspn(args, " ");
   const char *value = args + n + strspn(args + n, " ");
   if (n == 0 || !*value) {
      session_message(s, true, "%s", _("set: give a field and a value (set u32 1234, "
                                       "set f16 -2, set guid {...}, set bytes de ad)"));
      return COMMAND_FAILED;
   }
   escape_into(shown, sizeof shown, args);
   if (n >= sizeof name) {
      session_message(s, true, _("set %s: %s"), shown, _("no such field (u8 ... uuid, or bytes)"));
      return COMMAND_FAILED;
   }
   memcpy(name, args, n);
   name[n] = '\0';
   unsigned char bytes[4096];
   size_t len;
   const char *why = NULL;
   if (!values_parse(name, value, view_hex_state(v)->big_endian, bytes, sizeof bytes, &len,
                     &why)) {
      session_message(s, true, _("set %s: %s"), shown, _(why));
      return COMMAND_FAILED;
   }
   uint64_t at = s->cursor;
   if (!session_edit_bytes(s, at, bytes, len))
      return COMMAND_FAILED;
   session_message(s, false, ngettext("%s: %zu byte edited at 0x%llx (u undoes)",
                                      "%s: %zu bytes edited at 0x%llx (u undoes)", len),
                   name, len, (ull)at);
   return COMMAND_OK;
}
