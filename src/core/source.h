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
   /* Opened by source_open_reading(): for the modes that read, not map. */
   bool reading;
   /* The size is not known before reading (procfs, sysfs, pipes ...): SIZE
    * is SOURCE_SIZE_UNKNOWN, every byte is data, and a short read is the
    * end of the object, not a shrink. */
   bool read_to_end;
   /* Bytes come in order only (pipes, FIFOs, character devices, standard
    * input): reads must go forward; a skip reads and drops. */
   bool sequential;
};

#define SOURCE_SIZE_UNKNOWN ((uint64_t)INT64_MAX)

/* Open SPEC.  On failure returns false with E set; *out is untouched. */
bool source_open(const char *spec, bool writable, Source **out, Error *e);
void source_close(Source *s);

/* Open SPEC for reading only, as --dump, --xxd, --find and --info do: also
 * "-" (standard input), pipes, FIFOs, character devices and files whose
 * size lies (see read_to_end).  source_open() refuses those: they cannot be
 * mapped. */
bool source_open_reading(const char *spec, Source **out, Error *e);

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

/* The SourceOps members of a kind that holds a descriptor; NEXT_DATA is
 * its way of finding data (block devices have no holes to ask about). */
#define SOURCE_FD_OPS(next_data_fn) \
   .refresh = source_fd_refresh, \
   .map = source_fd_map, \
   .unmap = source_fd_unmap, \
   .read = source_fd_read, \
   .next_data = (next_data_fn), \
   .close = source_fd_close

/* Check what an opened path or object turned out to be. */
bool source_check_kind(const Source *s, Error *e);

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
extern const SourceOps source_stream_ops;

/* Turn S, a path opened by the file kind that turned out to be a FIFO or a
 * character device, into a stream (source_stream.c). */
bool source_stream_adopt(Source *s, const char *path, Error *e);

/* A POSIX shm name checked (one path component, at most NAME_MAX bytes) and
 * returned malloc'd with its leading '/'; NULL with E set otherwise. */
char *source_shm_normalize_name(const char *name, Error *e);
/* Open S->name as a POSIX shm object and check what it is; MISSING is the
 * reason given when no object has that name. */
bool source_shm_attach(Source *s, bool writable, const char *missing, Error *e);

#endif
