/* mode_dump.c - --dump and --xxd: a range of the source to stdout. */
#include "config.h"

#include "app/mode_dump.h"
#include "app/diag.h"
#include "app/objfmt.h"
#include "app/range.h"
#include "app/recovery.h"
#include "core/dump.h"
#include "core/gettext.h"
#include "core/offset.h"
#include "core/window.h"
#include "platform/files.h"


#define DUMP_WINDOW_DEFAULT (8u << 20)
#define DUMP_PIPE_SIZE (1u << 20)    /* the default pipe-max-size */

static int write_out(void *ctx, const char *buf, size_t len) {
   return platform_write_all(*(PlatformHandle *)ctx, buf, len);
}

int mode_dump_run(const Options *o) {
   Error e;
   Source *src;
   if (!source_open_reading(o->source, &src, &e))
      return diag_error(o->source, &e);
   recovery_warn(src);        /* read-only: says so, writes nothing */
   DumpRequest req = {
      .style = o->mode == MODE_XXD ? FORMAT_XXD : FORMAT_HEXDUMP_C,
      /* -W and -g are about windows: given, they ask for mapped ones. */
      .mapped = o->windows_given,
      .verbose = o->verbose,
      .granularity = o->granularity,
   };
   req.window_size = window_round_size(o->window_size ? o->window_size : DUMP_WINDOW_DEFAULT,
                                       o->granularity);
   int status = range_resolve(o, src, &req.start, &req.length);
   if (status < 0) {
      PlatformHandle out = platform_stdout();
      DumpSink sink = { write_out, &out };
      platform_widen_pipe(out, DUMP_PIPE_SIZE);
      if (!dump_range(src, &req, &sink, &e))
         status = diag_error(e.code == ERR_WRITE ? NULL : src->spec, &e);
      else
         status = 0;
   }
   source_close(src);
   return status;
}
