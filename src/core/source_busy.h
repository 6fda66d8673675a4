/* source_busy.h - a block device that others use: mounted, held by a
 * stacked device, or claimed (O_EXCL) by another program.  Writing to it
 * under a mounted file system corrupts that file system, so every write
 * (a flush, the roll-back of an interrupted one, --xxd into an OUTFILE)
 * refuses unless forced.
 *
 * The refusal is not a look before the write: the descriptor that writes
 * is itself the kernel's exclusive claim (source_claim_for_write()), held
 * until the write and any roll-back of it are over, so nobody can mount
 * the device in between.
 *
 * Only block devices are ever busy; every other kind passes.  The text of
 * source_block_users() is escaped (mount points are untrusted paths); an
 * Error's detail holds the names as they are, for its printer to escape
 * once. */
#ifndef MAPSCOPE_SOURCE_BUSY_H
#define MAPSCOPE_SOURCE_BUSY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/source.h"

/* A look, for saying (not for writing: by the time a write comes it may
 * be stale; writes hold source_claim_for_write() instead): true when S is
 * not a block device, FORCE, or no one mounts, holds or claims it now.
 * Else false and E is ERR_FLUSH with who uses it and FORCE_HOW
 * ("--force", ":flush!") in its detail. */
bool source_check_unclaimed(Source *s, bool force, const char *force_how, Error *e);

/* Before writing through FD (any object opened for writing): when FD is a
 * block device and not FORCE, replace it (closing it) with a descriptor of
 * the same device, of the same access mode, opened O_EXCL, which the
 * caller writes through and keeps open until the write is over.  False
 * when the device is mounted, held or claimed (E: CODE with who uses it
 * and FORCE_HOW, "--force", ":flush!"); FD is then left as it was, still
 * the caller's to close.  Other objects, or FORCE: true, FD untouched. */
bool source_claim_for_write(PlatformHandle *fd, bool force, const char *force_how,
                            ErrorCode code, Error *e);

/* "mounted on /mnt, /srv; held by dm-0" into BUF, or "" when nobody
 * mounts or holds S (or S is no block device).  Returns false when the
 * system could not say. */
bool source_block_users(Source *s, char *buf, size_t size);

#endif
