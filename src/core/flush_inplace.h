/* flush_inplace.h - writing edits to an object that is written in place,
 * without a journal: another process's memory (a kind with SOURCE_CAN_EDIT
 * but not SOURCE_CAN_JOURNAL, whose SourceOps.write writes it).
 *
 * There is no rollback journal: nothing makes such a flush all-or-nothing
 * across a crash of mapscope or of the process.  What it does instead:
 *
 *   1. read every modified range from the object again and compare it
 *      with the bytes as they were read when the edit was made
 *      (edits_original): refuse, unless forced, when any of them changed
 *      (the process wrote there since), naming how many and the first;
 *   2. write the ranges in address order with source_write();
 *   3. when a write fails, write back the bytes read in step 1 over the
 *      ranges already written (best effort, said in the error when it
 *      fails too), keep every edit, and report the error.
 *
 * On success the edits are gone (the object holds them). */
#ifndef MAPSCOPE_FLUSH_INPLACE_H
#define MAPSCOPE_FLUSH_INPLACE_H

#include <stdbool.h>

#include "core/edits.h"
#include "core/error.h"
#include "core/flush.h"

/* Whether ES's edits are flushed here (its kind is written in place). */
bool flush_inplace_applies(const EditSet *es);

/* Flush ES as above; FORCE_HINT names the way to force in the refusal
 * (":flush!").  R as flush_commit() fills it (no journal). */
bool flush_inplace(EditSet *es, bool force, const char *force_hint, FlushReport *r, Error *e);

#endif
