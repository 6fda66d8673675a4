/* view_hex_edit.c - the hex view's editing: edit mode, the two panes,
 * undo, redo, flush, discard, and the marks of copied pages. */
#include "config.h"

#include "ui/crt.h"
#include "ui/keymap.h"
#include "ui/view_hex.h"
#include "app/session_edit.h"
#include "core/edits.h"
#include "core/gettext.h"
#include "core/mapinfo.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

typedef unsigned long long ull;


static void take_back_note(View *v);

static int hex_digit(int key) {
   if (key >= '0' && key <= '9')
      return key - '0';
   if (key >= 'a' && key <= 'f')
      return key - 'a' + 10;
   if (key >= 'A' && key <= 'F')
      return key - 'A' + 10;
   return -1;
}

/* After a byte is complete the cursor goes on, as in every hex editor. */
static void advance(View *v) {
   view_hex_state(v)->low_nibble = false;
   session_move(view_hex_session(v), 1);
}

static bool type_hex(View *v, int digit) {
   HexState *h = view_hex_state(v);
   Session *s = view_hex_session(v);
   if (!session_edit_nibble(s, s->cursor, !h->low_nibble, (unsigned)digit))
      return true;
   session_clear_message(s);
   if (h->low_nibble)
      advance(v);
   else
      h->low_nibble = true;
   return true;
}

static bool type_text(View *v, int key) {
   Session *s = view_hex_session(v);
   if (session_edit_byte(s, s->cursor, (unsigned char)key, true)) {
      session_clear_message(s);
      advance(v);
   }
   return true;
}

bool view_hex_edit_intercept(View *v, int key) {
   HexState *h = view_hex_state(v);
   if (!h->editing)
      return false;
   if (key == KEYMAP_ESC) {
      h->editing = false;
      h->low_nibble = false;
      take_back_note(v);
      return true;
   }
   if (key == '\t') {
      view_hex_edit_tab(v);
      return true;
   }
   /* bytes 0x80-0xff are the UTF-8 the terminal sends for ö or 日, a byte
    * at a time: each becomes a byte of the object, as typed */
   if (h->text_pane && key >= 0x20 && key <= 0xff && key != 0x7f)
      return type_text(v, key);
   int d = h->text_pane ? -1 : hex_digit(key);
   if (d >= 0)
      return type_hex(v, d);
   h->low_nibble = false;
   return false;
}

/* The edit mode's message says the mode and the pane the keys type into:
 * Tab says the other pane, and leaving the mode takes it back (unless
 * another message replaced it meanwhile). */
static void say_mode(View *v) {
   HexState *h = view_hex_state(v);
   Session *s = view_hex_session(v);
   if (session_edit_in_place(s))          /* said before the first byte is typed */
      h->edit_note = h->text_pane
                     ? _("editing the text pane in place: :flush writes, no journal; Tab: hex "
                         "pane; Esc: stop")
                     : _("editing the hex pane in place: :flush writes, no journal; Tab: text "
                         "pane; Esc: stop");
   else
      h->edit_note = h->text_pane
                     ? _("editing the text pane: type characters; Tab: hex pane; Esc: stop")
                     : _("editing the hex pane: type hex digits; Tab: text pane; Esc: stop");
   session_message(s, false, "%s", h->edit_note);
}

static bool note_shown(View *v) {
   HexState *h = view_hex_state(v);
   return h->edit_note && strcmp(session_message_text(view_hex_session(v)), h->edit_note) == 0;
}

static void take_back_note(View *v) {
   if (note_shown(v))
      session_clear_message(view_hex_session(v));
   view_hex_state(v)->edit_note = NULL;
}

void view_hex_edit_toggle(View *v) {
   HexState *h = view_hex_state(v);
   Session *s = view_hex_session(v);
   h->low_nibble = false;
   if (h->editing) {
      h->editing = false;
      take_back_note(v);
      return;
   }
   if (!session_edit_writable(s))
      return;
   h->editing = true;
   say_mode(v);
}

void view_hex_edit_tab(View *v) {
   HexState *h = view_hex_state(v);
   h->text_pane = !h->text_pane;
   h->low_nibble = false;
   if (h->editing && (note_shown(v) || !session_message_text(view_hex_session(v))[0]))
      say_mode(v);
}

/* u and C-r take a count (3u: the last three edits). */
void view_hex_edit_undo(View *v) {
   view_hex_state(v)->low_nibble = false;
   for (unsigned long i = ui_count(v->ui); i > 0 && session_edit_undo(view_hex_session(v)); i--)
      ;
}
void view_hex_edit_redo(View *v) {
   view_hex_state(v)->low_nibble = false;
   for (unsigned long i = ui_count(v->ui); i > 0 && session_edit_redo(view_hex_session(v)); i--)
      ;
}
void view_hex_edit_flush(View *v) { session_edit_flush(view_hex_session(v), false); }

CommandStatus view_hex_cmd_flush(void *ctx, const char *args) {
   (void)args;
   return session_edit_flush(view_hex_session(ctx), false) ? COMMAND_OK : COMMAND_FAILED;
}

CommandStatus view_hex_cmd_flush_force(void *ctx, const char *args) {
   (void)args;
   return session_edit_flush(view_hex_session(ctx), true) ? COMMAND_OK : COMMAND_FAILED;
}

CommandStatus view_hex_cmd_recover(void *ctx, const char *args) {
   (void)args;
   return session_edit_recover(view_hex_session(ctx), false) ? COMMAND_OK : COMMAND_FAILED;
}

CommandStatus view_hex_cmd_recover_force(void *ctx, const char *args) {
   (void)args;
   return session_edit_recover(view_hex_session(ctx), true) ? COMMAND_OK : COMMAND_FAILED;
}

CommandStatus view_hex_cmd_undo(void *ctx, const char *args) {
   (void)args;
   view_hex_edit_undo(ctx);
   return COMMAND_OK;
}

CommandStatus view_hex_cmd_redo(void *ctx, const char *args) {
   (void)args;
   view_hex_edit_redo(ctx);
   return COMMAND_OK;
}

CommandStatus view_hex_cmd_discard(void *ctx, const char *args) {
   (void)args;
   view_hex_state(ctx)->low_nibble = false;
   session_edit_discard(view_hex_session(ctx));
   return COMMAND_OK;
}

/* :e! - as in vi: the edits dropped, then the object the name leads to
 * now opened (:e alone refuses while edits are pending). */
CommandStatus view_hex_cmd_reopen_discard(void *ctx, const char *args) {
   (void)args;
   return session_reopen_dropping(view_hex_session(ctx)) ? COMMAND_OK : COMMAND_FAILED;
}

CommandStatus view_hex_cmd_edit(void *ctx, const char *args) {
   (void)args;
   view_hex_edit_toggle(ctx);
   return COMMAND_OK;
}

/* ---- drawing ---------------------------------------------------------------- */

void view_hex_edit_title(View *v, char *out, size_t outsz) {
   Session *s = view_hex_session(v);
   out[0] = '\0';
   if (!session_edit_pending(s))
      return;
   uint64_t bytes = edits_modified_bytes(s->edits), pages = edits_copied_pages(s->edits);
   char b[64];
   snprintf(b, sizeof b, ngettext("edited %llu byte", "edited %llu bytes", bytes), (ull)bytes);
   if (session_edit_in_place(s)) {       /* staged here; nothing is mapped or copied */
      snprintf(out, outsz, _("%s, staged (no journal)"), b);
      return;
   }
   snprintf(out, outsz, ngettext("%s, copied %llu page", "%s, copied %llu pages", pages), b,
            (ull)pages);
}

const char *view_hex_edit_mode(View *v) {
   HexState *h = view_hex_state(v);
   if (!h->editing)
      return "";
   return h->text_pane ? _("EDIT text") : _("EDIT hex");
}

static bool window_pages(View *v, uint64_t *first, size_t *n) {
   Session *s = view_hex_session(v);
   size_t page = platform_page_size();
   if (!s->win.addr || !session_edit_pending(s))
      return false;
   *first = s->win.span.start;
   *n = (size_t)((s->win.span.length + page - 1) / page);
   return true;
}

void view_hex_edit_pagemap(View *v, int y, int x, size_t from, size_t n) {
   uint64_t first;
   size_t pages;
   unsigned char st[512];
   if (!window_pages(v, &first, &pages) || from >= pages)
      return;
   if (n > sizeof st)
      n = sizeof st;
   if (from + n > pages)
      n = pages - from;
   edits_page_states(view_hex_session(v)->edits, first + from * platform_page_size(), n, st);
   attrset(crt_attr(CRT_EDITED));
   for (size_t i = 0; i < n; i++)
      if (st[i] & (EDITS_PAGE_COPIED | EDITS_PAGE_MODIFIED))
         crt_put(y, x + (int)i, st[i] & EDITS_PAGE_COPIED ? "C" : "M", 1);
   attrset(A_NORMAL);
}

int view_hex_edit_calls(View *v, int y, int cols, bool draw) {
   Session *s = view_hex_session(v);
   WindowSpan span;
   const unsigned char *addr = s->edits ? edits_window(s->edits, s->cursor, &span) : NULL;
   if (!addr)
      return 0;
   Window w = { span, PLATFORM_MAP_PRIVATE, (unsigned char *)addr };
   char call[320], line[400];
   int n = 0;
   if (draw)
      attrset(crt_attr(CRT_EDITED));
   char twin[256];
   mapinfo_source_call(call, sizeof call, twin, sizeof twin, s->src, &w);
   snprintf(line, sizeof line, _("edits: %s"), call);
   n += view_hex_put_wrapped(y + n, line, cols, draw);
   snprintf(line, sizeof line, _("edits: %s"), twin);
   n += view_hex_put_wrapped(y + n, line, cols, draw);
   if (draw)
      attrset(A_NORMAL);
   return n;
}

size_t view_hex_edit_copied(View *v) {
   uint64_t first;
   size_t pages, copied = 0;
   unsigned char st[512];
   if (!window_pages(v, &first, &pages))
      return 0;
   for (size_t at = 0; at < pages; at += sizeof st) {
      size_t n = pages - at < sizeof st ? pages - at : sizeof st;
      edits_page_states(view_hex_session(v)->edits, first + at * platform_page_size(), n, st);
      for (size_t i = 0; i < n; i++)
         copied += (st[i] & EDITS_PAGE_COPIED) != 0;
   }
   return copied;
}
