/*
 * groups.c - group figures for every set, and the privacy rule.
 *
 * Each set is a dense table over its dimensions, filled by summing cube cells. Primary
 * suppression hides a group with fewer than min_group_size respondents. Secondary
 * suppression works on relations "total = sum of parts" (or, across topics and frameworks,
 * "total >= sum of parts": respondents are not additive there, but pairs, gaps and
 * below-target counts are). Whenever a shown total has exactly one hidden part, that part
 * could be worked out by subtraction, so the smallest shown part is hidden too (or, when
 * there is none, the total); and a hidden total whose parts are all shown could be worked
 * out by addition, so its smallest part is hidden. This repeats until every relation has
 * either no hidden figure or at least two: the usual row-and-column rule of UK statistical
 * disclosure control.
 */
#include <glib.h>
#include <string.h>

#include "analysis_internal.h"

/* Dimensions of a cell. TNA_NONE for the ones a set sums over. */
typedef struct dims {
    uint32_t a, r, p, f, t, s;
} dims;

typedef struct table {
    size_t n;
    tally *cell;
    bool *hidden;
} table;

typedef struct tables {
    const tna_model *m;
    table set[TNA_SET_COUNT];
} tables;

static size_t set_size(const tna_model *m, tna_set set)
{
    size_t na = m->n_authorities, np = m->n_roles, nt = m->n_topics;
    switch (set) {
    case TNA_SET_AUTHORITY_ROLE_TOPIC:
        return na * np * nt;
    case TNA_SET_AUTHORITY_TOPIC:
        return na * nt;
    case TNA_SET_ROLE_TOPIC:
        return np * nt;
    case TNA_SET_AUTHORITY:
        return na;
    case TNA_SET_TOPIC:
        return nt;
    case TNA_SET_ALL:
        return 1;
    case TNA_SET_ROLE:
        return np;
    case TNA_SET_REGION:
        return m->n_regions;
    case TNA_SET_REGION_TOPIC:
        return m->n_regions * nt;
    case TNA_SET_FRAMEWORK:
        return m->n_frameworks;
    case TNA_SET_AUTHORITY_FRAMEWORK:
        return na * m->n_frameworks;
    case TNA_SET_SKILL:
        return m->n_skills;
    default:
        return 0;
    }
}

/* The cell of a set that holds dims d (the dimensions the set does not have are ignored). */
static size_t encode(const tna_model *m, tna_set set, dims d)
{
    size_t np = m->n_roles, nt = m->n_topics, nf = m->n_frameworks;
    switch (set) {
    case TNA_SET_AUTHORITY_ROLE_TOPIC:
        return ((size_t)d.a * np + d.p) * nt + d.t;
    case TNA_SET_AUTHORITY_TOPIC:
        return (size_t)d.a * nt + d.t;
    case TNA_SET_ROLE_TOPIC:
        return (size_t)d.p * nt + d.t;
    case TNA_SET_AUTHORITY:
        return d.a;
    case TNA_SET_TOPIC:
        return d.t;
    case TNA_SET_ALL:
        return 0;
    case TNA_SET_ROLE:
        return d.p;
    case TNA_SET_REGION:
        return d.r;
    case TNA_SET_REGION_TOPIC:
        return (size_t)d.r * nt + d.t;
    case TNA_SET_FRAMEWORK:
        return d.f;
    case TNA_SET_AUTHORITY_FRAMEWORK:
        return (size_t)d.a * nf + d.f;
    case TNA_SET_SKILL:
        return d.s;
    default:
        return 0;
    }
}

/* The dimensions of cell i of a set, the derived ones filled in (region from authority,
 * topic from skill, framework from topic). */
static dims decode(const tna_model *m, tna_set set, size_t i)
{
    size_t np = m->n_roles, nt = m->n_topics, nf = m->n_frameworks;
    dims d = {TNA_NONE, TNA_NONE, TNA_NONE, TNA_NONE, TNA_NONE, TNA_NONE};
    switch (set) {
    case TNA_SET_AUTHORITY_ROLE_TOPIC:
        d.t = (uint32_t)(i % nt), d.p = (uint32_t)(i / nt % np), d.a = (uint32_t)(i / nt / np);
        break;
    case TNA_SET_AUTHORITY_TOPIC:
        d.t = (uint32_t)(i % nt), d.a = (uint32_t)(i / nt);
        break;
    case TNA_SET_ROLE_TOPIC:
        d.t = (uint32_t)(i % nt), d.p = (uint32_t)(i / nt);
        break;
    case TNA_SET_AUTHORITY:
        d.a = (uint32_t)i;
        break;
    case TNA_SET_TOPIC:
        d.t = (uint32_t)i;
        break;
    case TNA_SET_ROLE:
        d.p = (uint32_t)i;
        break;
    case TNA_SET_REGION:
        d.r = (uint32_t)i;
        break;
    case TNA_SET_REGION_TOPIC:
        d.t = (uint32_t)(i % nt), d.r = (uint32_t)(i / nt);
        break;
    case TNA_SET_FRAMEWORK:
        d.f = (uint32_t)i;
        break;
    case TNA_SET_AUTHORITY_FRAMEWORK:
        d.f = (uint32_t)(i % nf), d.a = (uint32_t)(i / nf);
        break;
    case TNA_SET_SKILL:
        d.s = (uint32_t)i;
        break;
    default:
        break;
    }
    if (d.s != TNA_NONE)
        d.t = m->skills[d.s].topic;
    if (d.t != TNA_NONE)
        d.f = m->topics[d.t].framework;
    if (d.a != TNA_NONE)
        d.r = m->authorities[d.a].region;
    return d;
}

/* True when d holds, within range, every dimension the set groups by. */
static bool own_dims_given(const tna_model *m, tna_set set, dims d)
{
    bool a = d.a < m->n_authorities, r = d.r < m->n_regions, p = d.p < m->n_roles,
         f = d.f < m->n_frameworks, t = d.t < m->n_topics, s = d.s < m->n_skills;
    switch (set) {
    case TNA_SET_AUTHORITY_ROLE_TOPIC:
        return a && p && t;
    case TNA_SET_AUTHORITY_TOPIC:
        return a && t;
    case TNA_SET_ROLE_TOPIC:
        return p && t;
    case TNA_SET_AUTHORITY:
        return a;
    case TNA_SET_TOPIC:
        return t;
    case TNA_SET_ALL:
        return true;
    case TNA_SET_ROLE:
        return p;
    case TNA_SET_REGION:
        return r;
    case TNA_SET_REGION_TOPIC:
        return r && t;
    case TNA_SET_FRAMEWORK:
        return f;
    case TNA_SET_AUTHORITY_FRAMEWORK:
        return a && f;
    case TNA_SET_SKILL:
        return s;
    default:
        return false;
    }
}

/* Group number + 1 (0: no group) per dense cell of each set, for tna_results_find. */
typedef struct group_index {
    const tna_model *m;
    uint32_t *slot[TNA_SET_COUNT];
} group_index;

static group_index *index_build(const tna_model *m, const tna_period_figures *f)
{
    group_index *ix = g_new0(group_index, 1);
    ix->m = m;
    for (int set = 0; set < TNA_SET_COUNT; set++)
        ix->slot[set] = g_new0(uint32_t, set_size(m, (tna_set)set) + 1);
    for (size_t i = 0; i < f->n_groups; i++) {
        const tna_group *g = &f->groups[i];
        dims d = {g->authority, g->region, g->role, g->framework, g->topic, g->skill};
        ix->slot[g->set][encode(m, g->set, d)] = (uint32_t)i + 1;
    }
    return ix;
}

static void add(tally *to, const tally *from)
{
    to->respondents += from->respondents;
    to->assessed += from->assessed;
    to->below += from->below;
    to->gap_sum += from->gap_sum;
    to->learners += from->learners;
}

/* Fills every set from the cube: each set draws on the finest cube level that has its
 * dimension (skill, topic, framework or none) and sums over authority and role. */
static void fill(tables *T, const cube *c)
{
    const tna_model *m = T->m;
    for (int set = 0; set < TNA_SET_COUNT; set++) {
        T->set[set].n = set_size(m, (tna_set)set);
        T->set[set].cell = g_new0(tally, T->set[set].n + 1);
        T->set[set].hidden = g_new0(bool, T->set[set].n + 1);
    }
    for (uint32_t a = 0; a < c->n_auth; a++)
        for (uint32_t p = 0; p < c->n_role; p++) {
            size_t ap = (size_t)a * c->n_role + p;
            dims d = {a, m->authorities[a].region, p, TNA_NONE, TNA_NONE, TNA_NONE};
            for (int set = 0; set < TNA_SET_COUNT; set++) {
                tna_set s = (tna_set)set;
                if (s == TNA_SET_SKILL) {
                    for (uint32_t k = 0; k < c->n_skill; k++)
                        add(&T->set[s].cell[k], &c->by_skill[ap * c->n_skill + k]);
                } else if (s == TNA_SET_FRAMEWORK || s == TNA_SET_AUTHORITY_FRAMEWORK) {
                    for (uint32_t f = 0; f < c->n_framework; f++) {
                        d.f = f;
                        add(&T->set[s].cell[encode(m, s, d)],
                            &c->by_framework[ap * c->n_framework + f]);
                    }
                } else if (s == TNA_SET_AUTHORITY || s == TNA_SET_ALL || s == TNA_SET_ROLE ||
                           s == TNA_SET_REGION) {
                    add(&T->set[s].cell[encode(m, s, d)], &c->overall[ap]);
                } else {
                    for (uint32_t t = 0; t < c->n_topic; t++) {
                        d.t = t;
                        add(&T->set[s].cell[encode(m, s, d)], &c->by_topic[ap * c->n_topic + t]);
                    }
                }
            }
        }
}

/* A relation family: every cell of `part` belongs to the cell of `total` with the same
 * dimensions (those `total` has). */
static const struct {
    tna_set part, total;
} families[] = {
    {TNA_SET_AUTHORITY_ROLE_TOPIC, TNA_SET_AUTHORITY_TOPIC},
    {TNA_SET_AUTHORITY_ROLE_TOPIC, TNA_SET_ROLE_TOPIC},
    {TNA_SET_AUTHORITY_TOPIC, TNA_SET_TOPIC},
    {TNA_SET_ROLE_TOPIC, TNA_SET_TOPIC},
    {TNA_SET_AUTHORITY, TNA_SET_ALL},
    {TNA_SET_ROLE, TNA_SET_ALL},
    {TNA_SET_AUTHORITY_TOPIC, TNA_SET_AUTHORITY},
    {TNA_SET_TOPIC, TNA_SET_ALL},
    {TNA_SET_ROLE_TOPIC, TNA_SET_ROLE},
    {TNA_SET_AUTHORITY, TNA_SET_REGION},
    {TNA_SET_AUTHORITY_TOPIC, TNA_SET_REGION_TOPIC},
    {TNA_SET_REGION_TOPIC, TNA_SET_TOPIC},
    {TNA_SET_REGION, TNA_SET_ALL},
    {TNA_SET_TOPIC, TNA_SET_FRAMEWORK},
    {TNA_SET_FRAMEWORK, TNA_SET_ALL},
    {TNA_SET_AUTHORITY_TOPIC, TNA_SET_AUTHORITY_FRAMEWORK},
    {TNA_SET_AUTHORITY_FRAMEWORK, TNA_SET_AUTHORITY},
    {TNA_SET_AUTHORITY_FRAMEWORK, TNA_SET_FRAMEWORK},
    {TNA_SET_SKILL, TNA_SET_TOPIC},
};

/* One pass over a family; returns how many cells it hid. */
static size_t protect_family(tables *T, tna_set part, tna_set total)
{
    const tna_model *m = T->m;
    table *P = &T->set[part], *Tt = &T->set[total];
    size_t nt = Tt->n;
    int *hidden_parts = g_new0(int, nt + 1);
    size_t *smallest_shown = g_new(size_t, nt + 1);
    for (size_t i = 0; i < nt; i++)
        smallest_shown[i] = SIZE_MAX;
    for (size_t i = 0; i < P->n; i++) {
        if (P->cell[i].respondents == 0)
            continue;
        size_t j = encode(m, total, decode(m, part, i));
        if (P->hidden[i])
            hidden_parts[j]++;
        else if (smallest_shown[j] == SIZE_MAX ||
                 P->cell[i].respondents < P->cell[smallest_shown[j]].respondents)
            smallest_shown[j] = i;
    }
    size_t changed = 0;
    for (size_t j = 0; j < nt; j++) {
        if (Tt->cell[j].respondents == 0)
            continue;
        if (Tt->hidden[j]) {
            /* A hidden total whose parts are all shown is their sum: hide a part too. */
            if (hidden_parts[j] == 0 && smallest_shown[j] != SIZE_MAX) {
                P->hidden[smallest_shown[j]] = true;
                changed++;
            }
            continue;
        }
        if (hidden_parts[j] != 1)
            continue;
        if (smallest_shown[j] != SIZE_MAX)
            P->hidden[smallest_shown[j]] = true;
        else
            Tt->hidden[j] = true;
        changed++;
    }
    g_free(hidden_parts);
    g_free(smallest_shown);
    return changed;
}

bool protect_parts(const int64_t *respondents, bool *hidden, size_t n, bool *total_hidden)
{
    size_t n_hidden = 0, smallest = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        if (respondents[i] == 0)
            continue;
        if (hidden[i])
            n_hidden++;
        else if (smallest == SIZE_MAX || respondents[i] < respondents[smallest])
            smallest = i;
    }
    if (*total_hidden) { /* hidden total, all parts shown: it would be their sum */
        if (n_hidden > 0 || smallest == SIZE_MAX)
            return false;
        hidden[smallest] = true;
        return true;
    }
    if (n_hidden != 1)
        return false;
    if (smallest != SIZE_MAX)
        hidden[smallest] = true;
    else
        *total_hidden = true;
    return true;
}

static int compare_ids(const char *x, const char *y)
{
    if (x == y)
        return 0;
    if (x == NULL)
        return -1; /* "all" sorts first, as '*' does in the CSV */
    if (y == NULL)
        return 1;
    return strcmp(x, y);
}

static const tna_model *sort_model; /* set only for the duration of one qsort call */

static const char *id_of(const char *const *ids_base, size_t stride, uint32_t i)
{
    return i == TNA_NONE ? NULL : *(const char *const *)((const char *)ids_base + stride * i);
}

static int compare_groups(const void *x, const void *y)
{
    const tna_group *g = x, *h = y;
    const tna_model *m = sort_model;
    if (g->set != h->set)
        return g->set < h->set ? -1 : 1;
    int c;
    if ((c = compare_ids(id_of(&m->authorities[0].id, sizeof(tna_authority), g->authority),
                         id_of(&m->authorities[0].id, sizeof(tna_authority), h->authority))))
        return c;
    if ((c = compare_ids(g->region == TNA_NONE ? NULL : m->regions[g->region].name,
                         h->region == TNA_NONE ? NULL : m->regions[h->region].name)))
        return c;
    if ((c = compare_ids(id_of(&m->roles[0].id, sizeof(tna_role), g->role),
                         id_of(&m->roles[0].id, sizeof(tna_role), h->role))))
        return c;
    if ((c = compare_ids(id_of(&m->frameworks[0].id, sizeof(tna_framework), g->framework),
                         id_of(&m->frameworks[0].id, sizeof(tna_framework), h->framework))))
        return c;
    if ((c = compare_ids(id_of(&m->topics[0].id, sizeof(tna_topic), g->topic),
                         id_of(&m->topics[0].id, sizeof(tna_topic), h->topic))))
        return c;
    return compare_ids(id_of(&m->skills[0].id, sizeof(tna_skill), g->skill),
                       id_of(&m->skills[0].id, sizeof(tna_skill), h->skill));
}

tna_status groups_build(const tna_model *m, const cube *c, int min_group_size,
                        tna_period_figures *out, tna_error *err)
{
    (void)err;
    tables T = {.m = m};
    fill(&T, c);
    for (int set = 0; set < TNA_SET_COUNT; set++)
        for (size_t i = 0; i < T.set[set].n; i++)
            if (T.set[set].cell[i].respondents > 0 &&
                T.set[set].cell[i].respondents < min_group_size) {
                T.set[set].hidden[i] = true;
                out->n_suppressed_primary++;
            }
    for (size_t changed = 1; changed;) {
        changed = 0;
        for (size_t k = 0; k < G_N_ELEMENTS(families); k++)
            changed += protect_family(&T, families[k].part, families[k].total);
        out->n_suppressed_secondary += changed;
    }

    GArray *groups = g_array_new(FALSE, TRUE, sizeof(tna_group));
    for (int set = 0; set < TNA_SET_COUNT; set++) {
        for (size_t i = 0; i < T.set[set].n; i++) {
            const tally *t = &T.set[set].cell[i];
            if (t->respondents == 0)
                continue;
            dims d = decode(m, (tna_set)set, i);
            tna_group g = {(tna_set)set, d.a, d.r, d.p, d.f, d.t, d.s, false, 0, 0, 0, 0, 0, 0, 0};
            if (T.set[set].hidden[i]) {
                g.suppressed = true;
            } else {
                g.respondents = t->respondents;
                g.assessed = t->assessed;
                g.below_target = t->below;
                g.gap_sum = t->gap_sum;
                g.learners_needing = t->learners;
                g.mean_gap = (double)t->gap_sum / (double)t->assessed;
                g.share_below = (double)t->below / (double)t->assessed;
            }
            g_array_append_val(groups, g);
        }
        g_free(T.set[set].cell);
        g_free(T.set[set].hidden);
    }
    sort_model = m;
    g_array_sort(groups, compare_groups);
    sort_model = NULL;
    out->n_people = c->n_people;
    out->n_groups = groups->len;
    out->groups = (tna_group *)g_array_free(groups, FALSE);
    out->index = index_build(m, out);
    return TNA_OK;
}

/* ---- look-up ------------------------------------------------------------------------------ */

void groups_index_free(void *index)
{
    group_index *ix = index;
    if (ix == NULL)
        return;
    for (int set = 0; set < TNA_SET_COUNT; set++)
        g_free(ix->slot[set]);
    g_free(ix);
}

static bool matches(uint32_t want, uint32_t have)
{
    return want == TNA_NONE || want == have;
}

const tna_group *tna_results_find(const tna_period_figures *f, tna_set set, uint32_t authority,
                                  uint32_t region, uint32_t role, uint32_t framework,
                                  uint32_t topic, uint32_t skill)
{
    const group_index *ix = f->index;
    dims d = {authority, region, role, framework, topic, skill};
    if (ix != NULL && set < TNA_SET_COUNT && own_dims_given(ix->m, set, d)) {
        uint32_t i = ix->slot[set][encode(ix->m, set, d)];
        const tna_group *g = i ? &f->groups[i - 1] : NULL;
        /* every dimension given must agree, the derived ones included */
        return g && matches(authority, g->authority) && matches(region, g->region) &&
                       matches(role, g->role) && matches(framework, g->framework) &&
                       matches(topic, g->topic) && matches(skill, g->skill)
                   ? g
                   : NULL;
    }
    for (size_t i = 0; i < f->n_groups; i++) {
        const tna_group *g = &f->groups[i];
        if (g->set == set && matches(authority, g->authority) && matches(region, g->region) &&
            matches(role, g->role) && matches(framework, g->framework) &&
            matches(topic, g->topic) && matches(skill, g->skill))
            return g;
    }
    return NULL;
}
