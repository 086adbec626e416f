/* test_segment.c — tokens and sentences of segment_paragraph(). */
#include "config.h"
#include "engine/doc.h"
#include "engine/quotes.h"
#include "engine/segment.h"
#include "engine/xalloc.h"
#include "tap.h"
#include <string.h>
#include <unictype.h>
#include <unistr.h>

static doc_t *load(const char *s)
{
    doc_t *doc = doc_new(xstrdup(s), (uint32_t)strlen(s), "test");
    quotes_find(doc);
    return doc;
}

/* The text of token i, in a static buffer. */
static const char *tok(const doc_t *doc, const segment_t *seg, size_t i)
{
    static char buf[256];
    if (i >= seg->tokens.len)
        return "(none)";
    const token_t *t = &seg->tokens.items[i];
    size_t n = t->end - t->start < sizeof buf - 1 ? t->end - t->start : sizeof buf - 1;
    memcpy(buf, doc->text + t->start, n);
    buf[n] = '\0';
    return buf;
}

/* The text of sentence i. */
static const char *sent(const doc_t *doc, const segment_t *seg, size_t i)
{
    static char buf[512];
    if (i >= seg->sentences.len)
        return "(none)";
    const sentence_t *s = &seg->sentences.items[i];
    uint32_t a = seg->tokens.items[s->first].start;
    uint32_t b = seg->tokens.items[s->first + s->count - 1].end;
    size_t n = b - a < sizeof buf - 1 ? b - a : sizeof buf - 1;
    memcpy(buf, doc->text + a, n);
    buf[n] = '\0';
    return buf;
}

/* How many tokens "x<uc>y" should make, by libunistring's classes (the
 * reference the tokenizer's fast paths for common characters must agree
 * with): one word when uc is a letter, mark or digit, or an inner apostrophe
 * or hyphen; two words around a space; three tokens around punctuation. */
static size_t expected_tokens(ucs4_t uc)
{
    if (uc == 0x2019 || uc == 0x2010 || uc == 0x2011)
        return 1;
    if (uc_is_space(uc) || uc == 0xA0 || uc == 0x202F || uc == 0x2007)
        return 2;
    if (uc_is_alpha(uc) || uc_is_general_category(uc, UC_CATEGORY_M) || uc_is_digit(uc))
        return 1;
    return 3;
}

static void segment_all(const char *text, doc_t **doc, segment_t *seg)
{
    *doc = load(text);
    segment_paragraph(*doc, (*doc)->paragraphs.items[0], seg);
}

int main(void)
{
    segment_t seg = {0};
    doc_t *doc;

    /* words keep inner apostrophes and hyphens; numbers keep their separators */
    segment_all("Europe's long-standing ally didn't pay 1,200.50 euros on 2026-01-28 (3-2).", &doc, &seg);
    is_str(tok(doc, &seg, 0), "Europe's", "possessive stays in the word");
    is_str(tok(doc, &seg, 1), "long-standing", "inner hyphen stays in the word");
    is_str(tok(doc, &seg, 3), "didn't", "contraction is one word");
    is_str(tok(doc, &seg, 5), "1,200.50", "number with separators");
    is_int(seg.tokens.items[5].kind, TOK_NUMBER, "1,200.50 is a number");
    is_str(tok(doc, &seg, 8), "2026-01-28", "ISO date is one number token");
    is_str(tok(doc, &seg, 10), "3-2", "a score is one token");
    is_int(seg.tokens.items[9].kind, TOK_PUNCT, "a bracket is punctuation");
    ok(seg.tokens.items[0].flags & TOKF_UPPER, "Europe's is capitalised");
    ok(!(seg.tokens.items[1].flags & TOKF_UPPER), "long-standing is not");
    ok(seg.tokens.items[0].flags & TOKF_SENT_START, "first word starts the sentence");
    doc_free(doc);

    /* non-ASCII letters, all capitals, titlecase */
    segment_all("ÓLAFUR Sigurðsson met Zoë Brontë-Haas and NATO in Neuchâtel.", &doc, &seg);
    is_str(tok(doc, &seg, 1), "Sigurðsson", "non-ASCII word in one token");
    is_str(tok(doc, &seg, 3), "Zoë", "diaeresis is a letter");
    is_str(tok(doc, &seg, 4), "Brontë-Haas", "hyphenated non-ASCII name");
    ok(seg.tokens.items[0].flags & TOKF_ALLCAPS, "ÓLAFUR is all capitals");
    ok(seg.tokens.items[6].flags & TOKF_ALLCAPS, "NATO is all capitals");
    ok(!(seg.tokens.items[1].flags & TOKF_ALLCAPS), "Sigurðsson is not all capitals");
    ok(seg.tokens.items[8].flags & TOKF_UPPER, "Neuchâtel is capitalised");
    is_int(seg.sentences.len, 1, "one sentence");
    doc_free(doc);

    /* abbreviations and initials do not end sentences */
    segment_all("Dr. Ada Obi met Gen. Ray Cole in the U.S. on Jan. 5. J. R. Okoye left. "
                "He spoke at 3 p.m. today. It rained!", &doc, &seg);
    is_int(seg.sentences.len, 4, "four sentences");
    is_str(sent(doc, &seg, 0), "Dr. Ada Obi met Gen. Ray Cole in the U.S. on Jan. 5.", "Dr. Gen. U.S. Jan. kept inside");
    is_str(sent(doc, &seg, 1), "J. R. Okoye left.", "initials kept inside");
    is_str(sent(doc, &seg, 2), "He spoke at 3 p.m. today.", "a lower-case word after a stop continues");
    is_str(sent(doc, &seg, 3), "It rained!", "exclamation ends a sentence");
    doc_free(doc);

    /* a closing quote mark after the stop stays with its sentence */
    segment_all("“We will win.” She smiled. He said: “Never.” Then he left.", &doc, &seg);
    is_int(seg.sentences.len, 4, "four sentences around quotes");
    is_str(sent(doc, &seg, 0), "“We will win.”", "closing mark after the stop stays");
    is_str(sent(doc, &seg, 2), "He said: “Never.”", "closing mark after a colon quote stays");
    ok(seg.tokens.items[0].flags & TOKF_QUOTE_MARK, "opening mark is a quote mark");
    ok(seg.tokens.items[1].flags & TOKF_IN_QUOTE, "word inside the quote is marked");
    ok(seg.tokens.items[1].flags & TOKF_SENT_START, "first word after the opening mark starts the sentence");
    {
        size_t i = 0;
        while (i < seg.tokens.len && strcmp(tok(doc, &seg, i), "She") != 0)
            i++;
        ok(i < seg.tokens.len && !(seg.tokens.items[i].flags & TOKF_IN_QUOTE), "word after the quote is outside it");
        ok(i < seg.tokens.len && (seg.tokens.items[i].flags & TOKF_SENT_START), "She starts a sentence");
    }
    doc_free(doc);

    /* an apostrophe is not a quote mark; guillemets and straight quotes are */
    segment_all("The ’90s were Europe’s. «Oui», dit-il. \"Yes.\"", &doc, &seg);
    ok(!(seg.tokens.items[1].flags & TOKF_QUOTE_MARK), "’ before 90s is not a quote mark");
    is_str(tok(doc, &seg, 2), "90s", "decade digits with s");
    is_str(tok(doc, &seg, 4), "Europe’s", "curly possessive stays in the word");
    ok(seg.tokens.items[6].flags & TOKF_QUOTE_MARK, "« is a quote mark");
    is_int(seg.sentences.len, 3, "three sentences");
    doc_free(doc);

    /* a joiner that is not ASCII leaves the case to the letters */
    segment_all("NATO’s O’NEILL l’État", &doc, &seg);
    is_int(seg.tokens.len, 3, "three words, apostrophes inside");
    is_int(seg.tokens.items[0].flags & (TOKF_UPPER | TOKF_ALLCAPS), TOKF_UPPER, "NATO’s: upper, not all caps");
    is_int(seg.tokens.items[1].flags & (TOKF_UPPER | TOKF_ALLCAPS), TOKF_UPPER | TOKF_ALLCAPS,
           "O’NEILL: all caps");
    is_int(seg.tokens.items[2].flags & (TOKF_UPPER | TOKF_ALLCAPS), 0, "l’État: lower case first");
    doc_free(doc);

    /* spaces: the flag, and no tokens from white space alone */
    segment_all("a  b\u00a0c", &doc, &seg);
    is_int(seg.tokens.len, 3, "no-break space separates words");
    ok(seg.tokens.items[1].flags & TOKF_SPACE_BEFORE, "space before b");
    doc_free(doc);

    /* tokens are the same wherever they fall in the tokenizer's 63-byte blocks
     * (a first word of 1 to 140 letters shifts the rest through every offset),
     * and a word may run over a block's end */
    {
        static const char phrase[] = " NATO’s  A-B said: 3.5, 1,200 Ab AB 12ab don't Éa x\ty “Q” 9- «Oui» „Ja“‘b";
        segment_t ref = {0};
        doc_t *rdoc;
        segment_all(phrase + 1, &rdoc, &ref);
        size_t bad = 0, first_bad = 0;
        for (size_t k = 1; k <= 140; k++) {
            char text[256];
            memset(text, 'w', k);
            memcpy(text + k, phrase, sizeof phrase);
            segment_all(text, &doc, &seg);
            bool same = seg.tokens.len == ref.tokens.len + 1 && tok_len(&seg.tokens.items[0]) == k;
            for (size_t i = 0; same && i < ref.tokens.len; i++) {
                const token_t *a = &ref.tokens.items[i], *b = &seg.tokens.items[i + 1];
                /* the phrase's first word starts a paragraph, then a sentence */
                uint16_t mask = i == 0 ? (uint16_t)~(TOKF_SENT_START | TOKF_SPACE_BEFORE) : 0xFFFF;
                same = tok_len(a) == tok_len(b) && a->kind == b->kind &&
                       (a->flags & mask) == (b->flags & mask) &&
                       memcmp(tok_str(rdoc, a), tok_str(doc, b), tok_len(a)) == 0;
            }
            if (!same && bad++ == 0)
                first_bad = k;
            doc_free(doc);
        }
        ok(ref.tokens.len == 27, "the phrase has 27 tokens (%zu)", ref.tokens.len);
        is_int(bad, 0, "tokens alike at every offset (first unlike: %zu letters before)", first_bad);
        segment_free(&ref);
        doc_free(rdoc);
    }

    /* the cache replays every paragraph exactly as segment_paragraph gives it:
     * long gaps and long words (multi-byte varints), quotes over paragraphs,
     * a paragraph of no-break spaces only (no tokens) */
    {
        char text[4096];
        char pad[300], word[200];
        memset(pad, ' ', sizeof pad - 1);
        pad[sizeof pad - 1] = '\0';
        memset(word, 'x', sizeof word - 1);
        word[sizeof word - 1] = '\0';
        snprintf(text, sizeof text,
                 "“It starts here. Dr. Okoye agreed,” she said.\n\n"
                 "“And runs on.\n\n“Until here,” said Kaja Kallas.%sFar%sword.\n\n"
                 "\u00a0\u00a0\n\nThe ’90s were Europe’s. «Oui», dit-il. \"Yes.\"",
                 pad, word);
        doc = load(text);
        seg_cache_t cache = {0};
        segment_t a = {0}, b = {0};
        for (size_t p = 0; p < doc->paragraphs.len; p++) {
            segment_paragraph(doc, doc->paragraphs.items[p], &a);
            segment_record(&cache, &a);
        }
        a.qfirst = 0;
        bool same = doc->paragraphs.len >= 4;
        size_t ntok = 0;
        for (size_t p = 0; p < doc->paragraphs.len; p++) {
            segment_paragraph(doc, doc->paragraphs.items[p], &a);
            segment_replay(&cache, doc, doc->paragraphs.items[p], &b);
            ntok += a.tokens.len;
            same = same && a.tokens.len == b.tokens.len && a.sentences.len == b.sentences.len &&
                   a.qfirst == b.qfirst &&
                   memcmp(a.tokens.items, b.tokens.items, a.tokens.len * sizeof *a.tokens.items) == 0 &&
                   memcmp(a.sentences.items, b.sentences.items,
                          a.sentences.len * sizeof *a.sentences.items) == 0;
        }
        ok(same && ntok > 30, "the cache replays %zu tokens of %zu paragraphs exactly", ntok,
           doc->paragraphs.len);
        is_int(cache.pos, cache.bytes.len, "the replay reads the whole cache");
        ok(cache.bytes.len < ntok * 4, "the cache is compact (%zu bytes for %zu tokens)",
           cache.bytes.len, ntok);
        segment_cache_free(&cache);
        segment_free(&a);
        segment_free(&b);
        doc_free(doc);
    }

    /* every character of Latin-1, Latin Extended, General Punctuation and CJK
     * punctuation is classified as libunistring classifies it */
    {
        static const ucs4_t ranges[][2] = {{0x80, 0x2FF}, {0x2000, 0x206F}, {0x3000, 0x303F}};
        size_t checked = 0, wrong = 0;
        ucs4_t first_wrong = 0;
        for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
            for (ucs4_t uc = ranges[r][0]; uc <= ranges[r][1]; uc++) {
                char text[8] = "x";
                int n = u8_uctomb((uint8_t *)text + 1, uc, 4);
                if (n <= 0)
                    continue;
                text[1 + n] = 'y';
                text[2 + n] = '\0';
                segment_all(text, &doc, &seg);
                if (seg.tokens.len != expected_tokens(uc) && wrong++ == 0)
                    first_wrong = uc;
                checked++;
                doc_free(doc);
            }
        is_int(wrong, 0, "%zu characters classified as libunistring does (first wrong: U+%04X)",
               checked, (unsigned)first_wrong);
    }

    segment_free(&seg);
    return tap_done();
}
