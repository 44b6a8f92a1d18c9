/* dq_words.h - for tests: whether a data-quality entry's reason reads as expected in the
 * glossary's English (the words the data-quality CSV writes), printing both when not. */
#ifndef TEST_DQ_WORDS_H
#define TEST_DQ_WORDS_H

#include <glib.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "../../src/render/labels.h"

static inline bool dq_says(tna_dq_reason reason, tna_dq_text bad, const char *detail,
                           const char *want)
{
    char *got = tna_dq_words(reason, bad, detail, false, TNA_LANG_EN);
    bool same = strcmp(got, want) == 0;
    if (!same)
        fprintf(stderr, "  reason: \"%s\", expected \"%s\"\n", got, want);
    g_free(got);
    return same;
}

/* e: a tna_dq_entry or tna_dq_count */
#define DQ_SAYS(e, want) dq_says((e).reason, (e).bad, (e).detail, want)

/* Two entries with the same reason (code, text kind, detail). */
#define DQ_SAME_REASON(x, y)                                                                       \
    ((x).reason == (y).reason && (x).bad == (y).bad && strcmp((x).detail, (y).detail) == 0)

#endif
