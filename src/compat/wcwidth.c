/* wcwidth.c - terminal columns of a character, for C libraries without
 * wcwidth().  Ranges from the Unicode Character Database: general
 * categories Mn, Me and Cf (zero width; Hangul medial vowels and final
 * consonants U+1160-U+11FF too) and East_Asian_Width W and F (two
 * columns), coarsened to blocks.  A terminal's own table may differ for
 * the newest characters; the count never goes wrong for ASCII, Latin,
 * Cyrillic, Greek or CJK text. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

typedef struct {
   uint32_t first, last;
} Range;

static const Range zero_width[] = {
   { 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD }, { 0x05BF, 0x05BF },
   { 0x05C1, 0x05C2 }, { 0x05C4, 0x05C5 }, { 0x05C7, 0x05C7 }, { 0x0610, 0x061A },
   { 0x064B, 0x065F }, { 0x0670, 0x0670 }, { 0x06D6, 0x06DC }, { 0x06DF, 0x06E4 },
   { 0x06E7, 0x06E8 }, { 0x06EA, 0x06ED }, { 0x0900, 0x0902 }, { 0x093A, 0x093A },
   { 0x093C, 0x093C }, { 0x0941, 0x0948 }, { 0x094D, 0x094D }, { 0x0951, 0x0957 },
   { 0x0E31, 0x0E31 }, { 0x0E34, 0x0E3A }, { 0x0E47, 0x0E4E }, { 0x1160, 0x11FF },
   { 0x1AB0, 0x1AFF }, { 0x1DC0, 0x1DFF }, { 0x200B, 0x200F }, { 0x202A, 0x202E },
   { 0x2060, 0x2064 }, { 0x20D0, 0x20FF }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F },
   { 0xFEFF, 0xFEFF }, { 0x1D167, 0x1D169 }, { 0xE0001, 0xE007F }, { 0xE0100, 0xE01EF },
};

static const Range double_width[] = {
   { 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A }, { 0x2E80, 0x303E },
   { 0x3041, 0x33FF }, { 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF }, { 0xA000, 0xA4CF },
   { 0xA960, 0xA97F }, { 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF }, { 0xFE10, 0xFE19 },
   { 0xFE30, 0xFE6F }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x1F300, 0x1F64F },
   { 0x1F900, 0x1F9FF }, { 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
};

static int in_ranges(uint32_t c, const Range *r, size_t n) {
   size_t lo = 0, hi = n;
   while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (c < r[mid].first)
         hi = mid;
      else if (c > r[mid].last)
         lo = mid + 1;
      else
         return 1;
   }
   return 0;
}

int wcwidth(wchar_t wc) {
   uint32_t c = (uint32_t)wc;
   if (c == 0)
      return 0;
   if (c < 0x20 || (c >= 0x7F && c < 0xA0))
      return -1;
   if (in_ranges(c, zero_width, sizeof zero_width / sizeof zero_width[0]))
      return 0;
   if (in_ranges(c, double_width, sizeof double_width / sizeof double_width[0]))
      return 2;
   return 1;
}
