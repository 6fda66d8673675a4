/* error.c - the error table. */
#include "config.h"

#include "core/error.h"
#include "core/gettext.h"

#include <stdio.h>
#include <string.h>

static const struct {
   const char *message;
   int exit_status;
} error_table[ERR_COUNT] = {
   [ERR_NONE]            = { N_("success"), 0 },
   [ERR_USAGE]           = { N_("invalid usage"), 2 },
   [ERR_BAD_OFFSET]      = { N_("invalid offset or size"), 2 },
   [ERR_OPEN]            = { N_("cannot open"), 1 },
   [ERR_IS_DIRECTORY]    = { N_("is a directory"), 1 },
   [ERR_NOT_MAPPABLE]    = { N_("cannot be mapped"), 1 },
   [ERR_EMPTY]           = { N_("cannot map a zero-length object"), 1 },
   [ERR_PAST_END]        = { N_("offset is past the end"), 1 },
   [ERR_BAD_NAME]        = { N_("invalid shared-memory name"), 2 },
   [ERR_BAD_SOURCE]      = { N_("invalid source"), 2 },
   [ERR_MAP]             = { N_("cannot map"), 1 },
   [ERR_SHRANK]          = { N_("the object shrank while it was mapped"), 1 },
   [ERR_SHRANK_READ]     = { N_("the object shrank while it was read"), 1 },
   [ERR_READ]            = { N_("read error"), 1 },
   [ERR_WRITE]           = { N_("write error"), 1 },
   [ERR_BAD_GRANULARITY] = { N_("invalid granularity"), 2 },
   [ERR_BAD_PATTERN]     = { N_("invalid search pattern"), 2 },
   [ERR_SCAN]            = { N_("cannot list the named objects"), 1 },
   [ERR_NO_OBJECT]       = { N_("no such object"), 1 },
   [ERR_DEMO]            = { N_("cannot build the demo"), 1 },
   [ERR_TOUR]            = { N_("cannot make the tour's objects"), 1 },
   [ERR_READ_ONLY]       = { N_("cannot edit"), 1 },
   [ERR_CHANGED]         = { N_("the object changed since editing began"), 1 },
   [ERR_FLUSH]           = { N_("flush failed"), 1 },
   [ERR_JOURNAL]         = { N_("flush journal error"), 1 },
   [ERR_TERMINAL]        = { N_("cannot start the screen"), 1 },
   [ERR_SWAPPED]         = { N_("refused: the name leads to another object"), 1 },
   [ERR_PROC_DENIED]     = { N_("cannot access the process's memory"), 1 },
   [ERR_PROC_GONE]       = { N_("no such process"), 1 },
   [ERR_UNREADABLE]      = { N_("cannot read the process's memory there"), 1 },
   [ERR_BAD_SEM_NAME]    = { N_("invalid semaphore name"), 2 },
   [ERR_BEFORE_START]    = { N_("offset is before the start"), 1 },
   [ERR_FLUSH_REFUSED]   = { N_("flush refused"), 1 },
};

void error_set(Error *e, ErrorCode code, int sys_errno, const char *detail_fmt, ...) {
   if (!e)
      return;
   e->code = code;
   e->sys_errno = sys_errno;
   e->detail[0] = '\0';
   e->cli_hint_at = 0;
   if (detail_fmt) {
      va_list ap;
      va_start(ap, detail_fmt);
      vsnprintf(e->detail, sizeof e->detail, detail_fmt, ap);
      va_end(ap);
   }
}

const char *error_message(ErrorCode code) {
   if ((unsigned)code >= ERR_COUNT)
      code = ERR_USAGE;
   return error_table[code].message;
}

int error_exit_status(ErrorCode code) {
   if ((unsigned)code >= ERR_COUNT)
      return 1;
   return error_table[code].exit_status;
}

void error_add_cli_hint(Error *e, const char *hint) {
   if (!e)
      return;
   size_t at = strlen(e->detail);
   snprintf(e->detail + at, sizeof e->detail - at, "; %s", hint);
   e->cli_hint_at = (unsigned short)at;
}

void error_for_screen(Error *e) {
   if (e && e->cli_hint_at && e->cli_hint_at < sizeof e->detail)
      e->detail[e->cli_hint_at] = '\0';
   if (e)
      e->cli_hint_at = 0;
}
