/* escape.c - escaping of untrusted names. */
#include "config.h"

#include "core/escape.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at S, or 0 if it is not one.
 * Overlong forms, surrogates and values past U+10FFFF are invalid. */
static size_t utf8_valid_len(const unsigned char *s, uint32_t *cp) {
   size_t n;
   uint32_t min;
   if (s[0] < 0x80) {
      *cp = s[0];
      return 1;
   }
   if ((s[0] & 0xe0) == 0xc0)      { n = 2; min = 0x80;    *cp = s[0] & 0x1f; }
   else if ((s[0] & 0xf0) == 0xe0) { n = 3; min = 0x800;   *cp = s[0] & 0x0f; }
   else if ((s[0] & 0xf8) == 0xf0) { n = 4; min = 0x10000; *cp = s[0] & 0x07; }
   else return 0;
   for (size_t i = 1; i < n; i++) {
      if ((s[i] & 0xc0) != 0x80)
         return 0;
      *cp = (*cp << 6) | (s[i] & 0x3f);
   }
   if (*cp < min || *cp > 0x10ffff || (*cp >= 0xd800 && *cp <= 0xdfff))
      return 0;
   return n;
}

typedef struct {
   char *out;
   size_t size;
   size_t len;        /* length of the full result so far */
   bool full;         /* stopped writing: a piece did not fit */
} Writer;

/* Pieces are written whole or not at all, so no escape is ever cut. */
static void put(Writer *w, const char *piece, size_t n) {
   if (!w->full && w->len + n < w->size)
      memcpy(w->out + w->len, piece, n);
   else
      w->full = true;
   w->len += n;
}

static void put_byte_escape(Writer *w, unsigned char c) {
   static const char hex[] = "0123456789abcdef";
   const char *named = NULL;
   switch (c) {
   case '\n': named = "\\n"; break;
   case '\t': named = "\\t"; break;
   case '\r': named = "\\r"; break;
   case 0x1b: named = "\\e"; break;
   case '\\': named = "\\\\"; break;
   default: break;
   }
   if (named) {
      put(w, named, 2);
      return;
   }
   char buf[4] = { '\\', 'x', hex[c >> 4], hex[c & 0xf] };
   put(w, buf, 4);
}

/* Characters that reorder or break the line they are shown on, or hide
 * themselves: bidi embeddings, overrides and isolates (U+202A-202E,
 * U+2066-2069), marks (U+200E/F, U+061C), line and paragraph separators
 * (U+2028/2029), and the other format controls of Unicode's Cf class
 * (zero-width spaces and joiners, the byte order mark, tags ...).  They
 * are written as \uXXXX (\UXXXXXXXX past the BMP). */
static bool is_format_control(uint32_t cp) {
   static const struct { uint32_t from, to; } ranges[] = {
      { 0x00ad, 0x00ad }, { 0x0600, 0x0605 }, { 0x061c, 0x061c }, { 0x06dd, 0x06dd },
      { 0x070f, 0x070f }, { 0x0890, 0x0891 }, { 0x08e2, 0x08e2 }, { 0x180e, 0x180e },
      { 0x200b, 0x200f }, { 0x2028, 0x202e }, { 0x2060, 0x2064 }, { 0x2066, 0x206f },
      { 0xfeff, 0xfeff }, { 0xfff9, 0xfffb }, { 0x110bd, 0x110bd }, { 0x110cd, 0x110cd },
      { 0x13430, 0x1343f }, { 0x1bca0, 0x1bca3 }, { 0x1d173, 0x1d17a },
      { 0xe0001, 0xe0001 }, { 0xe0020, 0xe007f },
   };
   for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
      if (cp >= ranges[i].from && cp <= ranges[i].to)
         return true;
   return false;
}

static void put_code_point_escape(Writer *w, uint32_t cp) {
   static const char hex[] = "0123456789abcdef";
   char buf[10];
   int digits = cp > 0xffff ? 8 : 4;
   buf[0] = '\\';
   buf[1] = cp > 0xffff ? 'U' : 'u';
   for (int i = 0; i < digits; i++)
      buf[2 + i] = hex[(cp >> (4 * (digits - 1 - i))) & 0xf];
   put(w, buf, (size_t)(2 + digits));
}

/* KEEP_BACKSLASH: the screen's gate, which lets a backslash through so
 * that text escaped before (a name's "\\u202e") shows as it was escaped. */
static size_t escape_with(char *out, size_t outsz, const char *in, bool keep_backslash) {
   const unsigned char *s = (const unsigned char *)(in ? in : "");
   Writer w = { out, outsz, 0, false };
   size_t written = 0;
   while (*s) {
      uint32_t cp;
      size_t n = utf8_valid_len(s, &cp);
      bool escape_each = n == 0 || cp < 0x20 || cp == 0x7f
                         || (cp == '\\' && !keep_backslash) || (cp >= 0x80 && cp < 0xa0);
      if (n == 0)
         n = 1;
      if (!escape_each && is_format_control(cp))
         put_code_point_escape(&w, cp);
      else if (escape_each)
         for (size_t i = 0; i < n; i++)
            put_byte_escape(&w, s[i]);
      else
         put(&w, (const char *)s, n);
      if (!w.full)
         written = w.len;
      s += n;
   }
   if (outsz > 0)
      out[written] = '\0';
   return w.len;
}

size_t escape_into(char *out, size_t outsz, const char *in) {
   return escape_with(out, outsz, in, false);
}

size_t escape_screen_into(char *out, size_t outsz, const char *in) {
   return escape_with(out, outsz, in, true);
}

static char *dup_with(const char *in, bool keep_backslash) {
   size_t need = escape_with(NULL, 0, in, keep_backslash) + 1;
   char *out = malloc(need);
   if (!out)
      return strdup("?");
   escape_with(out, need, in, keep_backslash);
   return out;
}

char *escape_dup(const char *in) {
   return dup_with(in, false);
}

char *escape_dup_pattern(const char *in) {
   return dup_with(in, true);
}

size_t escape_utf8_len(const unsigned char *s, uint32_t *cp) {
   return utf8_valid_len(s, cp);
}

bool escape_is_format_control(uint32_t cp) {
   return is_format_control(cp);
}
