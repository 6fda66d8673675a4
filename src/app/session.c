/* session.c - the viewer's state and commands, below the screen. */
#include "config.h"

#include "app/session.h"
#include "app/session_edit.h"
#include "core/source_busy.h"
#include "core/source_space.h"
#include "core/edits.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "core/hexrow.h"
#include "core/inspect.h"
#include "core/offset.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned long long ull;

/* A message is kept whole, however long (:messages shows it so): its
 * length is measured first.  Out of memory, the old one is dropped. */
void session_message(Session *s, bool is_error, const char *fmt, ...) {
   va_list ap, again;
   va_start(ap, fmt);
   va_copy(again, ap);
   int len = vsnprintf(NULL, 0, fmt, ap);
   va_end(ap);
   char *text = len >= 0 ? malloc((size_t)len + 1) : NULL;
   if (text)
      vsnprintf(text, (size_t)len + 1, fmt, again);
   va_end(again);
   free(s->message);
   s->message = text;
   s->message_is_error = is_error;
}

const char *session_message_text(const Session *s) {
   return s->message ? s->message : "";
}

void session_error(Session *s, const Error *err) {
   Error shown = *err;            /* the screen's words: no command-line flags */
   error_for_screen(&shown);
   const Error *e = &shown;
   const char *reason = e->detail[0] ? e->detail : e->sys_errno ? strerror(e->sys_errno) : NULL;
   if (reason)
      session_message(s, true, "%s (%s)", _(error_message(e->code)), reason);
   else
      session_message(s, true, "%s", _(error_message(e->code)));
}

void session_clear_message(Session *s) {
   free(s->message);
   s->message = NULL;
   s->message_is_error = false;
}

static uint64_t row_bytes(const Session *s) {
   return s->row_bytes ? s->row_bytes : 16;
}

static uint64_t row_of(const Session *s, uint64_t offset) {
   return offset - offset % row_bytes(s);
}

static uint64_t screen_bytes(const Session *s) {
   return row_bytes(s) * (s->rows ? s->rows : 1);
}

uint64_t session_max_top(const Session *s) {
   uint64_t size = s->src->size;
   if (size == 0)
      return 0;
   uint64_t last = row_of(s, size - 1);
   uint64_t back = screen_bytes(s) - row_bytes(s);
   return last > back ? last - back : 0;
}

/* Keep the cursor inside the object and on the screen, the top on a row. */
static void follow(Session *s) {
   uint64_t size = s->src->size;
   if (size == 0) {
      s->cursor = s->top = 0;
      return;
   }
   if (s->cursor >= size)
      s->cursor = size - 1;
   s->top = row_of(s, s->top);
   uint64_t crow = row_of(s, s->cursor);
   if (crow < s->top)
      s->top = crow;
   else if (crow - s->top >= screen_bytes(s))
      s->top = crow - (screen_bytes(s) - row_bytes(s));
   if (s->top > session_max_top(s))
      s->top = session_max_top(s);
}

void session_set_geometry(Session *s, unsigned row_bytes_, unsigned rows) {
   s->row_bytes = row_bytes_ ? row_bytes_ : 1;
   s->rows = rows ? rows : 1;
   follow(s);
}

void session_set_cursor(Session *s, uint64_t offset) {
   s->cursor = offset;
   follow(s);
}

void session_move(Session *s, int64_t bytes) {
   uint64_t size = s->src->size;
   if (bytes < 0)
      s->cursor = (uint64_t)-bytes > s->cursor ? 0 : s->cursor - (uint64_t)-bytes;
   else if (size > 0)
      s->cursor = (uint64_t)bytes >= size - s->cursor ? size - 1 : s->cursor + (uint64_t)bytes;
   follow(s);
}

void session_scroll(Session *s, int64_t rows) {
   uint64_t amount = (uint64_t)(rows < 0 ? -rows : rows) * row_bytes(s);
   uint64_t max_top = session_max_top(s);
   if (rows < 0) {
      s->top = amount > s->top ? 0 : s->top - amount;
   } else {
      s->top = s->top >= max_top || amount >= max_top - s->top ? max_top : s->top + amount;
   }
   session_move(s, rows < 0 ? -(int64_t)amount : (int64_t)amount);
}

void session_show_range(Session *s, uint64_t off, uint64_t len) {
   if (len == 0 || s->src->size == 0)
      return;
   uint64_t last = off + len - 1 < s->src->size ? off + len - 1 : s->src->size - 1;
   uint64_t end_row = row_of(s, last), first_row = row_of(s, off);
   if (end_row - s->top >= screen_bytes(s) || end_row < s->top) {
      uint64_t back = screen_bytes(s) - row_bytes(s);
      uint64_t top = end_row > back ? end_row - back : 0;
      s->top = top > first_row ? first_row : top;    /* the start stays in sight */
   }
   follow(s);
}

void session_center_top(Session *s) {
   s->top = row_of(s, s->cursor);
   follow(s);
}

/* ---- the window -------------------------------------------------------- */

/* Map the window that covers [from, to) unless the current one does. */
static bool ensure_window(Session *s, uint64_t from, uint64_t to, Error *e) {
   Window *w = &s->win;
   if (w->addr && from >= w->span.start && to <= w->span.start + w->span.length)
      return true;
   uint64_t start = from & ~(s->granularity - 1);
   uint64_t need = to - start > s->window_size ? to - start : s->window_size;
   uint64_t len = window_round_size(need, s->granularity);
   if (!window_map(w, s->src, from, len, s->granularity, PLATFORM_MAP_READ, false, e))
      return false;
   s->windows_mapped++;
   return true;
}

static void report_size_change(Session *s, uint64_t old, uint64_t now) {
   if (now == 0)
      session_message(s, true, ngettext("the object is now empty (it was %llu byte)",
                                               "the object is now empty (it was %llu bytes)",
                                               (unsigned long)old), (ull)old);
   else if (now < old)
      session_message(s, true, ngettext("the object shrank to %llu byte (it was %llu)",
                                               "the object shrank to %llu bytes (it was %llu)",
                                               (unsigned long)now),
                      (ull)now, (ull)old);
   else
      session_message(s, false, ngettext("the object grew to %llu byte (it was %llu)",
                                                "the object grew to %llu bytes (it was %llu)",
                                                (unsigned long)now),
                      (ull)now, (ull)old);
}

/* The size changed from KNOWN_SIZE: drop a window that reaches past the
 * end, keep the cursor inside, tell the user. */
static void size_changed(Session *s) {
   uint64_t old = s->known_size, now = s->src->size;
   s->known_size = now;
   if (s->win.addr && s->win.span.start + s->win.span.length > now)
      window_unmap(&s->win, s->src);
   follow(s);
   report_size_change(s, old, now);
}

bool session_check_size(Session *s) {
   Error e;
   if (!source_refresh(s->src, &e)) {
      session_error(s, &e);          /* a process that exited: which, and how */
      return false;
   }
   if (s->src->size == s->known_size)
      return false;
   size_changed(s);
   return true;
}

/* A kind that reads: its window is a copy, read again where it is seen. */
static bool reread(Session *s, uint64_t from, uint64_t to) {
   if (source_can(s->src, SOURCE_CAN_MAP))
      return true;
   unsigned char *at = s->win.addr + (from - s->win.span.start);
   size_t got = 0, len = (size_t)(to - from);
   Error e;
   if (!source_read(s->src, at, len, from, &got, &e)) {
      session_error(s, &e);
      return false;
   }
   if (got < len)                  /* ended early: what follows reads as zeros */
      memset(at + got, 0, len - got);
   return true;
}

static size_t copy_visible(Session *s, unsigned char *buf, size_t cap, bool fresh, bool *fault) {
   uint64_t size = s->src->size;
   *fault = false;
   if (size == 0 || s->top >= size)
      return 0;
   uint64_t from = s->top, to = size - from < screen_bytes(s) ? size : from + screen_bytes(s);
   if (to - from > cap)
      to = from + cap;
   Error e;
   if (!ensure_window(s, from, to, &e)) {
      session_error(s, &e);
      return 0;
   }
   if (fresh && !reread(s, from, to))
      return 0;
   if (platform_guarded_copy(buf, s->win.addr + (from - s->win.span.start),
                             (size_t)(to - from)) != 0) {
      *fault = true;
      return 0;
   }
   return (size_t)(to - from);
}

size_t session_visible_raw(Session *s, unsigned char *buf, size_t cap, bool fresh) {
   bool fault;
   size_t n = copy_visible(s, buf, cap, fresh, &fault);
   if (!fault)
      return n;
   /* The object shrank under the mapping: look again and show what is left. */
   window_unmap(&s->win, s->src);
   if (!session_check_size(s))     /* the same size: a full tmpfs, or a shrink undone */
      session_message(s, true, "%s", source_fs_full(s->src) ? _(source_fs_full_text)
                                                            : _(error_message(ERR_SHRANK)));
   n = copy_visible(s, buf, cap, false, &fault);   /* a new window: read just now */
   return fault ? 0 : n;
}

void session_overlay(const Session *s, uint64_t off, unsigned char *buf, size_t n) {
   if (s->edits)
      edits_overlay(s->edits, off, buf, n);
}

size_t session_visible(Session *s, unsigned char *buf, size_t cap) {
   size_t n = session_visible_raw(s, buf, cap, false);
   session_overlay(s, s->top, buf, n);          /* what the view shows */
   return n;
}

size_t session_peek(Session *s, uint64_t offset, unsigned char *buf, size_t len) {
   size_t got = 0;
   Error e;
   if (offset >= s->src->size)
      return 0;
   if (len > s->src->size - offset)
      len = (size_t)(s->src->size - offset);
   if (!source_read(s->src, buf, len, offset, &got, &e))
      return 0;
   if (s->edits)
      edits_overlay(s->edits, offset, buf, got);
   return got;
}

bool session_residency(Session *s, unsigned char *vec, size_t cap, size_t *pages) {
   if (!s->win.addr || !source_can(s->src, SOURCE_CAN_MAP))
      return false;
   size_t page = platform_page_size();
   *pages = (size_t)((s->win.span.length + page - 1) / page);
   size_t n = *pages < cap ? *pages : cap;
   PlatformResidency how;
   int why;
   if (source_residency(s->src, s->win.span.start, s->win.addr, n, vec, &how, &why) != 0
       || how == PLATFORM_RESIDENCY_UNKNOWN)
      return false;               /* mincore() would lie: nothing is said */
   for (size_t i = 0; i < n; i++)
      vec[i] = (vec[i] & PLATFORM_CACHE_KNOWN) && (vec[i] & PLATFORM_CACHE_RESIDENT);
   return true;
}

/* ---- commands -------------------------------------------------------- */

bool session_goto(Session *s, const char *expr) {
   uint64_t from = s->cursor;
   const char *why = NULL;
   uint64_t off;
   if (!offset_eval(expr, OFFSET_AS_GOTO, s->src->size, s->cursor, &off, &why)) {
      session_message(s, true, _("goto %s: %s"), expr, _(why));
      return false;
   }
   if (off >= s->src->size && s->src->base && off >= s->src->base
       && off - s->src->base < s->src->size)
      off -= s->src->base;           /* an address shown (a process's memory) */
   if (off >= s->src->size) {
      session_message(s, true, _("goto %s: offset 0x%llx is past the end (size 0x%llx)"),
                      expr, (ull)off, (ull)s->src->size);
      return false;
   }
   s->cursor = off;
   session_center_top(s);
   session_jumped(s, from);
   return true;
}

static bool parse_size(Session *s, const char *what, const char *text, uint64_t *out) {
   const char *why = NULL;
   if (!offset_eval(text, OFFSET_AS_LENGTH, 0, 0, out, &why)) {
      session_message(s, true, "%s %s: %s", what, text, _(why));
      return false;
   }
   if (*out == 0) {
      session_message(s, true, "%s %s: %s", what, text, _("must be greater than zero"));
      return false;
   }
   return true;
}

bool session_set_granularity(Session *s, const char *text) {
   uint64_t g;
   if (!parse_size(s, _("granularity"), text, &g))
      return false;
   if (!window_granularity_valid(g, platform_page_size())) {
      session_message(s, true, _("granularity %s: %s"), text,
                      _("must be a power of two no smaller than the page size"));
      return false;
   }
   s->granularity = g;
   s->window_size = window_round_size(s->window_size, g);
   window_unmap(&s->win, s->src);
   char human[32];
   hexrow_human_size(human, sizeof human, g);
   session_message(s, false, _("granularity %s: windows now start at multiples of 0x%llx"),
                   human, (ull)g);
   return true;
}

bool session_set_window(Session *s, const char *text) {
   uint64_t size;
   if (!parse_size(s, _("window"), text, &size))
      return false;
   s->window_size = window_round_size(size, s->granularity);
   window_unmap(&s->win, s->src);
   char human[32];
   hexrow_human_size(human, sizeof human, s->window_size);
   session_message(s, false, _("windows are now at least %s"), human);
   return true;
}

static void name_claim(const SourceLook *l, char *buf, size_t size);

bool session_reload(Session *s) {
   session_check_identity(s);
   if (s->name_now.state != SOURCE_LOOK_SAME) {
      char claim[320];
      name_claim(&s->name_now, claim, sizeof claim);
      session_message(s, true, _("not reloaded: %s"), claim);
      return false;
   }
   window_unmap(&s->win, s->src);
   s->rewritten++;
   Error e;
   if (!source_refresh(s->src, &e)) {  /* a stale message never stands in for this */
      session_error(s, &e);
      return false;
   }
   if (session_check_size(s))
      return true;
   session_magic_collect(s, 0);
   inspect_magic(s->src, s->type, sizeof s->type);
   session_message(s, false, ngettext("reloaded: %llu byte", "reloaded: %llu bytes",
                                      s->src->size), (ull)s->src->size);
   return true;
}

/* ---- opening --------------------------------------------------------- */

/* -o: the same forms with the same meanings as :goto (100% and end are the
 * last byte, -N counts from the end, +N from the cursor, which is 0 here);
 * a form that does not parse is bad usage (2), an offset outside the
 * object a failed source (1), before the start as past the end. */
static bool apply_offset(Session *s, const char *text, Error *e) {
   const char *why = NULL;
   OffsetExpr x;
   uint64_t off;
   if (!offset_parse(text, OFFSET_AS_GOTO, &x, &why)) {
      error_set(e, ERR_BAD_OFFSET, 0, "--offset '%s': %s", text, _(why));
      return false;
   }
   if (!offset_resolve(&x, OFFSET_AS_GOTO, s->src->size, 0, &off, &why)) {
      error_set(e, ERR_BEFORE_START, 0, _("offset %s, size %llu"), text, (ull)s->src->size);
      return false;
   }
   if (off >= s->src->size) {
      error_set(e, ERR_PAST_END, 0, _("offset %llu, size %llu"), (ull)off, (ull)s->src->size);
      return false;
   }
   s->cursor = off;
   session_center_top(s);
   return true;
}

bool session_open(Session *s, const char *spec, const SessionConfig *cfg, Error *e) {
   return session_open_expect(s, spec, cfg, cfg->expect, e);
}

bool session_open_expect(Session *s, const char *spec, const SessionConfig *cfg,
                         const PlatformStat *expect, Error *e) {
   memset(s, 0, sizeof *s);
   if (!source_open_expect(spec, false, expect, &s->src, e))
      return false;
   s->granularity = cfg->granularity ? cfg->granularity : platform_page_size();
   s->window_size = window_round_size(cfg->window_size ? cfg->window_size : s->granularity,
                                      s->granularity);
   s->known_size = s->src->size;
   s->row_bytes = 16;
   s->rows = 1;
   if (!source_require_mappable(s->src, e) || (cfg->offset && !apply_offset(s, cfg->offset, e))) {
      source_close(s->src);
      s->src = NULL;
      return false;
   }
   s->magic.running = false;
   s->magic_wanted = cfg->magic;
   s->kept.magic = cfg->magic;
   s->kept.write = cfg->write;
   if (!session_edit_start(s, cfg->write, e)) {
      source_close(s->src);
      s->src = NULL;
      return false;
   }
   char users[1024];
   if (source_block_users(s->src, users, sizeof users) && users[0]) {
      if (s->src->st.kind == PLATFORM_KIND_BLOCK)
         session_message(s, false, _("the block device is in use: %s; :flush refuses, :flush! "
                                     "writes anyway"), users);
      else
         session_message(s, false, _("the file is in use: %s; :flush refuses, :flush! "
                                     "writes anyway"), users);
   }
   return true;
}

void session_magic_start(Session *s) {
   if (!s->magic_wanted)
      return;
   s->magic_wanted = false;
   inspect_magic_start(s->src, &s->magic);
   if (!s->magic.running)     /* nothing to wait for: no libmagic, or no bytes */
      inspect_magic_finish(&s->magic, s->type, sizeof s->type, 0);
}

int session_magic_fd(const Session *s) {
   return inspect_magic_fd(&s->magic);
}

void session_magic_collect(Session *s, int timeout_ms) {
   if (s->magic.running)
      inspect_magic_finish(&s->magic, s->type, sizeof s->type, timeout_ms);
}

void session_close(Session *s) {
   session_clear_message(s);
   if (!s->src)
      return;
   session_magic_collect(s, 0);
   window_unmap(&s->win, s->src);
   session_edit_stop(s);
   source_close(s->src);
   s->src = NULL;
}

/* ---- the object behind the name ---------------------------------------- */

/* What the name leads to now, as the short word a claim uses. */
static const char *kind_word(PlatformKind k) {
   switch (k) {
   case PLATFORM_KIND_DIRECTORY: return _("a directory");
   case PLATFORM_KIND_FIFO:      return _("a FIFO");
   case PLATFORM_KIND_SOCKET:    return _("a socket");
   case PLATFORM_KIND_CHAR:      return _("a character device");
   case PLATFORM_KIND_BLOCK:     return _("a block device");
   default:                      return _("another object");
   }
}

/* The claim the status line makes of L (what the name leads to now). */
static void name_claim(const SourceLook *l, char *buf, size_t size) {
   switch (l->state) {
   case SOURCE_LOOK_SAME:
      snprintf(buf, size, "%s", _("the name leads to the object shown again"));
      break;
   case SOURCE_LOOK_REPLACED:
      if (l->read_err)
         snprintf(buf, size, _("the name now leads to another object, one you may not open "
                               "(replaced; %s): the screen shows the old one"),
                  strerror(l->read_err));
      else if (l->now.kind == PLATFORM_KIND_REGULAR)
         snprintf(buf, size, "%s", _("the name now leads to another object (replaced): "
                                     "R reopens it; the screen shows the old one"));
      else if (l->now.kind == PLATFORM_KIND_BLOCK)
         snprintf(buf, size, _("the name now leads to %s (replaced): R opens it; the screen "
                               "shows the old object"), kind_word(l->now.kind));
      else
         snprintf(buf, size, _("the name now leads to %s (replaced), which cannot be mapped: "
                               "the screen shows the old object"), kind_word(l->now.kind));
      break;
   case SOURCE_LOOK_REMOVED:
      snprintf(buf, size, "%s", _("the object was removed: the screen shows its last "
                                  "bytes; R opens one made again"));
      break;
   case SOURCE_LOOK_AWAY:
      snprintf(buf, size, "%s", _("the name leads nowhere now, but the object still exists "
                                  "(it or its directory was renamed): the screen shows it"));
      break;
   case SOURCE_LOOK_MARKED:
      snprintf(buf, size, "%s", _("the segment is marked for removal (IPC_RMID): it goes "
                                  "when the last process detaches; the screen shows it"));
      break;
   case SOURCE_LOOK_UNKNOWN:
      snprintf(buf, size, _("the name cannot be looked at now (%s): whether it still leads "
                            "to the object shown is unknown"), strerror(l->err));
      break;
   }
}

static bool same_look(const SourceLook *a, const SourceLook *b) {
   if (a->state != b->state)
      return false;
   if (a->state == SOURCE_LOOK_REPLACED)
      return platform_same_object(&a->now, &b->now) && a->read_err == b->read_err;
   return a->state != SOURCE_LOOK_UNKNOWN || a->err == b->err;
}

bool session_check_identity(Session *s) {
   SourceLook now;
   source_look_name(s->src, &now);
   if (same_look(&now, &s->name_now))
      return false;
   s->name_now = now;
   char claim[320];
   name_claim(&now, claim, sizeof claim);
   session_message(s, now.state != SOURCE_LOOK_SAME, "%s", claim);
   return true;
}

static void not_reopened_text(Session *s, const char *why) {
   char *name = escape_dup(s->src->spec);
   session_message(s, true, "%s: %s", name ? name : "?", why);
   free(name);
}

/* Why R did not reopen, after the name it tried (escaped: it is the user's
 * or another's text): "NAME: not reopened: WHAT (WHY)", never without WHY
 * when the system said one. */
static void not_reopened(Session *s, const Error *err) {
   Error shown = *err;            /* the screen's words: no command-line flags */
   error_for_screen(&shown);
   const Error *e = &shown;
   char *what = NULL;             /* whole, however long the reason */
   const char *reason = e->detail[0] ? e->detail : e->sys_errno ? strerror(e->sys_errno) : NULL;
   int len;
   if (e->code == ERR_OPEN && e->sys_errno == ENOENT)
      len = asprintf(&what, _("not reopened: it no longer exists (%s)"), strerror(ENOENT));
   else if (e->code == ERR_IS_DIRECTORY)
      len = asprintf(&what, _("not reopened: the name now leads to a directory (%s)"),
                     strerror(EISDIR));
   else if (reason)
      len = asprintf(&what, _("not reopened: %s (%s)"), _(error_message(e->code)), reason);
   else
      len = asprintf(&what, _("not reopened: %s"), _(error_message(e->code)));
   if (len < 0)
      what = NULL;
   not_reopened_text(s, what ? what : _(error_message(e->code)));
   free(what);
}


/* What a reopen says: the new object's size, and the edited bytes DROPPED
 * with the old one (0: none). */
static void reopened_message(Session *s, bool same, uint64_t size, uint64_t dropped) {
   const char *fmt = same ? ngettext("reopened the same object: %llu byte",
                                     "reopened the same object: %llu bytes", size)
                          : ngettext("reopened: a new object of %llu byte",
                                     "reopened: a new object of %llu bytes", size);
   if (!dropped) {
      session_message(s, false, fmt, (ull)size);
      return;
   }
   char *what = NULL;
   if (asprintf(&what, fmt, (ull)size) < 0)
      what = NULL;
   session_message(s, false, ngettext("dropped %llu edited byte; %s", "dropped %llu edited bytes; %s",
                                      dropped),
                   (ull)dropped, what ? what : "?");
   free(what);
}

static bool reopen(Session *s, bool drop) {
   uint64_t dropped = 0;
   if (session_edit_pending(s)) {
      if (!drop) {
         not_reopened_text(s, _("not reopened: edits are pending (:w flushes, :discard drops them)"));
         return false;
      }
      dropped = edits_modified_bytes(s->edits);
   }
   Source *fresh;
   Error e;
   if (!source_open(s->src->spec, false, &fresh, &e) || (!source_require_mappable(fresh, &e)
                                                          && (source_close(fresh), true))) {
      not_reopened(s, &e);
      return false;
   }
   bool same = fresh->st.dev == s->src->st.dev && fresh->st.ino == s->src->st.ino;
   session_magic_collect(s, 0);
   window_unmap(&s->win, s->src);
   if (dropped)
      edits_discard(s->edits);
   session_edit_stop(s);
   source_close(s->src);
   s->src = fresh;
   s->rewritten++;
   s->known_size = fresh->size;
   memset(&s->name_now, 0, sizeof s->name_now);   /* SOURCE_LOOK_SAME */
   s->type[0] = '\0';
   s->magic_wanted = s->kept.magic;
   follow(s);
   if (!session_edit_start(s, s->kept.write, &e))
      session_error(s, &e);
   else
      reopened_message(s, same, fresh->size, dropped);
   return true;
}

bool session_reopen(Session *s) {
   return reopen(s, false);
}

bool session_reopen_dropping(Session *s) {
   return reopen(s, true);
}

/* ---- marks ---------------------------------------------------------------- */

/* The index of mark LETTER, -1 (with a message) when it is no letter. */
static int mark_index(Session *s, int letter) {
   if (letter >= 'a' && letter <= 'z')
      return letter - 'a';
   if (letter >= 'A' && letter <= 'Z')
      return 26 + letter - 'A';
   session_message(s, true, "%s", _("a mark is a letter a-z or A-Z"));
   return -1;
}

bool session_mark_set(Session *s, int letter) {
   int i = mark_index(s, letter);
   if (i < 0)
      return false;
   s->marks[i] = s->cursor;
   s->marks_set |= (uint64_t)1 << i;
   session_message(s, false, _("mark %c: 0x%llx"), letter, (ull)s->cursor);
   return true;
}

bool session_mark_go(Session *s, int letter) {
   int i = mark_index(s, letter);
   if (i < 0)
      return false;
   if (!(s->marks_set & ((uint64_t)1 << i))) {
      session_message(s, true, _("mark %c is not set (m%c sets it)"), letter, letter);
      return false;
   }
   uint64_t from = s->cursor;
   session_set_cursor(s, s->marks[i]);
   session_jumped(s, from);
   return true;
}

void session_jumped(Session *s, uint64_t from) {
   if (from == s->cursor)
      return;
   s->jumped_from = from;
   s->has_jump = true;
}

bool session_jump_back(Session *s) {
   if (!s->has_jump) {
      session_message(s, true, "%s", _("no jump to go back from yet"));
      return false;
   }
   uint64_t from = s->cursor;
   session_set_cursor(s, s->jumped_from);
   session_jumped(s, from);
   return true;
}
