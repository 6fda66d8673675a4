/* pickmsg.h - what to say of a word that names no column or kind, or
 * several (core/namepick.h): the same words on the command line
 * ("mapscope: --sort 'p': ambiguous column name (possibilities:
 * processes, pids)") and on the screen (":sort 'p': ambiguous column
 * name (possibilities: processes, pids)"). */
#ifndef MAPSCOPE_PICKMSG_H
#define MAPSCOPE_PICKMSG_H

#include <stddef.h>

#include "core/namepick.h"

typedef enum {
   PICK_COLUMN,
   PICK_KIND
} PickNoun;

/* The WHAT and WHY of the message, translated. */
typedef struct {
   char what[128];
   char why[512];
} PickMsg;

/* Why WORD (LEN bytes) picked nothing from S (R: UNKNOWN or AMBIGUOUS):
 * "no such column" and every name, or "ambiguous column name" and
 * "possibilities: a, b"; the same for kinds. */
void pickmsg_explain(const NameSet *s, PickNoun noun, NamePick r, const char *word, size_t len,
                     PickMsg *m);
/* "SUBJECT 'WORD': WHAT (WHY)" into BUF, WORD (LEN bytes) escaped, as
 * diag_bad_value() prints it. */
void pickmsg_format(char *buf, size_t size, const char *subject, const char *word, size_t len,
                    const PickMsg *m);
/* diag_bad_value(SUBJECT, WORD, ...) with M: 2, bad usage. */
int pickmsg_usage(const char *subject, const char *word, size_t len, const PickMsg *m);

#endif
