/* source_shm.c - POSIX shared-memory objects: shm:NAME or shm:/NAME. */
#include "config.h"

#include "core/source.h"
#include "core/gettext.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A POSIX shm name is one path component: "/x", no other '/', not "." or "..",
 * at most SOURCE_SHM_NAME_MAX bytes.  Leading slashes collapse as glibc's shm_open()
 * and sem_open() collapse them (glibc 2.36 posix/shm-directory.c skips every
 * leading '/'): "x", "/x" and "//x" name one object.  Returns the name with
 * one leading '/'. */
char *source_shm_normalize_name(const char *name, Error *e) {
   const char *bare = name;
   while (*bare == '/')
      bare++;
   const char *why = NULL;
   if (*bare == '\0')
      why = _("the name is empty");
   else if (strchr(bare, '/'))
      why = _("a name cannot contain '/' after the first character");
   else if (strcmp(bare, ".") == 0 || strcmp(bare, "..") == 0)
      why = _("\".\" and \"..\" are not names");
   else if (strlen(bare) > SOURCE_SHM_NAME_MAX)
      why = _("the name is longer than 255 bytes");
   if (why) {
      error_set(e, ERR_BAD_NAME, 0, "%s", why);
      return NULL;
   }
   size_t n = strlen(bare);
   char *full = malloc(n + 2);
   if (!full) {
      error_set(e, ERR_OPEN, ENOMEM, NULL);
      return NULL;
   }
   full[0] = '/';
   memcpy(full + 1, bare, n + 1);
   return full;
}

/* NAME in the shared-memory directory is no shared-memory object: --info
 * describes it from ST, every other use is refused; it is never opened
 * (a FIFO would wait or steal a writer's data, a device would act). */
static bool not_shm(Source *s, const PlatformStat *st, bool link, Error *e) {
   if (s->describing) {
      s->st = *st;
      s->not_shm = s->unopened = true;
      s->unopened_link = link;
      s->size = 0;
      return true;
   }
   error_set(e, ERR_NOT_MAPPABLE, 0,
             _("%s is %s in the shared-memory directory, not a shared-memory object; "
               "it was not opened"),
             s->name, link ? _("a symbolic link") : source_kind_word(st->kind));
   return false;
}

bool source_shm_attach(Source *s, bool writable, const char *missing, Error *e) {
   PlatformStat seen;
   bool link = false;
   int rc = platform_stat_shm(s->name, &seen, &link);
   if (rc == 0 && (link || seen.kind != PLATFORM_KIND_REGULAR))
      return not_shm(s, &seen, link, e);
   rc = platform_open_shm(s->name, writable, &s->handle, &s->st);
   if ((rc == EACCES || rc == EPERM) && s->describing && seen.kind == PLATFORM_KIND_REGULAR) {
      s->st = seen;              /* --info: what stat says, and why no more */
      s->size = seen.size;
      s->open_denied = rc;
      return true;
   }
   if (rc != 0) {
      error_set(e, ERR_OPEN, rc, rc == ENOENT ? "%s" : NULL, missing);
      return false;
   }
   if (s->st.kind != PLATFORM_KIND_REGULAR) {   /* replaced since the look */
      PlatformStat now = s->st;
      source_fd_close(s);
      return not_shm(s, &now, false, e);
   }
   if (!source_check_kind(s, e)) {
      source_fd_close(s);
      return false;
   }
   s->size = s->st.size;
   return true;
}

static bool shm_open_source(Source *s, const char *name, bool writable, Error *e) {
   s->name = source_shm_normalize_name(name, e);
   if (!s->name)
      return false;
   char missing[320];
   snprintf(missing, sizeof missing, _("no shared-memory object %s"), s->name);
   return source_shm_attach(s, writable, missing, e);
}

static void shm_life(const Source *s, size_t len, SourceLife *out) {
   source_fd_describe_life(s, len, out);
   source_life_open_shm(s, s->name + 1, out);
   snprintf(out->step[SOURCE_STAGE_CLOSE].windows, sizeof out->step[SOURCE_STAGE_CLOSE].windows,
            "CloseHandle(hMap)");
   snprintf(out->step[SOURCE_STAGE_CLOSE].note, sizeof out->step[SOURCE_STAGE_CLOSE].note, "%s",
            _("the object stays until shm_unlink(); Windows frees it with its last handle"));
}

const SourceOps source_shm_ops = {
   .kind = N_("POSIX shared memory"),
   .prefix = "shm:",
   .caps = SOURCE_CAN_MAP | SOURCE_CAN_READ | SOURCE_CAN_EDIT | SOURCE_CAN_JOURNAL
           | SOURCE_CAN_LOCK | SOURCE_CAN_LIVE | SOURCE_CAN_HOLES,
   .open = shm_open_source,
   SOURCE_FD_OPS(source_fd_next_data),
   .look = source_look_shm,
   .describe_life = shm_life,
};
