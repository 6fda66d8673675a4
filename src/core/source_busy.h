/* source_busy.h - a block device that others use: mounted, or held by a
 * stacked device.  Writing to it under a mounted file system corrupts that
 * file system, so a flush refuses unless forced.
 *
 * Only block devices are ever busy; every other kind passes.  Texts are
 * escaped (mount points are untrusted paths). */
#ifndef MAPSCOPE_SOURCE_BUSY_H
#define MAPSCOPE_SOURCE_BUSY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/source.h"

/* Before a flush: true when S may be written (not a block device, forced,
 * or no one mounts or holds it now).  Else false and E is ERR_FLUSH with
 * who uses it and FORCE_HOW ("--force", ":flush!") in its detail. */
bool source_check_unclaimed(Source *s, bool force, const char *force_how, Error *e);

/* "mounted on /mnt, /srv; held by dm-0" into BUF, or "" when nobody
 * mounts or holds S (or S is no block device).  Returns false when the
 * system could not say. */
bool source_block_users(Source *s, char *buf, size_t size);

#endif
