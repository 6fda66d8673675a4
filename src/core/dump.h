/* dump.h - print a range of a source as hexdump -C or xxd would.
 *
 * The range is read into one reused buffer (page-cached data comes an order
 * of magnitude faster through read() than through page faults on mapped
 * windows), or, when asked, through mapped windows as the screen reads it.
 * Holes of sparse objects are never touched, and a shrinking object ends the
 * dump with ERR_SHRANK_READ, or ERR_SHRANK instead of SIGBUS.  An object
 * read to its end (Source.read_to_end: procfs, pipes ...) is read, never
 * mapped, and a short read is its end. */
#ifndef MAPSCOPE_DUMP_H
#define MAPSCOPE_DUMP_H

#include <stdbool.h>
#include <stdint.h>

#include "core/error.h"
#include "core/format.h"
#include "core/source.h"

#define DUMP_CHUNK_DEFAULT (128u * 1024)   /* fits the second-level cache */

/* Where the text goes: returns 0 or an errno value. */
typedef struct {
   int (*write)(void *ctx, const char *buf, size_t len);
   void *ctx;
} DumpSink;

typedef struct {
   FormatStyle style;
   uint64_t start;          /* first byte; past the end prints what the peer
                               prints there (hexdump -C: the size) */
   uint64_t length;         /* bytes to dump; clipped at the end of the object */
   bool mapped;             /* through mapped windows rather than read() */
   bool verbose;            /* hexdump -v: no '*' for repeated lines */
   size_t chunk_size;       /* bytes per read(); 0 = DUMP_CHUNK_DEFAULT */
   uint64_t window_size;    /* bytes per mapped window */
   uint64_t granularity;    /* window alignment */
} DumpRequest;

bool dump_range(Source *src, const DumpRequest *req, const DumpSink *sink, Error *e);

#endif
