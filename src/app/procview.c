/* procview.c - a process's region and copied pages beside its bytes. */
#include "config.h"

#include "app/procview.h"
#include "app/regtable.h"
#include "platform/files.h"
#include "platform/mapping.h"
#include "platform/procpages.h"

#include <string.h>

void procview_init(ProcView *p, int pid) {
   memset(p, 0, sizeof *p);
   p->pid = pid;
}

void procview_expect(ProcView *p, uint64_t dev, uint64_t ino) {
   p->expect = true;
   p->expect_dev = dev;
   p->expect_ino = ino;
}

static void keep_region(ProcView *p, const PlatformProcRegion *r) {
   p->have_region = true;
   p->start = r->map.start;
   p->end = r->map.end;
   p->offset = r->map.offset;
   memcpy(p->perms, r->map.perms, sizeof p->perms);
   p->dev = r->map.dev;
   p->inode = r->map.inode;
   p->kind = r->kind;
   regtable_cell(r, REGTABLE_BACKING, p->backing, sizeof p->backing);   /* as the region list */
}

/* The region holding ADDR (regions are in address order). */
static int find_region(ProcView *p, uint64_t addr) {
   PlatformProcRegion *v = NULL;
   size_t n = 0;
   int rc = platform_proc_regions(p->pid, false, &v, &n, NULL);
   if (rc != 0)
      return rc;
   p->have_region = false;
   for (size_t i = 0; i < n && !p->have_region; i++)
      if (v[i].map.start <= addr && addr < v[i].map.end)
         keep_region(p, &v[i]);
   platform_proc_regions_free(v, n);
   return 0;
}

bool procview_update(ProcView *p, uint64_t addr, uint64_t from, uint64_t to) {
   uint64_t page = platform_page_size();
   p->err = find_region(p, addr);
   p->npages = 0;
   if (p->err)
      return false;
   p->pages_from = from - from % page;
   uint64_t pages = to > p->pages_from ? (to - p->pages_from + page - 1) / page : 0;
   p->npages = pages < PROCVIEW_PAGES_MAX ? (size_t)pages : PROCVIEW_PAGES_MAX;
   if (p->npages && platform_proc_page_flags(p->pid, p->pages_from, p->npages, p->flags) != 0)
      p->npages = 0;              /* no page map: no marks (the bytes still show) */
   return true;
}

bool procview_private_object(const ProcView *p) {
   return p->have_region && p->perms[3] == 'p'
          && (p->kind == PLATFORM_REGION_FILE || p->kind == PLATFORM_REGION_SHM
              || p->kind == PLATFORM_REGION_MEMFD);
}

/* Whether the page at ADDR is an own copy, in whatever region holds it. */
static bool page_copied(const ProcView *p, uint64_t addr) {
   uint64_t page = platform_page_size();
   if (addr < p->pages_from)
      return false;
   uint64_t i = (addr - p->pages_from) / page;
   return i < p->npages && platform_page_copied(p->flags[i]);
}

bool procview_copied(const ProcView *p, uint64_t addr) {
   return procview_private_object(p) && addr >= p->start && addr < p->end
          && page_copied(p, addr);
}

size_t procview_copied_count(const ProcView *p) {
   size_t n = 0;
   uint64_t page = platform_page_size();
   for (size_t i = 0; i < p->npages; i++)
      n += procview_copied(p, p->pages_from + i * page);
   return n;
}

uint64_t procview_object_offset(const ProcView *p, uint64_t addr) {
   return p->offset + (addr - p->start);
}

bool procview_not_expected(const ProcView *p) {
   if (!p->expect || !p->have_region)
      return false;
   if (p->inode != p->expect_ino)
      return true;
   return p->expect_dev != PLATFORM_DEV_ANY && p->dev != p->expect_dev;
}
