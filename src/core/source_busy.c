/* source_busy.c - refusing to write to a block device that others use, or
 * to the backing file of a loop device that others use. */
#include "config.h"

#include "core/source_busy.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "platform/blockdev.h"
#include "platform/files.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* printf into BUF at *USED, never past SIZE. */
static void add(char *buf, size_t size, size_t *used, const char *fmt, const char *a,
                const char *b) {
   if (*used >= size)
      return;
   int n = snprintf(buf + *used, size - *used, fmt, a, b);
   *used += n > 0 ? (size_t)n : 0;
   if (*used >= size)
      *used = size;
}

/* "; " before every part but the first. */
static const char *sep(size_t used) {
   return used ? "; " : "";
}

/* NAME into OUT, escaped when ESCAPE (an Error's detail holds names as
 * they are: its printer escapes them, once). */
static const char *shown(char *out, size_t size, const char *name, bool escape) {
   if (!escape)
      return name;
   escape_into(out, size, name);
   return out;
}

/* ", X" after the first of LIST. */
static void add_list(char *buf, size_t size, size_t *used, char **list, size_t n,
                     bool escape) {
   char esc[512];
   for (size_t i = 0; i < n; i++)
      add(buf, size, used, "%s%s", i ? ", " : "", shown(esc, sizeof esc, list[i], escape));
}

/* "WHAT LIST" ("mounted on /a, /b"), or for partition PART "its
 * partition PART is WHAT LIST". */
static void add_use(char *buf, size_t size, size_t *used, const char *part, const char *what,
                    char **list, size_t n, bool escape) {
   char esc[128];
   if (!n)
      return;
   add(buf, size, used, "%s", sep(*used), "");
   if (part)
      add(buf, size, used, _("its partition %s is "), shown(esc, sizeof esc, part, escape), "");
   add(buf, size, used, "%s ", what, "");
   add_list(buf, size, used, list, n, escape);
}

static void users_text(const PlatformBlockUsers *u, char *buf, size_t size, bool escape) {
   size_t used = 0;
   buf[0] = '\0';
   add_use(buf, size, &used, NULL, _("mounted on"), u->mounts, u->nmounts, escape);
   for (size_t i = 0; i < u->nparts; i++)
      add_use(buf, size, &used, u->parts[i].name, _("mounted on"), u->parts[i].mounts,
              u->parts[i].nmounts, escape);
   add_use(buf, size, &used, NULL, _("held by"), u->holders, u->nholders, escape);
   for (size_t i = 0; i < u->nparts; i++)
      add_use(buf, size, &used, u->parts[i].name, _("held by"), u->parts[i].holders,
              u->parts[i].nholders, escape);
   if (u->swap)
      add(buf, size, &used, "%s%s", sep(used), _("used as swap space"));
   for (size_t i = 0; i < u->nparts; i++) {
      char esc[128];
      if (!u->parts[i].swap)
         continue;
      add(buf, size, &used, "%s", sep(used), "");
      add(buf, size, &used, _("its partition %s is used as swap space"),
          shown(esc, sizeof esc, u->parts[i].name, escape), "");
   }
   if (u->claimed)
      add(buf, size, &used, "%s%s", sep(used), _("claimed exclusively by another program"));
}

void source_block_users_text(const PlatformBlockUsers *u, char *buf, size_t size) {
   users_text(u, buf, size, true);
}

/* "it backs /dev/loop0, which is in use: mounted on /mnt" for each loop
 * device in use that the file open as H backs. */
static bool file_users(PlatformHandle h, char *buf, size_t size, bool escape) {
   PlatformFileLoops l;
   int rc = platform_file_loops(h, &l);
   size_t used = 0;
   buf[0] = '\0';
   for (size_t i = 0; rc == 0 && i < l.nloops; i++) {
      if (!platform_blockdev_in_use(&l.loops[i].users))
         continue;
      char who[1024], node[256];
      users_text(&l.loops[i].users, who, sizeof who, escape);
      add(buf, size, &used, "%s", sep(used), "");
      add(buf, size, &used, _("it backs %s, which is in use: %s"),
          shown(node, sizeof node, l.loops[i].node, escape), who);
   }
   platform_file_loops_free(&l);
   return rc == 0;
}

/* The users of the block device open as H. */
static bool block_users(PlatformHandle h, char *buf, size_t size, bool escape) {
   PlatformBlockUsers u;
   int rc = platform_blockdev_users(h, &u);
   buf[0] = '\0';
   if (rc == 0)
      users_text(&u, buf, size, escape);
   platform_blockdev_users_free(&u);
   return rc == 0;
}

bool source_block_users(Source *s, char *buf, size_t size) {
   buf[0] = '\0';
   if (s->handle == PLATFORM_HANDLE_NONE)
      return true;
   if (s->st.kind == PLATFORM_KIND_REGULAR)
      return file_users(s->handle, buf, size, true);
   if (s->st.kind != PLATFORM_KIND_BLOCK)
      return true;
   return block_users(s->handle, buf, size, true);
}

/* A file open as H: refused while a loop device it backs is in use.  A
 * file cannot be claimed as a device can, so this is a look.  When the
 * loop devices cannot be listed, the file is written as any file. */
static bool check_file(PlatformHandle h, ErrorCode code, const char *force_how, Error *e) {
   char who[1024];
   if (!file_users(h, who, sizeof who, false) || !who[0])
      return true;
   error_set(e, code, 0, _("the file is in use: %s; %s writes anyway"), who, force_how);
   return false;
}

/* E for a device the kernel would not give us alone (RC from the O_EXCL
 * open): who uses it, once, unescaped (the printer escapes the detail). */
static bool refuse(PlatformHandle h, int rc, ErrorCode code, const char *force_how, Error *e) {
   char who[1024];
   if (rc != EBUSY) {
      error_set(e, code, rc, _("cannot tell whether the device is in use; %s writes anyway"),
                force_how);
      return false;
   }
   if (!block_users(h, who, sizeof who, false) || !who[0])
      snprintf(who, sizeof who, "%s", _("claimed exclusively by another program"));
   error_set(e, code, 0, _("the block device is in use: %s; %s writes anyway"), who,
             force_how);
   return false;
}

bool source_check_unclaimed(Source *s, bool force, const char *force_how, Error *e) {
   if (force || s->handle == PLATFORM_HANDLE_NONE)
      return true;
   if (s->st.kind == PLATFORM_KIND_REGULAR)
      return check_file(s->handle, ERR_FLUSH_REFUSED, force_how, e);
   if (s->st.kind != PLATFORM_KIND_BLOCK)
      return true;
   int rc = platform_blockdev_exclusive(s->handle);
   return rc == 0 || refuse(s->handle, rc, ERR_FLUSH_REFUSED, force_how, e);
}

bool source_claim_for_write(PlatformHandle *fd, bool force, const char *force_how,
                            ErrorCode code, Error *e) {
   if (force)
      return true;
   PlatformHandle excl;
   int rc = platform_blockdev_claim(*fd, &excl);
   if (rc == ENOTBLK)          /* no block device: a file may back a loop device */
      return check_file(*fd, code, force_how, e);
   if (rc != 0)
      return refuse(*fd, rc, code, force_how, e);
   platform_close(*fd);
   *fd = excl;
   return true;
}
