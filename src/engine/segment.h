/* segment.h — paragraphs into sentences and tokens (DESIGN.md "segment").
 * Works one paragraph at a time so memory stays proportional to the largest
 * paragraph, not the article. Sentence ends are abbreviation-aware (Dr., Gen.,
 * U.S., Jan.; the list is lexicon/abbreviations.txt) and a quote mark after
 * the final stop belongs to the sentence it closes. */
#ifndef QUOTH_SEGMENT_H
#define QUOTH_SEGMENT_H
#include "engine/doc.h"
#include <string.h>

typedef enum {
    TOK_WORD,       /* letters, digits, inner apostrophes and hyphens: don't, Europe's, Jean-Luc */
    TOK_NUMBER,     /* starts with a digit: 2026, 28, 3.5, 1,200 */
    TOK_PUNCT,      /* one punctuation character, quote marks included */
} token_kind_t;

enum token_flags {
    TOKF_UPPER = 1 << 0,        /* first letter is upper case (or titlecase) */
    TOKF_ALLCAPS = 1 << 1,      /* two or more letters, all upper case: NATO */
    TOKF_SENT_START = 1 << 2,   /* first word of a sentence */
    TOKF_QUOTE_MARK = 1 << 3,   /* a quotation mark character (or apostrophe used as one) */
    TOKF_IN_QUOTE = 1 << 4,     /* inside some quote of doc->quotes */
    TOKF_SPACE_BEFORE = 1 << 5, /* white space precedes the token */
};

typedef struct {
    uint32_t start, end;        /* bytes into doc->text */
    uint16_t kind;              /* token_kind_t */
    uint16_t flags;             /* enum token_flags */
} token_t;

typedef struct {
    uint32_t first, count;      /* token range within the paragraph's tokens */
} sentence_t;

typedef struct {
    VEC(token_t) tokens;
    VEC(sentence_t) sentences;
    size_t qfirst;              /* first quote of doc->quotes opening at or after the
                                 * paragraph's start (also the cursor for the next call) */
    /* segment_paragraph's working arrays, kept to save allocations per paragraph */
    struct seg_qmarks { struct seg_qmark *items; size_t len, cap; } marks;
    VEC(uint32_t) stops;
    VEC(uint32_t) quoted;       /* the token runs given TOKF_IN_QUOTE (first, end
                                 * pairs), kept for segment_record; replayed too,
                                 * for attrib to skip them */
    VEC(uint8_t) codes;         /* the tokens in the cache's form, for segment_record */
} segment_t;

/* Splits doc->text[para] into tokens and sentences, replacing seg's contents
 * (its arrays are reused between calls). The sentences cover the tokens in
 * order, without gaps. TOKF_IN_QUOTE is set from doc->quotes. */
void segment_paragraph(const doc_t *doc, span_t para, segment_t *seg);
void segment_free(segment_t *seg);

/* Segmented paragraphs recorded by one pass and replayed, in the same order,
 * by a later one (entities, then attribution), so the text is tokenized once.
 * About 1 byte a token (class and length; the gap before a token is implied
 * by its flags, TOKF_IN_QUOTE is stored per run of tokens and TOKF_SENT_START
 * set again on replay), where token_t arrays for the whole text would be 12
 * bytes a token. */
typedef struct {
    VEC(uint8_t) bytes;
    size_t pos;                 /* replay cursor */
} seg_cache_t;

/* Appends seg, a segmentation made by segment_paragraph, to cache (its
 * tokens' codes count from the paragraph's start: the paragraph is implied). */
void segment_record(seg_cache_t *cache, const segment_t *seg);
/* Fills seg as segment_paragraph(doc, para, seg) would, from the next
 * paragraph recorded in cache (which must be para). */
void segment_replay(seg_cache_t *cache, const doc_t *doc, span_t para, segment_t *seg);
void segment_cache_free(seg_cache_t *cache);

/* Token helpers shared by the analysis stages. */
static inline const char *tok_str(const doc_t *doc, const token_t *t) { return doc->text + t->start; }
static inline size_t tok_len(const token_t *t) { return t->end - t->start; }
/* The token's text equals word, ignoring ASCII case. */
static inline bool tok_eq(const doc_t *doc, const token_t *t, const char *word)
{
    size_t n = t->end - t->start;
    /* most callers pass a literal: its length, folded at compile time, rules
     * out most tokens unread (a computed word is not measured: a strlen call) */
    if (__builtin_constant_p(strlen(word)) && n != strlen(word))
        return false;
    const char *s = doc->text + t->start;
    for (size_t i = 0; i < n; i++) {
        char c = s[i], w = word[i];
        if (w == '\0' || (c != w && (c | 32) != w))
            return false;
    }
    return word[n] == '\0';
}
/* A punctuation token that is exactly the character c. */
static inline bool tok_is_char(const doc_t *doc, const token_t *t, char c)
{
    return t->kind == TOK_PUNCT && t->end == t->start + 1 && doc->text[t->start] == c;
}

#endif
