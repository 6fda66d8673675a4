/* compat.h - the libc functions some systems lack, declared where they do.
 *
 * configure checks each function (AC_REPLACE_FUNCS) and, where the C
 * library lacks it, builds the file of the same name here into the core
 * library; config.h includes this header last, so every file sees the
 * declaration without asking.  The replacements behave as glibc documents
 * its own (man 3 memmem, memrchr, strndup, gmtime_r, wcwidth). */
#ifndef MAPSCOPE_COMPAT_H
#define MAPSCOPE_COMPAT_H

#include <errno.h>
#include <stddef.h>
#include <time.h>
#include <wchar.h>

/* The errno values the platform layer reports that some C libraries do
 * not name (MinGW: ESTALE, "the object changed under the name"; ENOTBLK,
 * "not a block device", which the block device calls return for any
 * other object). */
#ifndef ESTALE
#define ESTALE 116
#endif
#ifndef ENOTBLK
#define ENOTBLK 15
#endif

/* The locale category of messages, which some C libraries lack (MinGW:
 * Windows has no LC_MESSAGES): there the messages follow the whole locale. */
#include <locale.h>
#ifndef LC_MESSAGES
#define LC_MESSAGES LC_ALL
#endif

/* Marks a function that takes a printf format at argument FMT and its
 * values from FIRST on, for the compiler to check.  MinGW checks formats
 * against its own C99 stdio (__USE_MINGW_ANSI_STDIO), not msvcrt's. */
#if defined __MINGW32__ && defined __USE_MINGW_ANSI_STDIO
#define PRINTF_LIKE(fmt, first) __attribute__((format(gnu_printf, fmt, first)))
#else
#define PRINTF_LIKE(fmt, first) __attribute__((format(printf, fmt, first)))
#endif

#ifndef HAVE_MEMMEM
void *memmem(const void *hay, size_t haylen, const void *needle, size_t needlelen);
#endif

#ifndef HAVE_MEMRCHR
void *memrchr(const void *s, int c, size_t n);
#endif

#ifndef HAVE_STRNDUP
char *strndup(const char *s, size_t n);
#endif

#ifndef HAVE_GMTIME_R
struct tm *gmtime_r(const time_t *t, struct tm *out);
#endif

#ifndef HAVE_WCWIDTH
/* Columns WC takes on a terminal: 0 for combining marks and zero-width
 * characters, 2 for East Asian wide and fullwidth ones, -1 for control
 * characters, 1 otherwise. */
int wcwidth(wchar_t wc);
#endif

#endif
