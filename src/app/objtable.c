/* objtable.c - the screen's list of named objects: scan, filter, sort, open. */
#include "config.h"

#include "app/objtable.h"
#include "app/objfmt.h"
#include "core/gettext.h"
#include "platform/mapping.h"
#include "platform/names.h"
#include "platform/processes.h"

#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const ColSpec columns[OBJTABLE_ALL_COLUMNS] = {
   [OBJTABLE_KIND] = { N_("KIND"), N_("kind"), false },
   [OBJTABLE_NAME] = { N_("NAME"), N_("name"), false },
   [OBJTABLE_SIZE] = { N_("SIZE"), N_("size"), true },
   [OBJTABLE_OWNER] = { N_("OWNER"), N_("owner"), false },
   [OBJTABLE_MODE] = { N_("MODE"), N_("mode"), false },
   [OBJTABLE_ATTACHERS] = { N_("PROCS"), N_("processes"), true },
   [OBJTABLE_FLAGS] = { N_("FLAGS"), N_("flags"), false },
   [OBJTABLE_PIDS] = { N_("PIDS"), N_("pids"), false },
   [OBJTABLE_DETAIL] = { N_("DETAIL"), N_("detail"), false },
};

const ColSpec *objtable_columns(size_t *n) {
   *n = OBJTABLE_ALL_COLUMNS;
   return columns;
}

const char *objtable_heading(ObjTableColumn c) {
   return (unsigned)c < OBJTABLE_ALL_COLUMNS ? columns[c].heading : "";
}

const char *objtable_column_name(ObjTableColumn c) {
   return (unsigned)c < OBJTABLE_ALL_COLUMNS ? columns[c].name : "";
}

/* The untranslated name or the translated one, whole or a unique prefix. */
bool objtable_column_parse(const char *name, ObjTableColumn *c) {
   size_t i;
   if (!coltable_parse(columns, OBJTABLE_ALL_COLUMNS, name, &i))
      return false;
   *c = (ObjTableColumn)i;
   return true;
}

void objtable_init(ObjTable *t) {
   memset(t, 0, sizeof *t);
   t->sort = OBJTABLE_KIND;
}

void objtable_free(ObjTable *t) {
   if (t->scanned)
      objects_free(&t->list);
   t->scanned = false;
   free(t->rows);
   t->rows = NULL;
   t->count = 0;
}

unsigned objtable_processes(const Obj *o) {
   unsigned n = 0;
   for (size_t i = 0; i < o->natt; i++) {
      bool seen = false;
      for (size_t j = 0; j < i && !seen; j++)
         seen = o->att[j].pid == o->att[i].pid;
      n += !seen;
   }
   return n;
}

bool objtable_scan(ObjTable *t, Error *e) {
   ObjList fresh;
   uint64_t start = platform_clock_ms();
   objects_init(&fresh, platform_page_size());
   fresh.include_self = t->include_self;
   fresh.scan_block = (t->kinds & (1u << OBJ_BLOCK)) != 0;   /* only when asked for */
   if (!objects_scan(&fresh, e)) {
      objects_free(&fresh);
      return false;
   }
   if (t->scanned)
      objects_free(&t->list);
   t->list = fresh;
   t->scanned = true;
   t->scan_ms = platform_clock_ms() - start;
   t->generation++;
   objtable_select(t);
   return true;
}

static bool wanted(const ObjTable *t, const Obj *o) {
   unsigned kinds = t->kinds ? t->kinds : OBJ_KINDS_ALL;
   if (!(kinds & (1u << o->kind)) || (t->pick && !t->pick(o, t->pick_ctx)))
      return false;
   if (!objwho_match(&t->who, o))
      return false;
   if (!t->filter[0])
      return true;
   char *name = objfmt_display_name(o);          /* as shown (escaped) or as it is */
   bool hit = strstr(name, t->filter) != NULL || strstr(o->name, t->filter) != NULL;
   free(name);
   return hit;
}

static const ObjTable *sorting;

static int cmp_u64(uint64_t a, uint64_t b) { return a < b ? -1 : a > b; }

static int cmp_owner(const Obj *x, const Obj *y) {
   char a[64], b[64];
   platform_user_name(x->uid, a, sizeof a);
   platform_user_name(y->uid, b, sizeof b);
   return strcmp(a, b);
}

/* The smallest holding pid (INT_MAX when none: the unheld sort last). */
static int lowest_pid(const Obj *o) {
   int low = INT_MAX;
   for (size_t i = 0; i < o->natt; i++)
      low = o->att[i].pid < low ? o->att[i].pid : low;
   return low;
}

static int cmp_detail(const Obj *x, const Obj *y) {
   char a[256], b[256];
   objfmt_detail(x, a, sizeof a);
   objfmt_detail(y, b, sizeof b);
   return strcmp(a, b);
}

static bool sysv_kind(ObjKind k) {
   return k == OBJ_SYSV_SHM || k == OBJ_SYSV_SEM || k == OBJ_SYSV_MSG;
}

/* By what the NAME column shows (objfmt_display_name: "/x", a memfd's name,
 * "key=0x... id=N"); System V objects of one key by their id's number. */
static int cmp_name(const Obj *x, const Obj *y) {
   if (sysv_kind(x->kind) && sysv_kind(y->kind))
      return x->key != y->key ? cmp_u64(x->key, y->key) : cmp_u64(x->ino, y->ino);
   char *a = objfmt_display_name(x), *b = objfmt_display_name(y);
   int c = strcmp(a, b);
   free(a);
   free(b);
   return c;
}

static int cmp_column(const Obj *x, const Obj *y, ObjTableColumn c) {
   switch (c) {
   case OBJTABLE_NAME:      return cmp_name(x, y);
   case OBJTABLE_SIZE:      return cmp_u64(x->size_known ? x->size : 0, y->size_known ? y->size : 0);
   case OBJTABLE_OWNER:     return cmp_owner(x, y);
   case OBJTABLE_MODE:      return cmp_u64(x->mode, y->mode);
   case OBJTABLE_ATTACHERS: return cmp_u64(objtable_processes(x), objtable_processes(y));
   case OBJTABLE_FLAGS:     return cmp_u64(x->flags, y->flags);
   case OBJTABLE_PIDS:      return cmp_u64((uint64_t)lowest_pid(x), (uint64_t)lowest_pid(y));
   case OBJTABLE_DETAIL:    return cmp_detail(x, y);
   case OBJTABLE_KIND:
   default:                 return cmp_u64(x->kind, y->kind);
   }
}

/* The chosen column (descending when REVERSE), then kind, name and id,
 * always ascending: the same machine sorts the same way every time, and
 * ties keep name order whichever way the column goes. */
int objtable_compare(const Obj *x, const Obj *y, ObjTableColumn col, bool reverse) {
   int c = cmp_column(x, y, col);
   if (c)
      return reverse ? -c : c;
   if (!c)
      c = cmp_column(x, y, OBJTABLE_KIND);
   if (!c)
      c = cmp_name(x, y);
   if (!c)
      c = cmp_u64(x->ino, y->ino);
   return c;
}

static int by_column(const void *a, const void *b) {
   const Obj *x = &sorting->list.v[*(const size_t *)a];
   const Obj *y = &sorting->list.v[*(const size_t *)b];
   return objtable_compare(x, y, sorting->sort, sorting->reverse);
}

void objtable_select(ObjTable *t) {
   free(t->rows);
   t->count = 0;
   size_t n = t->scanned ? t->list.n : 0;
   t->rows = malloc((n ? n : 1) * sizeof *t->rows);
   if (!t->rows)
      return;
   for (size_t i = 0; i < n; i++)
      if (wanted(t, &t->list.v[i]))
         t->rows[t->count++] = i;
   sorting = t;
   qsort(t->rows, t->count, sizeof *t->rows, by_column);
   sorting = NULL;
}

const Obj *objtable_row(const ObjTable *t, size_t i) {
   return i < t->count ? &t->list.v[t->rows[i]] : NULL;
}

void objtable_key(const Obj *o, ObjTableKey *k) {
   k->valid = o != NULL;
   if (!o)
      return;
   k->kind = o->kind;
   k->dev = o->dev;
   k->ino = o->ino;
}

size_t objtable_find(const ObjTable *t, const ObjTableKey *k) {
   for (size_t i = 0; k->valid && i < t->count; i++) {
      const Obj *o = objtable_row(t, i);
      if (o->kind == k->kind && o->dev == k->dev && o->ino == k->ino)
         return i;
   }
   return t->count;
}

/* ---- opening ----------------------------------------------------------- */

/* What O must turn out to be: every listed object that has bytes to open
 * is a regular file (a shm or sem file, a memfd, a removed object, the file
 * of a System V segment, whose inode is its id). */
static void expect_obj(const Obj *o, ObjOpenSpec *spec) {
   memset(&spec->expect, 0, sizeof spec->expect);
   spec->expect.kind = o->kind == OBJ_BLOCK ? PLATFORM_KIND_BLOCK : PLATFORM_KIND_REGULAR;
   spec->expect.dev = o->kind == OBJ_SYSV_SHM ? PLATFORM_DEV_ANY : o->dev;
   spec->expect.ino = o->ino;
   spec->checked = true;
}

void objtable_attacher_spec(const Obj *o, const ObjAttacher *a, ObjOpenSpec *spec) {
   platform_holder_path(a->pid, a->mapped, a->fd, a->start, a->end, spec->text,
                        sizeof spec->text);
   expect_obj(o, spec);
}

/* Through the processes that hold it: descriptors first (they need less
 * privilege than mappings). */
static size_t through_attachers(const Obj *o, ObjOpenSpec *specs, size_t max) {
   size_t n = 0;
   for (int pass = 0; pass < 2; pass++)
      for (size_t i = 0; i < o->natt && n < max; i++)
         if (o->att[i].mapped == (pass == 1))
            objtable_attacher_spec(o, &o->att[i], &specs[n++]);
   return n;
}

static const char *no_bytes(ObjKind k) {
   switch (k) {
   case OBJ_MQ:       return N_("a message queue holds messages, not bytes to map");
   case OBJ_SYSV_SEM: return N_("a System V semaphore set has no bytes to map");
   case OBJ_SYSV_MSG: return N_("a System V message queue holds messages, not bytes to map");
   case OBJ_BLOCK:    return N_("the block device has no node in /dev to open");
   default:           return N_("no process holds it any more, and it has no name to open");
   }
}

size_t objtable_open_specs(const Obj *o, ObjOpenSpec *specs, size_t max, const char **why) {
   size_t n = 0;
   *why = NULL;
   if (max == 0)
      return 0;
   if (o->kind == OBJ_SHM && !o->removed) {
      snprintf(specs[n].text, sizeof specs[n].text, "shm:/%s", o->name);
      expect_obj(o, &specs[n++]);
   } else if (o->kind == OBJ_SEM && !o->removed) {
      snprintf(specs[n].text, sizeof specs[n].text, "sem:/%s", o->name);
      expect_obj(o, &specs[n++]);
   } else if (o->kind == OBJ_SYSV_SHM) {
      snprintf(specs[n].text, sizeof specs[n].text, "sysv:%" PRIu64, o->ino);
      specs[n++].checked = false;     /* the id is the identity */
   } else if (o->kind == OBJ_BLOCK && o->name[0] == '/') {
      snprintf(specs[n].text, sizeof specs[n].text, "%s", o->name);   /* its node */
      expect_obj(o, &specs[n++]);
   }
   if (o->kind == OBJ_SHM || o->kind == OBJ_SEM || o->kind == OBJ_MEMFD)
      n += through_attachers(o, specs + n, max - n);
   if (n == 0)
      *why = no_bytes(o->kind);
   return n;
}

/* ---- the columns on the command line ------------------------------------ */

void objtable_column_names(char *buf, size_t size) {
   coltable_names(columns, OBJTABLE_ALL_COLUMNS, buf, size);
}

bool objtable_columns_parse(const char *list, ObjTableColumn *cols, size_t max, size_t *n,
                            const char **bad, size_t *bad_len) {
   size_t idx[OBJTABLE_ALL_COLUMNS];
   if (!coltable_parse_list(columns, OBJTABLE_ALL_COLUMNS, list, idx,
                            max < OBJTABLE_ALL_COLUMNS ? max : OBJTABLE_ALL_COLUMNS, n, bad,
                            bad_len))
      return false;
   for (size_t i = 0; i < *n; i++)
      cols[i] = (ObjTableColumn)idx[i];
   return true;
}
