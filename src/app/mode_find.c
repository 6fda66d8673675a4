/* mode_find.c - --find PATTERN [--count] [--hex] [-i] SOURCE.
 *
 * One line per match, in the order of the object:
 *    0x0000a3f0 41968
 * the offset of the match's first byte in hex (at least 8 digits) and in
 * decimal.  --count prints only the number.  Exit status as grep's: 0 when
 * something matched, 1 when nothing did, 2 when any error occurred (a bad
 * pattern or option, a source that cannot be opened or read, a region of a
 * process that could not be read, output that cannot be written), even if
 * matches were found elsewhere: grep(1) says so, -q aside, which --find
 * does not have. */
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
#include "platform/procmem.h"
#include "platform/procpages.h"

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

/* Every error of --find is status 2, grep's, never 1 ("nothing matched"). */
static int find_error(const char *subject, const Error *e) {
   diag_error(subject, e);
   return 2;
}

static int bad_pattern(const Options *o, const char *why, size_t where) {
   char reason[256];
   snprintf(reason, sizeof reason, _("%s, at byte %zu of the pattern"), _(why), where + 1);
   char *safe = escape_dup_pattern(o->find);      /* as typed: 'a\q', not 'a\\q' */
   int rc = diag_usage("--find '%s': %s (%s)", safe, _(error_message(ERR_BAD_PATTERN)), reason);
   free(safe);
   return rc;
}

static int finish_output(const Found *f) {
   if (!f->print)
      printf("%llu\n", (unsigned long long)f->count);
   if (diag_stdout_status() != 0)
      return 2;      /* a write error is an error, as grep's (a reader gone: SIGPIPE's end) */
   return f->count ? 0 : 1;
}

static int scan(const Options *o, Source *src, const SearchPattern *p) {
   uint64_t lo = 0, length = 0;
   int status = range_resolve(o, src, &lo, &length);
   if (status >= 0)
      return status;
   if (lo > src->size) {
      char *name = escape_dup(src->spec);
      diag_warn(ngettext("%s: the offset %llu is past the end (%llu byte): nothing to search",
                         "%s: the offset %llu is past the end (%llu bytes): nothing to search",
                         (unsigned long)src->size),
                name, (unsigned long long)lo, (unsigned long long)src->size);
      free(name);
      return finish_output(&(Found){ .print = !o->count });
   }
   uint64_t hi = range_end(lo, length, src->size);
   Error e;
   SearchScanner *sc;
   if (!search_scanner_new(src, p, lo, hi, NULL, &sc, &e))
      return find_error(o->source, &e);
   Found f = { .print = !o->count, .base = src->base };
   static char outbuf[1 << 16];
   setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
   SearchStatus st = search_each_run(sc, lo, on_matches, &f, &e);
   search_scanner_free(sc);
   if (st == SEARCH_FAILED) {
      fflush(stdout);
      return find_error(o->source, &e);
   }
   return finish_output(&f);
}

/* ---- every readable region of a process: --find PATTERN pid:PID ------------ */

/* One region [START, END) of PID, as a source of its own; false when it
 * could not be searched (E says why). */
static bool find_region(const Options *o, int pid, uint64_t start, uint64_t end,
                        const SearchPattern *p, Found *f, Error *e) {
   char spec[80];
   Source *src;
   SearchScanner *sc;
   snprintf(spec, sizeof spec, "pid:%d:%llx-%llx", pid, (unsigned long long)start,
            (unsigned long long)end);
   (void)o;
   if (!source_open_reading(spec, &src, e))
      return false;
   f->base = src->base;
   bool ok = search_scanner_new(src, p, 0, src->size, NULL, &sc, e);
   if (ok) {
      ok = search_each_run(sc, 0, on_matches, f, e) != SEARCH_FAILED;
      search_scanner_free(sc);
   }
   source_close(src);
   return ok;
}

/* Private anonymous memory: a page the process never touched (neither
 * resident nor in swap) reads as zeros. */
static bool zero_when_untouched(const PlatformProcRegion *r) {
   return (r->kind == PLATFORM_REGION_ANON || r->kind == PLATFORM_REGION_HEAP
           || r->kind == PLATFORM_REGION_STACK) && r->map.perms[3] == 'p';
}

/* No page of it resident or in swap: a pattern that cannot match zeros is
 * not looked for there at all. */
static bool untouched(const PlatformProcRegion *r) {
   return zero_when_untouched(r) && r->figures.known && r->figures.rss == 0
          && r->figures.swap == 0;
}

/* The touched runs of a region, each widened by the pattern's length less
 * one on both sides (a match holds at least one byte that is not zero, so
 * it lies in one widened run), merged, and searched one by one. */
typedef struct {
   const Options *o;
   int pid;
   const SearchPattern *p;
   Found *f;
   Error *e;
   uint64_t lo, hi, reach;      /* the region; the widening */
   uint64_t s, t;               /* the widened run not yet searched (s == t: none) */
   uint64_t done;               /* where the runs searched end */
   bool failed;
} Touched;

static bool touched_flush(Touched *w) {
   if (w->s < w->t && !find_region(w->o, w->pid, w->s, w->t, w->p, w->f, w->e))
      w->failed = true;
   if (w->s < w->t)
      w->done = w->t;
   w->s = w->t = 0;
   return !w->failed;
}

static bool on_touched(void *ctx, uint64_t start, uint64_t end) {
   Touched *w = ctx;
   uint64_t s = start - w->lo > w->reach ? start - w->reach : w->lo;
   uint64_t t = w->hi - end > w->reach ? end + w->reach : w->hi;
   if (w->s < w->t && s <= w->t) {
      w->t = t > w->t ? t : w->t;
      return true;
   }
   if (!touched_flush(w))
      return false;
   w->s = s;
   w->t = t;
   return true;
}

/* Search only what REGION's touched pages can hold; false with E set when
 * that failed.  Where the pages could not be looked at, the rest of the
 * region is read whole. */
static bool find_touched(const Options *o, int pid, const PlatformProcRegion *r,
                         const SearchPattern *p, Found *f, Error *e) {
   Touched w = { o, pid, p, f, e, r->map.start, r->map.end,
                 search_pattern_length(p) - 1, 0, 0, r->map.start, false };
   int rc = platform_proc_touched(pid, r->map.start, r->map.end, on_touched, &w);
   if (w.failed || !touched_flush(&w))
      return false;
   return rc == 0 || w.done >= r->map.end
          || find_region(o, pid, w.done, r->map.end, p, f, e);
}

/* One region: skipped, searched where touched, or read whole. */
static bool find_in(const Options *o, int pid, const PlatformProcRegion *r, bool zeros,
                    const SearchPattern *p, Found *f, Error *e) {
   if (!platform_proc_region_readable(r) || (!zeros && untouched(r)))
      return true;
   if (!zeros && zero_when_untouched(r))
      return find_touched(o, pid, r, p, f, e);
   return find_region(o, pid, r->map.start, r->map.end, p, f, e);
}

/* R cut to [LO, HI) into *OUT; false when nothing of it is left. */
static bool clip_region(const PlatformProcRegion *r, uint64_t lo, uint64_t hi,
                        PlatformProcRegion *out) {
   *out = *r;
   out->map.start = r->map.start > lo ? r->map.start : lo;
   out->map.end = r->map.end < hi ? r->map.end : hi;
   return out->map.start < out->map.end;
}

/* Each readable region is searched on its own (a match cannot span two).
 * A region that cannot be read wholly is said and skipped; a process that
 * is gone or refused ends the search. */
static int find_process(const Options *o, int pid, uint64_t lo, uint64_t hi,
                        const SearchPattern *p) {
   PlatformProcRegion *v;
   size_t n, skipped = 0;
   Error e, first;
   int rc = platform_proc_regions(pid, true, &v, &n, NULL);
   if (rc != 0) {
      char why[sizeof e.detail];
      platform_proc_why(pid, rc, PLATFORM_PROC_LISTING, 0, why, sizeof why);
      error_set(&e, rc == ESRCH ? ERR_PROC_GONE : ERR_PROC_DENIED, rc, "%s", why);
      return find_error(o->source, &e);
   }
   Found f = { .print = !o->count };
   static char outbuf[1 << 16];
   setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
   int status = -1;
   bool zeros = search_pattern_matches_zeros(p);
   for (size_t i = 0; i < n && status < 0; i++) {
      PlatformProcRegion part;
      if (!clip_region(&v[i], lo, hi, &part) || find_in(o, pid, &part, zeros, p, &f, &e))
         continue;
      if (e.code != ERR_UNREADABLE) {
         fflush(stdout);
         status = find_error(o->source, &e);
      } else if (skipped++ == 0) {
         first = e;
      }
   }
   platform_proc_regions_free(v, n);
   if (status >= 0)
      return status;
   if (skipped) {
      char *name = escape_dup(o->source);
      fflush(stdout);
      diag_warn(ngettext("%s: %zu region could not be read wholly and was skipped (%s)",
                         "%s: %zu regions could not be read wholly and were skipped (first: %s)",
                         skipped), name, skipped, first.detail);
      free(name);
      status = finish_output(&f);
      return status == 1 || status == 0 ? 2 : status;    /* an error occurred: grep's 2 */
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
   SourcePidSpec sp;
   int status;
   if (source_pid_spec(o->source, &sp, &e) == 1 && sp.what == SOURCE_PID_ALL) {
      status = o->skip || o->length
                  ? diag_usage(_("-s and -n count within one region: give pid:PID:ADDR"))
                  : find_process(o, sp.pid, 0, UINT64_MAX, p);
   } else if (!o->skip && !o->length && source_pid_spec(o->source, &sp, &e) == 1
              && sp.what == SOURCE_PID_RANGE) {
      status = find_process(o, sp.pid, sp.addr, sp.end, p);   /* over gaps and guard pages */
   } else if (!source_open_reading(o->source, &src, &e)) {
      status = find_error(o->source, &e);
   } else {
      recovery_warn(src);     /* read-only: says so, writes nothing */
      status = scan(o, src, p);
      source_close(src);
   }
   search_pattern_free(p);
   return status;
}
