/* source_reopen.c - a second descriptor on the object a Source names. */
#include "config.h"

#include "core/source.h"
#include "core/gettext.h"

#include <stdlib.h>
#include <string.h>

bool source_reopen(const Source *src, bool writable, PlatformHandle *h, PlatformStat *st, Error *e) {
   if (!source_can(src, SOURCE_CAN_EDIT)) {
      error_set(e, ERR_READ_ONLY, 0, "%s", _("this kind of source cannot be edited"));
      return false;
   }
   const char *prefix = src->ops->prefix;
   const char *name = src->spec;
   if (prefix && strncmp(name, prefix, strlen(prefix)) == 0)
      name += strlen(prefix);
   Source fresh;
   memset(&fresh, 0, sizeof fresh);
   fresh.ops = src->ops;
   fresh.spec = src->spec;
   fresh.handle = PLATFORM_HANDLE_NONE;
   fresh.writable = writable;
   fresh.expect = src->pinned ? &src->st : NULL;   /* a listed object: only it */
   if (!fresh.ops->open(&fresh, name, writable, e)) {
      free(fresh.name);
      return false;
   }
   if (!source_check_expected(&fresh, &fresh.st, e)) {
      fresh.ops->close(&fresh);
      free(fresh.name);
      return false;
   }
   if (fresh.handle == PLATFORM_HANDLE_NONE) {
      fresh.ops->close(&fresh);
      free(fresh.name);
      error_set(e, ERR_READ_ONLY, 0, "%s", _("this kind of source cannot be edited"));
      return false;
   }
   free(fresh.name);
   *h = fresh.handle;
   *st = fresh.st;
   return true;
}
