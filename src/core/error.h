/* error.h - every error mapscope can report, in one table.
 *
 * Core code fills an Error and returns; only the application prints it, as
 *    mapscope: SUBJECT: MESSAGE (REASON)
 * where REASON is the detail text, or strerror() of the saved errno. */
#ifndef MAPSCOPE_ERROR_H
#define MAPSCOPE_ERROR_H

#include <stdarg.h>
#include <stddef.h>

typedef enum {
   ERR_NONE = 0,
   ERR_USAGE,            /* bad command line */
   ERR_BAD_OFFSET,       /* an offset or size expression that does not parse */
   ERR_OPEN,             /* open() failed: errno says why */
   ERR_IS_DIRECTORY,
   ERR_NOT_MAPPABLE,     /* FIFO, socket, character device ... */
   ERR_EMPTY,            /* zero-length object: cannot be mapped */
   ERR_PAST_END,         /* an offset at or past the end of the object */
   ERR_BAD_NAME,         /* a shared-memory name that cannot be one */
   ERR_BAD_SOURCE,       /* SOURCE syntax not understood */
   ERR_MAP,              /* mmap() failed */
   ERR_SHRANK,           /* the object shrank while mapped (SIGBUS caught) */
   ERR_SHRANK_READ,      /* the object ended early under read() */
   ERR_READ,             /* read error */
   ERR_WRITE,            /* write error on output */
   ERR_BAD_GRANULARITY,
   ERR_BAD_PATTERN,      /* a search pattern that does not parse */
   ERR_SCAN,             /* the named objects or processes could not be listed */
   ERR_NO_OBJECT,        /* no such named object */
   ERR_DEMO,             /* the demo scene could not be built */
   ERR_TOUR,             /* the tour's objects could not be made */
   ERR_READ_ONLY,        /* edits refused: no write permission, or not the owner without -w */
   ERR_CHANGED,          /* the object changed on disk since editing began */
   ERR_FLUSH,            /* writing the edits failed; they are kept */
   ERR_JOURNAL,          /* the rollback journal cannot be written or read */
   ERR_TERMINAL,         /* the screen cannot start: not a terminal */
   ERR_SWAPPED,          /* not the object listed or stat'ed: refused before any I/O */
   ERR_PROC_DENIED,      /* another process's memory: access refused (the detail says why) */
   ERR_PROC_GONE,        /* the process has exited (or never was) */
   ERR_UNREADABLE,       /* bytes of a process that cannot be read (unmapped, guard page ...) */
   ERR_BAD_SEM_NAME,     /* a semaphore name that cannot be one */
   ERR_BEFORE_START,     /* an offset before the start of the object (-N past its size) */
   ERR_FLUSH_REFUSED,    /* the edits were not written: refused before any write (in use,
                            locked by another); they are kept */
   ERR_COUNT
} ErrorCode;

typedef struct {
   ErrorCode code;
   int sys_errno;          /* 0 when the detail says it all */
   char detail[384];       /* the part in parentheses; may be empty (a process's
                              refusal names its cause and its fix) */
   unsigned short cli_hint_at; /* 0: none; else detail from here on ("; --dump,
                              --xxd and --find read it") names command-line
                              flags: the screen drops it (error_for_screen) */
} Error;

/* Record an error; DETAIL_FMT may be NULL (then strerror(SYS_ERRNO) is used). */
void error_set(Error *e, ErrorCode code, int sys_errno, const char *detail_fmt, ...)
   PRINTF_LIKE(4, 5);

/* Append "; HINT" to E's detail: a hint that names command-line flags,
 * dropped where the screen speaks (error_for_screen). */
void error_add_cli_hint(Error *e, const char *hint);

/* E as the screen says it: its command-line hint dropped. */
void error_for_screen(Error *e);

/* The untranslated message of CODE (marked for gettext in the table). */
const char *error_message(ErrorCode code);

/* 2 for usage errors, 1 for everything else. */
int error_exit_status(ErrorCode code);

#endif
