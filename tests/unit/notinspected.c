/* The processes a scan could not inspect, as --info and --list print
 * them: counted with ngettext, one line each with pid, command (escaped:
 * a command is any text its process chose) and why; in JSON with a
 * reason, "exited" for one that ended during the scan. */
#include "config.h"

#include "tap.h"
#include "app/objfmt.h"
#include "core/objects.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *printed(void (*fn)(FILE *, const ObjList *), const ObjList *l) {
   char *buf = NULL;
   size_t len = 0;
   FILE *f = open_memstream(&buf, &len);
   if (!f)
      return NULL;
   fn(f, l);
   fclose(f);
   return buf;
}

int main(void) {
   plan_lazy();
   ObjList l;
   objects_init(&l, 4096);
   char *none = printed(objfmt_denied, &l);
   is_str(none, "", "none refused: no note");
   free(none);
   objects_process_denied(&l, 42, "evil\x1b[2Jname", EACCES, "process 42 belongs to user x");
   objects_process_denied(&l, 43, "gone", ESRCH, "it exited during the scan");
   char *text = printed(objfmt_denied, &l);
   ok(text && strstr(text, "Note: 2 processes could not be inspected, their attachers are not shown:\n"),
      "the count, in the plural");
   ok(text && strstr(text, "    42 evil\\e[2Jname: process 42 belongs to user x\n"),
      "pid, escaped command and why");
   ok(text && strstr(text, "    43 gone: it exited during the scan\n"), "one that exited");
   ok(text && !strchr(text, '\x1b'), "no raw escape reaches the output");
   free(text);
   char *json = printed(objfmt_denied_json, &l);
   ok(json && strstr(json, "{\"pid\":43,\"command\":\"gone\",\"reason\":\"exited\","),
      "JSON: exited during the scan");
   ok(json && strstr(json, "{\"pid\":42,\"command\":\"evil\\u001b[2Jname\",\"reason\":\"refused\","),
      "JSON: refused, the command escaped as JSON");
   free(json);
   objects_free(&l);
   objects_init(&l, 4096);
   objects_process_denied(&l, 7, "one", EPERM, "why");
   text = printed(objfmt_denied, &l);
   ok(text && strstr(text, "Note: 1 process could not be inspected, its attachers are not shown:\n"),
      "the count, in the singular");
   free(text);
   objects_free(&l);
   return done_testing();
}
