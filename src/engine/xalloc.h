/* xalloc.h — allocation that cannot fail: on exhaustion the program prints one
 * line and exits with EXIT_FAILURE_, so no caller checks for NULL. */
#ifndef QUOTH_XALLOC_H
#define QUOTH_XALLOC_H
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows an array of nmemb elements of size bytes to hold at least need; returns it
 * and updates *cap. Overflow-checked. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Blocks of XLARGE_MIN bytes or more from xmalloc, xcalloc and xgrow are
 * asked to be on huge pages, and placed on whole, aligned ones when fresh
 * (see xalloc.c; an array xgrow enlarges from large is moved by realloc);
 * free() takes them back like the rest. */
#define XLARGE_MIN ((size_t)1 << 20)
/* xmalloc of at least *n bytes, setting *n to the usable size (a large block
 * is rounded up to whole huge pages). */
void *xmalloc_large(size_t *n);
/* printf into a fresh allocation. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
