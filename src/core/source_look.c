/* source_look.c - what the name of a source leads to now (source.h). */
#include "config.h"

#include "core/source.h"
#include "platform/namelook.h"

#include <errno.h>
#include <string.h>

void source_look_name(const Source *s, SourceLook *out) {
   memset(out, 0, sizeof *out);
   out->state = SOURCE_LOOK_SAME;
   if (s->ops->look)
      s->ops->look(s, out);
}

/* RC and NOW, what looking at the name gave, against the object S holds. */
static void judge(const Source *s, int rc, const PlatformStat *now, int read_err,
                  SourceLook *out) {
   if (rc == 0) {
      out->now = *now;
      out->read_err = read_err;
      out->state = platform_same_object(now, &s->st) ? SOURCE_LOOK_SAME : SOURCE_LOOK_REPLACED;
      return;
   }
   if (rc != ENOENT && rc != ENOTDIR) {
      out->state = SOURCE_LOOK_UNKNOWN;
      out->err = rc;
      return;
   }
   uint64_t links = 0;
   if (s->handle != PLATFORM_HANDLE_NONE && platform_links(s->handle, &links) == 0 && links > 0)
      out->state = SOURCE_LOOK_AWAY;
   else
      out->state = SOURCE_LOOK_REMOVED;
}

void source_look_path(const Source *s, SourceLook *out) {
   PlatformStat now;
   int read_err = 0;
   int rc = platform_look_path(s->name, &now, &read_err);
   judge(s, rc, &now, read_err, out);
}

void source_look_shm(const Source *s, SourceLook *out) {
   PlatformStat now;
   int read_err = 0;
   int rc = platform_look_shm(s->name, &now, &read_err);
   judge(s, rc, &now, read_err, out);
}
