/* notes_ui.h — notes in the reader (issue 5): add, select, edit, delete,
 * export; markers, highlighting and the note panel.
 *
 * The store (notes/store.h) is opened once at start; any failure leaves the
 * article readable and says why on the status line (a read-only database is
 * still listed). Every change is committed by the store before the reader
 * says "saved"; a failed save keeps the typed text in the editor.
 * The "current note" (what e and x act on, shown in the panel above the
 * status line) is: the note picked in the sidebar or just written, while it
 * is on screen; else the note on the current quote; else the first note on
 * screen. With the sidebar focused on a note row, e and x act on that row.
 * Selection (v): an anchor and a head, word-aligned; j k d u Space b g G
 * move the head by rows, Left Right h l w by words, o swaps the ends, a
 * annotates, v or Esc cancels.
 * Hooks (the rest of the UI calls only these): notes_ui_open/close from
 * app_init/app_free, notes_ui_panel_rows in the geometry, notes_ui_recalc at
 * the end of app_recalc, notes_ui_key first in reader_key,
 * notes_ui_text_attr and notes_ui_margin per character / row of reader_draw,
 * notes_ui_draw after it, notes_ui_prompt_done for APP_PROMPT_NOTE,
 * notes_ui_choose for a note picked in the sidebar. The list is re-read from
 * disk whenever the database file changes (another reader's notes appear). */
#ifndef QUOTH_NOTES_UI_H
#define QUOTH_NOTES_UI_H
#include "ui/app.h"

void notes_ui_open(app_t *app);
void notes_ui_close(app_t *app);
/* Rows kept above the status line for the note panel (0 or 1). */
int notes_ui_panel_rows(const app_t *app);
void notes_ui_recalc(app_t *app);
/* True when the key was a notes key (or the selection / a confirmation took it). */
bool notes_ui_key(app_t *app, action_t a, int key);
/* The attribute of the character at byte, given the reader's attribute a. */
attr_t notes_ui_text_attr(const app_t *app, uint32_t byte, attr_t a);
/* The marker in the margin of screen row y showing line. */
void notes_ui_margin(const app_t *app, int y, const layout_line_t *line);
/* The note panel (when notes_ui_panel_rows() is 1). */
void notes_ui_draw(app_t *app);
void notes_ui_prompt_done(app_t *app, bool done, const char *text);
void notes_ui_choose(app_t *app, int64_t id);

#endif
