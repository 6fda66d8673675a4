/* objlock.c - file locks as text and JSON (app/objlock.h). */
#include "config.h"

#include "app/objlock.h"
#include "app/objfmt.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "core/json.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static const char *kind_label(PlatformLockKind k) {
   static const char *const labels[] = {
      [PLATFORM_LOCK_POSIX] = "POSIX", [PLATFORM_LOCK_OFD] = "OFD",
      [PLATFORM_LOCK_FLOCK] = "FLOCK", [PLATFORM_LOCK_LEASE] = "LEASE",
      [PLATFORM_LOCK_DELEG] = "DELEG", [PLATFORM_LOCK_OTHER] = "OTHER",
   };
   return (size_t)k < sizeof labels / sizeof labels[0] ? labels[k] : "OTHER";
}

static const char *type_word(PlatformLockType t) {
   switch (t) {
   case PLATFORM_LOCK_READ:  return _("read");
   case PLATFORM_LOCK_WRITE: return _("write");
   default:                  return _("unlock");
   }
}

/* flock locks, leases and delegations are of the whole file: the kernel
 * prints "0 EOF" for them. */
static bool whole_file(const PlatformLockRecord *r) {
   return r->kind == PLATFORM_LOCK_FLOCK || r->kind == PLATFORM_LOCK_LEASE
          || r->kind == PLATFORM_LOCK_DELEG;
}

void objlock_what(const ObjLock *k, char *buf, size_t size) {
   const PlatformLockRecord *r = &k->lock;
   char range[64];
   if (whole_file(r))
      snprintf(range, sizeof range, "%s", _("whole file"));
   else if (r->to_eof)
      snprintf(range, sizeof range, _("bytes %llu-EOF"), (unsigned long long)r->start);
   else
      snprintf(range, sizeof range, _("bytes %llu-%llu"), (unsigned long long)r->start,
               (unsigned long long)r->end);
   snprintf(buf, size, "%s %s %s, %s", kind_label(r->kind), type_word(r->type),
            r->mandatory ? _("mandatory") : _("advisory"), range);
}

void objlock_who(const ObjLock *k, char *buf, size_t size) {
   char *comm = escape_dup(k->comm ? k->comm : "?");
   const char *self = k->self ? _(" (this process)") : "";
   if (k->seen_on_fd)
      snprintf(buf, size, _("pid %d fd %d %s%s"), k->pid, k->fd, comm, self);
   else if (k->pid > 0 && (k->lock.waiting || k->lock.kind == PLATFORM_LOCK_POSIX))
      snprintf(buf, size, _("pid %d %s%s"), k->pid, comm, self);
   else if (k->pid > 0)
      snprintf(buf, size, _("taken by pid %d %s%s; no descriptor of it could be inspected"),
               k->pid, comm, self);
   else
      snprintf(buf, size, "%s", _("holder not known: no descriptor of it could be inspected"));
   free(comm);
}

void objlock_text(const ObjLock *k, char *buf, size_t size) {
   char what[128], who[256];
   objlock_what(k, what, sizeof what);
   objlock_who(k, who, sizeof who);
   snprintf(buf, size, "%s%s: %s", k->lock.waiting ? _("waiting: ") : "", what, who);
}

static void json_one(FILE *f, const ObjLock *k) {
   const PlatformLockRecord *r = &k->lock;
   fprintf(f, "{\"kind\":\"%s\",\"type\":\"%s\",\"mandatory\":%s,\"waiting\":%s,"
           "\"start\":%" PRIu64, objects_lock_kind_name(r->kind), objects_lock_type_name(r->type),
           r->mandatory ? "true" : "false", r->waiting ? "true" : "false", r->start);
   if (r->to_eof)
      fputs(",\"end\":null", f);
   else
      fprintf(f, ",\"end\":%" PRIu64, r->end);
   fprintf(f, ",\"whole_file\":%s", whole_file(r) ? "true" : "false");
   if (k->pid > 0) {
      fprintf(f, ",\"pid\":%d", k->pid);
      objfmt_json_str(f, "command", k->comm ? k->comm : "?");
   } else {
      fputs(",\"pid\":null,\"command\":null", f);
   }
   if (k->fd >= 0)
      fprintf(f, ",\"fd\":%d", k->fd);
   else
      fputs(",\"fd\":null", f);
   char *why = json_name_dup(_(objects_lock_explain(r->kind)));
   fprintf(f, ",\"self\":%s,\"seen_on_fd\":%s,\"explanation\":%s}", k->self ? "true" : "false",
           k->seen_on_fd ? "true" : "false", why);
   free(why);
}

void objlock_json(FILE *f, const Obj *o) {
   fputs(",\"locks\":[", f);
   for (size_t i = 0; i < o->nlocks; i++) {
      fputs(i ? "," : "", f);
      json_one(f, &o->locks[i]);
   }
   fputc(']', f);
}
