/* inspect.c - the libmagic type, found in a child process. */
#include "config.h"

#include "core/inspect.h"
#include "tap.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
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

#ifndef HAVE_LIBMAGIC
static void test_scan(void) {
   InspectScan sc;
   inspect_scan_begin(&sc, 0, 100, 1);
   is_u64(inspect_scan_step(&sc, NULL, NULL, NULL), INSPECT_SCAN_FAILED, "no scan without libmagic");
   is_str(sc.type, "libmagic is not built in (configure --without-libmagic)", "and it says so");
   InspectJob job;
   inspect_magic_start_at(NULL, 5, NULL, NULL, &job);
   ok(!job.running, "no lookup at the cursor either");
}
#else
/* A file of SIZE bytes: text, with a minimal PNG (signature, IHDR of a
 * 1 x 1 RGB image and its CRC, as zlib.crc32 gives it) at AT when AT is
 * not past the end. */
static const unsigned char png[33] = {
   0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
   0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde };

static bool make_file(char *path, size_t pathsz, size_t size, size_t at) {
   unsigned char *b = malloc(size);
   int fd = b && tap_scratch(path, pathsz, "scan") ? mkstemp(path) : -1;
   bool ok_ = fd >= 0;
   for (size_t i = 0; ok_ && i < size; i++)
      b[i] = "plain words in a text file\n"[i % 27];
   if (ok_ && at + sizeof png <= size)
      memcpy(b + at, png, sizeof png);
   ok_ = ok_ && write(fd, b, size) == (ssize_t)size;
   if (fd >= 0)
      close(fd);
   free(b);
   return ok_;
}

static InspectScanState scan_all(Source *src, InspectScan *sc) {
   InspectScanState st;
   while ((st = inspect_scan_step(sc, src, NULL, NULL)) == INSPECT_SCAN_MORE
          && (st = inspect_scan_collect(sc, 10000)) == INSPECT_SCAN_MORE)
      ;
   return st;
}

/* A PNG laid over 0x40 of what libmagic is shown: edits reach it. */
static void overlay_png(void *ctx, uint64_t off, unsigned char *buf, size_t len) {
   (void)ctx;
   for (size_t i = 0; i < sizeof png; i++)
      if (0x40 + i >= off && 0x40 + i < off + len)
         buf[0x40 + i - off] = png[i];
}

static void test_scan(void) {
   char path[1024], out[INSPECT_TEXT_MAX];
   Source *src;
   Error e;
   ok(make_file(path, sizeof path, 3000, 0x321), "text with a PNG at 0x321");
   ok(source_open(path, false, &src, &e), "open it");
   InspectJob job;
   inspect_magic_start_at(src, 0x321, NULL, NULL, &job);
   ok(inspect_magic_finish(&job, out, sizeof out, 10000) && strstr(out, "PNG image data, 1 x 1"),
      "the type at 0x321: %s", out);
   inspect_magic_start_at(src, 0x322, NULL, NULL, &job);
   inspect_magic_finish(&job, out, sizeof out, 10000);
   ok(!strstr(out, "PNG"), "one byte on, no PNG: %s", out);

   InspectScan sc;
   inspect_scan_begin(&sc, 1, src->size, 1);
   is_u64(scan_all(src, &sc), INSPECT_SCAN_FOUND, "the scan from 1 finds something");
   is_u64(sc.at, 0x321, "... at 0x321");
   ok(strstr(sc.type, "PNG image data") != NULL, "... a PNG: %s", sc.type);
   ok(sc.calls > 700, "every offset before it was asked (%lu calls)", sc.calls);

   inspect_scan_begin(&sc, 1, src->size, 0x100);
   is_u64(scan_all(src, &sc), INSPECT_SCAN_END, "aligned to 0x100: the PNG at 0x321 is not looked at");
   inspect_scan_begin(&sc, 1, src->size, 0x321);
   is_u64(scan_all(src, &sc), INSPECT_SCAN_FOUND, "aligned to 0x321: it is");
   is_u64(sc.at, 0x321, "... at 0x321");

   /* the edits are laid over what libmagic sees */
   inspect_magic_start_at(src, 0x40, overlay_png, NULL, &job);
   inspect_magic_finish(&job, out, sizeof out, 10000);
   ok(strstr(out, "PNG") != NULL, "an overlaid PNG signature is seen: %s", out);

   /* cancel: the step's child is killed and reaped */
   inspect_scan_begin(&sc, 1, src->size, 1);
   is_u64(inspect_scan_step(&sc, src, NULL, NULL), INSPECT_SCAN_MORE, "a step runs");
   int pid = sc.job.child.pid;
   inspect_scan_cancel(&sc);
   ok(inspect_scan_fd(&sc) == -1 && kill(pid, 0) == -1 && errno == ESRCH,
      "cancel: the child is gone (reaped)");
   source_close(src);
   unlink(path);

   ok(make_file(path, sizeof path, 3000, 3000), "text only");
   ok(source_open(path, false, &src, &e), "open it");
   inspect_scan_begin(&sc, 2000, src->size, 1);
   InspectScanState st = scan_all(src, &sc);
   ok(st == INSPECT_SCAN_END || st == INSPECT_SCAN_FOUND, "text alone: the scan ends");
   ok(st == INSPECT_SCAN_END, "... with nothing recognised (text guesses are off, the last"
      " bytes are no \"very short file\")%s%s",
      st == INSPECT_SCAN_FOUND ? ": " : "", st == INSPECT_SCAN_FOUND ? sc.type : "");
   source_close(src);
   unlink(path);
}
#endif

int main(void) {
   plan_lazy();
   test_isolated();
   test_magic();
   test_scan();
   return done_testing();
}
