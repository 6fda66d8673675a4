/* mapinfo.c - the text of the mapping pane. */
#include "config.h"

#include "core/mapinfo.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

typedef unsigned long long ull;

size_t mapinfo_mmap_call(char *out, size_t outsz, const Window *w, int fd) {
   int n = snprintf(out, outsz, "mmap(NULL, %llu, %s, %s, %d, 0x%llx) = %p",
                    (ull)w->span.length, platform_map_prot_name(w->mode),
                    platform_map_flags_name(w->mode, false), fd, (ull)w->span.start,
                    (void *)w->addr);
   return n < 0 ? 0 : (size_t)n;
}

size_t mapinfo_source_call(char *out, size_t outsz, char *win, size_t winsz, const Source *src,
                           const Window *w) {
   SourceMapCall c;
   source_describe_map(src, w->span.start, (size_t)w->span.length, w->mode, w->addr, &c);
   const void *result = c.result ? c.result : (const void *)w->addr;
   int n = snprintf(out, outsz, "%s(%s) = %p%s%s", c.function, c.args, result,
                    c.note[0] ? "; " : "", c.note);
   snprintf(win, winsz, "%s", c.windows);
   return n < 0 ? 0 : (size_t)n;
}

const char *mapinfo_access_name(PlatformMapMode mode) {
   switch (mode) {
   case PLATFORM_MAP_SHARED:  return "FILE_MAP_WRITE";
   case PLATFORM_MAP_PRIVATE: return "FILE_MAP_COPY";
   case PLATFORM_MAP_READ:
   default:                   return "FILE_MAP_READ";
   }
}

size_t mapinfo_mapview_call(char *out, size_t outsz, const Window *w) {
   int n = snprintf(out, outsz, "MapViewOfFile(hMap, %s, 0x%08llx, 0x%08llx, %llu)",
                    mapinfo_access_name(w->mode), (ull)(w->span.start >> 32),
                    (ull)(w->span.start & 0xffffffffu), (ull)w->span.length);
   return n < 0 ? 0 : (size_t)n;
}

/* cell_append: CELL after the *USED bytes of OUT when it fits with the
 * closing NUL (false, nothing written, when it does not). */
static bool cell_append(char *out, size_t outsz, size_t *used, const char *cell) {
   size_t len = strlen(cell);
   if (*used + len >= outsz)
      return false;
   memcpy(out + *used, cell, len);
   *used += len;
   return true;
}

size_t mapinfo_page_cells(char *out, size_t outsz, const unsigned char *vec, size_t pages,
                          const char *full, const char *empty) {
   size_t used = 0, i;
   if (outsz == 0)
      return 0;
   for (i = 0; i < pages; i++) {
      if (!cell_append(out, outsz, &used, vec[i] ? full : empty))
         break;
   }
   out[used] = '\0';
   return i;
}

MapinfoCell mapinfo_cache_cell(unsigned char st) {
   if (!(st & PLATFORM_CACHE_KNOWN))
      return MAPINFO_CELL_UNKNOWN;
   if (st & PLATFORM_CACHE_WRITEBACK)
      return MAPINFO_CELL_WRITEBACK;
   if (st & PLATFORM_CACHE_DIRTY)
      return MAPINFO_CELL_DIRTY;
   if (st & PLATFORM_CACHE_RESIDENT)
      return MAPINFO_CELL_RESIDENT;
   if (st & PLATFORM_CACHE_RECENT)
      return MAPINFO_CELL_RECENT;
   if (st & PLATFORM_CACHE_EVICTED)
      return MAPINFO_CELL_EVICTED;
   return MAPINFO_CELL_OUT;
}

size_t mapinfo_cache_cells(char *out, size_t outsz, const unsigned char *state, size_t pages,
                           const char *const glyphs[MAPINFO_CELLS]) {
   size_t used = 0, i;
   if (outsz == 0)
      return 0;
   for (i = 0; i < pages; i++) {
      if (!cell_append(out, outsz, &used, glyphs[mapinfo_cache_cell(state[i])]))
         break;
   }
   out[used] = '\0';
   return i;
}
