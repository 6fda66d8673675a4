/* mode_info.c - --info [--json] SOURCE: what mapscope knows of a source. */
#include "config.h"

#include "app/mode_info.h"
#include "app/recovery.h"
#include "app/diag.h"
#include "app/objfmt.h"
#include "app/regions.h"

#include "app/objlock.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "core/json.h"
#include "core/objects.h"
#include "core/textwidth.h"
#include "core/source.h"
#include "core/source_busy.h"
#include "platform/blockdev.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <string.h>

/* TEXT, a translated label, padded as every --info label is
 * (objfmt_info_label()). */
static const char *label(const char *text) {
   return objfmt_info_label(text);
}

/* The named object (or file) the open source is, after a scan. */
static Obj *find_object(const ObjList *l, const Source *src) {
   SourceIdentity id;
   source_identity(src, &id);
   return objects_find(l, id.dev, id.ino);
}

/* "held by: 2 processes (1 descriptor, 2 mappings)": processes are what
 * the count is of; one process may hold an object several times. */
/* --info reads a file whose size lies (procfs, sysfs ...) this far at most. */
#define INFO_PROBE_MAX (1024 * 1024)

static void print_holders(const Obj *obj) {
   ObjfmtHolders h;
   objfmt_holders(obj, &h);
   char fds[64], maps[64];
   snprintf(fds, sizeof fds, ngettext("%zu descriptor", "%zu descriptors", h.descriptors),
            h.descriptors);
   snprintf(maps, sizeof maps, ngettext("%zu mapping", "%zu mappings", h.mappings), h.mappings);
   printf("%s ", label(_("held by:")));
   if (obj->holders_unknown) {       /* never "0 processes" when some may be hidden */
      char count[32], why[256];
      objfmt_procs(obj, count, sizeof count);
      objfmt_holders_why(obj, why, sizeof why);
      printf(_("%s processes (%s, %s seen; %s)\n"), count, fds, maps, why);
      return;
   }
   printf(ngettext("%zu process (%s, %s)\n", "%zu processes (%s, %s)\n", h.processes),
          h.processes, fds, maps);
}

static void text_object(const Obj *obj) {
   char buf[256];
   char *name = objfmt_display_name(obj);
   printf("%s %s %s\n", label(_("object:")), objects_obj_kind_name(obj), name);
   free(name);
   objfmt_detail(obj, buf, sizeof buf);
   if (buf[0])
      printf("%s %s\n", label(_("detail:")), buf);
   for (int i = 0; i < OBJ_FLAG_COUNT; i++)
      if (obj->flags & (1u << i))
         printf("%s %s: %s\n", label(_("flag:")), objects_flag_name((ObjFlag)(1u << i)),
                _(objects_flag_explain((ObjFlag)(1u << i))));
   print_holders(obj);
   for (size_t i = 0; i < obj->natt; i++) {
      char *comm = escape_dup(obj->att[i].comm);
      objfmt_attacher(&obj->att[i], buf, sizeof buf);
      char cell[96];
      printf("  %7d %s %s\n", obj->att[i].pid, textwidth_pad(cell, sizeof cell, comm, 16, 0),
             buf);
      free(comm);
   }
   if (obj->nlocks)
      printf("%s\n", _("locks:"));
   for (size_t i = 0; i < obj->nlocks; i++) {
      char line[512];
      objlock_text(&obj->locks[i], line, sizeof line);
      printf("  %s\n", line);
   }
}

/* The column where --info's values start (after a label and a space). */
static int value_column(void) {
   return (int)textwidth_cols(label("")) + 1;
}

/* LABEL's lines: the first value after the label, each further one on a
 * line of its own at the value column; "-" when there is none.  PART names
 * the partition a value is of ("partition sda1: /mnt"), or NULL. */
static void print_value(const char *lab, bool *first, const char *part, const char *value) {
   char *esc = escape_dup(value);
   if (*first)
      printf("%s ", label(lab));
   else
      printf("%*s", value_column(), "");
   if (part) {
      char *p = escape_dup(part);
      printf(_("partition %s: %s\n"), p, esc);
      free(p);
   } else {
      printf("%s\n", esc);
   }
   free(esc);
   *first = false;
}

/* "mounted on:" or "holders:" of a device and its partitions. */
static void print_uses(const char *lab, const PlatformBlockUsers *u, bool mounts) {
   bool first = true;
   for (size_t i = 0; i < (mounts ? u->nmounts : u->nholders); i++)
      print_value(lab, &first, NULL, mounts ? u->mounts[i] : u->holders[i]);
   for (size_t p = 0; p < u->nparts; p++) {
      const PlatformBlockPart *pt = &u->parts[p];
      for (size_t i = 0; i < (mounts ? pt->nmounts : pt->nholders); i++)
         print_value(lab, &first, pt->name, mounts ? pt->mounts[i] : pt->holders[i]);
   }
   if (first)
      printf("%s -\n", label(lab));
}

/* The processes seen holding OBJ open (descriptor or mapping), which
 * could hold a claim: ", open by 9601 python3, 9702 dd" (ten at most, then
 * an ellipsis; escaped) into BUF, "" when none was seen. */
#define CLAIM_PIDS 10
static void claim_holders(const Obj *obj, char *buf, size_t size) {
   size_t used = 0;
   unsigned shown = 0;
   buf[0] = '\0';
   for (size_t i = 0; obj && i < obj->natt && used < size; i++) {
      bool seen = false;
      for (size_t j = 0; j < i; j++)
         seen |= obj->att[j].pid == obj->att[i].pid;
      if (seen)
         continue;
      if (shown++ == CLAIM_PIDS) {
         snprintf(buf + used, size - used, ", ...");
         return;
      }
      char comm[64];
      escape_into(comm, sizeof comm, obj->att[i].comm);
      used += (size_t)snprintf(buf + used, size - used, "%s%d %s", shown > 1 ? ", " : "",
                               obj->att[i].pid, comm);
   }
}

/* "in use:" of U: yes, no, a claim, or why it cannot be told; a claim
 * with the processes seen holding OBJ (the device; may be NULL).
 * OPENED_NOT: the device could not be opened, so no exclusive test. */
static void print_in_use(const PlatformBlockUsers *u, const Obj *obj, bool opened_not) {
   printf("%s ", label(_("in use:")));
   bool part_swap = false;
   for (size_t i = 0; i < u->nparts; i++)
      part_swap |= u->parts[i].swap;
   char who[1024];
   if (u->claimed)
      claim_holders(obj, who, sizeof who);
   if (u->claimed && who[0])
      printf(_("yes: claimed exclusively by another program; open by %s\n"), who);
   else if (u->claimed && obj && obj->holders_unknown)
      printf("%s\n", _("yes: claimed exclusively by another program; perhaps by one of the "
                        "processes that could not be inspected"));
   else if (u->claimed)
      printf("%s\n", _("yes: claimed exclusively by another program"));
   else if (u->swap || part_swap) {
      char text[1024];
      source_block_users_text(u, text, sizeof text);
      printf("%s: %s\n", _("yes"), text);
   }
   else if (platform_blockdev_in_use(u) || u->exclusive == EBUSY)
      printf("%s\n", _("yes"));
   else if (u->exclusive == 0)
      printf("%s\n", _("no: nothing mounts, holds or claims it"));
   else if (opened_not)
      printf(_("unknown: nothing mounts or holds it, but a claim cannot be seen without "
               "opening it (%s)\n"), strerror(u->exclusive));
   else
      printf(_("unknown: the exclusive open failed (%s)\n"), strerror(u->exclusive));
}

static void text_users(const PlatformBlockUsers *u, const Obj *obj, bool opened_not) {
   print_in_use(u, obj, opened_not);
   print_uses(_("mounted on:"), u, true);
   print_uses(_("holders:"), u, false);
}

/* A regular file: the loop devices it backs, each with its users. */
static void text_file_loops(const Source *src) {
   PlatformFileLoops l;
   int rc = src->open_denied ? platform_file_loops_path(src->name, &src->st, &l)
                             : platform_file_loops(src->handle, &l);
   if (rc == 0) {
      for (size_t i = 0; i < l.nloops; i++) {
         char *node = escape_dup(l.loops[i].node);
         printf("%s %s\n", label(_("loop device:")), node);
         free(node);
         text_users(&l.loops[i].users, NULL, false);
      }
   }
   platform_file_loops_free(&l);
}

/* A block device's users: in use or not, its mount points and holders
 * (its partitions' too), one a line ("-" none); a regular file's loop
 * devices and theirs. */
static void text_block_users(const Source *src, const Obj *obj) {
   PlatformBlockUsers u;
   if (src->open_denied && src->st.kind == PLATFORM_KIND_BLOCK) {
      uint64_t size;
      if (platform_blockdev_users_path(src->name, &src->st, src->open_denied, &u, &size) == 0)
         text_users(&u, obj, true);
      platform_blockdev_users_free(&u);
      return;
   }
   if (src->handle == PLATFORM_HANDLE_NONE && !src->open_denied)
      return;
   if (src->st.kind == PLATFORM_KIND_REGULAR) {
      text_file_loops(src);
      return;
   }
   if (src->st.kind != PLATFORM_KIND_BLOCK)
      return;
   if (platform_blockdev_users(src->handle, &u) == 0)
      text_users(&u, obj, false);
   platform_blockdev_users_free(&u);
}

/* "in_use":B,"claimed":B|null,"mounts":[...],"holders":[...],
 * "partitions":[{"name":N,"mounts":[...],"holders":[...]}] */
static void json_users(const PlatformBlockUsers *u) {
   bool known = u->exclusive == 0 || u->exclusive == EBUSY;
   printf("\"in_use\":%s,\"claimed\":%s",
          platform_blockdev_in_use(u) || u->exclusive == EBUSY ? "true"
          : known ? "false" : "null",
          u->claimed ? "true" : known ? "false" : "null");
   objfmt_json_block_lists(stdout, u);
}

/* ,"block":{"in_use":B,"loop_devices":[{"device":D, users...}]} */
static void json_file_loops(const Source *src) {
   PlatformFileLoops l;
   int rc = src->open_denied ? platform_file_loops_path(src->name, &src->st, &l)
                             : platform_file_loops(src->handle, &l);
   if (rc != 0) {
      fputs(",\"block\":null", stdout);
   } else {
      printf(",\"block\":{\"in_use\":%s,\"loop_devices\":[", l.nloops ? "true" : "false");
      for (size_t i = 0; i < l.nloops; i++) {
         char *node = json_name_dup(l.loops[i].node);
         printf("%s{\"device\":%s,", i ? "," : "", node);
         free(node);
         json_users(&l.loops[i].users);
         putchar('}');
      }
      fputs("]}", stdout);
   }
   platform_file_loops_free(&l);
}

/* ,"block":{users...} for a block device, the loop devices for a file. */
static void json_block_users(const Source *src) {
   PlatformBlockUsers u;
   if (src->handle == PLATFORM_HANDLE_NONE && !src->open_denied)
      return;
   if (src->st.kind == PLATFORM_KIND_REGULAR) {
      json_file_loops(src);
      return;
   }
   if (src->st.kind != PLATFORM_KIND_BLOCK)
      return;
   uint64_t size;
   int rc = src->open_denied
               ? platform_blockdev_users_path(src->name, &src->st, src->open_denied, &u, &size)
               : platform_blockdev_users(src->handle, &u);
   if (rc != 0) {
      fputs(",\"block\":null", stdout);
   } else {
      fputs(",\"block\":{", stdout);
      json_users(&u);
      putchar('}');
   }
   platform_blockdev_users_free(&u);
}

/* What a source that was not opened (a FIFO, character device or socket:
 * source_open_describing()) is, translated, or NULL for any other. */
static const char *unopened_kind(const Source *src) {
   if (!src->unopened)
      return NULL;
   if (src->unopened_link)
      return _("symbolic link");
   switch (src->st.kind) {
   case PLATFORM_KIND_FIFO:      return _("FIFO");
   case PLATFORM_KIND_CHAR:      return _("character device");
   case PLATFORM_KIND_SOCKET:    return _("socket");
   case PLATFORM_KIND_DIRECTORY: return _("directory");
   case PLATFORM_KIND_BLOCK:     return _("block device");
   case PLATFORM_KIND_REGULAR:
   case PLATFORM_KIND_OTHER:
   default:                      return _("another kind of object");
   }
}

/* Its JSON "kind": fifo, char, socket (and, for shm:NAME that is no
 * shared-memory object: directory, block, symlink, other). */
static const char *unopened_json_kind(const Source *src) {
   if (src->unopened_link)
      return "symlink";
   switch (src->st.kind) {
   case PLATFORM_KIND_FIFO:      return "fifo";
   case PLATFORM_KIND_CHAR:      return "char";
   case PLATFORM_KIND_SOCKET:    return "socket";
   case PLATFORM_KIND_DIRECTORY: return "directory";
   case PLATFORM_KIND_BLOCK:     return "block";
   case PLATFORM_KIND_REGULAR:
   case PLATFORM_KIND_OTHER:
   default:                      return "other";
   }
}

/* What --info could not read of a source it had no permission to open,
 * and where what it shows came from. */
static void denied_note(const Source *src) {
   SourceIdentity id;
   source_identity(src, &id);
   printf(_("Note: it could not be opened (%s): kind, size, owner and mode come from %s; "
            "none of its bytes were read.\n"),
          strerror(src->open_denied),
          src->st.kind == PLATFORM_KIND_BLOCK
             ? _("its stat and the kernel's list of block devices, which need no permission "
                 "to the device")
          : id.in_file_system ? _("its stat, which needs no permission to the object")
                            : _("the kernel's list of System V segments, which any user may read"));
}

static void print_text(const Options *o, const Source *src, bool beyond, const ObjList *l,
                       const Obj *obj) {
   char owner[64];
   char *spec = escape_dup(src->spec);
   platform_user_name(src->st.uid, owner, sizeof owner);
   char *safe_owner = escape_dup(owner);
   printf("%s %s\n", label(_("source:")), spec);
   const char *special = unopened_kind(src);
   printf("%s %s\n", label(_("kind:")), special ? special : _(src->ops->kind));
   if (special && src->not_shm)
      printf("%s %s\n", label(_("size:")),
             _("unknown (not opened: it is not a shared-memory object, although it is in "
               "the shared-memory directory)"));
   else if (special)
      printf("%s %s\n", label(_("size:")),
             _("unknown (not opened, so that nothing waits or acts: no bytes were read)"));
   else if (src->sequential)
      printf("%s %s\n", label(_("size:")), _("unknown (read in order: the bytes are not kept)"));
   else if (beyond)
      printf(ngettext("%s unknown: more than %u byte (--info reads no further)\n",
                   "%s unknown: more than %u bytes (--info reads no further)\n",
                   (unsigned long)INFO_PROBE_MAX), label(_("size:")),
             (unsigned)INFO_PROBE_MAX);
   else if (src->size == SOURCE_SIZE_UNKNOWN)
      printf("%s %s\n", label(_("size:")),
             _("unknown (not opened, and the kernel did not say)"));
   else if (src->read_to_end)
      printf("%s %" PRIu64 " (%s)\n", label(_("size:")), src->size,
             _("counted by reading it to its end"));
   else
      printf("%s %" PRIu64 "\n", label(_("size:")), src->size);
   printf("%s %" PRIu64 " (%s %zu)\n", label(_("granularity:")), o->granularity, _("page size"),
          platform_page_size());
   printf("%s %s, %04o\n", label(_("owner:")), safe_owner, src->st.mode);
   if (src->open_denied)
      denied_note(src);
   free(spec);
   free(safe_owner);
   text_block_users(src, obj);
   if (obj)
      text_object(obj);
   const char *mq = objfmt_mq_unseen(l, obj);
   if (mq)
      printf(_("Note: %s.\n"), mq);
   objfmt_denied(stdout, l);
}

static void print_json(const Options *o, const Source *src, bool beyond, const ObjList *l,
                       const Obj *obj) {
   char size[64] = "null";
   if (beyond)
      snprintf(size, sizeof size, "null,\"size_more_than\":%u", (unsigned)INFO_PROBE_MAX);
   else if (!src->sequential && src->size != SOURCE_SIZE_UNKNOWN)
      snprintf(size, sizeof size, "%" PRIu64, src->size);
   objfmt_json_field(stdout, "{", "source", src->spec);       /* a source_bytes twin if not UTF-8 */
   printf(",\"kind\":\"%s\",\"size\":%s,\"opened\":%s,\"granularity\":%" PRIu64
          ",\"page_size\":%zu", src->unopened ? unopened_json_kind(src) : src->ops->kind,
          src->unopened ? "null" : size, src->unopened || src->open_denied ? "false" : "true",
          o->granularity, platform_page_size());
   if (src->open_denied)
      objfmt_json_field(stdout, ",", "not_opened", strerror(src->open_denied));
   json_block_users(src);
   fputs(",\n\"object\":", stdout);
   if (obj)
      objfmt_json_object(stdout, obj, "");
   else
      fputs("null", stdout);
   if (objfmt_mq_unseen(l, obj))
      objfmt_json_field(stdout, ",\n", "queues_unseen", objfmt_mq_unseen(l, obj));
   printf(",\n\"processes\":{\"scanned\":%u,\"denied\":%u", l->procs_scanned,
          l->procs_denied);
   objfmt_denied_json(stdout, l);
   fputs("}}\n", stdout);
}

/* A block device that could not be opened: its size from the kernel's
 * list (unknown when that cannot be read). */
static void denied_block_size(Source *src) {
   PlatformBlockUsers u;
   uint64_t size = 0;
   if (platform_blockdev_users_path(src->name, &src->st, src->open_denied, &u, &size) == 0
       && size)
      src->size = size;
   platform_blockdev_users_free(&u);
}

/* --info never reads a whole object: a file whose size lies (procfs,
 * sysfs ...) is read through one small buffer up to INFO_PROBE_MAX bytes
 * and counted; one that goes on (the kernel's page map of a process holds 8 bytes for
 * every page of an address space, some never end) is "more than" that.
 * A stream is not read: what it holds would be gone. */
static bool learn_size(Source *src, bool *beyond, Error *e) {
   *beyond = false;
   if (!src->read_to_end || src->sequential)
      return true;
   static unsigned char buf[64 * 1024];
   uint64_t size = 0;
   size_t got;
   do {
      if (size >= INFO_PROBE_MAX) {
         *beyond = true;
         return true;
      }
      if (!source_read(src, buf, sizeof buf, size, &got, e))
         return false;
      size += got;
   } while (got == sizeof buf);
   src->size = size;
   return true;
}

int mode_info_run(const Options *o) {
   Error e;
   Source *src;
   SourcePidSpec sp;
   if (source_pid_spec(o->source, &sp, &e) == 1 && sp.what == SOURCE_PID_ALL)
      return regions_info_run(o);
   if (!source_open_describing(o->source, &src, &e))
      return diag_error(o->source, &e);
   SourceIdentity pid_id;
   source_identity(src, &pid_id);
   if (pid_id.dev == SOURCE_DEV_PROCESS) {     /* pid:PID:ADDR: no named object to find */
      int rc = regions_info_bytes(o, src);
      source_close(src);
      return rc;
   }
   recovery_warn(src);        /* read-only: says so, writes nothing */
   if (src->open_denied && src->st.kind == PLATFORM_KIND_BLOCK)
      denied_block_size(src);
   bool beyond;
   if (!learn_size(src, &beyond, &e)) {
      int rc = diag_error(src->spec, &e);
      source_close(src);
      return rc;
   }
   ObjList l;
   objects_init(&l, platform_page_size());
   SourceIdentity id;
   source_identity(src, &id);
   bool by_file = id.in_file_system;
   int status = 0;
   if (!objects_scan_target(&l, src->name, by_file ? &src->st : NULL, &e)) {
      status = diag_error(NULL, &e);
   } else {
      Obj *obj = find_object(&l, src);
      if (obj && obj->kind == OBJ_FILE) {
         obj->file_link = src->unopened_link;
         if (src->st.kind == PLATFORM_KIND_BLOCK && src->size != SOURCE_SIZE_UNKNOWN) {
            obj->size = src->size;         /* measured: the device's size */
            obj->size_known = true;
         }
      }
      (o->json ? print_json : print_text)(o, src, beyond, &l, obj);
      status = diag_stdout_status();
   }
   objects_free(&l);
   source_close(src);
   return status;
}
