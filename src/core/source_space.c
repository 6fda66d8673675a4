/* source_space.c - a full file system behind a SIGBUS. */
#include "config.h"

#include "core/source_space.h"
#include "core/gettext.h"
#include "platform/fsspace.h"

const char source_fs_full_text[] =
   N_("the file system is full: the page over a hole could not be allocated");

bool source_fs_full(const Source *s) {
   bool full = false;
   return s->handle != PLATFORM_HANDLE_NONE && platform_fs_full(s->handle, &full) == 0 && full;
}
