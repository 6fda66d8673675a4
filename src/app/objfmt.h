/* objfmt.h - named objects as text: the pieces --list, --info and --demo share.
 *
 * Every name and command that reaches the output here is escaped
 * (core/escape.h), and quoted for JSON where JSON is written. */
#ifndef MAPSCOPE_OBJFMT_H
#define MAPSCOPE_OBJFMT_H

#include <stdio.h>
#include <wchar.h>

#include "app/objwho.h"
#include "core/objects.h"
#include "core/source.h"

/* "/x" for shm, semaphores and queues, "KIND:x" for a memfd, "key=0x0000abcd id=3"
 * for System V; escaped and malloc'd (never NULL). */
char *objfmt_display_name(const Obj *o);

/* The size column: bytes; "-" for what has no bytes to give (a System V
 * semaphore set: its count is "nsems" in the detail; a POSIX queue: the
 * kernel gives its bytes queued only where reading would change the
 * queue's times); "?" unknown. */
void objfmt_size(const Obj *o, char *buf, size_t size);

/* The processes column: the count seen, "?" when none was seen and some
 * may be missing, "2+?" when more may hold it than the 2 seen. */
void objfmt_procs(const Obj *o, char *buf, size_t size);
/* Why some of O's holders may be missing (translated), "" when none. */
void objfmt_holders_why(const Obj *o, char *buf, size_t size);

/* Kind-specific facts: "value=1", "nattch=2 cpid=10 lpid=11", "nsems=3",
 * "messages=2 maxmsg=10 msgsize=8192" ...  A
 * segment this process has attached shows its nattch without us and
 * "(+1 mapscope)"; the JSON's "nattch" leaves us out the same way and
 * "nattch_mapscope" counts us. */
void objfmt_detail(const Obj *o, char *buf, size_t size);

/* "fd 3" or "map 7f00..-7f00.. rw-s +0x0". */
void objfmt_attacher(const ObjAttacher *a, char *buf, size_t size);

/* Distinct attaching pids: "12,13 +2" (at most MAX shown), "-" for none;
 * "?" for none seen and "12 +?" when some holders may be missing. */
void objfmt_pids(const Obj *o, size_t max, char *buf, size_t size);

/* Who holds O: distinct processes, and how (one process may do both, and
 * several times). */
typedef struct {
   size_t processes, descriptors, mappings;
} ObjfmtHolders;
void objfmt_holders(const Obj *o, ObjfmtHolders *h);

/* The flags as "name-collision,removed", "-" for none. */
void objfmt_flags(unsigned flags, char *buf, size_t size);

/* Write O as one JSON object (no trailing newline).  Times unknown or that
 * never were (0 in O) are null; "flag_explanations" maps each flag set to
 * its sentence; "held_by" counts processes, descriptors and mappings. */
void objfmt_json_object(FILE *f, const Obj *o, const char *indent);
/* ,"KEY":RAW as a JSON string; when RAW is not UTF-8 (JSON strings are
 * Unicode: such a byte reads as U+FFFD), ,"KEY_bytes":"HEX" follows with
 * its exact bytes. */
void objfmt_json_str(FILE *f, const char *key, const char *raw);
/* ,"swap":B,"mounts":[...],"holders":[...],"partitions":[{"name":N,"mounts":[...],
 * "holders":[...],"swap":B}] of a block device's users. */
void objfmt_json_block_lists(FILE *f, const PlatformBlockUsers *u);
/* The same after SEP ("" for an object's first field). */
void objfmt_json_field(FILE *f, const char *sep, const char *key, const char *raw);

/* Why message queues are missing from a list of KINDS (a mask of
 * 1 << ObjKind) scanned into L: the mqueue file system is not mounted.
 * NULL when they are not missing.  Translated. */
const char *objfmt_mq_note(const ObjList *l, unsigned kinds);
/* For a POSIX shm object or semaphore O of L (their names share one name
 * space with message queues) when the mqueue file system is not mounted:
 * that a queue of the same name cannot be seen, so its collision is not
 * flagged, and how to mount it.  NULL otherwise.  Translated. */
const char *objfmt_mq_unseen(const ObjList *l, const Obj *o);

/* The processes of L that could not be inspected: a note line with their
 * count, then one line for each reason (the reasons' texts with the pid
 * left out are the same), in the order first seen: "    1 process (PID
 * COMMAND): WHY" (the command escaped), or "    N processes (pids P1,
 * P2, ...): WHY" with at most 10 pids, then an ellipsis, and the WHY of
 * the first.  The JSON keeps every process.  Nothing when there are none. */
void objfmt_denied(FILE *f, const ObjList *l);
/* The same as the members of a JSON object (after "denied"):
 * ,"not_inspected":[{"pid":P,"command":C,"reason":"refused"|"exited","why":W},...] */
void objfmt_denied_json(FILE *f, const ObjList *l);
/* The same, of the processes WHO selects only (--pid, :pid; NULL or no
 * pid given: every process), and how many those are. */
void objfmt_denied_who(FILE *f, const ObjList *l, const ObjWho *who);
void objfmt_denied_json_who(FILE *f, const ObjList *l, const ObjWho *who);
unsigned objfmt_denied_count(const ObjList *l, const ObjWho *who);

/* The command-line modes' source_set_use_hook() hook (core/source.h):
 * "mapscope: SOURCE: NOTE" on standard error when a source's use changed
 * its object (a System V segment attached: nattch, lpid, times).  CTX is
 * unused. */
void objfmt_report_use(void *ctx, const Source *src, const char *note);

/* Display width of an escaped string in the current locale. */
size_t objfmt_width(const char *s);

/* The one place a character is measured: the length in bytes of the
 * character at S (LEN bytes left, at least 1; conversion state ST) and, in
 * *COLUMNS, the terminal columns it takes (wcwidth(); 1 for a byte that is
 * no character in the locale, 0 for one that cannot be shown). */
size_t objfmt_char(const char *s, size_t len, mbstate_t *st, int *columns);

/* TEXT, one of --info's translated labels ("source:", "held by:" ...),
 * padded in screen columns to the widest of them all in the language in
 * use (at least 12): the values line up whatever the language ("Granu-
 * larität:" is 13 columns, a CJK letter 2).  One printf at a time. */
const char *objfmt_info_label(const char *text);
#endif
