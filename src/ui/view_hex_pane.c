/* view_hex_pane.c - the mapping pane's page map and its sections besides
 * the calls: the same request at other granularities ("what if") and the
 * window's memory figures beside what is known of each page.  The facts
 * come from app/mapfacts.h; this file only lays them out, wrapped at any
 * width, never cut. */
#include "config.h"

#include "ui/crt.h"
#include "ui/view_hex.h"
#include "app/mapfacts.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "core/hexrow.h"
#include "core/mapinfo.h"
#include "core/textwidth.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#define PAGEMAP_LINES_MAX 3
#define PAGEMAP_X 9
#define STATE_MAX 4096

typedef unsigned long long ull;

static const char *const section_names[HEX_PANE_SECTIONS] = {
   [HEX_PANE_CALLS] = "calls", [HEX_PANE_WHATIF] = "whatif", [HEX_PANE_FIGURES] = "figures",
};

/* ---- the page map --------------------------------------------------------- */

static const char *const *glyphs(void) {
   static const char *const utf8[MAPINFO_CELLS] = {
      [MAPINFO_CELL_UNKNOWN] = "?", [MAPINFO_CELL_OUT] = "\xc2\xb7",
      [MAPINFO_CELL_RESIDENT] = "\xe2\x96\x88", [MAPINFO_CELL_DIRTY] = "d",
      [MAPINFO_CELL_WRITEBACK] = "w", [MAPINFO_CELL_EVICTED] = "e", [MAPINFO_CELL_RECENT] = "r",
   };
   static const char *const ascii[MAPINFO_CELLS] = {
      [MAPINFO_CELL_UNKNOWN] = "?", [MAPINFO_CELL_OUT] = ".", [MAPINFO_CELL_RESIDENT] = "#",
      [MAPINFO_CELL_DIRTY] = "d", [MAPINFO_CELL_WRITEBACK] = "w", [MAPINFO_CELL_EVICTED] = "e",
      [MAPINFO_CELL_RECENT] = "r",
   };
   return crt_utf8() ? utf8 : ascii;
}

/* What the system says of the window is asked once a draw: the pane's
 * height, its heading and its page map all need it, and for a window of
 * thousands of pages cachestat() is thousands of calls. */
static struct {
   bool valid;
   const View *view;
   const void *addr;
   uint64_t start, length;
   bool mapped;
   MapResidency r;
   unsigned char state[STATE_MAX];
   bool figures_asked, has_figures;
   MapFigures win, copy;
} facts;

void view_hex_pane_begin(View *v) {
   (void)v;
   facts.valid = false;
}

static bool residency(View *v, const unsigned char **state, MapResidency *r) {
   Session *s = view_hex_session(v);
   if (!facts.valid || facts.view != v || facts.addr != s->win.addr
       || facts.start != s->win.span.start || facts.length != s->win.span.length) {
      facts.valid = true;
      facts.view = v;
      facts.addr = s->win.addr;
      facts.start = s->win.span.start;
      facts.length = s->win.span.length;
      facts.mapped = mapfacts_residency(s, facts.state, sizeof facts.state, &facts.r);
      facts.figures_asked = false;
   }
   *state = facts.state;
   *r = facts.r;
   return facts.mapped;
}

static bool figures(View *v, MapFigures *win, MapFigures *copy) {
   const unsigned char *state;
   MapResidency r;
   residency(v, &state, &r);        /* the same window, the same draw */
   if (!facts.figures_asked) {
      facts.figures_asked = true;
      facts.has_figures = mapfacts_figures(view_hex_session(v), &facts.win, &facts.copy);
   }
   *win = facts.win;
   *copy = facts.copy;
   return facts.has_figures;
}

static size_t cells_per_line(int cols) {
   return cols > PAGEMAP_X + 1 ? (size_t)(cols - PAGEMAP_X - 1) : 1;
}

/* Where the residency came from, when it was not cachestat(): a line the
 * user must read (mincore, or why nothing is known). */
static bool reason(View *v, char *out, size_t outsz) {
   const unsigned char *state;
   MapResidency r;
   if (!residency(v, &state, &r) || r.how == PLATFORM_RESIDENCY_CACHESTAT)
      return false;
   mapfacts_residency_source(&r, out, outsz);
   return true;
}

/* ---- a process's page map (pid:PID:ADDR: read, not mapped) ------------- */

static const ProcView *proc_of(View *v) {
   HexState *h = view_hex_state(v);
   return h->proc_pid ? &h->proc : NULL;
}

static const char *proc_glyph(ProcViewPage st) {
   static const char *const utf8[PROCVIEW_PAGE_STATES] = {
      [PROCVIEW_PAGE_UNKNOWN] = "?", [PROCVIEW_PAGE_UNMAPPED] = "-",
      [PROCVIEW_PAGE_ABSENT] = "\xc2\xb7", [PROCVIEW_PAGE_RESIDENT] = "\xe2\x96\x88",
      [PROCVIEW_PAGE_SWAPPED] = "s", [PROCVIEW_PAGE_COPIED] = "C",
   };
   static const char *const ascii[PROCVIEW_PAGE_STATES] = {
      [PROCVIEW_PAGE_UNKNOWN] = "?", [PROCVIEW_PAGE_UNMAPPED] = "-",
      [PROCVIEW_PAGE_ABSENT] = ".", [PROCVIEW_PAGE_RESIDENT] = "#",
      [PROCVIEW_PAGE_SWAPPED] = "s", [PROCVIEW_PAGE_COPIED] = "C",
   };
   return (crt_utf8() ? utf8 : ascii)[st];
}

/* Where the page map came from, or why it is unknown. */
static void proc_source(const ProcView *p, const ProcViewCounts *c, char *out, size_t outsz) {
   if (p->pages_err)
      procview_pages_why(p, out, outsz);
   else if (c->pfn_hidden)
      snprintf(out, outsz, "%s",
               _("page map from the process's page table (pagemap), read at each draw; "
                 "reading a page (the screen, libmagic) brings it into memory; the kernel "
                 "withholds the frame numbers from a reader without CAP_SYS_ADMIN, and the "
                 "flags shown do not need them"));
   else
      snprintf(out, outsz, "%s",
               _("page map from the process's page table (pagemap), read at each draw; "
                 "reading a page (the screen, libmagic) brings it into memory"));
}

static void proc_counts(const ProcViewCounts *c, char *out, size_t outsz) {
   snprintf(out, outsz,
            ngettext("%zu page: %zu in memory (%zu mapped by this process alone), %zu swapped, "
                     "%zu not present, %zu not mapped; copied by the process (C): %zu",
                     "%zu pages: %zu in memory (%zu mapped by this process alone), %zu swapped, "
                     "%zu not present, %zu not mapped; copied by the process (C): %zu",
                     c->pages),
            c->pages, c->resident, c->exclusive, c->swapped, c->absent, c->unmapped, c->copied);
}

static void proc_legend(char *out, size_t outsz) {
   snprintf(out, outsz,
            _("%s in memory  %s not present  %s swapped  %s the process's own copy of a page "
              "it maps private (its writes do not reach the object)  %s not mapped  %s unknown"),
            proc_glyph(PROCVIEW_PAGE_RESIDENT), proc_glyph(PROCVIEW_PAGE_ABSENT),
            proc_glyph(PROCVIEW_PAGE_SWAPPED), proc_glyph(PROCVIEW_PAGE_COPIED),
            proc_glyph(PROCVIEW_PAGE_UNMAPPED), proc_glyph(PROCVIEW_PAGE_UNKNOWN));
}

/* The cells (at most PAGEMAP_LINES_MAX lines), where they came from, the
 * counts when known, the legend; drawn from row Y when DRAW. */
static int proc_pagemap(const ProcView *p, int y, int cols, bool draw) {
   size_t per = cells_per_line(cols);
   ProcViewCounts c;
   char line[640];
   procview_count(p, &c);
   int l = 0;
   for (; l < PAGEMAP_LINES_MAX && (size_t)l * per < p->npages; l++) {
      if (!draw)
         continue;
      attrset(crt_attr(CRT_HEADING));
      crt_put(y + l, 0, l == 0 ? _("pages") : "", PAGEMAP_X);
      attrset(crt_attr(CRT_PANE));
      for (size_t i = (size_t)l * per; i < p->npages && i < (size_t)(l + 1) * per; i++)
         crt_put(y + l, PAGEMAP_X + (int)(i - (size_t)l * per), proc_glyph(procview_page(p, i)), 1);
      attrset(A_NORMAL);
   }
   proc_source(p, &c, line, sizeof line);
   l += view_hex_put_wrapped(y + l, line, cols, draw);
   if (!p->pages_err) {
      proc_counts(&c, line, sizeof line);
      l += view_hex_put_wrapped(y + l, line, cols, draw);
   }
   proc_legend(line, sizeof line);
   l += view_hex_put_wrapped(y + l, line, cols, draw);
   return l;
}

int view_hex_pagemap_rows(View *v, int cols) {
   Session *s = view_hex_session(v);
   if (proc_of(v))
      return proc_pagemap(proc_of(v), 0, cols, false);
   size_t page = platform_page_size();
   size_t pages = s->win.addr ? (size_t)((s->win.span.length + page - 1) / page) : 1;
   size_t per = cells_per_line(cols), lines = (pages + per - 1) / per;
   int n = lines > PAGEMAP_LINES_MAX ? PAGEMAP_LINES_MAX : (int)lines;
   char why[320];
   if (reason(v, why, sizeof why))
      n += view_hex_put_wrapped(0, why, cols, false);
   return n;
}

void view_hex_pagemap_draw(View *v, int y, int cols) {
   const unsigned char *state;
   MapResidency r;
   if (proc_of(v)) {
      proc_pagemap(proc_of(v), y, cols, true);
      return;
   }
   if (!residency(v, &state, &r))
      return;
   size_t per = cells_per_line(cols);
   char line[STATE_MAX * 3 + 1];
   int l = 0;
   for (; l < PAGEMAP_LINES_MAX && (size_t)l * per < r.shown; l++) {
      size_t from = (size_t)l * per, n = r.shown - from < per ? r.shown - from : per;
      mapinfo_cache_cells(line, sizeof line, state + from, n, glyphs());
      attrset(crt_attr(CRT_HEADING));
      crt_put(y + l, 0, l == 0 ? _("pages") : "", PAGEMAP_X);
      attrset(crt_attr(CRT_PANE));
      crt_put(y + l, PAGEMAP_X, line, cols - PAGEMAP_X);
      view_hex_edit_pagemap(v, y + l, PAGEMAP_X, from, n);
   }
   attrset(A_NORMAL);
   char why[320];
   if (r.how != PLATFORM_RESIDENCY_CACHESTAT) {
      mapfacts_residency_source(&r, why, sizeof why);
      view_hex_put_wrapped(y + l, why, cols, true);
   }
}

/* The window's page count and its resident pages, for the pane's
 * heading; false when nothing tells the truth about them. */
bool view_hex_pagemap_count(View *v, size_t *pages, size_t *resident) {
   const unsigned char *state;
   MapResidency r;
   Session *s = view_hex_session(v);
   size_t page = platform_page_size();
   *pages = s->win.addr ? (size_t)((s->win.span.length + page - 1) / page) : 0;
   *resident = 0;
   if (proc_of(v)) {             /* its page map was not told (else view_hex_proc_pages()) */
      *pages = proc_of(v)->window_pages;
      return false;
   }
   if (!residency(v, &state, &r))
      return true;
   *resident = r.resident;
   return r.how != PLATFORM_RESIDENCY_UNKNOWN;
}

/* ---- what if ------------------------------------------------------------- */

/* The request's line and one line a granularity, as a table when WIDE. */
static int whatif_lines(View *v, char lines[WHATIF_COUNT + 2][320], bool wide) {
   Session *s = view_hex_session(v);
   WhatIf w[WHATIF_COUNT];
   bool ok[WHATIF_COUNT];
   uint64_t off, len;
   if (!mapfacts_whatif(s, w, ok, &off, &len))
      return 0;
   int n = 0;
   snprintf(lines[n++], sizeof lines[0],
            ngettext("the request: %llu byte at 0x%llx (what the screen shows)",
                     "the request: %llu bytes at 0x%llx (what the screen shows)", len),
            (ull)len, (ull)off);
   if (wide)   /* the columns of the rows below: 9, 14, 14, 9 and 12 wide */
      snprintf(lines[n++], sizeof lines[0], "%s",
               _("granule   base           delta          maps      beyond       "
                 "dwFileOffsetHigh, Low"));
   for (size_t i = 0; i < WHATIF_COUNT; i++) {
      char g[32], m[32], past[64] = "", base[24], delta[24];
      hexrow_human_size(g, sizeof g, whatif_granularities[i]);
      if (!ok[i]) {
         snprintf(lines[n++], sizeof lines[0], _("%s: cannot be worked out"), g);
         continue;
      }
      hexrow_human_size(m, sizeof m, w[i].mapped);
      if (w[i].past_end) {
         char p[32];
         hexrow_human_size(p, sizeof p, w[i].past_end);
         snprintf(past, sizeof past, _(", %s past the end"), p);
      }
      const char *now = whatif_granularities[i] == s->granularity ? _(" (the view's granularity)") : "";
      snprintf(base, sizeof base, "0x%llx", (ull)w[i].base);
      snprintf(delta, sizeof delta, "0x%llx", (ull)w[i].delta);
      if (wide)
         snprintf(lines[n++], sizeof lines[0], "%-9s %-14s %-14s %-9s %-12llu 0x%08x, 0x%08x%s",
                  g, base, delta, m, (ull)w[i].beyond, w[i].offset_high, w[i].offset_low, past);
      else
         snprintf(lines[n++], sizeof lines[0],
                  ngettext("%s%s: base %s, delta %s, maps %s, %llu byte beyond the request, "
                           "dwFileOffsetHigh 0x%08x, Low 0x%08x%s",
                           "%s%s: base %s, delta %s, maps %s, %llu bytes beyond the request, "
                           "dwFileOffsetHigh 0x%08x, Low 0x%08x%s", (unsigned long)w[i].beyond),
                  g, now, base, delta, m, (ull)w[i].beyond, w[i].offset_high, w[i].offset_low,
                  past);
      if (wide && now[0])
         snprintf(lines[n - 1] + strlen(lines[n - 1]), sizeof lines[0] - strlen(lines[n - 1]),
                  "%s", now);
   }
   return n;
}

static bool whatif_wide(View *v, int cols) {
   char lines[WHATIF_COUNT + 2][320];
   int n = whatif_lines(v, lines, true);
   for (int i = 1; i < n; i++)
      if ((int)crt_cols(lines[i]) > cols)
         return false;
   return n > 0;
}

static int whatif_draw(View *v, int y, int cols, bool draw) {
   char lines[WHATIF_COUNT + 2][320];
   bool wide = whatif_wide(v, cols);
   int n = whatif_lines(v, lines, wide), rows = 0;
   if (n == 0)
      return view_hex_put_wrapped(y, _("nothing is shown yet: no request to work out"), cols, draw);
   for (int i = 0; i < n; i++) {
      if (draw && wide && i == 1)
         attrset(crt_attr(CRT_HEADING));
      rows += view_hex_put_wrapped(y + rows, lines[i], cols, draw);
      if (draw)
         attrset(A_NORMAL);
   }
   return rows;
}

/* ---- figures ---------------------------------------------------------------- */

static int legend(int y, int cols, bool draw) {
   const char *const *g = glyphs();
   char line[400];
   snprintf(line, sizeof line,
            _("%s in memory  %s not  %s evicted  %s evicted recently  %s dirty  %s writeback  "
              "%s unknown  C copied  M modified"),
            g[MAPINFO_CELL_RESIDENT], g[MAPINFO_CELL_OUT], g[MAPINFO_CELL_EVICTED],
            g[MAPINFO_CELL_RECENT], g[MAPINFO_CELL_DIRTY], g[MAPINFO_CELL_WRITEBACK],
            g[MAPINFO_CELL_UNKNOWN]);
   return view_hex_put_wrapped(y, line, cols, draw);
}

/* The window's pages counted by what the system said of them. */
static int counts(View *v, int y, int cols, bool draw) {
   const unsigned char *state;
   MapResidency r;
   char line[400];
   if (!residency(v, &state, &r) || r.how == PLATFORM_RESIDENCY_UNKNOWN)
      return 0;
   if (r.how == PLATFORM_RESIDENCY_CACHESTAT)
      snprintf(line, sizeof line,
               ngettext("cachestat() of %zu page: %zu in memory, %zu dirty, %zu under writeback, "
                        "%zu evicted, %zu of them recently",
                        "cachestat() of %zu pages: %zu in memory, %zu dirty, %zu under writeback, "
                        "%zu evicted, %zu of them recently", r.shown),
               r.shown, r.resident, r.dirty, r.writeback, r.evicted, r.recent);
   else
      snprintf(line, sizeof line,
               ngettext("mincore() of %zu page: %zu in memory", "mincore() of %zu pages: %zu in memory",
                        r.shown),
               r.shown, r.resident);
   return view_hex_put_wrapped(y, line, cols, draw);
}

static int figures_draw(View *v, int y, int cols, bool draw) {
   Session *s = view_hex_session(v);
   if (proc_of(v)) {              /* its page map says it all, with its legend */
      int rows = proc_pagemap(proc_of(v), y, cols, draw);
      return rows + view_hex_figures(v, y + rows, cols, draw);
   }
   if (!s->win.addr)
      return view_hex_put_wrapped(y, _("nothing is mapped"), cols, draw);
   int rows = view_hex_pagemap_rows(v, cols);
   if (draw)
      view_hex_pagemap_draw(v, y, cols);
   rows += counts(v, y + rows, cols, draw);
   rows += legend(y + rows, cols, draw);
   rows += view_hex_figures(v, y + rows, cols, draw);
   return rows;
}

/* One mapping's figures as one line: what smaps says, in KiB. */
static void figures_line(char *out, size_t outsz, const char *what, const MapFigures *f) {
   const PlatformMemFigures *g = &f->f;
   if (!f->known) {
      snprintf(out, outsz, _("%s: no figures (%s)"), what, strerror(f->err ? f->err : ENOENT));
      return;
   }
   snprintf(out, outsz,
            _("%s (a mapping of %llu KiB), in KiB: Rss %llu, Pss %llu, Shared_Clean %llu, "
              "Shared_Dirty %llu, Private_Clean %llu, Private_Dirty %llu, Anonymous %llu"),
            what, (ull)(f->region >> 10), (ull)(g->rss >> 10), (ull)(g->pss >> 10),
            (ull)(g->shared_clean >> 10), (ull)(g->shared_dirty >> 10),
            (ull)(g->private_clean >> 10), (ull)(g->private_dirty >> 10),
            (ull)(g->anonymous >> 10));
}

int view_hex_figures(View *v, int y, int cols, bool draw) {
   Session *s = view_hex_session(v);
   MapFigures win, copy;
   char line[480];
   if (!source_can(s->src, SOURCE_CAN_MAP))
      return view_hex_put_wrapped(y, _("read into memory, not mapped: no figures of its own"),
                                  cols, draw);
   if (!figures(v, &win, &copy))
      return 0;
   int rows = 0;
   figures_line(line, sizeof line, _("this window's mapping"), &win);
   rows += view_hex_put_wrapped(y + rows, line, cols, draw);
   if (copy.mapped) {
      figures_line(line, sizeof line, _("the edits' private copy"), &copy);
      if (draw)
         attrset(crt_attr(CRT_EDITED));
   } else {
      snprintf(line, sizeof line, "%s",
               _("the edits' copy: none here yet (the first edit maps it MAP_PRIVATE)"));
   }
   rows += view_hex_put_wrapped(y + rows, line, cols, draw);
   if (draw)
      attrset(A_NORMAL);
   return rows;
}

/* ---- the sections --------------------------------------------------------- */

static int section_body(View *v, int y, int cols, bool draw) {
   switch (view_hex_state(v)->section) {
   case HEX_PANE_WHATIF:  return whatif_draw(v, y, cols, draw);
   case HEX_PANE_FIGURES: return figures_draw(v, y, cols, draw);
   case HEX_PANE_CALLS:
   case HEX_PANE_SECTIONS:
   default:               return 0;
   }
}

int view_hex_section_rows(View *v, int cols) {
   return section_body(v, 0, cols, false);
}

void view_hex_section_draw(View *v, int y, int cols) {
   section_body(v, y, cols, true);
}

/* The section's heading, with the keys when they fit in COLS, its name
 * alone when they do not. */
void view_hex_section_heading(View *v, int cols, char *out, size_t outsz) {
   static const char *const long_names[HEX_PANE_SECTIONS] = {
      [HEX_PANE_WHATIF] = N_(" what if (S: figures, M hides) "),
      [HEX_PANE_FIGURES] = N_(" figures (S: calls, M hides) "),
   };
   static const char *const short_names[HEX_PANE_SECTIONS] = {
      [HEX_PANE_WHATIF] = N_(" what if "), [HEX_PANE_FIGURES] = N_(" figures "),
   };
   HexPaneSection i = view_hex_state(v)->section;
   out[0] = '\0';
   if (i == HEX_PANE_CALLS || i >= HEX_PANE_SECTIONS)
      return;
   const char *name = _(long_names[i]);
   if ((int)crt_cols(name) > cols - 2)
      name = _(short_names[i]);
   snprintf(out, outsz, "%s", name);
}

void view_hex_section_next(View *v) {
   HexState *h = view_hex_state(v);
   if (h->mapping)
      h->section = (HexPaneSection)((h->section + 1) % HEX_PANE_SECTIONS);
   h->mapping = true;
   sizenote_again(&h->pane_note);
}

/* :mapping (show or hide), :mapping calls|whatif|figures (show that). */
CommandStatus view_hex_cmd_mapping(void *ctx, const char *args) {
   View *v = ctx;
   HexState *h = view_hex_state(v);
   while (args && *args == ' ')
      args++;
   if (!args || !*args) {
      h->mapping = !h->mapping;
      sizenote_again(&h->pane_note);
      return COMMAND_OK;
   }
   for (int i = 0; i < HEX_PANE_SECTIONS; i++)
      if (strcmp(args, section_names[i]) == 0) {
         h->section = (HexPaneSection)i;
         h->mapping = true;
         sizenote_again(&h->pane_note);
         return COMMAND_OK;
      }
   char what[64];
   escape_into(what, sizeof what, args);
   session_message(view_hex_session(v), true, _("mapping %s: give calls, whatif or figures"), what);
   return COMMAND_FAILED;
}
