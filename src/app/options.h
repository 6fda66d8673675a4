/* options.h - the command line (the interface: tests, scripts and the man
 * page depend on these names). */
#ifndef MAPSCOPE_OPTIONS_H
#define MAPSCOPE_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/objtable.h"
#include "app/objwho.h"
#include "app/xxd_options.h"

typedef enum {
   MODE_VIEW,        /* the interactive screen (default) */
   MODE_LIST,        /* --list: the named objects */
   MODE_INFO,        /* --info: what is known of SOURCE */
   MODE_DEMO,        /* --demo: the teaching scene */
   MODE_DUMP,        /* --dump: hexdump -C */
   MODE_XXD,         /* --xxd: xxd */
   MODE_FIND,        /* --find: the offsets of matches (--count: their number) */
   MODE_PATCH,       /* --patch: copy-on-write edits, --flush writes them */
   MODE_RECOVER,     /* --recover: roll back an interrupted flush */
   MODE_TOUR         /* --tour: the article's concepts, step by step */
} Mode;

typedef struct Options {
   Mode mode;
   const char *source;          /* NULL: none given */
   const char *skip;            /* -s, as typed */
   const char *length;          /* -n, as typed */
   uint64_t granularity;        /* -g, else the page size */
   uint64_t window_size;        /* -W, 0 = the mode's default */
   bool windows_given;          /* -g or -W: --dump maps windows */
   bool verbose;                /* -v: --dump prints repeated lines (hexdump -v) */
   const char *find;            /* --find PATTERN, as typed */
   bool count;                  /* --count: only the number of matches */
   bool hex;                    /* --hex: PATTERN is hex bytes, ?? a wildcard */
   bool ignore_case;            /* -i: ASCII letters match either case */
   bool json;                   /* --json: --list and --info print JSON */
   unsigned kinds;              /* --kind: mask of 1 << ObjKind, 0 = all */
   ObjWho who;                  /* --pid, --user: the objects of these */
   bool who_given;
   ObjTableColumn sort;         /* --sort=[-]COLUMN (default: kind) */
   bool sort_reverse;           /* ... with '-': descending */
   bool sort_given;
   ObjTableColumn columns[OBJTABLE_ALL_COLUMNS];   /* --columns: the table's */
   size_t ncolumns;             /* 0: the default columns */
   /* --kind, --sort and --columns as typed: they are parsed once SOURCE is
    * known (--list pid:PID lists regions, whose kinds and columns are the
    * region list's: app/regions.h). */
   const char *kinds_text, *sort_text, *columns_text;
   bool regions;                /* --list pid:PID: a process's region list */
   const char **patches;        /* --patch OFFSET:HEXBYTES, as typed */
   size_t npatches;
   bool flush;                  /* --flush */
   bool force;                  /* --force: flush even when the object changed */
   bool write;                  /* -w: edit objects of other users */
   /* the screen */
   const char *offset;          /* -o, as typed */
   const char **commands;       /* -c CMD, repeatable, in order */
   unsigned command_count;
   const char *script;          /* --script FILE (else $MAPSCOPE_SCRIPT) */
   int color;                   /* --color: OPTIONS_COLOR_* */
   unsigned cols;               /* --cols: bytes per row, 0 = fit the width */
   unsigned refresh_ms;         /* --refresh: the live view's interval, 0 = default */
   XxdOptions xxd;              /* --xxd: the xxd options after it (app/xxd_options.h) */
} Options;

enum { OPTIONS_COLOR_AUTO, OPTIONS_COLOR_ALWAYS, OPTIONS_COLOR_NEVER };

/* Parse ARGV.  Returns -1 to go on, or an exit status (0 after --help or
 * --version, 2 after a usage error, already reported). */
int options_parse(int argc, char **argv, Options *o);

#endif
