/* mode_patch.c - --patch and --flush: copy-on-write edits for scripts.
 *
 * The edits go through the same core as the screen's: each is written into
 * a private mapping (the object stays untouched); --flush then writes them
 * with the journal that makes the write all or nothing.
 *
 * Test hooks (for the crash tests, not for users): MAPSCOPE_TEST_STOP_AT=
 * STAGE stops the process (SIGSTOP) and MAPSCOPE_TEST_CRASH_AT=STAGE kills
 * it (SIGKILL) at STAGE: edits-applied, journal-synced, mid-write or
 * object-synced, and recover-locked (a replay holding the lock, before it
 * opens the object for writing).
 *
 * --recover rolls back the flush of SOURCE that was interrupted (the
 * explicit writing open of app/recovery.h). */
#include "config.h"

#include "app/mode_patch.h"
#include "app/diag.h"
#include "app/recovery.h"
#include "core/edits.h"
#include "core/escape.h"
#include "core/flush.h"
#include "core/journal.h"
#include "core/gettext.h"
#include "core/offset.h"
#include "platform/processes.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
   const char *spec;          /* OFFSET:HEXBYTES as typed */
   OffsetExpr at;
   unsigned char *bytes;
   size_t len;
} Patch;

/* ---- parsing ------------------------------------------------------------ */

static int hex_value(char c) {
   if (c >= '0' && c <= '9') return c - '0';
   if (c >= 'a' && c <= 'f') return c - 'a' + 10;
   if (c >= 'A' && c <= 'F') return c - 'A' + 10;
   return -1;
}

/* "deadbeef" or "de ad be ef": pairs of hex digits, blanks between pairs. */
static const char *parse_hex(const char *text, Patch *p) {
   p->bytes = malloc(strlen(text) / 2 + 1);
   if (!p->bytes)
      return N_("out of memory");
   p->len = 0;
   for (const char *s = text; *s;) {
      if (*s == ' ' || *s == '\t') {
         s++;
         continue;
      }
      int hi = hex_value(s[0]), lo = hi < 0 ? -1 : hex_value(s[1]);
      if (hi < 0)
         return N_("HEXBYTES may hold only hex digits and blanks");
      if (lo < 0)
         return s[1] == '\0' || s[1] == ' ' || s[1] == '\t'
                   ? N_("each byte needs two hex digits")
                   : N_("HEXBYTES may hold only hex digits and blanks");
      p->bytes[p->len++] = (unsigned char)(hi << 4 | lo);
      s += 2;
   }
   return p->len ? NULL : N_("no bytes after the colon");
}

static int parse_patch(const char *spec, Patch *p) {
   p->spec = spec;
   const char *colon = strchr(spec, ':');
   if (!colon)
      return diag_bad_value("--patch", spec, _("invalid patch"), _("expected OFFSET:HEXBYTES"));
   char *offset = strndup(spec, (size_t)(colon - spec));
   const char *why = offset ? NULL : N_("out of memory");
   if (offset && !offset_parse(offset, OFFSET_AS_START, &p->at, &why)) {
      free(offset);
      return diag_bad_value("--patch", spec, _("invalid offset"), _(why));
   }
   free(offset);
   if (!why)
      why = parse_hex(colon + 1, p);
   return why ? diag_bad_value("--patch", spec, _("invalid patch"), _(why)) : -1;
}

/* ---- test hooks ---------------------------------------------------------- */

static void test_hook(const char *stage) {
   const char *stop = getenv("MAPSCOPE_TEST_STOP_AT"), *crash = getenv("MAPSCOPE_TEST_CRASH_AT");
   if (stop && strcmp(stop, stage) == 0) {
      fflush(stdout);
      platform_test_signal(false);
   }
   if (crash && strcmp(crash, stage) == 0)
      platform_test_signal(true);
}

static void flush_checkpoint(void *ctx, FlushStage stage) {
   (void)ctx;
   test_hook(flush_stage_name(stage));
}

/* ---- editing and flushing ------------------------------------------------ */

static int apply_all(const Options *o, EditSet *es, const Patch *p) {
   Source *src = edits_source(es);
   Error e;
   if (!edits_writable(es, &e))
      return diag_error(src->spec, &e);
   for (size_t i = 0; i < o->npatches; i++) {
      uint64_t off;
      const char *why = NULL;
      /* A source opened at an address (pid:PID:ADDR) counts from there, as
       * -s does. */
      uint64_t origin = src->origin < src->size ? src->origin : src->size;
      if (!offset_resolve(&p[i].at, OFFSET_AS_START, src->size - origin, 0, &off, &why))
         return diag_bad_value("--patch", p[i].spec, _("invalid offset"), _(why));
      off += origin;
      if (!edits_apply(es, off, p[i].bytes, p[i].len, false, &e))
         return diag_error(src->spec, &e);
   }
   return -1;
}

static void print_result(const char *fmt, const Source *src, uint64_t a, uint64_t b, uint64_t c) {
   char *name = escape_dup(src->spec);
   printf(fmt, name, (unsigned long long)a, (unsigned long long)b, (unsigned long long)c);
   free(name);
}

static int report_plan(EditSet *es) {
   FlushReport r;
   flush_plan(es, &r);
   print_result(_("%s: not flushed (--flush writes the edits): bytes %llu, pages %llu, "
                  "pages copied on write %llu\n"),
                edits_source(es), r.bytes, r.pages, edits_copied_pages(es));
   return diag_stdout_status();
}

/* A file at the journal's name that was not ours: said, never silent. */
static void warn_set_aside(const Source *src, const FlushReport *r) {
   char *name = escape_dup(src->spec), *aside = escape_dup(r->set_aside);
   char *why = escape_dup(r->set_aside_why);
   if (r->set_aside_stranger)
      diag_warn(_("%s: the journal at its journal's name was not written for it (%s); it "
                  "was not replayed, and was moved aside to %s"), name, why, aside);
   else
      diag_warn(_("%s: the file at the journal's name was not a journal of ours (%s); it was "
                  "moved aside to %s"), name, why, aside);
   free(name);
   free(aside);
   free(why);
}

static int flush(const Options *o, EditSet *es, bool quiet) {
   Source *src = edits_source(es);
   Error e;
   char *dir = recovery_journal_dir();
   if (!dir) {
      error_set(&e, ERR_JOURNAL, 0, "%s", _("set XDG_STATE_HOME or HOME: the journal needs a place"));
      return diag_error(src->spec, &e);
   }
   FlushOptions fo = { dir, o->force, flush_checkpoint, NULL, "--force", NULL };
   FlushReport r;
   memset(&r, 0, sizeof r);      /* read below even when no flush was tried */
   bool good = flush_commit(es, &fo, &r, &e);   /* refuses a busy block device */
   free(dir);
   if (r.set_aside[0])
      warn_set_aside(src, &r);
   if (!good)
      return diag_error(src->spec, &e);
   if (quiet)
      return 0;
   print_result(_("%s: flushed: bytes %llu, pages %llu, journal bytes %llu\n"),
                src, r.bytes, r.pages, r.journal_bytes);
   return diag_stdout_status();
}

typedef int (*ApplyFn)(const Options *o, EditSet *es, const void *ctx);

static int apply_patches(const Options *o, EditSet *es, const void *ctx) {
   return apply_all(o, es, ctx);
}

/* AS_XXD: for --xxd -r, which prints nothing and, as xxd, writes any file
 * the user may write, whoever owns it (the kernel still decides). */
static int edit_source(const Options *o, Source *src, ApplyFn apply, const void *ctx,
                       bool flush_now, bool as_xxd) {
   /* Writing into a running process is never a default, even one's own. */
   if (source_can(src, SOURCE_EDIT_NEEDS_W) && !o->write) {
      char *name = escape_dup(src->spec);
      int rc = diag_usage(_("%s: writing into a running process needs -w (--write)"), name);
      free(name);
      return rc;
   }
   EditConfig cfg = { o->granularity, o->window_size, o->write, as_xxd, false };
   EditSet *es = edits_new(src, &cfg);
   Error e;
   if (!es) {
      error_set(&e, ERR_MAP, ENOMEM, NULL);
      return diag_error(src->spec, &e);
   }
   int status = apply(o, es, ctx);
   if (status < 0) {
      test_hook("edits-applied");
      status = flush_now ? flush(o, es, as_xxd) : report_plan(es);
   }
   edits_free(es);
   return status;
}

typedef struct {
   const PatchRun *runs;
   size_t n;
} RunList;

static int apply_runs(const Options *o, EditSet *es, const void *ctx) {
   const RunList *l = ctx;
   Source *src = edits_source(es);
   Error e;
   (void)o;
   if (!edits_writable(es, &e))
      return diag_error(src->spec, &e);
   for (size_t i = 0; i < l->n; i++)
      if (!edits_apply(es, l->runs[i].offset, l->runs[i].bytes, l->runs[i].len, false, &e))
         return diag_error(src->spec, &e);
   return -1;
}

int mode_patch_write_runs(const Options *o, Source *src, const PatchRun *runs, size_t n) {
   RunList l = { runs, n };
   return edit_source(o, src, apply_runs, &l, true, true);
}

int mode_patch_run(const Options *o) {
   journal_set_test_hook(test_hook);
   Patch *p = calloc(o->npatches, sizeof *p);
   int status = p ? -1 : diag_usage(_("too many --patch options"));
   for (size_t i = 0; status < 0 && i < o->npatches; i++)
      status = parse_patch(o->patches[i], &p[i]);
   Source *src = NULL;
   Error e;
   if (status < 0 && !source_open(o->source, false, &src, &e))
      status = diag_error(o->source, &e);
   /* Only a flush writes: then an interrupted flush is rolled back before
    * the edits are made; without --flush, the object is left as it is. */
   if (status < 0 && o->flush && !recovery_run(src, o->force))
      status = 1;
   else if (status < 0 && !o->flush)
      recovery_warn(src);
   if (status < 0) {
      if (!source_require_mappable(src, &e))
         status = diag_error(src->spec, &e);
      else
         status = edit_source(o, src, apply_patches, p, o->flush, false);
   }
   source_close(src);
   for (size_t i = 0; p && i < o->npatches; i++)
      free(p[i].bytes);
   free(p);
   return status;
}

int mode_recover_run(const Options *o) {
   journal_set_test_hook(test_hook);
   Source *src;
   Error e;
   if (!source_open(o->source, false, &src, &e))
      return diag_error(o->source, &e);
   char msg[1024];
   char *dir = recovery_journal_dir();
   if (!dir) {
      source_close(src);
      error_set(&e, ERR_JOURNAL, 0, "%s", _("set XDG_STATE_HOME or HOME: the journal needs a place"));
      return diag_error(o->source, &e);
   }
   free(dir);
   bool aside = false;
   JournalForce how = { o->force, "--force" };
   bool good = recovery_replay_aside(src, &how, msg, sizeof msg, &aside) && !aside;
   char *name = escape_dup(src->spec);
   if (!good)                        /* nothing rolled back: an error */
      diag_warn("%s: %s", name, msg);
   else if (msg[0])
      printf("%s: %s\n", name, msg);
   else
      printf(_("%s: no interrupted flush to roll back\n"), name);
   free(name);
   source_close(src);
   return good && fflush(stdout) == 0 ? 0 : 1;
}
