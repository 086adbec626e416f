/* quotes.h — quotation marks paired into quotes (DESIGN.md "quotes").
 * Styles: “ ” " " ‘ ’ ' ' « » » « „ “ ‚ ‘ 「 」 『 』 ‹ ›, nested; apostrophes
 * (don’t, Europe’s, the ’90s) are not marks; a paragraph that ends inside a
 * quote and a next paragraph that opens with a mark continue it (newswire);
 * an unclosed mark ends at its paragraph's end, never swallowing the article.
 * Fills doc->quotes in text order with speaker -1 and empty source and cue.
 * Quotes nest properly (a nested quote lies inside its parent's marks) and
 * none is empty. Linear time; memory proportional to the marks of the
 * largest paragraph. */
#ifndef QUOTH_QUOTES_H
#define QUOTH_QUOTES_H
#include "engine/doc.h"

/* Deepest nesting kept; an opening mark beyond it is treated as text, so
 * hostile input cannot make the stack (or anything that walks parents) grow. */
#define QUOTES_MAX_DEPTH 64

void quotes_find(doc_t *doc);

/* Byte length of the quotation mark at s (n bytes available), or 0 if s does
 * not start with one. doc_quote_text uses it to skip the mark that re-opens a
 * multi-paragraph quote. */
size_t quotes_mark_len(const char *s, size_t n);

#endif
