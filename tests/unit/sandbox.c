/* sandbox.c - the libmagic child's sandbox: the same answers as libmagic
 * in this process, no privileges (nobody when started by root), the
 * seccomp filter active, and the kernel's deadline. */
#include "config.h"

#include "core/inspect.h"
#include "tap.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char dir[] = "/tmp/mapscope-sandbox.XXXXXX";

static const char *make_file(const char *name, const void *bytes, size_t len) {
   static char path[256];
   snprintf(path, sizeof path, "%s/%s", dir, name);
   FILE *f = fopen(path, "wb");
   if (!f || fwrite(bytes, 1, len, f) != len || fclose(f) != 0)
      return NULL;
   return path;
}

/* The sandboxed answer for NAME equals libmagic's answer in this process. */
static void same_answer(const char *name, const void *bytes, size_t len) {
   char here[INSPECT_TEXT_MAX], there[INSPECT_TEXT_MAX];
   const char *path = make_file(name, bytes, len);
   Source *src;
   Error e;
   if (!ok(path && source_open(path, false, &src, &e), "%s: made and opened", name))
      return;
   inspect_magic_buffer(bytes, len, here, sizeof here);
   inspect_magic(src, there, sizeof there);
   is_str(there, here, "%s: the sandboxed child says what libmagic says", name);
   ok(there[0] != '(', "%s: a type was found: %s", name, there);
   source_close(src);
}

static void test_answers(void) {
   static const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
      0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 16, 0, 0, 0, 16, 8, 6, 0, 0, 0 };
   static const unsigned char gz[] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0,
      0, 0, 0, 0 };
   static const char sh[] = "#!/bin/sh\necho hello\n";
   static const char text[] = "just some words\nin a text file\n";
   unsigned char elf[4096];
   FILE *self = fopen("/proc/self/exe", "rb");
   size_t n = self ? fread(elf, 1, sizeof elf, self) : 0;
   if (self)
      fclose(self);
   same_answer("elf", elf, n);
   same_answer("png", png, sizeof png);
   same_answer("gzip", gz, sizeof gz);
   same_answer("script", sh, sizeof sh - 1);
   same_answer("text", text, sizeof text - 1);
}

static Source *open_text(void) {
   static const char text[] = "some text\n";
   const char *path = make_file("probe", text, sizeof text - 1);
   Source *src = NULL;
   Error e;
   ok(path && source_open(path, false, &src, &e), "a file to look at");
   return src;
}

/* Inside the child, open() of a file anyone may read fails: the filter. */
static void test_filter(Source *src) {
   char out[INSPECT_TEXT_MAX], want[64];
   long uid = getuid() == 0 ? 65534 : (long)getuid();
   snprintf(want, sizeof want, "open: errno %d, uid %ld", HAVE_SECCOMP ? EPERM : 0, uid);
   setenv("MAPSCOPE_TEST_SANDBOX", "open:/etc/passwd", 1);
   inspect_magic(src, out, sizeof out);
   unsetenv("MAPSCOPE_TEST_SANDBOX");
   is_str(out, want, "open() in the child: refused by seccomp, as nobody when root");
}

/* The line of /proc/PID/status that starts with KEY, or "". */
static void status_line(int pid, const char *key, char *out, size_t outsz) {
   char path[64], line[256];
   snprintf(path, sizeof path, "/proc/%d/status", pid);
   out[0] = '\0';
   FILE *f = fopen(path, "r");
   while (f && fgets(line, sizeof line, f))
      if (strncmp(line, key, strlen(key)) == 0) {
         size_t n = strcspn(line, "\n");
         while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
            n--;
         line[n] = '\0';
         snprintf(out, outsz, "%s", line);
      }
   if (f)
      fclose(f);
}

static double now_s(void) {
   struct timespec t;
   clock_gettime(CLOCK_MONOTONIC, &t);
   return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* A child that never answers: seen from outside while it runs, then killed
 * by its own deadline (before ours). */
static void test_live_child(Source *src) {
   char seccomp[64] = "", line[256], want[256], out[INSPECT_TEXT_MAX];
   InspectJob job;
   setenv("MAPSCOPE_TEST_SANDBOX", "spin", 1);
   double t0 = now_s();
   inspect_magic_start(src, &job);
   unsetenv("MAPSCOPE_TEST_SANDBOX");
   ok(job.running, "the child runs");
   const char *filtered = HAVE_SECCOMP ? "Seccomp:\t2" : "Seccomp:\t0";
   for (int i = 0; i < 500 && strcmp(seccomp, filtered) != 0; i++) {
      usleep(10000);
      status_line(job.child.pid, "Seccomp:", seccomp, sizeof seccomp);
   }
   is_str(seccomp, filtered, "the running child is in seccomp filter mode");
   status_line(job.child.pid, "NoNewPrivs:", line, sizeof line);
   is_str(line, "NoNewPrivs:\t1", "... with no_new_privs");
   long uid = getuid() == 0 ? 65534 : (long)getuid();
   snprintf(want, sizeof want, "Uid:\t%ld\t%ld\t%ld\t%ld", uid, uid, uid, uid);
   status_line(job.child.pid, "Uid:", line, sizeof line);
   is_str(line, want, "... as nobody when root (real, effective, saved, fs)");
   if (getuid() == 0) {
      status_line(job.child.pid, "Groups:", line, sizeof line);
      is_str(line, "Groups:", "... with no supplementary groups");
   }
   ok(!inspect_magic_finish(&job, out, sizeof out, 3 * INSPECT_TIMEOUT_MS),
      "a child that never answers gives no type: %s", out);
   double took = now_s() - t0;
   ok(took < INSPECT_TIMEOUT_MS / 1000.0 + 2, "the kernel killed it at its deadline (%.1f s)", took);
}

int main(void) {
   plan_lazy();
   if (!mkdtemp(dir))
      return 1;
   test_answers();
   Source *src = open_text();
   if (src) {
      test_filter(src);
      test_live_child(src);
      source_close(src);
   }
   char cmd[300];
   snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
   if (system(cmd) != 0)
      diag("could not remove %s", dir);
   return done_testing();
}
