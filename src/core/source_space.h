/* source_space.h - why touching a mapped page of a source failed when the
 * source did not shrink: its file system is full, and the page over a hole
 * could not be allocated (tmpfs, /dev/shm). */
#ifndef MAPSCOPE_SOURCE_SPACE_H
#define MAPSCOPE_SOURCE_SPACE_H

#include <stdbool.h>

#include "core/source.h"

/* The message for that case (N_()). */
extern const char source_fs_full_text[];

/* True when S has a descriptor whose file system has no free block. */
bool source_fs_full(const Source *s);

#endif
