/* test_keymap.c — the action table, key strings and config bindings. */
#include "config.h"
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include "tap.h"
#include "ui/keymap.h"
#include <locale.h>

static int key_of(const char *s)
{
    int k = -1;
    return keymap_parse_key(s, &k) ? k : -1;
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    keymap_t km = {0};
    keymap_init(&km);
    char buf[128], why[128];

    /* The defaults of DESIGN.md. */
    is_int(keymap_lookup(&km, 'j'), ACTION_scroll_down, "j scrolls down");
    is_int(keymap_lookup(&km, KEYMAP_FN(KEY_DOWN)), ACTION_scroll_down, "Down scrolls down");
    is_int(keymap_lookup(&km, ' '), ACTION_page_down, "Space pages down");
    is_int(keymap_lookup(&km, KEYMAP_FN(KEY_PPAGE)), ACTION_page_up, "PgUp pages up");
    is_int(keymap_lookup(&km, ']'), ACTION_next_quote, "] next quote");
    is_int(keymap_lookup(&km, '{'), ACTION_prev_speaker_quote, "{ previous quote by the speaker");
    is_int(keymap_lookup(&km, KEYMAP_FN(KEY_F(1))), ACTION_help, "F1 is help");
    is_int(keymap_lookup(&km, '\r'), ACTION_select, "Enter as CR selects");
    is_int(keymap_lookup(&km, KEYMAP_FN(KEY_ENTER)), ACTION_select, "Enter as KEY_ENTER selects");
    is_int(keymap_lookup(&km, 12), ACTION_redraw, "C-l redraws");
    is_int(keymap_lookup(&km, 'Z'), ACTION_NONE, "an unbound key does nothing");
    keymap_keys_of(&km, ACTION_top, buf, sizeof buf);
    is_str(buf, "g, Home", "help lists the keys of an action");

    /* Key strings. */
    is_int(key_of("PgDn"), KEYMAP_FN(KEY_NPAGE), "PgDn");
    is_int(key_of("pagedown"), KEYMAP_FN(KEY_NPAGE), "names ignore case");
    is_int(key_of("F12"), KEYMAP_FN(KEY_F(12)), "F12");
    is_int(key_of("F13"), -1, "F13 is refused");
    is_int(key_of("C-x"), 24, "C-x");
    is_int(key_of("^X"), 24, "^X");
    is_int(key_of("é"), 0xE9, "a non-ASCII character");
    is_int(key_of("ab"), -1, "two characters are not a key");
    is_int(key_of(""), -1, "nor is nothing");
    is_int(key_of("\x1b"), -1, "nor a raw control character");
    const char *names[] = {"Down", "PgUp", "Tab", "Enter", "Esc", "Space", "F5", "C-l", "]", "é", "Backspace"};
    int round = 1;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        keymap_key_name(key_of(names[i]), buf, sizeof buf);
        if (key_of(buf) != key_of(names[i])) {
            printf("# %s -> %s\n", names[i], buf);
            round = 0;
        }
    }
    ok(round, "key names read back as the same keys");

    /* Config bindings: `next_quote = "n"` moves n from search_next. */
    is_int(keymap_bind(&km, "next_quote", "n", why, sizeof why), 0, "bind next_quote to n");
    is_int(keymap_lookup(&km, 'n'), ACTION_next_quote, "n now goes to the next quote");
    is_int(keymap_lookup(&km, ']'), ACTION_NONE, "] lost its action (replaced)");
    keymap_keys_of(&km, ACTION_search_next, buf, sizeof buf);
    is_str(buf, "", "search_next has no key left");
    is_int(keymap_bind(&km, "search_next", "C-n F3", why, sizeof why), 0, "bind two keys at once");
    is_int(keymap_lookup(&km, 14), ACTION_search_next, "C-n");
    is_int(keymap_lookup(&km, KEYMAP_FN(KEY_F(3))), ACTION_search_next, "F3");
    is_int(keymap_bind(&km, "QUIT", "x", why, sizeof why), 0, "action names ignore case");
    is_int(keymap_lookup(&km, 'x'), ACTION_quit, "x quits");
    is_int(keymap_lookup(&km, 'q'), ACTION_NONE, "q no longer does");
    is_int(keymap_bind(&km, "page_down", " ", why, sizeof why), 0, "\" \" is Space");
    is_int(keymap_lookup(&km, ' '), ACTION_page_down, "Space pages down");
    is_int(keymap_bind(&km, "help", "none", why, sizeof why), 0, "none unbinds");
    is_int(keymap_lookup(&km, 'h'), ACTION_NONE, "h is unbound");

    /* Errors name what is wrong and change nothing. */
    is_int(keymap_bind(&km, "fly", "f", why, sizeof why), -1, "an unknown action is refused");
    is_str(why, "unknown action 'fly' (see the help screen, h)", "... with a reason");
    is_int(keymap_bind(&km, "top", "g F99", why, sizeof why), -1, "a bad key is refused");
    ok(strstr(why, "'F99'") != NULL, "... naming the key: %s", why);
    is_int(keymap_lookup(&km, 'g'), ACTION_top, "and the old binding stays");
    is_int(keymap_bind(&km, "top", "", why, sizeof why), -1, "an empty key list is refused");

    /* Every action has a name, help, and a default key. */
    int full = 1;
    keymap_t fresh = {0};
    keymap_init(&fresh);
    for (int a = 0; a < ACTION_COUNT; a++) {
        keymap_keys_of(&fresh, (action_t)a, buf, sizeof buf);
        if (!*action_help((action_t)a) || !*buf || action_by_name(action_name((action_t)a)) != a)
            full = 0;
    }
    ok(full, "all %d actions have a name, help text and keys", ACTION_COUNT);
    keymap_free(&fresh);
    keymap_free(&km);
    return tap_done();
}
