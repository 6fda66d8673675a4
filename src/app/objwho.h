/* objwho.h - which named objects a user asks about by process and by owner,
 * as lsof's -p and -u: --pid PID[,PID...] keeps the objects those processes
 * hold (a descriptor or a mapping), --user NAME|UID the objects that user
 * owns (the OWNER column).  Both given: an object must pass both.
 *
 * Shapes: at most OBJWHO_MAX_PIDS pids, each 1..INT32_MAX.  The parse
 * functions return false and an N_() text in *WHY on bad input, leaving W
 * as it was. */
#ifndef MAPSCOPE_OBJWHO_H
#define MAPSCOPE_OBJWHO_H

#include <stdbool.h>
#include <stddef.h>

#include "core/objects.h"

#define OBJWHO_MAX_PIDS 64

typedef struct {
   int pids[OBJWHO_MAX_PIDS];
   size_t npids;              /* 0: any process */
   bool by_user;
   unsigned uid;
   char user[64];             /* as the user typed it, for titles (escape it) */
} ObjWho;

/* "PID[,PID...]"; "" clears the pid filter. */
bool objwho_parse_pids(ObjWho *w, const char *text, const char **why);
/* A login name or a number; "" clears the user filter. */
bool objwho_parse_user(ObjWho *w, const char *text, const char **why);

/* Whether a process PID exists now (ps -p, lsof -p say when not). */
bool objwho_pid_exists(int pid);
/* Is process PID one W asks about?  (W NULL, or no pid given: every one.) */
bool objwho_pid_selected(const ObjWho *w, int pid);
/* Does O pass W?  (W NULL: every object.) */
bool objwho_match(const ObjWho *w, const Obj *o);

/* "12,13" into BUF: the pid filter as text ("" when none). */
void objwho_pids_text(const ObjWho *w, char *buf, size_t size);

#endif
