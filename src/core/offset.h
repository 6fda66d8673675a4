/* offset.h - offset and size expressions, one grammar for the command line
 * (-s -n -o -g -W, --patch OFFSET) and the screen (:goto).
 *
 * Numbers as strtoul(, 0) and util-linux read them:
 *    0x1f00                hex
 *    010                   octal (a leading 0: 010 is 8)
 *    4096   1.5G           decimal, a fraction only with a unit or %
 * Units, case-insensitive: K M G T P E, and KiB MiB ... are powers of 1024;
 * KB MB GB TB PB EB are powers of 1000 (1K = 1KiB = 1024, 1KB = 1000).
 * Forms:
 *    N                     absolute
 *    N%                    a share of the object's size (at :goto, 100% is
 *                          the last byte)
 *    -N                    N bytes before the end, everywhere
 *    +N   .+N              forward from the current offset (the cursor at
 *                          :goto; 0 on the command line, so +N is N there)
 *    .-N                   back from the current offset
 *    end                   the last byte (:goto only)
 * A size (OFFSET_AS_LENGTH) takes no sign, no '.', no "end".
 *
 * Parsing knows nothing of the object; resolving needs its size and, for
 * relative moves, the current offset. */
#ifndef MAPSCOPE_OFFSET_H
#define MAPSCOPE_OFFSET_H

#include <stdbool.h>
#include <stdint.h>

#define OFFSET_MAX ((uint64_t)INT64_MAX)   /* off_t is signed */

typedef enum {
   OFFSET_BYTES,     /* value is a byte count */
   OFFSET_PERCENT,   /* value is parts per million of the size */
   OFFSET_END        /* the keyword "end" */
} OffsetUnit;

typedef struct {
   int sign;         /* -1, 0 or +1: an explicit '-' or '+' */
   bool relative;    /* from the current offset (".+N", ".-N", "+N"), else
                        a '-' counts from the end */
   OffsetUnit unit;
   uint64_t value;
} OffsetExpr;

/* How a parsed expression is read. */
typedef enum {
   OFFSET_AS_START,    /* the command line: no "end" */
   OFFSET_AS_GOTO,     /* the screen: "end" allowed, 100% is the last byte */
   OFFSET_AS_LENGTH    /* a plain size: no sign, no "end" */
} OffsetContext;

/* Parse TEXT.  On failure returns false and sets *why to an untranslated,
 * gettext-marked reason. */
bool offset_parse(const char *text, OffsetContext ctx, OffsetExpr *out, const char **why);

/* Turn EXPR into a byte offset for an object of SIZE bytes, CURRENT being the
 * offset a relative move starts from.  Results are clamped to [0, OFFSET_MAX]
 * but not to SIZE: the caller decides what "past the end" means. */
bool offset_resolve(const OffsetExpr *expr, OffsetContext ctx, uint64_t size,
                    uint64_t current, uint64_t *out, const char **why);

/* Both steps at once. */
bool offset_eval(const char *text, OffsetContext ctx, uint64_t size, uint64_t current,
                 uint64_t *out, const char **why);

#endif
