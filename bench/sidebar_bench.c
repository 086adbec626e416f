/* sidebar_bench.c — the sidebar model's cost on synthetic documents of N
 * quotes by S speakers (bench/sidebar.sh runs it at two sizes): build time,
 * memory of the rows, and the per-keystroke cost of j, G/g, following the
 * reader (sidebar_select_quote) and drawing a 50-line window. */
#include "config.h"
#include "ui/sidebar.h"
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "C.UTF-8");
    size_t nq = argc > 1 ? strtoul(argv[1], NULL, 10) : 10000;
    size_t ns = argc > 2 ? strtoul(argv[2], NULL, 10) : 50;
    static const char piece[] = "\xE2\x80\x9CWe will act on this, and soon,\xE2\x80\x9D said Someone. ";
    size_t plen = sizeof piece - 1;
    doc_t doc = {0};
    doc.len = (uint32_t)(nq * plen);
    doc.text = xmalloc(doc.len + 1);
    for (size_t i = 0; i < nq; i++)
        memcpy(doc.text + i * plen, piece, plen);
    doc.text[doc.len] = '\0';
    for (size_t e = 0; e < ns * 2; e++)
        vec_push(&doc.entities, (entity_t){.name = xasprintf("Speaker Number %zu", e),
                                           .type = (entity_type_t)(e % ENT_TYPE_COUNT)});
    for (size_t i = 0; i < nq; i++) {
        uint32_t at = (uint32_t)(i * plen);
        /* Skewed: speaker k has about twice the quotes of speaker k+1. */
        int32_t s = i % 7 == 6 ? -1 : (int32_t)(__builtin_ctzl(i + 1) % ns);
        vec_push(&doc.quotes, (quote_t){.span = {at + 3, at + 33}, .open_mark = {at, at + 3},
                                        .close_mark = {at + 33, at + 36}, .speaker = s, .parent = -1});
        vec_push(&doc.mentions, (mention_t){{at + 42, at + 49}, (uint32_t)(i % (ns * 2)), MENTION_NAME});
    }
    double t0 = now();
    sidebar_t sb;
    sidebar_init(&sb, &doc);
    double build = now() - t0;
    sidebar_resize(&sb, 50);
    size_t mem = sb.rows.cap * sizeof *sb.rows.items + nq * (sizeof *sb.order + sizeof *sb.quote_row);
    for (size_t i = 0; i < sb.rows.len; i++)
        mem += sb.rows.items[i].label ? strlen(sb.rows.items[i].label) + 1 : 0;

    int reps = 20000;
    t0 = now();
    for (int i = 0; i < reps; i++)
        sidebar_key(&sb, i % 200 < 100 ? SB_KEY_DOWN : SB_KEY_UP);
    double key = (now() - t0) / reps;
    t0 = now();
    for (int i = 0; i < reps; i++)
        sidebar_key(&sb, i % 2 ? SB_KEY_HOME : SB_KEY_END);
    double ends = (now() - t0) / reps;
    t0 = now();
    for (int i = 0; i < reps; i++)
        sidebar_select_quote(&sb, (int)((size_t)i * 7919 % nq));
    double follow = (now() - t0) / reps;

    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    SCREEN *scr = newterm("xterm-256color", out, in);
    double draw = -1;
    if (scr) {
        theme_t t;
        theme_default(&t);
        theme_start(&t, true);
        WINDOW *w = newwin(50, 40, 0, 0);
        int dreps = 2000;
        t0 = now();
        for (int i = 0; i < dreps; i++) {
            sidebar_key(&sb, SB_KEY_PAGE_DOWN);
            sidebar_draw(w, &sb, &t, true);
        }
        draw = (now() - t0) / dreps;
        delwin(w);
        endwin();
        delscreen(scr);
    }
    printf("quotes %8zu  speakers %4zu  rows %8zu | build %8.2f ms  rows memory %7.1f KB | "
           "j/k %6.3f us  g/G %6.3f us  follow %6.3f us  PgDn+draw %6.1f us\n",
           nq, sb.nspeakers, sb.rows.len, build * 1e3, (double)mem / 1024, key * 1e6, ends * 1e6,
           follow * 1e6, draw * 1e6);
    sidebar_free(&sb);
    return 0;
}
