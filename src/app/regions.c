/* regions.c - a process's region list: --list pid:PID [--json]. */
#include "config.h"

#include "app/regions.h"
#include "app/coltable.h"
#include "app/diag.h"
#include "core/escape.h"
#include "app/objfmt.h"
#include "core/textwidth.h"
#include "core/gettext.h"
#include "core/json.h"
#include "core/source.h"
#include "platform/names.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[] = {
   [PLATFORM_REGION_ANON] = "anon",   [PLATFORM_REGION_FILE] = "file",
   [PLATFORM_REGION_SHM] = "shm",     [PLATFORM_REGION_SYSV] = "sysv",
   [PLATFORM_REGION_MEMFD] = "memfd", [PLATFORM_REGION_HEAP] = "heap",
   [PLATFORM_REGION_STACK] = "stack", [PLATFORM_REGION_SPECIAL] = "special",
   [PLATFORM_REGION_SEM] = "sem",
};
#define KINDS (sizeof kind_names / sizeof kind_names[0])

static const ColSpec columns[REGIONS_COLUMNS] = {
   [REGIONS_RANGE] = { N_("START-END"), N_("range"), false },
   [REGIONS_SIZE] = { N_("SIZE"), N_("size"), true },
   [REGIONS_PERMS] = { N_("PERM"), N_("perms"), false },
   [REGIONS_OFFSET] = { N_("OFFSET"), N_("offset"), false },
   [REGIONS_DEVICE] = { N_("DEVICE"), N_("device"), false },
   [REGIONS_INODE] = { N_("INODE"), N_("inode"), true },
   [REGIONS_RSS] = { N_("RSS"), N_("rss"), true },
   [REGIONS_PSS] = { N_("PSS"), N_("pss"), true },
   [REGIONS_DIRTY] = { N_("DIRTY"), N_("dirty"), true },
   [REGIONS_SWAP] = { N_("SWAP"), N_("swap"), true },
   [REGIONS_FLAGS] = { N_("FLAGS"), N_("flags"), false },
   [REGIONS_KIND] = { N_("KIND"), N_("kind"), false },
   [REGIONS_BACKING] = { N_("BACKING"), N_("backing"), false },
};

static const size_t default_cols[] = {
   REGIONS_RANGE, REGIONS_SIZE, REGIONS_PERMS, REGIONS_OFFSET, REGIONS_DEVICE, REGIONS_INODE,
   REGIONS_RSS, REGIONS_PSS, REGIONS_DIRTY, REGIONS_SWAP, REGIONS_FLAGS, REGIONS_BACKING,
};

bool regions_cow(const PlatformProcRegion *r) {
   return r->kind == PLATFORM_REGION_FILE && r->map.perms[3] == 'p' && r->figures.known
          && r->figures.anonymous > 0;
}

const char *regions_kind_name(PlatformRegionKind k) {
   return (unsigned)k < KINDS ? kind_names[k] : "?";
}

/* What backs R as text, unescaped, into BUF. */
void regions_backing_raw(const PlatformProcRegion *r, char *buf, size_t size) {
   const char *name = r->map.backing.name;
   switch (r->kind) {
   case PLATFORM_REGION_SHM:
   case PLATFORM_REGION_SEM:
   case PLATFORM_REGION_MEMFD:
      snprintf(buf, size, "%s:%s", regions_kind_name(r->kind), name);
      break;
   case PLATFORM_REGION_SYSV:
      snprintf(buf, size, "sysv:key=0x%08" PRIx32 " id=%" PRIu64,
               r->map.backing.sysv_key, r->map.inode);
      break;
   case PLATFORM_REGION_ANON:
      snprintf(buf, size, "%s", *name ? name : _("anonymous"));
      break;
   default:
      snprintf(buf, size, "%s", name);
      break;
   }
}

char *regions_backing(const PlatformProcRegion *r) {
   char buf[PLATFORM_NAME_MAX + 64];
   regions_backing_raw(r, buf, sizeof buf);
   return escape_dup(buf);
}

/* ---- the query: --kind, --sort, --columns -------------------------------- */

typedef struct {
   unsigned kinds;                 /* mask of 1 << PlatformRegionKind */
   size_t sort;
   bool reverse;
   size_t cols[REGIONS_COLUMNS];
   size_t ncols;
} Query;

/* What --kind takes: the kinds (kind_names, in that order), then "all". */
static void kind_set(const char **words, NameSet *s) {
   for (size_t k = 0; k < KINDS; k++)
      words[k] = kind_names[k];
   words[KINDS] = "all";
   *s = (NameSet){ words, NULL, KINDS + 1 };
}

/* "file,shm": each a kind's whole name or unique prefix, any case. */
static int parse_kinds(const char *text, unsigned *mask) {
   const char *words[KINDS + 1];
   NameSet s;
   kind_set(words, &s);
   *mask = 0;
   for (const char *p = text;; p++) {
      size_t len = strcspn(p, ","), k = 0;
      NamePick r = namepick(&s, p, len, &k);
      if (r != NAMEPICK_FOUND) {
         PickMsg m;
         pickmsg_explain(&s, PICK_KIND, r, p, len, &m);
         return pickmsg_usage("--kind", p, len, &m);
      }
      *mask |= k == KINDS ? (1u << KINDS) - 1 : 1u << k;
      p += len;
      if (!*p)
         return -1;
   }
}

static int no_column(const char *opt, const char *text, const char *what) {
   char names[256];
   coltable_names(columns, REGIONS_COLUMNS, names, sizeof names);
   return diag_bad_value(opt, text, what, names);
}

static int parse_query(const Options *o, Query *q) {
   int rc;
   memset(q, 0, sizeof *q);
   q->kinds = (1u << KINDS) - 1;
   if (o->kinds_text && (rc = parse_kinds(o->kinds_text, &q->kinds)) >= 0)
      return rc;
   if (o->sort_text) {
      PickMsg m;
      q->reverse = o->sort_text[0] == '-';
      const char *name = o->sort_text + q->reverse;
      if (coltable_pick(columns, REGIONS_COLUMNS, name, strlen(name), &q->sort, &m)
          != NAMEPICK_FOUND)
         return pickmsg_usage("--sort", o->sort_text, strlen(o->sort_text), &m);
   }
   if (o->columns_text) {
      const char *bad;
      size_t bad_len;
      char word[64];
      if (!coltable_parse_list(columns, REGIONS_COLUMNS, o->columns_text, q->cols,
                               REGIONS_COLUMNS, &q->ncols, &bad, &bad_len)) {
         PickMsg m;
         size_t c;
         if (coltable_pick(columns, REGIONS_COLUMNS, bad, bad_len, &c, &m) == NAMEPICK_AMBIGUOUS)
            return pickmsg_usage("--columns", bad, bad_len, &m);
         snprintf(word, sizeof word, "%.*s", (int)(bad_len < 63 ? bad_len : 63), bad);
         return no_column("--columns", word, bad_len ? _("no such column, or given twice")
                                                     : _("empty column name"));
      }
   } else {
      q->ncols = sizeof default_cols / sizeof default_cols[0];
      memcpy(q->cols, default_cols, sizeof default_cols);
   }
   return -1;
}

/* ---- selecting and sorting ------------------------------------------------- */

static int cmp_u64(uint64_t a, uint64_t b) {
   return a < b ? -1 : a > b;
}

/* By what the BACKING column shows, escaped ("shm:/x", "sysv:key=...",
 * "anonymous"). */
static int cmp_backing(const PlatformProcRegion *x, const PlatformProcRegion *y) {
   char *a = regions_backing(x), *b = regions_backing(y);
   int c = a && b ? strcmp(a, b) : (a != NULL) - (b != NULL);
   free(a);
   free(b);
   return c;
}

static int compare(const PlatformProcRegion *x, const PlatformProcRegion *y, size_t c) {
   const PlatformMemFigures *a = &x->figures, *b = &y->figures;
   int r = 0;
   switch ((RegionsColumn)c) {
   case REGIONS_SIZE:    r = cmp_u64(x->map.end - x->map.start, y->map.end - y->map.start); break;
   case REGIONS_PERMS:   r = strcmp(x->map.perms, y->map.perms); break;
   case REGIONS_OFFSET:  r = cmp_u64(x->map.offset, y->map.offset); break;
   case REGIONS_DEVICE:  r = cmp_u64(x->map.dev, y->map.dev); break;
   case REGIONS_INODE:   r = cmp_u64(x->map.inode, y->map.inode); break;
   case REGIONS_RSS:     r = cmp_u64(a->rss, b->rss); break;
   case REGIONS_PSS:     r = cmp_u64(a->pss, b->pss); break;
   case REGIONS_DIRTY:   r = cmp_u64(a->private_dirty, b->private_dirty); break;
   case REGIONS_SWAP:    r = cmp_u64(a->swap, b->swap); break;
   case REGIONS_FLAGS:   r = (int)regions_cow(y) - (int)regions_cow(x); break;
   case REGIONS_KIND:    r = strcmp(regions_kind_name(x->kind), regions_kind_name(y->kind)); break;
   case REGIONS_BACKING: r = cmp_backing(x, y); break;
   case REGIONS_RANGE:
   case REGIONS_COLUMNS: break;
   }
   return r;
}

static const PlatformProcRegion *sort_v;
static const Query *sort_q;

/* Ties keep address order, whichever way the column goes. */
static int by_column(const void *a, const void *b) {
   const PlatformProcRegion *x = &sort_v[*(const size_t *)a], *y = &sort_v[*(const size_t *)b];
   int c = compare(x, y, sort_q->sort);
   if (c)
      return sort_q->reverse ? -c : c;
   return sort_q->reverse && sort_q->sort == REGIONS_RANGE ? cmp_u64(y->map.start, x->map.start)
                                                           : cmp_u64(x->map.start, y->map.start);
}

static size_t *select_rows(const PlatformProcRegion *v, size_t n, const Query *q, size_t *count) {
   size_t *idx = malloc((n ? n : 1) * sizeof *idx);
   *count = 0;
   if (!idx)
      return NULL;
   for (size_t i = 0; i < n; i++)
      if (q->kinds & (1u << v[i].kind))
         idx[(*count)++] = i;
   sort_v = v;
   sort_q = q;
   qsort(idx, *count, sizeof *idx, by_column);
   return idx;
}

/* ---- the table ---------------------------------------------------------------- */

/* "cow", "deleted", "ambiguous" (the name's \012 is undecided), comma-separated. */
static void flags_text(const PlatformProcRegion *r, char *buf, size_t size) {
   const char *flag[] = { regions_cow(r) ? "cow" : NULL,
                          r->map.backing.deleted ? "deleted" : NULL,
                          r->map.backing.ambiguous ? "ambiguous" : NULL };
   size_t used = 0;
   buf[0] = '\0';
   for (size_t i = 0; i < sizeof flag / sizeof flag[0]; i++)
      if (flag[i] && used < size)
         used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? "," : "", flag[i]);
}

static char *cell_text(const PlatformProcRegion *r, size_t c) {
   char buf[96];
   unsigned maj, min;
   const PlatformMemFigures *f = &r->figures;
   switch ((RegionsColumn)c) {
   case REGIONS_RANGE:
      snprintf(buf, sizeof buf, "%012" PRIx64 "-%012" PRIx64, r->map.start, r->map.end);
      break;
   case REGIONS_SIZE:   snprintf(buf, sizeof buf, "%" PRIu64, (r->map.end - r->map.start) >> 10); break;
   case REGIONS_PERMS:  snprintf(buf, sizeof buf, "%s", r->map.perms); break;
   case REGIONS_OFFSET: snprintf(buf, sizeof buf, "%08" PRIx64, r->map.offset); break;
   case REGIONS_DEVICE:
      platform_dev_split(r->map.dev, &maj, &min);
      snprintf(buf, sizeof buf, "%02x:%02x", maj, min);
      break;
   case REGIONS_INODE:  snprintf(buf, sizeof buf, "%" PRIu64, r->map.inode); break;
   case REGIONS_RSS:    snprintf(buf, sizeof buf, "%" PRIu64, f->rss >> 10); break;
   case REGIONS_PSS:    snprintf(buf, sizeof buf, "%" PRIu64, f->pss >> 10); break;
   case REGIONS_DIRTY:  snprintf(buf, sizeof buf, "%" PRIu64, f->private_dirty >> 10); break;
   case REGIONS_SWAP:   snprintf(buf, sizeof buf, "%" PRIu64, f->swap >> 10); break;
   case REGIONS_FLAGS:  flags_text(r, buf, sizeof buf); break;
   case REGIONS_KIND:   snprintf(buf, sizeof buf, "%s", regions_kind_name(r->kind)); break;
   case REGIONS_BACKING: return regions_backing(r);
   default:             buf[0] = '\0'; break;
   }
   if (!f->known && c >= REGIONS_RSS && c <= REGIONS_SWAP)
      snprintf(buf, sizeof buf, "-");
   return strdup(buf);
}

typedef struct {
   char **cells;
   size_t ncols;
} Cells;

static const char *cells_at(void *ctx, size_t r, size_t c) {
   const Cells *t = ctx;
   return t->cells[r * t->ncols + c];
}

static void print_totals(FILE *f, int pid, const char *comm, const char *owner, size_t n,
                         const PlatformMemFigures *t) {
   char *name = escape_dup(comm);
   fprintf(f, ngettext("process %d (%s), owner %s: %zu region\n",
                   "process %d (%s), owner %s: %zu regions\n", n), pid, name, owner, n);
   if (t->known)
      fprintf(f, _("total (KiB): Rss %" PRIu64 ", Pss %" PRIu64 ", Private_Dirty %" PRIu64
                   ", Swap %" PRIu64 ", Anonymous %" PRIu64 "\n"),
              t->rss >> 10, t->pss >> 10, t->private_dirty >> 10, t->swap >> 10,
              t->anonymous >> 10);
   else
      fputs(_("total: the memory figures could not be read\n"), f);
   fputc('\n', f);
   free(name);
}

static void print_table(FILE *f, const PlatformProcRegion *v, const size_t *idx, size_t n,
                        const Query *q) {
   Cells t = { calloc(n * q->ncols + 1, sizeof *t.cells), q->ncols };
   if (!t.cells)
      return;
   for (size_t i = 0; i < n; i++)
      for (size_t c = 0; c < q->ncols; c++)
         t.cells[i * q->ncols + c] = cell_text(&v[idx[i]], q->cols[c]);
   coltable_print(f, columns, q->cols, q->ncols, n, cells_at, &t);
   for (size_t i = 0; i < n * q->ncols; i++)
      free(t.cells[i]);
   free(t.cells);
}

/* ---- JSON -------------------------------------------------------------------- */

static void json_figures(FILE *f, const PlatformMemFigures *m) {
   fprintf(f, "\"known\":%s,\"rss\":%" PRIu64 ",\"pss\":%" PRIu64 ",\"shared_clean\":%" PRIu64
              ",\"shared_dirty\":%" PRIu64 ",\"private_clean\":%" PRIu64
              ",\"private_dirty\":%" PRIu64 ",\"anonymous\":%" PRIu64 ",\"swap\":%" PRIu64,
           m->known ? "true" : "false", m->rss, m->pss, m->shared_clean, m->shared_dirty,
           m->private_clean, m->private_dirty, m->anonymous, m->swap);
}

static void json_region(FILE *f, const PlatformProcRegion *r) {
   unsigned maj, min;
   char backing[PLATFORM_NAME_MAX + 64];
   regions_backing_raw(r, backing, sizeof backing);
   char *qb = json_name_dup(backing), *path = json_name_dup(r->map.backing.name);
   platform_dev_split(r->map.dev, &maj, &min);
   fprintf(f, "{\"start\":%" PRIu64 ",\"end\":%" PRIu64 ",\"size\":%" PRIu64
              ",\"perms\":\"%s\",\"shared\":%s,\"offset\":%" PRIu64
              ",\"device\":\"%02x:%02x\",\"inode\":%" PRIu64 ",\"kind\":\"%s\",\"backing\":%s"
              ",\"name\":%s,\"name_ambiguous\":%s,\"deleted\":%s,\"cow\":%s,",
           r->map.start, r->map.end, r->map.end - r->map.start, r->map.perms,
           r->map.perms[3] == 's' ? "true" : "false", r->map.offset, maj, min, r->map.inode,
           regions_kind_name(r->kind), qb, path, r->map.backing.ambiguous ? "true" : "false",
           r->map.backing.deleted ? "true" : "false",
           regions_cow(r) ? "true" : "false");
   json_figures(f, &r->figures);
   fputc('}', f);
   free(path);
   free(qb);
}

static void print_json(FILE *f, int pid, const char *comm, const char *owner,
                       const PlatformProcRegion *v, const size_t *idx, size_t n,
                       const PlatformMemFigures *t) {
   fprintf(f, "{\"pid\":%d", pid);
   objfmt_json_str(f, "command", comm);
   objfmt_json_str(f, "owner", owner);
   fputs(",\"totals\":{", f);
   json_figures(f, t);
   fputs("},\n\"regions\":[", f);
   for (size_t i = 0; i < n; i++) {
      fputs(i ? ",\n  " : "\n  ", f);
      json_region(f, &v[idx[i]]);
   }
   fprintf(f, "%s]}\n", n ? "\n" : "");
}

/* ---- the mode ------------------------------------------------------------------ */

static int failed(const char *spec, int pid, int rc) {
   Error e;
   char why[sizeof e.detail];
   platform_proc_why(pid, rc, PLATFORM_PROC_LISTING, 0, why, sizeof why);
   bool denied = rc == EACCES || rc == EPERM || rc == EXDEV;
   error_set(&e, rc == ESRCH ? ERR_PROC_GONE : denied ? ERR_PROC_DENIED : ERR_SCAN, rc, "%s", why);
   return diag_error(spec, &e);
}

int regions_list_run(const Options *o) {
   SourcePidSpec sp;
   Query q;
   Error e;
   int rc = parse_query(o, &q);
   if (rc >= 0)
      return rc;
   if (source_pid_spec(o->source, &sp, &e) != 1)
      return diag_error(o->source, &e);
   char comm[64], owner[64];
   PlatformUserId uid;
   PlatformProcRegion *v;
   PlatformMemFigures totals;
   size_t n, count;
   if ((rc = platform_proc_identity(sp.pid, comm, sizeof comm, &uid)) != 0
       || (rc = platform_proc_regions(sp.pid, true, &v, &n, &totals)) != 0)
      return failed(o->source, sp.pid, rc);
   platform_user_name(uid, owner, sizeof owner);
   size_t *idx = select_rows(v, n, &q, &count);
   if (idx && o->json) {
      print_json(stdout, sp.pid, comm, owner, v, idx, count, &totals);
   } else if (idx) {
      print_totals(stdout, sp.pid, comm, owner, n, &totals);
      print_table(stdout, v, idx, count, &q);
   }
   free(idx);
   platform_proc_regions_free(v, n);
   return diag_stdout_status();
}

/* ---- --info ------------------------------------------------------------------ */

/* Whether PID's memory can be read: the first readable region's first
 * byte, read.  WHY says why not. */
static bool readable(int pid, const PlatformProcRegion *v, size_t n, char *why, size_t size) {
   for (size_t i = 0; i < n; i++) {
      unsigned char b;
      size_t got;
      if (!platform_proc_region_readable(&v[i]))
         continue;
      int rc = platform_proc_read(pid, v[i].map.start, &b, 1, &got);
      if (rc == 0)
         return true;
      platform_proc_why(pid, rc, PLATFORM_PROC_READING, v[i].map.start, why, size);
      return false;
   }
   snprintf(why, size, "%s", _("no region can be read"));
   return false;
}

/* TEXT, a translated label, padded as every --info label is
 * (objfmt_info_label()). */
static const char *label(const char *text) {
   return objfmt_info_label(text);
}

int regions_info_run(const Options *o) {
   SourcePidSpec sp;
   Error e;
   char comm[64], owner[64], why[sizeof e.detail];
   PlatformUserId uid;
   PlatformProcRegion *v;
   PlatformMemFigures t;
   size_t n;
   int rc;
   if (source_pid_spec(o->source, &sp, &e) != 1)
      return diag_error(o->source, &e);
   if ((rc = platform_proc_identity(sp.pid, comm, sizeof comm, &uid)) != 0
       || (rc = platform_proc_regions(sp.pid, true, &v, &n, &t)) != 0)
      return failed(o->source, sp.pid, rc);
   platform_user_name(uid, owner, sizeof owner);
   bool can = readable(sp.pid, v, n, why, sizeof why);
   if (o->json) {
      char *qw = json_name_dup(why);
      printf("{\"source\":\"pid:%d\",\"kind\":\"process\",\"pid\":%d", sp.pid, sp.pid);
      objfmt_json_str(stdout, "command", comm);
      objfmt_json_str(stdout, "owner", owner);
      printf(",\"regions\":%zu,\"readable\":%s,\"why_not\":%s,\"journal\":false,"
             "\"totals\":{", n, can ? "true" : "false", can ? "null" : qw);
      json_figures(stdout, &t);
      fputs("}}\n", stdout);
      free(qw);
   } else {
      char *name = escape_dup(comm), *safe_owner = escape_dup(owner);
      printf("%s pid:%d\n", label(_("source:")), sp.pid);
      printf("%s %s\n", label(_("kind:")), _("process (its regions: --list pid:PID)"));
      printf("%s %d (%s)\n", label(_("process:")), sp.pid, name);
      printf("%s %s\n", label(_("owner:")), safe_owner);
      printf("%s %zu\n", label(_("regions:")), n);
      if (t.known)
         printf("%s Rss %" PRIu64 ", Pss %" PRIu64 ", Private_Dirty %" PRIu64 ", Swap %" PRIu64
                " KiB\n", label(_("memory:")), t.rss >> 10, t.pss >> 10, t.private_dirty >> 10,
                t.swap >> 10);
      printf("%s %s\n", label(_("readable:")), can ? _("yes") : why);
      printf("%s %s\n", label(_("journal:")), _("none: process memory has no journal"));
      free(name);
      free(safe_owner);
   }
   platform_proc_regions_free(v, n);
   return diag_stdout_status();
}

int regions_info_bytes(const Options *o, const Source *src) {
   char comm[64], owner[64];
   PlatformUserId uid;
   int pid = (int)src->st.ino, rc;
   if ((rc = platform_proc_identity(pid, comm, sizeof comm, &uid)) != 0)
      return failed(src->spec, pid, rc);
   platform_user_name(uid, owner, sizeof owner);
   uint64_t start = src->base, end = src->base + src->size, at = src->base + src->origin;
   if (o->json) {
      objfmt_json_field(stdout, "{", "source", src->spec);
      printf(",\"kind\":\"%s\",\"pid\":%d", src->ops->kind, pid);
      objfmt_json_str(stdout, "command", comm);
      objfmt_json_str(stdout, "owner", owner);
      printf(",\"start\":%" PRIu64 ",\"end\":%" PRIu64 ",\"size\":%" PRIu64
             ",\"address\":%" PRIu64 ",\"journal\":false}\n", start, end, src->size, at);
   } else {
      char *spec = escape_dup(src->spec), *name = escape_dup(comm), *so = escape_dup(owner);
      printf("%s %s\n", label(_("source:")), spec);
      printf("%s %s\n", label(_("kind:")), _(src->ops->kind));
      printf("%s %d (%s)\n", label(_("process:")), pid, name);
      printf("%s %s\n", label(_("owner:")), so);
      printf("%s %" PRIx64 "-%" PRIx64 "\n", label(_("range:")), start, end);
      printf("%s %" PRIu64 "\n", label(_("size:")), src->size);
      printf("%s %" PRIx64 "\n", label(_("address:")), at);
      printf("%s %s\n", label(_("journal:")), _("none: process memory has no journal"));
      free(spec);
      free(name);
      free(so);
   }
   return diag_stdout_status();
}
