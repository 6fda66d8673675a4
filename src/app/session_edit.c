/* session_edit.c - the session's copy-on-write edits: apply, undo, redo,
 * flush, discard, each leaving a message for the status line. */
#include "config.h"

#include "app/session_edit.h"
#include "app/recovery.h"
#include "core/edits.h"
#include "core/escape.h"
#include "core/flush.h"
#include "core/gettext.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned long long ull;


static EditSet *new_set(Session *s, bool allow_others) {
   EditConfig cfg = { s->granularity, s->window_size, allow_others, false, true };
   return edits_new(s->src, &cfg);
}

bool session_edit_start(Session *s, bool allow_others, Error *e) {
   char msg[4096];                 /* recovery's sentences, with the escaped name */
   bool half_written = recovery_check(s->src, true, msg, sizeof msg);
   if (msg[0])
      session_message(s, half_written, "%s", msg);
   s->edits = new_set(s, allow_others);
   if (!s->edits) {
      error_set(e, ERR_MAP, ENOMEM, "%s", _("no memory for the edit set"));
      return false;
   }
   return true;
}

void session_edit_stop(Session *s) {
   edits_free(s->edits);
   s->edits = NULL;
}

bool session_edit_writable(Session *s) {
   Error e;
   if (s->edits && edits_writable(s->edits, &e))
      return true;
   if (s->edits)
      session_error(s, &e);
   else
      session_message(s, true, "%s", _(error_message(ERR_READ_ONLY)));
   return false;
}

bool session_edit_byte(Session *s, uint64_t off, unsigned char b, bool merge) {
   Error e;
   if (!session_edit_writable(s))
      return false;
   if (!edits_apply(s->edits, off, &b, 1, merge, &e)) {
      session_error(s, &e);
      return false;
   }
   return true;
}

bool session_edit_bytes(Session *s, uint64_t off, const unsigned char *bytes, size_t len) {
   Error e;
   if (!session_edit_writable(s))
      return false;
   uint64_t left = off < s->src->size ? s->src->size - off : 0;
   if (len > left) {
      session_message(s, true, ngettext("the value takes %zu bytes and %llu remains",
                                        "the value takes %zu bytes and %llu remain",
                                        (unsigned long)left),
                      len, (unsigned long long)left);
      return false;
   }
   if (!edits_apply(s->edits, off, bytes, len, false, &e)) {
      session_error(s, &e);
      return false;
   }
   return true;
}

bool session_edit_nibble(Session *s, uint64_t off, bool high, unsigned digit) {
   unsigned char b = 0;
   size_t got = 0;
   Error e;
   if (!session_edit_writable(s))
      return false;
   if (!edits_read(s->edits, off, &b, 1, &got, &e) || got != 1) {
      session_error(s, &e);
      return false;
   }
   b = high ? (unsigned char)((b & 0x0f) | (digit << 4)) : (unsigned char)((b & 0xf0) | digit);
   return session_edit_byte(s, off, b, true);
}

static bool undo_redo(Session *s, bool redo) {
   uint64_t off = 0;
   size_t len = 0;
   Error e;
   if (!s->edits)
      return false;
   bool done = redo ? edits_redo(s->edits, &off, &len, &e) : edits_undo(s->edits, &off, &len, &e);
   if (!done) {
      if (e.code == ERR_NONE)
         session_message(s, false, "%s", redo ? _("nothing to redo") : _("nothing to undo"));
      else
         session_error(s, &e);
      return false;
   }
   session_set_cursor(s, off);
   session_message(s, false, redo ? ngettext("redone: %zu byte at 0x%llx", "redone: %zu bytes at 0x%llx", len)
                                  : ngettext("undone: %zu byte at 0x%llx", "undone: %zu bytes at 0x%llx", len),
                   len, (ull)off);
   return true;
}

bool session_edit_undo(Session *s) { return undo_redo(s, false); }
bool session_edit_redo(Session *s) { return undo_redo(s, true); }

void session_edit_discard(Session *s) {
   if (!s->edits || !edits_pending(s->edits)) {
      session_message(s, false, "%s", _("no edits to discard"));
      return;
   }
   uint64_t n = edits_modified_bytes(s->edits);
   edits_discard(s->edits);
   session_message(s, false, ngettext("discarded the edits of %llu byte",
                                      "discarded the edits of %llu bytes", n), (ull)n);
}

bool session_edit_in_place(const Session *s) {
   return s->edits && source_can(s->src, SOURCE_CAN_EDIT)
          && !source_can(s->src, SOURCE_CAN_JOURNAL);
}

bool session_edit_flush(Session *s, bool force) {
   if (!s->edits || !edits_pending(s->edits)) {
      session_message(s, false, "%s", _("no edits to flush"));
      return true;
   }
   Error e;
   char *dir = recovery_journal_dir();
   if (!dir) {
      error_set(&e, ERR_JOURNAL, 0, "%s", _("set XDG_STATE_HOME or HOME: the journal needs a place"));
      session_error(s, &e);
      return false;
   }
   FlushOptions fo = { dir, force, NULL, NULL, ":flush!", ":recover" };
   FlushReport r;
   memset(&r, 0, sizeof r);      /* read below even when no flush was tried */
   bool good = flush_commit(s->edits, &fo, &r, &e);   /* refuses a busy block device */
   free(dir);
   if (!good) {
      if (e.code == ERR_CHANGED) {   /* the detail names :flush!, the screen's way */
         session_message(s, true, _("not flushed: %s"), e.detail);
      } else {
         session_error(s, &e);
         char *text = strdup(session_message_text(s));
         session_message(s, true, _("edits kept: %s"), text ? text : "");
         free(text);
      }
      return false;
   }
   window_unmap(&s->win, s->src);      /* a forced flush may have replaced the object */
   s->rewritten++;
   session_check_size(s);
   char bytes[64];
   snprintf(bytes, sizeof bytes, ngettext("%llu byte", "%llu bytes", r.bytes), (ull)r.bytes);
   if (session_edit_in_place(s))       /* another process's memory: no journal was kept */
      session_message(s, false, ngettext("flushed: %s written in place in %llu run (no journal)",
                                         "flushed: %s written in place in %llu runs (no journal)",
                                         r.runs), bytes, (ull)r.runs);
   else if (r.set_aside[0] && r.set_aside_stranger)
      session_message(s, true, _("flushed: %s; a journal not written for this object was "
                      "moved aside to %s"), bytes, r.set_aside);
   else if (r.set_aside[0])
      session_message(s, true, _("flushed: %s; a file at the journal's name that was not "
                      "ours was moved aside to %s"), bytes, r.set_aside);
   else
      session_message(s, false, ngettext("flushed: %s in %llu page", "flushed: %s in %llu pages",
                                         r.pages), bytes, (ull)r.pages);
   return true;
}

bool session_edit_recover(Session *s, bool force) {
   char msg[4096];
   JournalForce how = { force, ":recover!" };
   bool good = recovery_replay(s->src, &how, msg, sizeof msg);
   PlatformStat now;
   /* The roll-back was ours: pending edits compare with the object now. */
   if (good && s->edits && s->src->handle != PLATFORM_HANDLE_NONE && platform_stat_fd(s->src->handle, &now) == 0)
      edits_set_baseline(s->edits, &now);
   if (good) {
      s->rewritten++;
      session_check_size(s);
   }
   if (msg[0])
      session_message(s, !good, "%s", msg);
   else
      session_message(s, false, "%s", _("no interrupted flush to roll back"));
   return good;
}

bool session_edit_pending(const Session *s) {
   return s->edits && edits_pending(s->edits);
}

bool session_edit_is_modified(const Session *s, uint64_t off) {
   return s->edits && edits_is_modified(s->edits, off);
}

bool session_edit_dropped(const Session *s, const char *cause, char *out, size_t outsz) {
   if (!session_edit_pending(s))
      return false;
   uint64_t n = edits_modified_bytes(s->edits);
   char name[256];
   escape_into(name, sizeof name, s->src->spec);
   snprintf(out, outsz, ngettext("%s: the edit of %llu byte was discarded: nothing was written "
                                 "to it (ended by %s)",
                                 "%s: the edits of %llu bytes were discarded: nothing was "
                                 "written to it (ended by %s)", n), name, (ull)n, cause);
   return true;
}

const char session_edit_choices[] = N_("f flush, d discard, s stay");
const char session_edit_choices_short[] = N_("f/d/s?");

void session_edit_quit_question(const Session *s, char *out, size_t outsz) {
   uint64_t n = edits_modified_bytes(s->edits);
   if (session_edit_in_place(s))
      snprintf(out, outsz, ngettext("%llu byte edited and not flushed (no journal: f writes it "
                                    "in place)",
                                    "%llu bytes edited and not flushed (no journal: f writes "
                                    "them in place)", n), (ull)n);
   else
      snprintf(out, outsz, ngettext("%llu byte edited and not flushed",
                                    "%llu bytes edited and not flushed", n), (ull)n);
}
