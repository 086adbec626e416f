/* notes_bench.c — figures for bench/notes.sh (not a test): the cost of the
 * notes store on one article.
 *   notes_bench FILE N
 * adds N notes spread over FILE's text (each its own committed transaction),
 * lists them unchanged, then lists them against a changed text (a word
 * inserted every 2 KB and one passage in ten reworded) so every note
 * re-anchors, then lists again (saved back: exact). Prints one line per step.
 * Uses the default store: run it with a private XDG_DATA_HOME. */
#include "config.h"
#include "engine/doc.h"
#include "engine/ingest.h"
#include "engine/xalloc.h"
#include "notes/store.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static uint32_t boundary(const char *t, uint32_t len, uint32_t b)
{
    while (b < len && ((unsigned char)t[b] & 0xC0) == 0x80)
        b++;
    return b;
}


static double timed_list(notes_store_t *st, note_list_t *l)
{
    double t0 = now();
    if (notes_list(st, l) != NOTES_OK) {
        fprintf(stderr, "notes_bench: %s\n", notes_error(st));
        exit(5);
    }
    return now() - t0;
}

static void count_states(const note_list_t *l, size_t c[3])
{
    c[0] = c[1] = c[2] = 0;
    for (size_t i = 0; i < l->len; i++)
        c[l->items[i].state]++;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: notes_bench FILE N\n", stderr);
        return 2;
    }
    size_t n = strtoul(argv[2], NULL, 10), len;
    char err[512], *text;
    if (ingest_read(argv[1], NULL, &text, &len, err, sizeof err) != 0) {
        fprintf(stderr, "notes_bench: %s\n", err);
        return 3;
    }
    doc_t *doc = doc_new(text, (uint32_t)len, argv[1]);
    notes_store_t *st;
    if (notes_store_open(NULL, NOTES_OPEN_CREATE, &st, err, sizeof err) != NOTES_OK) {
        fprintf(stderr, "notes_bench: %s\n", err);
        return 5;
    }
    notes_bind(st, doc);
    printf("article %s: %.2f MB\n", argv[1], (double)len / 1e6);

    /* Passages of ~80 bytes, evenly spread. */
    uint32_t step = n ? (uint32_t)(len / (n + 1)) : 0;
    double worst = 0, t0 = now();
    for (size_t i = 0; i < n; i++) {
        uint32_t s = boundary(doc->text, doc->len, (uint32_t)((i + 1) * step));
        uint32_t e = boundary(doc->text, doc->len, s + 80 < doc->len ? s + 80 : doc->len);
        if (e <= s)
            continue;
        int64_t id;
        double a = now();
        if (notes_add(st, (span_t){s, e}, NULL, "a note", &id) != NOTES_OK) {
            fprintf(stderr, "notes_bench: %s\n", notes_error(st));
            return 5;
        }
        if (now() - a > worst)
            worst = now() - a;
    }
    double add = now() - t0;
    printf("%-34s %9.2f ms  (mean of %zu; worst %.2f ms)\n", "add one note (commit, fsync)",
           n ? add / (double)n * 1e3 : 0.0, n, worst * 1e3);

    note_list_t l = {0};
    t0 = timed_list(st, &l);
    printf("%-34s %9.2f ms  (%zu notes)\n", "list, text unchanged", t0 * 1e3, l.len);

    /* The article fetched again with changes. */
    char *changed = xmalloc(len + len / 2048 * 8 + len / 10 + 16), *o = changed;
    for (size_t i = 0; i < len; i++) {
        if (i && i % 2048 == 0 && text[i] == ' ') {
            memcpy(o, " really", 7);
            o += 7;
        }
        *o++ = text[i];
    }
    *o = '\0';
    /* Reword one passage in ten: change a few letters inside it. */
    for (size_t i = 0; i < l.len; i += 10) {
        const char *ex = l.items[i].exact;
        char *p = strstr(changed, ex);
        if (p && strlen(ex) > 40)
            for (int j = 10; j < 40; j += 10)
                if (p[j] >= 'a' && p[j] <= 'y')
                    p[j]++;
    }
    size_t clen = (size_t)(o - changed);
    doc_t *doc2 = doc_new(changed, (uint32_t)clen, argv[1]);
    notes_bind(st, doc2);
    size_t c[3];
    double t = timed_list(st, &l);
    count_states(&l, c);
    printf("%-34s %9.2f ms  (%zu exact, %zu re-anchored, %zu orphans)\n", "list, text changed (re-anchor)",
           t * 1e3, c[0], c[1], c[2]);
    t = timed_list(st, &l);
    count_states(&l, c);
    printf("%-34s %9.2f ms  (%zu exact, %zu re-anchored, %zu orphans)\n", "list again (saved back)", t * 1e3,
           c[0], c[1], c[2]);
    note_list_free(&l);
    notes_store_close(st);
    doc_free(doc2);
    doc_free(doc);
    return 0;
}
