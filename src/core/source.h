/* source.h - what is mapped: a file, a block device, a shared-memory object.
 *
 * Each kind fills one const SourceOps table; source_open() picks the table
 * by the SOURCE prefix ("shm:NAME") or, for a plain path, by what the path
 * turns out to be.  Adding a kind adds a file and one line in source.c. */
#ifndef MAPSCOPE_SOURCE_H
#define MAPSCOPE_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "platform/platform.h"

typedef struct Source Source;

typedef struct SourceOps {
   const char *kind;        /* gettext-marked: "file", "block device" ... */
   const char *prefix;      /* "shm:"; NULL for the path-based kinds */
   /* Open NAME (the SOURCE without its prefix). */
   bool (*open)(Source *s, const char *name, bool writable, Error *e);
   /* Re-read the size and identity (objects change under us). */
   bool (*refresh)(Source *s, Error *e);
   bool (*map)(Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
               bool populate, void **addr, Error *e);
   void (*unmap)(Source *s, void *addr, size_t len);
   bool (*read)(Source *s, void *buf, size_t len, uint64_t offset, size_t *got, Error *e);
   /* Next data extent at or after OFFSET; [*start, *end), *start == size if none. */
   void (*next_data)(Source *s, uint64_t offset, uint64_t *start, uint64_t *end);
   void (*close)(Source *s);
} SourceOps;

struct Source {
   const SourceOps *ops;
   char *spec;            /* SOURCE as the user gave it (untrusted: escape it) */
   char *name;            /* path, or shm name with its leading '/' */
   int fd;                /* -1 for kinds without a descriptor */
   bool writable;
   PlatformStat st;
   uint64_t size;
   void *priv;            /* kind-specific state (sysv: the attached segment) */
   const PlatformStat *expect;   /* while opening: what it must be (NULL: any) */
   bool pinned;           /* opened as a listed object: reopen only that one */
};

/* Open SPEC.  On failure returns false with E set; *out is untouched. */
bool source_open(const char *spec, bool writable, Source **out, Error *e);
/* The same, refusing (ERR_SWAPPED) any object but the one EXPECT describes:
 * its kind, device and inode (the rest of EXPECT is not looked at).  EXPECT
 * NULL is source_open(). */
bool source_open_expect(const char *spec, bool writable, const PlatformStat *expect,
                        Source **out, Error *e);
void source_close(Source *s);

bool source_refresh(Source *s, Error *e);
bool source_map(Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                bool populate, void **addr, Error *e);
void source_unmap(Source *s, void *addr, size_t len);
bool source_read(Source *s, void *buf, size_t len, uint64_t offset, size_t *got, Error *e);
void source_next_data(Source *s, uint64_t offset, uint64_t *start, uint64_t *end);

/* Refuse objects that cannot be mapped because they are empty. */
bool source_require_mappable(const Source *s, Error *e);

/* Shared pieces for kinds that hold a file descriptor. */
bool source_fd_refresh(Source *s, Error *e);
bool source_fd_map(Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                   bool populate, void **addr, Error *e);
void source_fd_unmap(Source *s, void *addr, size_t len);
bool source_fd_read(Source *s, void *buf, size_t len, uint64_t offset, size_t *got, Error *e);
void source_fd_next_data(Source *s, uint64_t offset, uint64_t *start, uint64_t *end);
void source_fd_close(Source *s);
/* Open the path NAME as the path kinds do: stat it, check it against
 * S->expect and source_check_kind() without opening it, then open exactly
 * what was stat'ed into S->fd and S->st. */
bool source_fd_open_path(Source *s, const char *name, bool writable, Error *e);
/* Set E from an errno of platform_open_same() (ESTALE: ERR_SWAPPED);
 * returns false. */
bool source_open_failed(Error *e, int rc);

/* The SourceOps members of a kind that holds a descriptor; NEXT_DATA is
 * its way of finding data (block devices have no holes to ask about). */
#define SOURCE_FD_OPS(next_data_fn) \
   .refresh = source_fd_refresh, \
   .map = source_fd_map, \
   .unmap = source_fd_unmap, \
   .read = source_fd_read, \
   .next_data = (next_data_fn), \
   .close = source_fd_close

/* What a source is opened for: the screen and --patch map it, the modes
 * that only read could use a stream.  Which kinds of object each use
 * accepts is one table in source.c. */
typedef enum {
   SOURCE_USE_MAP,
   SOURCE_USE_READ,
   SOURCE_USES
} SourceUse;

/* Check what a path or object is (S->st.kind), for mapping: false with E
 * saying why when it cannot be used.  Paths are checked before they are
 * opened. */
bool source_check_kind(const Source *s, Error *e);
bool source_check_kind_for(PlatformKind kind, SourceUse use, Error *e);

/* When S->expect is set: false (ERR_SWAPPED, naming both) unless ST is the
 * object expected. */
bool source_check_expected(const Source *s, const PlatformStat *st, Error *e);

/* Open the object SRC names once more, read-write or read-only, as its kind
 * opens it (source_reopen.c): a descriptor of its own in *FD and what the
 * name refers to now in *ST.  Edits use it to check write permission and to
 * see whether the object was replaced since it was opened.  Fails for kinds
 * without a descriptor. */
bool source_reopen(const Source *src, bool writable, int *fd, PlatformStat *st, Error *e);

extern const SourceOps source_file_ops;
extern const SourceOps source_block_ops;
extern const SourceOps source_shm_ops;
extern const SourceOps source_sem_ops;
extern const SourceOps source_sysv_ops;

/* A POSIX shm name checked (one path component, at most NAME_MAX bytes) and
 * returned malloc'd with its leading '/'; NULL with E set otherwise. */
char *source_shm_normalize_name(const char *name, Error *e);
/* Open S->name as a POSIX shm object and check what it is; MISSING is the
 * reason given when no object has that name. */
bool source_shm_attach(Source *s, bool writable, const char *missing, Error *e);

#endif
