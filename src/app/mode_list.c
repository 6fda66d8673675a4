/* mode_list.c - --list [--json] [--kind=KINDS]: the named objects. */
#include "config.h"

#include "app/mode_list.h"
#include "app/diag.h"
#include "app/objfmt.h"
#include "app/regions.h"

#include "app/objlock.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "core/json.h"
#include "platform/mapping.h"
#include "platform/names.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const ObjTableColumn default_cols[] = {
   OBJTABLE_KIND, OBJTABLE_NAME, OBJTABLE_SIZE, OBJTABLE_OWNER, OBJTABLE_MODE, OBJTABLE_PIDS,
   OBJTABLE_FLAGS, OBJTABLE_DETAIL,
};

typedef struct {
   char *cell[OBJTABLE_ALL_COLUMNS];
} Row;

static bool wanted(const Obj *o, const ListFilter *flt) {
   if (!(flt->kinds & (1u << o->kind)) || !objwho_match(flt->who, o))
      return false;
   return !flt->pick || flt->pick(o, flt->ctx);
}

static const ObjList *order_list;
static const ListFilter *order_filter;

/* By the chosen column, then kind, name and id (ascending, whichever way
 * the column goes): the same machine lists the same way. */
static int by_column(const void *a, const void *b) {
   const Obj *x = &order_list->v[*(const size_t *)a], *y = &order_list->v[*(const size_t *)b];
   return objtable_compare(x, y, order_filter->sort, order_filter->reverse);
}

/* The indexes of the objects to print, in order; *N is their count. */
static size_t *select_objects(const ObjList *l, const ListFilter *flt, size_t *n) {
   size_t *idx = malloc((l->n ? l->n : 1) * sizeof *idx);
   *n = 0;
   if (!idx)
      return NULL;
   for (size_t i = 0; i < l->n; i++)
      if (wanted(&l->v[i], flt))
         idx[(*n)++] = i;
   order_list = l;
   order_filter = flt;
   qsort(idx, *n, sizeof *idx, by_column);
   return idx;
}

static char *cell_text(const Obj *o, ObjTableColumn c) {
   char buf[256];
   switch (c) {
   case OBJTABLE_KIND:      return strdup(objects_obj_kind_name(o));
   case OBJTABLE_NAME:      return objfmt_display_name(o);
   case OBJTABLE_SIZE:      objfmt_size(o, buf, sizeof buf); break;
   case OBJTABLE_OWNER:
      platform_user_name(o->uid, buf, sizeof buf);
      return escape_dup(buf);
   case OBJTABLE_MODE:      snprintf(buf, sizeof buf, "%04o", o->mode); break;
   case OBJTABLE_ATTACHERS: objfmt_procs(o, buf, sizeof buf); break;
   case OBJTABLE_PIDS:      objfmt_pids(o, 4, buf, sizeof buf); break;
   case OBJTABLE_FLAGS:     objfmt_flags(o->flags, buf, sizeof buf); break;
   case OBJTABLE_DETAIL:    objfmt_detail(o, buf, sizeof buf); break;
   default:                 buf[0] = '\0'; break;
   }
   return strdup(buf);
}

static void fill_row(Row *r, const Obj *o, const ObjTableColumn *cols, size_t ncols) {
   for (size_t c = 0; c < ncols; c++)
      r->cell[c] = cell_text(o, cols[c]);
}

static const char *cell(const Row *r, size_t c) {
   return r->cell[c] ? r->cell[c] : "?";
}

static const char *row_cell(void *ctx, size_t r, size_t c) {
   const Row *rows = ctx;
   return cell(&rows[r], c);
}

static void print_rows(FILE *f, Row *rows, size_t n, const ObjTableColumn *cols, size_t ncols) {
   size_t nspec, idx[OBJTABLE_ALL_COLUMNS];
   const ColSpec *spec = objtable_columns(&nspec);
   for (size_t c = 0; c < ncols; c++)
      idx[c] = cols[c];
   coltable_print(f, spec, idx, ncols, n, row_cell, rows);
}

static void print_legend(FILE *f, unsigned seen) {
   if (!seen)
      return;
   fputc('\n', f);
   for (int i = 0; i < OBJ_FLAG_COUNT; i++)
      if (seen & (1u << i))
         fprintf(f, "%s: %s\n", objects_flag_name((ObjFlag)(1u << i)),
                 _(objects_flag_explain((ObjFlag)(1u << i))));
}

/* The locks of the objects listed, one line each, under the table. */
static void print_locks(FILE *f, const ObjList *l, const size_t *idx, size_t n) {
   bool any = false;
   for (size_t i = 0; i < n; i++) {
      const Obj *o = &l->v[idx[i]];
      for (size_t j = 0; j < o->nlocks; j++) {
         char line[512];
         char *name = objfmt_display_name(o);
         objlock_text(&o->locks[j], line, sizeof line);
         fprintf(f, "%s  %s %s: %s\n", any ? "" : _("\nLocks:\n"), objects_kind_name(o->kind),
                 name, line);
         free(name);
         any = true;
      }
   }
}

static void print_notes(FILE *f, const ObjList *l, const ListFilter *flt) {
   objfmt_denied_who(f, l, flt->who);
   const char *mq = objfmt_mq_note(l, flt->kinds);
   if (mq)
      fprintf(f, _("Note: %s.\n"), mq);
}

void mode_list_table(FILE *f, const ObjList *l, const ListFilter *flt) {
   size_t n;
   size_t *idx = select_objects(l, flt, &n);
   Row *rows = calloc(n ? n : 1, sizeof *rows);
   const ObjTableColumn *cols = flt->ncols ? flt->cols : default_cols;
   size_t ncols = flt->ncols ? flt->ncols : sizeof default_cols / sizeof default_cols[0];
   unsigned seen = 0;
   if (idx && rows) {
      for (size_t i = 0; i < n; i++) {
         fill_row(&rows[i], &l->v[idx[i]], cols, ncols);
         seen |= l->v[idx[i]].flags;
      }
      print_rows(f, rows, n, cols, ncols);
      print_locks(f, l, idx, n);
   }
   print_legend(f, seen);
   print_notes(f, l, flt);
   for (size_t i = 0; rows && i < n; i++)
      for (size_t c = 0; c < ncols; c++)
         free(rows[i].cell[c]);
   free(rows);
   free(idx);
}

void mode_list_json(FILE *f, const ObjList *l, const ListFilter *flt) {
   size_t n;
   size_t *idx = select_objects(l, flt, &n);
   fputs("{\"objects\":[", f);
   for (size_t i = 0; idx && i < n; i++) {
      fputs(i ? ",\n  " : "\n  ", f);
      objfmt_json_object(f, &l->v[idx[i]], "  ");
   }
   fprintf(f, "%s],\n\"processes\":{\"scanned\":%u,\"denied\":%u", n ? "\n" : "",
           l->procs_scanned, objfmt_denied_count(l, flt->who));
   objfmt_denied_json_who(f, l, flt->who);
   fputs("},\n", f);
   char *path = json_name_dup(l->info.mq_path);
   fprintf(f, "\"mqueue\":{\"mounted\":%s,\"path\":%s},\n",
           l->info.mq_mounted ? "true" : "false", l->info.mq_mounted ? path : "null");
   free(path);
   fputs("\"flags\":{", f);
   for (int i = 0; i < OBJ_FLAG_COUNT; i++) {
      char *text = json_name_dup(_(objects_flag_explain((ObjFlag)(1u << i))));
      fprintf(f, "%s\n  \"%s\":%s", i ? "," : "", objects_flag_name((ObjFlag)(1u << i)), text);
      free(text);
   }
   fputs("\n}}\n", f);
   free(idx);
}

/* As lsof -p and ps -p: a pid given that names no process is said on
 * stderr, and the status is then 1 (the list of the others is printed). */
static int warn_missing(const ObjWho *w) {
   int status = 0;
   for (size_t i = 0; i < w->npids; i++) {
      if (!objwho_pid_exists(w->pids[i])) {
         diag_warn(_("%s %d: no such process"), "--pid", w->pids[i]);
         status = 1;
      }
   }
   return status;
}

int mode_list_run(const Options *o) {
   ObjList l;
   Error e;
   if (o->regions)
      return regions_list_run(o);     /* --list pid:PID */
   objects_init(&l, platform_page_size());
   l.scan_block = (o->kinds & (1u << OBJ_BLOCK)) != 0;    /* only when asked for */
   if (!objects_scan(&l, &e)) {
      objects_free(&l);
      return diag_error(NULL, &e);
   }
   ListFilter flt = { o->kinds ? o->kinds : OBJ_KINDS_ALL, NULL, NULL, &o->who, o->sort,
                      o->sort_reverse, o->columns, o->ncolumns };
   if (o->json)
      mode_list_json(stdout, &l, &flt);
   else
      mode_list_table(stdout, &l, &flt);
   objects_free(&l);
   int status = diag_stdout_status();
   int missing = warn_missing(&o->who);
   return status ? status : missing;
}
