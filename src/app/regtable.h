/* regtable.h - a process's regions as the screen's region list shows
 * them: read (platform_proc_regions, with their smaps figures), filtered
 * by a piece of their text, sorted by a column (app/columns.h, as the
 * object list), with the process's totals.  No terminal here:
 * ui/view_regions.c draws what this holds.
 *
 * Region names are untrusted: every text meant for the screen comes out
 * escaped, and the filter matches the escaped text. */
#ifndef MAPSCOPE_REGTABLE_H
#define MAPSCOPE_REGTABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/coltable.h"
#include "core/error.h"
#include "platform/procmem.h"

typedef enum {
   REGTABLE_RANGE,            /* start-end (sorts by start) */
   REGTABLE_SIZE,
   REGTABLE_PERMS,
   REGTABLE_OFFSET,           /* in the backing file */
   REGTABLE_DEVINO,           /* dev:inode */
   REGTABLE_BACKING,          /* what backs it, as --list pid:PID says (regions_backing) */
   REGTABLE_RSS,
   REGTABLE_PSS,
   REGTABLE_DIRTY,            /* Private_Dirty */
   REGTABLE_SWAP,
   REGTABLE_COW,              /* copy-on-write has copied pages of a private file mapping */
   REGTABLE_COLUMNS
} RegTableColumn;

typedef struct {
   int pid;
   char comm[64];             /* escaped */
   PlatformProcRegion *v;     /* in address order */
   size_t n;
   PlatformMemFigures totals;
   bool read;                 /* a read succeeded (V, N and TOTALS are valid) */
   int err;                   /* the last read's errno, 0 when it worked */
   size_t *rows;              /* indexes into V, in the order shown */
   size_t count;
   char filter[128];          /* a piece of a row's text; "" = all */
   RegTableColumn sort;
   bool reverse;
} RegTable;

void regtable_init(RegTable *t, int pid);
void regtable_free(RegTable *t);

/* Read the regions of the process again (figures and totals too), then
 * filter and sort; false with T->err (ESRCH: the process is gone) when
 * they could not be read: the last ones read stay. */
bool regtable_read(RegTable *t);
/* Filter and sort again (after a change of filter or sort). */
void regtable_select(RegTable *t);

const PlatformProcRegion *regtable_row(const RegTable *t, size_t i);
/* The row of the region that starts at START, T->count when none. */
size_t regtable_find(const RegTable *t, uint64_t start);

/* The column's heading and its name in messages (N_()); *RIGHT: its
 * cells are numbers, aligned right. */
const char *regtable_heading(RegTableColumn c);
const char *regtable_column_name(RegTableColumn c);
bool regtable_column_right(RegTableColumn c);
bool regtable_column_parse(const char *name, RegTableColumn *c);
/* The columns' table (coltable.h), indexed by RegTableColumn. */
const ColSpec *regtable_columns(size_t *n);

/* Cell C of region R as the screen shows it (escaped). */
void regtable_cell(const PlatformProcRegion *r, RegTableColumn c, char *buf, size_t size);
/* A figure of bytes in at most 6 columns: "0", "4K", "132K", "1.5M". */
void regtable_bytes(uint64_t bytes, char *buf, size_t size);
/* Whether copy-on-write has copied pages of R, a private file mapping
 * (its Anonymous figure); false when R is none or its figures are unknown. */
bool regtable_cow(const PlatformProcRegion *r);

/* Whether SPEC names a whole process ("pid:PID", the region list) rather
 * than bytes in it ("pid:PID:ADDR", opened as a source); *PID its pid. */
bool regtable_spec_is_process(const char *spec, int *pid);

/* Open the region list of PID: false with E saying why (the process is
 * gone, or may not be looked at: platform_proc_why's sentence). */
bool regtable_open(RegTable *t, int pid, Error *e);

/* The source that opens R's bytes: "pid:PID:START-END". */
void regtable_spec(const RegTable *t, const PlatformProcRegion *r, char *buf, size_t size);

#endif
