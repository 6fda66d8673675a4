/* source.c - choosing a source kind, and the pieces fd-backed kinds share. */
#include "config.h"

#include "core/source.h"
#include "core/gettext.h"
#include "platform/names.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Kinds chosen by a "prefix:" in SOURCE come from the platform's registry.
 * A plain path goes to the file kind, which hands block devices and
 * pseudo-files on to their kinds once it has looked. */
static const SourceOps *kind_for(const char *spec, const char **name) {
   if (strcmp(spec, "-") == 0) {
      *name = spec;
      return &source_stream_ops;
   }
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

static void source_free(Source *s) {
   free(s->name);
   free(s->spec);
   free(s);
}

/* How a source is opened: to map, to read, or only to be described. */
typedef enum { OPEN_MAP, OPEN_READ, OPEN_DESCRIBE } OpenUse;

static bool open_as(const char *spec, bool writable, OpenUse use, const PlatformStat *expect,
                    Source **out, Error *e) {
   Source *s = calloc(1, sizeof *s);
   if (!s || !(s->spec = strdup(spec))) {
      free(s);
      error_set(e, ERR_OPEN, ENOMEM, NULL);
      return false;
   }
   const char *name;
   s->handle = PLATFORM_HANDLE_NONE;
   s->writable = writable;
   s->expect = expect;
   s->reading = use != OPEN_MAP;
   s->describing = use == OPEN_DESCRIBE;
   s->ops = kind_for(spec, &name);
   if (!s->ops->open(s, name, writable, e)) {
      source_free(s);
      return false;
   }
   /* Kinds opened by a name of their own (shm:, sem:) are checked here,
    * before anything of them is read. */
   if (!source_check_expected(s, &s->st, e)) {
      s->ops->close(s);
      source_free(s);
      return false;
   }
   s->pinned = expect != NULL;
   s->expect = NULL;
   *out = s;
   return true;
}

static SourceUseHook use_hook;
static void *use_hook_ctx;

void source_set_use_hook(SourceUseHook hook, void *ctx) {
   use_hook = hook;
   use_hook_ctx = ctx;
}

void source_report_use(const Source *s) {
   if (use_hook && s->ops->use_note)
      use_hook(use_hook_ctx, s, s->ops->use_note);
}

bool source_open(const char *spec, bool writable, Source **out, Error *e) {
   return open_as(spec, writable, OPEN_MAP, NULL, out, e);
}

bool source_open_expect(const char *spec, bool writable, const PlatformStat *expect,
                        Source **out, Error *e) {
   return open_as(spec, writable, OPEN_MAP, expect, out, e);
}

bool source_open_reading(const char *spec, Source **out, Error *e) {
   return open_as(spec, false, OPEN_READ, NULL, out, e);
}

bool source_open_describing(const char *spec, Source **out, Error *e) {
   return open_as(spec, false, OPEN_DESCRIBE, NULL, out, e);
}

bool source_kind_opens_with_effects(PlatformKind kind) {
   return kind == PLATFORM_KIND_FIFO || kind == PLATFORM_KIND_CHAR || kind == PLATFORM_KIND_SOCKET;
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

bool source_read_marked(Source *s, void *buf, size_t len, uint64_t offset, size_t *got,
                        unsigned char *bad, SourceFault *fault, Error *e) {
   if (fault)
      memset(fault, 0, sizeof *fault);
   if (bad)
      memset(bad, 0, len);
   if (s->ops->read_marked)
      return s->ops->read_marked(s, buf, len, offset, got, bad, fault, e);
   return s->ops->read(s, buf, len, offset, got, e);
}

bool source_write(Source *s, const void *buf, size_t len, uint64_t offset, Error *e) {
   if (!s->ops->write) {
      error_set(e, ERR_READ_ONLY, 0, "%s", _("this kind of source cannot be edited"));
      return false;
   }
   return s->ops->write(s, buf, len, offset, e);
}

void source_fault_why(const Source *s, const SourceFault *fault, char *buf, size_t size) {
   if (s->ops->fault_why) {
      s->ops->fault_why(s, fault, buf, size);
      return;
   }
   snprintf(buf, size, "%s", strerror(fault->err));
}

void source_next_data(Source *s, uint64_t offset, uint64_t *start, uint64_t *end) {
   if (s->read_to_end) {          /* no holes to ask about: all of it is data */
      *start = offset;
      *end = s->size;
      return;
   }
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

/* What each kind of object is to each use: usable, or the error and why.
 * A row per PlatformKind; kinds missing from it are refused as "other". */
typedef struct {
   bool usable[SOURCE_USES];
   ErrorCode code;
   const char *why;              /* N_() */
   bool read_modes;              /* the read-only modes of the command line read it: a
                                  * hint the screen drops (error_add_cli_hint) */
} KindRule;

static const KindRule kind_rules[] = {
   [PLATFORM_KIND_REGULAR]   = { .usable = { [SOURCE_USE_MAP] = true, [SOURCE_USE_READ] = true } },
   [PLATFORM_KIND_BLOCK]     = { .usable = { [SOURCE_USE_MAP] = true, [SOURCE_USE_READ] = true } },
   [PLATFORM_KIND_DIRECTORY] = { .code = ERR_IS_DIRECTORY,
                                 .why = N_("give a file, a block device or shm:NAME") },
   [PLATFORM_KIND_FIFO]      = { .usable = { [SOURCE_USE_READ] = true }, .code = ERR_NOT_MAPPABLE,
                                 .why = N_("it is a FIFO or pipe"), .read_modes = true },
   [PLATFORM_KIND_CHAR]      = { .usable = { [SOURCE_USE_READ] = true }, .code = ERR_NOT_MAPPABLE,
                                 .why = N_("it is a character device"), .read_modes = true },
   [PLATFORM_KIND_SOCKET]    = { .code = ERR_NOT_MAPPABLE, .why = N_("it is a socket") },
   [PLATFORM_KIND_OTHER]     = { .code = ERR_NOT_MAPPABLE, .why = N_("it is not a regular file") },
};

bool source_check_kind_for(PlatformKind kind, SourceUse use, Error *e) {
   if ((size_t)kind >= sizeof kind_rules / sizeof kind_rules[0])
      kind = PLATFORM_KIND_OTHER;
   const KindRule *r = &kind_rules[kind];
   if ((unsigned)use < SOURCE_USES && r->usable[use])
      return true;
   error_set(e, r->code, 0, "%s", _(r->why));
   if (r->read_modes)
      error_add_cli_hint(e, _("--dump, --xxd and --find read it"));
   return false;
}

bool source_check_kind(const Source *s, Error *e) {
   if (s->describing && source_kind_opens_with_effects(s->st.kind))
      return true;               /* described from its stat, never opened */
   return source_check_kind_for(s->st.kind, s->reading ? SOURCE_USE_READ : SOURCE_USE_MAP, e);
}

const char *source_kind_word(PlatformKind k) {
   switch (k) {
   case PLATFORM_KIND_REGULAR:   return _("a file");
   case PLATFORM_KIND_BLOCK:     return _("a block device");
   case PLATFORM_KIND_DIRECTORY: return _("a directory");
   case PLATFORM_KIND_FIFO:      return _("a FIFO");
   case PLATFORM_KIND_CHAR:      return _("a character device");
   case PLATFORM_KIND_SOCKET:    return _("a socket");
   case PLATFORM_KIND_OTHER:
   default:                      return _("another kind of object");
   }
}

bool source_check_expected(const Source *s, const PlatformStat *st, Error *e) {
   const PlatformStat *x = s->expect;
   if (!x || platform_same_object(x, st))
      return true;
   unsigned xmaj, xmin, maj, min;
   platform_dev_split(x->dev, &xmaj, &xmin);
   platform_dev_split(st->dev, &maj, &min);
   error_set(e, ERR_SWAPPED, 0, _("listed: %s %u:%u inode %llu; now: %s %u:%u inode %llu"),
             source_kind_word(x->kind), xmaj, xmin, (unsigned long long)x->ino,
             source_kind_word(st->kind), maj, min, (unsigned long long)st->ino);
   return false;
}

/* An errno of platform_open_same(): ESTALE is a swap seen while opening. */
bool source_open_failed(Error *e, int rc) {
   if (rc == ESTALE)
      error_set(e, ERR_SWAPPED, 0, "%s", _("it was replaced while it was being opened"));
   else
      error_set(e, ERR_OPEN, rc, NULL);
   return false;
}

/* ---- fd-backed kinds ------------------------------------------------- */

bool source_fd_refresh(Source *s, Error *e) {
   int rc = platform_stat_fd(s->handle, &s->st);
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

bool source_fd_open_path(Source *s, const char *name, bool writable, Error *e) {
   PlatformStat seen;
   int rc = platform_stat_path(name, &seen);
   if (rc != 0)
      return source_open_failed(e, rc);
   s->st = seen;
   if (!source_check_expected(s, &seen, e) || !source_check_kind(s, e))
      return false;
   if (s->describing && source_kind_opens_with_effects(seen.kind)) {
      s->unopened = true;        /* no open(): it would wait, or act */
      return true;
   }
   rc = platform_open_same(name, writable, &seen, &s->handle, &s->st);
   if ((rc == EACCES || rc == EPERM) && s->describing) {
      s->st = seen;              /* --info: what stat says, and why no more */
      s->handle = PLATFORM_HANDLE_NONE;
      s->open_denied = rc;
      return true;
   }
   return rc == 0 || source_open_failed(e, rc);
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
