/* journal.h - the rollback journal that makes a flush all-or-nothing.
 *
 * Before a flush overwrites anything it writes, and syncs, a journal of the
 * bytes it is about to replace.  The journal lives in a directory the
 * application chooses ($XDG_STATE_HOME/mapscope, see app/recovery.h) under
 * the name DEV:INODE.journal of the object, so any name for the object
 * finds it:
 *
 *    "MSJRNL02"                            magic and version, 8 bytes
 *    u64 total length of the journal       all numbers little-endian
 *    u64 dev, u64 inode, u64 object size   what the journal belongs to
 *    u64 number of runs
 *    the object's identity, 176 bytes:     (platform/identity.h)
 *      u64 which are known (1 birth time, 2 generation, 4 file handle)
 *      i64 birth seconds, u64 birth nanoseconds, u64 generation,
 *      u64 handle type, u64 handle length, 128 bytes of handle (zero-padded)
 *    per run: u64 offset, u64 length, the old bytes, the new bytes
 *    u32 CRC-32C of everything before it
 *
 * Identity.  DEV:INODE names the object only while it lives: an inode
 * number is given to a new file as soon as the old one is deleted (at once
 * on ext4), and a copy of the edited file holds old-or-new bytes at every
 * run, so it would "fit".  The journal therefore records the identity of
 * the descriptor the flush writes (birth time, inode generation, file
 * handle: whatever the file system gives; never the size, mtime or ctime,
 * which the flush itself changes), and a journal is replayed only when
 * journal_identity_differs() says the object now at DEV:INODE is the same
 * file.  One that is not (STRANGER) is moved aside, never replayed.  When
 * neither the journal nor the object knows any of the three (a file system
 * that gives none: some FUSE and network ones), DEV:INODE and the bytes
 * decide as before; such file systems seldom give a deleted file's inode
 * number again at once (tmpfs, which counts inode numbers up, gives a birth
 * time and handles anyway), and the bytes must still fit.  A block
 * device's journal names its device node: a node made anew (a reboot, the
 * device attached again) is a stranger, set aside rather than written onto
 * what may be another disk.  Journals of the first format, "MSJRNL01",
 * recorded no identity: they are strangers too, never replayed blindly.
 *
 * Trust.  A journal is read only when it is ours: its directory is a
 * directory owned by the effective user and writable by nobody else (it is
 * then used only through one descriptor, so it cannot be swapped), and the
 * journal is a regular file (opened with O_NOFOLLOW) owned by the effective
 * user, not writable by group or others, whose header names the object its
 * file name names, and whose size is the length its header gives, at most
 * JOURNAL_MAX_BYTES and no more than runs of the object's size can take.
 * It is never read whole before its header says how long it is.  Anything
 * else at a journal's name is FOREIGN: never replayed; a writing open
 * moves it aside (NAME.aside.N, in the same directory) and says so.
 *
 * Hot journals.  A journal whose length or checksum is wrong was torn while
 * written: the object had not been touched yet, most likely; a writing
 * open moves it aside too (what cannot be explained is never deleted).  A valid journal whose object is not locked (platform_lock()) is hot:
 * a flush was interrupted after it, and every byte it covers holds its old
 * or its new value.  It "fits" the object when every run lies inside the
 * object as it is now and every byte of every run holds the old or the new
 * value: the size of the object outside the runs does not matter, so bytes
 * appended or cut after the crash outside the runs still let it roll back.
 * A journal that does not fit (UNFIT) is moved aside, never removed.
 *
 * Locking.  A flush holds the object's lock from before its journal is
 * created until it is removed.  journal_replay() takes the lock before it
 * reads the journal and holds it through the replay; journal_check() takes
 * the shared lock for the moment of its look.  A journal whose object is
 * locked belongs to a flush running now and is left alone (BUSY), so a
 * completed flush is never undone.
 *
 * What it cannot protect against: processes that write the object without
 * mapscope (the lock is advisory), and a journal removed or rewritten by
 * the user (or root) behind mapscope's back. */
#ifndef MAPSCOPE_JOURNAL_H
#define MAPSCOPE_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/source.h"
#include "platform/identity.h"

/* The largest journal written or read: 1 GiB (edits of 512 MiB). */
#define JOURNAL_MAX_BYTES ((uint64_t)1 << 30)

typedef struct {
   uint64_t offset;
   size_t length;
   const unsigned char *old_bytes;
   const unsigned char *new_bytes;
} JournalRun;

typedef struct {
   uint64_t dev, ino, size;
   PlatformIdentity who;     /* platform_identity() of the object */
} JournalId;

/* Is the object now at the journal's DEV:INODE (identity NOW) another file
 * than the one the journal was written for (WAS)?  True, with WHY (N bytes,
 * translated), when a birth time, generation or file handle that both know
 * differs, or when they have none in common but either knows one.  False
 * when they agree, or when neither knows any (see "Identity" above). */
bool journal_identity_differs(const PlatformIdentity *was, const PlatformIdentity *now,
                              char *why, size_t n);

/* A checked journal directory: a descriptor and its path (malloc'd). */
typedef struct {
   int fd;
   char *path;
} JournalDir;

/* Open DIR and check that it is ours (see above); CREATE makes it, mode
 * 0700, when missing.  Without CREATE, a missing DIR gives *MISSING (may be
 * NULL when CREATE) and true.  Refused: ERR_JOURNAL naming DIR. */
bool journal_dir_open(const char *dir, bool create, JournalDir *d, bool *missing, Error *e);
void journal_dir_close(JournalDir *d);

/* DIR/DEV:INO.journal, and DEV:INO.journal alone; malloc'd, NULL when out
 * of memory. */
char *journal_path(const char *dir, uint64_t dev, uint64_t ino);
char *journal_name(uint64_t dev, uint64_t ino);

/* Write the journal of RUNS as NAME in D and make it durable (the file,
 * then the directory entry).  Fails when NAME exists or the journal would
 * pass JOURNAL_MAX_BYTES; on failure nothing is left behind.  *BYTES
 * receives the journal's size. */
bool journal_write(const JournalDir *d, const char *name, const JournalId *id,
                   const JournalRun *runs, size_t nruns, uint64_t *bytes, Error *e);

/* Remove NAME from D and make the removal durable: the commit point of a
 * flush. */
bool journal_remove(const JournalDir *d, const char *name, Error *e);

/* The CRC-32C (Castagnoli) of LEN bytes, continuing from CRC (start at 0). */
uint32_t journal_crc32c(uint32_t crc, const void *buf, size_t len);

typedef enum {
   JOURNAL_NONE,          /* no journal: nothing to do */
   JOURNAL_HOT,           /* an interrupted flush's journal that fits (check only) */
   JOURNAL_ROLLED_BACK,   /* an interrupted flush was undone */
   JOURNAL_TORN,          /* cut short or its checksum wrong: never read, moved aside */
   JOURNAL_UNFIT,         /* ours and valid, but it does not fit the object (moved aside) */
   JOURNAL_FOREIGN,       /* not ours, or not a journal: never read (moved aside) */
   JOURNAL_STRANGER,      /* ours, but written for another file that had the object's
                             device and inode, or by the format that did not say
                             which file (MSJRNL01): never replayed (moved aside) */
   JOURNAL_BUSY           /* another process is flushing the object now; left alone */
} JournalOutcome;

typedef struct {
   JournalOutcome outcome;
   uint64_t bytes;        /* bytes written back (ROLLED_BACK), or covered (HOT) */
   size_t runs;
   char *path;            /* the journal's path (malloc'd) */
   char *aside;           /* where an UNFIT or FOREIGN file was moved (malloc'd), or NULL */
   char why[256];         /* UNFIT, FOREIGN, TORN: what is wrong, translated */
} JournalReplay;

void journal_replay_free(JournalReplay *r);

/* Read-only: what is at SRC's journal name in DIR (never written, never
 * moved).  HOT means the object is half-written now. */
bool journal_check(const char *dir, Source *src, JournalReplay *r, Error *e);

/* Whether a roll-back may write a block device that is mounted, held or
 * claimed (FORCE), and how the user says so ("--force", ":recover!"), for
 * the message that refuses it. */
typedef struct {
   bool force;
   const char *force_hint;
} JournalForce;

/* A writing open: lock SRC, then deal with its journal in DIR as described
 * above (roll back, remove a torn one, move an unfit or foreign one aside).
 * The rollback writes through a new descriptor of SRC whose device and
 * inode equal the journal's; for a block device, unless HOW forces, that
 * descriptor is its exclusive claim (core/source_busy.h), so a device that
 * is mounted, held or claimed is refused and nothing is written (HOW NULL:
 * not forced, "--force").  Fails (the journal is kept) when it cannot be
 * read or the object cannot be written. */
bool journal_replay(const char *dir, Source *src, const JournalForce *how, JournalReplay *r,
                    Error *e);

/* A test hook (crash and race tests, not users): called with
 * "recover-locked" once a replay holds the lock and has read the journal,
 * before it opens the object for writing.  NULL: none. */
void journal_set_test_hook(void (*hook)(const char *stage));

/* For a flush holding the lock of the object open as FD (stat ST): make
 * NAME in D free for its journal.  A torn, foreign, unfit or stranger's
 * journal is moved aside (R says where and why); a hot one is refused
 * (roll it back first), as is an unwritable directory. */
bool journal_claim(const JournalDir *d, const char *name, int fd, const PlatformStat *st,
                   JournalReplay *r, Error *e);

#endif
