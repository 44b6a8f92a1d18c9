/*
 * barriers.c - the share of respondents citing each barrier, by authority and for all
 * authorities (current period).
 *
 * The base of every share is the respondents who answered the barriers question
 * (person.barriers_answered); a respondent citing several barriers counts once in each.
 * Privacy: an authority whose base is under min_group_size is hidden for every barrier, and
 * since for each barrier the all-authorities figures are the sums of the authorities'
 * (respondents and citing alike) and the hidden set is the same for every barrier, one
 * relation over the authorities' bases decides the secondary suppression: protect_parts
 * until nothing changes. The total is hidden only when it is itself under the threshold
 * (then so is every authority) or when no authority is left to hide, so a hidden total
 * never has all its parts shown.
 *
 * A barrier cited by fewer than min_group_size respondents across all authorities is not
 * reported at all: survey tools append "Other (please specify)" answers to the multi-select
 * as free text, and a phrase only one or two people wrote could identify them. The common,
 * listed barriers are what commissioning needs. Only the names of the barriers reported
 * are copied into the results (planning.barrier_names), so no renderer can print another.
 */
#include <glib.h>

#include "analysis_internal.h"

void planning_barriers(const analysis_ctx *a)
{
    const tna_model *m = a->model;
    const tna_dataset *ds = a->dataset;
    const people *pp = &a->people[a->n_periods - 1];
    size_t na = m->n_authorities, nb = ds->n_barriers;
    int64_t k = a->results->min_group_size;

    /* citing[a * (nb + 1) + b]; respondents per authority; index na: all authorities. */
    int64_t *base = g_new0(int64_t, na + 2);
    int64_t *citing = g_new0(int64_t, (na + 1) * (nb + 1) + 1);
    for (size_t i = 0; i < pp->n; i++) {
        const person *who = &pp->p[i];
        if (!who->barriers_answered)
            continue;
        base[who->authority]++;
        base[na]++;
        for (size_t b = 0; b < nb && b < TNA_MAX_BARRIERS; b++)
            if (who->barriers >> b & 1) {
                citing[(size_t)who->authority * (nb + 1) + b]++;
                citing[na * (nb + 1) + b]++;
            }
    }

    bool *hide = g_new0(bool, na + 2);
    for (size_t i = 0; i < na; i++)
        hide[i] = base[i] > 0 && base[i] < k;
    hide[na] = base[na] < k;
    while (protect_parts(base, hide, na, &hide[na]))
        ;

    GArray *rows = g_array_new(FALSE, FALSE, sizeof(tna_barrier_share));
    GPtrArray *names = g_ptr_array_new();
    for (size_t b = 0; b < nb; b++) {
        if (citing[na * (nb + 1) + b] < k)
            continue; /* rare, possibly free text: see the top of the file */
        /* a reported barrier's name is copied into the results; the others never leave */
        uint32_t reported = names->len;
        g_ptr_array_add(names, g_string_chunk_insert_const(a->results->strings, ds->barriers[b]));
        for (size_t step = 0; step <= na; step++) { /* all authorities, then each */
            size_t i = step == 0 ? na : step - 1;
            if (base[i] == 0)
                continue;
            tna_barrier_share s = {.barrier = reported,
                                   .authority = i == na ? TNA_NONE : (uint32_t)i,
                                   .hidden = tna_hidden_code(hide[i], base[i], k)};
            if (!s.hidden) {
                s.respondents = base[i];
                s.citing = citing[i * (nb + 1) + b];
                s.share = (double)s.citing / (double)s.respondents;
            }
            g_array_append_val(rows, s);
        }
    }
    a->results->planning.n_barriers = rows->len;
    a->results->planning.barriers = (tna_barrier_share *)g_array_free(rows, FALSE);
    a->results->planning.n_barrier_names = names->len;
    a->results->planning.barrier_names = (const char **)g_ptr_array_free(names, FALSE);
    g_free(hide);
    g_free(citing);
    g_free(base);
}
