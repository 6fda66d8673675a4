/* offset.h - offset and size expressions.
 *
 *    0x1f00   4096   64K   1.5G   2T      absolute (K/M/G/T/P/E are powers of 1024)
 *    50%      12.5%                       a share of the object's size
 *    -4K                                  from the end (start offsets) or back (goto)
 *    +1M                                  forward from the current offset (goto)
 *    end                                  the last byte (goto)
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
   OffsetUnit unit;
   uint64_t value;
} OffsetExpr;

/* How a parsed expression is read. */
typedef enum {
   OFFSET_AS_START,    /* '-N' counts from the end; '+N' means N; no "end" */
   OFFSET_AS_GOTO,     /* '+N'/'-N' move from the current offset; "end" allowed */
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
