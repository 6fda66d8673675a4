/* options.h - the command line (the interface: tests, scripts and the man
 * page depend on these names). */
#ifndef MAPSCOPE_OPTIONS_H
#define MAPSCOPE_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

typedef enum {
   MODE_VIEW,        /* the interactive screen (default) */
   MODE_DUMP,        /* --dump: hexdump -C */
   MODE_XXD          /* --xxd: xxd */
} Mode;

typedef struct {
   Mode mode;
   const char *source;          /* NULL: none given */
   const char *skip;            /* -s, as typed */
   const char *length;          /* -n, as typed */
   uint64_t granularity;        /* -g, 0 = the page size */
   uint64_t window_size;        /* -W, 0 = the mode's default */
} Options;

/* Parse ARGV.  Returns -1 to go on, or an exit status (0 after --help or
 * --version, 2 after a usage error, already reported). */
int options_parse(int argc, char **argv, Options *o);

#endif
