/* objlock.h - file locks on an object as text and as JSON: what --info,
 * --list and the attachers view show of core/objects.h's ObjLock.
 *
 * A line reads "POSIX write advisory, bytes 0-99: pid 1234 fd 3 locker":
 * the kind as the kernel names it (POSIX, OFD, FLOCK, LEASE, DELEG,
 * OTHER), the type, advisory or mandatory, the range (a flock lock has
 * none: "whole file"; inclusive ends, EOF for "to the end and beyond"),
 * then who holds it, as far as it is known (objects_locks.c says how).
 * Commands are escaped (core/escape.h); the text is translated. */
#ifndef MAPSCOPE_OBJLOCK_H
#define MAPSCOPE_OBJLOCK_H

#include <stdio.h>

#include "core/objects.h"

/* The lock without its holder: "POSIX write advisory, bytes 0-99". */
void objlock_what(const ObjLock *k, char *buf, size_t size);
/* Who holds it (or waits for it): "pid 1234 fd 3 locker (this process)". */
void objlock_who(const ObjLock *k, char *buf, size_t size);
/* Both: "waiting: " first for a waiter. */
void objlock_text(const ObjLock *k, char *buf, size_t size);

/* ,"locks":[{...},...] for O: kind, type, mandatory, waiting, start, end
 * (null: to EOF), whole_file, pid, command, fd, self, seen_on_fd and the
 * kind's explanation. */
void objlock_json(FILE *f, const Obj *o);

#endif
