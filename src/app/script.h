/* script.h - the key-script mode (--script FILE, MAPSCOPE_SCRIPT=FILE).
 *
 * A script drives the screen as a user would, one line at a time; each line
 * is carried out and the screen redrawn before the next is read, so tests
 * and benchmarks get the same screens every run.  Lines:
 *
 *    # a comment                     ignored, as are empty lines
 *    :goto 50%                       a command, as typed after ':'
 *    jjj<PgDn><C-d>                  keys: characters, and <Name> for the
 *                                    others (<Down> <PgDn> <Home> <F1> <C-d>
 *                                    <Esc> <Enter> <Space> <WheelDown> <lt>,
 *                                    <Click:Y,X> a click at row Y, column X)
 *    @sync PATH                      create PATH once everything before it is
 *                                    on the screen (tests wait for it); it
 *                                    holds the screen size, "80x24"
 *
 * A line too long for Script.line, or with a NUL byte in it, is bad as a
 * whole (SCRIPT_BAD, Script.flaw says why): no part of it is carried out.
 *
 * The file may be a FIFO that a test keeps writing to: the screen goes on
 * reading the terminal while it waits for the next line. */
#ifndef MAPSCOPE_SCRIPT_H
#define MAPSCOPE_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

typedef enum {
   SCRIPT_NONE,        /* no complete line yet (read more) */
   SCRIPT_KEYS,        /* text: the keys */
   SCRIPT_COMMAND,     /* text: the command, without ':' */
   SCRIPT_SYNC,        /* text: the path */
   SCRIPT_BAD,         /* text: the line; an unknown directive */
   SCRIPT_END          /* end of the script */
} ScriptKind;

typedef struct {
   int fd;
   bool eof;
   unsigned line_no;
   size_t len;
   char buf[8192];
   char line[2048];
   const char *flaw;   /* why the line taken last is bad (N_()), or NULL:
                        * longer than line[] holds, or a NUL byte in it */
   bool skipping;      /* dropping the rest of an overlong line */
} Script;

bool script_open(Script *sc, const char *path, Error *e);
void script_close(Script *sc);

/* Read what is there (one read; it blocks only if nothing is). */
bool script_fill(Script *sc, Error *e);

/* The next complete line, if one is buffered. */
ScriptKind script_next(Script *sc, const char **text);

/* Take the next key from *P: a single character (its byte in *CH, *NAME
 * NULL) or a <Name> (NAME gets the name without brackets).  False at the
 * end of the text; *P moves past what was taken. */
bool script_next_key(const char **p, int *ch, char *name, size_t namesz);

/* Make the file of an @sync line: PATH must be new (an existing file, and a
 * symlink even to nowhere, is never opened, so never written through); it
 * holds TEXT.  0, or an errno value (EEXIST when something is at PATH). */
int script_sync_create(const char *path, const char *text);

#endif
