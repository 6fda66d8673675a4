/* tour.c - the tour's steps in one table, the objects it owns, its text. */
#include "config.h"

#include "app/tour_internal.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "platform/files.h"
#include "platform/mapping.h"
#include "platform/processes.h"
#include "platform/scene.h"
#include "platform/tour.h"
#include "core/grow.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The single source of truth of the tour: one row a concept of the
 * article, in its order. */
typedef struct {
   const char *title;             /* N_() */
   const char *windows;           /* N_(): the Windows counterpart, one sentence */
   TourStepFn run;
} TourStep;

static const TourStep steps[TOUR_STEPS] = {
   { .title = N_("a view at an aligned offset"),
     .windows = N_("Windows: MapViewOfFile(hMap, FILE_MAP_READ, dwFileOffsetHigh, "
                   "dwFileOffsetLow, 4096) takes the 64-bit offset as two 32-bit words, "
                   "and it must be a multiple of the allocation granularity (64 KiB, "
                   "GetSystemInfo's dwAllocationGranularity)."),
     .run = tour_step_aligned },
   { .title = N_("an unaligned offset"),
     .windows = N_("Windows: MapViewOfFile fails with ERROR_MAPPED_ALIGNMENT at an offset "
                   "that is not a multiple of 64 KiB; the caller maps from the offset "
                   "rounded down and adds the delta to the address it gets."),
     .run = tour_step_unaligned },
   { .title = N_("a zero-length object"),
     .windows = N_("Windows: CreateFileMapping refuses a file of length 0 (with size 0 "
                   "asked) with ERROR_FILE_INVALID; Linux maps it and faults on the first "
                   "touch, so mapscope refuses it before mapping."),
     .run = tour_step_empty },
   { .title = N_("a named mapping shared by two processes"),
     .windows = N_("Windows: CreateFileMapping(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, "
                   "0, 4096, name) makes a pagefile-backed section; a second process "
                   "calls OpenFileMapping(FILE_MAP_WRITE, FALSE, name) and MapViewOfFile."),
     .run = tour_step_named },
   { .title = N_("creating a name that exists"),
     .windows = N_("Windows: CreateFileMapping with a name that exists returns the existing "
                   "section and GetLastError() says ERROR_ALREADY_EXISTS; there is no "
                   "O_EXCL, the caller must check."),
     .run = tour_step_excl },
   { .title = N_("copy-on-write, then the flush"),
     .windows = N_("Windows: PAGE_WRITECOPY and FILE_MAP_COPY give the same private copies; "
                   "FlushViewOfFile then FlushFileBuffers write a shared view to disk, and "
                   "a copy-on-write view is never written back there either."),
     .run = tour_step_cow },
   { .title = N_("one name, two kinds of object"),
     .windows = N_("Windows: sections, mutexes, events and semaphores share one name space; "
                   "CreateFileMapping with the name of a mutex, event or semaphore fails "
                   "with ERROR_INVALID_HANDLE."),
     .run = tour_step_clash },
   { .title = N_("name spaces"),
     .windows = N_("Windows: a name may start with Global\\ (every session) or Local\\ "
                   "(this session, the default); Linux separates names with IPC name "
                   "spaces (System V, message queues) and mount name spaces (/dev/shm)."),
     .run = tour_step_namespaces },
   { .title = N_("a header at the head of shared memory"),
     .windows = N_("Windows: the article puts a struct with the mapping's size and name at "
                   "the head of the view, so that a process that opens it by name knows "
                   "what it got; the same works on any system."),
     .run = tour_step_header },
   { .title = N_("unmap and close"),
     .windows = N_("Windows: UnmapViewOfFile(base) then CloseHandle(hMap) and "
                   "CloseHandle(hFile); a view not unmapped stays until the process ends, "
                   "and holds the section and the file open."),
     .run = tour_step_unmap },
};

const char *tour_title(size_t i) {
   return i < TOUR_STEPS ? _(steps[i].title) : "";
}

void tour_text_clear(TourText *tt) {
   for (size_t i = 0; i < tt->n; i++)
      free(tt->lines[i]);
   free(tt->lines);
   memset(tt, 0, sizeof *tt);
}

void tour_line(TourText *tt, const char *fmt, ...) {
   char buf[1024];
   va_list ap;
   va_start(ap, fmt);
   vsnprintf(buf, sizeof buf, fmt, ap);
   va_end(ap);
   char **l = grow_for_one(tt->lines, &tt->cap, tt->n, sizeof *l, 32);
   if (!l)
      return;
   tt->lines = l;
   char *copy = strdup(buf);
   if (copy)
      tt->lines[tt->n++] = copy;
}

void tour_run(Tour *t, size_t i, TourText *out) {
   tour_text_clear(out);
   if (i >= TOUR_STEPS)
      return;
   tour_line(out, _("Step %zu of %d: %s"), i + 1, TOUR_STEPS, tour_title(i));
   tour_line(out, "%s", "");
   steps[i].run(t, out);
   tour_line(out, "%s", "");
   tour_line(out, "%s", _(steps[i].windows));
}

/* ---- errno names: the symbol a man page uses, then the text -------------- */

const char *tour_errno(int err, char *buf, size_t bufsz) {
   static const struct {
      int err;
      const char *name;
   } names[] = {
      { EINVAL, "EINVAL" }, { EEXIST, "EEXIST" }, { ENOENT, "ENOENT" }, { EPERM, "EPERM" },
      { EFAULT, "EFAULT" }, { EACCES, "EACCES" }, { ENOSYS, "ENOSYS" }, { ENOMEM, "ENOMEM" },
      { ETIMEDOUT, "ETIMEDOUT" }, { EBUSY, "EBUSY" }, { EROFS, "EROFS" }, { ENOSPC, "ENOSPC" },
   };
   if (err == 0) {
      snprintf(buf, bufsz, "%s", _("0 (success)"));
      return buf;
   }
   const char *name = "E?";
   for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
      if (names[i].err == err)
         name = names[i].name;
   snprintf(buf, bufsz, "%s (%s)", name, strerror(err));
   return buf;
}

void tour_preview(const unsigned char *p, size_t n, char *out, size_t outsz) {
   char text[128];
   size_t len = 0;
   while (len < n && len < sizeof text - 1 && p[len] != '\0' && p[len] != '\n')
      len++;
   memcpy(text, p, len);
   text[len] = '\0';
   char *shown = escape_dup(text);
   snprintf(out, outsz, "\"%s\"%s", shown ? shown : "?", len < n && p[len] == '\n' ? "\\n" : "");
   free(shown);
}

/* ---- the objects --------------------------------------------------------- */

/* snprintf(OUT, SIZE, ...) that says whether all of it fitted. */
static bool name_fits(char *out, size_t size, const char *fmt, const char *a, const char *b) {
   int n = snprintf(out, size, fmt, a, b);
   return n >= 0 && (size_t)n < size;
}

/* The tour's names; false when a path does not fit (a long TMPDIR): a cut
 * name could be another tour's. */
static bool tour_names(Tour *t) {
   t->pid = platform_self_pid();
   t->shm_fd = PLATFORM_HANDLE_NONE;
   snprintf(t->base, sizeof t->base, "mapscope-tour-%d", t->pid);
   t->ns_key = 0x4d540000u | ((uint32_t)t->pid & 0xffffu);
   return name_fits(t->dir, sizeof t->dir, "%s/%s", platform_temp_dir(), t->base)
          && name_fits(t->data, sizeof t->data, "%s/%s", t->dir, "data.bin")
          && name_fits(t->empty, sizeof t->empty, "%s/%s", t->dir, "empty.bin")
          && name_fits(t->cow, sizeof t->cow, "%s/%s", t->dir, "cow.bin")
          && name_fits(t->shm, sizeof t->shm, "/%s%s", t->base, "")
          && name_fits(t->hdr, sizeof t->hdr, "/%s%s", t->base, ".header")
          && name_fits(t->clash, sizeof t->clash, "/%s%s", t->base, ".clash")
          && name_fits(t->clash_shm, sizeof t->clash_shm, "/sem.%s%s", t->base, ".clash")
          && name_fits(t->ns, sizeof t->ns, "/%s%s", t->base, ".ns");
}

/* Does the file at FD keep holes?  Its first page is data, the rest of
 * its SIZE bytes was never written: a hole where the file system has them
 * (and says so through SEEK_HOLE). */
static bool keeps_holes(PlatformHandle fd, uint64_t size) {
   uint64_t start, end;
   return platform_next_data(fd, 0, size, &start, &end) == 0 && end < size;
}

/* A text at each offset the steps map, so each view shows what it is.  The
 * file is made small first: only a file system that keeps holes gets the
 * 4 GiB one (elsewhere it would write 4 GiB of zeros, or fail). */
static int make_data(Tour *t) {
   static const char head[] = "mapscope tour data file: offset 0\n";
   char mark[96];
   int rc = platform_file_create(t->data, head, sizeof head - 1);
   t->made_data = rc == 0;
   PlatformHandle fd = PLATFORM_HANDLE_NONE;
   PlatformStat st;
   if (rc == 0)
      rc = platform_file_resize(t->data, TOUR_SMALL_SIZE);
   if (rc == 0)
      rc = platform_open_path(t->data, true, &fd, &st);
   t->sparse = rc == 0 && keeps_holes(fd, TOUR_SMALL_SIZE);
   if (t->sparse)
      rc = platform_file_resize(t->data, TOUR_DATA_SIZE);
   unsigned long long at[] = { TOUR_LOW_OFFSET, TOUR_UNALIGNED, TOUR_HIGH_OFFSET };
   size_t marks = t->sparse ? 3 : 2;
   for (size_t i = 0; rc == 0 && i < marks; i++) {
      int n = snprintf(mark, sizeof mark, "here is offset 0x%llx\n", at[i]);
      rc = platform_write_at(fd, mark, (size_t)n, at[i]);
   }
   if (fd != PLATFORM_HANDLE_NONE)
      platform_close(fd);
   return rc;
}

Tour *tour_new(Error *e, const char **what) {
   Tour *t = calloc(1, sizeof *t);
   if (!t) {
      error_set(e, ERR_TOUR, ENOMEM, NULL);
      *what = N_("the tour");
      return NULL;
   }
   *what = N_("the tour's directory");
   if (!tour_names(t)) {
      error_set(e, ERR_TOUR, ENAMETOOLONG, NULL);
      free(t);
      return NULL;
   }
   platform_tour_sweep(platform_temp_dir(), "mapscope-tour-", &t->swept, &t->stale_kept);
   int rc = platform_dir_make(t->dir);
   t->made_dir = rc == 0;
   if (rc == 0) {
      *what = N_("the tour's data file");
      rc = make_data(t);
   }
   if (rc != 0) {
      error_set(e, ERR_TOUR, rc, NULL);
      tour_free(t);
      return NULL;
   }
   return t;
}

void tour_free(Tour *t) {
   if (!t)
      return;
   if (t->shm_addr)
      platform_unmap(t->shm_addr, TOUR_SHM_SIZE);
   if (t->shm_fd != PLATFORM_HANDLE_NONE)
      platform_close(t->shm_fd);
   if (t->clash_sem)
      platform_sem_close(t->clash_sem);
   const struct {
      bool made;
      int (*remove)(const char *);
      const char *name;
   } parts[] = {
      { t->made_shm, platform_shm_remove, t->shm },
      { t->made_hdr, platform_shm_remove, t->hdr },
      { t->made_clash, platform_sem_remove, t->clash },
      { t->made_clash_twin, platform_shm_remove, t->clash },
      { t->made_data, platform_file_remove, t->data },
      { t->made_empty, platform_file_remove, t->empty },
      { t->made_cow, platform_file_remove, t->cow },
      { t->made_dir, platform_dir_remove, t->dir },
   };
   for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
      if (parts[i].made)
         parts[i].remove(parts[i].name);
   free(t);
}

bool tour_sweep_note(const Tour *t, char *out, size_t outsz) {
   int n = 0;
   out[0] = '\0';
   if (t->swept)
      n = snprintf(out, outsz, ngettext("removed %u object left by a tour that was killed",
                                        "removed %u objects left by tours that were killed",
                                        t->swept), t->swept);
   if (t->stale_kept && n >= 0 && (size_t)n < outsz)
      snprintf(out + n, outsz - (size_t)n,
               ngettext("%s%u object of a killed tour is left (another user's, or not what a "
                        "tour makes)", "%s%u objects of killed tours are left (another user's, "
                        "or not what a tour makes)", t->stale_kept),
               n ? "; " : "", t->stale_kept);
   return out[0] != '\0';
}

int tour_pid(const Tour *t) {
   return t->pid;
}

void tour_banner(const Tour *t, char *out, size_t outsz) {
   char *dir = escape_dup(t->dir);
   snprintf(out, outsz, _("mapscope tour (pid %d): it makes /%s* and %s; all of it is removed "
                          "when the tour ends"), t->pid, t->base, dir ? dir : "?");
   free(dir);
}
