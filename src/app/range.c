/* range.c - resolving -s and -n. */
#include "config.h"

#include "app/range.h"
#include "app/diag.h"
#include "core/gettext.h"
#include "core/offset.h"

int range_resolve(const Options *o, const Source *src, uint64_t *start, uint64_t *length) {
   const char *why = NULL;
   *length = UINT64_MAX;
   *start = 0;
   if (o->skip && !offset_eval(o->skip, OFFSET_AS_START, src->size, 0, start, &why))
      return diag_bad_value("--skip", o->skip, _("invalid offset"), _(why));
   if (o->length && !offset_eval(o->length, OFFSET_AS_LENGTH, src->size, 0, length, &why))
      return diag_bad_value("--length", o->length, _("invalid size"), _(why));
   if (*start > src->size) {
      Error e;
      error_set(&e, ERR_PAST_END, 0, _("offset %llu, size %llu"),
                (unsigned long long)*start, (unsigned long long)src->size);
      return diag_error(src->spec, &e);
   }
   return -1;
}

uint64_t range_end(uint64_t start, uint64_t length, uint64_t size) {
   return size - start < length ? size : start + length;
}
