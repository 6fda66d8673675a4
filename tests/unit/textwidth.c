/* Unit tests: text measured in terminal columns, cut and wrapped. */
#include "config.h"

#include "core/textwidth.h"
#include "tap.h"

#include <locale.h>
#include <string.h>

#define ELL "\xe2\x80\xa6"           /* U+2026 */

static void cut_is(const char *in, size_t cols, int words, const char *want, const char *what) {
   char out[256];
   textwidth_cut(out, sizeof out, in, cols, ELL, words);
   is_str(out, want, "%s", what);
}

int main(void) {
   plan_lazy();
   if (!setlocale(LC_CTYPE, "C.UTF-8") && !setlocale(LC_CTYPE, "en_US.UTF-8")) {
      printf("1..0 # SKIP no UTF-8 locale\n");
      return 0;
   }
   /* 49 Cyrillic letters: 98 bytes, 49 columns */
   char cyr[128] = "";
   for (int i = 0; i < 49; i++)
      strcat(cyr, "\xd0\x96");
   is_u64(textwidth_cols(cyr), 49, "Cyrillic: one column per letter, not per byte");
   is_u64(textwidth_cols("\xe6\x97\xa5\xe6\x9c\xac"), 4, "CJK: two columns per letter");
   is_u64(textwidth_cols("e\xcc\x81"), 1, "a combining accent takes no column");
   is_u64(textwidth_cols("ab\xff"), 3, "an invalid byte takes one column");
   cut_is(cyr, 49, 0, cyr, "a 49-column name fits 49 columns whole, no ellipsis");
   char want[128] = "";
   for (int i = 0; i < 39; i++)
      strcat(want, "\xd0\x96");
   strcat(want, ELL);
   cut_is(cyr, 40, 0, want, "cut at 40 columns: 39 letters and the ellipsis");
   cut_is("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 5, 0, "\xe6\x97\xa5\xe6\x9c\xac" ELL,
          "CJK cut: two letters (4 columns) and the ellipsis");
   cut_is("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 4, 0, "\xe6\x97\xa5" ELL,
          "a wide letter that would overhang is left out");
   cut_is("ELF 64-bit LSB pie executable, x86-64", 24, 1, "ELF 64-bit LSB pie" ELL,
          "words: the cut falls between words");
   cut_is("ELF 64-bit LSB pie executable, x86-64", 24, 0, "ELF 64-bit LSB pie exec" ELL,
          "without words: the cut falls anywhere");
   cut_is("abcdefghijklmnopqrstuvwxyz quux", 10, 1, "abcdefghi" ELL,
          "words: a first word longer than the room is cut inside");
   cut_is("\xd1\x84\xd0\xb0\xd0\xb9\xd0\xbb ELF 64-bit", 11, TEXTWIDTH_WHOLE_WORDS,
          "\xd1\x84\xd0\xb0\xd0\xb9\xd0\xbb ELF" ELL,
          "whole words: the cut falls after the last whole word, however short");
   cut_is("abcdefghijklmnopqrstuvwxyz quux", 10, TEXTWIDTH_WHOLE_WORDS, "abcdefghi" ELL,
          "whole words: only a first word longer than the room is cut inside");
   {
      char out[64];
      textwidth_cut_head(out, sizeof out, "/d/dir/\xe6\x97\xa5\xe6\x97\xa5.bin", 9, ELL);
      is_str(out, ELL "\xe6\x97\xa5\xe6\x97\xa5.bin", "cut at the head: the end (file name) is kept");
      textwidth_cut_head(out, sizeof out, "/d/dir/\xe6\x97\xa5\xe6\x97\xa5.bin", 8, ELL);
      is_str(out, ELL "\xe6\x97\xa5.bin", "... whole characters only");
      textwidth_cut_head(out, sizeof out, "short", 9, ELL);
      is_str(out, "short", "... and what fits is whole");
   }
   char tiny[4];
   textwidth_cut(tiny, sizeof tiny, "\xe6\x97\xa5\xe6\x9c\xac", 10, "", 0);
   is_str(tiny, "\xe6\x97\xa5", "a small buffer keeps whole characters");

   size_t next;
   const char *call = "mmap(NULL, 4096, PROT_READ, MAP_SHARED, 3, 0x0) = 0x7f00";
   size_t end = textwidth_wrap(call, 30, &next);
   is_u64(end, strlen("mmap(NULL, 4096, PROT_READ,"), "wrap: after the last space that fits");
   is_str(call + next, "MAP_SHARED, 3, 0x0) = 0x7f00", "wrap: the next line skips the space");
   end = textwidth_wrap("abcdefgh", 3, &next);
   is_u64(end, 3, "wrap: a word longer than the line is cut");
   end = textwidth_wrap("\xe6\x97\xa5", 1, &next);
   is_u64(end, 3, "wrap: at least one character, even when it does not fit");

   char pad[32];
   is_str(textwidth_pad(pad, sizeof pad, "ab", 5, 0), "ab   ", "pad: ASCII, left-aligned in 5");
   is_str(textwidth_pad(pad, sizeof pad, "ab", 5, 1), "   ab", "pad right: ASCII, right-aligned in 5");
   is_str(textwidth_pad(pad, sizeof pad, "\xe7\xa7\x8d\xe7\xb1\xbb\xef\xbc\x9a", 12, 0),
          "\xe7\xa7\x8d\xe7\xb1\xbb\xef\xbc\x9a      ",
          "pad: three CJK letters (6 columns, 9 bytes) get 6 spaces, not 3");
   is_str(textwidth_pad(pad, sizeof pad, "\xe8\xbf\x9b\xe7\xa8\x8b", 7, 1),
          "   \xe8\xbf\x9b\xe7\xa8\x8b", "pad right: two CJK letters (4 columns) in 7");
   is_u64(textwidth_cols(textwidth_pad(pad, sizeof pad, "\xd0\x96\xd0\x96", 16, 0)), 16,
          "pad: Cyrillic to 16 columns");
   is_str(textwidth_pad(pad, sizeof pad, "abcdef", 3, 0), "abcdef", "pad: wider text is kept whole");
   char small[6];
   is_str(textwidth_pad(small, sizeof small, "\xe7\xa7\x8d\xe7\xb1\xbb", 12, 0), "\xe7\xa7\x8d  ",
          "pad: a small buffer keeps whole characters and stays terminated");
   is_u64(textwidth_last_char("a\xc3\xb6", 3), 1, "last char: back over a two-byte letter");
   is_u64(textwidth_last_char("ab", 2), 1, "last char: ASCII");
   is_u64(textwidth_last_char("a\xb6", 2), 1, "last char: a lone continuation byte is one");
   return done_testing();
}
