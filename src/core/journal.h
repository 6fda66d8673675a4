/* journal.h - the rollback journal that makes a flush all-or-nothing.
 *
 * Before a flush overwrites anything it writes, and syncs, a journal of the
 * bytes it is about to replace.  The journal lives in a directory the
 * application chooses ($XDG_STATE_HOME/mapscope, see app/recovery.h) under
 * the name DEV:INODE.journal of the object, so any name for the object
 * finds it:
 *
 *    "MSJRNL01"                            magic and version, 8 bytes
 *    u64 total length of the journal       all numbers little-endian
 *    u64 dev, u64 inode, u64 object size   what the journal belongs to
 *    u64 number of runs
 *    per run: u64 offset, u64 length, the old bytes, the new bytes
 *    u32 CRC-32C of everything before it
 *
 * A journal whose length or checksum is wrong was torn while it was being
 * written: the object had not been touched yet, so it is simply removed.
 * A valid journal means a flush was interrupted after it (or completed
 * without removing it): every byte it covers holds its old or its new
 * value, and replaying writes the old ones back, so the object is all old.
 * When a covered byte holds neither (the object changed since), or the size
 * differs, the journal no longer applies and is removed unreplayed.
 *
 * A flush holds the object's lock (platform_lock()) from before its journal
 * is created until it is removed, and a replay takes the same lock first: a
 * journal whose object is locked belongs to a flush running now, and is
 * left alone. */
#ifndef MAPSCOPE_JOURNAL_H
#define MAPSCOPE_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/source.h"

typedef struct {
   uint64_t offset;
   size_t length;
   const unsigned char *old_bytes;
   const unsigned char *new_bytes;
} JournalRun;

typedef struct {
   uint64_t dev, ino, size;
} JournalId;

/* DIR/DEV:INO.journal, malloc'd (NULL when out of memory). */
char *journal_path(const char *dir, uint64_t dev, uint64_t ino);

/* Create DIR if needed, write the journal of RUNS at PATH and make it
 * durable (the file, then the directory entry).  Fails when PATH exists.
 * On failure nothing is left behind.  *BYTES receives the journal's size. */
bool journal_write(const char *dir, const char *path, const JournalId *id,
                   const JournalRun *runs, size_t nruns, uint64_t *bytes, Error *e);

/* Remove PATH and make the removal durable: the commit point of a flush. */
bool journal_remove(const char *dir, const char *path, Error *e);

/* The CRC-32C (Castagnoli) of LEN bytes, continuing from CRC (start at 0). */
uint32_t journal_crc32c(uint32_t crc, const void *buf, size_t len);

typedef enum {
   JOURNAL_NONE,          /* no journal: nothing to do */
   JOURNAL_ROLLED_BACK,   /* an interrupted flush was undone */
   JOURNAL_TORN,          /* a journal torn while written; removed, object untouched */
   JOURNAL_STALE,         /* a journal that no longer matches the object; removed */
   JOURNAL_BUSY           /* another process is flushing the object now; left alone */
} JournalOutcome;

typedef struct {
   JournalOutcome outcome;
   uint64_t bytes;        /* bytes written back */
   size_t runs;
   char *path;            /* the journal's path (malloc'd; free it) */
} JournalReplay;

/* Look in DIR for a journal of SRC and deal with it as described above.
 * Fails (the journal is kept) when it cannot be read or the object cannot
 * be written. */
bool journal_replay(const char *dir, Source *src, JournalReplay *r, Error *e);

#endif
