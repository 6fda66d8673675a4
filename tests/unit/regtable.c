/* regtable.c - the region list's rows without a process: figures as the
 * screen prints them, the copy-on-write flag, filter and sort by a column
 * (stable, by address on ties), the cursor kept on its region, SOURCE
 * texts that name a whole process; and procview's copied pages. */
#include "config.h"

#include "tap.h"
#include "app/columns.h"
#include "app/procview.h"
#include "app/regtable.h"
#include "platform/mapping.h"

static PlatformProcRegion region(uint64_t start, uint64_t end, const char *perms,
                                 PlatformRegionKind kind, const char *name, uint64_t rss,
                                 uint64_t anon) {
   PlatformProcRegion r;
   memset(&r, 0, sizeof r);
   r.map.start = start;
   r.map.end = end;
   snprintf(r.map.perms, sizeof r.map.perms, "%s", perms);
   r.map.backing.name = name;
   r.kind = kind;
   r.figures.known = true;
   r.figures.rss = rss;
   r.figures.anonymous = anon;
   return r;
}

static void test_bytes(void) {
   char b[16];
   regtable_bytes(0, b, sizeof b);
   is_str(b, "0", "0 bytes");
   regtable_bytes(4096, b, sizeof b);
   is_str(b, "4K", "a page");
   regtable_bytes(1536 * 1024, b, sizeof b);
   is_str(b, "1.5M", "1.5 MiB");
   regtable_bytes(135168, b, sizeof b);
   is_str(b, "132K", "132 KiB");
}

static void test_spec(void) {
   int pid = 0;
   ok(regtable_spec_is_process("pid:123", &pid) && pid == 123, "pid:123 is a whole process");
   ok(!regtable_spec_is_process("pid:123:7f00", &pid), "pid:123:ADDR is bytes");
   ok(!regtable_spec_is_process("pid:0", &pid) && !regtable_spec_is_process("pid:x", &pid)
      && !regtable_spec_is_process("shm:/x", &pid), "anything else is not");
}

static void test_table(void) {
   RegTable t;
   regtable_init(&t, 42);
   PlatformProcRegion v[4] = {
      region(0x1000, 0x3000, "r--p", PLATFORM_REGION_FILE, "/bin/x", 8192, 0),
      region(0x3000, 0x4000, "rw-p", PLATFORM_REGION_FILE, "/bin/x", 4096, 4096),
      region(0x5000, 0x9000, "rw-p", PLATFORM_REGION_HEAP, "[heap]", 4096, 4096),
      region(0xa000, 0xb000, "rw-s", PLATFORM_REGION_SHM, "/seg", 8192, 0),
   };
   t.v = v;
   t.n = 4;
   ok(!regtable_cow(&v[0]) && regtable_cow(&v[1]) && !regtable_cow(&v[2]),
      "cow: only a private file mapping with pages of its own");
   char cell[64];
   regtable_cell(&v[3], REGTABLE_BACKING, cell, sizeof cell);
   is_str(cell, "shm:/seg", "a shm object's backing");
   regtable_cell(&v[1], REGTABLE_RANGE, cell, sizeof cell);
   is_str(cell, "000000003000-000000004000", "the range");
   regtable_select(&t);
   is_u64(t.count, 4, "no filter: every region");
   is_u64(regtable_row(&t, 0)->map.start, 0x1000, "by range: in address order");
   t.sort = REGTABLE_RSS;
   t.reverse = true;
   regtable_select(&t);
   ok(regtable_row(&t, 0)->figures.rss == 8192 && regtable_row(&t, 1)->figures.rss == 8192
      && regtable_row(&t, 3)->figures.rss == 4096, "by rss descending");
   ok(regtable_row(&t, 0)->map.start == 0xa000, "ties in the reverse of address order");
   t.sort = REGTABLE_SIZE;
   t.reverse = false;
   regtable_select(&t);
   is_u64(regtable_find(&t, 0x5000), 3, "the largest last; find gives its row");
   snprintf(t.filter, sizeof t.filter, "cow");
   regtable_select(&t);
   ok(t.count == 1 && regtable_row(&t, 0)->map.start == 0x3000, "the filter matches a cell");
   snprintf(t.filter, sizeof t.filter, "nothing like it");
   regtable_select(&t);
   ok(t.count == 0 && regtable_row(&t, 0) == NULL, "a filter that matches nothing");
   char spec[64];
   regtable_spec(&t, &v[2], spec, sizeof spec);
   is_str(spec, "pid:42:0x5000-0x9000", "Enter's source");
   RegTableColumn c;
   ok(regtable_column_parse("ps", &c) && c == REGTABLE_PSS, "a column by a unique prefix");
   ok(!regtable_column_parse("s", &c), "an ambiguous prefix is refused");
   free(t.rows);                  /* the regions are this test's */
}

static int by_value(const void *ctx, size_t a, size_t b) {
   const int *v = ctx;
   return (v[a] > v[b]) - (v[a] < v[b]);
}

static void test_sort(void) {
   int v[] = { 3, 1, 2, 1, 3 };
   size_t rows[] = { 0, 1, 2, 3, 4 };
   ok(columns_sort(rows, 5, by_value, v, false), "rows sort");
   ok(rows[0] == 1 && rows[1] == 3 && rows[2] == 2 && rows[3] == 0 && rows[4] == 4,
      "ascending, stable");
   ok(columns_sort(rows, 5, by_value, v, true) && rows[0] == 0 && rows[1] == 4 && rows[4] == 3,
      "descending, still stable");
}

static void test_procview(void) {
   ProcView p;
   uint64_t page = platform_page_size();
   procview_init(&p, 1);
   p.have_region = true;
   p.start = 0x100000;
   p.end = 0x100000 + 4 * page;
   p.offset = 0x2000;
   snprintf(p.perms, sizeof p.perms, "rw-p");
   p.kind = PLATFORM_REGION_FILE;
   p.pages_from = p.start;
   p.npages = 3;
   p.flags[0] = PLATFORM_PAGE_PRESENT;                       /* a copy */
   p.flags[1] = PLATFORM_PAGE_PRESENT | PLATFORM_PAGE_FILE;  /* the file's page */
   p.flags[2] = 0;                                           /* not in memory */
   ok(procview_private_object(&p), "a private file mapping");
   ok(procview_copied(&p, p.start + 10) && !procview_copied(&p, p.start + page)
      && !procview_copied(&p, p.start + 2 * page), "only the page copied is marked");
   is_u64(procview_copied_count(&p), 1, "one page copied");
   is_u64(procview_object_offset(&p, p.start + 0x10), 0x2010, "the object offset of an address");
   snprintf(p.perms, sizeof p.perms, "rw-s");
   ok(!procview_copied(&p, p.start), "a shared mapping copies nothing");
   p.dev = 5;
   p.inode = 7;
   procview_expect(&p, 5, 7);
   ok(!procview_not_expected(&p), "the object expected");
   procview_expect(&p, 5, 8);
   ok(procview_not_expected(&p), "another object");
   procview_expect(&p, PLATFORM_DEV_ANY, 7);
   ok(!procview_not_expected(&p), "any device, the same id (System V)");
}

int main(void) {
   plan_lazy();
   test_bytes();
   test_spec();
   test_table();
   test_sort();
   test_procview();
   return done_testing();
}
