/* mode_find.c - --find PATTERN [--count] [--hex] [-i] SOURCE.
 *
 * One line per match, in the order of the object:
 *    0x0000a3f0 41968
 * the offset of the match's first byte in hex (at least 8 digits) and in
 * decimal.  --count prints only the number.  Exit status as grep's: 0 when
 * something matched, 1 when nothing did, 2 for a bad pattern (and 1 for a
 * source that fails). */
#include "config.h"

#include "app/mode_find.h"
#include "app/diag.h"
#include "app/objfmt.h"
#include "app/range.h"
#include "app/recovery.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "core/offset.h"
#include "core/search.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
   uint64_t count;
   uint64_t base;          /* Source.base: matches print as addresses */
   bool print;
   char line[48];
} Found;

/* "0x%08llx %llu\n" without printf: a 1-byte pattern may match 10^9 times. */
static size_t format_match(char *out, uint64_t off) {
   static const char digits[] = "0123456789abcdef";
   char tmp[24];
   size_t n = 0, len = 0;
   do {
      tmp[n] = digits[(off >> (4 * n)) & 0xf];
      n++;
   } while (n < 16 && (n < 8 || (off >> (4 * n)) != 0));
   out[len++] = '0';
   out[len++] = 'x';
   while (n > 0)
      out[len++] = tmp[--n];
   out[len++] = ' ';
   do {
      tmp[n++] = (char)('0' + off % 10);
      off /= 10;
   } while (off);
   while (n > 0)
      out[len++] = tmp[--n];
   out[len++] = '\n';
   return len;
}

static bool on_matches(void *ctx, uint64_t first, uint64_t count) {
   Found *f = ctx;
   f->count += count;
   for (uint64_t i = 0; f->print && i < count; i++)
      fwrite(f->line, 1, format_match(f->line, f->base + first + i), stdout);
   return true;
}

static int bad_pattern(const Options *o, const char *why, size_t where) {
   char reason[256];
   snprintf(reason, sizeof reason, _("%s, at byte %zu of the pattern"), _(why), where + 1);
   return diag_bad_value("--find", o->find, _(error_message(ERR_BAD_PATTERN)), reason);
}

static int finish_output(const Found *f) {
   if (!f->print)
      printf("%llu\n", (unsigned long long)f->count);
   if (fflush(stdout) != 0 || ferror(stdout)) {
      Error e;
      error_set(&e, ERR_WRITE, errno, NULL);
      return diag_error(NULL, &e);
   }
   return f->count ? 0 : 1;
}

static int scan(const Options *o, Source *src, const SearchPattern *p) {
   uint64_t lo = 0, length = 0;
   int status = range_resolve(o, src, &lo, &length);
   if (status >= 0)
      return status;
   if (lo > src->size) {
      char *name = escape_dup(src->spec);
      diag_warn(_("%s: the offset %llu is past the end (%llu bytes): nothing to search"),
                name, (unsigned long long)lo, (unsigned long long)src->size);
      free(name);
      return finish_output(&(Found){ .print = !o->count });
   }
   uint64_t hi = range_end(lo, length, src->size);
   Error e;
   SearchScanner *sc;
   if (!search_scanner_new(src, p, lo, hi, NULL, &sc, &e))
      return diag_error(o->source, &e);
   Found f = { .print = !o->count, .base = src->base };
   static char outbuf[1 << 16];
   setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
   SearchStatus st = search_each_run(sc, lo, on_matches, &f, &e);
   search_scanner_free(sc);
   if (st == SEARCH_FAILED) {
      fflush(stdout);
      return diag_error(o->source, &e);
   }
   return finish_output(&f);
}

int mode_find_run(const Options *o) {
   SearchPattern *p;
   const char *why = NULL;
   size_t where = 0;
   if (!search_parse(o->find, o->hex ? SEARCH_HEX : SEARCH_TEXT, o->ignore_case, &p, &why, &where))
      return bad_pattern(o, why, where);
   Error e;
   Source *src;
   int status;
   if (!source_open_reading(o->source, &src, &e)) {
      status = diag_error(o->source, &e);
   } else {
      recovery_warn(src);     /* read-only: says so, writes nothing */
      status = scan(o, src, p);
      objfmt_attach_warn(src);
      source_close(src);
   }
   search_pattern_free(p);
   return status;
}
