/* inspect_scan.c - the next offset libmagic recognises, step by step in
 * the sandboxed child (the contract: the scan part of core/inspect.h).
 *
 * A step's child answers one line: "F OFFSET TYPE" when the offset
 * (relative to the step's first byte, in hex) is recognised, or "N OFFSET"
 * for where the next step starts. */
#include "config.h"

#include "core/inspect.h"
#ifdef HAVE_LIBMAGIC
#include "core/inspect_magic.h"
#endif
#include "core/gettext.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void inspect_scan_begin(InspectScan *sc, uint64_t from, uint64_t end, uint64_t align) {
   memset(sc, 0, sizeof *sc);
   sc->align = align ? align : 1;
   sc->start = sc->from = from;
   sc->end = end;
   sc->job.child.fd = PLATFORM_HANDLE_NONE;
   sc->job.child.pid = -1;
}

int inspect_scan_fd(const InspectScan *sc) {
   return sc->job.running ? sc->job.child.fd : -1;
}

void inspect_scan_cancel(InspectScan *sc) {
   if (sc->job.running) {
      char ignored[8];
      platform_child_finish(&sc->job.child, ignored, sizeof ignored, 0);   /* kills, reaps */
   }
   sc->job.running = false;
}

#ifndef HAVE_LIBMAGIC
InspectScanState inspect_scan_step(InspectScan *sc, Source *src, InspectOverlay overlay,
                                   void *overlay_ctx) {
   (void)src;
   (void)overlay;
   (void)overlay_ctx;
   snprintf(sc->type, sizeof sc->type, "%s", _("libmagic is not built in (configure --without-libmagic)"));
   return INSPECT_SCAN_FAILED;
}

InspectScanState inspect_scan_collect(InspectScan *sc, int timeout_ms) {
   (void)timeout_ms;
   sc->job.running = false;
   snprintf(sc->type, sizeof sc->type, "%s", _("libmagic is not built in (configure --without-libmagic)"));
   return INSPECT_SCAN_FAILED;
}
#else

/* Text, encodings, CSV and JSON would name nearly every offset of a text:
 * only the magic database's formats count. */
#define SCAN_FLAGS (MAGIC_NO_CHECK_COMPRESS | MAGIC_NO_CHECK_TEXT | MAGIC_NO_CHECK_ENCODING \
                    | MAGIC_NO_CHECK_CSV | MAGIC_NO_CHECK_JSON | MAGIC_ERROR)

typedef struct {
   const unsigned char *buf;
   size_t len;            /* bytes in BUF */
   size_t span;           /* offsets [0, span) are candidates */
   uint64_t base;         /* BUF[0]'s offset in the object, for the alignment */
   uint64_t align;
   MagicApi api;
   magic_t magic;
} Step;

/* The first offset at or after X that is a multiple of the alignment. */
static uint64_t aligned_up(const InspectScan *sc, uint64_t x) {
   uint64_t r = x % sc->align;
   return r ? x + (sc->align - r) : x;
}

static void step_prepare(void *ctx) {
   Step *st = ctx;
   tzset();
   st->magic = inspect_magic_api(&st->api) ? inspect_magic_ready(&st->api, SCAN_FLAGS) : NULL;
}

/* libmagic's words for "nothing": no match, and the last byte or two of
 * the object, which it calls a very short file. */
static bool recognised(const char *desc) {
   return desc && *desc && strcmp(desc, "data") != 0 && strcmp(desc, "empty") != 0
          && strncmp(desc, "very short file", 15) != 0;
}

static bool zero4(const unsigned char *p, size_t left) {
   return left >= 4 && (p[0] | p[1] | p[2] | p[3]) == 0;
}

static void step_in_child(void *ctx, char *out, size_t outsz) {
   Step *st = ctx;
   if (!st->magic) {
      snprintf(out, outsz, "E %s", _("libmagic could not load its database"));
      return;
   }
   unsigned calls = 0;
   size_t i = 0;
   uint64_t r = st->base % st->align;
   if (r)
      i = (size_t)(st->align - r);
   for (; i < st->span; i += st->align) {
      if (zero4(st->buf + i, st->len - i))
         continue;
      if (calls++ == INSPECT_SCAN_CALLS)
         break;
      size_t n = st->len - i < INSPECT_SAMPLE ? st->len - i : INSPECT_SAMPLE;
      const char *desc = st->api.buffer(st->magic, st->buf + i, n);
      if (recognised(desc)) {
         snprintf(out, outsz, "F %zx %u %s", i, calls, desc);
         return;
      }
   }
   snprintf(out, outsz, "N %zx %u", i < st->span ? i : st->span, calls);
}

InspectScanState inspect_scan_step(InspectScan *sc, Source *src, InspectOverlay overlay,
                                   void *overlay_ctx) {
   uint64_t hole_start, data_end;
   sc->from = aligned_up(sc, sc->from);
   if (sc->from < sc->end) {
      source_next_data(src, sc->from, &hole_start, &data_end);
      if (hole_start > sc->from)
         sc->from = aligned_up(sc, hole_start);
   }
   if (sc->from >= sc->end)
      return INSPECT_SCAN_END;
   uint64_t left = sc->end - sc->from;
   size_t span = left < INSPECT_SCAN_SPAN ? (size_t)left : INSPECT_SCAN_SPAN;
   size_t want = left < (uint64_t)span + INSPECT_SAMPLE ? (size_t)left : span + INSPECT_SAMPLE;
   unsigned char *buf = malloc(want);
   size_t got = 0;
   Error e;
   if (!buf || !source_read(src, buf, want, sc->from, &got, &e) || got == 0) {
      snprintf(sc->type, sizeof sc->type, "%s", buf ? _(error_message(e.code)) : strerror(ENOMEM));
      free(buf);
      return INSPECT_SCAN_FAILED;
   }
   if (overlay)
      overlay(overlay_ctx, sc->from, buf, got);
   Step st = { buf, got, span < got ? span : got, sc->from, sc->align,
               { NULL, NULL, NULL, NULL }, NULL };
   PlatformChildTask t = { .prepare = step_prepare, .work = step_in_child, .ctx = &st,
                           .deadline_s = INSPECT_SCAN_DEADLINE_S };
   int rc = platform_sandbox_start(&t, INSPECT_TEXT_MAX + 64, &sc->job.child);
   free(buf);                      /* the child has its own copy */
   sc->job.running = rc == 0;
   if (rc != 0) {
      snprintf(sc->type, sizeof sc->type, "%s", strerror(rc));
      return INSPECT_SCAN_FAILED;
   }
   return INSPECT_SCAN_MORE;
}

InspectScanState inspect_scan_collect(InspectScan *sc, int timeout_ms) {
   char out[INSPECT_TEXT_MAX + 64];
   if (!sc->job.running)
      return INSPECT_SCAN_END;
   int rc = platform_child_finish(&sc->job.child, out, sizeof out, timeout_ms);
   sc->job.running = false;
   uint64_t rel;
   unsigned calls;
   int used = 0;
   if (rc == ECHILD) {
      snprintf(sc->type, sizeof sc->type, "%s", _("libmagic's child died without an answer"));
      return INSPECT_SCAN_FAILED;
   }
   if (rc != 0) {
      snprintf(sc->type, sizeof sc->type, _("libmagic's child failed (%s)"), strerror(rc));
      return INSPECT_SCAN_FAILED;
   }
   if (out[0] == 'E') {
      snprintf(sc->type, sizeof sc->type, "%.*s", (int)sizeof sc->type - 1, out + 2);
      return INSPECT_SCAN_FAILED;
   }
   if (sscanf(out, "%*c %" SCNx64 " %u %n", &rel, &calls, &used) < 2) {
      snprintf(sc->type, sizeof sc->type, "%s", _("libmagic's child gave no answer"));
      return INSPECT_SCAN_FAILED;
   }
   sc->calls += calls;
   if (out[0] == 'F') {
      sc->at = sc->from + rel;
      snprintf(sc->type, sizeof sc->type, "%.*s", (int)sizeof sc->type - 1, out + used);
      sc->from = sc->at + 1;            /* the next scan goes on after it */
      return INSPECT_SCAN_FOUND;
   }
   sc->from += rel ? rel : 1;
   return sc->from >= sc->end ? INSPECT_SCAN_END : INSPECT_SCAN_MORE;
}
#endif
