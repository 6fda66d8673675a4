/* view_hex_live.c - the hex view's live view: shared memory re-read every
 * interval (p pauses it, :refresh does it now, :interval sets it), the
 * bytes that changed since the last refresh highlighted.  Which bytes
 * changed is app/live.h. */
#include "config.h"

#include "ui/keymap.h"
#include "ui/view_hex.h"
#include "platform/processes.h"
#include "core/gettext.h"

#include <stdio.h>

#define LIVE_DEFAULT_MS 1000u


void view_hex_live_init(View *v, unsigned interval_ms) {
   HexState *h = view_hex_state(v);
   h->live = live_source_is_shared(view_hex_session(v)->src);
   h->interval_ms = interval_ms ? interval_ms : LIVE_DEFAULT_MS;
   h->refresh_now = true;             /* the first screen is the baseline */
}

void view_hex_live_free(View *v) {
   live_diff_free(&view_hex_state(v)->diff);
}

void view_hex_live_drawn(View *v, uint64_t top, const unsigned char *buf, size_t n) {
   HexState *h = view_hex_state(v);
   uint64_t now = platform_clock_ms();
   bool due = h->live && now - h->refreshed_at >= h->interval_ms;
   if (!due && !h->refresh_now)
      return;
   h->refresh_now = false;
   h->refreshed_at = now;
   live_diff_update(&h->diff, top, buf, n);
}

bool view_hex_live_changed(View *v, uint64_t off) {
   return live_diff_changed(&view_hex_state(v)->diff, off);
}

int view_hex_live_timer(View *v) {
   HexState *h = view_hex_state(v);
   if (!h->live)
      return -1;
   uint64_t due = h->refreshed_at + h->interval_ms, now = platform_clock_ms();
   return due > now ? (int)(due - now) : 0;
}

const char *view_hex_live_mode(View *v, char *out, size_t outsz) {
   HexState *h = view_hex_state(v);
   if (h->live)
      snprintf(out, outsz, _("live %.1f s"), h->interval_ms / 1000.0);
   else if (live_source_is_shared(view_hex_session(v)->src))
      snprintf(out, outsz, "%s", _("paused"));
   else
      out[0] = '\0';
   return out;
}

void view_hex_live_toggle(View *v) {
   HexState *h = view_hex_state(v);
   h->live = !h->live;
   h->refresh_now = h->live;
   session_message(view_hex_session(v), false, "%s", h->live
                   ? _("live view: re-reading the bytes every interval")
                   : _("live view paused (p resumes, :refresh re-reads once)"));
}

CommandStatus view_hex_cmd_refresh(void *ctx, const char *args) {
   (void)args;
   view_hex_state(ctx)->refresh_now = true;
   return COMMAND_OK;
}

CommandStatus view_hex_cmd_interval(void *ctx, const char *args) {
   View *v = ctx;
   unsigned ms;
   if (!live_parse_interval(args, &ms)) {
      session_message(view_hex_session(v), true, _("interval %s: seconds from 0.1 to 3600"), args);
      return COMMAND_FAILED;
   }
   view_hex_state(v)->interval_ms = ms;
   session_message(view_hex_session(v), false, _("the live view re-reads every %.1f s"), ms / 1000.0);
   return COMMAND_OK;
}
