/* source_busy.c - refusing to write to a block device that others use, or
 * to the backing file of a loop device that others use. */
#include "config.h"

#include "core/source_busy.h"
#include "core/escape.h"
#include "core/gettext.h"

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

/* ", X" after the first of LIST, each escaped. */
static void add_list(char *buf, size_t size, size_t *used, char **list, size_t n) {
   char esc[512];
   for (size_t i = 0; i < n; i++) {
      escape_into(esc, sizeof esc, list[i]);
      add(buf, size, used, "%s%s", i ? ", " : "", esc);
   }
}

/* "WHAT LIST" ("mounted on /a, /b"), or for partition PART "its
 * partition PART is WHAT LIST". */
static void add_use(char *buf, size_t size, size_t *used, const char *part, const char *what,
                    char **list, size_t n) {
   if (!n)
      return;
   add(buf, size, used, "%s", sep(*used), "");
   if (part) {
      char esc[128];
      escape_into(esc, sizeof esc, part);
      add(buf, size, used, _("its partition %s is "), esc, "");
   }
   add(buf, size, used, "%s ", what, "");
   add_list(buf, size, used, list, n);
}

void source_block_users_text(const PlatformBlockUsers *u, char *buf, size_t size) {
   size_t used = 0;
   buf[0] = '\0';
   add_use(buf, size, &used, NULL, _("mounted on"), u->mounts, u->nmounts);
   for (size_t i = 0; i < u->nparts; i++)
      add_use(buf, size, &used, u->parts[i].name, _("mounted on"), u->parts[i].mounts,
              u->parts[i].nmounts);
   add_use(buf, size, &used, NULL, _("held by"), u->holders, u->nholders);
   for (size_t i = 0; i < u->nparts; i++)
      add_use(buf, size, &used, u->parts[i].name, _("held by"), u->parts[i].holders,
              u->parts[i].nholders);
   if (u->swap)
      add(buf, size, &used, "%s%s", sep(used), _("used as swap space"));
   for (size_t i = 0; i < u->nparts; i++) {
      char esc[128];
      if (!u->parts[i].swap)
         continue;
      escape_into(esc, sizeof esc, u->parts[i].name);
      add(buf, size, &used, "%s", sep(used), "");
      add(buf, size, &used, _("its partition %s is used as swap space"), esc, "");
   }
   if (u->claimed)
      add(buf, size, &used, "%s%s", sep(used), _("claimed exclusively by another program"));
}

/* "it backs /dev/loop0, which is in use: mounted on /mnt" for each loop device
 * in use that the file S is open on backs. */
static bool file_users(Source *s, char *buf, size_t size) {
   PlatformFileLoops l;
   int rc = platform_file_loops(s->handle, &l);
   size_t used = 0;
   for (size_t i = 0; rc == 0 && i < l.nloops; i++) {
      if (!platform_blockdev_in_use(&l.loops[i].users))
         continue;
      char who[1024], node[256];
      source_block_users_text(&l.loops[i].users, who, sizeof who);
      escape_into(node, sizeof node, l.loops[i].node);
      add(buf, size, &used, "%s", sep(used), "");
      add(buf, size, &used, _("it backs %s, which is in use: %s"), node, who);
   }
   platform_file_loops_free(&l);
   return rc == 0;
}

bool source_block_users(Source *s, char *buf, size_t size) {
   buf[0] = '\0';
   if (s->handle == PLATFORM_HANDLE_NONE)
      return true;
   if (s->st.kind == PLATFORM_KIND_REGULAR)
      return file_users(s, buf, size);
   if (s->st.kind != PLATFORM_KIND_BLOCK)
      return true;
   PlatformBlockUsers u;
   int rc = platform_blockdev_users(s->handle, &u);
   if (rc == 0)
      source_block_users_text(&u, buf, size);
   platform_blockdev_users_free(&u);
   return rc == 0;
}

/* A regular file: refused while a loop device it backs is in use.  When
 * the loop devices cannot be listed, the file is written as any file. */
static bool check_file(Source *s, const char *force_how, Error *e) {
   char who[1024];
   if (!source_block_users(s, who, sizeof who) || !who[0])
      return true;
   error_set(e, ERR_FLUSH, 0, _("the file is in use: %s; %s writes anyway"), who, force_how);
   return false;
}

bool source_check_unclaimed(Source *s, bool force, const char *force_how, Error *e) {
   if (force || s->handle == PLATFORM_HANDLE_NONE)
      return true;
   if (s->st.kind == PLATFORM_KIND_REGULAR)
      return check_file(s, force_how, e);
   if (s->st.kind != PLATFORM_KIND_BLOCK)
      return true;
   int rc = platform_blockdev_exclusive(s->handle);
   if (rc == 0)
      return true;
   char who[1024];
   if (rc != EBUSY) {
      error_set(e, ERR_FLUSH, rc, _("cannot tell whether the device is in use; %s writes anyway"),
                force_how);
      return false;
   }
   if (!source_block_users(s, who, sizeof who) || !who[0])
      snprintf(who, sizeof who, "%s", _("claimed exclusively by another program"));
   error_set(e, ERR_FLUSH, 0, _("the block device is in use: %s; %s writes anyway"), who,
             force_how);
   return false;
}
