/* finder.c - the screen's search: pattern, direction, wrap-around. */
#include "config.h"

#include "app/finder.h"
#include "core/edits.h"
#include "core/gettext.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned long long ull;

struct Finder {
   SearchPattern *pattern;
   bool backward;
   char *text;                /* as typed, for messages (whole, owned) */
   SearchHooks hooks;         /* the screen's cancel and progress */
};

Finder *finder_new(void) {
   return calloc(1, sizeof(Finder));
}

void finder_free(Finder *f) {
   if (!f)
      return;
   search_pattern_free(f->pattern);
   free(f->text);
   free(f);
}

void finder_set_hooks(Finder *f, const SearchHooks *hooks) {
   f->hooks = *hooks;
}

const SearchPattern *finder_pattern(const Finder *f) {
   return f->pattern;
}

bool finder_set_pattern(Finder *f, Session *s, const char *text, bool backward) {
   SearchSyntax syntax = SEARCH_TEXT;
   bool fold = false;
   const char *body = text;
   if (strncmp(text, "x:", 2) == 0) {
      syntax = SEARCH_HEX;
      body = text + 2;
   } else if (strncmp(text, "i:", 2) == 0) {
      fold = true;
      body = text + 2;
   }
   SearchPattern *p = NULL;
   const char *why = NULL;
   size_t where = 0;
   if (!*body || !search_parse(body, syntax, fold, &p, &why, &where)) {
      session_message(s, true, _("bad pattern %s: %s, at byte %zu"), text,
                      *body ? _(why) : _("it is empty"), (size_t)(body - text) + where + 1);
      return false;
   }
   char *copy = strdup(text);
   if (!copy) {
      search_pattern_free(p);
      session_message(s, true, "%s", _("out of memory"));
      return false;
   }
   search_pattern_free(f->pattern);
   f->pattern = p;
   f->backward = backward;
   free(f->text);
   f->text = copy;
   return true;
}

static bool overlay_next(void *ctx, uint64_t off, uint64_t *start, uint64_t *end) {
   return edits_next_modified(ctx, off, start, end);
}

static SearchStatus scan(Finder *f, Session *s, bool back, uint64_t from, uint64_t *at, Error *e) {
   SearchHooks h = f->hooks;
   if (s->edits) {
      h.overlay = edits_overlay;
      h.overlay_next = overlay_next;
      h.overlay_ctx = s->edits;
   }
   SearchScanner *sc;
   if (!search_scanner_new(s->src, f->pattern, 0, UINT64_MAX, &h, &sc, e))
      return SEARCH_FAILED;
   SearchStatus st = back ? search_backward(sc, from, at, e) : search_forward(sc, from, at, e);
   search_scanner_free(sc);
   return st;
}

static FinderResult report(Finder *f, Session *s, SearchStatus st, const Error *e, bool wrapped) {
   switch (st) {
   case SEARCH_FOUND:
      if (wrapped)
         session_message(s, false, "%s", _("search wrapped around"));
      return wrapped ? FINDER_WRAPPED : FINDER_FOUND;
   case SEARCH_NONE:
      session_message(s, true, _("not found: %s"), f->text);
      return FINDER_NONE;
   case SEARCH_CANCELLED:
      session_message(s, false, "%s", _("search cancelled"));
      return FINDER_CANCELLED;
   default:
      session_message(s, true, "%s", _(error_message(e->code)));
      return FINDER_FAILED;
   }
}

bool finder_backward(const Finder *f) {
   return f->backward;
}

void finder_set_backward(Finder *f, bool backward) {
   f->backward = backward;
}

FinderResult finder_next(Finder *f, Session *s, bool reverse) {
   if (!f->pattern) {
      session_message(s, true, "%s", _("no pattern yet: / or ? types one"));
      return FINDER_FAILED;
   }
   bool back = f->backward != reverse;
   uint64_t at = 0, from = back ? s->cursor : s->cursor + 1;
   Error e = { 0 };
   SearchStatus st = scan(f, s, back, from, &at, &e);
   bool wrapped = false;
   if (st == SEARCH_NONE) {
      wrapped = true;
      st = scan(f, s, back, back ? UINT64_MAX : 0, &at, &e);
   }
   if (st == SEARCH_FOUND) {
      session_clear_message(s);
      session_set_cursor(s, at);
      session_show_range(s, at, search_pattern_length(f->pattern));   /* not cut at the bottom */
   }
   return report(f, s, st, &e, wrapped);
}

void finder_mark(const Finder *f, Session *s, uint64_t off, const unsigned char *buf,
                 size_t len, unsigned char *mark) {
   memset(mark, 0, len);
   if (!f->pattern || len == 0)
      return;
   size_t plen = search_pattern_length(f->pattern), extra = plen - 1;
   size_t want = off < extra ? (size_t)off : extra, before = 0, after = 0;
   unsigned char *all = malloc(len + 2 * extra);
   if (!all)
      return;
   Error e;
   if (want && s->edits && (!edits_read(s->edits, off - want, all, want, &before, &e) || before != want))
      before = 0;
   memcpy(all + before, buf, len);
   if (extra && s->edits && !edits_read(s->edits, off + len, all + before + len, extra, &after, &e))
      after = 0;
   size_t total = before + len + after;
   for (size_t i = search_find_in(f->pattern, all, total, 0); i != SIZE_MAX;
        i = search_find_in(f->pattern, all, total, i + 1))
      for (size_t k = i; k < i + plen; k++)
         if (k >= before && k - before < len)
            mark[k - before] = 1;
   free(all);
}
