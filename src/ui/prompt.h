/* prompt.h - the status line's prompt (:, / and ?, the list's filter, =
 * ...): a line editor with the keys of readline, less and vi's command
 * lines, and a history.
 *
 * The line is the bytes typed (UTF-8 arrives a byte at a time and is kept
 * as it came), grown as needed up to PROMPT_MAX bytes: a key that would
 * pass that limit is refused and prompt_edit() says so (PROMPT_FULL), so
 * nothing typed is ever dropped without a word.  The cursor is a byte
 * offset that always sits on a character boundary; Left, Right, Backspace
 * and Delete move over or remove whole UTF-8 characters.
 *
 * Keys: Left Right, Home End C-a C-e, Backspace (C-h; on an empty line it
 * closes the prompt), Delete C-d, C-w (the word before the cursor), C-u (all
 * before the cursor), C-k (all after it), Up Down (the history of this
 * prompt: lines that started as this one did, "find " for /), Enter, Esc
 * C-g (cancel).  Tab is the caller's (command names complete). */
#ifndef MAPSCOPE_PROMPT_H
#define MAPSCOPE_PROMPT_H

#include <stdbool.h>
#include <stddef.h>

#define PROMPT_MAX 65536          /* bytes; a documented limit, refused visibly */
#define PROMPT_HISTORY 64

typedef struct {
   char *text;                    /* the line, always terminated; owned */
   size_t len, cap;
   size_t cur;                    /* the cursor, a byte offset into text */
   size_t lead;                   /* bytes of the text the prompt opened with ("find ") */
   char *history[PROMPT_HISTORY]; /* the lines entered, oldest first; owned */
   unsigned history_count, history_at;
} Prompt;

typedef enum {
   PROMPT_EDITED,                 /* the line or the cursor changed (or nothing did) */
   PROMPT_ENTER,                  /* Enter: prompt_text() is the line */
   PROMPT_CANCEL,                 /* Esc, C-g, or Backspace on an empty line */
   PROMPT_FULL,                   /* the key would pass PROMPT_MAX: refused */
   PROMPT_UNUSED                  /* not a key of the line editor (Tab) */
} PromptResult;

/* Start a new line holding INITIAL, the cursor at its end.  False when
 * memory runs out. */
bool prompt_open(Prompt *p, const char *initial);
const char *prompt_text(const Prompt *p);
PromptResult prompt_edit(Prompt *p, int key);
/* Insert the LEN bytes of TEXT at the cursor; false (nothing changed) past
 * PROMPT_MAX or when memory runs out. */
bool prompt_insert(Prompt *p, const char *text, size_t len);
/* Keep the line for Up and Down (an empty one or a repeat is not kept). */
void prompt_remember(Prompt *p, const char *line);
void prompt_free(Prompt *p);

#endif
