/* inspect_magic.h - libmagic as the type lookup and the scan use it
 * (inspect.c, inspect_scan.c): loaded with the platform's library loader
 * (platform/library.h) in the sandboxed child, before it confines itself,
 * never in the viewer.  Only built with libmagic (HAVE_LIBMAGIC). */
#ifndef MAPSCOPE_INSPECT_MAGIC_H
#define MAPSCOPE_INSPECT_MAGIC_H

#include <stdbool.h>
#include <stddef.h>

#include <magic.h>

/* The type lookup's flags: no decompression (a child gets no helpers). */
#define MAGIC_FLAGS (MAGIC_NONE | MAGIC_NO_CHECK_COMPRESS | MAGIC_ERROR)

/* The four functions of libmagic (magic(3)) this program calls. */
typedef struct {
   magic_t (*open)(int flags);
   int (*load)(magic_t m, const char *file);
   const char *(*buffer)(magic_t m, const void *buf, size_t len);
   void (*close)(magic_t m);
} MagicApi;

/* Load libmagic once (later calls reuse it) and fill *API; false when the
 * library or one of its functions could not be found. */
bool inspect_magic_api(MagicApi *api);

/* magic_open(FLAGS) and the default database loaded; NULL when either
 * fails.  The caller closes it with api->close. */
magic_t inspect_magic_ready(const MagicApi *api, int flags);

#endif
