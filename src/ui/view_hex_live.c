/* view_hex_live.c - the hex view's live view: shared memory re-read every
 * interval (p pauses it, :refresh does it now, :interval sets it), the
 * bytes that changed since the last refresh highlighted.  Which bytes
 * changed is app/live.h. */
#include "config.h"

#include "ui/keymap.h"
#include "ui/view_hex.h"
#include "core/gettext.h"

#include <stdio.h>
#include <time.h>

#define LIVE_DEFAULT_MS 1000u

static HexState *state(View *v) { return v->state; }
static Session *sess(View *v) { return ui_session(v->ui); }

static long long now_ms(void) {
   struct timespec ts;
   clock_gettime(CLOCK_MONOTONIC, &ts);
   return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void view_hex_live_init(View *v, unsigned interval_ms) {
   HexState *h = state(v);
   h->live = live_source_is_shared(sess(v)->src);
   h->interval_ms = interval_ms ? interval_ms : LIVE_DEFAULT_MS;
   h->refresh_now = true;             /* the first screen is the baseline */
}

void view_hex_live_free(View *v) {
   live_diff_free(&state(v)->diff);
}

void view_hex_live_drawn(View *v, uint64_t top, const unsigned char *buf, size_t n) {
   HexState *h = state(v);
   long long now = now_ms();
   bool due = h->live && now - h->refreshed_at >= (long long)h->interval_ms;
   if (!due && !h->refresh_now)
      return;
   h->refresh_now = false;
   h->refreshed_at = now;
   live_diff_update(&h->diff, top, buf, n);
}

bool view_hex_live_changed(View *v, uint64_t off) {
   return live_diff_changed(&state(v)->diff, off);
}

int view_hex_live_timer(View *v) {
   HexState *h = state(v);
   if (!h->live)
      return -1;
   long long left = h->refreshed_at + (long long)h->interval_ms - now_ms();
   return left > 0 ? (int)left : 0;
}

const char *view_hex_live_mode(View *v, char *out, size_t outsz) {
   HexState *h = state(v);
   if (h->live)
      snprintf(out, outsz, _("live %.1f s"), h->interval_ms / 1000.0);
   else if (live_source_is_shared(sess(v)->src))
      snprintf(out, outsz, "%s", _("paused"));
   else
      out[0] = '\0';
   return out;
}

void view_hex_live_toggle(View *v) {
   HexState *h = state(v);
   h->live = !h->live;
   h->refresh_now = h->live;
   session_message(sess(v), false, "%s", h->live
                   ? _("live view: re-reading the bytes every interval")
                   : _("live view paused (p resumes, :refresh re-reads once)"));
}

CommandStatus view_hex_cmd_refresh(void *ctx, const char *args) {
   (void)args;
   state(ctx)->refresh_now = true;
   return COMMAND_OK;
}

CommandStatus view_hex_cmd_interval(void *ctx, const char *args) {
   View *v = ctx;
   unsigned ms;
   if (!live_parse_interval(args, &ms)) {
      session_message(sess(v), true, _("interval %s: seconds from 0.1 to 3600"), args);
      return COMMAND_FAILED;
   }
   state(v)->interval_ms = ms;
   session_message(sess(v), false, _("the live view re-reads every %.1f s"), ms / 1000.0);
   return COMMAND_OK;
}
