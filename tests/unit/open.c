/* open.c - opening only what was looked at: platform_open_same() refuses a
 * name that leads elsewhere since its stat, source_open_expect() refuses an
 * object other than the one expected, before reading a byte of it. */
#include "config.h"

#include "core/source.h"
#include "tap.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/mapscope-open.XXXXXX";

static void put(const char *name, const char *text, char *path, size_t size) {
   snprintf(path, size, "%s/%s", dir, name);
   FILE *f = fopen(path, "w");
   if (f) {
      fputs(text, f);
      fclose(f);
   }
}

static void test_platform(void) {
   char a[256], b[256], buf[16];
   PlatformStat seen, st;
   int fd = -1;
   size_t got = 0;
   put("a", "first", a, sizeof a);
   put("b", "second", b, sizeof b);
   is_u64(platform_stat_path(a, &seen), 0, "stat a, without opening it");
   ok(seen.kind == PLATFORM_KIND_REGULAR, "... a regular file");
   is_u64(platform_open_same(a, false, &seen, &fd, &st), 0, "a is still a: opened");
   ok(platform_same_object(&st, &seen), "... the object stat'ed");
   ok(platform_read_at(fd, buf, 5, 0, &got) == 0 && got == 5 && memcmp(buf, "first", 5) == 0,
      "... its bytes");
   platform_close(fd);
   ok(rename(b, a) == 0, "b renamed over a");
   fd = -1;
   is_u64(platform_open_same(a, false, &seen, &fd, &st), ESTALE, "a now leads elsewhere: ESTALE");
   ok(fd == -1, "... and no descriptor was handed out");
   PlatformStat dev;
   ok(platform_stat_path("/dev/null", &dev) == 0 && dev.kind == PLATFORM_KIND_CHAR,
      "/dev/null: a character device, said without opening it");
}

static void test_source(void) {
   char c[256], d[256];
   put("c", "listed", c, sizeof c);
   put("d", "other", d, sizeof d);
   PlatformStat listed;
   platform_stat_path(c, &listed);
   Source *s = NULL;
   Error e;
   ok(source_open_expect(c, false, &listed, &s, &e), "the object listed opens");
   ok(s && s->pinned, "... and stays pinned to it");
   int fd;
   PlatformStat st;
   ok(s && source_reopen(s, false, &fd, &st, &e), "... its reopen finds the same object");
   if (s && fd >= 0)
      platform_close(fd);
   source_close(s);
   s = NULL;
   bool opened = source_open_expect(d, false, &listed, &s, &e);
   ok(!opened && e.code == ERR_SWAPPED, "another object is refused: %s (%s)",
      error_message(e.code), e.detail);
   ok(strstr(e.detail, "listed: a file") && strstr(e.detail, "now: a file"),
      "... naming what was listed and what is there");
   ok(s == NULL, "... and nothing is returned");
   ok(source_open(c, false, &s, &e), "without an expectation it opens");
   ok(s && !s->pinned, "... unpinned");
   source_close(s);
   listed.kind = PLATFORM_KIND_REGULAR;
   ok(source_open_expect(c, false, &listed, &s, &e), "opened pinned once more");
   ok(rename(d, c) == 0, "another file renamed over it");
   ok(!source_reopen(s, true, &fd, &st, &e) && e.code == ERR_SWAPPED,
      "a pinned source's reopen (the flush's) refuses it");
   source_close(s);
}

int main(void) {
   plan_lazy();
   if (!mkdtemp(dir))
      return 1;
   test_platform();
   test_source();
   char cmd[300];
   snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
   if (system(cmd) != 0)
      diag("could not remove %s", dir);
   return done_testing();
}
