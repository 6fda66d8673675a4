/* diag.c - printing errors. */
#include "config.h"

#include "app/diag.h"
#include "core/escape.h"
#include "core/gettext.h"

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

int diag_error(const char *subject, const Error *e) {
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

int diag_bad_value(const char *opt, const char *value, const char *what, const char *why) {
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
   Error e;
   error_set(&e, ERR_WRITE, errno ? errno : EIO, NULL);
   return diag_error(NULL, &e);
}
