/* view_hex_live.c - the hex view's live view: a source whose kind declares
 * SOURCE_CAN_LIVE (others change its bytes) is re-read every interval,
 * from the start or, for a kind live on request (files), once p, :refresh
 * or --refresh asks (p pauses and resumes, :refresh re-reads now,
 * :refresh SECONDS sets the interval);
 * the bytes that changed are lit and fade over LIVE_FADE_STEPS refreshes,
 * the status line counts them.  Between refreshes the screen shows what
 * the last one read.  Which bytes changed is app/live.h. */
#include "config.h"

#include "ui/keymap.h"
#include "ui/view_hex.h"
#include "platform/processes.h"
#include "core/gettext.h"

#include <stdio.h>

#define LIVE_DEFAULT_MS 1000u


static bool live_kind(View *v) {
   return live_source_is_live(view_hex_session(v)->src);
}

void view_hex_live_init(View *v, unsigned interval_ms) {
   HexState *h = view_hex_state(v);
   h->started = live_source_starts(view_hex_session(v)->src, interval_ms != 0);
   h->live = h->started;
   h->interval_ms = interval_ms ? interval_ms : LIVE_DEFAULT_MS;
   h->refresh_now = true;             /* the first screen is the baseline */
   h->rewritten = view_hex_session(v)->rewritten;
}

void view_hex_live_free(View *v) {
   live_diff_free(&view_hex_state(v)->diff);
}

/* Is this draw a refresh?  It is when due, asked for, or when the session
 * itself rewrote the bytes (a flush, a reload): then it starts anew. */
static bool due(View *v, uint64_t now) {
   HexState *h = view_hex_state(v);
   Session *s = view_hex_session(v);
   if (h->rewritten != s->rewritten) {
      h->rewritten = s->rewritten;
      live_diff_reset(&h->diff);
      h->refresh_now = true;
   }
   return h->refresh_now || (h->live && now - h->refreshed_at >= h->interval_ms);
}

/* The bytes on screen as the object has them (no edits): a process's are
 * read with their unreadable bytes marked (view_hex_proc.c). */
static size_t read_visible(View *v, unsigned char *buf, size_t want, bool fresh) {
   if (view_hex_proc_active(v))
      return view_hex_proc_visible(v, buf, want);
   return session_visible_raw(view_hex_session(v), buf, want, fresh);
}

size_t view_hex_live_read(View *v, unsigned char *buf, size_t want) {
   HexState *h = view_hex_state(v);
   Session *s = view_hex_session(v);
   if (!h->started)
      return read_visible(v, buf, want, false);
   uint64_t now = platform_clock_ms();
   if (!due(v, now)) {
      size_t n = read_visible(v, buf, want, false);
      return live_diff_hold(&h->diff, s->top, buf, n, want);
   }
   size_t n = read_visible(v, buf, want, true);
   h->refresh_now = false;
   h->refreshed_at = now;
   live_diff_refresh(&h->diff, s->top, buf, n, want);
   return n;
}

unsigned view_hex_live_level(View *v, uint64_t off) {
   return live_diff_level(&view_hex_state(v)->diff, off);
}

int view_hex_live_timer(View *v) {
   HexState *h = view_hex_state(v);
   if (!h->live)
      return -1;
   uint64_t at = h->refreshed_at + h->interval_ms, now = platform_clock_ms();
   return at > now ? (int)(at - now) : 0;
}

const char *view_hex_live_mode(View *v, char *out, size_t outsz) {
   HexState *h = view_hex_state(v);
   char changed[48] = "";
   if (!h->started) {
      out[0] = '\0';
      return out;
   }
   if (h->diff.changed_count)
      snprintf(changed, sizeof changed, ngettext(", %zu changed", ", %zu changed",
                                                 h->diff.changed_count), h->diff.changed_count);
   if (h->live)
      snprintf(out, outsz, _("live %.1f s%s"), h->interval_ms / 1000.0, changed);
   else
      snprintf(out, outsz, _("paused%s"), changed);
   return out;
}

void view_hex_live_toggle(View *v) {
   HexState *h = view_hex_state(v);
   if (!live_kind(v)) {
      session_message(view_hex_session(v), true, "%s",
                      _("no live view: the kernel makes this file's contents anew at each read; it was read "
                        "once, at open (R reads it again)"));
      return;
   }
   if (!h->started) {                 /* a file: p starts its live view */
      h->started = true;
      h->live = false;
   }
   h->live = !h->live;
   h->refresh_now = h->live;
   session_message(view_hex_session(v), false, "%s", h->live
                   ? _("live view: re-reading the bytes every interval")
                   : _("live view paused (p resumes, :refresh re-reads once)"));
}

/* :refresh re-reads now; :refresh SECONDS sets the interval, and re-reads.
 * A file not live yet: :refresh takes the bytes as they are now (paused),
 * :refresh SECONDS starts re-reading them. */
CommandStatus view_hex_cmd_refresh(void *ctx, const char *args) {
   View *v = ctx;
   HexState *h = view_hex_state(v);
   if (!live_kind(v)) {
      session_message(view_hex_session(v), true, "%s",
                      _("no live view: the kernel makes this file's contents anew at each read; it was read "
                        "once, at open (R reads it again)"));
      return COMMAND_FAILED;
   }
   if (!h->started) {
      h->started = true;
      h->live = args && *args;
   }
   if (args && *args) {
      unsigned ms;
      if (!live_parse_interval(args, &ms)) {
         session_message(view_hex_session(v), true, _("refresh %s: seconds from 0.1 to 3600"),
                         args);
         return COMMAND_FAILED;
      }
      h->interval_ms = ms;
      session_message(view_hex_session(v), false, _("the live view re-reads every %.1f s"),
                      ms / 1000.0);
   }
   h->refresh_now = true;
   return COMMAND_OK;
}
