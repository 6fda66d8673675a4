/* journal_format.h - the journal's layout (core/journal.h draws it), shared
 * by the writer (journal.c) and the reader (journal_read.c). */
#ifndef MAPSCOPE_JOURNAL_FORMAT_H
#define MAPSCOPE_JOURNAL_FORMAT_H

#include <stdint.h>

#include "platform/identity.h"

#define JOURNAL_MAGIC "MSJRNL02"
/* The format before the object's identity was recorded: never replayed. */
#define JOURNAL_MAGIC_V1 "MSJRNL01"
#define JOURNAL_IDENTITY (6 * 8 + PLATFORM_FILE_HANDLE_MAX)
/* magic, length, dev, ino, size, runs, identity */
#define JOURNAL_HEADER (8 + 5 * 8 + JOURNAL_IDENTITY)
#define JOURNAL_RUN_HEADER 16          /* offset, length */
#define JOURNAL_TRAILER 4              /* CRC-32C */

/* Little-endian numbers. */
unsigned char *journal_put_u64(unsigned char *p, uint64_t v);
uint64_t journal_get_u64(const unsigned char *p);
uint32_t journal_get_u32(const unsigned char *p);

/* The identity block (JOURNAL_IDENTITY bytes at offset 48), both ways. */
unsigned char *journal_put_identity(unsigned char *p, const PlatformIdentity *id);
void journal_get_identity(const unsigned char *p, PlatformIdentity *id);

/* Is a directory of stat ST not ours?  Then E says so, naming DIR. */
#include "core/error.h"
#include "platform/platform.h"
#include <stdbool.h>
bool journal_dir_refused(const char *dir, const PlatformStat *st, Error *e);

#endif
