/* xxddump.h - a stream of bytes formatted as xxd(1) prints it.
 *
 * Bytes are fed in pieces of any size (a read buffer, a mapped window, a
 * run of zeros for a hole); lines that span two pieces are joined.  The
 * text goes to a DumpSink (core/dump.h) through one reused buffer.  What
 * the stream prints besides the byte lines: the "*" of -a, the newlines of
 * -p, and the body of the -i array ("  0x48, 0x65,"); the -i header and
 * footer come from xxddump_include_head() and xxddump_finish().
 *
 * Ownership: the XxdDump copies F and keeps SINK's pointer (it must
 * outlive it).  Errors: the sink's first error is kept and returned by
 * xxddump_finish(); nothing more is written after it. */
#ifndef MAPSCOPE_XXDDUMP_H
#define MAPSCOPE_XXDDUMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/dump.h"
#include "core/xxdfmt.h"

typedef struct XxdDump XxdDump;

/* A new stream whose first byte lies at file offset FIRST; NULL when out
 * of memory. */
XxdDump *xxddump_new(const XxdFormat *f, const DumpSink *sink, uint64_t first);

void xxddump_feed(XxdDump *d, const unsigned char *p, size_t len);

/* LEN zero bytes (a hole): with -a, whole squeezed lines cost nothing. */
void xxddump_zeros(XxdDump *d, uint64_t len);

/* "unsigned char NAME[] = {\n", NAME a C identifier (xxdfmt_c_name). */
void xxddump_include_head(XxdDump *d, const char *name);

/* Bytes fed so far. */
uint64_t xxddump_count(const XxdDump *d);

/* Print what is pending (a partial line, held zero lines, the last newline
 * of -p and -i), with -i and an INCLUDE_NAME the closing
 * "};\nunsigned int NAME_len = N;\n" (NAME_LEN with CAPITALIZE; N the
 * bytes fed); flush the buffer, free D.  Returns 0 or the sink's errno. */
int xxddump_finish(XxdDump *d, const char *include_name, bool capitalize);

#endif
