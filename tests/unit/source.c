/* Unit tests: opening sources, refusing what cannot be mapped, the SIGBUS
 * guard on a file that shrinks, and the bulk read path. */
#include "config.h"

#include "core/source.h"
#include "core/window.h"
#include "platform/platform.h"
#include "tap.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[1024];

static char *path_of(const char *name) {
   static char buf[1100];
   snprintf(buf, sizeof buf, "%s/%s", dir, name);
   return buf;
}

static void make_file(const char *name, size_t size, unsigned char fill) {
   int fd = open(path_of(name), O_CREAT | O_TRUNC | O_WRONLY, 0644);
   unsigned char *buf = malloc(size ? size : 1);
   memset(buf, fill, size);
   if (size && write(fd, buf, size) != (ssize_t)size)
      abort();
   close(fd);
   free(buf);
}

static void test_refusals(void) {
   Source *s = NULL;
   Error e;
   ok(!source_open(path_of("missing"), false, &s, &e) && e.code == ERR_OPEN,
      "a missing path fails to open");
   ok(!source_open(dir, false, &s, &e) && e.code == ERR_IS_DIRECTORY, "a directory is refused");
   mkfifo(path_of("fifo"), 0600);
   ok(!source_open(path_of("fifo"), false, &s, &e) && e.code == ERR_NOT_MAPPABLE,
      "a FIFO is refused without blocking");
   ok(!source_open("/dev/null", false, &s, &e) && e.code == ERR_NOT_MAPPABLE,
      "a character device is refused");
   ok(!source_open("shm:a/b", false, &s, &e) && e.code == ERR_BAD_NAME, "shm name with '/'");
   ok(!source_open("shm:", false, &s, &e) && e.code == ERR_BAD_NAME, "empty shm name");
   ok(!source_open("shm:..", false, &s, &e) && e.code == ERR_BAD_NAME, "shm name '..'");
   ok(!source_open("", false, &s, &e) && e.code == ERR_BAD_SOURCE, "empty path");

   make_file("empty", 0, 0);
   ok(source_open(path_of("empty"), false, &s, &e), "an empty file opens");
   ok(!source_require_mappable(s, &e) && e.code == ERR_EMPTY, "but cannot be mapped");
   source_close(s);
}

static void test_shm(void) {
   const char *name = "/mapscope-unit-shm";
   int fd = shm_open(name, O_CREAT | O_RDWR, 0600);
   ok(fd >= 0 && ftruncate(fd, 8192) == 0, "test shm object created");
   Source *s = NULL;
   Error e;
   ok(source_open("shm:mapscope-unit-shm", false, &s, &e), "shm:NAME without a slash opens");
   if (s) {
      is_u64(s->size, 8192, "shm size");
      is_str(s->name, name, "the name gains its leading slash");
      source_close(s);
   }
   ok(source_open("shm:/mapscope-unit-shm", false, &s, &e), "shm:/NAME opens too");
   source_close(s);
   close(fd);
   shm_unlink(name);
}

typedef struct {
   const unsigned char *p;
   size_t len;
   unsigned sum;
} Touch;

static void touch_all(void *ctx) {
   Touch *t = ctx;
   for (size_t i = 0; i < t->len; i += 512)
      t->sum += t->p[i];
}

static void test_shrink_guard(void) {
   make_file("shrink", 64 * 1024, 0xab);
   Source *s = NULL;
   Error e;
   ok(source_open(path_of("shrink"), false, &s, &e), "file to shrink opens");
   Window w = { 0 };
   ok(window_map(&w, s, 0, 64 * 1024, platform_page_size(), PLATFORM_MAP_READ, false, &e),
      "window mapped");
   Touch t = { w.addr, (size_t)w.span.length, 0 };
   ok(platform_guard(touch_all, &t, NULL) == 0, "guarded touch of intact file succeeds");
   if (truncate(path_of("shrink"), 4096) != 0)
      abort();
   void *fault = NULL;
   t.sum = 0;
   ok(platform_guard(touch_all, &t, &fault) != 0, "touch past the new end is caught");
   ok((unsigned char *)fault >= w.addr + 4096 && (unsigned char *)fault < w.addr + 65536,
      "the fault address lies past the new end");
   ok(platform_guard(touch_all, &(Touch){ w.addr, 4096, 0 }, NULL) == 0,
      "the guard works again after catching a fault");
   unsigned char copy[8192];
   ok(platform_guarded_copy(copy, w.addr, 4096) == 0 && copy[4095] == 0xab,
      "a guarded copy of what is left succeeds");
   ok(platform_guarded_copy(copy, w.addr + 4096, sizeof copy) == EFAULT,
      "a guarded copy past the new end reports EFAULT");
   ok(source_refresh(s, &e) && s->size == 4096, "refresh sees the new size");
   window_unmap(&w, s);
   source_close(s);
}

static void test_read_path(void) {
   make_file("read", 10000, 0x5a);
   Source *s = NULL;
   Error e;
   unsigned char buf[4096];
   size_t got = 0;
   ok(source_open(path_of("read"), false, &s, &e), "file opens for reading");
   ok(source_read(s, buf, sizeof buf, 8000, &got, &e) && got == 2000, "read stops at the end");
   ok(buf[0] == 0x5a && buf[1999] == 0x5a, "read returns the bytes");
   uint64_t ds, de;
   source_next_data(s, 0, &ds, &de);
   is_u64(ds, 0, "a dense file's data starts at 0");
   source_close(s);

   int fd = open(path_of("sparse"), O_CREAT | O_TRUNC | O_WRONLY, 0644);
   if (pwrite(fd, "x", 1, 1 << 24) != 1)
      abort();
   close(fd);
   ok(source_open(path_of("sparse"), false, &s, &e), "sparse file opens");
   source_next_data(s, 0, &ds, &de);
   ok(ds >= (1 << 20) && ds <= (1 << 24) && de > ds, "the hole before the data is skipped");
   source_close(s);
}

int main(void) {
   plan_lazy();
   if (!tap_scratch(dir, sizeof dir, "unit") || !mkdtemp(dir))
      return 99;
   test_refusals();
   test_shm();
   test_shrink_guard();
   test_read_path();
   char cmd[1100];
   snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
   if (system(cmd) != 0)
      diag("could not remove %s", dir);
   return done_testing();
}
