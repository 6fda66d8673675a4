/* range.c - resolving -s and -n. */
#include "config.h"

#include "app/range.h"
#include "app/diag.h"
#include "core/gettext.h"
#include "core/offset.h"

/* An offset that needs the size (-N, N%) cannot be resolved for an object
 * whose size is known only once it has been read to its end. */
static bool needs_size(const char *text) {
   OffsetExpr x;
   const char *why;
   return offset_parse(text, OFFSET_AS_START, &x, &why)
          && ((x.sign < 0 && !x.relative) || x.unit == OFFSET_PERCENT);
}

int range_resolve(const Options *o, const Source *src, uint64_t *start, uint64_t *length) {
   const char *why = NULL;
   *length = UINT64_MAX;
   *start = 0;
   if (src->read_to_end && o->skip && needs_size(o->skip))
      return diag_bad_value("--skip", o->skip, _("invalid offset"),
                            _("the size is known only once it has been read: "
                              "neither -N nor a percentage applies"));
   if (src->read_to_end && o->length && needs_size(o->length))
      return diag_bad_value("--length", o->length, _("invalid size"),
                            _("the size is known only once it has been read: "
                              "neither -N nor a percentage applies"));
   /* A source opened at an address (pid:PID:ADDR) starts there, and -s
    * counts from there. */
   uint64_t origin = src->origin < src->size ? src->origin : src->size;
   if (o->skip && !offset_eval(o->skip, OFFSET_AS_START, src->size - origin, 0, start, &why))
      return diag_bad_value("--skip", o->skip, _("invalid offset"), _(why));
   *start += origin;
   if (o->length && !offset_eval(o->length, OFFSET_AS_LENGTH, src->size, 0, length, &why))
      return diag_bad_value("--length", o->length, _("invalid size"), _(why));
   return -1;
}

uint64_t range_end(uint64_t start, uint64_t length, uint64_t size) {
   return size - start < length ? size : start + length;
}
