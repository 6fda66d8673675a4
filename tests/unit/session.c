/* session.c - the viewer's state without a terminal: moves, goto, windows,
 * granularity, and objects that shrink or grow under the view. */
#include "config.h"

#include "app/session.h"
#include "tap.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

static char dir[1024];

static char *make_file(const char *name, uint64_t size, bool pattern) {
   static char path[1100];
   snprintf(path, sizeof path, "%s/%s", dir, name);
   int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
   if (pattern) {
      unsigned char buf[4096];
      for (uint64_t at = 0; at < size; at += sizeof buf) {
         for (size_t i = 0; i < sizeof buf; i++)
            buf[i] = (unsigned char)((at + i) * 7 + (at + i) / 4096);
         size_t n = size - at < sizeof buf ? (size_t)(size - at) : sizeof buf;
         if (write(fd, buf, n) != (ssize_t)n)
            diag("short write");
      }
   } else if (ftruncate(fd, (off_t)size) != 0) {
      diag("ftruncate failed");
   }
   close(fd);
   return path;
}

static unsigned char expected(uint64_t off) {
   return (unsigned char)(off * 7 + off / 4096);
}

static void test_open(void) {
   Session s;
   Error e;
   SessionConfig cfg = { 0, 0, NULL, false, false, NULL };
   ok(!session_open(&s, make_file("empty", 0, false), &cfg, &e) && e.code == ERR_EMPTY,
      "an empty file is refused");
   const char *p = make_file("data", 65536, true);
   cfg.offset = "-16";
   ok(session_open(&s, p, &cfg, &e), "open with -o -16");
   is_u64(s.cursor, 65536 - 16, "-o -16 counts from the end");
   session_close(&s);
   cfg.offset = NULL;
   cfg.magic = true;
   ok(session_open(&s, p, &cfg, &e), "open with the type lookup");
   ok(session_magic_fd(&s) < 0, "the lookup waits for the first screen");
   session_magic_start(&s);
#ifdef HAVE_LIBMAGIC
   ok(session_magic_fd(&s) >= 0, "then runs beside");
#else
   ok(session_magic_fd(&s) < 0, "without libmagic nothing runs beside");
#endif
   session_magic_collect(&s, 5000);
   ok(session_magic_fd(&s) < 0 && s.type[0] != '\0', "and is collected: %s", s.type);
   session_close(&s);
   ok(session_open(&s, p, &cfg, &e), "open again");
   session_magic_start(&s);
   session_close(&s);
   ok(1, "closing with the lookup still running is fine");
   cfg.magic = false;
   cfg.offset = "64K";
   ok(!session_open(&s, p, &cfg, &e) && e.code == ERR_PAST_END, "-o at the end is refused");
   cfg.offset = "zz";
   ok(!session_open(&s, p, &cfg, &e) && e.code == ERR_BAD_OFFSET, "-o zz is refused");
}

static void test_moves(void) {
   Session s;
   Error e;
   SessionConfig cfg = { 0, 0, NULL, false, false, NULL };
   ok(session_open(&s, make_file("data", 65536, true), &cfg, &e), "open");
   session_set_geometry(&s, 16, 10);
   session_move(&s, 16 * 12);
   is_u64(s.cursor, 192, "down 12 rows");
   is_u64(s.top, 192 - 9 * 16, "the view follows: cursor on the last row");
   session_move(&s, -1000);
   ok(s.cursor == 0 && s.top == 0, "back past the start stops at 0");
   session_scroll(&s, 10);
   ok(s.cursor == 160 && s.top == 160, "a screen down");
   session_scroll(&s, 100000);
   is_u64(s.top, 65536 - 160, "scrolling stops with the last row at the bottom");
   is_u64(s.cursor, 65535, "and the cursor on the last byte");
   ok(session_goto(&s, "50%"), "goto 50%%");
   ok(s.cursor == 32768 && s.top == 32768, "50%%: cursor row at the top");
   ok(session_goto(&s, "+0x10"), "goto +0x10");
   is_u64(s.cursor, 32784, "+0x10 moves forward");
   ok(session_goto(&s, ".-4K"), "goto .-4K");
   is_u64(s.cursor, 32784 - 4096, ".-4K moves back");
   ok(session_goto(&s, ".+4K"), "goto .+4K");
   is_u64(s.cursor, 32784, ".+4K moves forward");
   ok(session_goto(&s, "-4K"), "goto -4K");
   is_u64(s.cursor, 65536 - 4096, "-4K counts from the end, as -o -4K");
   ok(session_goto(&s, "100%"), "goto 100%%");
   is_u64(s.cursor, 65535, "100%% is the last byte");
   ok(session_goto(&s, "end"), "goto end");
   ok(s.cursor == 65535 && s.top == 65536 - 160, "end: the last screen");
   ok(!session_goto(&s, "1M") && s.message_is_error, "goto past the end: an error");
   is_u64(s.cursor, 65535, "and the cursor stays");
   ok(!session_goto(&s, "bogus") && s.message_is_error, "goto bogus: an error");
   session_set_geometry(&s, 24, 10);
   is_u64(s.top % 24, 0, "new row size: the top is on a row");
   ok(s.cursor >= s.top && s.cursor < s.top + 240, "and the cursor still shows");

   /* a range that starts on the last row is scrolled wholly into sight */
   session_set_geometry(&s, 16, 10);
   session_set_cursor(&s, 0);
   session_set_cursor(&s, 9 * 16 + 8);
   is_u64(s.top, 0, "a cursor on the last row does not scroll");
   session_show_range(&s, 9 * 16 + 8, 16);
   is_u64(s.top, 16, "its 16-byte match does: one row");
   session_show_range(&s, 9 * 16 + 8, 1000);
   ok(s.top <= 9 * 16 + 8 && s.cursor == 9 * 16 + 8, "a range longer than the screen: its start shows");

   /* marks and the jump back */
   ok(session_goto(&s, "0x100") && session_mark_set(&s, 'a'), "mark a at 0x100");
   ok(session_goto(&s, "end"), "goto end");
   ok(session_mark_go(&s, 'a') && s.cursor == 0x100, "'a: back at 0x100");
   ok(session_jump_back(&s) && s.cursor == 65535, "'': back where the jump came from");
   ok(session_jump_back(&s) && s.cursor == 0x100, "'' again: and back");
   ok(!session_mark_go(&s, 'q') && s.message_is_error, "a mark not set: an error");
   ok(!session_mark_set(&s, '1') && s.message_is_error, "a mark is a letter");
   session_close(&s);
}

/* The name comes to lead elsewhere: noticed, reload refuses, reopen follows. */
static void test_reopen(void) {
   Session s;
   Error e;
   SessionConfig cfg = { 0, 0, NULL, false, false, NULL };
   const char *p = make_file("named", 8192, true);
   ok(session_open(&s, p, &cfg, &e), "open");
   ok(!session_check_identity(&s) && s.name_now.state == SOURCE_LOOK_SAME, "the name leads to it");
   char fresh[4096];
   snprintf(fresh, sizeof fresh, "%s.new", p);
   FILE *f = fopen(fresh, "w");
   fputs("replacement", f);
   fclose(f);
   ok(rename(fresh, p) == 0, "mv new f");
   ok(session_check_identity(&s) && s.name_now.state == SOURCE_LOOK_REPLACED, "replaced: noticed");
   ok(strstr(session_message_text(&s), "another object") != NULL, "... and said");
   ok(!session_reload(&s) && strstr(session_message_text(&s), "not reloaded") != NULL, "reload refuses");
   is_u64(s.src->size, 8192, "the old object is still shown");
   ok(session_reopen(&s), "reopen");
   is_u64(s.src->size, 11, "the new object");
   ok(s.name_now.state == SOURCE_LOOK_SAME, "the name leads to what is shown again");
   unlink(p);
   ok(session_check_identity(&s) && s.name_now.state == SOURCE_LOOK_REMOVED, "removed: noticed");
   ok(!session_reopen(&s) && s.message_is_error, "nothing to reopen: an error");
   session_close(&s);
}

/* Whatever the name comes to lead to, the check says it, r refuses, and a
 * claim that is no longer true goes (renamed away and back). */
static void test_name_kinds(void) {
   Session s;
   Error e;
   SessionConfig cfg = { 0, 0, NULL, false, false, NULL };
   const char *p = make_file("kinds", 8192, true);
   char away[4096], dd[4000], dir2[4000], inner[4096];
   snprintf(away, sizeof away, "%s.away", p);
   ok(session_open(&s, p, &cfg, &e), "open");
   ok(rename(p, away) == 0, "mv f f.away");
   ok(session_check_identity(&s) && s.name_now.state == SOURCE_LOOK_AWAY,
      "renamed away: the object still exists, the name leads nowhere");
   ok(strstr(session_message_text(&s), "still exists") != NULL && strstr(session_message_text(&s), "removed") == NULL,
      "... said so, not \"removed\"");
   ok(!session_reload(&s) && strstr(session_message_text(&s), "not reloaded") != NULL, "r refuses");
   ok(rename(away, p) == 0, "mv f.away f");
   ok(session_check_identity(&s) && s.name_now.state == SOURCE_LOOK_SAME && !s.message_is_error,
      "back: the claim is cleared");
   ok(session_reload(&s) && strstr(session_message_text(&s), "reloaded: 8192 bytes") != NULL,
      "r reloads (no stale claim blocks it)");
   ok(rename(p, away) == 0, "mv f f.away");
   session_check_identity(&s);
   ok(rename(away, p) == 0 && session_reload(&s) && strstr(session_message_text(&s), "reloaded") != NULL,
      "back before the check: r looks again and reloads");
   ok(unlink(p) == 0 && mkdir(p, 0700) == 0, "rm f; mkdir f");
   ok(session_check_identity(&s) && s.name_now.state == SOURCE_LOOK_REPLACED
      && strstr(session_message_text(&s), "a directory") != NULL, "a directory under the name: said");
   ok(!session_reload(&s) && strstr(session_message_text(&s), "not reloaded: the name now leads to a directory"),
      "r refuses over it");
   ok(rmdir(p) == 0 && mkfifo(p, 0600) == 0, "rmdir f; mkfifo f");
   ok(session_check_identity(&s) && strstr(session_message_text(&s), "a FIFO") != NULL, "a FIFO: said");
   ok(unlink(p) == 0 && symlink("/dev/zero", p) == 0, "ln -s /dev/zero f");
   ok(session_check_identity(&s) && strstr(session_message_text(&s), "a character device") != NULL,
      "a link to a device: what it leads to is said");
   ok(!session_reload(&s), "r refuses");
   unlink(p);
   session_close(&s);

   /* the directory renamed: the object still exists */
   snprintf(dd, sizeof dd, "%s.d", p);
   snprintf(dir2, sizeof dir2, "%s.d2", p);
   snprintf(inner, sizeof inner, "%s/x", dd);
   ok(mkdir(dd, 0700) == 0, "mkdir d");
   FILE *f = fopen(inner, "w");
   fputs("inside", f);
   fclose(f);
   ok(session_open(&s, inner, &cfg, &e), "open d/x");
   ok(rename(dd, dir2) == 0, "mv d d2");
   ok(session_check_identity(&s) && s.name_now.state == SOURCE_LOOK_AWAY,
      "the directory renamed: not removed");
   session_close(&s);
   snprintf(inner, sizeof inner, "%s/x", dir2);
   unlink(inner);
   rmdir(dir2);
}

static void test_windows(void) {
   Session s;
   Error e;
   SessionConfig cfg = { 65536, 0, NULL, false, false, NULL };
   ok(session_open(&s, make_file("data", 1 << 20, true), &cfg, &e), "open at 64K");
   session_set_geometry(&s, 16, 8);
   unsigned char buf[128];
   ok(session_goto(&s, "0x12345"), "goto 0x12345");
   is_u64(session_visible(&s, buf, sizeof buf), 128, "a screen of bytes");
   is_u64(s.win.span.start, 0x10000, "window aligned down to 64K");
   is_u64(s.win.span.requested, 0x12340, "requested: the first byte shown");
   is_u64(s.win.span.delta, 0x2340, "delta");
   is_u64(s.win.span.length, 65536, "one granule long");
   ok(buf[0] == expected(0x12340) && buf[127] == expected(0x12340 + 127), "the right bytes");
   unsigned long maps = s.windows_mapped;
   session_move(&s, 16);
   session_visible(&s, buf, sizeof buf);
   is_u64(s.windows_mapped, maps, "moving inside the window maps nothing");
   ok(session_goto(&s, "0x1fff0"), "goto the last row of the window");
   session_visible(&s, buf, sizeof buf);
   is_u64(s.win.span.start, 0x10000, "a screen across the boundary: same start");
   is_u64(s.win.span.length, 0x20000, "and a window long enough to cover it");
   ok(buf[127] == expected(0x1fff0 + 127), "bytes across the boundary");
   ok(session_goto(&s, "0x80000"), "goto the middle");
   session_visible(&s, buf, sizeof buf);
   ok(s.win.span.start == 0x80000 && s.win.span.length == 65536, "the next window is mapped");
   size_t pages;
   unsigned char vec[64];
   ok(session_residency(&s, vec, sizeof vec, &pages), "residency");
   is_u64(pages, 65536 / platform_page_size(), "one entry per page");
   ok(vec[0] == 1, "the page just read is resident");
   ok(!session_set_granularity(&s, "1000"), "granularity 1000 is refused");
   ok(session_set_granularity(&s, "4K") || platform_page_size() > 4096, "granularity 4K");
   ok(s.win.addr == NULL, "changing the granularity drops the window");
   ok(session_set_window(&s, "100K"), "window 100K");
   is_u64(s.window_size % s.granularity, 0, "window size rounded to the granularity");
   session_close(&s);
}

static void test_shrink_grow(void) {
   Session s;
   Error e;
   SessionConfig cfg = { 0, 0, NULL, false, false, NULL };
   const char *p = make_file("shrink", 65536, true);
   ok(session_open(&s, p, &cfg, &e), "open");
   session_set_geometry(&s, 16, 8);
   unsigned char buf[128];
   ok(session_goto(&s, "0xc000"), "goto 0xc000");
   is_u64(session_visible(&s, buf, sizeof buf), 128, "mapped and read");
   ok(truncate(p, 0x4000) == 0, "the file shrinks to 16K");
   size_t n = session_visible(&s, buf, sizeof buf);
   ok(s.message_is_error && strstr(session_message_text(&s), "16384") != NULL, "the message tells the new size");
   is_u64(s.src->size, 0x4000, "the new size is known");
   is_u64(s.cursor, 0x3fff, "the cursor is inside again");
   is_u64(n, 0x4000 - s.top, "what is left is shown");
   ok(truncate(p, 0x8000) == 0, "the file grows to 32K");
   ok(session_check_size(&s), "the size check notices");
   ok(!s.message_is_error && strstr(session_message_text(&s), "32768") != NULL, "grew: a message");
   session_clear_message(&s);
   ok(!session_check_size(&s), "no change: nothing to say");
   ok(truncate(p, 0x6000) == 0 && session_reload(&s), "reload after a shrink");
   is_u64(s.src->size, 0x6000, "reload sees the size");
   session_close(&s);
}

static void test_huge(void) {
   Session s;
   Error e;
   SessionConfig cfg = { 0, 0, NULL, false, false, NULL };
   const char *p = make_file("huge", 1ull << 40, false);
   if (!session_open(&s, p, &cfg, &e)) {
      skip("the file system refuses it", "1 TiB sparse file");
      return;
   }
   session_set_geometry(&s, 16, 20);
   unsigned char buf[320];
   ok(session_goto(&s, "end"), "goto end of 1 TiB");
   is_u64(session_visible(&s, buf, sizeof buf), 320, "the last screen reads");
   is_u64(s.win.span.start + s.win.span.length, 1ull << 40, "the window ends at the end");
   ok(session_goto(&s, "50%"), "goto 50%%");
   is_u64(s.cursor, 1ull << 39, "50%% of 1 TiB");
   session_close(&s);
   unlink(p);
}

/* A source that cannot be mapped: a /proc file whose stat() size is 0.
 * The session reads it into its window instead, and everything else (the
 * moves, goto, the size check) works as on a file. */
static void test_read_only_source(void) {
   const char *path = "/proc/version";
   char want[4096];
   FILE *f = fopen(path, "r");
   size_t len = f ? fread(want, 1, sizeof want, f) : 0;
   if (f)
      fclose(f);
   if (len == 0) {
      skip("no /proc/version here", "a pseudo-file in the session");
      return;
   }
   Session s;
   Error e;
   SessionConfig cfg = { 0, 0, NULL, false, false, NULL };
   ok(session_open(&s, path, &cfg, &e), "a pseudo-file opens in the session");
   ok(!source_can(s.src, SOURCE_CAN_MAP) && source_can(s.src, SOURCE_CAN_READ),
      "its kind reads and does not map");
   ok(!source_can(s.src, SOURCE_CAN_EDIT | SOURCE_CAN_JOURNAL | SOURCE_CAN_LOCK),
      "nor edits, journals or locks");
   is_u64(s.src->size, len, "its size is what reading it gave, not what stat() says");
   ok(!s.src->size_partial, "and that size is known to be its end");
   session_set_geometry(&s, 16, 4);
   unsigned char buf[64];
   size_t n = session_visible(&s, buf, sizeof buf);
   is_u64(n, len < 64 ? len : 64, "the first screen is shown");
   ok(memcmp(buf, want, n) == 0, "with the file's bytes");
   ok(s.win.addr != NULL, "held in the window");
   unsigned char vec[8];
   size_t pages;
   ok(!session_residency(&s, vec, sizeof vec, &pages), "which has no pages to show: nothing is mapped");
   SourceMapCall c;
   source_describe_map(s.src, 0, (size_t)s.win.span.length, s.win.mode, s.win.addr, &c);
   is_str(c.function, "read", "the call that filled it is read()");
   ok(session_goto(&s, "end"), "goto end");
   is_u64(s.cursor, len - 1, "the last byte");
   n = session_visible(&s, buf, sizeof buf);
   ok(n > 0 && buf[n - 1] == (unsigned char)want[len - 1], "the last screen is read too");
   ok(!session_check_size(&s), "the size check sees no change (stat() still says 0)");
   is_u64(s.src->size, len, "the size stays");
   PlatformHandle h;
   PlatformStat st;
   ok(!source_reopen(s.src, true, &h, &st, &e) && e.code == ERR_READ_ONLY,
      "it cannot be opened for a flush");
   session_close(&s);
}

int main(void) {
   plan_lazy();
   if (!tap_scratch(dir, sizeof dir, "session") || !mkdtemp(dir))
      return 1;
   test_open();
   test_moves();
   test_reopen();
   test_name_kinds();
   test_windows();
   test_shrink_grow();
   test_huge();
   test_read_only_source();
   char cmd[1100];
   snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
   if (system(cmd) != 0)
      diag("cleanup failed");
   return done_testing();
}
