/* keymap.h — the reader's actions and their keys: ONE table (KEYMAP_ACTIONS)
 * drives the action enum, the binding of config.ini [keys] by action name,
 * and the help screen (h, F1).
 *
 * A key is an int: a character is its code point; a curses function key
 * (KEY_DOWN, KEY_F(1)...) is KEYMAP_FN(code). Key strings, as written in the
 * config file and shown in help: a single character ("]", "é"), a name
 * (Down Up Left Right PgDn PgUp Home End Tab BackTab Enter Esc Space
 * Backspace Delete Insert F1..F12), or a control key ("C-l" or "^L").
 * Several keys are separated by spaces: "j Down".
 * Binding an action replaces that action's keys; a key bound to a new action
 * leaves its old one. "none" unbinds an action.
 * To add an action (the notes helper: add_note "a", ...): add a row to the
 * table and a case in the screen's *_key function; help follows by itself. */
#ifndef QUOTH_KEYMAP_H
#define QUOTH_KEYMAP_H
#include "engine/vec.h"
#include <stdbool.h>
#include <stddef.h>

/* X(action, "default keys", "help text") in help order. */
#define KEYMAP_ACTIONS(X) \
    X(scroll_down,   "j Down",      "scroll down one line") \
    X(scroll_up,     "k Up",        "scroll up one line") \
    X(page_down,     "Space PgDn",  "scroll down one page") \
    X(page_up,       "b PgUp",      "scroll up one page") \
    X(half_down,     "d",           "scroll down half a page") \
    X(half_up,       "u",           "scroll up half a page") \
    X(top,           "g Home",      "go to the start of the article") \
    X(bottom,        "G End",       "go to the end of the article") \
    X(next_quote,    "]",           "next quote (of the filtered speaker, when a filter is set)") \
    X(prev_quote,    "[",           "previous quote (of the filtered speaker, when a filter is set)") \
    X(next_speaker_quote, "}",      "next quote by the speaker of the current quote") \
    X(prev_speaker_quote, "{",      "previous quote by the speaker of the current quote") \
    X(focus,         "Tab",         "move the focus between article and sidebar") \
    X(select,        "Enter",       "sidebar: jump to the entry; on a speaker, filter by them") \
    X(clear_filter,  "Esc",         "clear the speaker filter and the search highlight") \
    X(search,        "/",           "search forward (smart case: a capital makes it exact)") \
    X(search_back,   "?",           "search backward") \
    X(search_next,   "n",           "next match, in the direction of the search") \
    X(search_prev,   "N",           "previous match") \
    X(add_note,      "a",           "add a note to the current quote, or to the selection") \
    X(select_passage, "v",          "select a passage (arrows/j k extend it, a annotates, Esc cancels)") \
    X(edit_note,     "e",           "edit the note under the cursor (or the sidebar's note)") \
    X(delete_note,   "x",           "delete the note under the cursor, after a confirmation") \
    X(export_notes,  "E",           "export the notes as Markdown to a file") \
    X(toggle_sidebar, "s",          "show or hide the sidebar") \
    X(help,          "h F1",        "show this help") \
    X(redraw,        "C-l",         "redraw the screen") \
    X(quit,          "q",           "quit")

typedef enum {
    ACTION_NONE = -1,
#define KEYMAP_ENUM_(name, keys, help) ACTION_##name,
    KEYMAP_ACTIONS(KEYMAP_ENUM_)
#undef KEYMAP_ENUM_
    ACTION_COUNT
} action_t;

#define KEYMAP_FN_FLAG 0x1000000
#define KEYMAP_FN(code) ((code) | KEYMAP_FN_FLAG)

typedef struct { int key; action_t action; } keymap_binding_t;
typedef struct keymap { VEC(keymap_binding_t) bindings; } keymap_t;

/* The default bindings of the table. */
void keymap_init(keymap_t *km);
void keymap_free(keymap_t *km);

/* Binds action (by name) to the keys of keys; 0, or -1 with the reason in
 * why. Has the settings_bind_fn shape (ctx is the keymap_t). */
int keymap_bind(void *km, const char *action, const char *keys, char *why, size_t whylen);

/* The action of a key (Enter as CR, LF or KEY_ENTER; Backspace as BS, DEL
 * or KEY_BACKSPACE are each one key), or ACTION_NONE. */
action_t keymap_lookup(const keymap_t *km, int key);

/* One key string ("C-l", "PgDn", "]") to a key; false when unknown. */
bool keymap_parse_key(const char *s, int *key);
/* A key's name, as keymap_parse_key reads it. */
void keymap_key_name(int key, char *buf, size_t len);
/* The keys bound to action, "j, Down" ("" when none). */
void keymap_keys_of(const keymap_t *km, action_t a, char *buf, size_t len);

const char *action_name(action_t a);
const char *action_help(action_t a);
int action_by_name(const char *name);      /* ACTION_NONE when unknown */

/* Normalises a key as read from curses (CR, KEY_ENTER -> LF; ...). */
int keymap_normalize(int key);

#endif
