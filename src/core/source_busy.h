/* source_busy.h - an object that others use through the block layer: a
 * block device that is mounted, held by a stacked device, or swap (itself
 * or one of its partitions), or claimed by another program's O_EXCL open; a
 * regular file that backs a loop device that is so used.  Writing to it
 * under a mounted file system corrupts that file system, so a flush
 * refuses unless forced.
 *
 * Every other kind of source passes.  Texts are escaped (mount points are
 * untrusted paths). */
#ifndef MAPSCOPE_SOURCE_BUSY_H
#define MAPSCOPE_SOURCE_BUSY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/source.h"
#include "platform/blockdev.h"

/* Before a flush: true when S may be written (forced, or nothing uses it
 * now).  Else false and E is ERR_FLUSH with who uses it and FORCE_HOW
 * ("--force", ":flush!") in its detail. */
bool source_check_unclaimed(Source *s, bool force, const char *force_how, Error *e);

/* Who uses S into BUF: "mounted on /mnt, /srv; held by dm-0" for a block
 * device, "it backs /dev/loop0, which is in use: mounted on /mnt" for a file, ""
 * when nothing uses it (or S is neither).  Returns false when the system
 * could not say. */
bool source_block_users(Source *s, char *buf, size_t size);

/* The text of U alone, as above (escaped; "" when U shows no use). */
void source_block_users_text(const PlatformBlockUsers *u, char *buf, size_t size);

#endif
