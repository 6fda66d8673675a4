/* source_pseudo.c - files whose size lies: the proc and sys file systems' files.
 *
 * The file kind hands a file over when the platform says its reported size
 * cannot be trusted (platform/pseudo.h).  Such a file is not mapped: it is
 * read from its start to its end, once, into a buffer, and every window is
 * a slice of that buffer.  Its size is what the read produced; a file that
 * never ends (or passes PSEUDO_MAX) is cut there and says so
 * (Source.size_partial). */
#include "config.h"

#include "core/source.h"
#include "core/gettext.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PSEUDO_MAX (64u << 20)
#define PSEUDO_CHUNK 65536u

typedef struct {
   unsigned char *buf;
   size_t len, cap;
} Pseudo;

static bool grow(Pseudo *p, Error *e) {
   size_t cap = p->cap ? p->cap * 2 : PSEUDO_CHUNK;
   unsigned char *b = realloc(p->buf, cap);
   if (!b) {
      error_set(e, ERR_READ, ENOMEM, NULL);
      return false;
   }
   p->buf = b;
   p->cap = cap;
   return true;
}

/* read() until the end of the file or PSEUDO_MAX bytes. */
static bool read_all(Source *s, Pseudo *p, Error *e) {
   for (;;) {
      if (p->len == p->cap && (p->cap >= PSEUDO_MAX || !grow(p, e)))
         return p->cap >= PSEUDO_MAX;
      size_t got;
      int rc = platform_read_some(s->handle, p->buf + p->len, p->cap - p->len, &got);
      if (rc != 0) {
         error_set(e, ERR_READ, rc, NULL);
         return false;
      }
      if (got == 0) {
         s->size_partial = false;
         return true;
      }
      p->len += got;
   }
}

bool source_pseudo_adopt(Source *s, Error *e) {
   Pseudo *p = calloc(1, sizeof *p);
   if (!p) {
      error_set(e, ERR_OPEN, ENOMEM, NULL);
      source_fd_close(s);
      return false;
   }
   s->size_partial = true;
   if (!read_all(s, p, e)) {
      free(p->buf);
      free(p);
      source_fd_close(s);
      return false;
   }
   s->ops = &source_pseudo_ops;
   s->priv = p;
   s->size = p->len;
   return true;
}

static bool pseudo_open(Source *s, const char *name, bool writable, Error *e) {
   (void)name;
   (void)writable;
   error_set(e, ERR_BAD_SOURCE, 0, "%s", _("pseudo-files are opened by their path"));
   (void)s;
   return false;
}

/* The text was read once; the file's reported size says nothing. */
static bool pseudo_refresh(Source *s, Error *e) {
   (void)s;
   (void)e;
   return true;
}

static bool pseudo_map(Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                       bool populate, void **addr, Error *e) {
   (void)s, (void)offset, (void)len, (void)mode, (void)populate, (void)addr;
   error_set(e, ERR_NOT_MAPPABLE, 0, "%s", _("a pseudo-file is read, not mapped"));
   return false;
}

static void pseudo_unmap(Source *s, void *addr, size_t len) {
   (void)s, (void)addr, (void)len;
}

static bool pseudo_read(Source *s, void *buf, size_t len, uint64_t offset, size_t *got, Error *e) {
   const Pseudo *p = s->priv;
   (void)e;
   *got = 0;
   if (offset >= p->len)
      return true;
   *got = p->len - offset < len ? (size_t)(p->len - offset) : len;
   memcpy(buf, p->buf + offset, *got);
   return true;
}

static void pseudo_next_data(Source *s, uint64_t offset, uint64_t *start, uint64_t *end) {
   *start = offset < s->size ? offset : s->size;
   *end = s->size;
}

static void pseudo_close(Source *s) {
   Pseudo *p = s->priv;
   if (p)
      free(p->buf);
   free(p);
   s->priv = NULL;
   source_fd_close(s);
}

typedef unsigned long long ull;

static void pseudo_describe_map(const Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                                const void *addr, SourceMapCall *out) {
   (void)mode;
   (void)addr;
   snprintf(out->function, sizeof out->function, "read");
   snprintf(out->args, sizeof out->args, "%d, buf, %llu", (int)s->handle, (ull)s->size);
   snprintf(out->note, sizeof out->note, _("read whole at open; this window at +0x%llx"),
            (ull)offset);
   snprintf(out->windows, sizeof out->windows, "ReadFile(hFile, buf, %llu, &got, NULL)",
            (ull)len);
}

/* Read whole at open, never mapped: the kernel makes its text as it is read. */
static void pseudo_life(const Source *s, size_t len, SourceLife *out) {
   source_life_read_path(s, len, out);
   SourceLifeStep *o = &out->step[SOURCE_STAGE_OPEN];
   snprintf(o->note, sizeof o->note, "%s",
            _("its size says nothing: the kernel makes the text as it is read, so it is read "
              "whole, then shown"));
   SourceLifeStep *u = &out->step[SOURCE_STAGE_UNMAP];
   snprintf(u->call, sizeof u->call, "free(buf)");
   snprintf(u->windows, sizeof u->windows, "HeapFree(GetProcessHeap(), 0, buf)");
   snprintf(u->note, sizeof u->note, "%s", _("at close: nothing is mapped"));
}

const SourceOps source_pseudo_ops = {
   .kind = N_("pseudo-file"),
   .prefix = NULL,
   .caps = SOURCE_CAN_READ,
   .open = pseudo_open,
   .refresh = pseudo_refresh,
   .map = pseudo_map,
   .unmap = pseudo_unmap,
   .read = pseudo_read,
   .next_data = pseudo_next_data,
   .close = pseudo_close,
   .identity = source_fd_identity,
   .describe_map = pseudo_describe_map,
   .describe_life = pseudo_life,
};
