/* search.h - search patterns and the scanner that finds them in a source.
 *
 * Patterns:
 *    text   bytes as typed, with escapes: \\ \n \t \r \0 \a \b \e \f \v \xHH
 *    hex    byte pairs, blanks optional between them, ?? a wildcard byte:
 *           "de ad ?? ef", "deadbeef"
 * Case-insensitive patterns fold ASCII letters (in either syntax).
 *
 * The scanner reads the source with source_read() (pread) into one reused
 * buffer: the screen maps, the scanner reads.  It carries pattern length - 1
 * bytes from chunk to chunk, so matches across chunk boundaries are found,
 * and overlapping matches are all reported.  Holes of sparse objects read as
 * zeros and are never read: found with SEEK_DATA/SEEK_HOLE
 * (source_next_data()), they are skipped when the pattern cannot match
 * zeros, and their matches counted by arithmetic when it can.
 *
 * What the scanner sees can be changed by an overlay hook (pending edits:
 * the view's bytes rather than the object's), and a long scan can be
 * cancelled and followed through hooks polled between chunks.
 *
 * For the screen's / ? n N: parse the prompt once; make one scanner for the
 * pattern over [0, UINT64_MAX) with the edits as overlay (edits_overlay(),
 * and edits_next_modified() behind overlay_next) and the cancel and
 * progress hooks; then search_forward(cursor + 1) for n and
 * search_backward(cursor) for N, and on SEARCH_NONE wrap around with
 * search_forward(0) or search_backward(UINT64_MAX).  Highlight the matches
 * on screen with search_find_in() over the bytes shown (plus length - 1
 * bytes on either side, for matches cut by the screen's edges). */
#ifndef MAPSCOPE_SEARCH_H
#define MAPSCOPE_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/source.h"

typedef enum {
   SEARCH_TEXT,      /* text with escapes */
   SEARCH_HEX        /* hex byte pairs with ?? wildcards */
} SearchSyntax;

typedef struct SearchPattern SearchPattern;

/* Parse TEXT.  On failure returns false, sets *why to an untranslated,
 * gettext-marked reason and *where (if not NULL) to the index in TEXT of
 * the character at fault. */
bool search_parse(const char *text, SearchSyntax syntax, bool ignore_case,
                  SearchPattern **out, const char **why, size_t *where);
void search_pattern_free(SearchPattern *p);

/* Length of a match in bytes (at least 1). */
size_t search_pattern_length(const SearchPattern *p);

/* True when a run of zero bytes (a hole) matches. */
bool search_pattern_matches_zeros(const SearchPattern *p);

/* True when the pattern matches at BUF (which holds at least its length). */
bool search_pattern_matches(const SearchPattern *p, const unsigned char *buf);

/* Index of the first match that starts at or after FROM and lies wholly in
 * BUF[0..LEN), or SIZE_MAX.  For the screen: highlight matches in a window. */
size_t search_find_in(const SearchPattern *p, const unsigned char *buf, size_t len, size_t from);

/* ---- the scanner ---------------------------------------------------------- */

#define SEARCH_CHUNK_DEFAULT (256u * 1024)

typedef struct {
   /* Bytes read per pread; 0 means SEARCH_CHUNK_DEFAULT.  Tests make it tiny
    * to put matches across chunk boundaries. */
   size_t chunk_size;
   /* Pending edits.  OVERLAY rewrites BUF, the LEN bytes at offset OFF just
    * read (holes included, as zeros), with what the view shows.
    * OVERLAY_NEXT reports the first edited run [*start, *end) that ends after
    * OFF (false when none): holes are skipped only around edits it reports;
    * without it, holes are read as zeros but not skipped while OVERLAY is
    * set. */
   void (*overlay)(void *ctx, uint64_t off, unsigned char *buf, size_t len);
   bool (*overlay_next)(void *ctx, uint64_t off, uint64_t *start, uint64_t *end);
   void *overlay_ctx;
   /* Polled between chunks (every chunk_size bytes): CANCEL returning true
    * ends the scan with SEARCH_CANCELLED; PROGRESS hears how many of the
    * TOTAL bytes of the range have been covered (holes count as covered). */
   bool (*cancel)(void *ctx);
   void (*progress)(void *ctx, uint64_t done, uint64_t total);
   void *ctx;
} SearchHooks;

typedef enum {
   SEARCH_FOUND,
   SEARCH_NONE,          /* no (further) match in the range */
   SEARCH_CANCELLED,     /* the cancel hook said so */
   SEARCH_FAILED         /* a read failed: the Error says why */
} SearchStatus;

typedef struct SearchScanner SearchScanner;

/* A scanner for P in SRC over the range [LO, HI) (clipped to the size):
 * every match reported lies wholly inside it.  HOOKS may be NULL; P, SRC and
 * the hooks must outlive the scanner.  Fails only for lack of memory. */
bool search_scanner_new(Source *src, const SearchPattern *p, uint64_t lo, uint64_t hi,
                        const SearchHooks *hooks, SearchScanner **out, Error *e);
void search_scanner_free(SearchScanner *sc);

/* The first match that starts at or after FROM (the screen's "n" passes the
 * cursor + 1). */
SearchStatus search_forward(SearchScanner *sc, uint64_t from, uint64_t *match, Error *e);

/* The last match that starts before FROM (the screen's "N" passes the cursor). */
SearchStatus search_backward(SearchScanner *sc, uint64_t from, uint64_t *match, Error *e);

/* Every match from FROM on, in order, to FN; FN returns false to stop.
 * SEARCH_FOUND when FN was called at least once, SEARCH_NONE when never. */
SearchStatus search_each(SearchScanner *sc, uint64_t from,
                         bool (*fn)(void *ctx, uint64_t match), void *ctx, Error *e);

/* The same, with the matches in runs: RUN hears COUNT consecutive starts
 * from FIRST (a pattern that matches zeros matches at every start inside a
 * hole: a 16 GiB hole is one call, counted without reading it). */
SearchStatus search_each_run(SearchScanner *sc, uint64_t from,
                             bool (*run)(void *ctx, uint64_t first, uint64_t count), void *ctx,
                             Error *e);

#endif
