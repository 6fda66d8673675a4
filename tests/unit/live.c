/* live.c - the live view's change marks, their fading, what a draw between
 * refreshes shows, the cost of a refresh (the screen's bytes, never the
 * object's), and interval parsing. */
#include "config.h"

#include "app/live.h"
#include "app/session.h"
#include "core/window.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

static void test_diff(void) {
   LiveDiff d;
   memset(&d, 0, sizeof d);
   unsigned char a[8] = "abcdefg", b[8] = "abXdeYg";
   ok(live_diff_refresh(&d, 0x100, a, 8, 8), "first refresh");
   ok(live_diff_level(&d, 0x102) == 0, "the first refresh marks nothing");
   ok(live_diff_refresh(&d, 0x100, b, 8, 8), "second refresh, same place");
   ok(live_diff_level(&d, 0x102) == LIVE_FADE_STEPS && live_diff_level(&d, 0x105) == LIVE_FADE_STEPS,
      "changed bytes are lit fully");
   ok(!live_diff_level(&d, 0x101) && !live_diff_level(&d, 0x106), "the others are not");
   is_u64(d.changed_count, 2, "two changed");
   ok(!live_diff_level(&d, 0xff) && !live_diff_level(&d, 0x108), "outside: nothing");
   ok(live_diff_refresh(&d, 0x100, b, 8, 8), "third refresh, nothing new");
   is_u64(d.changed_count, 0, "no change since the last refresh");
   is_u64(live_diff_level(&d, 0x102), LIVE_FADE_STEPS - 1, "the mark fades one step");
   is_u64(d.lit_count, 2, "both still lit");
   live_diff_refresh(&d, 0x100, b, 8, 8);
   is_u64(live_diff_level(&d, 0x102), LIVE_FADE_STEPS - 2, "and another");
   live_diff_refresh(&d, 0x100, b, 8, 8);
   ok(live_diff_level(&d, 0x102) == 0 && d.lit_count == 0, "gone after LIVE_FADE_STEPS refreshes");
   unsigned char c[8] = "abXdeZg";
   live_diff_refresh(&d, 0x100, c, 8, 8);
   live_diff_refresh(&d, 0x100, a, 8, 8);
   ok(live_diff_level(&d, 0x102) == LIVE_FADE_STEPS && live_diff_level(&d, 0x105) == LIVE_FADE_STEPS,
      "a byte that changes again is lit fully again");
   live_diff_free(&d);
}

/* The view scrolls: the rows both refreshes show still compare and fade. */
static void test_moves(void) {
   LiveDiff d;
   memset(&d, 0, sizeof d);
   unsigned char a[16], b[16];
   for (int i = 0; i < 16; i++)
      a[i] = (unsigned char)i;
   live_diff_refresh(&d, 0, a, 16, 16);
   memcpy(b, a + 4, 12);               /* the view moved down 4 bytes */
   memset(b + 12, 0xee, 4);
   b[0] = 0x99;                        /* offset 4 changed meanwhile */
   live_diff_refresh(&d, 4, b, 16, 16);
   ok(live_diff_level(&d, 4) == LIVE_FADE_STEPS, "a change on a row both showed is lit");
   ok(live_diff_level(&d, 5) == 0, "the rest of that row is not");
   ok(live_diff_level(&d, 16) == 0 && live_diff_level(&d, 19) == 0,
      "rows the last refresh did not show are only remembered");
   is_u64(d.changed_count, 1, "one changed");
   live_diff_reset(&d);
   live_diff_refresh(&d, 4, a, 16, 16);
   is_u64(d.changed_count, 0, "after a reset: nothing is lit");
   live_diff_free(&d);
}

/* Between refreshes the screen shows what the last refresh read. */
static void test_hold(void) {
   LiveDiff d;
   memset(&d, 0, sizeof d);
   unsigned char a[8] = "abcdefg", now[8] = "ABCDEFG", grown[12] = "abcdefg\0IJK";
   live_diff_refresh(&d, 0, a, 8, 8);
   unsigned char buf[12];
   memcpy(buf, now, 8);
   is_u64(live_diff_hold(&d, 0, buf, 8, 8), 8, "a draw between refreshes shows as many bytes");
   ok(memcmp(buf, a, 8) == 0, "... as the last refresh read them, no change unlit");
   live_diff_refresh(&d, 0, now, 8, 8);
   is_u64(d.changed_count, 7, "the next refresh lights them");
   /* an object of 8 bytes on a screen of 16: it grows to 11 */
   live_diff_refresh(&d, 0, a, 8, 16);
   memcpy(buf, grown, 11);
   is_u64(live_diff_hold(&d, 0, buf, 11, 16), 8, "grown between refreshes: shown up to the old end");
   live_diff_refresh(&d, 0, grown, 11, 16);
   ok(live_diff_level(&d, 8) == LIVE_FADE_STEPS && live_diff_level(&d, 10) == LIVE_FADE_STEPS
      && live_diff_level(&d, 7) == 0, "the refresh lights the bytes it grew by");
   is_u64(d.changed_count, 3, "three new bytes");
   live_diff_free(&d);
}

/* ---- the cost of a refresh: a kind that counts what it is asked to read ---- */

static uint64_t bytes_read;

static bool count_read(Source *s, void *buf, size_t len, uint64_t offset, size_t *got, Error *e) {
   (void)s;
   (void)e;
   for (size_t i = 0; i < len; i++)
      ((unsigned char *)buf)[i] = (unsigned char)(offset + i);
   bytes_read += len;
   *got = len;
   return true;
}

static void no_close(Source *s) { (void)s; }

static const SourceOps counting_ops = {
   .kind = "counting",
   .caps = SOURCE_CAN_READ | SOURCE_CAN_LIVE,
   .read = count_read,
   .close = no_close,
};

/* What one live refresh of a 20-row screen reads from an object of SIZE
 * bytes, with windows of 64 KiB; *WORK what the diff looked at. */
static uint64_t refresh_cost(uint64_t size, uint64_t *work) {
   Source src;
   memset(&src, 0, sizeof src);
   src.ops = &counting_ops;
   src.size = size;
   Session s;
   memset(&s, 0, sizeof s);
   s.src = &src;
   s.granularity = 4096;
   s.window_size = 65536;
   s.known_size = size;
   session_set_geometry(&s, 16, 20);
   session_set_cursor(&s, size / 2);
   LiveDiff d;
   memset(&d, 0, sizeof d);
   unsigned char buf[320];
   size_t n = session_visible_raw(&s, buf, sizeof buf, false);    /* the window is read */
   live_diff_refresh(&d, s.top, buf, n, sizeof buf);
   bytes_read = 0;
   d.work = 0;
   n = session_visible_raw(&s, buf, sizeof buf, true);             /* a live refresh */
   live_diff_refresh(&d, s.top, buf, n, sizeof buf);
   *work = d.work;
   live_diff_free(&d);
   window_unmap(&s.win, &src);
   return bytes_read;
}

static void test_cost(void) {
   uint64_t work_small, work_huge;
   uint64_t small = refresh_cost(UINT64_C(1) << 20, &work_small);
   uint64_t huge = refresh_cost(UINT64_C(1) << 40, &work_huge);
   is_u64(small, 320, "a refresh reads the screen's 320 bytes of a 1 MiB object");
   is_u64(huge, 320, "... and of a 1 TiB one, not its 64 KiB window");
   is_u64(work_small, 320, "the diff looks at the screen's bytes");
   is_u64(work_huge, 320, "... whatever the object's size");
}

static void test_interval(void) {
   unsigned ms = 0;
   ok(live_parse_interval("1", &ms) && ms == 1000, "1 s");
   ok(live_parse_interval("0.5", &ms) && ms == 500, "0.5 s");
   ok(!live_parse_interval("0.01", &ms), "too short");
   ok(!live_parse_interval("99999", &ms), "too long");
   ok(!live_parse_interval("1x", &ms), "not a number");
   ok(!live_parse_interval("", &ms), "empty");
   ok(!live_parse_interval("nan", &ms), "nan");
}

int main(void) {
   plan_lazy();
   test_diff();
   test_moves();
   test_hold();
   test_cost();
   test_interval();
   return done_testing();
}
