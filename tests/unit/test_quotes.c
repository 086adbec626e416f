/* test_quotes.c — the quote finder: every mark style, nesting, apostrophes,
 * straight quotes by context, multi-paragraph quotes, unclosed marks, the
 * interrupted quote, and hostile input (deep nesting, unbalanced marks). */
#include "config.h"
#include "engine/doc.h"
#include "engine/quotes.h"
#include "engine/xalloc.h"
#include "tap.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

static doc_t *find(const char *s)
{
    doc_t *d = doc_new(xstrdup(s), (uint32_t)strlen(s), "test");
    quotes_find(d);
    return d;
}

/* The quotes' texts joined by " | "; an unclosed quote is marked with a
 * trailing "…?" and a multi-paragraph one with a leading "¶". */
static char *texts(const char *s)
{
    doc_t *d = find(s);
    size_t cap = 1, n = 0;
    char *out = xmalloc(1);
    out[0] = '\0';
    for (size_t i = 0; i < d->quotes.len; i++) {
        const quote_t *q = &d->quotes.items[i];
        char *t = doc_quote_text(d, q);
        char *piece = xasprintf("%s%s%s%s", i ? " | " : "", (q->flags & QUOTE_MULTIPARA) ? "¶" : "",
                                t, (q->flags & QUOTE_UNCLOSED) ? "…?" : "");
        size_t l = strlen(piece);
        out = xgrow(out, &cap, n + l + 1, 1);
        memcpy(out + n, piece, l + 1);
        n += l;
        free(piece);
        free(t);
    }
    doc_free(d);
    return out;
}

#define QUOTES(input, want, name) do { \
        char *got_ = texts(input); \
        is_str(got_, want, "%s", name); \
        free(got_); \
    } while (0)

static void test_styles(void)
{
    QUOTES("She said “yes” today.", "yes", "English double “ ”");
    QUOTES("She said ‘yes’ today.", "yes", "English single ‘ ’");
    QUOTES("She said \"yes\" today.", "yes", "straight double");
    QUOTES("She said 'yes' today.", "yes", "straight single");
    QUOTES("Il a dit «oui» hier.", "oui", "guillemets « »");
    QUOTES("Il a dit « oui » hier.", " oui ", "spaced guillemets keep their spaces");
    QUOTES("Er sagte »ja« gestern.", "ja", "German guillemets » «");
    QUOTES("Han sa »ja» igår.", "ja", "Scandinavian » »");
    QUOTES("Er sagte „ja“ gestern.", "ja", "German „ “");
    QUOTES("Er sagte „ja” gestern.", "ja", "Polish „ ”");
    QUOTES("Er sagte ‚ja‘ gestern.", "ja", "German single ‚ ‘");
    QUOTES("Han sa ”ja” igår.", "ja", "Swedish ” ”");
    QUOTES("彼は「はい」と言った。", "はい", "CJK 「 」");
    QUOTES("彼は『はい』と言った。", "はい", "CJK 『 』");
    QUOTES("Il a dit ‹oui› hier.", "oui", "single guillemets ‹ ›");
    QUOTES("“Hello,” she said.", "Hello,", "text keeps the comma inside the marks");
    QUOTES("(“Hello”)", "Hello", "inside brackets");
    QUOTES("—“Hello”—", "Hello", "between dashes");
    QUOTES("He said:\"Hello,\"she said", "Hello,", "straight quotes without spaces");
    QUOTES("“”", "", "an empty quote is not listed");
    QUOTES("No marks at all.", "", "no quotes");
}

static void test_nesting(void)
{
    QUOTES("“He called it ‘a joke’ twice,” she said.", "He called it ‘a joke’ twice, | a joke",
           "nested single in double, outer first");
    QUOTES("‘The review, “After Dark”, said so.’", "The review, “After Dark”, said so. | After Dark",
           "nested double in single");
    QUOTES("«Il a dit “non” et ‹peut-être›»", "Il a dit “non” et ‹peut-être› | non | peut-être",
           "two nested quotes in guillemets");
    QUOTES("\"She said 'go' now,\" he said.", "She said 'go' now, | go", "nested straight quotes");
    QUOTES("“‘Hi’”", "‘Hi’ | Hi", "marks side by side");
    QUOTES("„Er sagte ‚nein‘ dazu“", "Er sagte ‚nein‘ dazu | nein", "German nesting");

    doc_t *d = find("“a ‘b “c” d’ e”");
    is_int(d->quotes.len, 3, "three levels");
    is_int(d->quotes.items[0].parent, -1, "outer quote has no parent");
    is_int(d->quotes.items[1].parent, 0, "middle quote's parent is the outer one");
    is_int(d->quotes.items[2].parent, 1, "inner quote's parent is the middle one");
    doc_free(d);
}

static void test_apostrophes(void)
{
    QUOTES("I don’t know, it’s Europe’s call.", "", "contractions and possessives are not marks");
    QUOTES("I don't know, it's Europe's call.", "", "straight apostrophes are not marks");
    QUOTES("“I don’t know,” she said.", "I don’t know,", "apostrophe inside a double quote");
    QUOTES("‘I don’t know,’ she said.", "I don’t know,", "apostrophe inside a single quote");
    QUOTES("Music from the ’90s and the ‘80s is back.", "", "decades, both mark directions");
    QUOTES("Music from the '90s is back.", "", "straight decade");
    QUOTES("‘Since the ’90s,’ she said.", "Since the ’90s,", "a decade inside a single quote");
    QUOTES("‘We play rock ’n’ roll here,’ he said.", "We play rock ’n’ roll here,",
           "rock ’n’ roll inside a single quote");
    QUOTES("He plays rock 'n' roll.", "", "straight rock 'n' roll");
    QUOTES("The nurses’ union met.", "", "plural possessive with nothing open");
    QUOTES("The Nurses’ Union of Portugal (NUP) said ‘no’.", "no",
           "plural possessive before a real quote");
    QUOTES("‘The nurses’ union is strong,’ she said.", "The nurses’ union is strong,",
           "plural possessive inside an open single quote stays an apostrophe");
    QUOTES("He called it ‘a win for the nurses’ and left.", "a win for the nurses",
           "s’ closes a pending single quote when nothing surer follows");
    QUOTES("“The largest nurses’ strike,” the union said.", "The largest nurses’ strike,",
           "plural possessive inside a double quote");
    QUOTES("They love ’em all.", "", "’em");
    QUOTES("O’Brien and L’Oréal.", "", "apostrophes in names");
    QUOTES("She said 'hello to my friend.", "", "an unclosed straight single mark is an apostrophe");
}

static void test_straight_context(void)
{
    QUOTES("\"A,\" she said, \"B.\"", "A, | B.", "interrupted straight quote: two quotes");
    QUOTES("“A,” she said, “B.”", "A, | B.", "interrupted curly quote: two quotes");
    QUOTES("He is 6'2\" tall and said \"hi\".", "hi", "inch and foot marks are not quotes");
    QUOTES("a \" b \"c\"", "c", "a lone straight mark between spaces is skipped");
    QUOTES("The \"grim.\" mood", "grim.", "straight closing after a full stop");
    QUOTES("She wrote \"x\"\"y\"", "x | y", "two straight quotes back to back");
}

static void test_multipara(void)
{
    QUOTES("She said:\n\n“First part.\n\n“Second part.\n\n“Third part,” she said.\n\nAfter.",
           "¶First part.\nSecond part.\nThird part,", "newswire quote over three paragraphs");
    QUOTES("‘One.\n\n‘Two, “inner”, end.’\n\nNext.", "¶One.\nTwo, “inner”, end. | inner",
           "single-mark newswire quote with a nested quote");
    QUOTES("“Never closed.\n\nNot a quote paragraph.", "Never closed.…?",
           "an unclosed mark ends at its paragraph");
    QUOTES("“Open one.\n\n“Open two.\n\nPlain.", "¶Open one.\nOpen two.…?",
           "a multi-paragraph quote that never closes ends at its last paragraph");
    QUOTES("“Open.\n\n‘Other mark.’\n\nPlain.", "Open.…? | Other mark.",
           "a different mark does not continue the quote");

    /* The same convention with one paragraph a line (long lines, no blank lines). */
    char a160[161];
    memset(a160, 'a', 160);
    a160[160] = '\0';
    char *in = xasprintf("He said:\n“%s.\n“Second part,” he said.\nThen “another”.", a160);
    char *want = xasprintf("¶%s.\nSecond part, | another", a160);
    QUOTES(in, want, "newswire quote with one paragraph a line");
    free(in);
    free(want);

    doc_t *d = find("“A.\n\n“B.”");
    is_int(d->quotes.len, 1, "one multi-paragraph quote");
    const quote_t *q = &d->quotes.items[0];
    is_int(q->flags, QUOTE_MULTIPARA, "flags MULTIPARA only");
    is_int(q->span.start, 3, "span starts after the first mark");
    is_int(q->span.end, (long long)strlen(d->text) - 3, "span ends before the final mark");
    is_int(q->close_mark.start, q->span.end, "close mark after the span");
    is_int(q->paragraph, 0, "paragraph of the opening mark");
    doc_free(d);

    /* An unclosed mark does not swallow the rest of the article. */
    d = find("He said “this never closes.\n\nA “real” quote.\n\nAnother “one”.");
    is_int(d->quotes.len, 3, "unclosed, then two normal quotes");
    is_int(d->quotes.items[0].flags, QUOTE_UNCLOSED, "first is UNCLOSED");
    is_int(span_is_empty(d->quotes.items[0].close_mark), 1, "no close mark");
    is_int(d->quotes.items[0].span.end, d->paragraphs.items[0].end, "ends at its paragraph end");
    is_int(d->quotes.items[1].paragraph, 1, "second quote in paragraph 1");
    doc_free(d);

    QUOTES("“He said ‘maybe, then stopped.”", "He said ‘maybe, then stopped. | maybe, then stopped.…?",
           "an inner unclosed mark ends where its parent closes");
}

/* The time budget of the growth guards, stretched by QUOTH_TIME_SCALE
 * (tests/valgrind.sh sets it: memcheck runs 20-50x slower). */
static double budget(double s)
{
    const char *e = getenv("QUOTH_TIME_SCALE");
    double k = e ? atof(e) : 1.0;
    return s * (k >= 1.0 ? k : 1.0);
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Every quote lies inside its parent and after the previous quote's opening. */
static int well_formed(const doc_t *d)
{
    for (size_t i = 0; i < d->quotes.len; i++) {
        const quote_t *q = &d->quotes.items[i];
        if (span_is_empty(q->span) || q->span.end > d->len || q->open_mark.end > q->span.start)
            return 0;
        if (i && d->quotes.items[i - 1].open_mark.start > q->open_mark.start)
            return 0;
        if (q->parent >= (int32_t)i)
            return 0;
        if (q->parent >= 0) {
            const quote_t *p = &d->quotes.items[q->parent];
            if (q->open_mark.start < p->span.start || q->span.end > p->span.end)
                return 0;
        }
    }
    return 1;
}

static int max_depth(const doc_t *d)
{
    int best = 0;
    for (size_t i = 0; i < d->quotes.len; i++) {
        int depth = 1;
        for (int32_t p = d->quotes.items[i].parent; p >= 0; p = d->quotes.items[p].parent)
            depth++;
        if (depth > best)
            best = depth;
    }
    return best;
}

static void test_hostile(void)
{
    /* 10 000 nested quotes: “‘“‘ … x … ’”’”. */
    size_t depth = 10000, n = 0;
    char *s = xmalloc(depth * 6 + 2);
    for (size_t i = 0; i < depth; i++)
        n += (size_t)sprintf(s + n, "%s", i % 2 ? "‘" : "“");
    s[n++] = 'x';
    for (size_t i = depth; i-- > 0;)
        n += (size_t)sprintf(s + n, "%s", i % 2 ? "’" : "”");
    double t0 = seconds();
    doc_t *d = doc_new(s, (uint32_t)n, "nested");
    quotes_find(d);
    double dt = seconds() - t0;
    ok(d->quotes.len > 0 && d->quotes.len <= QUOTES_MAX_DEPTH, "10 000 nested: %zu quotes kept",
       d->quotes.len);
    ok(max_depth(d) <= QUOTES_MAX_DEPTH, "10 000 nested: depth bounded (%d)", max_depth(d));
    ok(well_formed(d), "10 000 nested: quotes properly nested");
    ok(doc_quote_at(d, (uint32_t)(strchr(d->text, 'x') - d->text)) >= 0, "quote_at inside the nesting");
    ok(dt < budget(1.0), "10 000 nested in %.3f s", dt);
    doc_free(d);

    /* 100 000 unbalanced marks of every kind in one paragraph, then text. */
    static const char *const kinds[] = {"“", "”", "\"", "'", "‘", "’", "«", "»", "„", "「", "』", "‹"};
    size_t count = 100000;
    s = xmalloc(count * 5 + 64);
    n = 0;
    for (size_t i = 0; i < count; i++) {
        const char *k = kinds[(i * 7 + i / 3) % 12];
        n += (size_t)sprintf(s + n, "%s%s", k, i % 3 ? "" : "a ");
    }
    n += (size_t)sprintf(s + n, "\n\nAfter “this” one.");
    t0 = seconds();
    d = doc_new(s, (uint32_t)n, "unbalanced");
    quotes_find(d);
    dt = seconds() - t0;
    ok(well_formed(d), "100 000 unbalanced: well formed (%zu quotes)", d->quotes.len);
    ok(max_depth(d) <= QUOTES_MAX_DEPTH, "100 000 unbalanced: depth bounded");
    char *last = d->quotes.len ? doc_quote_text(d, &vec_last(&d->quotes)) : xstrdup("");
    is_str(last, "this", "the next paragraph is still read correctly");
    free(last);
    ok(dt < budget(1.0), "100 000 unbalanced in %.3f s", dt);
    doc_free(d);

    /* 100 000 openers each alone in a paragraph: none swallows the others. */
    count = 100000;
    s = xmalloc(count * 8 + 1);
    n = 0;
    for (size_t i = 0; i < count; i++)
        n += (size_t)sprintf(s + n, "“ab\n\n");
    t0 = seconds();
    d = doc_new(s, (uint32_t)n, "openers");
    quotes_find(d);
    dt = seconds() - t0;
    is_int(d->quotes.len, 1, "openers in every paragraph: one multi-paragraph quote");
    ok(d->quotes.items[0].flags == (QUOTE_UNCLOSED | QUOTE_MULTIPARA), "unclosed multi-paragraph");
    ok(dt < budget(1.0), "100 000 paragraphs in %.3f s", dt);
    doc_free(d);
}

static void test_mark_len(void)
{
    is_int(quotes_mark_len("“x", 4), 3, "mark_len of “");
    is_int(quotes_mark_len("\"x", 2), 1, "mark_len of \"");
    is_int(quotes_mark_len("«x", 3), 2, "mark_len of «");
    is_int(quotes_mark_len("x“", 4), 0, "mark_len of a letter");
    is_int(quotes_mark_len("“", 2), 0, "mark_len of a truncated mark");
    is_int(quotes_mark_len("", 0), 0, "mark_len of nothing");
}

int main(void)
{
    test_styles();
    test_nesting();
    test_apostrophes();
    test_straight_context();
    test_multipara();
    test_hostile();
    test_mark_len();
    return tap_done();
}
