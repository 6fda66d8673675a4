/* columns.h - the order of a list's rows by a column: row indexes into
 * the caller's array, sorted by the caller's comparison with a context
 * (no global state, no qsort_r, which not every libc has), stable.  The
 * columns themselves, by name, are app/coltable.h's.  No terminal here. */
#ifndef MAPSCOPE_COLUMNS_H
#define MAPSCOPE_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

/* Order ROWS[0..N) by CMP (on the caller's items, with CTX), descending
 * when REVERSE; ties keep their order.  False when out of memory (ROWS is
 * then untouched). */
bool columns_sort(size_t *rows, size_t n, int (*cmp)(const void *ctx, size_t a, size_t b),
                  const void *ctx, bool reverse);

#endif
