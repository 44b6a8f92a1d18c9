/*
 * barriers.c - the share of respondents citing each barrier, by authority and for all
 * authorities (current period). Barriers are the model's reference list (barriers.yaml);
 * every one anybody cited is reported, `other` included, and never a typed text: an option
 * that matched no barrier was counted as `other` by ingest.
 *
 * tna_barriers_tally counts, per authority, who answered and who cited each barrier; the
 * all-authorities figures are their sums. The base of every share is the respondents who
 * answered the barriers question (person.barriers_at); a respondent citing several barriers
 * counts once in each.
 * Privacy: an authority whose base is under min_group_size is hidden for every barrier, and
 * since for each barrier the all-authorities figures are the sums of the authorities'
 * (respondents and citing alike) and the hidden set is the same for every barrier, one
 * relation over the authorities' bases decides the secondary suppression: tna_protect_parts
 * and tna_protect_range until nothing changes. The total is hidden only when it is itself
 * under the threshold (then so is every authority) or when no authority is left to hide, so
 * a hidden total never has all its parts shown.
 */
#include <glib.h>

#include "people.h"

void tna_barriers_tally(const tna_model *m, const people *pp, period_tallies *t)
{
    size_t nb = m->n_barriers;
    for (size_t i = 0; i < pp->n; i++) {
        const person *who = &pp->p[i];
        if (who->barriers_at == PERSON_NONE)
            continue;
        uint64_t cited = person_barriers(pp, who);
        t->barrier_base[who->authority]++;
        for (size_t b = 0; b < nb && b < TNA_MAX_BARRIERS; b++)
            if (cited >> b & 1)
                t->barrier_citing[(size_t)who->authority * nb + b]++;
    }
}

void tna_planning_barriers(const analysis_ctx *a)
{
    const tna_model *m = a->model;
    const period_tallies *t = &a->tallies->periods[a->n_periods - 1];
    size_t na = m->n_authorities, nb = m->n_barriers;
    int64_t k = a->results->min_group_size;

    /* citing[a * (nb + 1) + b]; respondents per authority; index na: all authorities. */
    int64_t *base = g_new0(int64_t, na + 2);
    int64_t *citing = g_new0(int64_t, (na + 1) * (nb + 1) + 1);
    for (size_t i = 0; i < na; i++) {
        base[i] = t->barrier_base[i];
        base[na] += base[i];
        for (size_t b = 0; b < nb; b++) {
            citing[i * (nb + 1) + b] = t->barrier_citing[i * nb + b];
            citing[na * (nb + 1) + b] += t->barrier_citing[i * nb + b];
        }
    }

    bool *hide = g_new0(bool, na + 2);
    for (size_t i = 0; i < na; i++)
        hide[i] = base[i] > 0 && base[i] < k;
    hide[na] = base[na] < k;
    while (tna_protect_parts(base, hide, na, &hide[na]) ||
           tna_protect_range(base, hide, na, base[na], k, &hide[na]))
        ;

    GArray *rows = g_array_new(FALSE, FALSE, sizeof(tna_barrier_share));
    for (size_t b = 0; b < nb; b++) {
        if (citing[na * (nb + 1) + b] == 0)
            continue; /* nobody cited it */
        for (size_t step = 0; step <= na; step++) { /* all authorities, then each */
            size_t i = step == 0 ? na : step - 1;
            if (base[i] == 0)
                continue;
            tna_barrier_share s = {.barrier = (uint32_t)b,
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
    g_free(hide);
    g_free(citing);
    g_free(base);
}
