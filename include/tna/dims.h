/*
 * dims.h - which group of a grouping set to look up (tna_results_find, analysis.h).
 *
 * Each field of a tna_dims names one value of a dimension, and a field left out of the
 * initialiser means "all" (TNA_NONE). A field holds index + 1 so that a left-out field
 * (zero) is "all"; write it with tna_is(), which also takes TNA_NONE:
 *
 *     tna_results_find(f, TNA_SET_AUTHORITY_TOPIC,
 *                      (tna_dims){.authority = tna_is(a), .topic = tna_is(t)});
 *     tna_results_find(f, TNA_SET_ALL, TNA_DIMS_ALL);
 *
 * Each field is a struct, so `.authority = a` (which would be off by one) does not compile
 * (-Werror=missing-braces). Header only; nothing to free.
 */
#ifndef TNA_DIMS_H
#define TNA_DIMS_H

#include <stdint.h>

typedef struct tna_dim {
    uint32_t plus_one; /* 0: all */
} tna_dim;

typedef struct tna_dims {
    tna_dim authority, region, role, framework, topic, skill;
} tna_dims;

#define TNA_DIMS_ALL ((tna_dims){{0}, {0}, {0}, {0}, {0}, {0}})

static inline tna_dim tna_is(uint32_t index)
{
    return (tna_dim){index + 1}; /* TNA_NONE (UINT32_MAX) + 1 wraps to 0: all */
}

#endif
