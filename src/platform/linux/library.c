/* library.c - library.h on Linux: dlopen(3) and dlsym(3). */
#include "config.h"

#include "platform/library.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

PlatformLibrary *platform_library_open(const char *soname, char *why, size_t whysz) {
   void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
   if (!h && whysz > 0) {
      const char *e = dlerror();
      snprintf(why, whysz, "%s", e ? e : soname);
   }
   return (PlatformLibrary *)h;
}

/* dlsym() returns an object pointer; POSIX guarantees that it holds a
 * function's address, and memcpy() converts it without a cast that ISO C
 * leaves undefined. */
PlatformFunction platform_library_function(PlatformLibrary *lib, const char *name) {
   void *p = lib ? dlsym((void *)lib, name) : NULL;
   PlatformFunction f = NULL;
   if (p)
      memcpy(&f, &p, sizeof f);
   return f;
}
