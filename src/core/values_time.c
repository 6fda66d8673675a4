/* values_time.c - dates of the proleptic Gregorian calendar, FILETIME and
 * the packed DOS date and time (as core/values.h describes them).
 *
 * The calendar arithmetic works on 400-year eras of 146097 days, so it is
 * exact for any year and needs neither gmtime() nor a time_t wide enough:
 * FILETIME reaches the year 60056. */
#include "config.h"

#include "core/values.h"
#include "core/values_parts.h"
#include "core/gettext.h"

#include <inttypes.h>
#include <stdio.h>

#define DAYS_PER_ERA 146097
#define TICKS_PER_SECOND 10000000u
/* 1601-01-01 to 1970-01-01 */
#define FILETIME_EPOCH_DAYS 134774

/* Months counted from March, so the leap day is the last of the year. */
int64_t values_days_from_civil(int64_t y, unsigned m, unsigned d) {
   y -= m <= 2;
   int64_t era = (y >= 0 ? y : y - 399) / 400;
   int64_t yoe = y - era * 400;                                   /* 0 ... 399 */
   int64_t doy = (153 * (int64_t)(m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
   int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;          /* 0 ... 146096 */
   return era * DAYS_PER_ERA + doe - 719468;                     /* 0000-03-01 to 1970 */
}

void values_civil_from_days(int64_t days, int64_t *y, unsigned *m, unsigned *d) {
   days += 719468;
   int64_t era = (days >= 0 ? days : days - (DAYS_PER_ERA - 1)) / DAYS_PER_ERA;
   int64_t doe = days - era * DAYS_PER_ERA;
   int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / (DAYS_PER_ERA - 1)) / 365;
   int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
   int64_t mp = (5 * doy + 2) / 153;
   *d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
   *m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
   *y = yoe + era * 400 + (*m <= 2);
}

static bool leap(int64_t y) {
   return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool values_valid_civil(int64_t y, unsigned mo, unsigned d, unsigned h, unsigned mi,
                        unsigned s) {
   static const unsigned mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
   if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59)
      return false;
   return d <= mdays[mo - 1] + (mo == 2 && leap(y));
}

void values_filetime(uint64_t ticks, char *out) {
   uint64_t seconds = ticks / TICKS_PER_SECOND;
   unsigned frac = (unsigned)(ticks % TICKS_PER_SECOND);
   int64_t days = (int64_t)(seconds / 86400) - FILETIME_EPOCH_DAYS;
   unsigned rest = (unsigned)(seconds % 86400);
   int64_t y;
   unsigned m, d;
   values_civil_from_days(days, &y, &m, &d);
   if (y > 9999) {           /* ISO 8601's four-digit years */
      snprintf(out, VALUES_TEXT_MAX, "%s", _("out of range"));
      return;
   }
   snprintf(out, VALUES_TEXT_MAX, "%04" PRId64 "-%02u-%02uT%02u:%02u:%02u.%07uZ", y, m, d,
            rest / 3600, rest / 60 % 60, rest % 60, frac);
}

void values_dos(uint32_t packed, char *out) {
   unsigned date = packed >> 16, time = packed & 0xffff;
   unsigned y = 1980 + (date >> 9), mo = (date >> 5) & 0xf, d = date & 0x1f;
   unsigned h = time >> 11, mi = (time >> 5) & 0x3f, s = (time & 0x1f) * 2;
   if (!values_valid_civil(y, mo, d, h, mi, s))
      snprintf(out, VALUES_TEXT_MAX, "%s", _("invalid"));
   else
      snprintf(out, VALUES_TEXT_MAX, "%04u-%02u-%02u %02u:%02u:%02u", y, mo, d, h, mi, s);
}
