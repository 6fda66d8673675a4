/* edits.c - copy-on-write edits: private windows, byte runs, undo and redo. */
#include "config.h"

#include "core/edits.h"
#include "core/gettext.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
   uint64_t off;
   size_t len;
   unsigned char *old_bytes;    /* what the view showed before the run */
   unsigned char *new_bytes;
} Run;

typedef struct {
   uint64_t start, end;         /* [start, end): modified bytes */
} Range;

typedef struct {
   uint64_t start;              /* a multiple of the window size */
   size_t length;
   unsigned char *addr;         /* MAP_PRIVATE */
} Tile;

struct EditSet {
   Source *src;
   uint64_t granularity, window;
   bool allow_others;
   bool any_owner;
   bool on_screen;
   PlatformStat baseline;       /* valid while runs exist */
   Run *runs;                   /* [0, applied) applied, [applied, nruns) undone */
   size_t nruns, applied, cap_runs;
   Range *ranges;               /* the union of the applied runs, sorted, merged */
   size_t nranges, cap_ranges;  /* cap_ranges >= cap_runs + 1: never grows alone */
   Tile *tiles;                 /* sorted by start */
   size_t ntiles, cap_tiles;
};

static uint64_t min_u64(uint64_t a, uint64_t b) { return a < b ? a : b; }
static uint64_t max_u64(uint64_t a, uint64_t b) { return a > b ? a : b; }

EditSet *edits_new(Source *src, const EditConfig *cfg) {
   uint64_t page = platform_page_size();
   if (!window_granularity_valid(cfg->granularity, page))
      return NULL;
   EditSet *es = calloc(1, sizeof *es);
   if (!es)
      return NULL;
   es->src = src;
   es->granularity = cfg->granularity;
   es->window = window_round_size(cfg->window_size ? cfg->window_size : cfg->granularity,
                                  cfg->granularity);
   es->allow_others = cfg->allow_others;
   es->any_owner = cfg->any_owner;
   es->on_screen = cfg->on_screen;
   return es;
}

void edits_free(EditSet *es) {
   if (!es)
      return;
   edits_discard(es);
   free(es->runs);
   free(es->ranges);
   free(es->tiles);
   free(es);
}

/* ---- may this object be edited? --------------------------------------- */

static void refuse_open(int err, Error *e) {
   if (err == EACCES || err == EPERM)
      error_set(e, ERR_READ_ONLY, err, _("you have no write permission: %s"), strerror(err));
   else if (err == EROFS)
      error_set(e, ERR_READ_ONLY, err, _("it is on a read-only file system: %s"), strerror(err));
   else
      error_set(e, ERR_READ_ONLY, err, _("it cannot be opened for writing: %s"), strerror(err));
}

/* Check the rules and say what the object is now (the baseline). */
static bool check_writable(const EditSet *es, PlatformStat *now, Error *e) {
   const Source *s = es->src;
   if (!source_can(s, SOURCE_CAN_EDIT)) {
      error_set(e, ERR_READ_ONLY, 0, "%s", _("this kind of source cannot be edited"));
      return false;
   }
   if (source_can(s, SOURCE_EDIT_NEEDS_W) && !es->allow_others) {
      error_set(e, ERR_READ_ONLY, 0, "%s", es->on_screen
                ? _("writing a process needs mapscope started with -w, even your own")
                : _("writing into a running process needs -w, even into your own"));
      return false;
   }
   if (s->st.uid != platform_user_id() && !es->allow_others && !es->any_owner) {
      error_set(e, ERR_READ_ONLY, 0, es->on_screen
                ? _("uid %lu owns it; editing it needs mapscope started with -w")
                : _("it belongs to uid %lu, not to you; -w allows editing it"),
                (unsigned long)s->st.uid);
      return false;
   }
   if (!source_can(s, SOURCE_CAN_JOURNAL)) {   /* in place, through the kind: it must be there */
      *now = s->st;
      return source_refresh((Source *)s, e);
   }
   /* Read-only: staging edits writes nothing, and an open for writing is
    * itself seen (inotify's IN_CLOSE_WRITE, udev re-reading a disk). */
   int fd;
   if (!source_reopen(s, false, &fd, now, e))
      return false;
   int err = platform_may_write(fd);
   platform_close(fd);
   if (err != 0) {
      refuse_open(err, e);
      return false;
   }
   if (now->dev != s->st.dev || now->ino != s->st.ino) {
      error_set(e, ERR_CHANGED, 0, "%s", _("its name now refers to another object; open it again"));
      return false;
   }
   return true;
}

bool edits_writable(EditSet *es, Error *e) {
   PlatformStat now;
   if (es->nruns > 0)
      return true;
   return check_writable(es, &now, e);
}

/* ---- the private windows ---------------------------------------------- */

static bool guarded_copy(void *dst, const void *from, size_t len, Error *e) {
   if (platform_guarded_copy(dst, from, len) != 0) {
      error_set(e, ERR_SHRANK, 0, NULL);
      return false;
   }
   return true;
}

/* Index of the tile holding OFF, or of where it would go. */
static size_t tile_index(const EditSet *es, uint64_t off, bool *found) {
   size_t lo = 0, hi = es->ntiles;
   while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      const Tile *t = &es->tiles[mid];
      if (off < t->start)
         hi = mid;
      else if (off >= t->start + t->length)
         lo = mid + 1;
      else {
         *found = true;
         return mid;
      }
   }
   *found = false;
   return lo;
}

/* A tile is a private mapping, or for a kind that is read (a process's
 * memory) a buffer of its own; bytes that cannot be read are zeros there. */
static bool tile_open(Source *src, Tile *t, Error *e) {
   void *addr;
   size_t got = 0;
   if (source_can(src, SOURCE_CAN_MAP)) {
      if (!source_map(src, t->start, t->length, PLATFORM_MAP_PRIVATE, false, &addr, e))
         return false;
      t->addr = addr;
      return true;
   }
   if (!(t->addr = malloc(t->length))) {
      error_set(e, ERR_MAP, ENOMEM, NULL);
      return false;
   }
   if (!source_read_marked(src, t->addr, t->length, t->start, &got, NULL, NULL, e)) {
      free(t->addr);
      return false;
   }
   memset(t->addr + got, 0, t->length - got);
   return true;
}

static void tile_close(Source *src, Tile *t) {
   if (source_can(src, SOURCE_CAN_MAP))
      source_unmap(src, t->addr, t->length);
   else
      free(t->addr);
}

static Tile *tile_get(EditSet *es, uint64_t off, Error *e) {
   bool found;
   size_t i = tile_index(es, off, &found);
   if (found)
      return &es->tiles[i];
   if (es->ntiles == es->cap_tiles) {
      size_t cap = es->cap_tiles ? es->cap_tiles * 2 : 8;
      Tile *t = realloc(es->tiles, cap * sizeof *t);
      if (!t) {
         error_set(e, ERR_MAP, ENOMEM, NULL);
         return NULL;
      }
      es->tiles = t;
      es->cap_tiles = cap;
   }
   Tile t = { off - off % es->window, 0, NULL };
   t.length = (size_t)min_u64(es->window, es->baseline.size - t.start);
   if (!tile_open(es->src, &t, e))
      return NULL;
   memmove(&es->tiles[i + 1], &es->tiles[i], (es->ntiles - i) * sizeof t);
   es->tiles[i] = t;
   es->ntiles++;
   return &es->tiles[i];
}

/* A page of a window raised SIGBUS.  Either the object shrank, or (tmpfs,
 * shm) its file system had no page to give for a hole. */
static bool explain_fault(EditSet *es, uint64_t end, Error *e) {
   Error ignored;
   if (source_refresh(es->src, &ignored) && es->src->size >= end)
      error_set(e, ERR_MAP, 0, "%s", _("touching the page raised SIGBUS: its file system "
                                      "may have no room for it"));
   return false;
}

/* Move LEN bytes between BUF and the private windows at OFF. */
static bool tiles_io(EditSet *es, uint64_t off, unsigned char *buf, size_t len,
                     bool to_windows, Error *e) {
   while (len > 0) {
      Tile *t = tile_get(es, off, e);
      if (!t)
         return false;
      size_t in = (size_t)(off - t->start);
      size_t n = (size_t)min_u64(len, t->length - in);
      bool good = to_windows ? guarded_copy(t->addr + in, buf, n, e)
                             : guarded_copy(buf, t->addr + in, n, e);
      if (!good)
         return explain_fault(es, off + n, e);
      off += n;
      buf += n;
      len -= n;
   }
   return true;
}

static void unmap_tiles(EditSet *es) {
   for (size_t i = 0; i < es->ntiles; i++)
      tile_close(es->src, &es->tiles[i]);
   es->ntiles = 0;
}

/* ---- the modified ranges ---------------------------------------------- */

/* First range whose end is at or after OFF (touching ranges merge). */
static size_t range_index(const EditSet *es, uint64_t off) {
   size_t lo = 0, hi = es->nranges;
   while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (es->ranges[mid].end < off)
         lo = mid + 1;
      else
         hi = mid;
   }
   return lo;
}

/* Capacity was reserved by reserve_run(): this cannot fail. */
static void ranges_add(EditSet *es, uint64_t start, uint64_t end) {
   size_t i = range_index(es, start), j = i;
   while (j < es->nranges && es->ranges[j].start <= end) {
      start = min_u64(start, es->ranges[j].start);
      end = max_u64(end, es->ranges[j].end);
      j++;
   }
   if (j == i) {
      memmove(&es->ranges[i + 1], &es->ranges[i], (es->nranges - i) * sizeof(Range));
      es->nranges++;
   } else {
      memmove(&es->ranges[i + 1], &es->ranges[j], (es->nranges - j) * sizeof(Range));
      es->nranges -= j - i - 1;
   }
   es->ranges[i].start = start;
   es->ranges[i].end = end;
}

static void ranges_rebuild(EditSet *es) {
   es->nranges = 0;
   for (size_t i = 0; i < es->applied; i++)
      ranges_add(es, es->runs[i].off, es->runs[i].off + es->runs[i].len);
}

/* ---- runs, undo, redo --------------------------------------------------- */

static void free_run(Run *r) {
   free(r->old_bytes);
   free(r->new_bytes);
}

static void drop_redo(EditSet *es) {
   while (es->nruns > es->applied)
      free_run(&es->runs[--es->nruns]);
}

static bool reserve_run(EditSet *es, Error *e) {
   if (es->nruns < es->cap_runs)
      return true;
   size_t cap = es->cap_runs ? es->cap_runs * 2 : 16;
   Run *r = realloc(es->runs, cap * sizeof *r);
   if (r)
      es->runs = r;
   Range *g = r ? realloc(es->ranges, (cap + 1) * sizeof *g) : NULL;
   if (!g) {
      error_set(e, ERR_MAP, ENOMEM, NULL);
      return false;
   }
   es->ranges = g;
   es->cap_runs = cap;
   return true;
}

static bool check_range(const EditSet *es, uint64_t off, size_t len, Error *e) {
   uint64_t size = es->baseline.size;
   if (off >= size || len > size - off) {
      error_set(e, ERR_PAST_END, 0,
                ngettext("an edit of %zu byte at offset %llu does not fit in %llu bytes",
                         "an edit of %zu bytes at offset %llu does not fit in %llu bytes",
                         (unsigned long)len),
                len, (unsigned long long)off, (unsigned long long)size);
      return false;
   }
   return true;
}

static bool add_run(EditSet *es, uint64_t off, const void *bytes, size_t len, Error *e) {
   if (!reserve_run(es, e))
      return false;
   Run r = { off, len, malloc(len), malloc(len) };
   if (!r.old_bytes || !r.new_bytes) {
      free_run(&r);
      error_set(e, ERR_MAP, ENOMEM, NULL);
      return false;
   }
   memcpy(r.new_bytes, bytes, len);
   bool read = tiles_io(es, off, r.old_bytes, len, false, e);
   if (!read || !tiles_io(es, off, r.new_bytes, len, true, e)) {
      Error ignored;
      if (read)    /* put back what a partial write changed */
         tiles_io(es, off, r.old_bytes, len, true, &ignored);
      free_run(&r);
      return false;
   }
   es->runs[es->nruns++] = r;
   es->applied = es->nruns;
   ranges_add(es, off, off + len);
   return true;
}

/* Grow the last run R to cover [OFF, OFF+LEN) too (OFF lies inside it or
 * right after it). */
static bool extend_run(EditSet *es, Run *r, uint64_t off, const void *bytes, size_t len, Error *e) {
   uint64_t end = max_u64(r->off + r->len, off + len);
   size_t grown = (size_t)(end - r->off), had = r->len;
   unsigned char *o = malloc(grown), *n = malloc(grown);
   if (!o || !n) {
      free(o);
      free(n);
      error_set(e, ERR_MAP, ENOMEM, NULL);
      return false;
   }
   memcpy(o, r->old_bytes, had);
   memcpy(n, r->new_bytes, had);
   memcpy(n + (off - r->off), bytes, len);
   if (!tiles_io(es, r->off + had, o + had, grown - had, false, e)) {
      free(o);
      free(n);
      return false;
   }
   if (!tiles_io(es, off, n + (off - r->off), len, true, e)) {
      Error ignored;    /* put back what a partial write changed */
      tiles_io(es, r->off, r->new_bytes, had, true, &ignored);
      tiles_io(es, r->off + had, o + had, grown - had, true, &ignored);
      free(o);
      free(n);
      return false;
   }
   free_run(r);
   r->old_bytes = o;
   r->new_bytes = n;
   r->len = grown;
   ranges_add(es, off, off + len);
   return true;
}

static Run *mergeable(EditSet *es, uint64_t off, bool merge) {
   if (!merge || es->applied == 0 || es->applied != es->nruns)
      return NULL;
   Run *r = &es->runs[es->applied - 1];
   return off >= r->off && off <= r->off + r->len ? r : NULL;
}

bool edits_apply(EditSet *es, uint64_t offset, const void *bytes, size_t len,
                 bool merge, Error *e) {
   if (len == 0)
      return true;
   if (es->nruns == 0 && !check_writable(es, &es->baseline, e))
      return false;
   if (!check_range(es, offset, len, e)) {
      if (es->nruns == 0)
         memset(&es->baseline, 0, sizeof es->baseline);
      return false;
   }
   Run *r = mergeable(es, offset, merge);
   if (r)
      return extend_run(es, r, offset, bytes, len, e);
   drop_redo(es);
   return add_run(es, offset, bytes, len, e);
}

static void report_range(const Run *r, uint64_t *offset, size_t *len) {
   if (offset)
      *offset = r->off;
   if (len)
      *len = r->len;
}

bool edits_undo(EditSet *es, uint64_t *offset, size_t *len, Error *e) {
   if (es->applied == 0) {
      error_set(e, ERR_NONE, 0, "%s", _("nothing to undo"));
      return false;
   }
   Run *r = &es->runs[es->applied - 1];
   if (!tiles_io(es, r->off, r->old_bytes, r->len, true, e))
      return false;
   es->applied--;
   ranges_rebuild(es);
   report_range(r, offset, len);
   return true;
}

bool edits_redo(EditSet *es, uint64_t *offset, size_t *len, Error *e) {
   if (es->applied == es->nruns) {
      error_set(e, ERR_NONE, 0, "%s", _("nothing to redo"));
      return false;
   }
   Run *r = &es->runs[es->applied];
   if (!tiles_io(es, r->off, r->new_bytes, r->len, true, e))
      return false;
   es->applied++;
   ranges_add(es, r->off, r->off + r->len);
   report_range(r, offset, len);
   return true;
}

void edits_discard(EditSet *es) {
   unmap_tiles(es);
   es->applied = 0;
   drop_redo(es);
   es->nranges = 0;
   memset(&es->baseline, 0, sizeof es->baseline);
}

/* ---- queries ------------------------------------------------------------ */

bool edits_pending(const EditSet *es) {
   return es->nranges > 0;
}

size_t edits_undo_depth(const EditSet *es) {
   return es->applied;
}

size_t edits_redo_depth(const EditSet *es) {
   return es->nruns - es->applied;
}

bool edits_next_modified(const EditSet *es, uint64_t from, uint64_t *start, uint64_t *end) {
   size_t i = range_index(es, from);
   if (i < es->nranges && es->ranges[i].end == from)
      i++;
   if (i >= es->nranges)
      return false;
   *start = es->ranges[i].start;
   *end = es->ranges[i].end;
   return true;
}

bool edits_is_modified(const EditSet *es, uint64_t offset) {
   uint64_t s, t;
   return edits_next_modified(es, offset, &s, &t) && s <= offset;
}

uint64_t edits_modified_bytes(const EditSet *es) {
   uint64_t n = 0;
   for (size_t i = 0; i < es->nranges; i++)
      n += es->ranges[i].end - es->ranges[i].start;
   return n;
}

uint64_t edits_dirty_pages(const EditSet *es) {
   uint64_t page = platform_page_size(), n = 0, next = 0;
   for (size_t i = 0; i < es->nranges; i++) {
      uint64_t first = es->ranges[i].start / page, last = (es->ranges[i].end - 1) / page;
      if (n > 0 && first < next)
         first = next;
      if (first <= last)
         n += last - first + 1;
      next = last + 1;
   }
   return n;
}

/* Pages of tile T that copy-on-write has copied; -1 when the page map
 * cannot be read. */
static int64_t tile_copied(const Tile *t) {
   size_t page = platform_page_size(), npages = (t->length + page - 1) / page;
   unsigned char *flags = malloc(npages);
   if (!flags || platform_page_flags(t->addr, npages, flags) != 0) {
      free(flags);
      return -1;
   }
   int64_t n = 0;
   for (size_t i = 0; i < npages; i++)
      if ((flags[i] & (PLATFORM_PAGE_PRESENT | PLATFORM_PAGE_SWAPPED)) && !(flags[i] & PLATFORM_PAGE_FILE))
         n++;
   free(flags);
   return n;
}

uint64_t edits_copied_pages(const EditSet *es) {
   uint64_t n = 0;
   if (!source_can(es->src, SOURCE_CAN_MAP))    /* buffers: no page was copied */
      return edits_dirty_pages(es);
   for (size_t i = 0; i < es->ntiles; i++) {
      int64_t c = tile_copied(&es->tiles[i]);
      if (c < 0)
         return edits_dirty_pages(es);
      n += (uint64_t)c;
   }
   return n;
}

void edits_overlay(void *ctx, uint64_t off, unsigned char *buf, size_t len) {
   const EditSet *es = ctx;
   uint64_t s, t, end = off + min_u64(len, UINT64_MAX - off);
   if (!es || !edits_next_modified(es, off, &s, &t) || s >= end)
      return;
   /* Oldest to newest, so the last run over a byte wins. */
   for (size_t i = 0; i < es->applied; i++) {
      const Run *r = &es->runs[i];
      uint64_t lo = max_u64(off, r->off), hi = min_u64(end, r->off + r->len);
      if (lo < hi)
         memcpy(buf + (lo - off), r->new_bytes + (lo - r->off), (size_t)(hi - lo));
   }
}

void edits_original(const EditSet *es, uint64_t off, unsigned char *buf, size_t len) {
   uint64_t end = off + min_u64(len, UINT64_MAX - off);
   /* Newest to oldest, so the oldest run's old bytes win. */
   for (size_t i = es->applied; i-- > 0;) {
      const Run *r = &es->runs[i];
      uint64_t lo = max_u64(off, r->off), hi = min_u64(end, r->off + r->len);
      if (lo < hi)
         memcpy(buf + (lo - off), r->old_bytes + (lo - r->off), (size_t)(hi - lo));
   }
}

bool edits_read(EditSet *es, uint64_t off, void *buf, size_t len, size_t *got, Error *e) {
   if (!source_read(es->src, buf, len, off, got, e))
      return false;
   edits_overlay(es, off, buf, *got);
   return true;
}

const unsigned char *edits_window(const EditSet *es, uint64_t offset, WindowSpan *span) {
   bool found;
   size_t i = tile_index(es, offset, &found);
   if (!found)
      return NULL;
   const Tile *t = &es->tiles[i];
   if (span) {
      span->requested = offset;
      span->start = t->start;
      span->delta = offset - t->start;
      span->length = t->length;
   }
   return t->addr;
}

/* States of the N pages from P, all inside tile T. */
static void tile_states(const Tile *t, uint64_t p, size_t n, unsigned char *states) {
   size_t page = platform_page_size();
   unsigned char flags[256];
   for (size_t done = 0; done < n;) {
      size_t k = n - done < sizeof flags ? n - done : sizeof flags;
      const unsigned char *addr = t->addr + (p - t->start) + done * page;
      if (platform_page_flags(addr, k, flags) != 0)
         return;
      for (size_t i = 0; i < k; i++)
         if ((flags[i] & (PLATFORM_PAGE_PRESENT | PLATFORM_PAGE_SWAPPED)) && !(flags[i] & PLATFORM_PAGE_FILE))
            states[done + i] |= EDITS_PAGE_COPIED;
      done += k;
   }
}

void edits_page_states(const EditSet *es, uint64_t offset, size_t npages, unsigned char *states) {
   uint64_t page = platform_page_size(), s, t;
   for (size_t i = 0; i < npages; i++) {
      uint64_t p = offset + i * page;
      states[i] = edits_next_modified(es, p, &s, &t) && s < p + page ? EDITS_PAGE_MODIFIED : 0;
   }
   for (size_t i = 0; i < npages;) {
      uint64_t p = offset + i * page;
      bool found;
      size_t k = tile_index(es, p, &found);
      if (!found) {
         i++;
         continue;
      }
      const Tile *tile = &es->tiles[k];
      uint64_t left = (tile->start + tile->length - p + page - 1) / page;
      size_t n = (size_t)min_u64(npages - i, left);
      if (source_can(es->src, SOURCE_CAN_MAP))   /* a buffer has no page flags */
         tile_states(tile, p, n, states + i);
      i += n;
   }
}

/* ---- for the flush -------------------------------------------------------- */

Source *edits_source(const EditSet *es) {
   return es->src;
}

const PlatformStat *edits_baseline(const EditSet *es) {
   return &es->baseline;
}

void edits_set_baseline(EditSet *es, const PlatformStat *st) {
   if (es->nruns > 0)
      es->baseline = *st;
}

void edits_adopt_object(EditSet *es, int fd, const PlatformStat *st) {
   Source *s = es->src;
   platform_close(s->handle);
   s->handle = fd;
   s->st = *st;
   s->size = st->size;
}
