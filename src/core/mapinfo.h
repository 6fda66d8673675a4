/* mapinfo.h - a mapped window explained: the real mmap() call that made it,
 * what Windows would have called, and the alignment arithmetic. */
#ifndef MAPSCOPE_MAPINFO_H
#define MAPSCOPE_MAPINFO_H

#include <stddef.h>

#include "core/window.h"

/* "mmap(NULL, 4096, PROT_READ, MAP_SHARED, 3, 0x10000) = 0x7f..." */
size_t mapinfo_mmap_call(char *out, size_t outsz, const Window *w, int fd);

/* The call SRC's kind really made for window W, as the kind describes it
 * (source_describe_map): "shmat(7, NULL, SHM_RDONLY) = 0x7f...; NOTE",
 * "mmap(NULL, 4096, PROT_READ, MAP_SHARED, 3, 0x0) = 0x7f...", and its
 * Windows counterpart into WIN (WINSZ bytes).  Returns strlen(OUT). */
size_t mapinfo_source_call(char *out, size_t outsz, char *win, size_t winsz, const Source *src,
                           const Window *w);

/* "MapViewOfFile(hMap, FILE_MAP_READ, 0x00000000, 0x00010000, 4096)" */
size_t mapinfo_mapview_call(char *out, size_t outsz, const Window *w);

/* The Windows access flag for MODE: FILE_MAP_READ, FILE_MAP_WRITE, FILE_MAP_COPY. */
const char *mapinfo_access_name(PlatformMapMode mode);

/* Residency as a row of cells, one per page: FULL for a resident page,
 * EMPTY for one that is not.  Writes at most OUTSZ bytes (terminated);
 * returns the number of pages written. */
size_t mapinfo_page_cells(char *out, size_t outsz, const unsigned char *vec, size_t pages,
                          const char *full, const char *empty);

/* What one page's residency (PLATFORM_CACHE_* bits, mapping.h) shows as
 * in the page map: a cell class, and the glyph of each class. */
typedef enum {
   MAPINFO_CELL_UNKNOWN,      /* nothing tells the truth */
   MAPINFO_CELL_OUT,          /* not in memory (never read, or forgotten) */
   MAPINFO_CELL_RESIDENT,     /* in memory */
   MAPINFO_CELL_DIRTY,        /* in memory, changed, not written back */
   MAPINFO_CELL_WRITEBACK,    /* being written back */
   MAPINFO_CELL_EVICTED,      /* was in memory, evicted */
   MAPINFO_CELL_RECENT,       /* evicted recently */
   MAPINFO_CELLS
} MapinfoCell;

MapinfoCell mapinfo_cache_cell(unsigned char state);

/* The page map of PAGES states as cells, GLYPHS[class] each, into OUT
 * (OUTSZ bytes, terminated); returns the number of pages written. */
size_t mapinfo_cache_cells(char *out, size_t outsz, const unsigned char *state, size_t pages,
                           const char *const glyphs[MAPINFO_CELLS]);

#endif
