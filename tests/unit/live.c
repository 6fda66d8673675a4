/* live.c - the live view's change marks and interval parsing. */
#include "config.h"

#include "app/live.h"
#include "tap.h"

#include <string.h>

static void test_diff(void) {
   LiveDiff d;
   memset(&d, 0, sizeof d);
   unsigned char a[8] = "abcdefg", b[8] = "abXdeYg";
   ok(live_diff_update(&d, 0x100, a, 8), "first refresh");
   ok(!live_diff_changed(&d, 0x102), "the first refresh marks nothing");
   ok(live_diff_update(&d, 0x100, b, 8), "second refresh, same place");
   ok(live_diff_changed(&d, 0x102) && live_diff_changed(&d, 0x105), "changed bytes are marked");
   ok(!live_diff_changed(&d, 0x101) && !live_diff_changed(&d, 0x106), "the others are not");
   is_u64(d.changed_count, 2, "two changed");
   ok(!live_diff_changed(&d, 0xff) && !live_diff_changed(&d, 0x108), "outside: nothing");
   ok(live_diff_update(&d, 0x100, b, 8), "third refresh, nothing new");
   is_u64(d.changed_count, 0, "no change since the last refresh");
   ok(live_diff_update(&d, 0x200, a, 8), "the view moved");
   ok(!live_diff_changed(&d, 0x202), "a refresh elsewhere marks nothing");
   unsigned char big[32];
   memset(big, 'b', sizeof big);
   big[20] = 'X';
   ok(live_diff_update(&d, 0x200, big, 32), "a taller screen");
   ok(live_diff_changed(&d, 0x200), "the old rows compare");
   ok(!live_diff_changed(&d, 0x214), "new rows do not");
   live_diff_free(&d);
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
   test_interval();
   return done_testing();
}
