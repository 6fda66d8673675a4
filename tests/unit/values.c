/* Unit tests: the data inspector's numbers and times, both byte orders,
 * the extremes of every type, and too few bytes. */
#include "config.h"

#include "core/values.h"
#include "tap.h"

#include <stdio.h>
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
      sizes_ok &= values_size((ValuesType)t) >= 1 && values_size((ValuesType)t) <= VALUES_BYTES_MAX
                  && values_name((ValuesType)t)[0] != '?';
   ok(sizes_ok, "every type has a name and a size of 1 to 16 bytes");
   is_str(values_name(VALUES_COUNT), "?", "no name past the table");
}

/* ---- hex, binary, f16 ---- */

static void test_hex_bin(void) {
   const unsigned char b[4] = { 0xef, 0xbe, 0xad, 0xde };
   is_str(fmt(VALUES_HEX, b, 4, false), "0xdeadbeef", "hex little-endian");
   is_str(fmt(VALUES_HEX, b, 4, true), "0xefbeadde", "hex big-endian");
   is_str(fmt(VALUES_BIN, b, 4, false), "11101111", "bin of 0xef");
   const unsigned char one[1] = { 0x05 };
   is_str(fmt(VALUES_BIN, one, 1, false), "00000101", "bin keeps its leading zeros");
   is_str(fmt(VALUES_HEX, b, 3, false), "-", "hex with 3 bytes left: '-'");
}

static void test_f16(void) {
   const unsigned char one[2] = { 0x00, 0x3c }, minus2[2] = { 0x00, 0xc0 };
   is_str(fmt(VALUES_F16, one, 2, false), "1", "f16 0x3c00 = 1");
   is_str(fmt(VALUES_F16, one, 2, true), "3.5763e-06", "the same bytes big-endian: 0x003c, subnormal");
   is_str(fmt(VALUES_F16, minus2, 2, false), "-2", "f16 0xc000 = -2");
   const unsigned char inf[2] = { 0x00, 0x7c }, ninf[2] = { 0x00, 0xfc };
   is_str(fmt(VALUES_F16, inf, 2, false), "inf", "f16 0x7c00 = inf");
   is_str(fmt(VALUES_F16, ninf, 2, false), "-inf", "f16 0xfc00 = -inf");
   const unsigned char nan[2] = { 0x7e, 0x00 }, nnan[2] = { 0xfe, 0x01 };
   is_str(fmt(VALUES_F16, nan, 2, true), "nan", "f16 0x7e00 big-endian = nan");
   is_str(fmt(VALUES_F16, nnan, 2, true), "-nan", "f16 0xfe01 = a negative NaN");
   const unsigned char tiny[2] = { 0x01, 0x00 }, ntiny[2] = { 0x80, 0x01 };
   is_str(fmt(VALUES_F16, tiny, 2, false), "5.9605e-08", "f16 0x0001: the smallest subnormal, 2^-24");
   is_str(fmt(VALUES_F16, ntiny, 2, true), "-5.9605e-08", "f16 0x8001: its negative");
   const unsigned char max[2] = { 0xff, 0x7b }, lowest[2] = { 0xff, 0xfb };
   is_str(fmt(VALUES_F16, max, 2, false), "65504", "f16 0x7bff: the largest");
   is_str(fmt(VALUES_F16, lowest, 2, false), "-65504", "f16 0xfbff: the lowest");
   const unsigned char mzero[2] = { 0x00, 0x80 }, tenth[2] = { 0x66, 0x2e };
   is_str(fmt(VALUES_F16, mzero, 2, false), "-0", "f16 0x8000: negative zero");
   is_str(fmt(VALUES_F16, tenth, 2, false), "0.099976", "f16 0x2e66: 0.1 rounded");
   const unsigned char sub_max[2] = { 0xff, 0x03 };
   is_str(fmt(VALUES_F16, sub_max, 2, false), "6.0976e-05", "f16 0x03ff: the largest subnormal");
   /* f32/f64 NaN and negatives, spelled the same on every libc */
   const unsigned char f32nan[4] = { 0x00, 0x00, 0xc0, 0x7f }, f32nnan[4] = { 0xff, 0xc0, 0x00, 0x01 };
   is_str(fmt(VALUES_F32, f32nan, 4, false), "nan", "f32 quiet NaN");
   is_str(fmt(VALUES_F32, f32nnan, 4, true), "-nan", "f32 negative NaN big-endian");
   const unsigned char f64ninf[8] = { 0, 0, 0, 0, 0, 0, 0xf0, 0xff };
   is_str(fmt(VALUES_F64, f64ninf, 8, false), "-inf", "f64 -inf");
   const unsigned char f64sub[8] = { 1, 0, 0, 0, 0, 0, 0, 0 };
   is_str(fmt(VALUES_F64, f64sub, 8, false), "4.9406564584124654e-324", "f64 smallest subnormal");
}

/* ---- characters ---- */

static void test_chars(void) {
   const unsigned char a[1] = { 'A' };
   is_str(fmt(VALUES_UTF8, a, 1, false), "U+0041 'A'", "utf8 ASCII");
   const unsigned char euro[3] = { 0xe2, 0x82, 0xac };
   is_str(fmt(VALUES_UTF8, euro, 3, false), "U+20AC '\\u20ac'", "utf8 euro, escaped for an ASCII terminal");
   values_format_glyphs(VALUES_UTF8, euro, 3, false, true, text);
   is_str(text, "U+20AC '\xe2\x82\xac'", "... and itself for a UTF-8 terminal");
   is_str(fmt(VALUES_UTF8, euro, 2, false), "invalid", "utf8 cut short by the end");
   const unsigned char nl[1] = { '\n' }, esc[1] = { 0x1b }, del[1] = { 0x7f };
   is_str(fmt(VALUES_UTF8, nl, 1, false), "U+000A '\\n'", "utf8 newline escaped");
   is_str(fmt(VALUES_UTF8, esc, 1, false), "U+001B '\\x1b'", "utf8 ESC escaped");
   is_str(fmt(VALUES_UTF8, del, 1, false), "U+007F '\\x7f'", "utf8 DEL escaped");
   const unsigned char rlo[3] = { 0xe2, 0x80, 0xae }, c1[2] = { 0xc2, 0x85 };
   values_format_glyphs(VALUES_UTF8, rlo, 3, false, true, text);
   is_str(text, "U+202E '\\u202e'", "utf8 RIGHT-TO-LEFT OVERRIDE escaped even for UTF-8");
   values_format_glyphs(VALUES_UTF8, c1, 2, false, true, text);
   is_str(text, "U+0085 '\\u0085'", "utf8 C1 control NEL escaped");
   const unsigned char emoji[4] = { 0xf0, 0x9f, 0x98, 0x80 };
   is_str(fmt(VALUES_UTF8, emoji, 4, false), "U+1F600 '\\U0001f600'", "utf8 four bytes");
   const unsigned char overlong[2] = { 0xc0, 0xaf }, surrogate[3] = { 0xed, 0xa0, 0x80 };
   is_str(fmt(VALUES_UTF8, overlong, 2, false), "invalid", "utf8 overlong '/' refused");
   is_str(fmt(VALUES_UTF8, surrogate, 3, false), "invalid", "utf8 encoded surrogate refused");
   const unsigned char cont[1] = { 0x80 }, past[4] = { 0xf4, 0x90, 0x80, 0x80 };
   is_str(fmt(VALUES_UTF8, cont, 1, false), "invalid", "utf8 stray continuation byte");
   is_str(fmt(VALUES_UTF8, past, 4, false), "invalid", "utf8 past U+10FFFF");

   const unsigned char e16[2] = { 0xe9, 0x00 };
   is_str(fmt(VALUES_UTF16, e16, 2, false), "U+00E9 '\\u00e9'", "utf16 little-endian");
   is_str(fmt(VALUES_UTF16, e16, 2, true), "U+E900 '\\ue900'", "utf16 the same bytes big-endian");
   const unsigned char pair_le[4] = { 0x3d, 0xd8, 0x00, 0xde }, pair_be[4] = { 0xd8, 0x3d, 0xde, 0x00 };
   is_str(fmt(VALUES_UTF16, pair_le, 4, false), "U+1F600 '\\U0001f600'", "utf16 surrogate pair LE");
   is_str(fmt(VALUES_UTF16, pair_be, 4, true), "U+1F600 '\\U0001f600'", "utf16 surrogate pair BE");
   is_str(fmt(VALUES_UTF16, pair_le, 2, false), "U+D83D unpaired", "utf16 high surrogate at the end");
   const unsigned char lone[4] = { 0x00, 0xde, 0x41, 0x00 };
   is_str(fmt(VALUES_UTF16, lone, 4, false), "U+DE00 unpaired", "utf16 lone low surrogate");
   const unsigned char bom[2] = { 0xfe, 0xff };
   is_str(fmt(VALUES_UTF16, bom, 2, true), "U+FEFF '\\ufeff'", "utf16 byte order mark escaped");
   is_str(fmt(VALUES_UTF16, bom, 1, true), "-", "utf16 with one byte left: '-'");
}

/* ---- FILETIME, DOS, GUID ---- */

static void test_filetime(void) {
   /* expected texts from python3: datetime(1601,1,1) + timedelta(seconds=t // 10**7) */
   unsigned char b[8] = { 0, 0, 0, 0, 0, 0, 0xd9, 0x01 };
   is_str(fmt(VALUES_FILETIME, b, 8, false), "2022-11-24T12:26:38.4140288Z", "filetime 0x01d9000000000000");
   const unsigned char c[8] = { 0x3d, 0x2c, 0x1b, 0x5a, 0x3e, 0x4c, 0xd9, 0x01 };
   is_str(fmt(VALUES_FILETIME, c, 8, false), "2023-03-01T13:04:26.7553853Z", "filetime 0x01d94c3e5a1b2c3d");
   const unsigned char cbe[8] = { 0x01, 0xd9, 0x4c, 0x3e, 0x5a, 0x1b, 0x2c, 0x3d };
   is_str(fmt(VALUES_FILETIME, cbe, 8, true), "2023-03-01T13:04:26.7553853Z", "the same big-endian");
   const unsigned char zero[8] = { 0 };
   is_str(fmt(VALUES_FILETIME, zero, 8, false), "1601-01-01T00:00:00.0000000Z", "filetime 0: 1601");
   /* 1970-01-01 is 116444736000000000 = 0x019db1ded53e8000 ticks */
   const unsigned char unix0[8] = { 0x00, 0x80, 0x3e, 0xd5, 0xde, 0xb1, 0x9d, 0x01 };
   is_str(fmt(VALUES_FILETIME, unix0, 8, false), "1970-01-01T00:00:00.0000000Z", "filetime of the Unix epoch");
   const unsigned char max[8] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
   is_str(fmt(VALUES_FILETIME, max, 8, false), "out of range", "filetime past 9999");
   is_str(fmt(VALUES_FILETIME, max, 7, false), "-", "filetime with 7 bytes left");
}

static void test_dos(void) {
   /* 2019-05-12 13:45:30: date 0x4eac, time 0x6daf, as FAT stores them */
   const unsigned char b[4] = { 0xaf, 0x6d, 0xac, 0x4e };
   is_str(fmt(VALUES_DOS, b, 4, false), "2019-05-12 13:45:30", "dos date and time");
   const unsigned char be[4] = { 0x4e, 0xac, 0x6d, 0xaf };
   is_str(fmt(VALUES_DOS, be, 4, true), "2019-05-12 13:45:30", "the same big-endian");
   const unsigned char first[4] = { 0x00, 0x00, 0x21, 0x00 };
   is_str(fmt(VALUES_DOS, first, 4, false), "1980-01-01 00:00:00", "dos 1980-01-01, the first day");
   const unsigned char zero[4] = { 0 };
   is_str(fmt(VALUES_DOS, zero, 4, false), "invalid", "dos month 0 is invalid");
   /* 2021-02-29 does not exist: (41 << 9 | 2 << 5 | 29) = 0x525d */
   const unsigned char feb29[4] = { 0x00, 0x00, 0x5d, 0x52 };
   is_str(fmt(VALUES_DOS, feb29, 4, false), "invalid", "dos 2021-02-29 is invalid");
   /* 2020-02-29 does: 0x505d */
   const unsigned char leap[4] = { 0x00, 0x00, 0x5d, 0x50 };
   is_str(fmt(VALUES_DOS, leap, 4, false), "2020-02-29 00:00:00", "dos 2020-02-29, a leap day");
   const unsigned char sec60[4] = { 0x1e, 0x00, 0x21, 0x00 };
   is_str(fmt(VALUES_DOS, sec60, 4, false), "invalid", "dos seconds field 30 (60 s) is invalid");
}

static void test_guid(void) {
   const unsigned char b[16] = { 0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66,
                                 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff };
   is_str(fmt(VALUES_GUID, b, 16, false), "{00112233-4455-6677-8899-AABBCCDDEEFF}",
          "guid as Windows prints it (python3 uuid bytes_le)");
   is_str(fmt(VALUES_GUID, b, 16, true), "{00112233-4455-6677-8899-AABBCCDDEEFF}",
          "... the byte-order switch does not change it");
   is_str(fmt(VALUES_UUID, b, 16, false), "33221100-5544-7766-8899-aabbccddeeff", "uuid: big-endian");
   is_str(fmt(VALUES_GUID, b, 15, false), "-", "guid with 15 bytes left");
}

/* ---- widths: the layout stays put ---- */

static void test_widths(void) {
   unsigned char b[16];
   int within = 1;
   for (int t = 0; t < VALUES_COUNT; t++)
      for (unsigned seed = 0; seed < 4096; seed++) {
         for (int i = 0; i < 16; i++)
            b[i] = (unsigned char)(seed * 131u + (unsigned)i * (seed >> 4) * 7u);
         values_format((ValuesType)t, b, 16, seed & 1, text);
         within &= strlen(text) <= values_width((ValuesType)t);
      }
   ok(within, "no text is wider than values_width() says");
}

/* ---- typed values ---- */

static unsigned char out[64];
static size_t len;
static const char *why;

static const char *parse_hex(const char *name, const char *t, bool be) {
   static char hex[200];
   why = NULL;
   if (!values_parse(name, t, be, out, sizeof out, &len, &why))
      return why ? why : "(no reason)";
   hex[0] = '\0';
   for (size_t i = 0; i < len; i++)
      snprintf(hex + 2 * i, 3, "%02x", out[i]);
   return hex;
}

static void test_parse(void) {
   is_str(parse_hex("u8", "255", false), "ff", "u8 255");
   is_str(parse_hex("u8", "256", false), "out of range for the type", "u8 256 refused");
   is_str(parse_hex("u8", "-1", false), "out of range for the type", "u8 -1 refused");
   is_str(parse_hex("i8", "-128", false), "80", "i8 -128");
   is_str(parse_hex("i8", "128", false), "out of range for the type", "i8 128 refused");
   is_str(parse_hex("u16", "0x1234", false), "3412", "u16 0x1234 little-endian");
   is_str(parse_hex("u16", "0x1234", true), "1234", "u16 0x1234 big-endian");
   is_str(parse_hex("i32", "-2", true), "fffffffe", "i32 -2");
   is_str(parse_hex("u64", "18446744073709551615", false), "ffffffffffffffff", "u64 maximum");
   is_str(parse_hex("u64", "18446744073709551616", false), "out of range for the type", "u64 overflow");
   is_str(parse_hex("i64", "-9223372036854775808", true), "8000000000000000", "i64 minimum");
   is_str(parse_hex("u32", "12abc", false), "not a number", "u32 12abc refused");
   is_str(parse_hex("u32", "", false), "not a number", "an empty value refused");
   is_str(parse_hex("hex", "deadbeef", false), "efbeadde", "hex deadbeef little-endian");
   is_str(parse_hex("hex", "0x1deadbeef", false), "out of range for the type", "hex of 33 bits refused");
   is_str(parse_hex("bin", "101", false), "05", "bin 101");
   is_str(parse_hex("bin", "102", false), "give 1 to 8 binary digits", "bin 102 refused");
   is_str(parse_hex("f16", "1", false), "003c", "f16 1");
   is_str(parse_hex("f16", "-2", true), "c000", "f16 -2 big-endian");
   is_str(parse_hex("f16", "65504", false), "ff7b", "f16 65504");
   is_str(parse_hex("f16", "65536", false), "out of range for the type", "f16 65536 refused");
   is_str(parse_hex("f16", "inf", false), "007c", "f16 inf");
   is_str(parse_hex("f16", "nan", false), "007e", "f16 nan");
   is_str(parse_hex("f16", "5.9604644775390625e-08", false), "0100", "f16 smallest subnormal");
   is_str(parse_hex("f16", "0.1", false), "662e", "f16 0.1 rounds as python3 struct.pack('<e')");
   is_str(parse_hex("f32", "1", false), "0000803f", "f32 1");
   is_str(parse_hex("f32", "1e39", false), "out of range for the type", "f32 1e39 refused");
   is_str(parse_hex("f64", "-0", true), "8000000000000000", "f64 -0");
   /* a number too large for the type is refused as 1e39 is, never stored as an infinity
    * the user did not type (strtod overflows to HUGE_VAL) */
   is_str(parse_hex("f64", "1e400", false), "out of range for the type", "f64 1e400 refused");
   is_str(parse_hex("f64", "-1e400", false), "out of range for the type", "f64 -1e400 refused");
   is_str(parse_hex("f32", "1e400", false), "out of range for the type", "f32 1e400 refused");
   is_str(parse_hex("f16", "1e400", false), "out of range for the type", "f16 1e400 refused");
   is_str(parse_hex("f32", "3.4028235677973366e38", false), "out of range for the type",
          "f32 that rounds to infinity refused");
   is_str(parse_hex("f32", "3.4028234663852886e38", false), "ffff7f7f", "f32 largest finite");
   is_str(parse_hex("f64", "-inf", true), "fff0000000000000", "f64 -inf typed");
   is_str(parse_hex("f32", "infinity", false), "0000807f", "f32 infinity typed");
   is_str(parse_hex("f64", "pi", true), "not a number", "f64 pi refused");
   is_str(parse_hex("utf8", "\xc3\xa9!", false), "c3a921", "utf8 text");
   is_str(parse_hex("utf8", "\xc3", false), "not valid UTF-8 text", "utf8 broken text refused");
   is_str(parse_hex("utf16", "\xf0\x9f\x98\x80", false), "3dd800de", "utf16 a pair, little-endian");
   is_str(parse_hex("utf16", "A", true), "0041", "utf16 big-endian");
   is_str(parse_hex("utf16", "", true), "give some text", "utf16 empty refused");
   is_str(parse_hex("time32", "2038-01-19 03:14:07", false), "ffffff7f", "time32 date");
   is_str(parse_hex("time32", "2038-01-19 03:14:08", false), "out of range for the type",
          "time32 past 2038 refused");
   is_str(parse_hex("time64", "-1", false), "ffffffffffffffff", "time64 a number of seconds");
   is_str(parse_hex("time64", "2021-02-29 00:00:00", false),
          "give a date as YYYY-MM-DD HH:MM:SS (UTC) or a number of seconds", "time64 no such day");
   is_str(parse_hex("filetime", "2023-03-01T12:34:56.1234567Z", false), "872eba3a3a4cd901",
          "filetime 2023-03-01T12:34:56.1234567Z (python3: 0x1d94c3a3aba2e87)");
   is_str(parse_hex("filetime", "1601-01-01 00:00:00", true), "0000000000000000", "filetime 1601");
   is_str(parse_hex("filetime", "1600-12-31 23:59:59", true), "out of range for the type",
          "filetime before 1601 refused");
   is_str(parse_hex("filetime", "yesterday", true), "give a date as YYYY-MM-DD HH:MM:SS.fffffff (UTC)",
          "filetime bad date refused");
   is_str(parse_hex("dos", "2019-05-12 13:45:30", false), "af6dac4e", "dos date");
   is_str(parse_hex("dos", "2019-05-12 13:45:31", false), "DOS times hold even seconds only",
          "dos odd seconds refused");
   is_str(parse_hex("dos", "1979-12-31 23:59:58", false), "DOS dates run from 1980 to 2107",
          "dos 1979 refused");
   is_str(parse_hex("guid", "{00112233-4455-6677-8899-AABBCCDDEEFF}", false),
          "33221100554477668899aabbccddeeff", "guid: mixed-endian bytes");
   is_str(parse_hex("uuid", "00112233-4455-6677-8899-aabbccddeeff", true),
          "00112233445566778899aabbccddeeff", "uuid: big-endian bytes");
   is_str(parse_hex("guid", "{00112233-4455-6677-8899-AABBCCDDEEF}", false),
          "give 32 hex digits as 8-4-4-4-12, braces optional", "guid one digit short refused");
   is_str(parse_hex("bytes", "de ad be ef", false), "deadbeef", "bytes");
   is_str(parse_hex("bytes", "dea", false), "give hex bytes, two digits each (de ad be ef)",
          "bytes odd digits refused");
   is_str(parse_hex("u24", "1", false), "no such field (u8 ... uuid, or bytes)", "no such field");
   /* round trips: each type's text parses back to its bytes */
   const unsigned char g[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
   int back = 1;
   const ValuesType trip[] = { VALUES_U32, VALUES_I16, VALUES_F32, VALUES_F64, VALUES_F16,
                               VALUES_HEX, VALUES_BIN, VALUES_GUID, VALUES_UUID, VALUES_FILETIME };
   for (size_t i = 0; i < sizeof trip / sizeof trip[0]; i++) {
      fmt(trip[i], g, 16, i & 1);
      back &= values_parse(values_name(trip[i]), text, i & 1, out, sizeof out, &len, &why)
              && len == values_size(trip[i]) && memcmp(out, g, len) == 0;
   }
   ok(back, "u32, i16, f32, f64, f16, hex, bin, guid, uuid, filetime: text back to the same bytes");
}

static void test_civil(void) {
   int ok_all = 1;
   for (int64_t d = -800000; d <= 800000; d += 997) {
      int64_t y;
      unsigned m, dd;
      values_civil_from_days(d, &y, &m, &dd);
      ok_all &= values_days_from_civil(y, m, dd) == d;
   }
   ok(ok_all, "days to a date and back, 2190 years either side of 1970");
   is_u64((uint64_t)-values_days_from_civil(1601, 1, 1), 134774, "1601-01-01 is 134774 days before 1970");
}

int main(void) {
   plan_lazy();
   test_integers();
   test_floats();
   test_times();
   test_short();
   test_hex_bin();
   test_f16();
   test_chars();
   test_filetime();
   test_dos();
   test_guid();
   test_widths();
   test_parse();
   test_civil();
   return done_testing();
}
