/* inspect.c - the libmagic type, found in a child process. */
#include "config.h"

#include "core/inspect.h"
#include "tap.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

static void say_hello(void *ctx, char *out, size_t outsz) {
   snprintf(out, outsz, "hello %s", (const char *)ctx);
}

static void crash(void *ctx, char *out, size_t outsz) {
   (void)ctx;
   (void)out;
   (void)outsz;
   signal(SIGSEGV, SIG_DFL);
   raise(SIGSEGV);
}

static void hang(void *ctx, char *out, size_t outsz) {
   (void)ctx;
   (void)out;
   (void)outsz;
   pause();
}

static void test_isolated(void) {
   char out[64];
   static char who[] = "child";
   is_u64(platform_run_isolated(say_hello, who, out, sizeof out, 5000), 0, "a child runs");
   is_str(out, "hello child", "and its text comes back");
   is_u64(platform_run_isolated(say_hello, who, out, 4, 5000), 0, "a short buffer");
   is_str(out, "hel", "the text is cut, terminated");
   ok(platform_run_isolated(crash, NULL, out, sizeof out, 5000) != 0, "a crash in the child is an error");
   is_u64(platform_run_isolated(hang, NULL, out, sizeof out, 200), ETIMEDOUT, "a hung child is killed");
}

#ifndef HAVE_LIBMAGIC
/* Built without libmagic: every type says so, and no child is started. */
static void test_magic(void) {
   char out[160];
   static const unsigned char elf[64] = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0 };
   ok(!inspect_magic_buffer(elf, sizeof elf, out, sizeof out), "no type without libmagic");
   is_str(out, "unknown (built without libmagic)", "and the type line says why");
   InspectJob job;
   inspect_magic_start(NULL, &job);
   ok(!job.running && inspect_magic_fd(&job) == -1, "no child runs");
   ok(!inspect_magic_finish(&job, out, sizeof out, 0), "finish: no type");
   is_str(out, "unknown (built without libmagic)", "finish: the same line");
}
#else
static void test_magic(void) {
   char out[160];
   static const unsigned char elf[64] = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0 };
   ok(inspect_magic_buffer(elf, sizeof elf, out, sizeof out) && strstr(out, "ELF"), "ELF: %s", out);
   char path[1024];
   int fd = tap_scratch(path, sizeof path, "inspect") ? mkstemp(path) : -1;
   const char text[] = "just some words\nin a text file\n";
   ok(fd >= 0 && write(fd, text, sizeof text - 1) == (ssize_t)(sizeof text - 1), "text file");
   close(fd);
   Source *src;
   Error e;
   ok(source_open(path, false, &src, &e), "open it");
   ok(inspect_magic(src, out, sizeof out) && strstr(out, "text"), "text: %s", out);
   source_close(src);
   unlink(path);
}
#endif

int main(void) {
   plan_lazy();
   test_isolated();
   test_magic();
   return done_testing();
}
