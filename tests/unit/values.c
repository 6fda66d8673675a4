/* Unit tests: the data inspector's numbers and times, both byte orders,
 * the extremes of every type, and too few bytes. */
#include "config.h"

#include "core/values.h"
#include "tap.h"

#include <string.h>

static char text[VALUES_TEXT_MAX];

static const char *fmt(ValuesType t, const unsigned char *b, size_t avail, bool be) {
   values_format(t, b, avail, be, text);
   return text;
}

static void test_integers(void) {
   const unsigned char b[8] = { 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f };
   is_str(fmt(VALUES_U8, b, 8, false), "254", "u8");
   is_str(fmt(VALUES_I8, b, 8, false), "-2", "i8");
   is_str(fmt(VALUES_U16, b, 8, false), "65534", "u16 little-endian");
   is_str(fmt(VALUES_U16, b, 8, true), "65279", "u16 big-endian");
   is_str(fmt(VALUES_I16, b, 8, false), "-2", "i16 little-endian");
   is_str(fmt(VALUES_I16, b, 8, true), "-257", "i16 big-endian");
   is_str(fmt(VALUES_U32, b, 8, false), "4294967294", "u32 little-endian");
   is_str(fmt(VALUES_I32, b, 8, true), "-16777217", "i32 big-endian");
   is_str(fmt(VALUES_I64, b, 8, false), "9223372036854775806", "i64: the top byte 0x7f is positive");
   is_str(fmt(VALUES_I64, b, 8, true), "-72057594037928065", "i64 big-endian: 0xfeff...7f");
   is_str(fmt(VALUES_U64, b, 8, true), "18374686479671623551", "u64 big-endian");

   const unsigned char min[8] = { 0, 0, 0, 0, 0, 0, 0, 0x80 };
   is_str(fmt(VALUES_I64, min, 8, false), "-9223372036854775808", "i64 minimum");
   is_u64(strlen(text), values_width(VALUES_I64), "... as wide as i64 gets");
   const unsigned char max[8] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
   is_str(fmt(VALUES_U64, max, 8, false), "18446744073709551615", "u64 maximum");
   is_u64(strlen(text), values_width(VALUES_U64), "... as wide as u64 gets");
   const unsigned char i32min[4] = { 0x80, 0, 0, 0 };
   is_str(fmt(VALUES_I32, i32min, 4, true), "-2147483648", "i32 minimum");
   is_u64(strlen(text), values_width(VALUES_I32), "... as wide as i32 gets");
}

static void test_floats(void) {
   const unsigned char one_le[4] = { 0x00, 0x00, 0x80, 0x3f };
   is_str(fmt(VALUES_F32, one_le, 4, false), "1", "f32 1.0 little-endian");
   is_str(fmt(VALUES_F32, one_le, 4, true), "4.60060299e-41", "f32 the same bytes big-endian");
   const unsigned char pi_be[8] = { 0x40, 0x09, 0x21, 0xfb, 0x54, 0x44, 0x2d, 0x18 };
   is_str(fmt(VALUES_F64, pi_be, 8, true), "3.1415926535897931", "f64 pi big-endian");
   const unsigned char min_normal[8] = { 0, 0, 0, 0, 0, 0, 0x10, 0x80 };
   fmt(VALUES_F64, min_normal, 8, false);
   is_str(text, "-2.2250738585072014e-308", "f64 -DBL_MIN");
   is_u64(strlen(text), values_width(VALUES_F64), "... as wide as f64 gets");
   const unsigned char f32_min[4] = { 0x00, 0x00, 0x80, 0x80 };
   is_str(fmt(VALUES_F32, f32_min, 4, false), "-1.17549435e-38", "f32 -FLT_MIN");
   is_u64(strlen(text), values_width(VALUES_F32), "... as wide as f32 gets");
   const unsigned char inf[4] = { 0x00, 0x00, 0x80, 0x7f };
   is_str(fmt(VALUES_F32, inf, 4, false), "inf", "f32 infinity");
}

static void test_times(void) {
   const unsigned char epoch[8] = { 0 };
   is_str(fmt(VALUES_TIME32, epoch, 8, false), "1970-01-01 00:00:00", "time32 zero: the epoch");
   const unsigned char t2038[4] = { 0xff, 0xff, 0xff, 0x7f };
   is_str(fmt(VALUES_TIME32, t2038, 4, false), "2038-01-19 03:14:07", "time32 maximum: 2038");
   const unsigned char neg[4] = { 0xff, 0xff, 0xff, 0xff };
   is_str(fmt(VALUES_TIME32, neg, 4, false), "1969-12-31 23:59:59", "time32 -1");
   /* 1795000000 = 0x6afd86c0 */
   const unsigned char t64[8] = { 0xc0, 0x86, 0xfd, 0x6a, 0, 0, 0, 0 };
   is_str(fmt(VALUES_TIME64, t64, 8, false), "2026-11-18 11:06:40", "time64 little-endian");
   is_str(fmt(VALUES_TIME64, t64, 8, true), "out of range", "the same bytes big-endian: past 9999");
   const unsigned char huge[8] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f };
   is_str(fmt(VALUES_TIME64, huge, 8, false), "out of range", "time64 past year 9999");
   const unsigned char tiny[8] = { 0, 0, 0, 0, 0, 0, 0, 0x80 };
   is_str(fmt(VALUES_TIME64, tiny, 8, false), "out of range", "time64 minimum");
}

static void test_short(void) {
   const unsigned char b[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
   is_str(fmt(VALUES_U64, b, 7, false), "-", "u64 with 7 bytes left: '-'");
   is_str(fmt(VALUES_U16, b, 1, false), "-", "u16 with 1 byte left: '-'");
   is_str(fmt(VALUES_U8, b, 0, false), "-", "u8 at the end: '-'");
   is_str(fmt(VALUES_U8, b, 1, false), "1", "u8 with 1 byte left");
   int sizes_ok = 1;
   for (int t = 0; t < VALUES_COUNT; t++)
      sizes_ok &= values_size((ValuesType)t) >= 1 && values_size((ValuesType)t) <= 8
                  && values_name((ValuesType)t)[0] != '?';
   ok(sizes_ok, "every type has a name and a size of 1 to 8 bytes");
   is_str(values_name(VALUES_COUNT), "?", "no name past the table");
}

int main(void) {
   plan_lazy();
   test_integers();
   test_floats();
   test_times();
   test_short();
   return done_testing();
}
