/* objtable.h - the named objects as the screen's list shows them: scanned,
 * filtered (by kind and by a piece of the name), sorted by a column, and
 * the sources that open one of them.  No terminal here: ui/view_objects.c
 * draws what this holds.
 *
 * Names are untrusted: the filter matches the escaped display name, and
 * every text meant for the screen comes out escaped. */
#ifndef MAPSCOPE_OBJTABLE_H
#define MAPSCOPE_OBJTABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/objects.h"
#include "app/coltable.h"
#include "app/objwho.h"
#include "platform/files.h"

typedef enum {
   OBJTABLE_KIND,
   OBJTABLE_NAME,
   OBJTABLE_SIZE,
   OBJTABLE_OWNER,
   OBJTABLE_MODE,
   OBJTABLE_ATTACHERS,
   OBJTABLE_FLAGS,
   OBJTABLE_COLUMNS,          /* the screen shows the columns before this */
   OBJTABLE_PIDS = OBJTABLE_COLUMNS,  /* --list's too: the holding pids */
   OBJTABLE_DETAIL,           /* kind-specific facts (nattch=..., value=...) */
   OBJTABLE_ALL_COLUMNS
} ObjTableColumn;

typedef struct {
   ObjList list;
   bool scanned;
   size_t *rows;              /* indexes into list.v, in the order shown */
   size_t count;
   unsigned kinds;            /* mask of 1 << ObjKind; 0 = all */
   char filter[128];          /* a piece of the display name; "" = all */
   ObjTableColumn sort;
   bool reverse;
   bool include_self;         /* the scanning process counts as an attacher */
   ObjWho who;                /* --pid, --user, :pid, :user */
   bool (*pick)(const Obj *o, void *ctx);   /* only these (NULL: all) */
   void *pick_ctx;
   uint64_t scan_ms;          /* how long the last scan took */
   unsigned generation;       /* counts scans: views of one object look again */
} ObjTable;

/* Which objects a list shows, and a check its owner wants made while the
 * list is up: what `mapscope` without SOURCE and --demo show. */
typedef struct {
   const char *title;                       /* NULL: "named objects" */
   bool (*pick)(const Obj *o, void *ctx);   /* only these objects (NULL: all) */
   bool include_self;                       /* this process counts as a holder */
   /* Looked at about once a second: false ends the screen, and E is the
    * error to report (the demo's writer died, say). */
   bool (*check)(void *ctx, Error *e);
   void *ctx;
} ObjTableScope;

/* What identifies one object from one scan to the next. */
typedef struct {
   ObjKind kind;
   uint64_t dev, ino;
   bool valid;
} ObjTableKey;

void objtable_init(ObjTable *t);
void objtable_free(ObjTable *t);

/* Scan the machine again, then filter and sort. */
bool objtable_scan(ObjTable *t, Error *e);
/* Filter and sort again (after a change of kinds, filter or sort). */
void objtable_select(ObjTable *t);

const Obj *objtable_row(const ObjTable *t, size_t i);
void objtable_key(const Obj *o, ObjTableKey *k);
/* The row that shows the object K names, or T->count when none does. */
size_t objtable_find(const ObjTable *t, const ObjTableKey *k);

/* The column's heading ("KIND" ...) and its name in messages ("kind" ...),
 * both N_(). */
const char *objtable_heading(ObjTableColumn c);
const char *objtable_column_name(ObjTableColumn c);
/* The column called NAME (a unique prefix is enough); false if none. */
bool objtable_column_parse(const char *name, ObjTableColumn *c);

/* ---- the columns on the command line (--sort, --columns) ---------------- */

/* The columns' table (coltable.h), indexed by ObjTableColumn. */
const ColSpec *objtable_columns(size_t *n);

/* "kind, name, size, owner, mode, processes, flags, pids, detail": the
 * valid column names, for messages. */
void objtable_column_names(char *buf, size_t size);
/* A comma-separated LIST of column names (each as objtable_column_parse
 * takes it) into COLS (at most MAX); *BAD and *BAD_LEN name the first
 * word that is no column (or repeats one). */
bool objtable_columns_parse(const char *list, ObjTableColumn *cols, size_t max, size_t *n,
                            const char **bad, size_t *bad_len);
/* Order X and Y by column C (descending when REVERSE), then by kind, name
 * and id, ascending whichever way C goes (every column). */
int objtable_compare(const Obj *x, const Obj *y, ObjTableColumn c, bool reverse);

/* The processes that hold O (distinct pids). */
unsigned objtable_processes(const Obj *o);

/* One way to open a listed object: the SOURCE text, and the object it must
 * lead to (kind, device and inode, as the scan saw them).  A name or a
 * descriptor can be made to lead elsewhere between the scan and the open
 * (a process dup2()s another file onto its descriptor): opening passes
 * EXPECT to source_open_expect(), which refuses any other object.  EXPECT
 * is unused (CHECKED false) only where the text itself is the identity
 * (sysv:ID). */
#define OBJTABLE_SPEC_MAX 320
typedef struct {
   char text[OBJTABLE_SPEC_MAX];
   PlatformStat expect;
   bool checked;
} ObjOpenSpec;

/* The sources that may open O, best first, into SPECS (at most MAX):
 * "shm:NAME", "sem:NAME", "sysv:ID", a block device's node, then through
 * its holders.  Returns
 * their count; 0 with *WHY (an N_() text) when O has no bytes to open. */
size_t objtable_open_specs(const Obj *o, ObjOpenSpec *specs, size_t max, const char **why);

/* The spec through which attacher A of O reaches O: its descriptor or its
 * mapping (platform_holder_path). */
void objtable_attacher_spec(const Obj *o, const ObjAttacher *a, ObjOpenSpec *spec);

#endif
