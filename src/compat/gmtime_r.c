/* gmtime_r.c - broken-down UTC time into the caller's struct, for C
 * libraries without gmtime_r(): computed from the count of days, so no
 * shared static buffer is involved. */
#include "config.h"

#include <stdint.h>
#include <time.h>

/* Days since 1970-01-01 to year, month (1-12) and day: the proleptic
 * Gregorian calendar counted in 400-year eras of 146097 days. */
static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d) {
   z += 719468;                                  /* from 0000-03-01 */
   int64_t era = (z >= 0 ? z : z - 146096) / 146097;
   unsigned doe = (unsigned)(z - era * 146097);                    /* [0, 146096] */
   unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
   unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);        /* from March 1 */
   unsigned mp = (5 * doy + 2) / 153;
   *d = doy - (153 * mp + 2) / 5 + 1;
   *m = mp < 10 ? mp + 3 : mp - 9;
   *y = (int64_t)yoe + era * 400 + (*m <= 2);
}

static int is_leap(int64_t y) {
   return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

struct tm *gmtime_r(const time_t *t, struct tm *out) {
   static const int before[12] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
   int64_t secs = (int64_t)*t;
   int64_t days = secs / 86400, rem = secs % 86400;
   if (rem < 0) {
      rem += 86400;
      days--;
   }
   int64_t y;
   unsigned m, d;
   civil_from_days(days, &y, &m, &d);
   if (y - 1900 > INT32_MAX || y - 1900 < INT32_MIN)
      return NULL;
   out->tm_sec = (int)(rem % 60);
   out->tm_min = (int)(rem / 60 % 60);
   out->tm_hour = (int)(rem / 3600);
   out->tm_mday = (int)d;
   out->tm_mon = (int)m - 1;
   out->tm_year = (int)(y - 1900);
   out->tm_wday = (int)(((days % 7) + 11) % 7);  /* 1970-01-01 was a Thursday */
   out->tm_yday = before[m - 1] + (int)d - 1 + (m > 2 && is_leap(y));
   out->tm_isdst = 0;
   return out;
}
