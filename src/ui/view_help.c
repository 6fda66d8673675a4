/* view_help.c - help: every key and command, built from the tables. */
#include "config.h"

#include "ui/crt.h"
#include "ui/keymap.h"
#include "ui/view.h"
#include "ui/textscroll.h"
#include "core/gettext.h"
#include "core/textwidth.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HELP_LINES_MAX 160

/* The entries of help, each wrapped to the width when drawn: an entry's
 * description (from byte DESC_AT of its line; 0: the whole line is one)
 * goes on in its own column on continuation lines, never cut. */
typedef struct {
   char *lines[HELP_LINES_MAX];
   bool heading[HELP_LINES_MAX];
   size_t desc_at[HELP_LINES_MAX];
   int desc_col[HELP_LINES_MAX];  /* ... the column descriptions start at */
   int count;
   TextScroll scroll;     /* in screen lines, as wrapped at the last draw */
} HelpState;

/* A description narrower than this in its column goes under its key. */
#define DESC_MIN_COLS 16

static HelpState *state(View *v) { return v->state; }

static void add_line(HelpState *h, bool heading, const char *fmt, ...)
   PRINTF_LIKE(3, 4);
static void add_line(HelpState *h, bool heading, const char *fmt, ...) {
   if (h->count == HELP_LINES_MAX)
      return;
   char buf[1024];                 /* a translated line is more bytes than columns */
   va_list ap;
   va_start(ap, fmt);
   vsnprintf(buf, sizeof buf, fmt, ap);
   va_end(ap);
   h->heading[h->count] = heading;
   h->desc_at[h->count] = 0;
   h->lines[h->count++] = strdup(buf);
}

/* An entry: PREFIX (the key or command, padded to COL, the column of the
 * descriptions of its kind), then DESC. */
static void add_entry(HelpState *h, const char *prefix, int col, const char *desc) {
   add_line(h, false, "%s%s", prefix, desc);
   if (h->count && h->lines[h->count - 1] && !h->desc_at[h->count - 1]) {
      h->desc_at[h->count - 1] = strlen(prefix);
      h->desc_col[h->count - 1] = col;
   }
}

/* The keys' column ("  %-16s ") and the commands' ("  " 22 columns " "). */
#define KEY_COL 19
#define COMMAND_COL 25

/* A key and its aliases ("j Down"), then what it does. */
static void add_keys(HelpState *h, const KeyBinding *keys, size_t n) {
   for (size_t i = 0; i < n; i++) {
      if (!keys[i].label)
         continue;
      char names[64], alias[24];
      snprintf(names, sizeof names, "%s", keys[i].label);
      for (size_t j = i + 1; j < n && !keys[j].label; j++) {
         keymap_label(keys[j].key, alias, sizeof alias);
         size_t len = strlen(names);
         snprintf(names + len, sizeof names - len, " %s", alias);
      }
      char prefix[96];
      snprintf(prefix, sizeof prefix, "  %-16s ", names);
      add_entry(h, prefix, KEY_COL, _(keys[i].help));
   }
}

static bool holds_key(const ViewOps *ops, int key) {
   for (size_t i = 0; i < ops->key_count; i++)
      if (ops->keys[i].key == key)
         return true;
   return false;
}

/* A text view's scrolling keys (textscroll.h), but those its own table
 * takes (the tour's Space and g): an alias left alone by its key's row
 * being taken is shown under its own name. */
static void add_scroll_keys(HelpState *h, const ViewOps *ops) {
   enum { MAX = 32 };
   KeyBinding kept[MAX];
   char names[MAX][24];
   size_t n = 0;
   const char *help = NULL;
   bool started = false;
   for (size_t i = 0; i < textscroll_key_count && n < MAX; i++) {
      KeyBinding k = textscroll_keys[i];
      if (k.label) {
         help = k.help;
         started = false;
      }
      if (holds_key(ops, k.key))
         continue;
      if (!started) {
         keymap_label(k.key, names[n], sizeof names[n]);
         k.label = k.label ? k.label : names[n];
         k.help = help;
         started = true;
      }
      kept[n++] = k;
   }
   add_keys(h, kept, n);
}

static void add_commands(HelpState *h, const Command *cmds, size_t n) {
   for (size_t i = 0; i < n; i++) {
      char usage[64];
      snprintf(usage, sizeof usage, ":%s%s%s", cmds[i].name, cmds[i].args ? " " : "",
               cmds[i].args ? _(cmds[i].args) : "");
      char padded[96], prefix[104];  /* the arguments are translated: columns, not bytes */
      snprintf(prefix, sizeof prefix, "  %s ", textwidth_pad(padded, sizeof padded, usage, 22, 0));
      add_entry(h, prefix, COMMAND_COL, _(cmds[i].help));
   }
}

static void build(HelpState *h, const View *about) {
   size_t n;
   const KeyBinding *gk = ui_global_keys(&n);
   add_line(h, true, _("mapscope help: q, Esc or ? closes it; j k Space PgDn PgUp scroll"));
   add_line(h, false, "%s", "");
   add_line(h, true, _("Keys of this view"));
   add_keys(h, about->ops->keys, about->ops->key_count);
   if (about->ops->text)
      add_scroll_keys(h, about->ops);
   add_line(h, false, "%s", "");
   add_line(h, true, _("Keys everywhere"));
   add_keys(h, gk, n);
   char prefix[32];
   snprintf(prefix, sizeof prefix, "  %-16s ", "C-z");
   add_entry(h, prefix, KEY_COL, _("suspend (fg resumes)"));
   snprintf(prefix, sizeof prefix, "  %-16s ", "5j 10l 3n");
   add_entry(h, prefix, KEY_COL, _("a count before a key moves or repeats it that often"));
   add_line(h, false, "%s", "");
   add_line(h, true, _("Commands (after ':'; a unique prefix is enough; ':N' is ':goto N')"));
   add_commands(h, about->ops->commands, about->ops->command_count);
   const Command *gc = ui_global_commands(&n);
   add_commands(h, gc, n);
   if (!ui_session(about->ui))
      return;                     /* the object list: no object open, no bytes */
   add_commands(h, session_commands, session_command_count);
   add_line(h, false, "%s", "");
   add_line(h, true, _("Bytes in the text pane"));
   add_line(h, false, _("  %s NUL   %s tab, newline and other white space   %s control   %s 0x80-0xff"),
            crt_utf8() ? "\xc2\xb7" : ".", crt_utf8() ? "\xe2\x90\xa3" : "_",
            crt_utf8() ? "\xe2\x80\xa2" : "^", crt_utf8() ? "\xc3\x97" : "~");
}

/* Put (when DRAW) the LEN bytes of TEXT at screen line *LINE, column X,
 * if that line is in sight; count the line. */
static void put_line(HelpState *h, int *line, int rows, int x, const char *text, size_t len,
                     int cols, bool draw) {
   int y = *line - h->scroll.first;
   if (draw && y >= 0 && y < rows)
      crt_put_len(y, x, text, len, cols - x);
   (*line)++;
}

/* TEXT wrapped at COLS from column X on (the first line from column
 * FIRST_X), each piece on a line of its own. */
static void put_wrapped(HelpState *h, int *line, int rows, int first_x, int x, const char *text,
                        int cols, bool draw) {
   int at = first_x;
   do {
      size_t next, end = textwidth_wrap(text, (size_t)(cols - at), &next);
      put_line(h, line, rows, at, text, end, cols, draw);
      text += next ? next : strlen(text);
      at = x;
   } while (*text);
}

/* PREFIX without the spaces that pad it to its column. */
static void trim_padding(char *prefix) {
   size_t end = strlen(prefix);
   while (end && prefix[end - 1] == ' ')
      end--;
   prefix[end] = '\0';
}

/* Lay help out at COLS (drawing it when DRAW): every entry whole, its
 * description wrapped in its column (a key list or a command wider than
 * its column alone on its line, the description on the next ones, in the
 * column still), or under the key when the column leaves it too little
 * room.  Returns the screen lines it takes. */
static int layout(HelpState *h, int rows, int cols, bool draw) {
   int line = 0;
   for (int i = 0; i < h->count; i++) {
      const char *text = h->lines[i];
      if (draw)
         attrset(h->heading[i] ? crt_attr(CRT_HEADING) : (int)A_NORMAL);
      if (!*text) {
         line++;
         continue;
      }
      if (!h->desc_at[i]) {
         put_wrapped(h, &line, rows, 0, cols > 8 ? 2 : 0, text, cols, draw);
         continue;
      }
      char prefix[128];
      snprintf(prefix, sizeof prefix, "%.*s", (int)h->desc_at[i], text);
      int col = (int)crt_cols(prefix), want = h->desc_col[i];
      const char *desc = text + h->desc_at[i];
      if (cols - want >= DESC_MIN_COLS && col > want) {   /* wider than its column */
         trim_padding(prefix);
         put_wrapped(h, &line, rows, 0, cols > 8 ? 4 : 0, prefix, cols, draw);
         put_wrapped(h, &line, rows, want, want, desc, cols, draw);
      } else if (cols - col >= DESC_MIN_COLS) {
         int y = line - h->scroll.first;
         if (draw && y >= 0 && y < rows)
            crt_put(y, 0, prefix, col);
         put_wrapped(h, &line, rows, col, col, desc, cols, draw);
      } else {                          /* narrow: the key, then what it does under it */
         trim_padding(prefix);
         put_wrapped(h, &line, rows, 0, cols > 8 ? 4 : 0, prefix, cols, draw);
         int x = cols > 8 ? 4 : 0;
         put_wrapped(h, &line, rows, x, x, desc, cols, draw);
      }
   }
   if (draw)
      attrset(A_NORMAL);
   return line;
}

static void help_draw(View *v, int rows, int cols) {
   HelpState *h = state(v);
   textscroll_fit(&h->scroll, layout(h, rows, cols, false), rows);
   layout(h, rows, cols, true);
}

static void help_status(View *v, char *out, size_t outsz) {
   HelpState *h = state(v);
   snprintf(out, outsz, _("help %d/%d "), h->scroll.first + 1, h->scroll.lines);
}

static TextScroll *help_text(View *v) { return &state(v)->scroll; }
static void k_close(View *v) { ui_pop(v->ui); }

/* The scrolling keys are the text views' own (textscroll_keys). */
static const KeyBinding help_keys[] = {
   { 'q', "q", N_("close help"), k_close },
   { KEYMAP_ESC, NULL, NULL, k_close },
   { '?', NULL, NULL, k_close },
   { KEY_F(1), NULL, NULL, k_close },
};

static void help_close(View *v) {
   HelpState *h = state(v);
   for (int i = 0; i < h->count; i++)
      free(h->lines[i]);
   view_free(v);
}

static const ViewOps help_ops = {
   .name = "help",
   .draw = help_draw,
   .status = help_status,
   .close = help_close,
   .keys = help_keys,
   .key_count = sizeof help_keys / sizeof help_keys[0],
   .text = help_text,
};

View *view_help_new(Ui *ui, const View *about) {
   View *v = view_new(ui, &help_ops, sizeof(HelpState));
   if (!v)
      return NULL;
   HelpState *h = state(v);
   h->scroll.rows = 1;
   build(h, about);
   return v;
}
