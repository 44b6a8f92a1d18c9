/*
 * raters.c - where a person and their manager both rated a skill, the mean self-minus-
 * manager difference (current period), per topic x authority, per topic, per authority and
 * overall.
 *
 * A pair is one skill with both a self-assessment and a manager's rating (the latest of
 * each, whatever the rater policy made of them for the gaps); targets play no part. A
 * cell's respondents are the people with at least one pair in it.
 *
 * Privacy: a cell with fewer than min_group_size respondents is hidden. The cells are
 * related four ways, all "total = sum of parts" for pairs and differences (and for
 * respondents across authorities): each topic over its authorities, each authority over
 * its topics, all authorities over the authorities and all topics over the topics. Each
 * relation is protected both ways (a shown total with exactly one hidden part hides one
 * more part, a hidden total with every part shown hides its smallest part), and across
 * authorities the hidden parts' range is kept (tna_protect_range), until nothing changes.
 */
#include <glib.h>
#include <string.h>

#include "people.h"

typedef rater_cell cell;

/* One relation whose parts are the cells first, first + stride, ... (count of them) and
 * whose total is cell `total`; `split` when the parts split the total's people (authorities,
 * not topics), so that the hidden parts' range is kept too. */
static bool protect_strided(const cell *cells, bool *hide, size_t first, size_t stride,
                            size_t count, size_t total, bool split, int64_t k, int64_t *n,
                            bool *h)
{
    for (size_t i = 0; i < count; i++) {
        n[i] = cells[first + i * stride].respondents;
        h[i] = hide[first + i * stride];
    }
    bool changed = tna_protect_parts(n, h, count, &hide[total]) ||
                   (split && tna_protect_range(n, h, count, cells[total].respondents, k,
                                               &hide[total]));
    for (size_t i = 0; i < count; i++)
        hide[first + i * stride] = h[i];
    return changed;
}

/* cells[t * na + a] (t == nt: every topic) of the people of one period. */
void tna_raters_tally(const tna_model *m, const people *pp, period_tallies *out)
{
    if (pp->self_level == NULL || pp->mgr_level == NULL)
        return;
    size_t na = m->n_authorities, nt = m->n_topics, ns = m->n_skills;
    cell *cells = out->raters = g_new0(cell, (nt + 1) * na + 1);
    int64_t *pairs = g_new(int64_t, 2 * (nt + 1));
    int64_t *diff = pairs + nt + 1;
    for (size_t i = 0; i < pp->n; i++) {
        const uint8_t *self = pp->self_level + i * ns, *mgr = pp->mgr_level + i * ns;
        uint32_t au = pp->p[i].authority;
        memset(pairs, 0, sizeof(int64_t) * 2 * (nt + 1));
        for (size_t s = 0; s < ns; s++) {
            if (self[s] == TNA_LEVEL_NONE || mgr[s] == TNA_LEVEL_NONE)
                continue;
            uint32_t t = m->skills[s].topic;
            pairs[t]++, pairs[nt]++;
            diff[t] += (int)self[s] - (int)mgr[s];
            diff[nt] += (int)self[s] - (int)mgr[s];
        }
        for (size_t t = 0; t <= nt; t++) {
            if (pairs[t] == 0)
                continue;
            cell *c = &cells[t * na + au];
            c->respondents++;
            c->pairs += pairs[t];
            c->diff_sum += diff[t];
        }
    }
    g_free(pairs);
}

void tna_planning_raters(const analysis_ctx *a)
{
    const tna_model *m = a->model;
    const cell *raw = a->tallies->periods[a->n_periods - 1].raters;
    if (raw == NULL)
        return;
    size_t na = m->n_authorities, nt = m->n_topics, w = na + 1;
    int64_t k = a->results->min_group_size;
    /* cells[t * w + a]; t == nt: every topic, a == na: all authorities (their sum) */
    cell *cells = g_new0(cell, (nt + 1) * w);
    for (size_t t = 0; t <= nt; t++)
        for (size_t au = 0; au < na; au++) {
            const cell *from = &raw[t * na + au];
            for (size_t at = t * w + au, j = 0; j < 2; j++, at = t * w + na) {
                cells[at].respondents += from->respondents;
                cells[at].pairs += from->pairs;
                cells[at].diff_sum += from->diff_sum;
            }
        }

    bool *hide = g_new0(bool, (nt + 1) * w);
    for (size_t c = 0; c < (nt + 1) * w; c++)
        hide[c] = cells[c].respondents > 0 && cells[c].respondents < k;
    int64_t *n = g_new(int64_t, nt + na + 2);
    bool *h = g_new(bool, nt + na + 2);
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t t = 0; t <= nt; t++) /* each topic (and all) over the authorities */
            changed |= protect_strided(cells, hide, t * w, 1, na, t * w + na, true, k, n, h);
        for (size_t au = 0; au <= na; au++) /* each authority (and all) over the topics */
            changed |= protect_strided(cells, hide, au, w, nt, nt * w + au, false, k, n, h);
    }
    g_free(n);
    g_free(h);

    GArray *rows = g_array_new(FALSE, FALSE, sizeof(tna_rater_gap));
    for (size_t t = 0; t <= nt; t++)
        for (size_t step = 0; step <= na; step++) { /* all authorities, then each */
            size_t au = step == 0 ? na : step - 1, c = t * w + au;
            if (cells[c].respondents == 0)
                continue;
            tna_rater_gap g = {.topic = t == nt ? TNA_NONE : (uint32_t)t,
                               .authority = au == na ? TNA_NONE : (uint32_t)au,
                               .hidden = tna_hidden_code(hide[c], cells[c].respondents, k)};
            if (!g.hidden) {
                g.respondents = cells[c].respondents;
                g.pairs = cells[c].pairs;
                g.mean_difference = (double)cells[c].diff_sum / (double)cells[c].pairs;
            }
            g_array_append_val(rows, g);
        }
    a->results->planning.n_raters = rows->len;
    a->results->planning.raters = (tna_rater_gap *)g_array_free(rows, FALSE);
    g_free(hide);
    g_free(cells);
}
