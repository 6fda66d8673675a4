/* prompt.c - the prompt's line editor and history. */
#include "config.h"

#include "ui/prompt.h"
#include "ui/keymap.h"
#include "core/textwidth.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

static bool is_cont(char c) { return ((unsigned char)c & 0xc0) == 0x80; }

/* The start of the character after the one at OFF. */
static size_t next_char(const Prompt *p, size_t off) {
   if (off >= p->len)
      return p->len;
   do
      off++;
   while (off < p->len && is_cont(p->text[off]));
   return off;
}

static size_t prev_char(const Prompt *p, size_t off) {
   return textwidth_last_char(p->text, off);
}

static bool reserve(Prompt *p, size_t need) {
   if (need + 1 <= p->cap)
      return true;
   size_t cap = p->cap ? p->cap : 256;
   while (cap < need + 1)
      cap *= 2;
   char *t = realloc(p->text, cap);
   if (!t)
      return false;
   p->text = t;
   p->cap = cap;
   return true;
}

static bool set_text(Prompt *p, const char *text) {
   size_t n = strlen(text);
   if (n > PROMPT_MAX || !reserve(p, n))
      return false;
   memcpy(p->text, text, n + 1);
   p->len = p->cur = n;
   return true;
}

bool prompt_open(Prompt *p, const char *initial) {
   p->len = p->cur = 0;
   if (!set_text(p, initial))
      return false;
   p->lead = p->len;
   p->history_at = p->history_count;
   return true;
}

const char *prompt_text(const Prompt *p) { return p->text ? p->text : ""; }

bool prompt_insert(Prompt *p, const char *text, size_t len) {
   if (p->len + len > PROMPT_MAX || !reserve(p, p->len + len))
      return false;
   memmove(p->text + p->cur + len, p->text + p->cur, p->len - p->cur + 1);
   memcpy(p->text + p->cur, text, len);
   p->len += len;
   p->cur += len;
   return true;
}

/* Remove the bytes [FROM, TO); the cursor goes to FROM. */
static void cut(Prompt *p, size_t from, size_t to) {
   memmove(p->text + from, p->text + to, p->len - to + 1);
   p->len -= to - from;
   p->cur = from;
}

static bool blank(char c) { return c == ' ' || c == '\t'; }

/* C-w: the blanks before the cursor, then the word before them. */
static void cut_word(Prompt *p) {
   size_t from = p->cur;
   while (from > 0 && blank(p->text[from - 1]))
      from--;
   while (from > 0 && !blank(p->text[from - 1]))
      from--;
   cut(p, from, p->cur);
}

/* Whether history line I began as this prompt did ("find " for /). */
static bool same_prompt(const Prompt *p, unsigned i) {
   return strncmp(p->history[i], p->text, p->lead) == 0;
}

/* Up (STEP -1) and Down (+1): the previous or next line of this prompt's
 * history; past the newest, the line as the prompt opened. */
static void recall(Prompt *p, int step) {
   unsigned at = p->history_at;
   do {
      if (step < 0 && at == 0)
         return;                           /* no older line: stay */
      at = step < 0 ? at - 1 : at + 1;
   } while (at < p->history_count && !same_prompt(p, at));
   if (at > p->history_count)
      return;
   p->history_at = at;
   if (at < p->history_count) {
      set_text(p, p->history[at]);
   } else {
      p->text[p->lead] = '\0';
      p->len = p->cur = p->lead;
   }
}

static PromptResult byte_key(Prompt *p, int key) {
   char c = (char)key;
   return prompt_insert(p, &c, 1) ? PROMPT_EDITED : PROMPT_FULL;
}

PromptResult prompt_edit(Prompt *p, int key) {
   switch (key) {
   case '\r': case '\n': case KEY_ENTER:
      return PROMPT_ENTER;
   case KEYMAP_ESC: case KEYMAP_CTRL('g'):
      return PROMPT_CANCEL;
   case KEY_BACKSPACE: case 127: case KEYMAP_CTRL('h'):
      if (p->len == 0)
         return PROMPT_CANCEL;
      if (p->cur > 0)                      /* a whole character, not one byte */
         cut(p, prev_char(p, p->cur), p->cur);
      return PROMPT_EDITED;
   case KEY_DC: case KEYMAP_CTRL('d'):
      cut(p, p->cur, next_char(p, p->cur));
      return PROMPT_EDITED;
   case KEY_LEFT: case KEYMAP_CTRL('b'):
      p->cur = prev_char(p, p->cur);
      return PROMPT_EDITED;
   case KEY_RIGHT: case KEYMAP_CTRL('f'):
      p->cur = next_char(p, p->cur);
      return PROMPT_EDITED;
   case KEY_HOME: case KEYMAP_CTRL('a'):
      p->cur = 0;
      return PROMPT_EDITED;
   case KEY_END: case KEYMAP_CTRL('e'):
      p->cur = p->len;
      return PROMPT_EDITED;
   case KEYMAP_CTRL('w'):
      cut_word(p);
      return PROMPT_EDITED;
   case KEYMAP_CTRL('u'):
      cut(p, 0, p->cur);
      return PROMPT_EDITED;
   case KEYMAP_CTRL('k'):
      cut(p, p->cur, p->len);
      return PROMPT_EDITED;
   case KEY_UP: case KEYMAP_CTRL('p'):
      recall(p, -1);
      return PROMPT_EDITED;
   case KEY_DOWN: case KEYMAP_CTRL('n'):
      recall(p, 1);
      return PROMPT_EDITED;
   default:
      break;
   }
   /* bytes 0x80-0xff: the UTF-8 the terminal sends, a byte at a time */
   if (key >= 0x20 && key <= 0xff && key != 0x7f)
      return byte_key(p, key);
   return PROMPT_UNUSED;
}

void prompt_remember(Prompt *p, const char *line) {
   if (!*line || (p->history_count && strcmp(p->history[p->history_count - 1], line) == 0))
      return;
   char *copy = strdup(line);
   if (!copy)
      return;
   if (p->history_count == PROMPT_HISTORY) {
      free(p->history[0]);
      memmove(p->history, p->history + 1, sizeof p->history[0] * (PROMPT_HISTORY - 1));
      p->history_count--;
   }
   p->history[p->history_count++] = copy;
}

void prompt_free(Prompt *p) {
   free(p->text);
   for (unsigned i = 0; i < p->history_count; i++)
      free(p->history[i]);
   memset(p, 0, sizeof *p);
}
