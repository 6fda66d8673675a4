/* source.c - choosing a source kind, and the pieces fd-backed kinds share. */
#include "config.h"

#include "core/source.h"
#include "core/gettext.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Kinds chosen by a "prefix:" in SOURCE come from the platform's registry.
 * A plain path goes to the file kind, which hands block devices and
 * pseudo-files on to their kinds once it has looked. */
static const SourceOps *kind_for(const char *spec, const char **name) {
   size_t n;
   const SourceOps *const *kinds = source_registry(&n);
   for (size_t i = 0; i < n; i++) {
      const char *p = kinds[i]->prefix;
      if (p && strncmp(spec, p, strlen(p)) == 0) {
         *name = spec + strlen(p);
         return kinds[i];
      }
   }
   *name = spec;
   return &source_file_ops;
}

bool source_open(const char *spec, bool writable, Source **out, Error *e) {
   Source *s = calloc(1, sizeof *s);
   if (!s || !(s->spec = strdup(spec))) {
      free(s);
      error_set(e, ERR_OPEN, ENOMEM, NULL);
      return false;
   }
   const char *name;
   s->handle = PLATFORM_HANDLE_NONE;
   s->writable = writable;
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
   s->ops->next_data(s, offset, start, end);
}

bool source_can(const Source *s, unsigned caps) {
   return s && s->ops && (s->ops->caps & caps) == caps;
}

void source_identity(const Source *s, SourceIdentity *id) {
   s->ops->identity(s, id);
}

void source_describe_map(const Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                         const void *addr, SourceMapCall *out) {
   memset(out, 0, sizeof *out);
   s->ops->describe_map(s, offset, len, mode, addr, out);
}

bool source_require_mappable(const Source *s, Error *e) {
   if (s->size == 0 && !source_can(s, SOURCE_CAN_MAP)) {
      error_set(e, ERR_EMPTY, 0, "%s", _("reading it from its start gave no bytes"));
      return false;
   }
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
   case PLATFORM_KIND_FIFO:   what = _("it is a FIFO"); break;
   case PLATFORM_KIND_CHAR:   what = _("it is a character device"); break;
   case PLATFORM_KIND_SOCKET: what = _("it is a socket"); break;
   case PLATFORM_KIND_OTHER:
   default:                   what = _("it is not a regular file"); break;
   }
   error_set(e, ERR_NOT_MAPPABLE, 0, "%s", what);
   return false;
}

/* ---- fd-backed kinds ------------------------------------------------- */

bool source_fd_refresh(Source *s, Error *e) {
   int rc = platform_stat_fd(s->handle, &s->st);
   if (rc != 0) {
      error_set(e, ERR_READ, rc, NULL);
      return false;
   }
   s->size = s->st.size;
   return true;
}

bool source_fd_map(Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                   bool populate, void **addr, Error *e) {
   int rc = platform_map(s->handle, offset, len, mode, populate, addr);
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
   int rc = platform_read_at(s->handle, buf, len, offset, got);
   if (rc != 0) {
      error_set(e, ERR_READ, rc, NULL);
      return false;
   }
   return true;
}

void source_fd_next_data(Source *s, uint64_t offset, uint64_t *start, uint64_t *end) {
   platform_next_data(s->handle, offset, s->size, start, end);
}

void source_fd_close(Source *s) {
   platform_close(s->handle);
   s->handle = PLATFORM_HANDLE_NONE;
}

void source_fd_identity(const Source *s, SourceIdentity *id) {
   id->dev = s->st.dev;
   id->ino = s->st.ino;
   id->in_file_system = true;
}

typedef unsigned long long ull;

void source_fd_describe_map(const Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                            const void *addr, SourceMapCall *out) {
   (void)addr;
   snprintf(out->function, sizeof out->function, "mmap");
   snprintf(out->prot, sizeof out->prot, "%s", platform_map_prot_name(mode));
   snprintf(out->flags, sizeof out->flags, "%s", platform_map_flags_name(mode, false));
   snprintf(out->args, sizeof out->args, "NULL, %llu, %s, %s, %d, 0x%llx", (ull)len, out->prot,
            out->flags, (int)s->handle, (ull)offset);
   snprintf(out->windows, sizeof out->windows, "MapViewOfFile(hMap, %s, 0x%08llx, 0x%08llx, %llu)",
            mode == PLATFORM_MAP_SHARED ? "FILE_MAP_WRITE"
            : mode == PLATFORM_MAP_PRIVATE ? "FILE_MAP_COPY" : "FILE_MAP_READ",
            (ull)(offset >> 32), (ull)(offset & 0xffffffffu), (ull)len);
}
