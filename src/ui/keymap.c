/* keymap.c — the action table, key names and the bindings. */
#include "config.h"
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include "ui/keymap.h"
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

static const struct { const char *name, *keys, *help; } actions[] = {
#define KEYMAP_ROW_(name, keys, help) {#name, keys, help},
    KEYMAP_ACTIONS(KEYMAP_ROW_)
#undef KEYMAP_ROW_
};

static const struct { const char *name; int key; } key_names[] = {
    {"Down", KEYMAP_FN(KEY_DOWN)}, {"Up", KEYMAP_FN(KEY_UP)},
    {"Left", KEYMAP_FN(KEY_LEFT)}, {"Right", KEYMAP_FN(KEY_RIGHT)},
    {"PgDn", KEYMAP_FN(KEY_NPAGE)}, {"PgUp", KEYMAP_FN(KEY_PPAGE)},
    {"PageDown", KEYMAP_FN(KEY_NPAGE)}, {"PageUp", KEYMAP_FN(KEY_PPAGE)},
    {"Home", KEYMAP_FN(KEY_HOME)}, {"End", KEYMAP_FN(KEY_END)},
    {"Tab", '\t'}, {"BackTab", KEYMAP_FN(KEY_BTAB)}, {"Enter", '\n'},
    {"Esc", 27}, {"Escape", 27}, {"Space", ' '},
    {"Backspace", KEYMAP_FN(KEY_BACKSPACE)}, {"Delete", KEYMAP_FN(KEY_DC)},
    {"Insert", KEYMAP_FN(KEY_IC)},
};

const char *action_name(action_t a) { return a >= 0 && a < ACTION_COUNT ? actions[a].name : "none"; }
const char *action_help(action_t a) { return a >= 0 && a < ACTION_COUNT ? actions[a].help : ""; }

int action_by_name(const char *name)
{
    for (int a = 0; a < ACTION_COUNT; a++)
        if (strcasecmp(actions[a].name, name) == 0)
            return a;
    return ACTION_NONE;
}

int keymap_normalize(int key)
{
    switch (key) {
    case '\r': case KEYMAP_FN(KEY_ENTER): return '\n';
    case 8: case 127: return KEYMAP_FN(KEY_BACKSPACE);
    default: return key;
    }
}

bool keymap_parse_key(const char *s, int *key)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < sizeof key_names / sizeof *key_names; i++)
        if (strcasecmp(s, key_names[i].name) == 0) {
            *key = key_names[i].key;
            return true;
        }
    if ((s[0] == 'F' || s[0] == 'f') && n >= 2 && n <= 3 && strspn(s + 1, "0123456789") == n - 1) {
        int f = atoi(s + 1);
        if (f < 1 || f > 12)
            return false;
        *key = KEYMAP_FN(KEY_F(f));
        return true;
    }
    if (n == 3 && (s[0] == 'C' || s[0] == 'c') && s[1] == '-' && ((s[2] | 0x20) >= 'a' && (s[2] | 0x20) <= 'z')) {
        *key = (s[2] | 0x20) - 'a' + 1;
        return true;
    }
    if (n == 2 && s[0] == '^' && ((s[1] | 0x20) >= 'a' && (s[1] | 0x20) <= 'z')) {
        *key = (s[1] | 0x20) - 'a' + 1;
        return true;
    }
    /* One printable character. */
    ucs4_t c;
    int k = u8_mbtouc(&c, (const uint8_t *)s, n);
    if (n > 0 && k == (int)n && c != 0xFFFD && c > ' ' && c != 0x7F && !(c >= 0x80 && c < 0xA0)) {
        *key = (int)c;
        return true;
    }
    return false;
}

void keymap_key_name(int key, char *buf, size_t len)
{
    for (size_t i = 0; i < sizeof key_names / sizeof *key_names; i++)
        if (key_names[i].key == key) {
            snprintf(buf, len, "%s", key_names[i].name);
            return;
        }
    if (key >= KEYMAP_FN(KEY_F(1)) && key <= KEYMAP_FN(KEY_F(12)))
        snprintf(buf, len, "F%d", key - KEYMAP_FN(KEY_F(0)));
    else if (key > 0 && key < 27)
        snprintf(buf, len, "C-%c", 'a' + key - 1);
    else if (key > ' ' && key < KEYMAP_FN_FLAG) {
        uint8_t u[8];
        int k = u8_uctomb(u, (ucs4_t)key, sizeof u);
        snprintf(buf, len, "%.*s", k > 0 ? k : 0, (const char *)u);
    } else
        snprintf(buf, len, "<%#x>", key);
}

static void keymap_unbind_key(keymap_t *km, int key)
{
    size_t j = 0;
    for (size_t i = 0; i < km->bindings.len; i++)
        if (km->bindings.items[i].key != key)
            km->bindings.items[j++] = km->bindings.items[i];
    km->bindings.len = j;
}

static void keymap_unbind_action(keymap_t *km, action_t a)
{
    size_t j = 0;
    for (size_t i = 0; i < km->bindings.len; i++)
        if (km->bindings.items[i].action != a)
            km->bindings.items[j++] = km->bindings.items[i];
    km->bindings.len = j;
}

/* Parses a whole key list first, so a bad key changes nothing. */
static int keymap_set(keymap_t *km, action_t a, const char *keys, char *why, size_t whylen)
{
    int parsed[16];
    size_t n = 0;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", keys);
    if (strcmp(keys, " ") == 0) {
        parsed[n++] = ' ';
    } else if (strcasecmp(keys, "none") != 0) {
        char *save = NULL;
        for (char *t = strtok_r(buf, " \t", &save); t; t = strtok_r(NULL, " \t", &save)) {
            if (n == sizeof parsed / sizeof *parsed) {
                snprintf(why, whylen, "too many keys for '%s'", actions[a].name);
                return -1;
            }
            if (!keymap_parse_key(t, &parsed[n])) {
                snprintf(why, whylen, "bad key '%s' (a character, a name such as PgDn or F1, or C-x)", t);
                return -1;
            }
            n++;
        }
        if (n == 0) {
            snprintf(why, whylen, "no key for '%s' (write \"none\" to unbind it)", actions[a].name);
            return -1;
        }
    }
    keymap_unbind_action(km, a);
    for (size_t i = 0; i < n; i++) {
        keymap_unbind_key(km, parsed[i]);
        vec_push(&km->bindings, (keymap_binding_t){parsed[i], a});
    }
    return 0;
}

void keymap_init(keymap_t *km)
{
    km->bindings.len = 0;
    char why[128];
    for (int a = 0; a < ACTION_COUNT; a++)
        keymap_set(km, (action_t)a, actions[a].keys, why, sizeof why);
}

void keymap_free(keymap_t *km) { vec_free(&km->bindings); }

int keymap_bind(void *ctx, const char *action, const char *keys, char *why, size_t whylen)
{
    int a = action_by_name(action);
    if (a == ACTION_NONE) {
        snprintf(why, whylen, "unknown action '%s' (see the help screen, h)", action);
        return -1;
    }
    return keymap_set(ctx, (action_t)a, keys, why, whylen);
}

action_t keymap_lookup(const keymap_t *km, int key)
{
    key = keymap_normalize(key);
    for (size_t i = 0; i < km->bindings.len; i++)
        if (km->bindings.items[i].key == key)
            return km->bindings.items[i].action;
    return ACTION_NONE;
}

void keymap_keys_of(const keymap_t *km, action_t a, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < km->bindings.len && used + 1 < len; i++) {
        if (km->bindings.items[i].action != a)
            continue;
        char name[32];
        keymap_key_name(km->bindings.items[i].key, name, sizeof name);
        int k = snprintf(buf + used, len - used, "%s%s", used ? ", " : "", name);
        if (k < 0 || (size_t)k >= len - used)
            break;
        used += (size_t)k;
    }
}
