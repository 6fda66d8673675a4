/* textscroll.h - how the screen's text views (help, messages, the life of
 * an object, the tour) scroll: a text of LINES screen lines shown in ROWS
 * rows from line FIRST (0-based), a page a screen less one line, a count
 * typed before a key (5j, 2 PgDn) multiplying the move.  Plain ints, no
 * state of its own: each view keeps its three numbers. */
#ifndef MAPSCOPE_TEXTSCROLL_H
#define MAPSCOPE_TEXTSCROLL_H

/* FIRST kept where the text still fills the ROWS (or at 0 when it is
 * shorter than them). */
int textscroll_clamp(int first, int lines, int rows);
/* The lines a page moves: ROWS less one, at least 1. */
int textscroll_page(int rows);
/* COUNT times N, COUNT capped at 100000 (past any text's length). */
int textscroll_counted(unsigned long count, int n);

#endif
