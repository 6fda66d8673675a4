/* range.h - the -s/--skip and -n/--length range of the script modes. */
#ifndef MAPSCOPE_RANGE_H
#define MAPSCOPE_RANGE_H

#include <stdint.h>

#include "app/options.h"
#include "core/source.h"

/* Resolve -s and -n against SRC's size: *start, and *length as asked for
 * (UINT64_MAX without -n; not clipped: hexdump -C prints its closing offset
 * line for a range asked of a given length even when none is left).
 * *START may lie past the end: the modes do what their peers do there.
 * For an object of unknown size (read_to_end), -N and N% are refused.
 * Returns -1 on success, or the exit status after reporting the problem. */
int range_resolve(const Options *o, const Source *src, uint64_t *start, uint64_t *length);

/* The end of [START, START + LENGTH) clipped to SIZE. */
uint64_t range_end(uint64_t start, uint64_t length, uint64_t size);

#endif
