/* vec.h — growable arrays: VEC(T) declares { T *items; size_t len, cap; }.
 *   VEC(quote_t) quotes = {0};  vec_push(&quotes, q);  vec_free(&quotes);
 * Growth goes through xgrow() (called only when full), so pushes never fail. */
#ifndef QUOTH_VEC_H
#define QUOTH_VEC_H
#include "engine/xalloc.h"
#include <stdlib.h>

#define VEC(T) struct { T *items; size_t len, cap; }

/* The capacity check is inline: most pushes only compare and store. */
#define vec_reserve(v, n) \
    ((void)((n) <= (v)->cap || \
            ((v)->items = xgrow((v)->items, &(v)->cap, (n), sizeof *(v)->items), 0)))
#define vec_push(v, ...) \
    (vec_reserve((v), (v)->len + 1), (v)->items[(v)->len++] = (__VA_ARGS__))
#define vec_last(v) ((v)->items[(v)->len - 1])
#define vec_free(v) (free((v)->items), (v)->items = NULL, (v)->len = (v)->cap = 0)

#endif
