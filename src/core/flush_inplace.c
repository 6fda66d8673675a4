/* flush_inplace.c - edits written in place, checked against what was read. */
#include "config.h"

#include "core/flush_inplace.h"
#include "core/gettext.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned long long ull;

bool flush_inplace_applies(const EditSet *es) {
   const Source *s = edits_source(es);
   return source_can(s, SOURCE_CAN_EDIT) && !source_can(s, SOURCE_CAN_JOURNAL);
}

/* The modified ranges: their bytes as read at the edit (ORIG), now
 * (NOW, read again) and as edited (NEW); one buffer each, range after range. */
typedef struct {
   uint64_t *start, *end;
   size_t n;
   unsigned char *orig, *now, *edited;
} Plan;

static void plan_free(Plan *p) {
   free(p->start);
   free(p->end);
   free(p->orig);
   free(p->now);
   free(p->edited);
}

static bool plan_build(EditSet *es, Plan *p, Error *e) {
   FlushReport r;
   flush_plan(es, &r);
   size_t bytes = (size_t)r.bytes ? (size_t)r.bytes : 1;
   p->n = (size_t)r.runs;
   p->start = calloc(p->n + 1, sizeof *p->start);
   p->end = calloc(p->n + 1, sizeof *p->end);
   p->orig = malloc(bytes);
   p->now = malloc(bytes);
   p->edited = malloc(bytes);
   if (!p->start || !p->end || !p->orig || !p->now || !p->edited) {
      error_set(e, ERR_FLUSH, ENOMEM, NULL);
      return false;
   }
   size_t at = 0;
   uint64_t s, t, from = 0;
   for (size_t i = 0; i < p->n && edits_next_modified(es, from, &s, &t); i++, from = t) {
      size_t len = (size_t)(t - s), got = 0;
      p->start[i] = s;
      p->end[i] = t;
      if (!edits_original(es, s, p->orig + at, len)) {
         error_set(e, ERR_FLUSH, 0, _("the bytes at 0x%llx were not read before the edit"), (ull)s);
         return false;
      }
      if (!source_read(edits_source(es), p->now + at, len, s, &got, e))
         return false;
      if (got < len) {
         error_set(e, ERR_FLUSH, EFAULT, _("the bytes at 0x%llx cannot be read now"),
                   (ull)(s + got));
         return false;
      }
      memcpy(p->edited + at, p->now + at, len);
      edits_overlay(es, s, p->edited + at, len);
      at += len;
   }
   return true;
}

/* Step 1: how many bytes changed since they were read, and the first. */
static bool check_unchanged(const Plan *p, const char *force_hint, Error *e) {
   uint64_t changed = 0, first = 0;
   size_t at = 0;
   for (size_t i = 0; i < p->n; i++) {
      size_t len = (size_t)(p->end[i] - p->start[i]);
      for (size_t j = 0; j < len; j++)
         if (p->orig[at + j] != p->now[at + j] && changed++ == 0)
            first = p->start[i] + j;
      at += len;
   }
   if (changed == 0)
      return true;
   error_set(e, ERR_CHANGED, 0,
             ngettext("%llu byte changed in the process since it was read (at 0x%llx); "
                      "%s writes anyway", "%llu bytes changed in the process since they were read "
                      "(the first at 0x%llx); %s writes anyway", changed),
             (ull)changed, (ull)first, force_hint ? force_hint : "--force");
   return false;
}

/* Step 3: the bytes of the first N ranges back as they were found. */
static bool restore(Source *src, const Plan *p, size_t n) {
   bool good = true;
   size_t at = 0, put;
   Error ignored;
   for (size_t i = 0; i < n; i++) {
      size_t len = (size_t)(p->end[i] - p->start[i]);
      good &= source_write(src, p->now + at, len, p->start[i], &put, &ignored);
      at += len;
   }
   return good;
}

bool flush_inplace(EditSet *es, bool force, const char *force_hint, FlushReport *r, Error *e) {
   Plan p;
   memset(&p, 0, sizeof p);
   flush_plan(es, r);
   if (!plan_build(es, &p, e) || (!force && !check_unchanged(&p, force_hint, e))) {
      plan_free(&p);
      return false;
   }
   Source *src = edits_source(es);
   size_t at = 0, put;
   for (size_t i = 0; i < p.n; i++) {
      size_t len = (size_t)(p.end[i] - p.start[i]);
      if (!source_write(src, p.edited + at, len, p.start[i], &put, e)) {
         bool back = restore(src, &p, put ? i + 1 : i);
         if (!back) {
            char detail[sizeof e->detail];
            memcpy(detail, e->detail, sizeof detail);
            error_set(e, ERR_FLUSH, e->sys_errno,
                      _("%s; writing back the bytes already written failed too: the object "
                        "holds part of the edits"), detail[0] ? detail : strerror(e->sys_errno));
         }
         plan_free(&p);
         return false;
      }
      at += len;
   }
   plan_free(&p);
   edits_discard(es);
   return true;
}
