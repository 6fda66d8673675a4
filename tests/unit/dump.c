/* Unit tests: dump_range() gives the same text whatever the read size, the
 * start offset, or the path (read() or mapped windows); lines cut between
 * reads, squeezed runs that span reads and holes, a failing sink, and a
 * start past the end. */
#include "config.h"

#include "core/dump.h"
#include "core/source.h"
#include "platform/platform.h"
#include "tap.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

static char dir[1024];

static char *path_of(const char *name) {
   static char buf[1100];
   snprintf(buf, sizeof buf, "%s/%s", dir, name);
   return buf;
}

/* ---- a sink in memory, which can be told to fail ------------------------ */

typedef struct {
   char *text;
   size_t len, cap;
   size_t fail_after;         /* 0: never; else ENOSPC once this much is written */
} MemSink;

static int mem_write(void *ctx, const char *buf, size_t len) {
   MemSink *m = ctx;
   if (m->fail_after && m->len + len > m->fail_after)
      return ENOSPC;
   if (m->len + len + 1 > m->cap) {
      m->cap = (m->len + len + 1) * 2;
      m->text = realloc(m->text, m->cap);
      if (!m->text)
         abort();
   }
   memcpy(m->text + m->len, buf, len);
   m->len += len;
   m->text[m->len] = '\0';
   return 0;
}

static char *dump_text(Source *src, const DumpRequest *req, bool *ok_out) {
   MemSink m = { 0 };
   DumpSink sink = { mem_write, &m };
   Error e;
   *ok_out = dump_range(src, req, &sink, &e);
   return m.text ? m.text : strdup("");
}

/* ---- fixtures ------------------------------------------------------------ */

/* Random lines, runs of repeated lines (zero and not), a run that starts
 * in the middle of a line, and a partial last line. */
static size_t fill_pattern(unsigned char *buf) {
   size_t n = 0;
   unsigned seed = 12345;
   for (int i = 0; i < 100; i++, seed = seed * 1103515245 + 12345)
      buf[n++] = (unsigned char)(seed >> 16);
   memset(buf + n, 0, 204);        /* to 0x130: the text run is line-aligned */
   n += 204;
   for (int i = 0; i < 9; i++, n += 16)
      memcpy(buf + n, "ABCDEFGHIJKLMNOP", 16);
   memset(buf + n, 0x41, 300);
   n += 300;
   memcpy(buf + n, "tail", 4);
   return n + 4;
}

static void write_file(const char *name, const unsigned char *buf, size_t len) {
   int fd = open(path_of(name), O_CREAT | O_TRUNC | O_WRONLY, 0644);
   if (fd < 0 || write(fd, buf, len) != (ssize_t)len)
      abort();
   close(fd);
}

static Source *open_file(const char *name) {
   Source *s = NULL;
   Error e;
   if (!source_open(path_of(name), false, &s, &e))
      abort();
   return s;
}

/* ---- the tests ----------------------------------------------------------- */

static void check_chunk_sizes(Source *src, FormatStyle style, const char *what) {
   bool good;
   DumpRequest whole = { .style = style, .length = UINT64_MAX, .chunk_size = src->size };
   char *want = dump_text(src, &whole, &good);
   ok(good && want[0] != '\0', "%s: one read gives text", what);
   int mismatches = 0;
   for (uint64_t start = 0; start < 20; start += 7) {
      DumpRequest ref = whole;
      ref.start = start;
      char *want_at = dump_text(src, &ref, &good);
      for (size_t chunk = 1; chunk <= 40; chunk++) {
         DumpRequest req = ref;
         req.chunk_size = chunk;
         char *got = dump_text(src, &req, &good);
         if (!good || strcmp(got, want_at) != 0)
            mismatches++;
         free(got);
      }
      DumpRequest mapped = ref;
      mapped.mapped = true;
      mapped.window_size = mapped.granularity = platform_page_size();
      char *got = dump_text(src, &mapped, &good);
      ok(good && strcmp(got, want_at) == 0, "%s from %llu: mapped windows give the same text",
         what, (unsigned long long)start);
      free(got);
      free(want_at);
   }
   is_u64(mismatches, 0, "%s: reads of 1 to 40 bytes give the same text as one read", what);
   free(want);
}

static void test_squeeze_across_reads(Source *src) {
   bool good;
   DumpRequest req = { .style = FORMAT_HEXDUMP_C, .length = UINT64_MAX, .chunk_size = 5 };
   char *got = dump_text(src, &req, &good);
   /* 100 random bytes end inside line 0x60; the zeros that follow make
    * whole lines from 0x70, and 0x80 repeats it. */
   ok(strstr(got, "00000070  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n*\n")
      != NULL, "a zero run read 5 bytes at a time is squeezed into one '*'");
   ok(strstr(got, "|ABCDEFGHIJKLMNOP|\n*\n") != NULL, "so is a run of repeated text lines");
   ok(strstr(got, "*\n*\n") == NULL, "never two '*' lines in a row");
   free(got);
}

static void test_holes(void) {
   int fd = open(path_of("sparse"), O_CREAT | O_TRUNC | O_WRONLY, 0644);
   if (fd < 0 || ftruncate(fd, 3 << 20) != 0 || pwrite(fd, "island", 6, (1 << 20) + 5) != 6)
      abort();
   close(fd);
   Source *src = open_file("sparse");
   bool good;
   DumpRequest req = { .style = FORMAT_HEXDUMP_C, .length = UINT64_MAX, .chunk_size = 3 };
   char *got = dump_text(src, &req, &good);
   is_str(got,
          "00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n"
          "*\n"
          "00100000  00 00 00 00 00 69 73 6c  61 6e 64 00 00 00 00 00  |.....island.....|\n"
          "00100010  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n"
          "*\n"
          "00300000\n", "holes read as zeros around data, 3-byte reads");
   req.mapped = true;
   req.window_size = req.granularity = platform_page_size();
   char *mapped = dump_text(src, &req, &good);
   is_str(mapped, got, "the same through mapped windows");
   free(mapped);
   free(got);
   source_close(src);
}

static void test_errors(Source *src) {
   MemSink m = { .fail_after = 1000 };
   DumpSink sink = { mem_write, &m };
   DumpRequest req = { .style = FORMAT_XXD, .length = UINT64_MAX, .chunk_size = 7 };
   Error e;
   ok(!dump_range(src, &req, &sink, &e) && e.code == ERR_WRITE && e.sys_errno == ENOSPC,
      "a full output device: ERR_WRITE with ENOSPC");
   free(m.text);
   memset(&m, 0, sizeof m);
   req.start = src->size + 1;
   ok(dump_range(src, &req, &sink, &e), "a start past the end: success, as xxd");
   ok(m.len == 0, "prints nothing");
   req.start = src->size;
   ok(dump_range(src, &req, &sink, &e) && m.len == 0, "a start at the end: nothing, and success");
   req.style = FORMAT_HEXDUMP_C;
   req.start = src->size + 100;
   char want[32];
   snprintf(want, sizeof want, "%08llx\n", (unsigned long long)src->size);
   ok(dump_range(src, &req, &sink, &e) && m.len == strlen(want) && memcmp(m.text, want, m.len) == 0,
      "a start past the end, hexdump -C: the size, as hexdump prints it");
   free(m.text);
}

int main(void) {
   plan_lazy();
   if (!tap_scratch(dir, sizeof dir, "dump") || !mkdtemp(dir))
      return 99;
   unsigned char buf[1024];
   size_t len = fill_pattern(buf);
   write_file("pattern", buf, len);
   Source *src = open_file("pattern");
   check_chunk_sizes(src, FORMAT_HEXDUMP_C, "hexdump -C");
   check_chunk_sizes(src, FORMAT_XXD, "xxd");
   test_squeeze_across_reads(src);
   test_errors(src);
   source_close(src);
   test_holes();
   unlink(path_of("pattern"));
   unlink(path_of("sparse"));
   rmdir(dir);
   return done_testing();
}
