/* objfmt.c - named objects as text and JSON. */
#include "config.h"

#include "app/objfmt.h"
#include "app/objlock.h"
#include "app/objtable.h"
#include "core/escape.h"
#include "core/source_busy.h"
#include "core/gettext.h"
#include "core/textwidth.h"
#include "core/json.h"
#include "app/diag.h"
#include "platform/names.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static bool is_sysv(const Obj *o) {
   return o->kind == OBJ_SYSV_SHM || o->kind == OBJ_SYSV_SEM || o->kind == OBJ_SYSV_MSG;
}

char *objfmt_display_name(const Obj *o) {
   char buf[64];
   if (is_sysv(o)) {
      snprintf(buf, sizeof buf, "key=0x%08" PRIx32 " id=%" PRIu64, o->key, o->ino);
      return escape_dup(buf);
   }
   char memfd[16];
   snprintf(memfd, sizeof memfd, "%s:", objects_kind_name(OBJ_MEMFD));
   const char *prefix = o->kind == OBJ_MEMFD ? memfd
                        : o->kind == OBJ_FILE || o->kind == OBJ_BLOCK ? "" : "/";
   size_t n = strlen(prefix) + strlen(o->name) + 1;
   char *raw = malloc(n);
   if (!raw)
      return escape_dup("?");
   snprintf(raw, n, "%s%s", prefix, o->name);
   char *out = escape_dup(raw);
   free(raw);
   return out;
}

static unsigned self_attached(const Obj *o);
static void objfmt_pids_seen(const Obj *o, size_t max, char *buf, size_t size);

void objfmt_size(const Obj *o, char *buf, size_t size) {
   if (o->kind == OBJ_SYSV_SEM || o->kind == OBJ_MQ)
      snprintf(buf, size, "-");
   else if (!o->size_known)
      snprintf(buf, size, "?");
   else
      snprintf(buf, size, "%" PRIu64, o->size);
}

void objfmt_procs(const Obj *o, char *buf, size_t size) {
   size_t n = objtable_processes(o);
   if (!o->holders_unknown)
      snprintf(buf, size, "%zu", n);
   else if (n == 0)
      snprintf(buf, size, "?");
   else
      snprintf(buf, size, "%zu+?", n);
}

void objfmt_holders_why(const Obj *o, char *buf, size_t size) {
   buf[0] = '\0';
   if (!o->holders_unknown)
      return;
   if (o->kind != OBJ_SYSV_SHM) {
      snprintf(buf, size, "%s", _("processes that could not be inspected may hold it"));
      return;
   }
   unsigned self = self_attached(o), n = o->nattch - self;
   ObjfmtHolders h;
   objfmt_holders(o, &h);
   snprintf(buf, size, ngettext("the kernel counts %u attachment, %zu seen: the others are in "
                                "processes that could not be inspected",
                                "the kernel counts %u attachments, %zu seen: the others are in "
                                "processes that could not be inspected", n),
            n, h.mappings);
}

const char *objfmt_mq_note(const ObjList *l, unsigned kinds) {
   if (l->info.mq_mounted || !(kinds & (1u << OBJ_MQ)))
      return NULL;
   return _("message queues are not listed: the mqueue file system is not mounted "
            "(mount -t mqueue none /dev/mqueue)");
}

unsigned objfmt_denied_count(const ObjList *l, const ObjWho *who) {
   unsigned n = 0;
   for (unsigned i = 0; i < l->procs_denied; i++)
      n += objwho_pid_selected(who, l->denied[i].pid);
   return n;
}

const char *objfmt_mq_unseen(const ObjList *l, const Obj *o) {
   if (l->info.mq_mounted || !o || (o->kind != OBJ_SHM && o->kind != OBJ_SEM))
      return NULL;
   return _("message queues cannot be seen: the mqueue file system is not mounted "
            "(mount -t mqueue none /dev/mqueue), so a queue with this name would not be "
            "flagged as a collision");
}

void objfmt_denied(FILE *f, const ObjList *l) {
   objfmt_denied_who(f, l, NULL);
}

/* D's reason with its own pid left out ("process # belongs to user
 * root ..."): processes refused for the same reason share it. */
static void reason_key(const ObjDenied *d, char *key, size_t size) {
   char pid[16];
   size_t np = (size_t)snprintf(pid, sizeof pid, "%d", d->pid), k = 0;
   for (const char *p = d->why; *p && k + 1 < size;) {
      bool edge = p == d->why || p[-1] < '0' || p[-1] > '9';
      if (edge && strncmp(p, pid, np) == 0 && (p[np] < '0' || p[np] > '9')) {
         key[k++] = '#';
         p += np;
      } else {
         key[k++] = *p++;
      }
   }
   key[k] = '\0';
}

/* Whether D is the first process (of those WHO selects) refused for its
 * reason; the number refused for it into *COUNT. */
static bool first_of_reason(const ObjList *l, const ObjWho *who, unsigned i, unsigned *count) {
   char key[sizeof l->denied[0].why], other[sizeof key];
   reason_key(&l->denied[i], key, sizeof key);
   *count = 0;
   for (unsigned j = 0; j < l->procs_denied; j++) {
      if (!objwho_pid_selected(who, l->denied[j].pid))
         continue;
      reason_key(&l->denied[j], other, sizeof other);
      if (strcmp(key, other) != 0)
         continue;
      if (j < i)
         return false;
      ++*count;
   }
   return true;
}

/* The pids refused for the reason of process I, from I on: at most
 * OBJFMT_DENIED_PIDS of them, then an ellipsis. */
#define OBJFMT_DENIED_PIDS 10
static void reason_pids(const ObjList *l, const ObjWho *who, unsigned i, char *buf, size_t size) {
   char key[sizeof l->denied[0].why], other[sizeof key];
   reason_key(&l->denied[i], key, sizeof key);
   size_t used = 0;
   unsigned shown = 0;
   buf[0] = '\0';
   for (unsigned j = i; j < l->procs_denied && used < size; j++) {
      if (!objwho_pid_selected(who, l->denied[j].pid))
         continue;
      reason_key(&l->denied[j], other, sizeof other);
      if (strcmp(key, other) != 0)
         continue;
      if (shown++ == OBJFMT_DENIED_PIDS) {
         snprintf(buf + used, size - used, ", ...");
         return;
      }
      used += (size_t)snprintf(buf + used, size - used, "%s%d", shown > 1 ? ", " : "",
                               l->denied[j].pid);
   }
}

/* One line for the processes refused for the reason of process I:
 * "    1 process (42 cmd): WHY", "    27 processes (pids 1, 413, ...): WHY"
 * (WHY as the first of them was refused). */
static void reason_line(FILE *f, const ObjList *l, const ObjWho *who, unsigned i,
                        unsigned count) {
   const ObjDenied *d = &l->denied[i];
   char why[1024], pids[160];
   escape_into(why, sizeof why, d->why);
   if (count == 1) {
      char comm[256];
      escape_into(comm, sizeof comm, d->comm);
      fprintf(f, _("    1 process (%d %s): %s\n"), d->pid, comm, why);
      return;
   }
   reason_pids(l, who, i, pids, sizeof pids);
   fprintf(f, ngettext("    %u process (pids %s): %s\n", "    %u processes (pids %s): %s\n",
                       count), count, pids, why);
}

void objfmt_denied_who(FILE *f, const ObjList *l, const ObjWho *who) {
   unsigned n = objfmt_denied_count(l, who);
   if (!n)
      return;
   fprintf(f, ngettext("Note: %u process could not be inspected, its attachers are not shown:\n",
                       "Note: %u processes could not be inspected, their attachers are not "
                       "shown:\n", n),
           n);
   for (unsigned i = 0, count; i < l->procs_denied; i++)
      if (objwho_pid_selected(who, l->denied[i].pid) && first_of_reason(l, who, i, &count))
         reason_line(f, l, who, i, count);
}

void objfmt_denied_json(FILE *f, const ObjList *l) {
   objfmt_denied_json_who(f, l, NULL);
}

void objfmt_denied_json_who(FILE *f, const ObjList *l, const ObjWho *who) {
   fputs(",\"not_inspected\":[", f);
   for (unsigned i = 0, n = 0; i < l->procs_denied; i++) {
      const ObjDenied *d = &l->denied[i];
      if (!objwho_pid_selected(who, d->pid))
         continue;
      char *why = json_name_dup(d->why);
      fprintf(f, "%s{\"pid\":%d", n++ ? "," : "", d->pid);
      objfmt_json_str(f, "command", d->comm);
      fprintf(f, ",\"reason\":\"%s\",\"why\":%s}", d->err == ESRCH ? "exited" : "refused", why);
      free(why);
   }
   fputs("]", f);
}

void objfmt_report_use(void *ctx, const Source *src, const char *note) {
   (void)ctx;
   char *spec = escape_dup(src->spec);
   diag_warn("%s: %s", spec ? spec : "?", _(note));
   free(spec);
}

/* This process's own attachments of segment O (part of its nattch). */
static unsigned self_attached(const Obj *o) {
   unsigned self = platform_sysv_shm_self_attached((int)o->ino);
   return self <= o->nattch ? self : o->nattch;
}

/* "mounted on /mnt; held by dm-0; backing file /img" (escaped). */
static void block_detail(const Obj *o, char *buf, size_t size) {
   if (o->block)
      source_block_users_text(o->block, buf, size);
   if (o->backing) {
      size_t used = strlen(buf);
      char esc[512];
      escape_into(esc, sizeof esc, o->backing);
      snprintf(buf + used, size - used, "%s%s %s", used ? "; " : "", _("backing file"), esc);
   }
}

void objfmt_detail(const Obj *o, char *buf, size_t size) {
   buf[0] = '\0';
   switch (o->kind) {
   case OBJ_SEM:
      if (o->have_value)
         snprintf(buf, size, "value=%u waiters=%u", o->sem_value, o->sem_waiters);
      else if (o->sem_unread)
         snprintf(buf, size, "value=? (%s)", _("reading it would set its access time"));
      break;
   case OBJ_MQ:
      if (o->mq_known)
         snprintf(buf, size, "messages=%" PRIu64 " maxmsg=%" PRIu64 " msgsize=%" PRIu64,
                  o->messages, o->mq_maxmsg, o->mq_msgsize);
      else if (o->mq_denied)
         snprintf(buf, size, "messages=? (%s)", _("no permission to open it"));
      else
         snprintf(buf, size, "messages=?");
      break;
   case OBJ_SYSV_SEM:
      snprintf(buf, size, "nsems=%u", o->nsems);
      break;
   case OBJ_SYSV_SHM: {
      unsigned self = self_attached(o);
      if (self)
         snprintf(buf, size, "nattch=%u (+%u mapscope) cpid=%d lpid=%d", o->nattch - self, self,
                  o->cpid, o->lpid);
      else
         snprintf(buf, size, "nattch=%u cpid=%d lpid=%d", o->nattch, o->cpid, o->lpid);
      break;
   }
   case OBJ_SYSV_MSG:
      snprintf(buf, size, "messages=%" PRIu64 " lspid=%d lrpid=%d", o->messages, o->cpid, o->lpid);
      break;
   case OBJ_BLOCK:
      block_detail(o, buf, size);
      break;
   default:
      break;
   }
}

void objfmt_attacher(const ObjAttacher *a, char *buf, size_t size) {
   if (!a->mapped)
      snprintf(buf, size, "fd %d", a->fd);
   else
      snprintf(buf, size, "map %" PRIx64 "-%" PRIx64 " %s +0x%" PRIx64, a->start, a->end,
               a->perms, a->offset);
}

void objfmt_pids(const Obj *o, size_t max, char *buf, size_t size) {
   objfmt_pids_seen(o, max, buf, size);
   if (!o->holders_unknown)
      return;
   if (strcmp(buf, "-") == 0)
      snprintf(buf, size, "?");
   else if (strlen(buf) + 3 < size)
      strcat(buf, " +?");
}

static void objfmt_pids_seen(const Obj *o, size_t max, char *buf, size_t size) {
   size_t used = 0, shown = 0, distinct = 0;
   buf[0] = '\0';
   for (size_t i = 0; i < o->natt; i++) {
      bool seen = false;
      for (size_t j = 0; j < i && !seen; j++)
         seen = o->att[j].pid == o->att[i].pid;
      if (seen)
         continue;
      distinct++;
      if (shown < max && used < size) {
         used += (size_t)snprintf(buf + used, size - used, "%s%d", shown ? "," : "", o->att[i].pid);
         shown++;
      }
   }
   if (distinct == 0)
      snprintf(buf, size, "-");
   else if (distinct > shown && used < size)
      snprintf(buf + used, size - used, " +%zu", distinct - shown);
}

void objfmt_holders(const Obj *o, ObjfmtHolders *h) {
   memset(h, 0, sizeof *h);
   for (size_t i = 0; i < o->natt; i++) {
      bool seen = false;
      for (size_t j = 0; j < i && !seen; j++)
         seen = o->att[j].pid == o->att[i].pid;
      h->processes += !seen;
      if (o->att[i].mapped)
         h->mappings++;
      else
         h->descriptors++;
   }
}

void objfmt_flags(unsigned flags, char *buf, size_t size) {
   size_t used = 0;
   buf[0] = '\0';
   for (int i = 0; i < OBJ_FLAG_COUNT; i++)
      if ((flags & (1u << i)) && used < size)
         used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? "," : "",
                                  objects_flag_name((ObjFlag)(1u << i)));
   if (used == 0)
      snprintf(buf, size, "-");
}

size_t objfmt_char(const char *s, size_t len, mbstate_t *st, int *columns) {
   wchar_t wc;
   size_t n = mbrtowc(&wc, s, len, st);
   if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
      memset(st, 0, sizeof *st);
      *columns = 1;
      return 1;
   }
   int cw = wcwidth(wc);
   *columns = cw > 0 ? cw : 0;
   return n;
}

size_t objfmt_width(const char *s) {
   return textwidth_cols(s);
}

/* ---- JSON ----------------------------------------------------------------- */

void objfmt_json_field(FILE *f, const char *sep, const char *key, const char *raw) {
   char *q = json_name_dup(raw);
   fprintf(f, "%s\"%s\":%s", sep, key, q);
   free(q);
   if (!json_is_utf8(raw)) {
      char *hex = json_hex_dup(raw);
      fprintf(f, ",\"%s_bytes\":%s", key, hex);
      free(hex);
   }
}

void objfmt_json_str(FILE *f, const char *key, const char *raw) {
   objfmt_json_field(f, ",", key, raw);
}

/* TEXT is escaped already: quote it only. */
static void json_escaped(FILE *f, const char *key, const char *text) {
   size_t need = json_quote_into(NULL, 0, text) + 1;
   char *q = malloc(need);
   if (!q)
      return;
   json_quote_into(q, need, text);
   fprintf(f, ",\"%s\":%s", key, q);
   free(q);
}

static void json_sysv(FILE *f, const Obj *o) {
   fprintf(f, ",\"id\":%" PRIu64 ",\"key\":\"0x%08" PRIx32 "\",\"cuid\":%u", o->ino, o->key,
           o->cuid);
   if (o->kind == OBJ_SYSV_SHM)
      fprintf(f, ",\"nattch\":%u,\"nattch_mapscope\":%u,\"cpid\":%d,\"lpid\":%d,"
              "\"removed\":%s", o->nattch - self_attached(o), self_attached(o), o->cpid, o->lpid,
              o->removed ? "true" : "false");
   if (o->kind == OBJ_SYSV_SEM)
      fprintf(f, ",\"nsems\":%u", o->nsems);
   if (o->kind == OBJ_SYSV_MSG)
      fprintf(f, ",\"messages\":%" PRIu64 ",\"lspid\":%d,\"lrpid\":%d", o->messages, o->cpid,
              o->lpid);
}

/* A POSIX queue's count and limits (mq_getattr), null when not known. */
static void json_mq(FILE *f, const Obj *o) {
   if (o->mq_known)
      fprintf(f, ",\"messages\":%" PRIu64 ",\"maxmsg\":%" PRIu64 ",\"msgsize\":%" PRIu64,
              o->messages, o->mq_maxmsg, o->mq_msgsize);
   else
      fputs(",\"messages\":null,\"maxmsg\":null,\"msgsize\":null", f);
}

static void json_kind_facts(FILE *f, const Obj *o) {
   if (is_sysv(o)) {
      json_sysv(f, o);
      return;
   }
   unsigned maj, min;
   platform_dev_split(o->dev, &maj, &min);
   fprintf(f, ",\"dev\":\"%u:%u\",\"inode\":%" PRIu64 ",\"removed\":%s", maj, min, o->ino,
           o->removed ? "true" : "false");
   if (o->kind == OBJ_SEM && o->have_value)
      fprintf(f, ",\"value\":%u,\"waiters\":%u", o->sem_value, o->sem_waiters);
   else if (o->kind == OBJ_SEM && o->sem_unread) {
      char *why = json_name_dup(_("reading it would set its access time"));
      fprintf(f, ",\"value\":null,\"waiters\":null,\"value_unknown\":%s", why);
      free(why);
   }
   if (o->kind == OBJ_MQ)
      json_mq(f, o);
   if (o->kind == OBJ_BLOCK && o->block) {
      fputs(",\"block\":{", f);
      if (o->backing)
         objfmt_json_field(f, "", "backing_file", o->backing);
      else
         fputs("\"backing_file\":null", f);
      objfmt_json_block_lists(f, o->block);
      fputc('}', f);
   }
}

/* Seconds since the epoch, or null where the time is unknown or never was
 * (a removed object's, a segment never attached). */
/* null: never or unknown (core/objects.h says when). */
static void json_time(FILE *f, const char *key, const Obj *o, int64_t t) {
   if (t == 0 && !o->stat_times)
      fprintf(f, ",\"%s\":null", key);
   else
      fprintf(f, ",\"%s\":%" PRId64, key, t);
}

/* The codes, and what each means (the table's legend). */
static void json_flags(FILE *f, const Obj *o) {
   fputs(",\"flags\":[", f);
   for (int i = 0, n = 0; i < OBJ_FLAG_COUNT; i++)
      if (o->flags & (1u << i))
         fprintf(f, "%s\"%s\"", n++ ? "," : "", objects_flag_name((ObjFlag)(1u << i)));
   fputs("],\"flag_explanations\":{", f);
   for (int i = 0, n = 0; i < OBJ_FLAG_COUNT; i++) {
      if (!(o->flags & (1u << i)))
         continue;
      char *text = json_name_dup(_(objects_flag_explain((ObjFlag)(1u << i))));
      fprintf(f, "%s\"%s\":%s", n++ ? "," : "", objects_flag_name((ObjFlag)(1u << i)), text);
      free(text);
   }
   fputc('}', f);
}

/* "processes" is null where some holders may be missing: then
 * "processes_seen" counts those seen and "unknown" says why. */
static void json_holders(FILE *f, const Obj *o) {
   ObjfmtHolders h;
   objfmt_holders(o, &h);
   if (!o->holders_unknown) {
      fprintf(f, ",\"held_by\":{\"processes\":%zu,\"descriptors\":%zu,\"mappings\":%zu}",
              h.processes, h.descriptors, h.mappings);
      return;
   }
   char why[256];
   objfmt_holders_why(o, why, sizeof why);
   char *q = json_name_dup(why);
   fprintf(f, ",\"held_by\":{\"processes\":null,\"processes_seen\":%zu,\"descriptors\":%zu,"
           "\"mappings\":%zu,\"unknown\":%s}", h.processes, h.descriptors, h.mappings, q);
   free(q);
}

static void json_attachers(FILE *f, const Obj *o, const char *indent) {
   fputs(",\"attachers\":[", f);
   for (size_t i = 0; i < o->natt; i++) {
      const ObjAttacher *a = &o->att[i];
      fprintf(f, "%s\n%s  {\"pid\":%d", i ? "," : "", indent, a->pid);
      objfmt_json_str(f, "command", a->comm);
      if (!a->mapped)
         fprintf(f, ",\"fd\":%d}", a->fd);
      else
         fprintf(f, ",\"start\":\"0x%" PRIx64 "\",\"end\":\"0x%" PRIx64 "\",\"perms\":\"%s\","
                 "\"offset\":%" PRIu64 "}", a->start, a->end, a->perms, a->offset);
   }
   fprintf(f, "%s]", o->natt ? "\n  " : "");
   (void)indent;
}

void objfmt_json_object(FILE *f, const Obj *o, const char *indent) {
   char owner[64];
   platform_user_name(o->uid, owner, sizeof owner);
   fprintf(f, "{\"kind\":\"%s\"", objects_obj_kind_name(o));
   objfmt_json_str(f, "name", o->name);
   char *disp = objfmt_display_name(o);
   json_escaped(f, "display_name", disp);
   free(disp);
   if (o->size_known)
      fprintf(f, ",\"size\":%" PRIu64, o->size);
   else
      fputs(",\"size\":null", f);
   fprintf(f, ",\"uid\":%u", o->uid);
   objfmt_json_str(f, "owner", owner);
   fprintf(f, ",\"gid\":%u,\"mode\":\"%04o\"", o->gid, o->mode);
   json_time(f, "atime", o, o->atime);
   json_time(f, "mtime", o, o->mtime);
   json_time(f, "ctime", o, o->ctime);
   json_kind_facts(f, o);
   json_flags(f, o);
   json_holders(f, o);
   json_attachers(f, o, indent);
   objlock_json(f, o);
   fputc('}', f);
}

static void json_strings(FILE *f, const char *key, char **v, size_t n) {
   fprintf(f, ",\"%s\":[", key);
   for (size_t i = 0; i < n; i++) {
      char *q = json_name_dup(v[i]);
      fprintf(f, "%s%s", i ? "," : "", q);
      free(q);
   }
   fputc(']', f);
}

void objfmt_json_block_lists(FILE *f, const PlatformBlockUsers *u) {
   fprintf(f, ",\"swap\":%s", u->swap ? "true" : "false");
   json_strings(f, "mounts", u->mounts, u->nmounts);
   json_strings(f, "holders", u->holders, u->nholders);
   fputs(",\"partitions\":[", f);
   for (size_t i = 0; i < u->nparts; i++) {
      char *name = json_name_dup(u->parts[i].name);
      fprintf(f, "%s{\"name\":%s", i ? "," : "", name);
      free(name);
      json_strings(f, "mounts", u->parts[i].mounts, u->parts[i].nmounts);
      json_strings(f, "holders", u->parts[i].holders, u->parts[i].nholders);
      fprintf(f, ",\"swap\":%s}", u->parts[i].swap ? "true" : "false");
   }
   fputc(']', f);
}

/* Every label --info prints (app/mode_info.c, app/regions.c). */
static const char *const info_labels[] = {
   N_("source:"), N_("kind:"), N_("size:"), N_("granularity:"), N_("owner:"),
   N_("mounted on:"), N_("holders:"), N_("object:"), N_("detail:"), N_("flag:"),
   N_("held by:"), N_("process:"), N_("regions:"), N_("memory:"), N_("readable:"),
   N_("journal:"), N_("range:"), N_("address:"), N_("in use:"), N_("loop device:"),
};

const char *objfmt_info_label(const char *text) {
   static char buf[256];
   size_t width = 12;
   for (size_t i = 0; i < sizeof info_labels / sizeof info_labels[0]; i++) {
      size_t w = textwidth_cols(_(info_labels[i]));
      width = w > width ? w : width;
   }
   return textwidth_pad(buf, sizeof buf, text, width, 0);
}
