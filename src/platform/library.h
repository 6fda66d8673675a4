/* library.h - loading a shared library at run time (dlopen(3), dlsym(3)).
 *
 * Libraries that only the sandboxed child needs (libmagic, libseccomp) are
 * loaded in that child alone, never linked into the program: mapping and
 * relocating them (and liblzma, libbz2, libz behind libmagic) would cost
 * the viewer before its first screen, for work that comes after it.
 *
 *   platform_library_open(SONAME): the library's handle (never closed: it
 *     lives as long as the process), or NULL with the loader's reason in
 *     WHY (at most WHYSZ bytes, always terminated).
 *   platform_library_function(LIB, NAME): the address of the function
 *     NAME, or NULL; the caller converts it to the function's own type.
 * A process that is about to confine itself loads what it needs before:
 * a seccomp filter forbids the open(2) and PROT_EXEC mmap(2) of a load. */
#ifndef MAPSCOPE_PLATFORM_LIBRARY_H
#define MAPSCOPE_PLATFORM_LIBRARY_H

#include <stddef.h>

typedef struct PlatformLibrary PlatformLibrary;
typedef void (*PlatformFunction)(void);

PlatformLibrary *platform_library_open(const char *soname, char *why, size_t whysz);
PlatformFunction platform_library_function(PlatformLibrary *lib, const char *name);

#endif
