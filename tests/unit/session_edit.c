/* session_edit.c - the screen's edits and search below the screen: typing
 * bytes and nibbles, undo, redo, discard, flush, and the finder's forward,
 * backward, wrap, pending edits, highlight marks and cancel. */
#include "config.h"

#include "app/finder.h"
#include "app/session.h"
#include "app/session_edit.h"
#include "tap.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[1024], path[1100];

static void make_file(const char *text, size_t repeat) {
   snprintf(path, sizeof path, "%s/data", dir);
   int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
   for (size_t i = 0; i < repeat; i++)
      if (write(fd, text, strlen(text)) != (ssize_t)strlen(text))
         diag("short write");
   close(fd);
}

static unsigned char file_byte(uint64_t off) {
   unsigned char b = 0;
   int fd = open(path, O_RDONLY);
   if (pread(fd, &b, 1, (off_t)off) != 1)
      diag("short read");
   close(fd);
   return b;
}

static unsigned char shown(Session *s, uint64_t off) {
   unsigned char buf[4096];
   session_set_cursor(s, off);
   size_t n = session_visible(s, buf, sizeof buf);
   return off >= s->top && off - s->top < n ? buf[off - s->top] : 0;
}

static bool open_session(Session *s) {
   SessionConfig cfg = { 0, 0, NULL, false, false, NULL };
   Error e;
   return session_open(s, path, &cfg, &e);
}

static void test_edits(void) {
   Session s;
   make_file("0123456789abcdef", 1024);
   ok(open_session(&s), "open");
   ok(!session_edit_pending(&s), "nothing pending");
   ok(session_edit_byte(&s, 5, 'X', true), "edit a byte");
   ok(session_edit_nibble(&s, 6, true, 0xa) && session_edit_nibble(&s, 6, false, 0xb),
      "two nibbles");
   is_u64(shown(&s, 5), 'X', "the screen shows the edit");
   is_u64(shown(&s, 6), 0xab, "and the nibbles");
   ok(session_edit_is_modified(&s, 6) && !session_edit_is_modified(&s, 7), "modified bytes");
   is_u64(file_byte(5), '5', "the file is untouched");
   ok(session_edit_undo(&s), "undo");
   is_u64(shown(&s, 5), '5', "undo: the old byte");
   ok(strstr(session_message_text(&s), "undone") != NULL, "undo says so");
   ok(session_edit_redo(&s), "redo");
   is_u64(shown(&s, 6), 0xab, "redo: the new bytes");
   ok(!session_edit_redo(&s), "nothing more to redo");
   ok(strstr(session_message_text(&s), "nothing to redo") != NULL, "and says so");
   ok(session_edit_flush(&s, false), "flush");
   ok(strstr(session_message_text(&s), "flushed: 2 bytes in 1 page") != NULL, "flush says what it wrote");
   is_u64(file_byte(5), 'X', "the file holds the edit");
   is_u64(file_byte(6), 0xab, "both bytes");
   ok(!session_edit_pending(&s), "nothing pending after the flush");
   ok(session_edit_byte(&s, 0, 'Z', false), "another edit");
   session_edit_discard(&s);
   ok(!session_edit_pending(&s), "discard drops it");
   is_u64(shown(&s, 0), '0', "and the screen shows the object again");
   session_close(&s);
}

static bool cancel_now(void *ctx) { (void)ctx; return true; }
static void count_progress(void *ctx, uint64_t done, uint64_t total) {
   (void)done;
   (void)total;
   ++*(int *)ctx;
}

static void test_finder(void) {
   Session s;
   make_file("....needle......", 1024);      /* needle at 4 + 16k */
   ok(open_session(&s), "open for search");
   Finder *f = finder_new();
   int calls = 0;
   SearchHooks hooks = { 0 };
   hooks.progress = count_progress;
   hooks.ctx = &calls;
   finder_set_hooks(f, &hooks);
   ok(finder_next(f, &s, false) == FINDER_FAILED, "no pattern yet");
   ok(!finder_set_pattern(f, &s, "x:zz", false), "a bad pattern");
   ok(strstr(session_message_text(&s), "bad pattern") != NULL, "says so");
   ok(finder_set_pattern(f, &s, "needle", false), "a pattern");
   ok(finder_next(f, &s, false) == FINDER_FOUND && s.cursor == 4, "forward from 0: 4");
   ok(finder_next(f, &s, false) == FINDER_FOUND && s.cursor == 20, "next: 20");
   ok(finder_next(f, &s, true) == FINDER_FOUND && s.cursor == 4, "previous: 4");
   ok(finder_next(f, &s, true) == FINDER_WRAPPED && s.cursor == 16 * 1023 + 4, "wraps to the last");
   ok(strstr(session_message_text(&s), "wrapped") != NULL, "and says so");
   ok(finder_next(f, &s, false) == FINDER_WRAPPED && s.cursor == 4, "wraps to the first");
   ok(calls > 0, "progress was reported");
   ok(finder_set_pattern(f, &s, "x:4e ?? 45", true), "hex, backward, case-sensitive");
   ok(finder_next(f, &s, false) == FINDER_NONE, "NEE is not there");
   ok(finder_set_pattern(f, &s, "i:NEEDLE", true), "either case, backward");
   session_set_cursor(&s, 30);
   ok(finder_next(f, &s, false) == FINDER_FOUND && s.cursor == 20, "backward from 30: 20");
   ok(session_edit_byte(&s, 100, 'n', true) && session_edit_byte(&s, 101, 'e', true)
      && session_edit_byte(&s, 102, 'e', true) && session_edit_byte(&s, 103, 'd', true)
      && session_edit_byte(&s, 104, 'l', true) && session_edit_byte(&s, 105, 'e', true),
      "type a needle at 100");
   ok(finder_set_pattern(f, &s, "needle", false), "forward again");
   session_set_cursor(&s, 90);
   ok(finder_next(f, &s, false) == FINDER_FOUND && s.cursor == 100, "the search sees the edit");
   unsigned char buf[16], mark[16];
   memcpy(buf, "le........", 10);            /* bytes 8..17 of the object */
   finder_mark(f, &s, 8, buf, 10, mark);
   ok(mark[0] && mark[1] && !mark[2], "a match cut by the left edge is marked");
   ok(!mark[8] && !mark[9], "bytes outside any match are not");
   memcpy(buf, "....ne", 6);                 /* 16..21: "needle" starts at 20 */
   finder_mark(f, &s, 16, buf, 6, mark);
   ok(mark[4] && mark[5] && !mark[3], "a match running past the right edge is marked");
   hooks.cancel = cancel_now;
   finder_set_hooks(f, &hooks);
   session_edit_discard(&s);
   ok(finder_next(f, &s, false) == FINDER_CANCELLED, "the cancel hook cancels");
   ok(strstr(session_message_text(&s), "cancelled") != NULL, "and says so");
   finder_free(f);
   session_close(&s);
}

int main(void) {
   plan_lazy();
   if (!tap_scratch(dir, sizeof dir, "sedit") || !mkdtemp(dir))
      return 1;
   char state[1100];
   snprintf(state, sizeof state, "%s/state", dir);
   setenv("XDG_STATE_HOME", state, 1);
   test_edits();
   test_finder();
   char cmd[1100];
   snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
   if (system(cmd) != 0)
      diag("cleanup failed");
   return done_testing();
}
