/* source_life.c - the whole life of the object on the screen, stage by
 * stage, beside its Windows twin (source.h, SourceLife).
 *
 * The view and copy stages are the kind's own describe_map(); the kind's
 * describe_life() adds how it is opened, flushed, unmapped and closed. */
#include "config.h"

#include "core/source.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "core/mapinfo.h"

#include <stdio.h>
#include <string.h>

typedef unsigned long long ull;

static const char *const stage_names[SOURCE_STAGES] = {
   [SOURCE_STAGE_OPEN] = N_("1 open"),
   [SOURCE_STAGE_VIEW] = N_("2 view"),
   [SOURCE_STAGE_COPY] = N_("3 copy"),
   [SOURCE_STAGE_FLUSH] = N_("4 flush"),
   [SOURCE_STAGE_UNMAP] = N_("5 unmap"),
   [SOURCE_STAGE_CLOSE] = N_("6 close"),
};

const char *source_stage_name(SourceStage stage) {
   return (unsigned)stage < SOURCE_STAGES ? _(stage_names[stage]) : "?";
}

/* What the pages of a view in MODE are on Windows (VirtualQuery's Protect). */
static const char *windows_page_protection(PlatformMapMode mode) {
   switch (mode) {
   case PLATFORM_MAP_SHARED:  return "PAGE_READWRITE";
   case PLATFORM_MAP_PRIVATE: return "PAGE_WRITECOPY";
   case PLATFORM_MAP_READ:
   default:                   return "PAGE_READONLY";
   }
}

/* A view stage from the call the kind makes (or made) for it. */
static void view_stage(const Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                       const void *addr, SourceLifeStep *st) {
   SourceMapCall c;
   source_describe_map(s, offset, len, mode, addr, &c);
   const void *result = c.result ? c.result : addr;
   if (result)
      snprintf(st->call, sizeof st->call, "%s(%s) = %p", c.function, c.args, result);
   else
      snprintf(st->call, sizeof st->call, "%s(%s)", c.function, c.args);
   snprintf(st->windows, sizeof st->windows, "%s", c.windows);
   snprintf(st->prot, sizeof st->prot, "%s%s%s", c.prot, c.prot[0] && c.flags[0] ? ", " : "",
            c.flags);
   snprintf(st->windows_prot, sizeof st->windows_prot, "%s, %s", windows_page_protection(mode),
            mapinfo_access_name(mode));
   snprintf(st->note, sizeof st->note, "%s", c.note);
}

void source_describe_life(const Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                          const void *addr, const void *copy_addr, SourceLife *out) {
   memset(out, 0, sizeof *out);
   view_stage(s, offset, len, mode, addr, &out->step[SOURCE_STAGE_VIEW]);
   SourceLifeStep *copy = &out->step[SOURCE_STAGE_COPY];
   if (source_can(s, SOURCE_CAN_MAP)) {
      view_stage(s, offset, len, PLATFORM_MAP_PRIVATE, copy_addr, copy);
      if (!copy_addr)
         snprintf(copy->note, sizeof copy->note, "%s", _("made at the first edit in this window"));
   } else {
      snprintf(copy->note, sizeof copy->note, "%s", _("none: nothing is mapped"));
   }
   if (s->ops->describe_life)
      s->ops->describe_life(s, len, out);
   else
      snprintf(out->step[SOURCE_STAGE_OPEN].note, sizeof out->step[SOURCE_STAGE_OPEN].note,
               "%s", _("this kind of object does not say how it is opened, flushed and closed"));
}

/* The name of S as the calls were given it, escaped. */
static void escaped_name(const Source *s, char *out, size_t outsz) {
   escape_into(out, outsz, s->name ? s->name : "");
}

void source_fd_describe_life(const Source *s, size_t len, SourceLife *out) {
   SourceLifeStep *f = &out->step[SOURCE_STAGE_FLUSH];
   if (source_can(s, SOURCE_CAN_EDIT)) {
      snprintf(f->call, sizeof f->call,
               "pwrite(%d, ...) + fsync(%d) (a MAP_SHARED view: msync(MS_SYNC))",
               (int)s->handle, (int)s->handle);
      snprintf(f->windows, sizeof f->windows, "%s",
               "WriteFile(hFile, ...) + FlushFileBuffers(hFile) (a FILE_MAP_WRITE view: "
               "FlushViewOfFile + FlushFileBuffers)");
      snprintf(f->note, sizeof f->note, "%s",
               _("at W or :flush, on a descriptor opened again for writing, under flock(), "
                 "after a journal of the old bytes (fsync'd); msync() and FlushViewOfFile() "
                 "write nothing of a copy-on-write view"));
   } else {
      snprintf(f->note, sizeof f->note, _("none: a %s is not edited here"), _(s->ops->kind));
   }
   SourceLifeStep *u = &out->step[SOURCE_STAGE_UNMAP];
   snprintf(u->call, sizeof u->call, "munmap(addr, %llu)", (ull)len);
   snprintf(u->windows, sizeof u->windows, "UnmapViewOfFile(addr)");
   snprintf(u->note, sizeof u->note, "%s",
            _("when the window moves on (a window holding edits stays mapped) and at close"));
   SourceLifeStep *c = &out->step[SOURCE_STAGE_CLOSE];
   snprintf(c->call, sizeof c->call, "close(%d)", (int)s->handle);
   snprintf(c->windows, sizeof c->windows, "CloseHandle(hMap) + CloseHandle(hFile)");
   snprintf(c->note, sizeof c->note, "%s", _("when the view closes; a mapping outlives it"));
}

/* ---- the open stages of the kinds that share it ----------------------- */

void source_life_open_path(const Source *s, SourceLife *out) {
   char name[160];
   escaped_name(s, name, sizeof name);
   SourceLifeStep *o = &out->step[SOURCE_STAGE_OPEN];
   snprintf(o->call, sizeof o->call, "open(\"%s\", %s) = %d", name,
            s->writable ? "O_RDWR" : "O_RDONLY", (int)s->handle);
   snprintf(o->windows, sizeof o->windows,
            "CreateFile(\"%s\", %s, FILE_SHARE_READ|FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL)"
            " + CreateFileMapping(hFile, NULL, %s, 0, 0, NULL)",
            name, s->writable ? "GENERIC_READ|GENERIC_WRITE" : "GENERIC_READ",
            s->writable ? "PAGE_READWRITE" : "PAGE_READONLY");
   snprintf(o->note, sizeof o->note, "%s",
            _("through an O_PATH descriptor checked first; mmap() needs no mapping object"));
}

void source_life_read_path(const Source *s, size_t len, SourceLife *out) {
   source_fd_describe_life(s, len, out);
   source_life_open_path(s, out);
   SourceLifeStep *o = &out->step[SOURCE_STAGE_OPEN];
   char *plus = strstr(o->windows, " + CreateFileMapping");
   if (plus)
      *plus = '\0';
   snprintf(out->step[SOURCE_STAGE_CLOSE].windows, sizeof out->step[SOURCE_STAGE_CLOSE].windows,
            "CloseHandle(hFile)");
}

void source_life_open_shm(const Source *s, const char *windows_name, SourceLife *out) {
   char name[160], win[160];
   escaped_name(s, name, sizeof name);
   escape_into(win, sizeof win, windows_name);
   SourceLifeStep *o = &out->step[SOURCE_STAGE_OPEN];
   snprintf(o->call, sizeof o->call, "shm_open(\"%s\", %s, 0) = %d", name,
            s->writable ? "O_RDWR" : "O_RDONLY", (int)s->handle);
   snprintf(o->windows, sizeof o->windows, "OpenFileMapping(%s, FALSE, \"Local\\\\%s\")",
            s->writable ? "FILE_MAP_WRITE" : "FILE_MAP_READ", win);
   snprintf(o->note, sizeof o->note, "%s",
            _("its maker called shm_open(O_CREAT) + ftruncate(), Windows' "
              "CreateFileMapping(INVALID_HANDLE_VALUE, ..., name): memory backed by swap "
              "or the paging file"));
}

/* ---- residency ---------------------------------------------------------- */

int source_residency(const Source *s, uint64_t offset, const void *addr, size_t npages,
                     unsigned char *state, PlatformResidency *how, int *why) {
   *why = 0;
   if (!s->ops->residency) {
      memset(state, 0, npages);
      *how = PLATFORM_RESIDENCY_UNKNOWN;
      return 0;
   }
   return s->ops->residency(s, offset, addr, npages, state, how, why);
}

int source_fd_residency(const Source *s, uint64_t offset, const void *addr, size_t npages,
                        unsigned char *state, PlatformResidency *how, int *why) {
   return platform_cache_pages(s->handle, offset, addr, npages, state, how, why);
}
