/* The processes a scan could not inspect, as --info and --list print
 * them: counted with ngettext, one line for each reason (its text with
 * the pid left out), with the count and the pids cut with an ellipsis past
 * ten, a lone process with its command (escaped: a command is any text its
 * process chose); in JSON every process, with a reason, "exited" for one
 * that ended during the scan. */
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
   ok(text && strstr(text, "    1 process (42 evil\\e[2Jname): process 42 belongs to user x\n"),
      "pid, escaped command and why");
   ok(text && strstr(text, "    1 process (43 gone): it exited during the scan\n"), "one that exited");
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

   /* 30 processes of one user, 2 of another, 1 that exited: three lines */
   objects_init(&l, 4096);
   char why[128];
   for (int pid = 100; pid < 130; pid++) {
      snprintf(why, sizeof why, "process %d belongs to user root (uid 0): needs CAP_SYS_PTRACE", pid);
      objects_process_denied(&l, pid, "daemon", EACCES, why);
      if (pid == 101 || pid == 102) {
         snprintf(why, sizeof why, "process %d belongs to user bin (uid 2): needs CAP_SYS_PTRACE",
                  1000 + pid);
         objects_process_denied(&l, 1000 + pid, "bind", EACCES, why);
      }
   }
   objects_process_denied(&l, 7, "gone", ESRCH, "it exited during the scan");
   text = printed(objfmt_denied, &l);
   ok(text && strstr(text, "Note: 33 processes could not be inspected, their attachers are not shown:\n"),
      "grouped: the total");
   ok(text && strstr(text, "    30 processes (pids 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, ...): "
                           "process 100 belongs to user root (uid 0): needs CAP_SYS_PTRACE\n"),
      "one line for a reason: the count, ten pids, an ellipsis, the first one's why");
   ok(text && strstr(text, "    2 processes (pids 1101, 1102): process 1101 belongs to user bin"),
      "another reason: its own line, its pids whole");
   ok(text && strstr(text, "    1 process (7 gone): it exited during the scan\n"), "a lone one");
   size_t lines = 0;
   for (const char *p = text; p && *p; p++)
      lines += *p == '\n';
   is_u64((uint64_t)lines, 4, "the note and one line for each of the three reasons");
   free(text);
   json = printed(objfmt_denied_json, &l);
   size_t entries = 0;
   for (const char *p = json; p && (p = strstr(p, "{\"pid\":")); p++)
      entries++;
   is_u64((uint64_t)entries, 33, "JSON: every process, one entry each");
   free(json);
   objects_free(&l);
   return done_testing();
}
