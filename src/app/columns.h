/* columns.h - what the screen's lists share: a table's columns by name
 * (a whole name or a unique prefix, untranslated or translated), and the
 * order of its rows by a column.  The object list (app/objtable.h) and a
 * process's region list (app/regtable.h) both sort and parse through
 * here.  No terminal here.
 *
 * Rows are indexes into the caller's array; the sort is stable (a merge
 * sort: no global state, no qsort_r, which not every libc has). */
#ifndef MAPSCOPE_COLUMNS_H
#define MAPSCOPE_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

/* One column: its heading ("SIZE") and its name in messages ("size"),
 * both N_(). */
typedef struct {
   const char *heading;
   const char *name;
} ColumnName;

/* The column of COLS (N of them) called NAME; false if none or ambiguous. */
bool columns_parse(const ColumnName *cols, size_t n, const char *name, size_t *out);

/* "kind, name, size": the names of COLS for messages. */
void columns_names(const ColumnName *cols, size_t n, char *buf, size_t size);

/* Order row indexes ROWS[0..N) by CMP (on the caller's items, with CTX),
 * descending when REVERSE; ties keep their order.  False when out of
 * memory (ROWS is then untouched). */
bool columns_sort(size_t *rows, size_t n, int (*cmp)(const void *ctx, size_t a, size_t b),
                  const void *ctx, bool reverse);

#endif
