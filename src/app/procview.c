/* procview.c - a process's region and copied pages beside its bytes. */
#include "config.h"

#include "app/procview.h"
#include "app/regtable.h"
#include "platform/files.h"
#include "platform/mapping.h"
#include "platform/procpages.h"
#include "core/gettext.h"

#include <stdio.h>

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

static bool private_object(const char *perms, PlatformRegionKind kind) {
   return perms[3] == 'p'
          && (kind == PLATFORM_REGION_FILE || kind == PLATFORM_REGION_SHM
              || kind == PLATFORM_REGION_SEM
              || kind == PLATFORM_REGION_MEMFD);
}

/* Which region holds each page looked at: none, one, a private mapping
 * of an object (where a page of its own is a copy). */
static void mark_pages(ProcView *p, const PlatformProcRegion *r) {
   uint64_t page = platform_page_size();
   uint64_t end = p->pages_from + (uint64_t)p->npages * page;
   uint64_t lo = r->map.start > p->pages_from ? r->map.start : p->pages_from;
   uint64_t hi = r->map.end < end ? r->map.end : end;
   unsigned char w = private_object(r->map.perms, r->kind) ? 2 : 1;
   if (lo >= hi)
      return;
   for (uint64_t a = lo - lo % page; a < hi; a += page)
      p->where[(a - p->pages_from) / page] = w;
}

/* The region holding ADDR (regions are in address order), and which
 * region holds each page looked at. */
static int find_region(ProcView *p, uint64_t addr) {
   PlatformProcRegion *v = NULL;
   size_t n = 0;
   int rc = platform_proc_regions(p->pid, false, &v, &n, NULL);
   if (rc != 0)
      return rc;
   p->have_region = false;
   memset(p->where, 0, sizeof p->where);
   for (size_t i = 0; i < n; i++) {
      if (v[i].map.start <= addr && addr < v[i].map.end)
         keep_region(p, &v[i]);
      mark_pages(p, &v[i]);
   }
   platform_proc_regions_free(v, n);
   return 0;
}

void procview_window(uint64_t from, uint64_t to, uint64_t granularity, uint64_t size,
                     uint64_t *wfrom, uint64_t *wto) {
   uint64_t g = granularity ? granularity : platform_page_size();
   *wfrom = from - from % g;
   *wto = to % g && to + (g - to % g) > to ? to + (g - to % g) : to;
   if (*wto > size)
      *wto = size;
   if (*wto < *wfrom)
      *wto = *wfrom;
}

bool procview_update(ProcView *p, uint64_t addr, uint64_t from, uint64_t to) {
   uint64_t page = platform_page_size();
   p->pages_from = from - from % page;
   uint64_t pages = to > p->pages_from ? (to - p->pages_from + page - 1) / page : 0;
   p->window_pages = (size_t)pages;
   p->npages = pages < PROCVIEW_PAGES_MAX ? (size_t)pages : PROCVIEW_PAGES_MAX;
   p->err = find_region(p, addr);
   if (p->err) {                      /* nothing known of its pages either */
      p->pages_err = p->err;
      return false;
   }
   p->pages_err = p->npages ? platform_proc_page_flags(p->pid, p->pages_from, p->npages, p->flags)
                            : 0;
   if (p->pages_err)
      memset(p->flags, 0, p->npages);   /* no page map: no marks (the bytes still show) */
   return true;
}

ProcViewPage procview_page(const ProcView *p, size_t i) {
   if (i >= p->npages || p->pages_err)
      return PROCVIEW_PAGE_UNKNOWN;
   unsigned char f = p->flags[i];
   if (!p->where[i])
      return PROCVIEW_PAGE_UNMAPPED;
   if (p->where[i] == 2 && platform_page_copied(f))
      return PROCVIEW_PAGE_COPIED;
   if (f & PLATFORM_PAGE_PRESENT)
      return PROCVIEW_PAGE_RESIDENT;
   return f & PLATFORM_PAGE_SWAPPED ? PROCVIEW_PAGE_SWAPPED : PROCVIEW_PAGE_ABSENT;
}

void procview_count(const ProcView *p, ProcViewCounts *c) {
   memset(c, 0, sizeof *c);
   c->pages = p->npages;
   for (size_t i = 0; i < p->npages; i++) {
      ProcViewPage st = procview_page(p, i);
      unsigned char f = p->flags[i];
      c->unknown += st == PROCVIEW_PAGE_UNKNOWN;
      c->unmapped += st == PROCVIEW_PAGE_UNMAPPED;
      c->absent += st == PROCVIEW_PAGE_ABSENT;
      c->copied += st == PROCVIEW_PAGE_COPIED;
      c->resident += (f & PLATFORM_PAGE_PRESENT) != 0;     /* copies in memory too */
      c->swapped += (f & PLATFORM_PAGE_SWAPPED) != 0;
      c->exclusive += (f & PLATFORM_PAGE_PRESENT) && (f & PLATFORM_PAGE_EXCLUSIVE);
      c->pfn_hidden |= (f & PLATFORM_PAGE_PFN_HIDDEN) != 0;
   }
}

void procview_pages_why(const ProcView *p, char *out, size_t outsz) {
   char why[400];
   platform_proc_why(p->pid, p->pages_err, PLATFORM_PROC_PAGES, p->pages_from, why, sizeof why);
   snprintf(out, outsz, _("page map unknown: %s"), why);
}

bool procview_private_object(const ProcView *p) {
   return p->have_region && private_object(p->perms, p->kind);
}

/* Whether the page at ADDR is an own copy, in whatever region holds it. */
static bool page_copied(const ProcView *p, uint64_t addr) {
   uint64_t page = platform_page_size();
   if (addr < p->pages_from || p->pages_err)
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
