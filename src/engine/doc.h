/* doc.h — the document model (DESIGN.md "doc model").
 *
 * The engine fills a doc_t; the UI, the CLI and the notes store only read it.
 * Every span is a pair of BYTE offsets into doc->text (valid UTF-8, LF line
 * ends, NUL-terminated), end exclusive. doc_cp_offset() converts a byte offset
 * to the code point offset of the JSON contract in O(1) time.
 * Arrays are in text order: paragraphs, quotes (by opening mark; an enclosing
 * quote before the quotes nested in it), mentions (by start). */
#ifndef QUOTH_DOC_H
#define QUOTH_DOC_H
#include "engine/vec.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Texts are limited to 2^32-1 bytes; ingest refuses larger input. */
typedef struct { uint32_t start, end; } span_t;
#define SPAN_NONE ((span_t){0, 0})
static inline bool span_is_empty(span_t s) { return s.end <= s.start; }
static inline uint32_t span_len(span_t s) { return s.end > s.start ? s.end - s.start : 0; }

typedef enum { ENT_PERSON, ENT_ORGANIZATION, ENT_PLACE, ENT_DATE, ENT_TYPE_COUNT } entity_type_t;
typedef enum { GENDER_UNKNOWN, GENDER_FEMALE, GENDER_MALE, GENDER_PLURAL } gender_t;
/* A mention names the entity (NAME), refers to it (PRONOUN: "she"), or
 * describes it (ROLE: "the minister"). Only NAME mentions are listed in the
 * JSON entity "mentions"; any kind can be a quote's source. */
typedef enum { MENTION_NAME, MENTION_PRONOUN, MENTION_ROLE } mention_kind_t;

typedef struct {
    span_t span;
    uint32_t entity;            /* index into doc->entities */
    mention_kind_t kind;
} mention_t;

typedef struct {
    char *name;                 /* canonical: the fullest form in the text, no title */
    entity_type_t type;
    gender_t gender;            /* people only */
    uint32_t nquotes;           /* quotes attributed to it */
    uint32_t nmentions;         /* NAME mentions */
} entity_t;

enum quote_flags {
    QUOTE_UNCLOSED = 1 << 0,    /* no closing mark was found; ends at paragraph end */
    QUOTE_MULTIPARA = 1 << 1,   /* newswire style: runs over several paragraphs */
};

typedef struct {
    span_t span;                /* between the marks; over paragraphs for MULTIPARA */
    span_t open_mark, close_mark; /* close_mark empty when QUOTE_UNCLOSED */
    int32_t speaker;            /* entity index, -1 when nobody speaks */
    span_t source;              /* mention naming the speaker ("she", "Rutte"), or empty */
    span_t cue;                 /* the speech verb ("said", "according to"), or empty */
    int32_t parent;             /* enclosing quote, -1 at top level */
    uint32_t paragraph;         /* paragraph of the opening mark */
    unsigned flags;             /* enum quote_flags */
} quote_t;

typedef struct doc {
    char *text;                 /* owned; valid UTF-8, NUL-terminated */
    uint32_t len;               /* bytes, without the NUL */
    char *source_name;          /* the path, or "-" for stdin */
    char date[11];              /* "YYYY-MM-DD" from a leading `date` header, or "" */
    span_t date_span;           /* where that date stands in text */
    VEC(span_t) paragraphs;     /* runs of lines between blank lines (each line on its
                                   own when its run has a line over 150 bytes), trimmed */
    VEC(quote_t) quotes;
    VEC(entity_t) entities;
    VEC(mention_t) mentions;
    VEC(uint32_t) cp_blocks;    /* code points before each 128-byte block */
} doc_t;

/* Takes ownership of text (valid UTF-8 of len bytes plus a NUL). Fills text,
 * len, source_name, the offset index, paragraphs (runs of lines between blank
 * lines; text with one paragraph a line, recognised by lines longer than
 * anyone wraps, gives one paragraph a line) and a leading "date YYYY-MM-DD"
 * header (doc->date, doc->date_span, which may share its line with the first
 * paragraph, after optional spaces); the rest is empty. */
doc_t *doc_new(char *text, uint32_t len, const char *source_name);
void doc_free(doc_t *doc);

/* Code point offset of a byte offset (which must be on a character boundary):
 * an index entry and 64 bytes counted, so offsets in any order cost the same. */
size_t doc_cp_offset(const doc_t *doc, uint32_t byte);

/* The text of a quote as the JSON contract gives it: what stands between the
 * marks; a multi-paragraph quote's parts joined by one "\n" (the blank line and
 * the opening mark that restarts each paragraph are left out). Caller frees. */
char *doc_quote_text(const doc_t *doc, const quote_t *q);
/* Part k (from 0) of quote q's text in *part: the whole span for a quote in one
 * paragraph; for a multi-paragraph one, its stretch of each paragraph, the mark
 * that re-opens a later paragraph left out. False when there is no part k. */
bool doc_quote_part(const doc_t *doc, const quote_t *q, size_t k, span_t *part);

/* Index of the paragraph / innermost quote containing byte, or -1. O(log n). */
int doc_paragraph_at(const doc_t *doc, uint32_t byte);
int doc_quote_at(const doc_t *doc, uint32_t byte);
/* The bytes a quote covers, its marks included. */
span_t doc_quote_extent(const quote_t *q);
/* How many quotes open before byte: the index of the first quote whose
 * opening mark is at or after it (quotes are sorted by opening mark). */
size_t doc_quotes_before(const doc_t *doc, uint32_t byte);

/* The entity that name denotes: its canonical name or any of its NAME
 * mentions, compared without regard to case. -1 when none. */
int doc_entity_by_alias(const doc_t *doc, const char *name);

/* Type names of the JSON contract: "person", "organization", "place", "date". */
const char *entity_type_name(entity_type_t t);

#endif
