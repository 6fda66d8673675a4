/* search_scan.c - walking a source for matches.
 *
 * The buffer always holds the bytes [base, base + have) of the source, as
 * the view shows them (overlay applied).  Going forward, new bytes are read
 * after them and the last pattern length - 1 bytes are kept for the next
 * chunk; going backward, new bytes are read before them and the first
 * length - 1 bytes are kept.  No match is ever looked for twice.
 *
 * Holes read as zeros.  When the pattern matches zeros, it matches at
 * every start in a hole but the last length - 1: those are counted by
 * arithmetic and only the hole's edges are read.  When it cannot match zeros, no match lies
 * wholly inside a hole, so once the kept bytes are zeros as well, the scan
 * jumps over the hole, up to length - 1 bytes short of the data (or edit)
 * beyond it. */
#include "config.h"

#include "core/search.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct SearchScanner {
   Source *src;
   const SearchPattern *p;
   SearchHooks h;
   uint64_t lo, hi;
   size_t len;             /* the pattern's */
   size_t chunk;           /* bytes read at a time */
   size_t cap;             /* chunk + len - 1 */
   unsigned char *buf;
   bool skip_holes;
   bool count_holes;       /* zeros match: matches in holes by arithmetic */
   /* The data extent last asked about, valid for offsets in [ext_q, ext_end). */
   uint64_t ext_q, ext_start, ext_end;
};

static uint64_t min_u64(uint64_t a, uint64_t b) {
   return a < b ? a : b;
}

bool search_scanner_new(Source *src, const SearchPattern *p, uint64_t lo, uint64_t hi,
                        const SearchHooks *hooks, SearchScanner **out, Error *e) {
   SearchScanner *sc = calloc(1, sizeof *sc);
   if (!sc) {
      error_set(e, ERR_READ, ENOMEM, NULL);
      return false;
   }
   if (hooks)
      sc->h = *hooks;
   sc->src = src;
   sc->p = p;
   sc->lo = lo;
   sc->hi = hi < lo ? lo : hi;
   sc->len = search_pattern_length(p);
   sc->chunk = sc->h.chunk_size ? sc->h.chunk_size : SEARCH_CHUNK_DEFAULT;
   sc->cap = sc->chunk + sc->len - 1;
   sc->buf = malloc(sc->cap);
   if (!sc->buf) {
      free(sc);
      error_set(e, ERR_READ, ENOMEM, NULL);
      return false;
   }
   /* A pattern that matches zeros has matches inside holes; and holes are
    * skipped around edits only when the overlay can say where they are. */
   bool holes_known = !sc->h.overlay || sc->h.overlay_next;
   sc->skip_holes = !search_pattern_matches_zeros(p) && holes_known;
   sc->count_holes = search_pattern_matches_zeros(p) && holes_known;
   *out = sc;
   return true;
}

void search_scanner_free(SearchScanner *sc) {
   if (!sc)
      return;
   free(sc->buf);
   free(sc);
}

static uint64_t range_end(const SearchScanner *sc) {
   return min_u64(sc->hi, sc->src->size);
}

static bool polled_stop(SearchScanner *sc, uint64_t done, uint64_t total) {
   if (sc->h.progress)
      sc->h.progress(sc->h.ctx, done, total);
   return sc->h.cancel && sc->h.cancel(sc->h.ctx);
}

static bool all_zero(const unsigned char *b, size_t n) {
   return n == 0 || (b[0] == 0 && memcmp(b, b + 1, n - 1) == 0);
}

/* ---- reading: data, holes and the overlay ---------------------------------- */

static void extent_at(SearchScanner *sc, uint64_t at) {
   if (at >= sc->ext_q && at < sc->ext_end)
      return;
   source_next_data(sc->src, at, &sc->ext_start, &sc->ext_end);
   sc->ext_q = at;
   if (sc->ext_end <= at)              /* nothing said about AT: zeros */
      sc->ext_start = sc->ext_end = UINT64_MAX;
}

/* Read WANT bytes at OFF into BUF as the view shows them; *got is short
 * only when the object ended early. */
static bool fill(SearchScanner *sc, unsigned char *buf, uint64_t off, size_t want,
                 size_t *got, Error *e) {
   size_t done = 0;
   while (done < want) {
      uint64_t at = off + done;
      extent_at(sc, at);
      size_t n = (size_t)min_u64(want - done, (at < sc->ext_start ? sc->ext_start : sc->ext_end) - at);
      if (at < sc->ext_start) {
         memset(buf + done, 0, n);
      } else {
         size_t r;
         if (!source_read(sc->src, buf + done, n, at, &r, e))
            return false;
         if (r < n) {
            done += r;
            break;
         }
      }
      done += n;
   }
   if (sc->h.overlay && done > 0)
      sc->h.overlay(sc->h.overlay_ctx, off, buf, done);
   *got = done;
   return true;
}

/* Where the run of untouched hole bytes at AT ends: the next data or edit
 * (AT itself when AT holds data). */
static uint64_t hole_end(SearchScanner *sc, uint64_t at) {
   extent_at(sc, at);
   if (at >= sc->ext_start)
      return at;
   uint64_t end = sc->ext_start, es, ee;
   if (sc->h.overlay_next && sc->h.overlay_next(sc->h.overlay_ctx, at, &es, &ee) && es < end)
      end = es > at ? es : at;
   return end;
}

/* The end of the last data extent before AT, at least LO: galloping back
 * with SEEK_DATA, since there is no SEEK_DATA backwards. */
static uint64_t prev_data_end(SearchScanner *sc, uint64_t at, uint64_t lo) {
   uint64_t step = sc->chunk;
   for (;;) {
      uint64_t x = at - lo > step ? at - step : lo, ds, de;
      source_next_data(sc->src, x, &ds, &de);
      if (ds < at) {
         uint64_t last = min_u64(de, at);
         while (de < at && de > ds) {
            source_next_data(sc->src, de, &ds, &de);
            if (ds >= at)
               break;
            last = min_u64(de, at);
         }
         return last;
      }
      if (x == lo)
         return lo;
      step = step > UINT64_MAX / 4 ? UINT64_MAX / 2 : step * 2;
   }
}

/* Where the run of untouched hole bytes that ends at AT starts (AT itself
 * when the byte before AT is data or edited). */
static uint64_t hole_start(SearchScanner *sc, uint64_t at, uint64_t lo) {
   uint64_t start = prev_data_end(sc, at, lo), off = start, es, ee;
   while (sc->h.overlay_next && off < at && sc->h.overlay_next(sc->h.overlay_ctx, off, &es, &ee)
          && es < at && ee > off) {
      start = start > min_u64(ee, at) ? start : min_u64(ee, at);
      off = ee;
   }
   return start;
}

/* ---- forward -------------------------------------------------------------- */

typedef bool (*MatchFn)(void *ctx, uint64_t match);

/* Where matches go: one at a time to FN, or in runs to RUN when set. */
typedef struct {
   MatchFn fn;
   bool (*run)(void *ctx, uint64_t first, uint64_t count);
   void *ctx;
} Reporter;

static bool tell(const Reporter *r, uint64_t first, uint64_t count) {
   if (r->run)
      return r->run(r->ctx, first, count);
   for (uint64_t i = 0; i < count; i++)
      if (!r->fn(r->ctx, first + i))
         return false;
   return true;
}

/* A pattern that matches zeros matches at every start of a run of zeros
 * at least as long as itself.  When the buffer holds only zeros and a hole
 * follows, report the starts [base, hole end - m] at once and go on length
 * - 1 bytes before the hole's end: only its edges are read.  False when
 * the reporter asked to stop. */
static bool count_hole_forward(SearchScanner *sc, uint64_t end, uint64_t *base, size_t *have,
                               const Reporter *r, bool *any) {
   if (!sc->count_holes || !all_zero(sc->buf, *have))
      return true;
   uint64_t next = *base + *have, stop = min_u64(hole_end(sc, next), end);
   if (stop <= next || stop - next <= sc->len - 1)
      return true;
   uint64_t count = stop - sc->len + 1 - *base;
   *any = true;
   bool go_on = tell(r, *base, count);
   *base = stop - (sc->len - 1);
   *have = 0;
   return go_on;
}

/* Jump over a hole at the end of the buffer when nothing there can match. */
static void skip_forward(SearchScanner *sc, uint64_t *base, size_t *have) {
   if (!sc->skip_holes || !all_zero(sc->buf, *have))
      return;
   uint64_t next = *base + *have, end = hole_end(sc, next);
   if (end - next > sc->len - 1) {
      *base = end - (sc->len - 1);
      *have = 0;
   }
}

/* Report the matches in the buffer; false when FN asked to stop. */
static bool report(SearchScanner *sc, uint64_t base, size_t have, const Reporter *r,
                   bool *any) {
   for (size_t i = 0; (i = search_find_in(sc->p, sc->buf, have, i)) != SIZE_MAX; i++) {
      *any = true;
      if (!tell(r, base + i, 1))
         return false;
   }
   return true;
}

static SearchStatus scan_forward(SearchScanner *sc, uint64_t from, const Reporter *r,
                                 Error *e) {
   const size_t m = sc->len;
   uint64_t end = range_end(sc), base = from < sc->lo ? sc->lo : from;
   size_t have = 0;
   bool any = false;
   if (base >= end || end - base < m)
      return SEARCH_NONE;
   const uint64_t first = base;
   while (base + have < end) {
      if (polled_stop(sc, base - first, end - first))
         return SEARCH_CANCELLED;
      skip_forward(sc, &base, &have);
      if (!count_hole_forward(sc, end, &base, &have, r, &any))
         return SEARCH_FOUND;
      if (base + have >= end)
         break;
      size_t want = (size_t)min_u64(sc->cap - have, end - (base + have)), got;
      if (!fill(sc, sc->buf + have, base + have, want, &got, e))
         return SEARCH_FAILED;
      have += got;
      if (!report(sc, base, have, r, &any))
         return SEARCH_FOUND;
      if (got < want)
         break;                         /* the object ended early */
      size_t keep = have < m - 1 ? have : m - 1;
      memmove(sc->buf, sc->buf + have - keep, keep);
      base += have - keep;
      have = keep;
   }
   return any ? SEARCH_FOUND : SEARCH_NONE;
}

static bool first_match(void *ctx, uint64_t match) {
   *(uint64_t *)ctx = match;
   return false;
}

SearchStatus search_forward(SearchScanner *sc, uint64_t from, uint64_t *match, Error *e) {
   Reporter r = { first_match, NULL, match };
   return scan_forward(sc, from, &r, e);
}

SearchStatus search_each(SearchScanner *sc, uint64_t from,
                         bool (*fn)(void *ctx, uint64_t match), void *ctx, Error *e) {
   Reporter r = { fn, NULL, ctx };
   return scan_forward(sc, from, &r, e);
}

SearchStatus search_each_run(SearchScanner *sc, uint64_t from,
                             bool (*run)(void *ctx, uint64_t first, uint64_t count), void *ctx,
                             Error *e) {
   Reporter r = { NULL, run, ctx };
   return scan_forward(sc, from, &r, e);
}

/* ---- backward ------------------------------------------------------------- */

/* Jump back over a hole before the buffer when nothing there can match:
 * keep length - 1 zeros for the matches that end in it. */
static void skip_backward(SearchScanner *sc, uint64_t *base, size_t *have) {
   if (!sc->skip_holes || !all_zero(sc->buf, *have))
      return;
   uint64_t start = hole_start(sc, *base, sc->lo);
   if (start >= *base)
      return;
   size_t keep = (size_t)min_u64(sc->len - 1, *base + *have - start);
   memset(sc->buf, 0, keep);
   *base = start;
   *have = keep;
}

/* With a pattern that matches zeros: the last match that ends in the zeros
 * of the buffer (all of it) and the hole before it, found by arithmetic. */
static bool hole_match_backward(SearchScanner *sc, uint64_t base, size_t have, uint64_t *match) {
   if (!sc->count_holes || !all_zero(sc->buf, have))
      return false;
   uint64_t start = hole_start(sc, base, sc->lo), stop = base + have;
   if (stop - start < sc->len)
      return false;
   *match = stop - sc->len;
   return true;
}

/* The last match in the buffer, or SIZE_MAX. */
static size_t last_in_buffer(SearchScanner *sc, size_t have) {
   size_t last = SIZE_MAX;
   for (size_t i = 0; (i = search_find_in(sc->p, sc->buf, have, i)) != SIZE_MAX; i++)
      last = i;
   return last;
}

static SearchStatus read_before(SearchScanner *sc, uint64_t *base, size_t *have, Error *e) {
   size_t want = (size_t)min_u64(sc->cap - *have, *base - sc->lo), got;
   memmove(sc->buf + want, sc->buf, *have);
   if (!fill(sc, sc->buf, *base - want, want, &got, e))
      return SEARCH_FAILED;
   if (got < want) {
      error_set(e, ERR_SHRANK_READ, 0, NULL);
      return SEARCH_FAILED;
   }
   *base -= want;
   *have += want;
   return SEARCH_FOUND;
}

SearchStatus search_backward(SearchScanner *sc, uint64_t from, uint64_t *match, Error *e) {
   const size_t m = sc->len;
   uint64_t end = range_end(sc);
   if (from > end)
      from = end;
   if (from <= sc->lo)
      return SEARCH_NONE;
   /* A match starting before FROM ends at FROM - 1 + m at the latest. */
   const uint64_t top = min_u64(end, from - 1 + m);
   uint64_t base = top;
   size_t have = 0;
   while (base > sc->lo) {
      if (polled_stop(sc, top - (base + have), top - sc->lo))
         return SEARCH_CANCELLED;
      if (hole_match_backward(sc, base, have, match))
         return SEARCH_FOUND;
      skip_backward(sc, &base, &have);
      if (base <= sc->lo)
         break;
      SearchStatus st = read_before(sc, &base, &have, e);
      if (st != SEARCH_FOUND)
         return st;
      size_t last = last_in_buffer(sc, have);
      if (last != SIZE_MAX) {
         *match = base + last;
         return SEARCH_FOUND;
      }
      have = have < m - 1 ? have : m - 1;
   }
   return SEARCH_NONE;
}
