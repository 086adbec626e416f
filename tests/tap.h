/* tap.h — a minimal TAP producer for the C unit tests (Automake's TAP driver
 * reads it). Header-only, one file per test program:
 *   ok(cond, "name %d", i);  is_int(got, want, "name");  is_str(got, want, "name");
 *   return tap_done();       // prints the plan, exits non-zero on any failure */
#ifndef QUOTH_TAP_H
#define QUOTH_TAP_H
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_run_, tap_failed_;

__attribute__((format(printf, 2, 3), unused))
static int ok(int cond, const char *fmt, ...)
{
    va_list ap;
    printf("%s %d - ", cond ? "ok" : "not ok", ++tap_run_);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    if (!cond)
        tap_failed_++;
    fflush(stdout);
    return cond;
}

#define is_int(got, want, ...) do { \
        long long g_ = (long long)(got), w_ = (long long)(want); \
        if (!ok(g_ == w_, __VA_ARGS__)) \
            printf("#   got %lld, want %lld (%s:%d)\n", g_, w_, __FILE__, __LINE__); \
    } while (0)

#define is_str(got, want, ...) do { \
        const char *g_ = (got), *w_ = (want); \
        int same_ = (g_ && w_) ? strcmp(g_, w_) == 0 : g_ == w_; \
        if (!ok(same_, __VA_ARGS__)) \
            printf("#   got \"%s\", want \"%s\" (%s:%d)\n", g_ ? g_ : "(null)", \
                   w_ ? w_ : "(null)", __FILE__, __LINE__); \
    } while (0)

__attribute__((unused))
static int tap_done(void)
{
    printf("1..%d\n", tap_run_);
    return tap_failed_ ? 1 : 0;
}

#endif
