/* diag.c - printing errors. */
#include "config.h"

#include "app/diag.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "platform/files.h"
#include "platform/processes.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void (*terminal_hook)(void);

void diag_set_terminal_hook(void (*restore)(void)) {
   terminal_hook = restore;
}

static void restore_terminal(void) {
   if (terminal_hook) {
      void (*hook)(void) = terminal_hook;
      terminal_hook = NULL;
      hook();
   }
   fflush(stdout);
}

static bool broken_pipe;      /* a reader went away: diag_exit() ends as SIGPIPE does */

int diag_error(const char *subject, const Error *e) {
   if (e->code == ERR_WRITE && e->sys_errno == EPIPE) {
      broken_pipe = true;
      return error_exit_status(e->code);
   }
   restore_terminal();
   const char *reason = e->detail[0] ? e->detail : (e->sys_errno ? strerror(e->sys_errno) : NULL);
   char *safe_reason = reason ? escape_dup(reason) : NULL;
   fprintf(stderr, "%s: ", PACKAGE);
   if (subject) {
      char *safe = escape_dup(subject);
      fprintf(stderr, "%s: ", safe);
      free(safe);
   }
   fputs(_(error_message(e->code)), stderr);
   if (safe_reason)
      fprintf(stderr, " (%s)", safe_reason);
   fputc('\n', stderr);
   free(safe_reason);
   if (e->code == ERR_USAGE || e->code == ERR_BAD_OFFSET)
      fprintf(stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
   return error_exit_status(e->code);
}

/* "mapscope: " FMT "\n" on stderr, the terminal restored first. */
static void print_line(const char *fmt, va_list ap) {
   restore_terminal();
   fprintf(stderr, "%s: ", PACKAGE);
   vfprintf(stderr, fmt, ap);
   fputc('\n', stderr);
}

int diag_usage(const char *fmt, ...) {
   va_list ap;
   va_start(ap, fmt);
   print_line(fmt, ap);
   va_end(ap);
   fprintf(stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
   return 2;
}

/* The most of a bad value a message quotes: an argument may be 100 KB. */
#define VALUE_QUOTED 64

int diag_bad_value(const char *opt, const char *value, const char *what, const char *why) {
   char cut[VALUE_QUOTED + 4];
   size_t n = strlen(value);
   if (n > VALUE_QUOTED) {                 /* cut at a character's start, with "..." */
      n = VALUE_QUOTED;
      while (n > 0 && ((unsigned char)value[n] & 0xc0) == 0x80)
         n--;
      snprintf(cut, sizeof cut, "%.*s...", (int)n, value);
      value = cut;
   }
   char *safe = escape_dup(value);
   int rc = why ? diag_usage("%s '%s': %s (%s)", opt, safe, what, why)
                : diag_usage("%s '%s': %s", opt, safe, what);
   free(safe);
   return rc;
}

void diag_warn(const char *fmt, ...) {
   va_list ap;
   va_start(ap, fmt);
   print_line(fmt, ap);
   va_end(ap);
}

int diag_stdout_status(void) {
   if (fflush(stdout) == 0 && !ferror(stdout))
      return 0;
   /* The error may be an earlier write's, its errno overwritten since:
    * a reader that went away is asked of the pipe itself. */
   int err = platform_reader_gone(platform_stdout()) ? EPIPE : errno ? errno : EIO;
   Error e;
   error_set(&e, ERR_WRITE, err, NULL);
   return diag_error(NULL, &e);
}

int diag_exit(int status) {
   if (broken_pipe)
      platform_end_broken_pipe();
   return status;
}
