/* mapinfo.c - the text of the mapping pane. */
#include "config.h"

#include "core/mapinfo.h"
#include "tap.h"

int main(void) {
   plan_lazy();
   char buf[256];
   Window w = { { 0x12345, 0x10000, 0x2345, 65536 }, PLATFORM_MAP_READ, NULL };
   mapinfo_mmap_call(buf, sizeof buf, &w, 3);
   const char *want = "mmap(NULL, 65536, PROT_READ, MAP_SHARED, 3, 0x10000) = ";
   ok(strncmp(buf, want, strlen(want)) == 0, "mmap call: %s", buf);
   mapinfo_mapview_call(buf, sizeof buf, &w);
   is_str(buf, "MapViewOfFile(hMap, FILE_MAP_READ, 0x00000000, 0x00010000, 65536)",
          "MapViewOfFile call");
   w.span.start = 0x140000000ull;
   w.mode = PLATFORM_MAP_PRIVATE;
   mapinfo_mapview_call(buf, sizeof buf, &w);
   is_str(buf, "MapViewOfFile(hMap, FILE_MAP_COPY, 0x00000001, 0x40000000, 65536)",
          "offset past 4 GiB: high and low words; copy-on-write");
   is_str(mapinfo_access_name(PLATFORM_MAP_SHARED), "FILE_MAP_WRITE", "shared: FILE_MAP_WRITE");
   unsigned char vec[5] = { 1, 0, 1, 1, 0 };
   is_u64(mapinfo_page_cells(buf, sizeof buf, vec, 5, "#", "."), 5, "five pages");
   is_str(buf, "#.##.", "page cells");
   is_u64(mapinfo_page_cells(buf, 4, vec, 5, "#", "."), 3, "cut to the buffer");
   is_str(buf, "#.#", "cut cells");
   /* residency states: only what was told is shown, unknown is "?" */
   static const char *const glyphs[MAPINFO_CELLS] = {
      [MAPINFO_CELL_UNKNOWN] = "?", [MAPINFO_CELL_OUT] = ".", [MAPINFO_CELL_RESIDENT] = "#",
      [MAPINFO_CELL_DIRTY] = "d", [MAPINFO_CELL_WRITEBACK] = "w", [MAPINFO_CELL_EVICTED] = "e",
      [MAPINFO_CELL_RECENT] = "r",
   };
   unsigned char st[8] = {
      0, PLATFORM_CACHE_RESIDENT,           /* not known, whatever else is set */
      PLATFORM_CACHE_KNOWN, PLATFORM_CACHE_KNOWN | PLATFORM_CACHE_RESIDENT,
      PLATFORM_CACHE_KNOWN | PLATFORM_CACHE_RESIDENT | PLATFORM_CACHE_DIRTY,
      PLATFORM_CACHE_KNOWN | PLATFORM_CACHE_RESIDENT | PLATFORM_CACHE_DIRTY
         | PLATFORM_CACHE_WRITEBACK,
      PLATFORM_CACHE_KNOWN | PLATFORM_CACHE_EVICTED,
      PLATFORM_CACHE_KNOWN | PLATFORM_CACHE_EVICTED | PLATFORM_CACHE_RECENT,
   };
   is_u64(mapinfo_cache_cells(buf, sizeof buf, st, 8, glyphs), 8, "eight states");
   is_str(buf, "??.#dwer", "unknown is never resident; dirty, writeback, evicted, recent");
   is_u64(mapinfo_cache_cells(buf, 3, st, 8, glyphs), 2, "cut to the buffer");
   return done_testing();
}
