/* journal_format.h - the journal's layout (core/journal.h draws it), shared
 * by the writer (journal.c) and the reader (journal_read.c). */
#ifndef MAPSCOPE_JOURNAL_FORMAT_H
#define MAPSCOPE_JOURNAL_FORMAT_H

#include <stdint.h>

#define JOURNAL_MAGIC "MSJRNL01"
#define JOURNAL_HEADER (8 + 5 * 8)     /* magic, length, dev, ino, size, runs */
#define JOURNAL_RUN_HEADER 16          /* offset, length */
#define JOURNAL_TRAILER 4              /* CRC-32C */

/* Little-endian numbers. */
unsigned char *journal_put_u64(unsigned char *p, uint64_t v);
uint64_t journal_get_u64(const unsigned char *p);
uint32_t journal_get_u32(const unsigned char *p);

/* Is a directory of stat ST not ours?  Then E says so, naming DIR. */
#include "core/error.h"
#include "platform/platform.h"
#include <stdbool.h>
bool journal_dir_refused(const char *dir, const PlatformStat *st, Error *e);

#endif
