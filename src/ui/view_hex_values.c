/* view_hex_values.c - the data inspector, at the foot of the mapping pane:
 * the bytes at the cursor as integers, floating-point numbers and times, in
 * the byte order chosen with e (or :endian).
 *
 *    data at 0x12345, little-endian (e: big-endian)
 *    u8 171  i8 -85    u16 44459  i16 -21077  u32 ...
 *
 * Every value is padded to the widest text of its type, so the cells stay
 * put while the cursor moves; they flow into as many rows as the width
 * needs. */
#include "config.h"

#include "ui/crt.h"
#include "ui/view_hex.h"
#include "core/gettext.h"
#include "core/values.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#define CELL_GAP 2

typedef unsigned long long ull;


static int cell_width(ValuesType t) {
   return (int)(strlen(values_name(t)) + 1 + values_width(t));
}

/* Where each cell goes for COLS columns: its row (from 0) and column.
 * Returns the rows used. */
static int place_cells(int cols, int row[VALUES_COUNT], int col[VALUES_COUNT]) {
   int r = 0, x = 0;
   for (int t = 0; t < VALUES_COUNT; t++) {
      int w = cell_width((ValuesType)t);
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

int view_hex_values_rows(View *v, int cols) {
   (void)v;
   int row[VALUES_COUNT], col[VALUES_COUNT];
   return 1 + place_cells(cols, row, col);
}

void view_hex_values_draw(View *v, int y, int cols) {
   Session *s = view_hex_session(v);
   bool big = view_hex_state(v)->big_endian;
   unsigned char bytes[8];
   size_t n = session_peek(s, s->cursor, bytes, sizeof bytes);
   char line[160];
   snprintf(line, sizeof line, big ? _("data at 0x%llx, big-endian (e: little-endian)")
                                   : _("data at 0x%llx, little-endian (e: big-endian)"),
            (ull)s->cursor);
   attrset(crt_attr(CRT_HEADING));
   mvaddnstr(y, 0, line, cols);
   int row[VALUES_COUNT], col[VALUES_COUNT];
   place_cells(cols, row, col);
   for (int t = 0; t < VALUES_COUNT; t++) {
      if (col[t] >= cols)
         continue;
      char text[VALUES_TEXT_MAX];
      values_format((ValuesType)t, bytes, n, big, text);
      attrset(crt_attr(CRT_HEADING));
      mvaddnstr(y + 1 + row[t], col[t], values_name((ValuesType)t), cols - col[t]);
      int x = col[t] + (int)strlen(values_name((ValuesType)t)) + 1;
      attrset(crt_attr(CRT_PANE));
      if (x < cols)
         mvaddnstr(y + 1 + row[t], x, text, cols - x);
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
