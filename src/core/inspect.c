/* inspect.c - the libmagic type of an object (configure --without-libmagic:
 * every type is "unknown (built without libmagic)"). */
#include "config.h"

#include "core/inspect.h"
#ifdef HAVE_LIBMAGIC
#include "core/inspect_magic.h"
#endif
#include "core/gettext.h"
#include "platform/library.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void copy_text(char *out, size_t outsz, const char *text) {
   if (outsz == 0)
      return;
   snprintf(out, outsz, "%s", text);
}

bool inspect_available(void) {
#ifdef HAVE_LIBMAGIC
   return true;
#else
   return false;
#endif
}

#ifndef HAVE_LIBMAGIC
static const char *const no_libmagic = N_("unknown (built without libmagic)");

bool inspect_magic_buffer(const void *buf, size_t len, char *out, size_t outsz) {
   (void)buf;
   (void)len;
   copy_text(out, outsz, _(no_libmagic));
   return false;
}

/* Without libmagic there is nothing to wait for: no child is started. */
void inspect_magic_start_at(Source *src, uint64_t off, InspectOverlay overlay,
                            void *overlay_ctx, InspectJob *job) {
   (void)src;
   (void)off;
   (void)overlay;
   (void)overlay_ctx;
   job->running = false;
   job->child.fd = PLATFORM_HANDLE_NONE;
   job->child.pid = -1;
}

int inspect_magic_fd(const InspectJob *job) {
   (void)job;
   return PLATFORM_HANDLE_NONE;
}

bool inspect_magic_finish(InspectJob *job, char *out, size_t outsz, int timeout_ms) {
   (void)timeout_ms;
   job->running = false;
   copy_text(out, outsz, _(no_libmagic));
   return false;
}
#else
bool inspect_magic_api(MagicApi *api) {
   static MagicApi loaded;
   static bool tried, ok;
   if (!tried) {
      char why[256];
      PlatformLibrary *lib = platform_library_open(MAGIC_SONAME, why, sizeof why);
      tried = true;
      loaded.open = (magic_t (*)(int))platform_library_function(lib, "magic_open");
      loaded.load = (int (*)(magic_t, const char *))platform_library_function(lib, "magic_load");
      loaded.buffer = (const char *(*)(magic_t, const void *, size_t))
                         platform_library_function(lib, "magic_buffer");
      loaded.close = (void (*)(magic_t))platform_library_function(lib, "magic_close");
      ok = loaded.open && loaded.load && loaded.buffer && loaded.close;
   }
   *api = loaded;
   return ok;
}

magic_t inspect_magic_ready(const MagicApi *api, int flags) {
   magic_t m = api->open(flags);
   if (m && api->load(m, NULL) != 0) {
      api->close(m);
      m = NULL;
   }
   return m;
}

bool inspect_magic_buffer(const void *buf, size_t len, char *out, size_t outsz) {
   MagicApi api;
   magic_t m = inspect_magic_api(&api) ? inspect_magic_ready(&api, MAGIC_FLAGS) : NULL;
   if (!m) {
      copy_text(out, outsz, _("(type unknown: no libmagic)"));
      return false;
   }
   const char *desc = api.buffer(m, buf, len);
   bool ok = desc != NULL;
   copy_text(out, outsz, desc ? desc : _("(type unknown)"));
   api.close(m);
   return ok;
}

typedef struct {
   const unsigned char *buf;
   size_t len;
   MagicApi api;
   magic_t magic;          /* loaded before the sandbox closes */
} Sample;

/* With the caller's rights: libmagic opens and maps its database, and the
 * time zone is read now (dates in some formats need it; files cannot be
 * opened later). */
static void magic_prepare(void *ctx) {
   Sample *s = ctx;
   tzset();
   s->magic = inspect_magic_api(&s->api) ? inspect_magic_ready(&s->api, MAGIC_FLAGS) : NULL;
}

/* In the sandbox: only the bytes already in memory are looked at. */
static void magic_in_child(void *ctx, char *out, size_t outsz) {
   Sample *s = ctx;
   const char *desc = s->magic ? s->api.buffer(s->magic, s->buf, s->len) : NULL;
   copy_text(out, outsz, desc ? desc : s->magic ? _("(type unknown)")
                                                : _("(type unknown: no libmagic)"));
}

/* libmagic runs in a sandboxed child process: its database (megabytes)
 * never counts in the viewer's memory, and a parser bug on hostile bytes
 * can neither take the viewer down nor use the viewer's rights. */
void inspect_magic_start_at(Source *src, uint64_t off, InspectOverlay overlay,
                            void *overlay_ctx, InspectJob *job) {
   uint64_t left = off < src->size ? src->size - off : 0;
   size_t want = left < INSPECT_SAMPLE ? (size_t)left : INSPECT_SAMPLE;
   unsigned char *buf = malloc(want ? want : 1);
   size_t got = 0;
   Error e;
   job->running = false;
   job->child.fd = job->child.pid = -1;
   if (buf && source_read(src, buf, want, off, &got, &e)) {
      if (overlay)
         overlay(overlay_ctx, off, buf, got);
      Sample s = { buf, got, { NULL, NULL, NULL, NULL }, NULL };   /* the child has its own copy once forked */
      PlatformChildTask t = { .prepare = magic_prepare, .work = magic_in_child, .ctx = &s,
                              .deadline_s = (INSPECT_TIMEOUT_MS + 999) / 1000 };
      job->running = platform_sandbox_start(&t, INSPECT_TEXT_MAX, &job->child) == 0;
   }
   free(buf);
}

int inspect_magic_fd(const InspectJob *job) {
   return job->running ? job->child.fd : -1;
}

bool inspect_magic_finish(InspectJob *job, char *out, size_t outsz, int timeout_ms) {
   int rc = job->running ? platform_child_finish(&job->child, out, outsz, timeout_ms) : EINVAL;
   job->running = false;
   if (rc != 0 || out[0] == '\0') {
      copy_text(out, outsz, _("(type unknown)"));
      return false;
   }
   return out[0] != '(';
}

#endif

void inspect_magic_start(Source *src, InspectJob *job) {
   inspect_magic_start_at(src, 0, NULL, NULL, job);
}

bool inspect_magic(Source *src, char *out, size_t outsz) {
   InspectJob job;
   inspect_magic_start(src, &job);
   return inspect_magic_finish(&job, out, outsz, INSPECT_TIMEOUT_MS);
}
