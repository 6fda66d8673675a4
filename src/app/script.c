/* script.c - reading key scripts. */
#include "config.h"

#include "app/script.h"
#include "core/gettext.h"
#include "platform/files.h"
#include "platform/scene.h"

#include <string.h>

bool script_open(Script *sc, const char *path, Error *e) {
   memset(sc, 0, sizeof *sc);
   PlatformStat st;
   int rc = platform_open_path(path, false, &sc->fd, &st);
   if (rc != 0) {
      error_set(e, ERR_OPEN, rc, NULL);
      sc->fd = -1;
      return false;
   }
   if (st.kind == PLATFORM_KIND_DIRECTORY) {
      platform_close(sc->fd);
      sc->fd = -1;
      error_set(e, ERR_IS_DIRECTORY, 0, NULL);
      return false;
   }
   return true;
}

void script_close(Script *sc) {
   if (sc->fd >= 0)
      platform_close(sc->fd);
   sc->fd = -1;
   sc->eof = true;
}

bool script_fill(Script *sc, Error *e) {
   if (sc->eof || sc->fd < 0)
      return true;
   if (sc->len == sizeof sc->buf)          /* take_line() empties it first */
      return true;
   size_t got;
   int rc = platform_read_some(sc->fd, sc->buf + sc->len, sizeof sc->buf - sc->len, &got);
   if (rc != 0) {
      error_set(e, ERR_READ, rc, NULL);
      sc->eof = true;
      return false;
   }
   if (got == 0)
      sc->eof = true;
   sc->len += got;
   return true;
}

/* Drop the buffer's first N bytes. */
static void drop(Script *sc, size_t n) {
   memmove(sc->buf, sc->buf + n, sc->len - n);
   sc->len -= n;
}

/* Drop what is left of an overlong line; true once its newline is gone. */
static bool skip_rest(Script *sc) {
   char *nl = memchr(sc->buf, '\n', sc->len);
   drop(sc, nl ? (size_t)(nl - sc->buf) + 1 : sc->len);
   sc->skipping = !nl;
   return nl != NULL;
}

static const char *flaw_of(const Script *sc, size_t n, bool cut) {
   if (cut || n > sizeof sc->line - 1)
      return N_("the line is too long");
   if (memchr(sc->buf, '\0', n))
      return N_("the line holds a NUL byte");
   return NULL;
}

/* Move the first line of the buffer to sc->line; the last line of a file
 * needs no newline.  A line that fills the buffer is taken as it is, with
 * its flaw, and the rest of it dropped as it comes. */
static bool take_line(Script *sc) {
   if (sc->skipping && !skip_rest(sc))
      return false;
   char *nl = memchr(sc->buf, '\n', sc->len);
   bool cut = !nl && sc->len == sizeof sc->buf;
   size_t n = nl ? (size_t)(nl - sc->buf) : sc->len;
   if (!nl && !cut && (!sc->eof || sc->len == 0))
      return false;
   sc->flaw = flaw_of(sc, n, cut);
   size_t keep = n < sizeof sc->line - 1 ? n : sizeof sc->line - 1;
   memcpy(sc->line, sc->buf, keep);
   sc->line[keep] = '\0';
   if (keep > 0 && sc->line[keep - 1] == '\r')
      sc->line[keep - 1] = '\0';
   drop(sc, nl ? n + 1 : n);
   sc->skipping = cut;
   sc->line_no++;
   return true;
}

static ScriptKind classify(Script *sc, const char **text) {
   char *l = sc->line;
   if (sc->flaw) {
      *text = l;
      return SCRIPT_BAD;
   }
   while (*l == ' ' || *l == '\t')
      l++;
   if (*l == '\0' || *l == '#')
      return SCRIPT_NONE;
   if (*l == ':') {
      *text = l + 1;
      return SCRIPT_COMMAND;
   }
   if (*l == '@') {
      *text = l;
      if (strncmp(l, "@sync ", 6) != 0)
         return SCRIPT_BAD;
      *text = l + 6;
      return SCRIPT_SYNC;
   }
   *text = l;
   return SCRIPT_KEYS;
}

ScriptKind script_next(Script *sc, const char **text) {
   while (take_line(sc)) {
      ScriptKind k = classify(sc, text);
      if (k != SCRIPT_NONE)
         return k;
   }
   return sc->eof && sc->len == 0 ? SCRIPT_END : SCRIPT_NONE;
}

bool script_next_key(const char **p, int *ch, char *name, size_t namesz) {
   const char *s = *p;
   if (*s == '\0')
      return false;
   const char *close = *s == '<' ? strchr(s, '>') : NULL;
   if (close && close > s + 1 && (size_t)(close - s - 1) < namesz) {
      memcpy(name, s + 1, (size_t)(close - s - 1));
      name[close - s - 1] = '\0';
      *ch = -1;
      *p = close + 1;
      return true;
   }
   if (namesz > 0)
      name[0] = '\0';
   *ch = (unsigned char)*s;
   *p = s + 1;
   return true;
}

int script_sync_create(const char *path, const char *text) {
   return platform_file_create(path, text, strlen(text));   /* O_CREAT | O_EXCL */
}
