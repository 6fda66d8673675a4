/* textwidth.c - columns of UTF-8 text (wcwidth), cutting and wrapping. */
#include "config.h"

#include "core/textwidth.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>

/* The one place that asks libc how wide a character is.  Unknown and
 * control characters take one column (they are shown escaped anyway). */
static size_t char_cols(uint32_t cp) {
   int w = wcwidth((wchar_t)cp);
   return w < 0 ? 1 : (size_t)w;
}

/* The character at S: its length in bytes (1 for a byte that does not
 * start valid UTF-8) and its code point. */
static size_t next_char(const unsigned char *s, uint32_t *cp) {
   size_t n;
   uint32_t min;
   if (s[0] < 0x80)                 { *cp = s[0]; return 1; }
   if ((s[0] & 0xe0) == 0xc0)      { n = 2; min = 0x80;    *cp = s[0] & 0x1f; }
   else if ((s[0] & 0xf0) == 0xe0) { n = 3; min = 0x800;   *cp = s[0] & 0x0f; }
   else if ((s[0] & 0xf8) == 0xf0) { n = 4; min = 0x10000; *cp = s[0] & 0x07; }
   else                            { *cp = 0xfffd; return 1; }
   for (size_t i = 1; i < n; i++) {
      if ((s[i] & 0xc0) != 0x80) {
         *cp = 0xfffd;
         return 1;
      }
      *cp = (*cp << 6) | (s[i] & 0x3f);
   }
   if (*cp < min || *cp > 0x10ffff || (*cp >= 0xd800 && *cp <= 0xdfff)) {
      *cp = 0xfffd;
      return 1;
   }
   return n;
}

/* The columns of the first LEN bytes of TEXT. */
static size_t cols_of(const char *text, size_t len) {
   const unsigned char *s = (const unsigned char *)text;
   size_t cols = 0;
   for (size_t at = 0; at < len && s[at];) {
      uint32_t cp;
      at += next_char(s + at, &cp);
      cols += char_cols(cp);
   }
   return cols;
}

size_t textwidth_cols(const char *text) {
   return cols_of(text, (size_t)-1);
}

size_t textwidth_fit(const char *text, size_t cols, size_t *used) {
   const unsigned char *s = (const unsigned char *)text;
   size_t at = 0, width = 0;
   while (s[at]) {
      uint32_t cp;
      size_t n = next_char(s + at, &cp), w = char_cols(cp);
      if (width + w > cols)
         break;
      width += w;
      at += n;
   }
   if (used)
      *used = width;
   return at;
}

/* The end of the last word of the LEN bytes of TEXT (before its last
 * space), 0 when there is none. */
static size_t last_word_end(const char *text, size_t len) {
   size_t end = len;
   while (end > 0 && text[end] != ' ' && text[end] != '\0')
      end--;
   if (text[len] == ' ' || text[len] == '\0')
      end = len;
   while (end > 0 && text[end - 1] == ' ')
      end--;
   return end;
}

static size_t copy(char *out, size_t outsz, const char *a, size_t alen, const char *b) {
   size_t blen = b ? strlen(b) : 0;
   if (outsz == 0)
      return 0;
   if (alen >= outsz)
      alen = textwidth_last_char(a, outsz);       /* whole characters only */
   memcpy(out, a, alen);
   if (blen && alen + blen < outsz) {
      memcpy(out + alen, b, blen);
      alen += blen;
   }
   out[alen] = '\0';
   return alen;
}

size_t textwidth_cut(char *out, size_t outsz, const char *text, size_t cols,
                     const char *ellipsis, int words) {
   size_t used;
   size_t all = textwidth_fit(text, cols, &used);
   if (text[all] == '\0') {
      copy(out, outsz, text, all, NULL);
      return textwidth_cols(out);
   }
   size_t ew = textwidth_cols(ellipsis);
   if (ew > cols) {
      copy(out, outsz, text, textwidth_fit(text, cols, NULL), NULL);
      return textwidth_cols(out);
   }
   size_t keep = textwidth_fit(text, cols - ew, NULL);
   if (words) {
      size_t w = last_word_end(text, keep);
      size_t wcols = cols_of(text, w);
      if (w > 0 && (words == TEXTWIDTH_WHOLE_WORDS || wcols * 2 >= cols - ew))
         keep = w;
   }
   copy(out, outsz, text, keep, ellipsis);
   return textwidth_cols(out);
}

size_t textwidth_cut_head(char *out, size_t outsz, const char *text, size_t cols,
                          const char *ellipsis) {
   size_t total = textwidth_cols(text);
   size_t ew = textwidth_cols(ellipsis);
   if (total <= cols || ew > cols)
      return textwidth_cut(out, outsz, text, cols, ellipsis, 0);
   const char *tail = text + strlen(text);
   size_t room = cols - ew, width = 0;
   while (tail > text) {
      size_t back = textwidth_last_char(text, (size_t)(tail - text));
      size_t w = cols_of(text + back, (size_t)(tail - text) - back);
      if (width + w > room)
         break;
      width += w;
      tail = text + back;
   }
   size_t elen = strlen(ellipsis), tlen = strlen(tail);
   if (elen + tlen >= outsz) {               /* whole characters from the end */
      while (*tail && elen + strlen(tail) >= outsz) {
         uint32_t cp;
         tail += next_char((const unsigned char *)tail, &cp);
      }
      tlen = strlen(tail);
   }
   if (elen >= outsz) {
      if (outsz)
         out[0] = '\0';
      return 0;
   }
   memcpy(out, ellipsis, elen);
   memcpy(out + elen, tail, tlen + 1);
   return textwidth_cols(out);
}

char *textwidth_pad(char *out, size_t outsz, const char *text, size_t cols, int right) {
   if (outsz == 0)
      return out;
   size_t w = textwidth_cols(text), pad = w < cols ? cols - w : 0;
   size_t len = strlen(text);
   if (pad >= outsz)
      pad = outsz - 1;
   if (right) {
      memset(out, ' ', pad);
      copy(out + pad, outsz - pad, text, len, NULL);
      return out;
   }
   size_t at = copy(out, outsz, text, len, NULL);
   if (pad > outsz - 1 - at)
      pad = outsz - 1 - at;
   memset(out + at, ' ', pad);
   out[at + pad] = '\0';
   return out;
}

size_t textwidth_wrap(const char *text, size_t cols, size_t *next) {
   size_t fit = textwidth_fit(text, cols ? cols : 1, NULL);
   size_t end = fit;
   if (text[fit] != '\0' && text[fit] != ' ') {
      size_t w = last_word_end(text, fit);
      if (w > 0)
         end = w;
   }
   if (end == 0 && text[0]) {                 /* not even one character fits */
      uint32_t cp;
      end = next_char((const unsigned char *)text, &cp);
   }
   size_t n = end;
   while (text[n] == ' ')
      n++;
   if (next)
      *next = n;
   return end;
}

size_t textwidth_last_char(const char *text, size_t len) {
   const unsigned char *s = (const unsigned char *)text;
   if (len == 0)
      return 0;
   size_t at = len - 1;
   /* back over continuation bytes, at most three */
   for (int i = 0; i < 3 && at > 0 && (s[at] & 0xc0) == 0x80; i++)
      at--;
   uint32_t cp;
   if (next_char(s + at, &cp) == len - at)
      return at;
   return len - 1;          /* not one valid character: one byte */
}
