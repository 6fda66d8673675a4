/* source.c - choosing a source kind, and the pieces fd-backed kinds share. */
#include "config.h"

#include "core/source.h"
#include "core/gettext.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Kinds chosen by a "prefix:" in SOURCE.  A plain path goes to the file kind,
 * which hands block devices on to source_block_ops once it has looked. */
static const SourceOps *const prefixed_kinds[] = {
   &source_shm_ops,
   &source_sem_ops,
   &source_sysv_ops,
};

static const SourceOps *kind_for(const char *spec, const char **name) {
   if (strcmp(spec, "-") == 0) {
      *name = spec;
      return &source_stream_ops;
   }
   for (size_t i = 0; i < sizeof prefixed_kinds / sizeof prefixed_kinds[0]; i++) {
      const char *p = prefixed_kinds[i]->prefix;
      if (strncmp(spec, p, strlen(p)) == 0) {
         *name = spec + strlen(p);
         return prefixed_kinds[i];
      }
   }
   *name = spec;
   return &source_file_ops;
}

static bool open_as(const char *spec, bool writable, bool reading, Source **out, Error *e) {
   Source *s = calloc(1, sizeof *s);
   if (!s || !(s->spec = strdup(spec))) {
      free(s);
      error_set(e, ERR_OPEN, ENOMEM, NULL);
      return false;
   }
   const char *name;
   s->fd = -1;
   s->writable = writable;
   s->reading = reading;
   s->ops = kind_for(spec, &name);
   if (!s->ops->open(s, name, writable, e)) {
      free(s->name);
      free(s->spec);
      free(s);
      return false;
   }
   *out = s;
   return true;
}

bool source_open(const char *spec, bool writable, Source **out, Error *e) {
   return open_as(spec, writable, false, out, e);
}

bool source_open_reading(const char *spec, Source **out, Error *e) {
   return open_as(spec, false, true, out, e);
}

void source_close(Source *s) {
   if (!s)
      return;
   s->ops->close(s);
   free(s->name);
   free(s->spec);
   free(s);
}

bool source_refresh(Source *s, Error *e) {
   return s->ops->refresh(s, e);
}

bool source_map(Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                bool populate, void **addr, Error *e) {
   return s->ops->map(s, offset, len, mode, populate, addr, e);
}

void source_unmap(Source *s, void *addr, size_t len) {
   s->ops->unmap(s, addr, len);
}

bool source_read(Source *s, void *buf, size_t len, uint64_t offset, size_t *got, Error *e) {
   return s->ops->read(s, buf, len, offset, got, e);
}

void source_next_data(Source *s, uint64_t offset, uint64_t *start, uint64_t *end) {
   if (s->read_to_end) {          /* no holes to ask about: all of it is data */
      *start = offset;
      *end = s->size;
      return;
   }
   s->ops->next_data(s, offset, start, end);
}

bool source_require_mappable(const Source *s, Error *e) {
   if (s->size == 0) {
      error_set(e, ERR_EMPTY, 0, "%s", _("the object is empty; mmap() of zero bytes is refused"));
      return false;
   }
   return true;
}

bool source_check_kind(const Source *s, Error *e) {
   const char *what = NULL;
   switch (s->st.kind) {
   case PLATFORM_KIND_REGULAR:
   case PLATFORM_KIND_BLOCK:
      return true;
   case PLATFORM_KIND_DIRECTORY:
      error_set(e, ERR_IS_DIRECTORY, 0, "%s", _("give a file, a block device or shm:NAME"));
      return false;
   case PLATFORM_KIND_FIFO:
      what = _("it is a FIFO or pipe; --dump, --xxd and --find read it");
      break;
   case PLATFORM_KIND_CHAR:
      what = _("it is a character device; --dump, --xxd and --find read it");
      break;
   case PLATFORM_KIND_SOCKET: what = _("it is a socket"); break;
   case PLATFORM_KIND_OTHER:
   default:                   what = _("it is not a regular file"); break;
   }
   error_set(e, ERR_NOT_MAPPABLE, 0, "%s", what);
   return false;
}

/* ---- fd-backed kinds ------------------------------------------------- */

bool source_fd_refresh(Source *s, Error *e) {
   int rc = platform_stat_fd(s->fd, &s->st);
   if (rc != 0) {
      error_set(e, ERR_READ, rc, NULL);
      return false;
   }
   if (!s->read_to_end)
      s->size = s->st.size;
   return true;
}

bool source_fd_map(Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                   bool populate, void **addr, Error *e) {
   int rc = platform_map(s->fd, offset, len, mode, populate, addr);
   if (rc != 0) {
      error_set(e, ERR_MAP, rc, NULL);
      return false;
   }
   return true;
}

void source_fd_unmap(Source *s, void *addr, size_t len) {
   (void)s;
   platform_unmap(addr, len);
}

bool source_fd_read(Source *s, void *buf, size_t len, uint64_t offset, size_t *got, Error *e) {
   int rc = platform_read_at(s->fd, buf, len, offset, got);
   if (rc != 0) {
      error_set(e, ERR_READ, rc, NULL);
      return false;
   }
   return true;
}

void source_fd_next_data(Source *s, uint64_t offset, uint64_t *start, uint64_t *end) {
   platform_next_data(s->fd, offset, s->size, start, end);
}

void source_fd_close(Source *s) {
   platform_close(s->fd);
   s->fd = -1;
}
