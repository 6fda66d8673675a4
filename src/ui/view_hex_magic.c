/* view_hex_magic.c - libmagic at the cursor, and the jump to the next
 * offset libmagic recognises (] or :magic).
 *
 * Both run in libmagic's sandboxed child (core/inspect.h), never in this
 * process, and neither makes the screen wait: the view hands the child's
 * descriptor to the screen (ViewOps job_fd) and takes the answer when it
 * is readable (job_done).  The type at the cursor is looked up while the
 * mapping pane shows it, one child at a time: when the cursor moved on
 * meanwhile, the next lookup starts for where it is now.  The scan goes in
 * steps of a bounded number of libmagic calls (INSPECT_SCAN_CALLS), showing
 * its progress between steps; Esc stops it. */
#include "config.h"

#include "ui/crt.h"
#include "ui/view_hex.h"
#include "core/edits.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "core/inspect.h"
#include "core/offset.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned long long ull;

struct HexMagic {
   InspectJob job;            /* the lookup at the cursor, while it runs */
   uint64_t job_off;
   bool known;                /* TYPE is libmagic's answer for OFF */
   uint64_t off;
   char type[INSPECT_TEXT_MAX];
   bool scanning;
   InspectScan scan;
};

static HexMagic *magic_of(View *v) {
   HexState *h = view_hex_state(v);
   if (!h->magic) {
      h->magic = calloc(1, sizeof *h->magic);
      if (h->magic)
         h->magic->job.child.fd = h->magic->job.child.pid = -1;
   }
   return h->magic;
}

void view_hex_magic_free(View *v) {
   HexMagic *m = view_hex_state(v)->magic;
   if (!m)
      return;
   if (m->job.running) {
      char ignored[8];
      inspect_magic_finish(&m->job, ignored, sizeof ignored, 0);
   }
   inspect_scan_cancel(&m->scan);
   free(m);
   view_hex_state(v)->magic = NULL;
}

/* ---- the type at the cursor ---------------------------------------------- */

static void lookup_start(View *v, HexMagic *m) {
   Session *s = view_hex_session(v);
   m->job_off = s->cursor;
   inspect_magic_start_at(s->src, s->cursor, edits_overlay, s->edits, &m->job);
   if (!m->job.running) {        /* nothing to wait for */
      inspect_magic_finish(&m->job, m->type, sizeof m->type, 0);
      m->known = true;
      m->off = m->job_off;
   }
}

static void lookup_done(View *v, HexMagic *m, int timeout_ms) {
   (void)v;
   inspect_magic_finish(&m->job, m->type, sizeof m->type, timeout_ms);
   m->known = true;
   m->off = m->job_off;
}

int view_hex_magic_rows(View *v) {
   (void)v;
   return 1;
}

void view_hex_magic_draw(View *v, int y, int cols) {
   Session *s = view_hex_session(v);
   HexMagic *m = magic_of(v);
   char line[INSPECT_TEXT_MAX + 96], shown[INSPECT_TEXT_MAX];
   if (!m)
      return;
   char why[256];
   if (!inspect_available()) {
      snprintf(line, sizeof line, "%s", _("type here: libmagic is not built in"));
   } else if (view_hex_unread(v, s->cursor, why, sizeof why)) {
      snprintf(line, sizeof line, _("type at 0x%llx: not looked up: the bytes here could not "
                                    "be read"), (ull)s->cursor);
   } else if (m->known && m->off == s->cursor) {
      escape_into(shown, sizeof shown, m->type);       /* libmagic quotes the object's bytes */
      snprintf(line, sizeof line, _("type at 0x%llx: %s"), (ull)s->cursor, shown);
   } else {
      if (!m->job.running && !m->scanning)
         lookup_start(v, m);
      snprintf(line, sizeof line, _("type at 0x%llx: looking..."), (ull)s->cursor);
   }
   attrset(A_NORMAL);
   crt_put(y, 0, line, cols);
}

/* ---- the scan ------------------------------------------------------------- */

static void scan_end(View *v, HexMagic *m, InspectScanState st) {
   Session *s = view_hex_session(v);
   char shown[INSPECT_TEXT_MAX];
   m->scanning = false;
   switch (st) {
   case INSPECT_SCAN_FOUND:
      view_hex_jump_start(v);
      session_set_cursor(s, m->scan.at);
      view_hex_jump_end(v);
      escape_into(shown, sizeof shown, m->scan.type);
      session_message(s, false, _("0x%llx: %s (] finds the next)"), (ull)m->scan.at, shown);
      break;
   case INSPECT_SCAN_END:
      session_message(s, false, _("libmagic recognises nothing from 0x%llx to the end"),
                      (ull)m->scan.start);
      break;
   default:
      escape_into(shown, sizeof shown, m->scan.type);
      session_message(s, true, _("magic: %s"), shown);
      break;
   }
}

static void scan_progress(View *v, HexMagic *m) {
   uint64_t all = m->scan.end - m->scan.start, done = m->scan.from - m->scan.start;
   unsigned pct = all ? (unsigned)((unsigned __int128)done * 100 / all) : 100;
   session_message(view_hex_session(v), false,
                   ngettext("libmagic at 0x%llx: %u%%, %lu offset asked, Esc stops",
                            "libmagic at 0x%llx: %u%%, %lu offsets asked, Esc stops",
                            m->scan.calls),
                   (ull)m->scan.from, pct, m->scan.calls);
}

/* Start the scan's next step, or end it. */
static void scan_next(View *v, HexMagic *m) {
   Session *s = view_hex_session(v);
   InspectScanState st = inspect_scan_step(&m->scan, s->src, edits_overlay, s->edits);
   if (st == INSPECT_SCAN_MORE)
      scan_progress(v, m);
   else
      scan_end(v, m, st);
}

static bool scan_start(View *v, uint64_t align) {
   Session *s = view_hex_session(v);
   HexMagic *m = magic_of(v);
   if (!inspect_available()) {
      session_message(s, true, "%s", _("magic: libmagic is not built in "
                                        "(configure --without-libmagic)"));
      return false;
   }
   if (!m)
      return false;
   if (m->scanning) {
      session_message(s, true, "%s", _("magic: a scan runs already (Esc stops it)"));
      return false;
   }
   inspect_scan_begin(&m->scan, s->cursor + 1, s->src->size, align);
   m->scanning = true;
   scan_next(v, m);
   return true;
}

void view_hex_magic_next(View *v) {
   scan_start(v, 1);
}

CommandStatus view_hex_cmd_magic(void *ctx, const char *args) {
   View *v = ctx;
   Session *s = view_hex_session(v);
   uint64_t align = 1;
   const char *why = NULL;
   if (args[0] && (!offset_eval(args, OFFSET_AS_LENGTH, s->src->size, 0, &align, &why)
                   || align == 0)) {
      char shown[128];
      escape_into(shown, sizeof shown, args);
      session_message(s, true, _("magic %s: give an alignment, a number of bytes (512, 4K)"),
                      shown);
      return COMMAND_FAILED;
   }
   return scan_start(v, align) ? COMMAND_OK : COMMAND_FAILED;
}

bool view_hex_magic_intercept(View *v, int key) {
   HexMagic *m = view_hex_state(v)->magic;
   if (!m || !m->scanning || key != 27)
      return false;
   inspect_scan_cancel(&m->scan);
   m->scanning = false;
   session_message(view_hex_session(v), false, _("libmagic: stopped at 0x%llx"),
                   (ull)m->scan.from);
   return true;
}

/* ---- the screen's side: the descriptor to wait on ------------------------- */

int view_hex_magic_fd(View *v) {
   HexMagic *m = view_hex_state(v)->magic;
   if (!m)
      return -1;
   if (m->scanning)
      return inspect_scan_fd(&m->scan);
   return m->job.running ? inspect_magic_fd(&m->job) : -1;
}

void view_hex_magic_done(View *v, int timeout_ms) {
   HexMagic *m = view_hex_state(v)->magic;
   if (!m)
      return;
   if (!m->scanning) {
      if (m->job.running)
         lookup_done(v, m, timeout_ms);
      return;
   }
   InspectScanState st = inspect_scan_collect(&m->scan, timeout_ms);
   if (st == INSPECT_SCAN_MORE)
      scan_next(v, m);
   else
      scan_end(v, m, st);
}
