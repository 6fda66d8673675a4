/* regions.h - a process's region list (--list pid:PID [--json]): each
 * region's range, size, permissions (r w x, s shared or p private),
 * offset, device:inode, what backs it (a path, [heap], [stack], [vdso],
 * shm:/NAME, sysv:key=0x..., a memfd by its name, or nothing: anonymous), its
 * Rss, Pss, Private_Dirty and Swap (smaps), and flags: "cow" where
 * copy-on-write has copied pages of a private file mapping (the
 * process's edits that never reach the file), "deleted" for an unlinked
 * file.  The process's totals (smaps_rollup) come first.
 *
 * The table's --kind, --sort and --columns are the object list's
 * options with the region list's kinds and columns (coltable.h): kinds
 * anon, file, shm, sysv, memfd, heap, stack, special; sizes in the table
 * are KiB (as smaps and pmap print them), in JSON bytes.  Every name is
 * escaped. */
#ifndef MAPSCOPE_REGIONS_H
#define MAPSCOPE_REGIONS_H

#include <stdbool.h>
#include <stdio.h>

#include "app/options.h"
#include "core/source.h"
#include "platform/procmem.h"

typedef enum {
   REGIONS_RANGE,
   REGIONS_SIZE,
   REGIONS_PERMS,
   REGIONS_OFFSET,
   REGIONS_DEVICE,
   REGIONS_INODE,
   REGIONS_RSS,
   REGIONS_PSS,
   REGIONS_DIRTY,
   REGIONS_SWAP,
   REGIONS_FLAGS,
   REGIONS_KIND,
   REGIONS_BACKING,
   REGIONS_COLUMNS
} RegionsColumn;

/* Copy-on-write has copied pages of R, a private mapping of a file. */
bool regions_cow(const PlatformProcRegion *r);

/* The name of region kind K ("file", "heap" ...), as --kind takes it. */
const char *regions_kind_name(PlatformRegionKind k);

/* What backs R, as the table shows it (escaped, malloc'd). */
char *regions_backing(const PlatformProcRegion *r);
/* The same, not escaped (for matching what the user typed, never shown). */
void regions_backing_raw(const PlatformProcRegion *r, char *buf, size_t size);

/* --list pid:PID: the exit status. */
int regions_list_run(const Options *o);

/* --info pid:PID: the process, its regions' count and totals, whether
 * its memory can be read (and if not, why); the exit status. */
int regions_info_run(const Options *o);

/* --info of pid:PID:ADDR or START-END (SRC): the process, the range, the
 * region at the start and that there is no journal; the exit status. */
int regions_info_bytes(const Options *o, const Source *src);

#endif
