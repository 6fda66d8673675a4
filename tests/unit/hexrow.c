/* hexrow.c - row layout, byte classes, glyphs, sizes. */
#include "config.h"

#include "core/hexrow.h"
#include "tap.h"

static void test_digits(void) {
   is_u64(hexrow_offset_digits(0), 8, "empty object: 8 digits");
   is_u64(hexrow_offset_digits(1ull << 32), 8, "4 GiB: last offset fits 8 digits");
   is_u64(hexrow_offset_digits((1ull << 32) + 1), 9, "past 4 GiB: 9 digits");
   is_u64(hexrow_offset_digits(5ull << 30), 9, "5 GiB: 9 digits");
   is_u64(hexrow_offset_digits(1ull << 40), 10, "1 TiB: 10 digits");
   is_u64(hexrow_offset_digits(UINT64_MAX), 16, "2^64-1: 16 digits");
}

static void test_layout(void) {
   HexrowLayout L;
   ok(hexrow_layout(80, 0, 65536, &L), "80 columns lay out");
   is_u64(L.bytes, 16, "80 columns: 16 bytes per row");
   is_u64(L.width, 8 + 2 + 48 + 1 + 1 + 16, "80 columns: row width");
   is_u64(L.hex_col, 10, "hex pane after offset and two spaces");
   is_u64(L.text_col, L.width - 16, "text pane at the end");
   ok(hexrow_layout(132, 0, 65536, &L) && L.bytes == 24, "132 columns: 24 bytes per row");
   ok(hexrow_layout(80, 0, 1ull << 40, &L) && L.offset_digits == 10 && L.bytes == 16,
      "1 TiB at 80 columns: 10 digits, still 16 bytes");
   ok(hexrow_layout(30, 0, 100, &L) && L.bytes == 4, "30 columns: 4 bytes");
   ok(!hexrow_layout(14, 0, 100, &L), "14 columns: nothing fits");
   ok(hexrow_layout(15, 0, 100, &L) && L.bytes == 1, "15 columns: one byte");
   ok(hexrow_layout(200, 8, 100, &L) && L.bytes == 8, "--cols 8 forces 8 bytes");
   ok(!hexrow_layout(40, 32, 100, &L), "--cols too wide for the terminal fails");
   is_u64(hexrow_hex_pos(7), 21, "byte 7 in the first group");
   is_u64(hexrow_hex_pos(8), 25, "byte 8 after the group gap");
}

static void test_classes(void) {
   is_u64(hexrow_class(0), HEXROW_NUL, "0x00 is NUL");
   is_u64(hexrow_class('A'), HEXROW_PRINT, "A is printable");
   is_u64(hexrow_class(' '), HEXROW_SPACE, "space is white space");
   is_u64(hexrow_class('\n'), HEXROW_SPACE, "newline is white space");
   is_u64(hexrow_class(0x01), HEXROW_OTHER, "0x01 is other");
   is_u64(hexrow_class(0x7f), HEXROW_OTHER, "DEL is other");
   is_u64(hexrow_class(0xff), HEXROW_OTHER, "0xff is other");
}

static void test_glyphs(void) {
   is_str(hexrow_glyph('A', true), "A", "printable: itself");
   is_str(hexrow_glyph(' ', true), " ", "space: itself");
   is_str(hexrow_glyph(0, true), "\xc2\xb7", "NUL: middle dot");
   is_str(hexrow_glyph('\t', true), "\xe2\x90\xa3", "tab: open box");
   is_str(hexrow_glyph(0x01, true), "\xe2\x80\xa2", "control: bullet");
   is_str(hexrow_glyph(0xe9, true), "\xc3\x97", "high byte: times sign");
   is_str(hexrow_glyph(0, false), ".", "ASCII: NUL is '.'");
   is_str(hexrow_glyph(0xe9, false), "~", "ASCII: high byte is '~'");
   int blank = 0;
   for (int b = 0; b < 256; b++)
      blank += hexrow_glyph((unsigned char)b, b & 1)[0] == '\0'
               || (b != ' ' && hexrow_glyph((unsigned char)b, b & 1)[0] == ' ');
   is_u64(blank, 0, "no byte but space shows blank");
}

static void test_text(void) {
   char buf[32];
   hexrow_offset(buf, 0x1234, 8);
   is_str(buf, "00001234", "offset padded to 8");
   hexrow_offset(buf, 0x13ffff000ull, 9);
   is_str(buf, "13ffff000", "offset in 9 digits");
   hexrow_human_size(buf, sizeof buf, 512);
   is_str(buf, "512 B", "bytes");
   hexrow_human_size(buf, sizeof buf, 4096);
   is_str(buf, "4 KiB", "KiB, exact");
   hexrow_human_size(buf, sizeof buf, 4097);
   is_str(buf, "4.0 KiB", "KiB, not exact");
   hexrow_human_size(buf, sizeof buf, 5ull << 30);
   is_str(buf, "5 GiB", "GiB");
   hexrow_human_size(buf, sizeof buf, (5ull << 30) + (1ull << 29));
   is_str(buf, "5.5 GiB", "5.5 GiB");
   hexrow_human_size(buf, sizeof buf, 1ull << 40);
   is_str(buf, "1 TiB", "TiB");
   hexrow_human_size(buf, sizeof buf, 65536);
   is_str(buf, "64 KiB", "two digits: no decimals");
}

int main(void) {
   plan_lazy();
   test_digits();
   test_layout();
   test_classes();
   test_glyphs();
   test_text();
   return done_testing();
}
