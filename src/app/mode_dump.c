/* mode_dump.c - --dump and --xxd: a range of the source to stdout. */
#include "config.h"

#include "app/mode_dump.h"
#include "app/diag.h"
#include "core/dump.h"
#include "core/gettext.h"
#include "core/offset.h"
#include "core/window.h"

#include <errno.h>
#include <unistd.h>

#define DUMP_WINDOW_DEFAULT (8u << 20)

static int write_fd(void *ctx, const char *buf, size_t len) {
   int fd = *(int *)ctx;
   while (len > 0) {
      ssize_t n = write(fd, buf, len);
      if (n < 0) {
         if (errno == EINTR)
            continue;
         return errno;
      }
      buf += n;
      len -= (size_t)n;
   }
   return 0;
}

/* Resolve -s and -n against the object's size. */
static int resolve_range(const Options *o, const Source *src, uint64_t *start, uint64_t *length) {
   const char *why = NULL;
   *start = 0;
   *length = UINT64_MAX;
   if (o->skip && !offset_eval(o->skip, OFFSET_AS_START, src->size, 0, start, &why))
      return diag_bad_value("--skip", o->skip, _("invalid offset"), _(why));
   if (o->length && !offset_eval(o->length, OFFSET_AS_LENGTH, src->size, 0, length, &why))
      return diag_bad_value("--length", o->length, _("invalid size"), _(why));
   if (*start > src->size) {
      Error e;
      error_set(&e, ERR_PAST_END, 0, _("offset %llu, size %llu"),
                (unsigned long long)*start, (unsigned long long)src->size);
      return diag_error(src->spec, &e);
   }
   return -1;
}

int mode_dump_run(const Options *o) {
   Error e;
   Source *src;
   if (!source_open(o->source, false, &src, &e))
      return diag_error(o->source, &e);
   DumpRequest req = {
      .style = o->mode == MODE_XXD ? FORMAT_XXD : FORMAT_HEXDUMP_C,
      .granularity = o->granularity,
   };
   req.window_size = window_round_size(o->window_size ? o->window_size : DUMP_WINDOW_DEFAULT,
                                       o->granularity);
   int status = resolve_range(o, src, &req.start, &req.length);
   if (status < 0) {
      int out = STDOUT_FILENO;
      DumpSink sink = { write_fd, &out };
      status = dump_range(src, &req, &sink, &e) ? 0 : diag_error(e.code == ERR_WRITE ? NULL : o->source, &e);
   }
   source_close(src);
   return status;
}
