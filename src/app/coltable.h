/* coltable.h - a table's named columns, as --list offers them: a column
 * chosen by its name (untranslated or translated, whole or a unique
 * prefix), a comma-separated list of them (--columns), and the rows
 * printed under their headings, each column as wide as its widest cell
 * (cells are escaped text; widths are screen columns).  The named-object
 * list (objtable.h) and a process's region list (regions.h) both use it. */
#ifndef MAPSCOPE_COLTABLE_H
#define MAPSCOPE_COLTABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "app/pickmsg.h"

typedef struct {
   const char *heading;     /* N_(): "KIND" */
   const char *name;        /* N_(): "kind", as --sort and --columns take it */
   bool right;              /* numbers: aligned right */
} ColSpec;

/* WORD (LEN bytes) as a column of SPEC (N entries), as core/namepick.h
 * takes it (in either spelling: the name or its translation): FOUND with
 * *C, else M (may be NULL) gets the message's words (app/pickmsg.h). */
NamePick coltable_pick(const ColSpec *spec, size_t n, const char *word, size_t len, size_t *c,
                       PickMsg *m);
/* The column of SPEC (N entries) called NAME; false if none, or if NAME
 * is a prefix of more than one. */
bool coltable_parse(const ColSpec *spec, size_t n, const char *name, size_t *c);
/* "kind, name, size ...": the names, for messages. */
void coltable_names(const ColSpec *spec, size_t n, char *buf, size_t size);
/* LIST ("a,b,c") into COLS (at most MAX): false with *BAD, *BAD_LEN on the
 * first word that is no column, or repeats one. */
bool coltable_parse_list(const ColSpec *spec, size_t n, const char *list, size_t *cols,
                         size_t max, size_t *count, const char **bad, size_t *bad_len);

/* Print NROWS rows of the NCOLS columns COLS (indexes into SPEC) under
 * their translated headings; CELL gives row R's text of the C-th printed
 * column (NULL prints "?"). */
void coltable_print(FILE *f, const ColSpec *spec, const size_t *cols, size_t ncols, size_t nrows,
                    const char *(*cell)(void *ctx, size_t r, size_t c), void *ctx);

#endif
