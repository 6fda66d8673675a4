/* flush_inplace.h - the flush of a kind written in place, without a
 * journal (another process's memory: SOURCE_CAN_EDIT without
 * SOURCE_CAN_JOURNAL); flush_commit() (flush.h) calls it.
 *
 * The modified bytes are cut into pieces that each lie within one page of
 * the object's addresses (a page is written whole or not at all: the
 * kernel pins it before it copies).  Each piece is read again first: a
 * byte that changed since the edits were made over it refuses the flush
 * (nothing written) unless FO->force; a byte that already holds its edit
 * is no change (a flush that failed before left it so).  Then the pieces
 * are written in order.  When one fails, the pieces written before it get
 * their bytes of just before back (best effort: the process may have
 * unmapped them or died); E then says what was written and could not be
 * restored, by address.  Every edit is kept on failure; on success they
 * are dropped.  Without a journal a crash of mapscope mid-flush leaves
 * what was written. */
#ifndef MAPSCOPE_FLUSH_INPLACE_H
#define MAPSCOPE_FLUSH_INPLACE_H

#include <stdbool.h>

#include "core/edits.h"
#include "core/error.h"
#include "core/flush.h"

bool flush_inplace_commit(EditSet *es, const FlushOptions *fo, Error *e);

#endif
