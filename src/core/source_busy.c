/* source_busy.c - refusing to write to a mounted or held block device. */
#include "config.h"

#include "core/source_busy.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "platform/blockdev.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* ", X" after the first of LIST, each escaped. */
static size_t append_list(char *buf, size_t size, size_t used, char **list, size_t n) {
   char esc[512];
   for (size_t i = 0; i < n && used < size; i++) {
      escape_into(esc, sizeof esc, list[i]);
      used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? ", " : "", esc);
   }
   return used;
}

bool source_block_users(Source *s, char *buf, size_t size) {
   buf[0] = '\0';
   if (s->st.kind != PLATFORM_KIND_BLOCK || s->handle == PLATFORM_HANDLE_NONE)
      return true;
   PlatformBlockUsers u;
   int rc = platform_blockdev_users(s->handle, &u);
   size_t used = 0;
   if (rc == 0 && u.nmounts) {
      used = (size_t)snprintf(buf, size, "%s ", _("mounted on"));
      used = append_list(buf, size, used, u.mounts, u.nmounts);
   }
   if (rc == 0 && u.nholders && used < size) {
      used += (size_t)snprintf(buf + used, size - used, "%s%s ", used ? "; " : "",
                               _("held by"));
      append_list(buf, size, used, u.holders, u.nholders);
   }
   platform_blockdev_users_free(&u);
   return rc == 0;
}

bool source_check_unclaimed(Source *s, bool force, const char *force_how, Error *e) {
   if (force || s->st.kind != PLATFORM_KIND_BLOCK || s->handle == PLATFORM_HANDLE_NONE)
      return true;
   int rc = platform_blockdev_exclusive(s->handle);
   if (rc == 0)
      return true;
   char who[512];
   if (rc != EBUSY) {
      error_set(e, ERR_FLUSH, rc, _("cannot tell whether the device is in use; %s writes anyway"),
                force_how);
      return false;
   }
   if (!source_block_users(s, who, sizeof who) || !who[0])
      snprintf(who, sizeof who, "%s", _("claimed by another program"));
   error_set(e, ERR_FLUSH, 0, _("the block device is in use: %s; %s writes anyway"), who,
             force_how);
   return false;
}
