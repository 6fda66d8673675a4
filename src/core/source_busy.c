/* source_busy.c - refusing to write to a mounted or held block device. */
#include "config.h"

#include "core/source_busy.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "platform/blockdev.h"
#include "platform/files.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* ", X" after the first of LIST; each escaped when ESCAPE. */
static size_t append_list(char *buf, size_t size, size_t used, char **list, size_t n,
                          bool escape) {
   char esc[512];
   for (size_t i = 0; i < n && used < size; i++) {
      if (escape)
         escape_into(esc, sizeof esc, list[i]);
      used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? ", " : "",
                               escape ? esc : list[i]);
   }
   return used;
}

/* The users of the block device open as H, as source_block_users() says
 * them: the names escaped or (for an Error's detail, which whoever prints
 * it escapes) as they are. */
static bool block_users(PlatformHandle h, char *buf, size_t size, bool escape) {
   buf[0] = '\0';
   PlatformBlockUsers u;
   int rc = platform_blockdev_users(h, &u);
   size_t used = 0;
   if (rc == 0 && u.nmounts) {
      used = (size_t)snprintf(buf, size, "%s ", _("mounted on"));
      used = append_list(buf, size, used, u.mounts, u.nmounts, escape);
   }
   if (rc == 0 && u.nholders && used < size) {
      used += (size_t)snprintf(buf + used, size - used, "%s%s ", used ? "; " : "",
                               _("held by"));
      append_list(buf, size, used, u.holders, u.nholders, escape);
   }
   platform_blockdev_users_free(&u);
   return rc == 0;
}

bool source_block_users(Source *s, char *buf, size_t size) {
   buf[0] = '\0';
   if (s->st.kind != PLATFORM_KIND_BLOCK || s->handle == PLATFORM_HANDLE_NONE)
      return true;
   return block_users(s->handle, buf, size, true);
}

/* E for a device the kernel would not give us alone (RC from the O_EXCL
 * open): who uses it, once, unescaped (the printer escapes the detail). */
static bool refuse(PlatformHandle h, int rc, ErrorCode code, const char *force_how, Error *e) {
   char who[512];
   if (rc != EBUSY) {
      error_set(e, code, rc, _("cannot tell whether the device is in use; %s writes anyway"),
                force_how);
      return false;
   }
   if (!block_users(h, who, sizeof who, false) || !who[0])
      snprintf(who, sizeof who, "%s", _("claimed by another program"));
   error_set(e, code, 0, _("the block device is in use: %s; %s writes anyway"), who,
             force_how);
   return false;
}

bool source_check_unclaimed(Source *s, bool force, const char *force_how, Error *e) {
   if (force || s->st.kind != PLATFORM_KIND_BLOCK || s->handle == PLATFORM_HANDLE_NONE)
      return true;
   int rc = platform_blockdev_exclusive(s->handle);
   return rc == 0 || refuse(s->handle, rc, ERR_FLUSH, force_how, e);
}

bool source_claim_for_write(PlatformHandle *fd, bool force, const char *force_how,
                            ErrorCode code, Error *e) {
   if (force)
      return true;
   PlatformHandle excl;
   int rc = platform_blockdev_claim(*fd, &excl);
   if (rc == ENOTBLK)
      return true;             /* no block device: nothing to claim */
   if (rc != 0)
      return refuse(*fd, rc, code, force_how, e);
   platform_close(*fd);
   *fd = excl;
   return true;
}
