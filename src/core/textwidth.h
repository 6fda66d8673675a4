/* textwidth.h - text measured in terminal columns, and cut to fit.
 *
 * Names, paths and messages are UTF-8; a terminal shows a CJK letter in two
 * columns, a combining accent in none and most letters in one, so lengths
 * in bytes are wrong for layout.  These functions measure and cut by
 * columns as wcwidth(3) says for the current LC_CTYPE (the caller has set
 * the locale).  Bytes that are not valid UTF-8 and characters wcwidth does
 * not know count one column each (untrusted text is escaped before it gets
 * here: core/escape.h).  Pure: no allocation, no output. */
#ifndef MAPSCOPE_TEXTWIDTH_H
#define MAPSCOPE_TEXTWIDTH_H

#include <stddef.h>

/* The columns TEXT takes. */
size_t textwidth_cols(const char *text);

/* The bytes of the longest prefix of TEXT (whole characters) that takes at
 * most COLS columns; *USED (may be NULL) gets its columns. */
size_t textwidth_fit(const char *text, size_t cols, size_t *used);

/* TEXT in at most COLS columns into OUT (OUTSZ bytes, always terminated):
 * whole when it fits, otherwise its longest prefix followed by ELLIPSIS
 * ("…", or "..." where the terminal cannot show it).  With WORDS
 * (TEXTWIDTH_WORDS) the cut falls after the last whole word that fits
 * (before a space), unless that would leave less than half of COLS; with
 * TEXTWIDTH_WHOLE_WORDS always after the last whole word that fits (only a
 * first word longer than the room is cut inside).  Returns the columns OUT
 * takes. */
#define TEXTWIDTH_WORDS 1
#define TEXTWIDTH_WHOLE_WORDS 2
size_t textwidth_cut(char *out, size_t outsz, const char *text, size_t cols,
                     const char *ellipsis, int words);

/* The same, keeping the END of TEXT (a path's file name): ELLIPSIS followed
 * by the longest suffix of whole characters that fits. */
size_t textwidth_cut_head(char *out, size_t outsz, const char *text, size_t cols,
                          const char *ellipsis);

/* TEXT padded with spaces to COLS columns into OUT (OUTSZ bytes, always
 * terminated, whole characters only): spaces after it, or before it with
 * RIGHT.  This is printf's "%-*s" / "%*s" counted in columns, not bytes, for
 * labels and headings that are translated (a CJK label is fewer columns
 * than bytes).  TEXT wider than COLS is kept whole, as printf keeps it.
 * Returns OUT. */
char *textwidth_pad(char *out, size_t outsz, const char *text, size_t cols, int right);

/* Where the first line of TEXT ends when it is wrapped at COLS columns:
 * after the last space that fits (or the last whole character when no
 * space does).  Returns that many bytes, at least one character's worth
 * unless TEXT is empty; *NEXT gets where the next line starts (spaces
 * skipped). */
size_t textwidth_wrap(const char *text, size_t cols, size_t *next);

/* The start of the last character in the LEN bytes of TEXT (for deleting
 * one character at a prompt); 0 when LEN is 0. */
size_t textwidth_last_char(const char *text, size_t len);

#endif
