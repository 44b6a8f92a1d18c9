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
 * disclosure control. Where the parts split a total's people, the hidden parts must also
 * keep a range (tna_protect_range): their residual may not pin each one to a single value.
 * Then an audit (audit()) narrows every hidden count by all those relations together, and
 * looks for a shown total whose gaps are all in its shown parts (the hidden parts' gaps are
 * then 0); each time it finds a pinned figure it hides one more cell and the rule runs
 * again.
 *
 * A hidden group says why: TNA_SUPPRESSED when it has fewer than min_group_size
 * respondents (only primary suppression hides those), TNA_PROTECTED when the secondary rule
 * hid it.
 *
 * One table (set_dims) says what each set groups by; its cells, its cube level, its
 * encoding and its relations to the other sets all follow from that, and the rule itself
 * is written once (tna_protect_parts), for the sets here and for the planning rows alike.
 * Coverage (the skills with an assessed pair) is counted per cell from the skill level of
 * the cube.
 */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "people.h"
#include "stats.h"

/* The dimensions, in the order a set's cells are laid out (the first varies slowest). */
enum { DIM_A, DIM_R, DIM_P, DIM_F, DIM_T, DIM_S, N_DIMS };
#define A (1u << DIM_A)
#define R (1u << DIM_R)
#define P (1u << DIM_P)
#define F (1u << DIM_F)
#define T (1u << DIM_T)
#define S (1u << DIM_S)

/* The one table of grouping sets: the dimensions each groups by. Everything else follows
 * from it: a set's level (the finest of skill, topic and framework it has; the cube level
 * its cells are summed from), its cells (a dense table, one per combination of its
 * dimensions' values), and its relations (see related()). */
static const unsigned set_dims[TNA_SET_COUNT] = {
    [TNA_SET_AUTHORITY_ROLE_TOPIC] = A | P | T,
    [TNA_SET_AUTHORITY_TOPIC] = A | T,
    [TNA_SET_ROLE_TOPIC] = P | T,
    [TNA_SET_AUTHORITY] = A,
    [TNA_SET_TOPIC] = T,
    [TNA_SET_ALL] = 0,
    [TNA_SET_ROLE] = P,
    [TNA_SET_REGION] = R,
    [TNA_SET_REGION_TOPIC] = R | T,
    [TNA_SET_FRAMEWORK] = F,
    [TNA_SET_AUTHORITY_FRAMEWORK] = A | F,
    [TNA_SET_SKILL] = S,
};

/* The dimension a dimension's value determines (an authority's region, a skill's topic, a
 * topic's framework), or N_DIMS. */
static const int parent_dim[N_DIMS] = {DIM_R, N_DIMS, N_DIMS, N_DIMS, DIM_F, DIM_T};

/* A cell's value in each dimension; TNA_NONE for the ones its set sums over. */
typedef struct dims {
    uint32_t v[N_DIMS];
} dims;

/* Where each set's cells lie: cell = sum of value * stride over the set's dimensions (the
 * first dimension varies slowest), worked out once from the table and the model. */
typedef struct layout {
    const tna_model *m;
    size_t n[N_DIMS];                     /* values per dimension */
    size_t size[TNA_SET_COUNT];           /* cells per set */
    size_t stride[TNA_SET_COUNT][N_DIMS]; /* 0 for a dimension the set sums over */
} layout;

typedef struct table {
    size_t n;
    tally *cell;
    bool *hidden;
    int32_t *covered; /* skills with an assessed pair, per cell */
} table;

typedef struct tables {
    const tna_model *m;
    const layout *L;
    int64_t min_group_size;
    table set[TNA_SET_COUNT];
} tables;

static dims dims_none(void)
{
    dims d;
    for (int i = 0; i < N_DIMS; i++)
        d.v[i] = TNA_NONE;
    return d;
}

static dims dims_from(tna_dims in)
{
    dims d = {{in.authority.plus_one - 1, in.region.plus_one - 1, in.role.plus_one - 1,
               in.framework.plus_one - 1, in.topic.plus_one - 1, in.skill.plus_one - 1}};
    return d; /* 0 - 1 wraps to TNA_NONE */
}

static bool has(tna_set set, int dim)
{
    return set_dims[set] >> dim & 1;
}

/* The cube level a set's cells are summed from: DIM_S, DIM_T, DIM_F, or N_DIMS (none). */
static int set_level(tna_set set)
{
    return has(set, DIM_S) ? DIM_S : has(set, DIM_T) ? DIM_T : has(set, DIM_F) ? DIM_F : N_DIMS;
}

static void layout_build(const tna_model *m, layout *L)
{
    L->m = m;
    L->n[DIM_A] = m->n_authorities, L->n[DIM_R] = m->n_regions, L->n[DIM_P] = m->n_roles;
    L->n[DIM_F] = m->n_frameworks, L->n[DIM_T] = m->n_topics, L->n[DIM_S] = m->n_skills;
    for (int set = 0; set < TNA_SET_COUNT; set++) {
        L->size[set] = 1;
        for (int k = N_DIMS - 1; k >= 0; k--) {
            L->stride[set][k] = has((tna_set)set, k) ? L->size[set] : 0;
            if (has((tna_set)set, k))
                L->size[set] *= L->n[k];
        }
    }
}

/* The cell of a set that holds d (the dimensions the set does not have are ignored). */
static size_t encode(const layout *L, tna_set set, const dims *d)
{
    size_t i = 0;
    for (int k = 0; k < N_DIMS; k++)
        if (L->stride[set][k])
            i += L->stride[set][k] * d->v[k];
    return i;
}

/* The dimensions of cell i of a set, the derived ones filled in. */
static dims decode(const layout *L, tna_set set, size_t i)
{
    const tna_model *m = L->m;
    dims d = dims_none();
    for (int k = 0; k < N_DIMS; k++)
        if (L->stride[set][k])
            d.v[k] = (uint32_t)(i / L->stride[set][k] % L->n[k]);
    if (d.v[DIM_S] != TNA_NONE)
        d.v[DIM_T] = m->skills[d.v[DIM_S]].topic;
    if (d.v[DIM_T] != TNA_NONE)
        d.v[DIM_F] = m->topics[d.v[DIM_T]].framework;
    if (d.v[DIM_A] != TNA_NONE)
        d.v[DIM_R] = m->authorities[d.v[DIM_A]].region;
    return d;
}

/* True when d holds, within range, every dimension the set groups by. */
static bool own_dims_given(const layout *L, tna_set set, const dims *d)
{
    for (int k = 0; k < N_DIMS; k++)
        if (has(set, k) && d->v[k] >= L->n[k])
            return false;
    return true;
}

tna_set tna_set_of(tna_dims in)
{
    dims d = dims_from(in);
    unsigned given = 0;
    for (int k = 0; k < N_DIMS; k++)
        if (d.v[k] != TNA_NONE)
            given |= 1u << k;
    for (int k = 0; k < N_DIMS; k++) /* a value's parent is derived, not a dimension */
        if (given >> k & 1 && parent_dim[k] < N_DIMS)
            given &= ~(1u << parent_dim[k]);
    if (given & S) /* and so is a skill's framework */
        given &= ~F;
    for (int set = 0; set < TNA_SET_COUNT; set++)
        if (set_dims[set] == given)
            return (tna_set)set;
    return TNA_SET_COUNT;
}

/* Group number + 1 (0: no group) per dense cell of each set, for tna_results_find. */
typedef struct group_index {
    layout L;
    uint32_t *slot[TNA_SET_COUNT];
} group_index;

static dims group_dims(const tna_group *g)
{
    dims d = {{g->authority, g->region, g->role, g->framework, g->topic, g->skill}};
    return d;
}

static group_index *index_build(const tna_model *m, const tna_period_figures *f)
{
    group_index *ix = g_new0(group_index, 1);
    layout_build(m, &ix->L);
    for (int set = 0; set < TNA_SET_COUNT; set++)
        ix->slot[set] = g_new0(uint32_t, ix->L.size[set] + 1);
    for (size_t i = 0; i < f->n_groups; i++) {
        const tna_group *g = &f->groups[i];
        dims d = group_dims(g);
        ix->slot[g->set][encode(&ix->L, g->set, &d)] = (uint32_t)i + 1;
    }
    return ix;
}

/* Fills every set from the cube: each set sums, over authority and role, the cube level of
 * its level (skill, topic, framework or overall). */
static void fill(tables *Tb, const cube *c)
{
    const tna_model *m = Tb->m;
    for (int set = 0; set < TNA_SET_COUNT; set++) {
        Tb->set[set].n = Tb->L->size[set];
        Tb->set[set].cell = g_new0(tally, Tb->set[set].n + 1);
        Tb->set[set].hidden = g_new0(bool, Tb->set[set].n + 1);
    }
    for (uint32_t a = 0; a < c->n_auth; a++)
        for (uint32_t p = 0; p < c->n_role; p++) {
            size_t ap = (size_t)a * c->n_role + p;
            dims d = dims_none();
            d.v[DIM_A] = a, d.v[DIM_R] = m->authorities[a].region, d.v[DIM_P] = p;
            for (int set = 0; set < TNA_SET_COUNT; set++) {
                tna_set s = (tna_set)set;
                int level = set_level(s);
                if (level == N_DIMS) {
                    tally_add(&Tb->set[s].cell[encode(Tb->L, s, &d)], &c->overall[ap]);
                    continue;
                }
                size_t n = level == DIM_S   ? c->n_skill
                           : level == DIM_T ? c->n_topic
                                            : c->n_framework;
                const tally *from = level == DIM_S   ? c->by_skill
                                    : level == DIM_T ? c->by_topic
                                                     : c->by_framework;
                for (uint32_t x = 0; x < n; x++) {
                    d.v[level] = x;
                    tally_add(&Tb->set[s].cell[encode(Tb->L, s, &d)], &from[ap * n + x]);
                }
                d.v[level] = TNA_NONE;
            }
        }
}

/* The skills each cell rests on: a skill counts once in a cell when some (authority, role)
 * of the cell has an assessed pair of it. seen[cell * n_skills + skill] remembers which. */
static void fill_coverage(tables *Tb, const cube *c)
{
    const tna_model *m = Tb->m;
    size_t ns = c->n_skill;
    for (int set = 0; set < TNA_SET_COUNT; set++) {
        table *tab = &Tb->set[set];
        tab->covered = g_new0(int32_t, tab->n + 1);
        uint8_t *seen = g_new0(uint8_t, tab->n * ns + 1);
        for (uint32_t a = 0; a < c->n_auth; a++)
            for (uint32_t p = 0; p < c->n_role; p++) {
                const tally *by_skill = c->by_skill + ((size_t)a * c->n_role + p) * ns;
                for (uint32_t s = 0; s < ns; s++) {
                    if (by_skill[s].assessed == 0)
                        continue;
                    dims d = dims_none();
                    d.v[DIM_A] = a, d.v[DIM_R] = m->authorities[a].region, d.v[DIM_P] = p;
                    d.v[DIM_S] = s, d.v[DIM_T] = m->skills[s].topic;
                    d.v[DIM_F] = m->topics[d.v[DIM_T]].framework;
                    size_t cell = encode(Tb->L, (tna_set)set, &d);
                    if (!seen[cell * ns + s]++)
                        tab->covered[cell]++;
                }
            }
        g_free(seen);
    }
}

/* The skills under a group: its skill, its topic's, its framework's, or every skill. */
static int32_t skills_under(const tna_model *m, const dims *d)
{
    if (d->v[DIM_S] != TNA_NONE)
        return 1;
    if (d->v[DIM_T] != TNA_NONE)
        return (int32_t)m->topics[d->v[DIM_T]].n_skills;
    if (d->v[DIM_F] == TNA_NONE)
        return (int32_t)m->n_skills;
    const tna_framework *fw = &m->frameworks[d->v[DIM_F]];
    int32_t n = 0;
    for (uint32_t t = fw->first_topic; t < fw->first_topic + fw->n_topics; t++)
        n += (int32_t)m->topics[t].n_skills;
    return n;
}

/* Whether every cell of set `part` lies in one cell of set `total` whose figures its own
 * add up to (respondents across authorities and roles; pairs, gaps and below-target counts
 * across topics and frameworks too): `total` groups by the dimensions of `part` less one,
 * or with one replaced by the dimension it determines (authority by region, skill by topic,
 * topic by framework). */
static bool related(tna_set part, tna_set total)
{
    unsigned p = set_dims[part], t = set_dims[total];
    for (int k = 0; k < N_DIMS; k++) {
        if (!(p >> k & 1))
            continue;
        unsigned less = p & ~(1u << k);
        if (t == less || (parent_dim[k] < N_DIMS && t == (less | 1u << parent_dim[k])))
            return true;
    }
    return false;
}

/* Every related pair of sets, in the order the rule visits them. The pairs are exactly those
 * related() finds in the table (relations_check() makes sure); the order decides which
 * cells the rule picks to hide, and is kept as released so the same data hide the same
 * cells (the last two came later: without region by topic within a region, a region's
 * hidden topic could be worked out from the region's figure). */
static const struct {
    tna_set part, total;
} relations[] = {
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
    {TNA_SET_REGION_TOPIC, TNA_SET_REGION},
    {TNA_SET_SKILL, TNA_SET_ALL},
};

/* Stops the program when the list above and the table disagree: a set added to the table
 * without its relations would leave figures that subtraction recovers. */
static void relations_check(void)
{
    for (int part = 0; part < TNA_SET_COUNT; part++)
        for (int total = 0; total < TNA_SET_COUNT; total++) {
            bool listed = false;
            for (size_t k = 0; k < G_N_ELEMENTS(relations); k++)
                listed |=
                    relations[k].part == (tna_set)part && relations[k].total == (tna_set)total;
            if (listed != related((tna_set)part, (tna_set)total))
                g_error("groups.c: sets %d and %d are %s the relations list", part, total,
                        listed ? "wrongly in" : "missing from");
        }
}

/* True when the parts of `total` in `part` split its respondents: the relation drops an
 * authority, a region or a role, each person having one of each. Across topics, frameworks
 * and skills one person counts in several parts, so respondents do not add up there. */
static bool splits_people(tna_set part, tna_set total)
{
    unsigned dropped = set_dims[part] & ~set_dims[total];
    return (dropped & ~(A | R | P)) == 0;
}

/* The parts of each total of a relation, in cell order: parts[first[j] .. first[j + 1]) are
 * the cells of `part` with respondents that sum into cell j of `total`. */
typedef struct family {
    tna_set part, total;
    size_t *first, *parts;
    bool splits_people; /* respondents add up too, not only pairs and gaps */
} family;

static family family_build(const tables *Tb, tna_set part, tna_set total)
{
    const table *Pt = &Tb->set[part], *Tt = &Tb->set[total];
    family f = {part, total, g_new0(size_t, Tt->n + 2), g_new(size_t, Pt->n + 1),
                splits_people(part, total)};
    size_t *owner = g_new(size_t, Pt->n + 1);
    for (size_t i = 0; i < Pt->n; i++) {
        if (Pt->cell[i].respondents == 0)
            continue;
        dims d = decode(Tb->L, part, i);
        owner[i] = encode(Tb->L, total, &d);
        f.first[owner[i] + 2]++;
    }
    for (size_t j = 0; j < Tt->n; j++)
        f.first[j + 2] += f.first[j + 1];
    for (size_t i = 0; i < Pt->n; i++)
        if (Pt->cell[i].respondents > 0)
            f.parts[f.first[owner[i] + 1]++] = i;
    g_free(owner);
    return f;
}

static void family_free(family *f)
{
    g_free(f->first), g_free(f->parts);
}

/* One pass of the privacy rule (tna_protect_parts, then tna_protect_range where respondents
 * add up) over every total of a relation with its parts; returns how many totals it
 * changed. */
static size_t protect_family(tables *Tb, const family *fam)
{
    table *Pt = &Tb->set[fam->part], *Tt = &Tb->set[fam->total];
    const size_t *first = fam->first, *parts = fam->parts;
    int64_t *respondents = g_new(int64_t, Pt->n + 1);
    bool *hidden = g_new(bool, Pt->n + 1);
    size_t changed = 0;
    for (size_t j = 0; j < Tt->n; j++) {
        if (Tt->cell[j].respondents == 0)
            continue;
        size_t n = first[j + 1] - first[j];
        const size_t *of = parts + first[j];
        for (size_t k = 0; k < n; k++)
            respondents[k] = Pt->cell[of[k]].respondents, hidden[k] = Pt->hidden[of[k]];
        if (!tna_protect_parts(respondents, hidden, n, &Tt->hidden[j]) &&
            !(fam->splits_people &&
              tna_protect_range(respondents, hidden, n, Tt->cell[j].respondents,
                                Tb->min_group_size, &Tt->hidden[j])))
            continue;
        changed++;
        for (size_t k = 0; k < n; k++)
            Pt->hidden[of[k]] = hidden[k];
    }
    g_free(respondents), g_free(hidden);
    return changed;
}

/* ---- the audit: bounds across relations -------------------------------------------------- */

/* What a reader can tell of each cell's respondents: shown, the figure; hidden, 1 to
 * min_group_size - 1 (suppressed) or at least min_group_size (protected), narrowed by every
 * relation whose parts split people (sum of parts = total) in turn, until nothing narrows.
 * tna_protect_range keeps each relation's own range open; two relations together can still
 * close it (a protected role at least 7 by its council's row and at most 7 by its role's
 * column). A hidden cell left with one value is pinned, and audit() hides one more cell
 * beside it. */
#define UNBOUNDED (INT64_MAX / 4)

typedef struct range {
    int64_t lo, hi; /* hi UNBOUNDED: no upper bound known */
} range;

static bool narrow(range *r, int64_t lo, int64_t hi)
{
    bool changed = false;
    if (lo > r->lo)
        r->lo = lo, changed = true;
    if (hi < r->hi)
        r->hi = hi, changed = true;
    return changed;
}

/* One relation's totals, each narrowing its hidden parts and a hidden total. */
static bool propagate(const tables *Tb, const family *f, range *const *bounds)
{
    const table *Pt = &Tb->set[f->part], *Tt = &Tb->set[f->total];
    bool changed = false;
    for (size_t j = 0; j < Tt->n; j++) {
        if (Tt->cell[j].respondents == 0)
            continue;
        int64_t sum_lo = 0, sum_hi = 0;
        size_t unbounded = 0;
        for (size_t q = f->first[j]; q < f->first[j + 1]; q++) {
            const range *r = &bounds[f->part][f->parts[q]];
            sum_lo += r->lo;
            if (r->hi >= UNBOUNDED)
                unbounded++;
            else
                sum_hi += r->hi;
        }
        range *whole = &bounds[f->total][j];
        for (size_t q = f->first[j]; q < f->first[j + 1]; q++) {
            size_t i = f->parts[q];
            if (!Pt->hidden[i])
                continue;
            range *r = &bounds[f->part][i];
            bool own_unbounded = r->hi >= UNBOUNDED;
            /* the others at their most leave this one at least total - that */
            int64_t lo = unbounded - own_unbounded > 0
                             ? r->lo
                             : whole->lo - (sum_hi - (own_unbounded ? 0 : r->hi));
            int64_t hi = whole->hi >= UNBOUNDED ? r->hi : whole->hi - (sum_lo - r->lo);
            changed |= narrow(r, lo, hi);
        }
        if (Tt->hidden[j])
            changed |= narrow(whole, sum_lo, unbounded ? UNBOUNDED : sum_hi);
    }
    return changed;
}

/* The smallest shown part of total j (with a gap, when with_gap), or SIZE_MAX. */
static size_t smallest_shown(const tables *Tb, const family *f, size_t j, bool with_gap)
{
    const table *Pt = &Tb->set[f->part];
    size_t smallest = SIZE_MAX;
    for (size_t q = f->first[j]; q < f->first[j + 1]; q++) {
        size_t i = f->parts[q];
        if (!Pt->hidden[i] && (!with_gap || Pt->cell[i].gap_sum > 0) &&
            (smallest == SIZE_MAX || Pt->cell[i].respondents < Pt->cell[smallest].respondents))
            smallest = i;
    }
    return smallest;
}

/* Hides one shown cell beside a pinned one, in a relation where respondents add up: the
 * smallest shown part of a total it is a part of, else the smallest shown part of a total it
 * is. False when there is none. */
static bool unpin(tables *Tb, const family *fams, size_t n_fams, tna_set set, size_t cell)
{
    for (int as_total = 0; as_total < 2; as_total++)
        for (size_t k = 0; k < n_fams; k++) {
            const family *f = &fams[k];
            if (!f->splits_people || (as_total ? f->total : f->part) != set)
                continue;
            size_t j = cell;
            if (!as_total) { /* the total this cell is a part of */
                dims d = decode(Tb->L, f->part, cell);
                j = encode(Tb->L, f->total, &d);
            }
            size_t smallest = smallest_shown(Tb, f, j, false);
            if (smallest != SIZE_MAX) {
                Tb->set[f->part].hidden[smallest] = true;
                return true;
            }
        }
    return false;
}

/* Gaps add up over every relation. When a shown total's gap sum is all in its shown parts,
 * each hidden part has a gap sum of 0: nobody in it is below target, a fact about a group
 * the figures hide. Hides the smallest shown part with a gap, so that the hidden parts share
 * a gap again; true when it did. (A total whose own gap sum is 0 says it of everyone.) */
static bool unzero(tables *Tb, const family *f)
{
    table *Pt = &Tb->set[f->part];
    const table *Tt = &Tb->set[f->total];
    for (size_t j = 0; j < Tt->n; j++) {
        if (Tt->cell[j].respondents == 0 || Tt->hidden[j])
            continue;
        int64_t residual = Tt->cell[j].gap_sum;
        size_t n_hidden = 0;
        for (size_t q = f->first[j]; q < f->first[j + 1]; q++) {
            size_t i = f->parts[q];
            if (Pt->hidden[i])
                n_hidden++;
            else
                residual -= Pt->cell[i].gap_sum;
        }
        size_t smallest = n_hidden > 0 && residual == 0 ? smallest_shown(Tb, f, j, true) : SIZE_MAX;
        if (smallest != SIZE_MAX) {
            Pt->hidden[smallest] = true;
            return true;
        }
    }
    return false;
}

/* One audit over the relations' families: true when it hid a cell (the caller runs the rule
 * and the audit again). */
static bool audit(tables *Tb, const family *fams, size_t n_fams)
{
    int64_t k = Tb->min_group_size;
    range *bounds[TNA_SET_COUNT];
    for (int set = 0; set < TNA_SET_COUNT; set++) {
        const table *t = &Tb->set[set];
        bounds[set] = g_new(range, t->n + 1);
        for (size_t i = 0; i < t->n; i++) {
            int64_t v = t->cell[i].respondents;
            bounds[set][i] = !t->hidden[i] || v == 0 ? (range){v, v}
                        : v < k                  ? (range){1, k - 1}
                                                 : (range){k, UNBOUNDED};
        }
    }
    for (int round = 0; round < 64; round++) {
        bool changed = false;
        for (size_t f = 0; f < n_fams; f++)
            if (fams[f].splits_people)
                changed |= propagate(Tb, &fams[f], bounds);
        if (!changed)
            break;
    }
    bool hid = false;
    for (size_t f = 0; f < n_fams && !hid; f++)
        hid = unzero(Tb, &fams[f]);
    for (int set = 0; set < TNA_SET_COUNT && !hid; set++)
        for (size_t i = 0; i < Tb->set[set].n && !hid; i++)
            if (Tb->set[set].hidden[i] && Tb->set[set].cell[i].respondents > 0 &&
                bounds[set][i].lo == bounds[set][i].hi)
                hid = unpin(Tb, fams, n_fams, (tna_set)set, i);
    for (int set = 0; set < TNA_SET_COUNT; set++)
        g_free(bounds[set]);
    return hid;
}

/* Secondary suppression: the rule over every relation until nothing changes, then the audit,
 * and again while the audit hides a cell. A relation's parts per total are worked out once:
 * which cells have respondents does not change. */
static void suppress(tables *Tb, tna_period_figures *out)
{
    family fams[G_N_ELEMENTS(relations)];
    for (size_t r = 0; r < G_N_ELEMENTS(relations); r++)
        fams[r] = family_build(Tb, relations[r].part, relations[r].total);
    for (;;) {
        for (size_t changed = 1; changed;) {
            changed = 0;
            for (size_t r = 0; r < G_N_ELEMENTS(relations); r++)
                changed += protect_family(Tb, &fams[r]);
            out->n_suppressed_secondary += changed;
        }
        if (!audit(Tb, fams, G_N_ELEMENTS(fams)))
            break;
        out->n_suppressed_secondary++;
    }
    for (size_t r = 0; r < G_N_ELEMENTS(relations); r++)
        family_free(&fams[r]);
}

bool tna_protect_parts(const int64_t *respondents, bool *hidden, size_t n, bool *total_hidden)
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

/* The t quantiles of the intervals, one per group size: thousands of groups share a few
 * hundred sizes, and a quantile is a bisection over the incomplete beta function. */
typedef struct t_memo {
    GHashTable *slot; /* respondents -> 1 + index in t975 */
    GArray *t975;     /* of double */
} t_memo;

static double t975_for(t_memo *memo, int64_t respondents)
{
    if (respondents < 2)
        return NAN; /* no interval */
    gpointer key = GSIZE_TO_POINTER((size_t)respondents);
    size_t slot = GPOINTER_TO_SIZE(g_hash_table_lookup(memo->slot, key));
    if (slot == 0) {
        double t = tna_t_quantile(0.975, (double)(respondents - 1));
        g_array_append_val(memo->t975, t);
        slot = memo->t975->len;
        g_hash_table_insert(memo->slot, key, GSIZE_TO_POINTER(slot));
    }
    return g_array_index(memo->t975, double, slot - 1);
}

bool tna_protect_range(const int64_t *respondents, bool *hidden, size_t n, int64_t total,
                       int64_t min_group_size, bool *total_hidden)
{
    if (*total_hidden)
        return false;
    int64_t residual = total, least = 0, most = 0;
    size_t n_hidden = 0, n_protected = 0, smallest = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        if (respondents[i] == 0)
            continue;
        if (!hidden[i]) {
            residual -= respondents[i];
            if (smallest == SIZE_MAX || respondents[i] < respondents[smallest])
                smallest = i;
            continue;
        }
        n_hidden++;
        bool suppressed = respondents[i] < min_group_size;
        n_protected += !suppressed;
        least += suppressed ? 1 : min_group_size;
        most += min_group_size - 1;
    }
    if (n_hidden < 2 || (residual != least && (n_protected > 0 || residual != most)))
        return false;
    if (smallest != SIZE_MAX)
        hidden[smallest] = true;
    else
        *total_hidden = true;
    return true;
}

/* The intervals of a shown group, from its cell's sums over respondents (stats.h). */
static void set_intervals(tna_group *g, const tally *t, t_memo *memo)
{
    tna_cluster_sums s = {t->respondents, t->assessed, t->gap_sum, t->below, t->sum_aa,
                          t->sum_gg,      t->sum_ag,   t->sum_bb,  t->sum_ab};
    double t975 = t975_for(memo, t->respondents);
    tna_interval mean = tna_mean_gap_interval(&s, t975), share = tna_share_interval(&s, t975);
    g->has_interval = mean.ok && share.ok;
    if (!g->has_interval)
        return;
    g->mean_gap_low = mean.low, g->mean_gap_high = mean.high;
    g->share_below_low = share.low, g->share_below_high = share.high;
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

static const char *id_of(const char *const *ids_base, size_t stride, uint32_t i)
{
    return i == TNA_NONE ? NULL : *(const char *const *)((const char *)ids_base + stride * i);
}

static int compare_groups(const void *x, const void *y, void *model)
{
    const tna_group *g = x, *h = y;
    const tna_model *m = model;
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

tna_status tna_groups_build(const tna_model *m, const cube *c, int min_group_size,
                        tna_period_figures *out, tna_error *err)
{
    (void)err;
    relations_check();
    layout L;
    layout_build(m, &L);
    tables Tb = {.m = m, .L = &L, .min_group_size = min_group_size};
    fill(&Tb, c);
    fill_coverage(&Tb, c);
    for (int set = 0; set < TNA_SET_COUNT; set++)
        for (size_t i = 0; i < Tb.set[set].n; i++)
            if (Tb.set[set].cell[i].respondents > 0 &&
                Tb.set[set].cell[i].respondents < min_group_size) {
                Tb.set[set].hidden[i] = true;
                out->n_suppressed_primary++;
            }
    suppress(&Tb, out);

    GArray *groups = g_array_new(FALSE, TRUE, sizeof(tna_group));
    t_memo memo = {g_hash_table_new(g_direct_hash, g_direct_equal),
                   g_array_new(FALSE, FALSE, sizeof(double))};
    for (int set = 0; set < TNA_SET_COUNT; set++) {
        for (size_t i = 0; i < Tb.set[set].n; i++) {
            const tally *t = &Tb.set[set].cell[i];
            if (t->respondents == 0)
                continue;
            dims d = decode(&L, (tna_set)set, i);
            tna_group g = {.set = (tna_set)set,
                           .authority = d.v[DIM_A],
                           .region = d.v[DIM_R],
                           .role = d.v[DIM_P],
                           .framework = d.v[DIM_F],
                           .topic = d.v[DIM_T],
                           .skill = d.v[DIM_S]};
            if (Tb.set[set].hidden[i]) {
                /* under the threshold it is suppressed; any other hidden group was hidden
                 * by the secondary rule, to protect one that is */
                g.hidden = t->respondents < min_group_size ? TNA_SUPPRESSED : TNA_PROTECTED;
            } else {
                g.respondents = t->respondents;
                g.assessed = t->assessed;
                g.below_target = t->below;
                g.gap_sum = t->gap_sum;
                g.learners_needing = t->learners;
                g.mean_gap = (double)t->gap_sum / (double)t->assessed;
                g.share_below = (double)t->below / (double)t->assessed;
                set_intervals(&g, t, &memo);
                g.skills = skills_under(m, &d);
                g.skills_assessed = Tb.set[set].covered[i];
            }
            g_array_append_val(groups, g);
        }
        g_free(Tb.set[set].cell);
        g_free(Tb.set[set].hidden);
        g_free(Tb.set[set].covered);
    }
    g_hash_table_destroy(memo.slot);
    g_array_free(memo.t975, TRUE);
    g_array_sort_with_data(groups, compare_groups, (void *)m);
    out->n_people = c->n_people;
    out->n_groups = groups->len;
    out->groups = (tna_group *)g_array_free(groups, FALSE);
    out->index = index_build(m, out);
    return TNA_OK;
}

/* ---- look-up ------------------------------------------------------------------------------ */

void tna_groups_index_free(void *index)
{
    group_index *ix = index;
    if (ix == NULL)
        return;
    for (int set = 0; set < TNA_SET_COUNT; set++)
        g_free(ix->slot[set]);
    g_free(ix);
}

/* Every dimension given in want agrees with the group, the derived ones included. */
static bool matches(const dims *want, const tna_group *g)
{
    dims have = group_dims(g);
    for (int k = 0; k < N_DIMS; k++)
        if (want->v[k] != TNA_NONE && want->v[k] != have.v[k])
            return false;
    return true;
}

size_t tna_results_answered(const tna_results *r)
{
    if (r->n_periods == 0)
        return 0;
    const tna_period_figures *f = &r->periods[r->n_periods - 1];
    size_t n = 0;
    for (uint32_t a = 0; a < r->model->n_authorities; a++)
        n += tna_results_find(f, TNA_SET_AUTHORITY, (tna_dims){.authority = tna_is(a)}) != NULL;
    return n;
}

tna_dims tna_group_dims(const tna_group *g)
{
    return (tna_dims){tna_is(g->authority), tna_is(g->region), tna_is(g->role),
                      tna_is(g->framework), tna_is(g->topic),  tna_is(g->skill)};
}

const tna_group *tna_results_find(const tna_period_figures *f, tna_set set, tna_dims in)
{
    const group_index *ix = f->index;
    dims d = dims_from(in);
    if (ix != NULL && set < TNA_SET_COUNT && own_dims_given(&ix->L, set, &d)) {
        uint32_t i = ix->slot[set][encode(&ix->L, set, &d)];
        const tna_group *g = i ? &f->groups[i - 1] : NULL;
        return g && matches(&d, g) ? g : NULL;
    }
    for (size_t i = 0; i < f->n_groups; i++) {
        const tna_group *g = &f->groups[i];
        if (g->set == set && matches(&d, g))
            return g;
    }
    return NULL;
}
