/* platform.h - everything mapscope asks of the operating system, by
 * capability.  Each header below is small and OS-neutral; one directory
 * (linux/ today) implements them all, and configure picks it:
 *
 *   files.h      open, stat, read, write, sync, lock objects; handles, user ids
 *   mapping.h    map and unmap windows, the SIGBUS guard, residency, page flags
 *   processes.h  children that run a function, workers, signal events, the clock
 *   terminal.h   is this a terminal, UTF-8, the terminal's signals
 *   names.h      the named objects of the machine and who holds them
 *   scene.h      making and removing named objects (--demo, tests)
 *
 * New code includes the header it needs; this one includes them all. */
#ifndef MAPSCOPE_PLATFORM_H
#define MAPSCOPE_PLATFORM_H

#include "platform/files.h"
#include "platform/identity.h"
#include "platform/mapping.h"
#include "platform/processes.h"
#include "platform/terminal.h"
#include "platform/names.h"
#include "platform/scene.h"
#include "platform/procfs.h"
#include "platform/procmem.h"
#include "platform/pseudo.h"
#include "platform/tour.h"

#endif
