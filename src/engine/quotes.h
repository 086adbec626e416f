/* quotes.h — quotation marks paired into quotes (DESIGN.md "quotes").
 * Styles: “ ” " " ‘ ’ ' ' « » » « „ “ ‚ ‘ 「 」 『 』, nested; apostrophes
 * (don’t, Europe’s, the ’90s) are not marks; a paragraph that ends inside a
 * quote and a next paragraph that opens with a mark continue it (newswire);
 * an unclosed mark ends at its paragraph's end, never swallowing the article.
 * Fills doc->quotes in text order with speaker -1 and empty source and cue. */
#ifndef QUOTH_QUOTES_H
#define QUOTH_QUOTES_H
#include "engine/doc.h"

void quotes_find(doc_t *doc);

#endif
