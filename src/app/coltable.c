/* coltable.c - named columns: parsing their names, printing their rows. */
#include "config.h"

#include "app/coltable.h"
#include "app/objfmt.h"
#include "app/pickmsg.h"
#include "core/gettext.h"

#include <stdlib.h>
#include <string.h>

/* SPEC's names, and their translations, as a NameSet over NAMES and ALT. */
#define COLTABLE_MAX 32
static void name_set(const ColSpec *spec, size_t n, const char **names, const char **alt,
                     NameSet *set) {
   n = n < COLTABLE_MAX ? n : COLTABLE_MAX;
   for (size_t i = 0; i < n; i++) {
      names[i] = spec[i].name;
      alt[i] = _(spec[i].name);
   }
   *set = (NameSet){ names, alt, n };
}

NamePick coltable_pick(const ColSpec *spec, size_t n, const char *word, size_t len, size_t *c,
                       PickMsg *m) {
   const char *names[COLTABLE_MAX], *alt[COLTABLE_MAX];
   NameSet set;
   name_set(spec, n, names, alt, &set);
   NamePick r = namepick(&set, word, len, c);
   if (r != NAMEPICK_FOUND && m)
      pickmsg_explain(&set, PICK_COLUMN, r, word, len, m);
   return r;
}

bool coltable_parse(const ColSpec *spec, size_t n, const char *name, size_t *c) {
   return coltable_pick(spec, n, name, strlen(name), c, NULL) == NAMEPICK_FOUND;
}

void coltable_names(const ColSpec *spec, size_t n, char *buf, size_t size) {
   size_t used = 0;
   buf[0] = '\0';
   for (size_t i = 0; i < n && used < size; i++)
      used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? ", " : "", spec[i].name);
}

bool coltable_parse_list(const ColSpec *spec, size_t n, const char *list, size_t *cols,
                         size_t max, size_t *count, const char **bad, size_t *bad_len) {
   char word[64];
   *count = 0;
   for (const char *p = list;; p++) {
      size_t len = strcspn(p, ",");
      snprintf(word, sizeof word, "%.*s", (int)(len < sizeof word - 1 ? len : sizeof word - 1), p);
      size_t c = 0;
      bool ok = len > 0 && len < sizeof word && coltable_parse(spec, n, word, &c) && *count < max;
      for (size_t i = 0; ok && i < *count; i++)
         ok = cols[i] != c;
      if (!ok) {
         *bad = p;
         *bad_len = len;
         return false;
      }
      cols[(*count)++] = c;
      p += len;
      if (!*p)
         return true;
   }
}

static const char *text_at(size_t r, size_t c, const ColSpec *spec, const size_t *cols,
                           const char *(*cell)(void *, size_t, size_t), void *ctx) {
   if (r == 0)
      return _(spec[cols[c]].heading);
   const char *t = cell(ctx, r - 1, c);
   return t ? t : "?";
}

void coltable_print(FILE *f, const ColSpec *spec, const size_t *cols, size_t ncols, size_t nrows,
                    const char *(*cell)(void *ctx, size_t r, size_t c), void *ctx) {
   /* each cell is measured once: a process's region list has 50,000 rows */
   size_t *width = calloc(ncols ? ncols : 1, sizeof *width);
   size_t *cw = calloc((nrows + 1) * (ncols ? ncols : 1), sizeof *cw);
   if (!width || !cw) {
      free(width);
      free(cw);
      return;
   }
   for (size_t r = 0; r <= nrows; r++)
      for (size_t c = 0; c < ncols; c++) {
         size_t w = objfmt_width(text_at(r, c, spec, cols, cell, ctx));
         cw[r * ncols + c] = w;
         width[c] = w > width[c] ? w : width[c];
      }
   for (size_t r = 0; r <= nrows; r++) {
      for (size_t c = 0; c < ncols; c++) {
         const char *t = text_at(r, c, spec, cols, cell, ctx);
         size_t pad = width[c] - cw[r * ncols + c];
         bool right = spec[cols[c]].right;
         if (c == ncols - 1) {
            fprintf(f, "%*s%s", right ? (int)pad : 0, "", t);
            break;
         }
         fprintf(f, "%*s%s%*s  ", right ? (int)pad : 0, "", t, right ? 0 : (int)pad, "");
      }
      fputc('\n', f);
   }
   free(cw);
   free(width);
}
