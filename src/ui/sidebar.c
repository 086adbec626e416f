/* sidebar.c — stub bodies until the implementation lands (see sidebar.h). */
#include "config.h"
#include "ui/sidebar.h"
#include <string.h>

void sidebar_init(sidebar_t *sb, const doc_t *doc)
{
    memset(sb, 0, sizeof *sb);
    sb->doc = doc;
    sb->speaker_rank = xcalloc(doc->entities.len + 1, sizeof *sb->speaker_rank);
    for (size_t i = 0; i < doc->entities.len; i++)
        sb->speaker_rank[i] = -1;
}
void sidebar_free(sidebar_t *sb) { free(sb->speaker_rank); vec_free(&sb->rows); }
void sidebar_set_notes(sidebar_t *sb, const sidebar_note_t *notes, size_t n) { (void)sb; (void)notes; (void)n; }
void sidebar_resize(sidebar_t *sb, int height) { sb->height = height; }
sidebar_result_t sidebar_key(sidebar_t *sb, sidebar_key_t key)
{
    (void)sb; (void)key;
    return (sidebar_result_t){.kind = SB_NONE, .entity = -1, .quote = -1, .note = -1};
}
int sidebar_row_at(const sidebar_t *sb, int y) { (void)sb; (void)y; return -1; }
sidebar_result_t sidebar_click(sidebar_t *sb, int y) { (void)y; return sidebar_key(sb, SB_KEY_ENTER); }
bool sidebar_select_quote(sidebar_t *sb, int qi) { (void)sb; (void)qi; return false; }
int sidebar_speaker_rank(const sidebar_t *sb, int e)
{
    return e >= 0 && (size_t)e < sb->doc->entities.len ? sb->speaker_rank[e] : -1;
}
void sidebar_draw(WINDOW *win, const sidebar_t *sb, const theme_t *theme, bool focused)
{
    (void)sb; (void)theme; (void)focused;
    werase(win);
}
