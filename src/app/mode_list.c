/* mode_list.c - --list [--json] [--kind=KINDS]: the named objects. */
#include "config.h"

#include "app/mode_list.h"
#include "app/diag.h"
#include "app/objfmt.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "core/json.h"
#include "platform/mapping.h"
#include "platform/names.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

enum { COL_KIND, COL_NAME, COL_SIZE, COL_OWNER, COL_MODE, COL_PIDS, COL_FLAGS, COL_DETAIL,
       NCOLS };

typedef struct {
   char *cell[NCOLS];
} Row;

static bool wanted(const Obj *o, const ListFilter *flt) {
   if (!(flt->kinds & (1u << o->kind)))
      return false;
   return !flt->pick || flt->pick(o, flt->ctx);
}

static const ObjList *order_list;

/* By kind, then name, then id: the same machine lists the same way. */
static int by_kind_name(const void *a, const void *b) {
   const Obj *x = &order_list->v[*(const size_t *)a], *y = &order_list->v[*(const size_t *)b];
   if (x->kind != y->kind)
      return x->kind < y->kind ? -1 : 1;
   int c = strcmp(x->name, y->name);
   if (c)
      return c;
   return x->ino < y->ino ? -1 : x->ino > y->ino;
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
   qsort(idx, *n, sizeof *idx, by_kind_name);
   return idx;
}

static void fill_row(Row *r, const Obj *o) {
   char buf[256];
   r->cell[COL_KIND] = strdup(objects_kind_name(o->kind));
   r->cell[COL_NAME] = objfmt_display_name(o);
   objfmt_size(o, buf, sizeof buf);
   r->cell[COL_SIZE] = strdup(buf);
   platform_user_name(o->uid, buf, sizeof buf);
   r->cell[COL_OWNER] = escape_dup(buf);
   snprintf(buf, sizeof buf, "%04o", o->mode);
   r->cell[COL_MODE] = strdup(buf);
   objfmt_pids(o, 4, buf, sizeof buf);
   r->cell[COL_PIDS] = strdup(buf);
   objfmt_flags(o->flags, buf, sizeof buf);
   r->cell[COL_FLAGS] = strdup(buf);
   objfmt_detail(o, buf, sizeof buf);
   r->cell[COL_DETAIL] = strdup(buf);
}

static const char *cell(const Row *r, int c) {
   return r->cell[c] ? r->cell[c] : "?";
}

static void print_rows(FILE *f, Row *rows, size_t n) {
   static const char *const heads[NCOLS] = {
      N_("KIND"), N_("NAME"), N_("SIZE"), N_("OWNER"), N_("MODE"), N_("PIDS"), N_("FLAGS"),
      N_("DETAIL"),
   };
   size_t width[NCOLS];
   for (int c = 0; c < NCOLS; c++) {
      width[c] = objfmt_width(_(heads[c]));
      for (size_t i = 0; i < n; i++) {
         size_t w = objfmt_width(cell(&rows[i], c));
         width[c] = w > width[c] ? w : width[c];
      }
   }
   for (size_t i = 0; i <= n; i++) {
      for (int c = 0; c < NCOLS; c++) {
         const char *t = i == 0 ? _(heads[c]) : cell(&rows[i - 1], c);
         size_t pad = width[c] - objfmt_width(t);
         bool right = c == COL_SIZE;
         if (c == NCOLS - 1) {
            fprintf(f, "%s", t);
            break;
         }
         fprintf(f, "%*s%s%*s  ", right ? (int)pad : 0, "", t, right ? 0 : (int)pad, "");
      }
      fputc('\n', f);
   }
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

static void print_notes(FILE *f, const ObjList *l, const ListFilter *flt) {
   if (l->procs_denied)
      fprintf(f, ngettext("Note: %u process could not be inspected (permission denied): "
                          "its attachers are not shown.\n",
                          "Note: %u processes could not be inspected (permission denied): "
                          "their attachers are not shown.\n", l->procs_denied),
              l->procs_denied);
   if (!l->info.mq_mounted && (flt->kinds & (1u << OBJ_MQ)))
      fputs(_("Note: the mqueue file system is not mounted, so POSIX message queues cannot "
              "be listed (mount -t mqueue none /dev/mqueue).\n"), f);
}

void mode_list_table(FILE *f, const ObjList *l, const ListFilter *flt) {
   size_t n;
   size_t *idx = select_objects(l, flt, &n);
   Row *rows = calloc(n ? n : 1, sizeof *rows);
   unsigned seen = 0;
   if (idx && rows) {
      for (size_t i = 0; i < n; i++) {
         fill_row(&rows[i], &l->v[idx[i]]);
         seen |= l->v[idx[i]].flags;
      }
      print_rows(f, rows, n);
   }
   print_legend(f, seen);
   print_notes(f, l, flt);
   for (size_t i = 0; rows && i < n; i++)
      for (int c = 0; c < NCOLS; c++)
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
   fprintf(f, "%s],\n\"processes\":{\"scanned\":%u,\"denied\":%u},\n", n ? "\n" : "",
           l->procs_scanned, l->procs_denied);
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

int mode_list_run(const Options *o) {
   ObjList l;
   Error e;
   objects_init(&l, platform_page_size());
   if (!objects_scan(&l, &e)) {
      objects_free(&l);
      return diag_error(NULL, &e);
   }
   ListFilter flt = { o->kinds ? o->kinds : OBJ_KINDS_ALL, NULL, NULL };
   if (o->json)
      mode_list_json(stdout, &l, &flt);
   else
      mode_list_table(stdout, &l, &flt);
   objects_free(&l);
   if (fflush(stdout) != 0 || ferror(stdout)) {
      error_set(&e, ERR_WRITE, errno, NULL);
      return diag_error(NULL, &e);
   }
   return 0;
}
