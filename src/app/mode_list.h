/* mode_list.h - --list: the named objects as a table or as JSON. */
#ifndef MAPSCOPE_MODE_LIST_H
#define MAPSCOPE_MODE_LIST_H

#include <stdbool.h>
#include <stdio.h>

#include "app/options.h"
#include "app/objtable.h"
#include "app/objwho.h"
#include "core/objects.h"

/* Which objects to print: KINDS (a mask of 1 << ObjKind), and when PICK is
 * set, only those it accepts; WHO (when set) those of these processes or
 * this owner.  In the order of SORT (descending when REVERSE: by kind when
 * zeroed), with the table's columns COLS (NCOLS of them; 0: the default
 * KIND NAME SIZE OWNER MODE PIDS FLAGS DETAIL). */
typedef struct {
   unsigned kinds;
   bool (*pick)(const Obj *o, void *ctx);
   void *ctx;
   const ObjWho *who;
   ObjTableColumn sort;
   bool reverse;
   const ObjTableColumn *cols;
   size_t ncols;
} ListFilter;

/* Print the table (with the legend of the flags shown and the notes about
 * what could not be seen) or the JSON document. */
void mode_list_table(FILE *f, const ObjList *l, const ListFilter *filter);
void mode_list_json(FILE *f, const ObjList *l, const ListFilter *filter);

int mode_list_run(const Options *o);

#endif
