/* test_prompt.c — the bottom-line editor's editing (pure half of ui/prompt). */
#include "config.h"
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include "tap.h"
#include "ui/keymap.h"
#include "ui/prompt.h"
#include <locale.h>

static void type(prompt_t *p, const char *s)
{
    /* Each code point of s as one key. */
    const unsigned char *u = (const unsigned char *)s;
    while (*u) {
        int c, n;
        if (*u < 0x80) { c = *u; n = 1; }
        else if (*u < 0xE0) { c = *u & 0x1F; n = 2; }
        else if (*u < 0xF0) { c = *u & 0x0F; n = 3; }
        else { c = *u & 0x07; n = 4; }
        for (int i = 1; i < n; i++)
            c = (c << 6) | (u[i] & 0x3F);
        u += n;
        prompt_key(p, c);
    }
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    prompt_t p = {0};
    prompt_start(&p, "/", NULL);
    ok(p.active, "a started prompt is active");
    type(&p, "héllo");
    is_str(prompt_text(&p), "héllo", "typing inserts UTF-8");
    is_int(prompt_cursor_col(&p), 5, "the cursor is after 5 columns");
    prompt_key(&p, KEYMAP_FN(KEY_BACKSPACE));
    prompt_key(&p, 127);
    is_str(prompt_text(&p), "hél", "Backspace (KEY_BACKSPACE or DEL) removes one character each");
    prompt_key(&p, 8);
    is_str(prompt_text(&p), "hé", "... and BS: the two-byte é is one character");
    prompt_key(&p, KEYMAP_FN(KEY_LEFT));
    prompt_key(&p, KEYMAP_FN(KEY_BACKSPACE));
    is_str(prompt_text(&p), "é", "Left, then Backspace removes the character before the cursor");
    is_int(p.cursor, 0, "the cursor is at the start");
    prompt_key(&p, KEYMAP_FN(KEY_DC));
    is_str(prompt_text(&p), "", "Delete removes the character under the cursor");

    type(&p, "日本語");
    is_int(prompt_cursor_col(&p), 6, "wide characters take two columns each");
    prompt_key(&p, KEYMAP_FN(KEY_LEFT));
    is_int(prompt_cursor_col(&p), 4, "Left moves over one wide character");
    type(&p, "X");
    is_str(prompt_text(&p), "日本X語", "inserting in the middle");
    prompt_key(&p, KEYMAP_FN(KEY_HOME));
    type(&p, "<");
    prompt_key(&p, KEYMAP_FN(KEY_END));
    type(&p, ">");
    is_str(prompt_text(&p), "<日本X語>", "Home and End");
    prompt_key(&p, 1);                      /* C-a */
    prompt_key(&p, KEYMAP_FN(KEY_RIGHT));
    prompt_key(&p, 11);                     /* C-k */
    is_str(prompt_text(&p), "<", "C-a, Right, C-k keeps the first character");
    type(&p, "ab");
    prompt_key(&p, 21);                     /* C-u */
    is_str(prompt_text(&p), "", "C-u clears to the start");

    /* A combining mark goes with its base. */
    type(&p, "e\xcc\x81x");
    prompt_key(&p, KEYMAP_FN(KEY_LEFT));
    prompt_key(&p, KEYMAP_FN(KEY_LEFT));
    is_int(p.cursor, 0, "Left skips back over e + combining acute as one character");
    prompt_key(&p, KEYMAP_FN(KEY_RIGHT));
    is_int(p.cursor, 3, "Right moves over base and mark together");
    prompt_key(&p, KEYMAP_FN(KEY_BACKSPACE));
    is_str(prompt_text(&p), "x", "Backspace removes base and mark together");

    /* Controls are not inserted; a tab types a space. */
    prompt_key(&p, KEYMAP_FN(KEY_END));
    prompt_key(&p, 0x0e);                   /* C-n */
    prompt_key(&p, 0x9b);                   /* C1 CSI */
    prompt_key(&p, '\t');
    is_str(prompt_text(&p), "x ", "control characters are not inserted; Tab types a space");

    /* Enter and the ways out. */
    is_int(prompt_key(&p, '\r'), PROMPT_DONE, "Enter (CR) ends with DONE");
    is_int(prompt_key(&p, KEYMAP_FN(KEY_ENTER)), PROMPT_DONE, "KEY_ENTER too");
    is_int(prompt_key(&p, 27), PROMPT_CANCELLED, "Esc cancels");
    is_int(prompt_key(&p, 7), PROMPT_CANCELLED, "C-g cancels");
    prompt_start(&p, "Note: ", "draft");
    is_str(prompt_text(&p), "draft", "an initial text");
    is_int((int)p.cursor, 5, "with the cursor at its end");
    prompt_key(&p, 21);
    is_int(prompt_key(&p, KEYMAP_FN(KEY_BACKSPACE)), PROMPT_CANCELLED, "Backspace on an empty line cancels");
    prompt_free(&p);
    ok(!p.active && p.buf == NULL, "prompt_free releases it");
    return tap_done();
}
