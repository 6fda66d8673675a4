/* procview.h - what the hex view shows of a process beside its bytes: the
 * region under the cursor (its range, permissions, what backs it, the
 * offset in that object), which of the visible pages the process has
 * copied (copy-on-write in a private mapping of a file or shared object:
 * its writes there do not reach the object), and whether that region is
 * still the object the user came from (the attachers view).  No terminal
 * here; the platform reads the regions and the page flags.
 *
 * Names are escaped before they are kept. */
#ifndef MAPSCOPE_PROCVIEW_H
#define MAPSCOPE_PROCVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/procmem.h"

#define PROCVIEW_PAGES_MAX 1024    /* pages whose flags are kept (a window at -g 2M is 512) */

/* What is known of one page of the process (the page map's cells). */
typedef enum {
   PROCVIEW_PAGE_UNKNOWN,     /* the page map could not be read (PAGES_ERR says why) */
   PROCVIEW_PAGE_UNMAPPED,    /* no region holds it */
   PROCVIEW_PAGE_ABSENT,      /* mapped, neither in memory nor swapped (never touched,
                               * or its file page was dropped) */
   PROCVIEW_PAGE_RESIDENT,    /* in memory */
   PROCVIEW_PAGE_SWAPPED,     /* in swap */
   PROCVIEW_PAGE_COPIED,      /* in memory or swap, the process's own copy of a page of
                               * an object it maps private (copy-on-write copied it) */
   PROCVIEW_PAGE_STATES
} ProcViewPage;

/* The pages looked at, counted by what is known of them. */
typedef struct {
   size_t pages, unknown, unmapped, absent, resident, swapped, copied;
   size_t exclusive;          /* in memory and mapped by this process alone */
   bool pfn_hidden;           /* the kernel withheld the frame numbers from us */
} ProcViewCounts;

typedef struct {
   int pid;
   bool have_region;          /* a region holds the cursor's address */
   uint64_t start, end, offset;   /* the region, and the object offset of START */
   char perms[5];
   uint64_t dev, inode;
   PlatformRegionKind kind;
   char backing[256];         /* escaped */
   bool expect;               /* the region must map this object: */
   uint64_t expect_dev, expect_ino;
   uint64_t pages_from;       /* the page-aligned address of FLAGS[0] */
   size_t npages;
   unsigned char flags[PROCVIEW_PAGES_MAX];   /* PLATFORM_PAGE_* */
   unsigned char where[PROCVIEW_PAGES_MAX];   /* 0 no region, 1 a region, 2 a private
                                               * mapping of an object */
   size_t window_pages;       /* the pages asked for (NPAGES: at most the cap) */
   int pages_err;             /* why the page map could not be read, or 0 */
   int err;                   /* the last look's errno (ESRCH: exited), 0 if it worked */
} ProcView;

/* Start looking at process PID. */
void procview_init(ProcView *p, int pid);
/* The region must map the object DEV:INO (the user came from it). */
void procview_expect(ProcView *p, uint64_t dev, uint64_t ino);

/* Look at the region holding ADDR and the flags of the pages of [FROM,
 * TO) again (at most PROCVIEW_PAGES_MAX); false with P->err when the
 * process could not be looked at.  The page map may still be unknown
 * then (P->pages_err). */
bool procview_update(ProcView *p, uint64_t addr, uint64_t from, uint64_t to);

/* The window of a process's memory that the page map shows: the bytes on
 * the screen, offsets [FROM, TO) of a source of SIZE bytes, widened to
 * GRANULARITY in those offsets (as a view of the object at that
 * granularity would be), within the source.  Into *WFROM, *WTO: offsets;
 * procview_update() takes the pages that hold them. */
void procview_window(uint64_t from, uint64_t to, uint64_t granularity, uint64_t size,
                     uint64_t *wfrom, uint64_t *wto);

/* What is known of the I-th page looked at (I < P->npages). */
ProcViewPage procview_page(const ProcView *p, size_t i);
/* The pages looked at, counted. */
void procview_count(const ProcView *p, ProcViewCounts *c);
/* Why the page map is unknown (P->pages_err), one translated sentence. */
void procview_pages_why(const ProcView *p, char *out, size_t outsz);

/* Whether the region is a private mapping of an object (a file, shm,
 * memfd): the pages the process writes there are its own copies. */
bool procview_private_object(const ProcView *p);
/* Whether the process has copied the page holding ADDR (in such a
 * mapping, and among the pages looked at). */
bool procview_copied(const ProcView *p, uint64_t addr);
/* How many of the pages looked at it has copied. */
size_t procview_copied_count(const ProcView *p);
/* The object offset of ADDR in the region. */
uint64_t procview_object_offset(const ProcView *p, uint64_t addr);
/* The region maps another object than the one expected. */
bool procview_not_expected(const ProcView *p);

#endif
