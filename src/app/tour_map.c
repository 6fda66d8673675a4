/* tour_map.c - the tour's steps on a file's views: an aligned view (1), an
 * unaligned offset (2), a zero-length object (3), copy-on-write and the
 * flush (6), unmap and close (10). */
#include "config.h"

#include "app/recovery.h"
#include "app/tour_internal.h"
#include "core/edits.h"
#include "core/escape.h"
#include "core/flush.h"
#include "core/gettext.h"
#include "core/mapinfo.h"
#include "core/source.h"
#include "core/window.h"
#include "platform/mapping.h"
#include "platform/procmem.h"
#include "platform/processes.h"
#include "platform/scene.h"
#include "platform/tour.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned long long ull;

/* "mmap(NULL, LEN, PROT, FLAGS, FD, OFF)" as the platform spells MODE. */
static void mmap_text(char *out, size_t outsz, size_t len, PlatformMapMode mode, int fd,
                      uint64_t off) {
   snprintf(out, outsz, "mmap(NULL, %zu, %s, %s, %d, 0x%llx)", len, platform_map_prot_name(mode),
            platform_map_flags_name(mode, false), fd, (ull)off);
}

/* Map and say so: the call, then "= ADDRESS" or "= MAP_FAILED, errno ...". */
static int map_said(TourText *out, PlatformHandle fd, uint64_t off, size_t len,
                    PlatformMapMode mode, void **addr) {
   char call[160], err[96];
   mmap_text(call, sizeof call, len, mode, (int)fd, off);
   int rc = platform_map(fd, off, len, mode, false, addr);
   if (rc == 0)
      tour_line(out, "  %s = %p", call, *addr);
   else
      tour_line(out, "  %s = MAP_FAILED, errno %s", call, tour_errno(rc, err, sizeof err));
   return rc;
}

/* Open a file of the tour and say so (the name relative to its directory). */
static int open_said(TourText *out, const char *path, bool writable, PlatformHandle *fd,
                     PlatformStat *st) {
   char err[96];
   const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
   int rc = platform_open_path(path, writable, fd, st);
   if (rc == 0)
      tour_line(out, "  open(\"%s\", %s) = %d   (%s %llu)", name, writable ? "O_RDWR" : "O_RDONLY",
                (int)*fd, _("size"), (ull)st->size);
   else
      tour_line(out, "  open(\"%s\") = -1, errno %s", name, tour_errno(rc, err, sizeof err));
   return rc;
}

/* The first bytes at P (guarded: a mapped page may fault). */
static void show_bytes(TourText *out, const char *what, const void *p, size_t n) {
   unsigned char buf[32];
   char text[160], err[96];
   n = n < sizeof buf ? n : sizeof buf;
   int rc = platform_guarded_copy(buf, p, n);
   if (rc != 0) {
      tour_line(out, "    %s: %s", what, tour_errno(rc, err, sizeof err));
      return;
   }
   tour_preview(buf, n, text, sizeof text);
   tour_line(out, "    %s: %s", what, text);
}

static void windows_call(TourText *out, uint64_t start, uint64_t len, PlatformMapMode mode) {
   Window w = { .span = { start, start, 0, len }, .mode = mode };
   char call[160];
   mapinfo_mapview_call(call, sizeof call, &w);
   tour_line(out, "    %s %s", _("on Windows:"), call);
}

static void view_at(TourText *out, PlatformHandle fd, uint64_t off) {
   size_t page = platform_page_size();
   void *addr;
   if (map_said(out, fd, off, page, PLATFORM_MAP_READ, &addr) != 0)
      return;
   tour_line(out, _("    offset 0x%llx: high word 0x%08llx, low word 0x%08llx"), (ull)off,
             (ull)(off >> 32), (ull)(off & 0xffffffffu));
   show_bytes(out, _("the view begins with"), addr, 32);
   windows_call(out, off, page, PLATFORM_MAP_READ);
   platform_unmap(addr, page);
   tour_line(out, "  munmap(%p, %zu) = 0", addr, page);
}

/* Where the data file keeps no holes, the offset past 4 GiB in words only. */
static void view_not_made(TourText *out, uint64_t off) {
   tour_line(out, "%s", _("  the file system of the temporary directory keeps no holes (SEEK_HOLE "
                          "finds none): a file past 4 GiB would take 4 GiB there, so the tour "
                          "made a 128 KiB file and does not map this offset:"));
   tour_line(out, _("    offset 0x%llx: high word 0x%08llx, low word 0x%08llx"), (ull)off,
             (ull)(off >> 32), (ull)(off & 0xffffffffu));
   windows_call(out, off, platform_page_size(), PLATFORM_MAP_READ);
}

void tour_step_aligned(Tour *t, TourText *out) {
   PlatformHandle fd;
   PlatformStat st;
   if (t->sparse)
      tour_line(out, _("The data file is sparse: 4 GiB and 128 KiB, a line of text at each "
                       "offset mapped here.  Both offsets are multiples of the page size (%zu)."),
                platform_page_size());
   else
      tour_line(out, _("The data file is 128 KiB, a line of text at each offset shown here.  "
                       "Both offsets are multiples of the page size (%zu)."),
                platform_page_size());
   if (open_said(out, t->data, false, &fd, &st) != 0)
      return;
   view_at(out, fd, TOUR_LOW_OFFSET);
   if (t->sparse)
      view_at(out, fd, TOUR_HIGH_OFFSET);
   else
      view_not_made(out, TOUR_HIGH_OFFSET);
   platform_close(fd);
   tour_line(out, "  close(%d) = 0", (int)fd);
}

/* Where REQ lies at granularity GRAN: its window's start and delta. */
static void aligned_down(TourText *out, uint64_t req, uint64_t gran, WindowSpan *span) {
   if (!window_span(req, platform_page_size(), gran, TOUR_SMALL_SIZE, span))
      return;
   tour_line(out, _("    at granularity %llu: 0x%llx = 0x%llx (aligned down) + delta 0x%llx"),
             (ull)gran, (ull)req, (ull)span->start, (ull)span->delta);
}

void tour_step_unaligned(Tour *t, TourText *out) {
   PlatformHandle fd;
   PlatformStat st;
   size_t page = platform_page_size();
   void *addr;
   WindowSpan span;
   if (open_said(out, t->data, false, &fd, &st) != 0)
      return;
   tour_line(out, _("  1. the offset as asked, 0x%llx, not a multiple of %zu:"),
             (ull)TOUR_UNALIGNED, page);
   if (map_said(out, fd, TOUR_UNALIGNED, page, PLATFORM_MAP_READ, &addr) == 0)
      platform_unmap(addr, page);
   tour_line(out, "%s", _("  2. the request aligned down, and the delta added to the address:"));
   aligned_down(out, TOUR_UNALIGNED, page, &span);
   if (map_said(out, fd, span.start, page, PLATFORM_MAP_READ, &addr) == 0) {
      tour_line(out, _("    the byte asked for is at %p + 0x%llx:"), addr, (ull)span.delta);
      show_bytes(out, _("there"), (unsigned char *)addr + span.delta, 32);
      platform_unmap(addr, page);
   }
   tour_line(out, "%s", _("  3. at Windows' allocation granularity the delta grows:"));
   aligned_down(out, TOUR_UNALIGNED, 65536, &span);
   windows_call(out, span.start, span.delta + page, PLATFORM_MAP_READ);
   platform_close(fd);
}

/* ---- 3: a zero-length object -------------------------------------------- */

void tour_step_empty(Tour *t, TourText *out) {
   PlatformHandle fd;
   PlatformStat st;
   size_t page = platform_page_size();
   void *addr;
   char err[96];
   if (!t->made_empty)
      t->made_empty = platform_file_create(t->empty, "", 0) == 0;
   if (open_said(out, t->empty, false, &fd, &st) != 0)
      return;
   tour_line(out, "%s", _("  1. mapping a page of it \"works\":"));
   if (map_said(out, fd, 0, page, PLATFORM_MAP_READ, &addr) == 0) {
      unsigned char b;
      int rc = platform_guarded_copy(&b, addr, 1);
      if (rc == EFAULT)           /* the guard's word for a SIGBUS (platform/mapping.h) */
         tour_line(out, _("  2. reading its first byte raises SIGBUS; mapscope's guard turns it "
                          "into %s"), tour_errno(rc, err, sizeof err));
      else
         tour_line(out, _("  2. reading its first byte: %s (no SIGBUS on this system)"),
                   tour_errno(rc, err, sizeof err));
      platform_unmap(addr, page);
   }
   platform_close(fd);
   Source *src;
   Error e;
   bool opened = source_open(t->empty, false, &src, &e);
   if (opened && source_require_mappable(src, &e))
      tour_line(out, "%s", _("  3. mapscope would map it (unexpected)"));
   else
      tour_line(out, _("  3. so mapscope refuses it before mapping: %s (%s)"),
                _(error_message(e.code)), e.detail[0] ? e.detail : "-");
   if (opened)
      source_close(src);
}

/* ---- 6: copy-on-write ---------------------------------------------------- */

/* Show the page map of PAGES pages at ADDR; true when page 0 is a private
 * copy (present, no longer the file's page). */
static bool page_map(TourText *out, const void *addr, size_t pages) {
   unsigned char f[8];
   char row[160] = "", err[96];
   int rc = platform_page_flags(addr, pages, f);
   if (rc != 0) {
      tour_line(out, _("    page map: %s"), tour_errno(rc, err, sizeof err));
      return false;
   }
   for (size_t i = 0; i < pages; i++) {
      size_t used = strlen(row);
      const char *what = !(f[i] & PLATFORM_PAGE_PRESENT) ? _("not present")
                        : f[i] & PLATFORM_PAGE_FILE     ? _("the file's page (shared)")
                                                        : _("a private copy");
      snprintf(row + used, sizeof row - used, "%s[%zu] %s", i ? "; " : "", i, what);
   }
   tour_line(out, _("    page map: %s"), row);
   return (f[0] & PLATFORM_PAGE_PRESENT) && !(f[0] & PLATFORM_PAGE_FILE);
}

static void smaps(TourText *out, const void *addr) {
   PlatformProcRegion *r;
   size_t n;
   char err[96];
   int rc = platform_proc_regions(platform_self_pid(), true, &r, &n, NULL);
   if (rc != 0) {
      tour_line(out, _("    smaps: %s"), tour_errno(rc, err, sizeof err));
      return;
   }
   uint64_t a = (uint64_t)(uintptr_t)addr;
   for (size_t i = 0; i < n; i++) {
      const PlatformMemFigures *m = &r[i].figures;
      if (a < r[i].map.start || a >= r[i].map.end || !m->known)
         continue;
      tour_line(out, _("    smaps: Rss %llu kB, Shared_Clean %llu kB, Private_Clean %llu kB, "
                       "Private_Dirty %llu kB, Anonymous %llu kB"),
                (ull)m->rss / 1024, (ull)m->shared_clean / 1024, (ull)m->private_clean / 1024,
                (ull)m->private_dirty / 1024, (ull)m->anonymous / 1024);
   }
   platform_proc_regions_free(r, n);
}

/* The byte at OFF as read: WHEN says what it shows, if it is WANT. */
static void file_byte(TourText *out, PlatformHandle fd, uint64_t off, unsigned char want,
                      const char *when) {
   unsigned char b = 0;
   size_t got = 0;
   platform_read_at(fd, &b, 1, off, &got);
   if (got != 1 || b != want)
      when = _("(not what this step expected: the text above does not hold here)");
   tour_line(out, _("    the file at 0x%llx, read with pread(): '%c' %s"), (ull)off,
             got == 1 && b >= 0x20 && b < 0x7f ? b : '?', when);
}

#define COW_AT 0x11u

static bool make_cow(Tour *t) {
   static const char line[] = "copy-on-write: a private page\n";
   size_t size = 2 * platform_page_size();
   char *buf = calloc(1, size);
   if (!buf)
      return false;
   for (size_t i = 0; i + sizeof line - 1 <= size; i += sizeof line - 1)
      memcpy(buf + i, line, sizeof line - 1);
   if (t->made_cow)
      platform_file_remove(t->cow);
   t->made_cow = platform_file_create(t->cow, buf, size) == 0;
   free(buf);
   /* Synced, so that its pages are clean before the step writes: smaps
    * then shows the one copied page as the only dirty one. */
   PlatformHandle fd;
   PlatformStat st;
   if (t->made_cow && platform_open_path(t->cow, true, &fd, &st) == 0) {
      platform_sync(fd);
      platform_close(fd);
   }
   return t->made_cow;
}

/* The private write, what it changed, and msync's nothing. */
static void private_write(TourText *out, PlatformHandle fd) {
   size_t page = platform_page_size(), len = 2 * page;
   void *addr;
   char err[96];
   if (map_said(out, fd, 0, len, PLATFORM_MAP_PRIVATE, &addr) != 0)
      return;
   unsigned char b[2];
   platform_guarded_copy(&b[0], addr, 1);
   platform_guarded_copy(&b[1], (unsigned char *)addr + page, 1);
   tour_line(out, "%s", _("  both pages read: they are the file's own pages"));
   page_map(out, addr, 2);
   smaps(out, addr);
   unsigned char w = 'W';
   int wrc = platform_guarded_copy((unsigned char *)addr + COW_AT, &w, 1);
   tour_line(out, _("  'W' written at 0x%x through the mapping: %s"), COW_AT,
             tour_errno(wrc, err, sizeof err));
   if (page_map(out, addr, 2))
      tour_line(out, "%s", _("    the kernel copied page 0: it is no longer the file's"));
   else
      tour_line(out, "%s", _("    the page map shows no copy of page 0 (it cannot tell here)"));
   smaps(out, addr);
   file_byte(out, fd, COW_AT, 'p', _("(the object is unchanged)"));
   int rc = platform_map_sync(addr, len);
   tour_line(out, "  msync(%p, %zu, MS_SYNC) = %s", addr, len, tour_errno(rc, err, sizeof err));
   file_byte(out, fd, COW_AT, 'p', _("(msync wrote nothing from a private mapping)"));
   platform_unmap(addr, len);
   tour_line(out, "  munmap(%p, %zu) = 0: %s", addr, len, _("the copy is gone with it"));
}

/* mapscope's own flush of the same edit: journal, pwrite, fsync. */
static void flush_edit(Tour *t, TourText *out) {
   Source *src;
   Error e;
   FlushReport r;
   memset(&r, 0, sizeof r);
   if (!source_open(t->cow, false, &src, &e)) {
      tour_line(out, "  %s", _(error_message(e.code)));
      return;
   }
   EditConfig cfg = { platform_page_size(), platform_page_size(), false, false, false };
   EditSet *es = edits_new(src, &cfg);
   FlushOptions fo = { .journal_dir = t->dir, .force_hint = "--force" };
   bool good = es && edits_apply(es, COW_AT, "W", 1, false, &e)
               && flush_commit(es, &fo, &r, &e);
   if (good)
      tour_line(out, _("  mapscope's flush (--patch 0x%x:57 --flush): bytes %llu, pages %llu, "
                       "journal bytes %llu; the journal is removed once the object is synced"),
                COW_AT, (ull)r.bytes, (ull)r.pages, (ull)r.journal_bytes);
   else
      tour_line(out, "  %s (%s)", _(error_message(e.code)), e.detail);
   edits_free(es);
   source_close(src);
}

void tour_step_cow(Tour *t, TourText *out) {
   PlatformHandle fd;
   PlatformStat st;
   if (!make_cow(t)) {
      tour_line(out, "%s", _("  the file could not be made"));
      return;
   }
   if (open_said(out, t->cow, false, &fd, &st) != 0)
      return;
   private_write(out, fd);
   tour_line(out, "%s", _("  the flush writes the edited bytes itself (pwrite, then fsync):"));
   flush_edit(t, out);
   file_byte(out, fd, COW_AT, 'W', _("(written by the flush)"));
   platform_close(fd);
}

/* ---- 10: unmap and close ------------------------------------------------- */

/* Say whether ADDR is in the process's map list. */
static void in_map_list(TourText *out, const void *addr) {
   PlatformProcRegion *r;
   size_t n;
   char err[96];
   int rc = platform_proc_regions(platform_self_pid(), false, &r, &n, NULL);
   if (rc != 0) {
      tour_line(out, _("    the map list: %s"), tour_errno(rc, err, sizeof err));
      return;
   }
   uint64_t a = (uint64_t)(uintptr_t)addr;
   const PlatformProcRegion *hit = NULL;
   for (size_t i = 0; i < n && !hit; i++)
      if (a >= r[i].map.start && a < r[i].map.end)
         hit = &r[i];
   if (hit) {
      const char *base = strrchr(hit->map.backing.name, '/');
      char *name = escape_dup(base ? base + 1 : hit->map.backing.name);
      tour_line(out, ngettext("    in the map list: %llu byte %s %s",
                              "    in the map list: %llu bytes %s %s",
                              (unsigned long)(hit->map.end - hit->map.start)),
                (ull)(hit->map.end - hit->map.start), hit->map.perms, name ? name : "?");
      free(name);
   } else {
      tour_line(out, _("    in the map list: no mapping at %p"), addr);
   }
   platform_proc_regions_free(r, n);
}

void tour_step_unmap(Tour *t, TourText *out) {
   PlatformHandle fd;
   PlatformStat st;
   size_t page = platform_page_size();
   void *addr;
   if (open_said(out, t->data, false, &fd, &st) != 0)
      return;
   if (map_said(out, fd, TOUR_LOW_OFFSET, page, PLATFORM_MAP_READ, &addr) == 0) {
      in_map_list(out, addr);
      platform_unmap(addr, page);
      tour_line(out, "  munmap(%p, %zu) = 0", addr, page);
      in_map_list(out, addr);
   }
   tour_line(out, "%s", _("  the leak: map again, then close the descriptor and forget munmap:"));
   int rc = map_said(out, fd, TOUR_LOW_OFFSET, page, PLATFORM_MAP_READ, &addr);
   platform_close(fd);
   tour_line(out, "  close(%d) = 0", (int)fd);
   if (rc == 0) {
      in_map_list(out, addr);
      tour_line(out, "%s", _("    the mapping outlives the descriptor and keeps the file open "
                             "until munmap or the end of the process; the tour unmaps it now"));
      platform_unmap(addr, page);
   }
}
