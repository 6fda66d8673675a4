/* source_busy.h - an object that others use through the block layer: a
 * block device that is mounted, held by a stacked device, or swap (itself
 * or one of its partitions), or claimed by another program's O_EXCL open;
 * a regular file that backs a loop device that is so used.  Writing to it
 * under a mounted file system corrupts that file system, so every write
 * (a flush, the roll-back of an interrupted one, --xxd into an OUTFILE)
 * refuses unless forced.
 *
 * For a block device the refusal is not a look before the write: the
 * descriptor that writes is itself the kernel's exclusive claim
 * (source_claim_for_write()), held until the write and any roll-back of it
 * are over, so nobody can mount the device in between.  A file backing a
 * loop device cannot be claimed so; it is looked at just before the write.
 *
 * Every other kind of source passes.  The texts of source_block_users()
 * are escaped (mount points are untrusted paths); an Error's detail holds
 * the names as they are, for its printer to escape once. */
#ifndef MAPSCOPE_SOURCE_BUSY_H
#define MAPSCOPE_SOURCE_BUSY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/source.h"
#include "platform/blockdev.h"

/* A look, for saying (not for writing: by the time a write comes it may
 * be stale; writes hold source_claim_for_write() instead): true when S may
 * be written now (FORCE, or nothing uses it).  Else false and E is
 * ERR_FLUSH_REFUSED with who uses it and FORCE_HOW ("--force", ":flush!") in its
 * detail. */
bool source_check_unclaimed(Source *s, bool force, const char *force_how, Error *e);

/* Before writing through FD (any object opened for writing): when FD is a
 * block device and not FORCE, replace it (closing it) with a descriptor of
 * the same device, of the same access mode, opened O_EXCL, which the
 * caller writes through and keeps open until the write is over.  False
 * when the device is mounted, held or claimed, or FD is a file backing a
 * loop device in use (E: CODE with who uses it and FORCE_HOW, "--force",
 * ":flush!"); FD is then left as it was, still the caller's to close.
 * Other objects, or FORCE: true, FD untouched. */
bool source_claim_for_write(PlatformHandle *fd, bool force, const char *force_how,
                            ErrorCode code, Error *e);

/* Who uses S into BUF: "mounted on /mnt, /srv; held by dm-0" for a block
 * device, "it backs /dev/loop0, which is in use: mounted on /mnt" for a file, ""
 * when nothing uses it (or S is neither).  Returns false when the system
 * could not say. */
bool source_block_users(Source *s, char *buf, size_t size);

/* The text of U alone, as above (escaped; "" when U shows no use). */
void source_block_users_text(const PlatformBlockUsers *u, char *buf, size_t size);

#endif
