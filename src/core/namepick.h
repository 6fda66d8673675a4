/* namepick.h - one of a table's names, chosen by what a user typed, as
 * --sort, --columns, --kind and the screen's :sort and :kind take it: the
 * whole name in any case, or a prefix (any case) of exactly one name.  A
 * whole name is never ambiguous ("sysv" is a kind although "sysv-shm"
 * starts with it).  Each name may have a second spelling (its
 * translation), matched the same way.  Names are ASCII or UTF-8; case is
 * folded for ASCII letters only.  No output here: app/pickmsg.h says it. */
#ifndef MAPSCOPE_NAMEPICK_H
#define MAPSCOPE_NAMEPICK_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
   const char *const *names;     /* N untranslated names */
   const char *const *alt;       /* N second spellings (entries may be NULL), or NULL */
   size_t n;
} NameSet;

typedef enum {
   NAMEPICK_FOUND,
   NAMEPICK_UNKNOWN,             /* no name starts with it (or it is empty) */
   NAMEPICK_AMBIGUOUS            /* it starts several names, and is none of them */
} NamePick;

/* WORD (LEN bytes) among S: *INDEX gets the name's index when FOUND. */
NamePick namepick(const NameSet *s, const char *word, size_t len, size_t *index);
/* The names WORD (LEN bytes) is a prefix of, "processes, pids", into BUF
 * (for the message of an ambiguous word). */
void namepick_candidates(const NameSet *s, const char *word, size_t len, char *buf, size_t size);
/* Every name of S, "kind, name, size", into BUF (for the message of an
 * unknown word). */
void namepick_all(const NameSet *s, char *buf, size_t size);

#endif
