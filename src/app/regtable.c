/* regtable.c - the screen's list of a process's regions: read, filter, sort. */
#include "config.h"

#include "app/regtable.h"
#include "app/coltable.h"
#include "app/columns.h"
#include "app/regions.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "platform/names.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const ColSpec columns[REGTABLE_COLUMNS] = {
   [REGTABLE_RANGE] = { N_("RANGE"), N_("range"), false },
   [REGTABLE_SIZE] = { N_("SIZE"), N_("size"), true },
   [REGTABLE_PERMS] = { N_("PERM"), N_("perms"), false },
   [REGTABLE_OFFSET] = { N_("OFFSET"), N_("offset"), false },
   [REGTABLE_DEVINO] = { N_("DEV:INODE"), N_("inode"), false },
   [REGTABLE_BACKING] = { N_("BACKING"), N_("backing"), false },
   [REGTABLE_RSS] = { N_("RSS"), N_("rss"), true },
   [REGTABLE_PSS] = { N_("PSS"), N_("pss"), true },
   [REGTABLE_DIRTY] = { N_("DIRTY"), N_("dirty"), true },
   [REGTABLE_SWAP] = { N_("SWAP"), N_("swap"), true },
   [REGTABLE_COW] = { N_("COW"), N_("cow"), false },
};

const char *regtable_heading(RegTableColumn c) {
   return (unsigned)c < REGTABLE_COLUMNS ? columns[c].heading : "";
}

const char *regtable_column_name(RegTableColumn c) {
   return (unsigned)c < REGTABLE_COLUMNS ? columns[c].name : "";
}

bool regtable_column_right(RegTableColumn c) {
   return (unsigned)c < REGTABLE_COLUMNS && columns[c].right;
}

bool regtable_column_parse(const char *name, RegTableColumn *c) {
   size_t i;
   if (!coltable_parse(columns, REGTABLE_COLUMNS, name, &i))
      return false;
   *c = (RegTableColumn)i;
   return true;
}

const ColSpec *regtable_columns(size_t *n) {
   *n = REGTABLE_COLUMNS;
   return columns;
}

void regtable_init(RegTable *t, int pid) {
   memset(t, 0, sizeof *t);
   t->pid = pid;
   t->sort = REGTABLE_RANGE;
}

void regtable_free(RegTable *t) {
   platform_proc_regions_free(t->v, t->n);
   free(t->rows);
   t->v = NULL;
   t->rows = NULL;
   t->n = t->count = 0;
   t->read = false;
}

bool regtable_read(RegTable *t) {
   PlatformProcRegion *v = NULL;
   size_t n = 0;
   PlatformMemFigures totals;
   memset(&totals, 0, sizeof totals);
   char comm[64];
   PlatformUserId uid;
   t->err = platform_proc_regions(t->pid, true, &v, &n, &totals);
   if (t->err)
      return false;
   if (platform_proc_identity(t->pid, comm, sizeof comm, &uid) == 0)
      escape_into(t->comm, sizeof t->comm, comm);
   platform_proc_regions_free(t->v, t->n);
   t->v = v;
   t->n = n;
   t->totals = totals;
   t->read = true;
   regtable_select(t);
   return true;
}

void regtable_bytes(uint64_t bytes, char *buf, size_t size) {
   static const char units[] = "KMGTPE";
   if (bytes < 1024) {
      snprintf(buf, size, "%" PRIu64, bytes);
      return;
   }
   double v = (double)bytes / 1024.0;
   unsigned u = 0;
   while (v >= 1024.0 && u + 1 < sizeof units - 1) {
      v /= 1024.0;
      u++;
   }
   /* whole numbers where they are exact or long enough */
   if (v >= 100.0 || v == (double)(uint64_t)v)
      snprintf(buf, size, "%.0f%c", v, units[u]);
   else
      snprintf(buf, size, "%.1f%c", v, units[u]);
}

bool regtable_cow(const PlatformProcRegion *r) {
   return r && r->figures.known && regions_cow(r);
}

/* What backs R, as --list pid:PID shows it. */
static void backing(const PlatformProcRegion *r, char *buf, size_t size) {
   char *b = regions_backing(r);
   snprintf(buf, size, "%s", b ? b : "?");
   free(b);
}

/* "fd:01 1234", as the kernel writes it in the mapping list. */
static void devino(const PlatformProcMap *m, char *buf, size_t size) {
   unsigned major, minor;
   platform_dev_split(m->dev, &major, &minor);
   snprintf(buf, size, "%02x:%02x %" PRIu64, major, minor, m->inode);
}

static void figure(const PlatformProcRegion *r, uint64_t v, char *buf, size_t size) {
   if (r->figures.known)
      regtable_bytes(v, buf, size);
   else
      snprintf(buf, size, "?");
}

void regtable_cell(const PlatformProcRegion *r, RegTableColumn c, char *buf, size_t size) {
   const PlatformProcMap *m = &r->map;
   switch (c) {
   case REGTABLE_RANGE:
      snprintf(buf, size, "%012" PRIx64 "-%012" PRIx64, m->start, m->end);
      break;
   case REGTABLE_SIZE:    regtable_bytes(m->end - m->start, buf, size); break;
   case REGTABLE_PERMS:   snprintf(buf, size, "%.4s", m->perms); break;
   case REGTABLE_OFFSET:  snprintf(buf, size, "%" PRIx64, m->offset); break;
   case REGTABLE_DEVINO:
      devino(m, buf, size);
      break;
   case REGTABLE_BACKING: backing(r, buf, size); break;
   case REGTABLE_RSS:     figure(r, r->figures.rss, buf, size); break;
   case REGTABLE_PSS:     figure(r, r->figures.pss, buf, size); break;
   case REGTABLE_DIRTY:   figure(r, r->figures.private_dirty, buf, size); break;
   case REGTABLE_SWAP:    figure(r, r->figures.swap, buf, size); break;
   case REGTABLE_COW:     snprintf(buf, size, "%s", regtable_cow(r) ? "cow" : "-"); break;
   case REGTABLE_COLUMNS:
   default:               buf[0] = '\0'; break;
   }
}

/* ---- filter and sort ------------------------------------------------------ */

static bool wanted(const RegTable *t, const PlatformProcRegion *r) {
   if (!t->filter[0])
      return true;
   char cell[PLATFORM_NAME_MAX + 64];
   for (int c = 0; c < REGTABLE_COLUMNS; c++) {
      regtable_cell(r, (RegTableColumn)c, cell, sizeof cell);
      if (strstr(cell, t->filter))
         return true;
   }
   regions_backing_raw(r, cell, sizeof cell);     /* the name itself, as typed */
   return strstr(cell, t->filter) != NULL;
}

static int cmp_u64(uint64_t a, uint64_t b) { return a < b ? -1 : a > b; }

static int cmp_column(const PlatformProcRegion *x, const PlatformProcRegion *y, RegTableColumn c) {
   char a[PLATFORM_NAME_MAX + 64], b[PLATFORM_NAME_MAX + 64];
   switch (c) {
   case REGTABLE_SIZE:   return cmp_u64(x->map.end - x->map.start, y->map.end - y->map.start);
   case REGTABLE_OFFSET: return cmp_u64(x->map.offset, y->map.offset);
   case REGTABLE_DEVINO:
      return x->map.dev != y->map.dev ? cmp_u64(x->map.dev, y->map.dev)
                                      : cmp_u64(x->map.inode, y->map.inode);
   case REGTABLE_RSS:    return cmp_u64(x->figures.rss, y->figures.rss);
   case REGTABLE_PSS:    return cmp_u64(x->figures.pss, y->figures.pss);
   case REGTABLE_DIRTY:  return cmp_u64(x->figures.private_dirty, y->figures.private_dirty);
   case REGTABLE_SWAP:   return cmp_u64(x->figures.swap, y->figures.swap);
   case REGTABLE_COW:    return cmp_u64(regtable_cow(x), regtable_cow(y));
   case REGTABLE_PERMS:
   case REGTABLE_BACKING:
      regtable_cell(x, c, a, sizeof a);
      regtable_cell(y, c, b, sizeof b);
      return strcmp(a, b);
   case REGTABLE_RANGE:
   case REGTABLE_COLUMNS:
   default:
      return cmp_u64(x->map.start, y->map.start);
   }
}

/* The column, then the address: the same process sorts the same way. */
static int by_column(const void *ctx, size_t a, size_t b) {
   const RegTable *t = ctx;
   int c = cmp_column(&t->v[a], &t->v[b], t->sort);
   return c ? c : cmp_column(&t->v[a], &t->v[b], REGTABLE_RANGE);
}

void regtable_select(RegTable *t) {
   free(t->rows);
   t->count = 0;
   t->rows = malloc((t->n ? t->n : 1) * sizeof *t->rows);
   if (!t->rows)
      return;
   for (size_t i = 0; i < t->n; i++)
      if (wanted(t, &t->v[i]))
         t->rows[t->count++] = i;
   columns_sort(t->rows, t->count, by_column, t, t->reverse);   /* out of memory: in address order */
}

const PlatformProcRegion *regtable_row(const RegTable *t, size_t i) {
   return i < t->count ? &t->v[t->rows[i]] : NULL;
}

size_t regtable_find(const RegTable *t, uint64_t start) {
   for (size_t i = 0; i < t->count; i++)
      if (t->v[t->rows[i]].map.start == start)
         return i;
   return t->count;
}

void regtable_spec(const RegTable *t, const PlatformProcRegion *r, char *buf, size_t size) {
   snprintf(buf, size, "pid:%d:0x%" PRIx64 "-0x%" PRIx64, t->pid, r->map.start, r->map.end);
}

bool regtable_spec_is_process(const char *spec, int *pid) {
   if (strncmp(spec, "pid:", 4) != 0 || spec[4] < '1' || spec[4] > '9')
      return false;
   char *end;
   long v = strtol(spec + 4, &end, 10);
   if (*end || v <= 0 || v > INT32_MAX)
      return false;
   *pid = (int)v;
   return true;
}

bool regtable_open(RegTable *t, int pid, Error *e) {
   regtable_init(t, pid);
   if (regtable_read(t))
      return true;
   char why[256];
   platform_proc_why(pid, t->err, PLATFORM_PROC_LISTING, 0, why, sizeof why);
   error_set(e, ERR_OPEN, t->err, "%s", why);
   regtable_free(t);
   return false;
}
