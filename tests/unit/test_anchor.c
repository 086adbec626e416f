/* test_anchor.c — re-anchoring: exact, fuzzy, orphan, look-alikes. */
#include "config.h"
#include "notes/anchor.h"
#include "engine/xalloc.h"
#include "tap.h"
#include <stdlib.h>
#include <string.h>

static const char base[] =
    "Speaking at a defence conference in Brussels, Kallas said Europe still wants a close "
    "partnership with the United States. \xe2\x80\x9cLet me be clear: we want strong transatlantic "
    "ties. The United States will remain Europe\xe2\x80\x99s partner and ally,\xe2\x80\x9d she said.\n\n"
    "Kallas argued that the shift in attention is not new. \xe2\x80\x9cIt means that Europe must "
    "step up. No great power in history has outsourced its survival and survived,\xe2\x80\x9d she "
    "said. Okay News reports that her message was aimed at accelerating defence preparations.\n\n"
    "Her remarks come after Trump unsettled European allies earlier in January.\n";

static const char passage[] = "No great power in history has outsourced its survival and survived";

/* A note made on text: its selector as the store would save it. */
struct note {
    char *exact, *prefix, *suffix;
    size_t start;
};

static struct note make_note(const char *text, const char *exact)
{
    const char *p = strstr(text, exact);
    size_t s = (size_t)(p - text), e = s + strlen(exact), len = strlen(text);
    size_t b = anchor_back(text, s, ANCHOR_CONTEXT), f = anchor_fwd(text, len, e, ANCHOR_CONTEXT);
    return (struct note){xstrdup(exact), xstrndup(text + b, s - b), xstrndup(text + e, f - e), s};
}

static void free_note(struct note *n)
{
    free(n->exact);
    free(n->prefix);
    free(n->suffix);
}

static anchor_match_t find(const char *text, const struct note *n)
{
    anchor_sel_t sel = {n->exact, n->prefix, n->suffix, n->start};
    return anchor_find(text, strlen(text), &sel);
}

/* text with the first occurrence of from replaced by to. */
static char *replace(const char *text, const char *from, const char *to)
{
    const char *p = strstr(text, from);
    if (!p)
        return xstrdup(text);
    return xasprintf("%.*s%s%s", (int)(p - text), text, to, p + strlen(from));
}

static char *slice(const char *text, anchor_match_t m)
{
    return xstrndup(text + m.start, m.end - m.start);
}

static void test_helpers(void)
{
    const char *s = "a\xc3\xa9\xe2\x80\x9c" "b";  /* a é “ b */
    is_int(anchor_cp_count(s, strlen(s)), 4, "cp_count counts code points");
    is_int(anchor_fwd(s, strlen(s), 0, 2), 3, "fwd skips a two-byte character whole");
    is_int(anchor_back(s, strlen(s), 2), 3, "back skips a three-byte character whole");
    is_int(anchor_back(s, 3, 10), 0, "back stops at the start");
    is_int(anchor_fwd(s, strlen(s), 3, 10), strlen(s), "fwd stops at the end");
    ok(anchor_similarity("kitten", 6, "sitting", 7) > 0.57 && anchor_similarity("kitten", 6, "sitting", 7) < 0.58,
       "similarity is 1 - edit distance / longest (kitten/sitting = 4/7)");
    is_int((int)(anchor_similarity("", 0, "", 0) * 100), 100, "two empty strings are the same");
    is_int((int)(anchor_similarity("\xc3\xa9", 2, "e", 1) * 100), 0, "é and e differ by one code point, not two bytes");
}

static void test_unchanged(void)
{
    struct note n = make_note(base, passage);
    anchor_match_t m = find(base, &n);
    is_int(m.kind, ANCHOR_EXACT, "unchanged text: exact");
    is_int(m.start, n.start, "unchanged text: same start");
    is_int(m.end, n.start + strlen(passage), "unchanged text: same end");
    free_note(&n);
}

static void test_typo_before(void)
{
    struct note n = make_note(base, passage);
    char *t = replace(base, "Speaking at a defence", "Speaking at a defense");
    char *t2 = replace(t, "argued that the shift", "argued that the big shift");
    anchor_match_t m = find(t2, &n);
    is_int(m.kind, ANCHOR_EXACT, "typo fixed before the passage: still exact");
    is_int(m.start, strstr(t2, passage) - t2, "typo fixed before the passage: the moved start");
    free(t);
    free(t2);
    free_note(&n);
}

static void test_edited(void)
{
    struct note n = make_note(base, passage);
    const char *edited = "No great power in all of history has outsourced its survival and survived";
    char *t = replace(base, passage, edited);
    anchor_match_t m = find(t, &n);
    is_int(m.kind, ANCHOR_FUZZY, "passage edited slightly: fuzzy");
    char *got = slice(t, m);
    is_str(got, edited, "passage edited slightly: covers the edited passage");
    ok(m.text_sim > 0.75 && m.text_sim < 1.0, "passage edited slightly: text similarity %.2f", m.text_sim);
    free(got);
    free(t);
    free_note(&n);

    /* The words around the quote changed too, but half the context stays. */
    n = make_note(base, "we want strong transatlantic ties");
    t = replace(base, "we want strong transatlantic ties", "we want very strong transatlantic ties");
    char *t2 = replace(t, "Let me be clear: ", "Let me be quite clear: ");
    m = find(t2, &n);
    got = slice(t2, m);
    is_int(m.kind, ANCHOR_FUZZY, "passage and prefix edited: fuzzy");
    is_str(got, "we want very strong transatlantic ties", "passage and prefix edited: the right span");
    free(got);
    free(t);
    free(t2);
    free_note(&n);
}

static void test_duplicated(void)
{
    struct note n = make_note(base, passage);
    /* The same sentence also quoted earlier, in another context. */
    char *dup = xasprintf("A columnist wrote last week that \"%s\" was an old line.\n\n%s", passage, base);
    anchor_match_t m = find(dup, &n);
    is_int(m.kind, ANCHOR_EXACT, "passage duplicated: exact");
    ok(m.start > 100, "passage duplicated: the occurrence in its own context (at %zu), not the first", m.start);
    is_int(m.start, strstr(strstr(dup, passage) + 1, passage) - dup, "passage duplicated: exactly the original");
    free(dup);

    /* Both copies in the same context: the one nearer the old place. */
    char *twice = xasprintf("%s%s", base, base);
    n.start += strlen(base);
    m = find(twice, &n);
    is_int(m.start, n.start, "identical copies: the one at the old position");
    free(twice);
    free_note(&n);
}

static void test_deleted(void)
{
    struct note n = make_note(base, passage);
    char *t = replace(base, "\xe2\x80\x9cIt means that Europe must step up. No great power in history has "
                            "outsourced its survival and survived,\xe2\x80\x9d she said. ", "");
    ok(strstr(t, "survived") == NULL, "deleted: the passage is gone from the new text");
    anchor_match_t m = find(t, &n);
    is_int(m.kind, ANCHOR_ORPHAN, "passage deleted: orphan");
    is_int(m.start + m.end, 0, "orphan: no span");
    free(t);
    free_note(&n);
}

static void test_lookalike(void)
{
    struct note n = make_note(base, passage);
    char *t = replace(base, "\xe2\x80\x9cIt means that Europe must step up. No great power in history has "
                            "outsourced its survival and survived,\xe2\x80\x9d she said. ", "");
    /* Elsewhere, a passage that resembles the note's text, in another context. */
    char *t2 = replace(t, "Her remarks come after",
                       "An analyst disagreed: no great power in history has outsourced its survival and "
                       "thrived, he wrote. Her remarks come after");
    anchor_match_t m = find(t2, &n);
    is_int(m.kind, ANCHOR_ORPHAN, "look-alike elsewhere, original deleted: still an orphan");
    free(t2);

    /* The identical words in another context are a look-alike too. */
    t2 = replace(t, "Her remarks come after", "Readers quoted the line " "\"" "No great power in history has "
                 "outsourced its survival and survived" "\"" " on social media all week. Her remarks come after");
    m = find(t2, &n);
    is_int(m.kind, ANCHOR_ORPHAN, "same words, other context: not attached");
    free(t2);
    free(t);

    /* With the original edited AND a look-alike nearby, the original wins. */
    const char *edited = "No great power in history has ever outsourced its survival and survived";
    t = replace(base, passage, edited);
    t2 = replace(t, "Her remarks come after", "No great power in history has outsourced its survival and "
                 "thrived. Her remarks come after");
    m = find(t2, &n);
    char *got = slice(t2, m);
    is_str(got, edited, "edited original beats a look-alike");
    free(got);
    free(t2);
    free(t);
    free_note(&n);
}

static void test_blind_and_edges(void)
{
    /* A note migrated from v1: no prefix or suffix known. */
    struct note n = make_note(base, "she said");
    anchor_sel_t sel = {n.exact, NULL, NULL, (size_t)(strstr(base, "survived,") - base)};
    anchor_match_t m = anchor_find(base, strlen(base), &sel);
    is_int(m.kind, ANCHOR_EXACT, "no context: exact");
    is_int(m.start, strstr(strstr(base, "survived,"), "she said") - base, "no context: the nearest occurrence");

    /* At the start of the text (empty prefix), after a headline was added. */
    struct note first = make_note(base, "Speaking at a defence conference");
    char *t = xasprintf("Kallas urges Europe to step up\n\n%s", base);
    m = find(t, &first);
    is_int(m.kind, ANCHOR_EXACT, "start of text, headline added: still found by its suffix");
    is_int(m.start, strstr(t, "Speaking") - t, "start of text, headline added: right place");
    free(t);

    sel = (anchor_sel_t){"", NULL, NULL, 0};
    is_int(anchor_find(base, strlen(base), &sel).kind, ANCHOR_ORPHAN, "empty exact: orphan, no crash");
    sel = (anchor_sel_t){passage, n.prefix, n.suffix, 1u << 30};
    is_int(anchor_find("", 0, &sel).kind, ANCHOR_ORPHAN, "empty text: orphan");
    free_note(&first);
    free_note(&n);
}

/* Bounded work: a long text with many near-misses still answers. */
static void test_bounded(void)
{
    size_t reps = 20000;
    char *big = xmalloc(reps * 64 + 1), *p = big;
    for (size_t i = 0; i < reps; i++)
        p += sprintf(p, "no great power in history has outsourced item %05zu. ", i);
    struct note n = make_note(base, passage);
    n.start = (size_t)(p - big) / 2;
    anchor_match_t m = find(big, &n);
    is_int(m.kind, ANCHOR_ORPHAN, "20 000 near-misses: orphan, in bounded time");
    free(big);
    free_note(&n);
}

/* Long texts: the search near the old place first, then everywhere. */
static void test_far(void)
{
    struct note n = make_note(base, passage);
    size_t pad = 200000;
    char *filler = xmalloc(pad + 1);
    for (size_t i = 0; i < pad; i++)
        filler[i] = i % 61 == 60 ? '\n' : "lorem ipsum dolor sit amet "[i % 27];
    filler[pad] = '\0';
    /* 200 KB added before the article: the passage moved out of the near window. */
    char *t = xasprintf("%s%s", filler, base);
    anchor_match_t m = find(t, &n);
    is_int(m.kind, ANCHOR_EXACT, "moved 200 KB away: still exact");
    is_int(m.start, strstr(t, passage) - t, "moved 200 KB away: found");
    free(t);
    /* Near the old place the same words stand in another context; the real
     * passage, context intact, is far away: the far one wins. */
    char *decoy = xasprintf("Readers repeated \"%s\" all week. %s", passage, filler);
    t = xasprintf("%s%s", decoy, base);
    n.start = 10;
    m = find(t, &n);
    is_int(m.start, strstr(strstr(t, passage) + 1, passage) - t, "a decoy near the old place loses to the real context far away");
    free(t);
    free(decoy);
    free(filler);
    free_note(&n);
}

int main(void)
{
    test_helpers();
    test_unchanged();
    test_typo_before();
    test_edited();
    test_duplicated();
    test_deleted();
    test_lookalike();
    test_blind_and_edges();
    test_bounded();
    test_far();
    return tap_done();
}
