/* view_hex_proc.c - the hex view on bytes that are read, not mapped, and
 * may be unreadable (another process's memory, pid:PID:ADDR): the visible
 * bytes are read at every draw with the unreadable ones marked (shown as
 * ??, the reason on the status line), offsets shown as the source's
 * addresses, a process that exits said on the status line (its last bytes
 * stay); and, for a process, the region under the cursor beside them: the
 * object it maps and at which offset, and the pages the process has
 * copied in a private mapping (C in the row's mark column: its writes
 * there do not reach the object). */
#include "config.h"

#include "ui/crt.h"
#include "ui/view_hex.h"
#include "app/procview.h"
#include "core/edits.h"
#include "core/gettext.h"
#include "platform/mapping.h"

#include <curses.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned long long ull;

bool view_hex_proc_active(View *v) {
   const Source *src = view_hex_session(v)->src;
   return source_can(src, SOURCE_CAN_READ | SOURCE_CAN_LIVE) && !source_can(src, SOURCE_CAN_MAP);
}

void view_hex_proc_init(View *v) {
   HexState *h = view_hex_state(v);
   Session *s = view_hex_session(v);
   SourcePidSpec sp;
   Error e;
   h->proc_pid = source_pid_spec(s->src->spec, &sp, &e) == 1 ? sp.pid : 0;
   if (h->proc_pid)
      procview_init(&h->proc, h->proc_pid);
   if (s->src->origin && s->src->origin < s->src->size) {
      session_set_cursor(s, s->src->origin);       /* pid:PID:ADDR: at ADDR */
      session_center_top(s);
   }
}

void view_hex_proc_free(View *v) {
   free(view_hex_state(v)->bad);
}

void view_hex_expect_object(View *v, uint64_t dev, uint64_t ino) {
   if (v && v->ops->session && view_hex_state(v)->proc_pid)
      procview_expect(&view_hex_state(v)->proc, dev, ino);
}

/* "?? WHY", said once per unreadable run, and taken back when no
 * unreadable byte is shown any more (unless another message replaced it). */
static void say_fault(View *v, const SourceFault *f) {
   HexState *h = view_hex_state(v);
   Session *s = view_hex_session(v);
   if (f->err == 0) {
      if (h->fault_said && strcmp(session_message_text(s), h->fault_text) == 0)
         session_clear_message(s);
      h->fault_said = false;
      return;
   }
   if (h->fault_said && h->fault.offset == f->offset && h->fault.err == f->err)
      return;
   char why[384];
   source_fault_why(s->src, f, why, sizeof why);
   /* an error's place: the whole status line when it does not fit beside the cursor */
   session_message(s, true, _("??: %s"), why);
   snprintf(h->fault_text, sizeof h->fault_text, "%s", session_message_text(s));
   h->fault = *f;
   h->fault_said = true;
}

/* The process can no longer be read: said once; the last bytes stay. */
static void say_gone(View *v, const Error *e) {
   HexState *h = view_hex_state(v);
   if (h->proc_gone)
      return;
   h->proc_gone = true;
   session_message(view_hex_session(v), true, _("%s (%s): the bytes shown are the last read"),
                   _(error_message(e->code)), e->detail);
}

size_t view_hex_proc_visible(View *v, unsigned char *buf, size_t want) {
   HexState *h = view_hex_state(v);
   Session *s = view_hex_session(v);
   uint64_t size = s->src->size;
   if (s->top >= size)
      return 0;
   size_t len = size - s->top < want ? (size_t)(size - s->top) : want;
   if (len > h->bad_cap) {
      unsigned char *b = realloc(h->bad, len);
      if (!b)
         return 0;
      h->bad = b;
      h->bad_cap = len;
   }
   if (h->proc_gone && h->shown == len && h->shown_top == s->top)
      return len;                      /* keep what was read last */
   size_t got = 0;
   SourceFault f;
   Error e;
   unsigned char *fresh = malloc(len ? len : 1);
   if (!fresh)
      return 0;
   if (!source_read_marked(s->src, fresh, len, s->top, &got, h->bad, &f, &e)) {
      free(fresh);
      say_gone(v, &e);
      if (h->shown_top != s->top)
         memset(h->bad, 1, len);       /* nothing known here: every byte is ?? */
      return h->shown_top == s->top ? h->shown : len;
   }
   memcpy(buf, fresh, got);
   free(fresh);
   h->proc_gone = false;
   h->shown = got;
   h->shown_top = s->top;
   say_fault(v, &f);
   return got;
}

bool view_hex_proc_bad(View *v, uint64_t off) {
   HexState *h = view_hex_state(v);
   Session *s = view_hex_session(v);
   return h->bad && off >= s->top && off - s->top < h->bad_cap && h->bad[off - s->top];
}

/* ---- the process beside the bytes ------------------------------------------ */

void view_hex_proc_update(View *v, uint64_t top, size_t n) {
   HexState *h = view_hex_state(v);
   Session *s = view_hex_session(v);
   if (!h->proc_pid)
      return;
   if (h->proc_gone) {                /* its pages are gone with it */
      h->proc.pages_err = h->proc.err = ESRCH;
      return;
   }
   uint64_t wfrom, wto;
   procview_window(top, top + n, s->granularity, s->src->size, &wfrom, &wto);
   procview_update(&h->proc, source_address(s->src, s->cursor), source_address(s->src, wfrom),
                   source_address(s->src, wto));
}

char view_hex_proc_row_mark(View *v, uint64_t off) {
   HexState *h = view_hex_state(v);
   Session *s = view_hex_session(v);
   if (!h->proc_pid)
      return ' ';
   uint64_t addr = source_address(s->src, off), page = platform_page_size();
   uint64_t row_end = addr + s->row_bytes;
   for (uint64_t p = addr - addr % page; p < row_end; p += page)
      if (procview_copied(&h->proc, p))
         return 'C';
   return ' ';
}

bool view_hex_proc_pages(View *v, size_t *pages, size_t *resident, size_t *swapped,
                         size_t *copied) {
   HexState *h = view_hex_state(v);
   ProcViewCounts c;
   if (!h->proc_pid || h->proc.pages_err || h->proc.err)
      return false;
   procview_count(&h->proc, &c);
   *pages = h->proc.window_pages;
   *resident = c.resident;
   *swapped = c.swapped;
   *copied = c.copied;
   return true;
}

void view_hex_proc_title(View *v, char *out, size_t outsz) {
   HexState *h = view_hex_state(v);
   Session *s = view_hex_session(v);
   const ProcView *p = &h->proc;
   out[0] = '\0';
   if (!h->proc_pid || !p->have_region)
      return;
   uint64_t addr = source_address(s->src, s->cursor);
   if (procview_not_expected(p)) {
      snprintf(out, outsz, "%s", _("the process maps another object here now"));
      return;
   }
   if (!procview_private_object(p) && p->kind != PLATFORM_REGION_SHM
       && p->kind != PLATFORM_REGION_SEM
       && p->kind != PLATFORM_REGION_FILE && p->kind != PLATFORM_REGION_MEMFD
       && p->kind != PLATFORM_REGION_SYSV)
      return;
   size_t copied = procview_copied_count(p);
   if (procview_private_object(p))
      snprintf(out, outsz, ngettext("%s %.4s +0x%llx, %zu page copied (C)",
                                    "%s %.4s +0x%llx, %zu pages copied (C)", copied),
               p->backing, p->perms, (ull)procview_object_offset(p, addr), copied);
   else
      snprintf(out, outsz, _("%s %.4s +0x%llx"), p->backing, p->perms,
               (ull)procview_object_offset(p, addr));
}

/* Once a second: a process that ended is seen even when nothing is drawn. */
bool view_hex_proc_tick(View *v) {
   HexState *h = view_hex_state(v);
   return view_hex_proc_active(v) && !h->proc_gone;
}
