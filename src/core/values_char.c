/* values_char.c - the character at the cursor, in UTF-8 or UTF-16.
 *
 * Decoding follows RFC 3629 (UTF-8: no overlong forms, no surrogates,
 * nothing past U+10FFFF) and RFC 2781 (UTF-16: a high surrogate followed
 * by a low one is one character; a lone one is "unpaired").  What is shown
 * between the quotes never reaches the terminal raw unless it is a visible
 * character: controls, bidirectional controls and other invisible
 * formatting characters are escaped. */
#include "config.h"

#include "core/values.h"
#include "core/values_parts.h"
#include "core/gettext.h"
#include "core/textwidth.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

size_t values_utf8_encode(uint32_t cp, unsigned char *o) {
   if (cp < 0x80) {
      o[0] = (unsigned char)cp;
      return 1;
   }
   if (cp < 0x800) {
      o[0] = (unsigned char)(0xc0 | cp >> 6);
      o[1] = (unsigned char)(0x80 | (cp & 0x3f));
      return 2;
   }
   if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
      return 0;
   if (cp < 0x10000) {
      o[0] = (unsigned char)(0xe0 | cp >> 12);
      o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
      o[2] = (unsigned char)(0x80 | (cp & 0x3f));
      return 3;
   }
   o[0] = (unsigned char)(0xf0 | cp >> 18);
   o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
   o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
   o[3] = (unsigned char)(0x80 | (cp & 0x3f));
   return 4;
}

/* Characters that change how text around them is shown without being
 * seen: the bidirectional controls (Unicode UAX #9: ALM, LRM, RLM, the
 * embeddings, overrides and isolates), zero-width and joiner characters,
 * the line and paragraph separators, the soft hyphen, the invisible
 * operators, the byte order mark, interlinear annotation, variation
 * selectors and tags. */
static bool invisible(uint32_t cp) {
   static const uint32_t ranges[][2] = {
      { 0x00ad, 0x00ad }, { 0x034f, 0x034f }, { 0x061c, 0x061c }, { 0x115f, 0x1160 },
      { 0x17b4, 0x17b5 }, { 0x180b, 0x180f }, { 0x200b, 0x200f }, { 0x2028, 0x202e },
      { 0x2060, 0x206f }, { 0x3164, 0x3164 }, { 0xfe00, 0xfe0f }, { 0xfeff, 0xfeff },
      { 0xffa0, 0xffa0 }, { 0xfff0, 0xfffb }, { 0x1d173, 0x1d17a }, { 0xe0000, 0xe0fff },
   };
   for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
      if (cp >= ranges[i][0] && cp <= ranges[i][1])
         return true;
   return (cp & 0xfffe) == 0xfffe || (cp >= 0xfdd0 && cp <= 0xfdef);   /* noncharacters */
}

/* The rendering between the quotes: the character itself when it is
 * visible (and GLYPHS allows characters past ASCII), else an escape. */
static void render(uint32_t cp, bool glyphs, char *out, size_t outsz) {
   static const char c_escapes[] = "0\0\0\0\0\0\0abtnvfr";
   if (cp < 0x0e && c_escapes[cp]) {
      snprintf(out, outsz, "\\%c", c_escapes[cp]);
      return;
   }
   if (cp < 0x20 || cp == 0x7f) {
      snprintf(out, outsz, "\\x%02" PRIx32, cp);
      return;
   }
   if (cp == '\\' || cp == '\'') {
      snprintf(out, outsz, "\\%c", (char)cp);
      return;
   }
   if (cp < 0x7f) {
      snprintf(out, outsz, "%c", (char)cp);
      return;
   }
   unsigned char u[5] = { 0 };
   size_t n = values_utf8_encode(cp, u);
   if (glyphs && cp >= 0xa0 && !invisible(cp) && n && textwidth_cols((const char *)u) > 0) {
      snprintf(out, outsz, "%s", (const char *)u);
      return;
   }
   if (cp < 0x10000)
      snprintf(out, outsz, "\\u%04" PRIx32, cp);
   else
      snprintf(out, outsz, "\\U%08" PRIx32, cp);
}

static void show(uint32_t cp, bool glyphs, char *out) {
   char r[16];
   render(cp, glyphs, r, sizeof r);
   snprintf(out, VALUES_TEXT_MAX, "U+%04" PRIX32 " '%s'", cp, r);
}

/* The code point of the UTF-8 sequence at B, or false when it is not one
 * (a stray continuation byte, an overlong form, a surrogate, past
 * U+10FFFF, or cut short by the end of the object). */
static bool decode_utf8(const unsigned char *b, size_t avail, uint32_t *cp) {
   static const uint32_t least[5] = { 0, 0, 0x80, 0x800, 0x10000 };
   size_t n = b[0] < 0x80 ? 1 : b[0] < 0xc2 ? 0 : b[0] < 0xe0 ? 2 : b[0] < 0xf0 ? 3
              : b[0] < 0xf5 ? 4 : 0;
   if (n == 0 || n > avail)
      return false;
   uint32_t c = n == 1 ? b[0] : b[0] & (0x7f >> n);
   for (size_t i = 1; i < n; i++) {
      if ((b[i] & 0xc0) != 0x80)
         return false;
      c = c << 6 | (b[i] & 0x3f);
   }
   if (c < least[n] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
      return false;
   *cp = c;
   return true;
}

void values_char_utf8(const unsigned char *b, size_t avail, bool glyphs, char *out) {
   uint32_t cp;
   if (avail == 0)
      snprintf(out, VALUES_TEXT_MAX, "-");
   else if (decode_utf8(b, avail, &cp))
      show(cp, glyphs, out);
   else
      snprintf(out, VALUES_TEXT_MAX, "%s", _("invalid"));
}

void values_char_utf16(const unsigned char *b, size_t avail, bool big_endian, bool glyphs,
                       char *out) {
   if (avail < 2) {
      snprintf(out, VALUES_TEXT_MAX, "-");
      return;
   }
   uint32_t u = (uint32_t)values_load(b, 2, big_endian);
   if (u >= 0xd800 && u <= 0xdbff && avail >= 4) {
      uint32_t low = (uint32_t)values_load(b + 2, 2, big_endian);
      if (low >= 0xdc00 && low <= 0xdfff) {
         show(0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00), glyphs, out);
         return;
      }
   }
   if (u >= 0xd800 && u <= 0xdfff)
      snprintf(out, VALUES_TEXT_MAX, "U+%04" PRIX32 " %s", u, _("unpaired"));
   else
      show(u, glyphs, out);
}
