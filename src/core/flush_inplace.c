/* flush_inplace.c - writing edits in place, undoing a flush that failed
 * part-way (the contract is flush_inplace.h). */
#include "config.h"

#include "core/flush_inplace.h"
#include "core/gettext.h"
#include "platform/mapping.h"
#include "core/grow.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned long long ull;

typedef struct {
   uint64_t off;
   size_t len;
   unsigned char *now, *put;    /* the bytes there before the flush; those written */
   unsigned char *was;          /* the bytes the edits were made over */
} Piece;

typedef struct {
   Piece *v;
   size_t n, cap;
   unsigned char *bytes;        /* every piece's now, put and was, in one block */
} Pieces;

static void pieces_free(Pieces *p) {
   free(p->v);
   free(p->bytes);
}

static bool pieces_add(Pieces *p, uint64_t off, size_t len) {
   Piece *v = grow_for_one(p->v, &p->cap, p->n, sizeof *v, 16);
   if (!v)
      return false;
   p->v = v;
   p->v[p->n++] = (Piece){ .off = off, .len = len };
   return true;
}

/* Each modified run, cut where the object's addresses cross a page. */
static bool pieces_plan(EditSet *es, Pieces *p, Error *e) {
   Source *src = edits_source(es);
   uint64_t page = platform_page_size(), s, t, total = 0;
   for (uint64_t at = 0; edits_next_modified(es, at, &s, &t); at = t) {
      for (uint64_t o = s; o < t;) {
         uint64_t next = o + page - source_address(src, o) % page;
         size_t len = (size_t)((next < t ? next : t) - o);
         if (!pieces_add(p, o, len))
            goto nomem;
         o += len;
         total += len;
      }
   }
   if (!(p->bytes = malloc(total * 3 + 1)))
      goto nomem;
   unsigned char *b = p->bytes;
   for (size_t i = 0; i < p->n; i++) {
      p->v[i].now = b;
      p->v[i].put = b + p->v[i].len;
      p->v[i].was = b + 2 * p->v[i].len;
      b += 3 * p->v[i].len;
   }
   return true;
nomem:
   error_set(e, ERR_FLUSH, ENOMEM, NULL);
   return false;
}

/* Read each piece as it is now and lay the edits over a copy; count the
 * bytes that changed since the edits were made over them. */
static bool pieces_read(EditSet *es, Pieces *p, uint64_t *changed, uint64_t *first, Error *e) {
   Source *src = edits_source(es);
   for (size_t i = 0; i < p->n; i++) {
      Piece *pc = &p->v[i];
      size_t got = 0;
      e->code = ERR_NONE;
      if (!source_read(src, pc->now, pc->len, pc->off, &got, e) || got < pc->len) {
         if (e->code == ERR_NONE)
            error_set(e, ERR_CHANGED, 0, "%s", _("the edited bytes are no longer there"));
         return false;
      }
      memcpy(pc->put, pc->now, pc->len);
      edits_overlay(es, pc->off, pc->put, pc->len);
      memcpy(pc->was, pc->now, pc->len);
      edits_original(es, pc->off, pc->was, pc->len);
      for (size_t k = 0; k < pc->len; k++)
         if (pc->now[k] != pc->was[k] && pc->now[k] != pc->put[k] && (*changed)++ == 0)
            *first = source_address(src, pc->off + k);
   }
   return true;
}

static bool refuse_changed(const FlushOptions *fo, uint64_t changed, uint64_t first, Error *e) {
   if (changed == 0 || fo->force)
      return false;
   error_set(e, ERR_CHANGED, 0,
             ngettext("%llu byte changed in the process since it was read (the first at 0x%llx); "
                      "%s writes anyway",
                      "%llu bytes changed in the process since they were read (the first at "
                      "0x%llx); %s writes anyway", changed),
             (ull)changed, (ull)first, fo->force_hint ? fo->force_hint : "--force");
   return true;
}

/* Append ", 0xA-0xB" (or "0xA-0xB" first) to BUF while it fits; false when
 * it did not. */
static bool append_range(char *buf, size_t size, uint64_t a, uint64_t b) {
   size_t used = strlen(buf);
   int n = snprintf(buf + used, size - used, "%s0x%llx-0x%llx", used ? ", " : "", (ull)a, (ull)b);
   if (n < 0 || (size_t)n >= size - used) {
      buf[used] = '\0';
      return false;
   }
   return true;
}

/* Give the first N pieces their bytes of before the flush back, last
 * first; what could not be restored is added to E's detail. */
static void pieces_restore(Source *src, const Pieces *p, size_t n, Error *e) {
   char list[200] = "";
   uint64_t lost = 0, more = 0, a = 0, b = 0;
   for (size_t i = n; i-- > 0;) {
      Error ignored;
      const Piece *pc = &p->v[i];
      if (source_write(src, pc->now, pc->len, pc->off, &ignored))
         continue;
      lost += pc->len;
      uint64_t s = source_address(src, pc->off), t = s + pc->len;
      if (b > a && t == a) {      /* joins the range seen last (we go backwards) */
         a = s;
         continue;
      }
      if (b > a && !append_range(list, sizeof list, a, b))
         more++;
      a = s;
      b = t;
   }
   if (b > a && !append_range(list, sizeof list, a, b))
      more++;
   size_t used = strlen(e->detail);
   if (lost == 0)
      snprintf(e->detail + used, sizeof e->detail - used, "%s%s", used ? "; " : "",
               _("the bytes written before were restored"));
   else
      snprintf(e->detail + used, sizeof e->detail - used,
               ngettext("%s%llu byte written could not be restored: %s%s",
                        "%s%llu bytes written could not be restored: %s%s", lost),
               used ? "; " : "", (ull)lost, list, more ? " ..." : "");
}

bool flush_inplace_commit(EditSet *es, const FlushOptions *fo, Error *e) {
   Source *src = edits_source(es);
   Pieces p = { 0 };
   uint64_t changed = 0, first = 0;
   bool ok = source_refresh(src, e) && pieces_plan(es, &p, e)
             && pieces_read(es, &p, &changed, &first, e) && !refuse_changed(fo, changed, first, e);
   for (size_t i = 0; ok && i < p.n; i++) {
      if (source_write(src, p.v[i].put, p.v[i].len, p.v[i].off, e))
         continue;
      if (i > 0)
         pieces_restore(src, &p, i, e);
      ok = false;
   }
   pieces_free(&p);
   if (ok)
      edits_discard(es);
   return ok;
}
