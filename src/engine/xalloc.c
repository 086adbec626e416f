/* xalloc.c — allocation failures handled once, here. */
#include "config.h"
#include "engine/xalloc.h"
#include "exit_codes.h"
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void *oom(void)
{
    fputs("quoth: out of memory\n", stderr);
    exit(EXIT_FAILURE_);
}

/* A hint: THP may be off, or on everywhere. */
static void hint_huge_pages(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t a = (uintptr_t)p & ~(page - 1), b = ((uintptr_t)p + n + page - 1) & ~(page - 1);
    madvise((void *)a, b - a, MADV_HUGEPAGE);
#else
    (void)p, (void)n;
#endif
}

/* Huge pages back only the 2 MiB-aligned stretches of a mapping, and malloc
 * places a large block anywhere: its first and last stretch, up to 4 MiB,
 * would be faulted in 4 KiB pages, up to 1000 faults. And on a virtual
 * machine a 4 KiB page fault is dear (12 us on the development VM, where
 * zeroing a whole 2 MiB page costs a fraction of a millisecond). So a large
 * block is aligned to 2 MiB and whole huge pages long, with the hint. */
static void *alloc_large(size_t *n)
{
    const size_t huge = (size_t)2 << 20;
    if (*n > SIZE_MAX - huge)
        return oom();
    size_t rounded = (*n + huge - 1) & ~(huge - 1);
    void *p = aligned_alloc(huge, rounded);
    if (!p)
        return oom();
    hint_huge_pages(p, rounded);
    *n = rounded;
    return p;
}

void *xmalloc(size_t n)
{
    if (n >= XLARGE_MIN)
        return alloc_large(&n);
    void *p = malloc(n ? n : 1);
    return p ? p : oom();
}

void *xmalloc_large(size_t *n)
{
    return *n >= XLARGE_MIN ? alloc_large(n) : xmalloc(*n);
}

void *xcalloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return oom();
    size_t bytes = n * size, room = bytes;
    if (bytes >= XLARGE_MIN)
        return memset(alloc_large(&room), 0, bytes);   /* the rounding left untouched */
    void *p = calloc(n ? n : 1, size ? size : 1);
    return p ? p : oom();
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    return p ? p : oom();
}

void *xgrow(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return p;
    size_t c = *cap ? *cap : 8;
    while (c < need) {
        if (c > SIZE_MAX / 2)
            return oom();
        c *= 2;
    }
    if (c > SIZE_MAX / size)
        return oom();
    size_t bytes = c * size, old = *cap * size;
    if (bytes >= XLARGE_MIN && old < XLARGE_MIN) {
        /* a large array from the start, or a small one becoming large: on
         * aligned huge pages, which its capacity fills */
        void *q = alloc_large(&bytes);
        if (p)
            memcpy(q, p, old);
        free(p);
        *cap = bytes / size;
        return q;
    }
    /* A large array grows by realloc, perhaps unaligned: mremap moves it
     * without a copy and without holding both arrays at once. */
    p = xrealloc(p, bytes);
    if (bytes >= XLARGE_MIN)
        hint_huge_pages(p, bytes);
    *cap = c;
    return p;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return oom();
    char *s = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}
