/*
 * people.h - the people of a period, resolved (resolve.c), and the tallies made from them
 * (tally.c: the cube and the demand), which the analysis's parts share; not part of the API.
 *
 * A cube holds raw tallies per (authority, role, x) where x is a skill, topic or framework,
 * plus per (authority, role) over everything. Respondents are additive over authority and
 * role (each respondent has exactly one of each), so every group of every set is a sum of
 * cube cells. The cube is private: groups.c turns it into privacy-safe groups and frees it.
 */
#ifndef TNA_ANALYSIS_PEOPLE_H
#define TNA_ANALYSIS_PEOPLE_H

#include <glib.h>

#include "tna/analysis.h"
#include "tna/ingest.h"
#include "stats.h"

/* A cell's raw tallies: the group figures, and the sums over its respondents that the
 * intervals need (stats.h: a_r pairs, g_r gap sum, b_r below-target pairs of respondent r in
 * the cell). All are sums over respondents, so cells add up, in any order. */
typedef struct tally {
    int64_t respondents, assessed, below, gap_sum, learners;
    int64_t sum_aa, sum_gg, sum_ag, sum_bb, sum_ab;
} tally;

static inline void tally_add(tally *to, const tally *from)
{
    to->respondents += from->respondents;
    to->assessed += from->assessed;
    to->below += from->below;
    to->gap_sum += from->gap_sum;
    to->learners += from->learners;
    to->sum_aa += from->sum_aa;
    to->sum_gg += from->sum_gg;
    to->sum_ag += from->sum_ag;
    to->sum_bb += from->sum_bb;
    to->sum_ab += from->sum_ab;
}

/* One respondent of a period, resolved. Private to the analysis: it is per person. 24 bytes:
 * a million people are 24 MB, next to the dataset they come from. */
typedef struct person {
    uint32_t respondent; /* run-wide index: the same person in another period */
    uint32_t authority, role;
    uint32_t answers;     /* see person_answers() */
    uint32_t barriers_at; /* their latest record with a barriers answer; PERSON_NONE: none */
    uint8_t trained;      /* tna_yesno, from their latest record that says */
    uint8_t medium;       /* tna_medium, likewise */
} person;

#define PERSON_NONE   UINT32_MAX
#define PERSON_MERGED (1u << 31) /* answers: an index into merged, not a record */

/* Every respondent of a period, in respondent order, with their resolved answers. */
typedef struct people {
    person *p;
    size_t n;
    size_t n_skills;
    const tna_period_data *period; /* the records and levels the people come from */
    uint8_t *merged;     /* packed rows (ingest.h) of the answers of people with several
                            records (or when managers rated anyone) */
    uint8_t *self_level; /* [n][n_skills] latest self-assessment, NULL when the period */
    uint8_t *mgr_level;  /* has no manager ratings; latest manager rating likewise */
} people;

/* The answers of person i, a packed row of n_skills levels (tna_level_get; TNA_LEVEL_NONE:
 * none): the levels of their record when they have one (and no manager rated anyone), else
 * their merged answers. */
static inline const uint8_t *person_answers(const people *pp, size_t i)
{
    uint32_t a = pp->p[i].answers;
    return a & PERSON_MERGED
               ? pp->merged + (size_t)(a & ~PERSON_MERGED) * tna_level_row_bytes(pp->n_skills)
               : tna_record_levels(pp->period, a);
}

/* The barriers a person cited (bit b: model->barriers[b]), 0 when they never answered. */
static inline uint64_t person_barriers(const people *pp, const person *who)
{
    return who->barriers_at == PERSON_NONE ? 0 : pp->period->records[who->barriers_at].barriers;
}

void tna_people_free(people *pp);

/* Raw demand tallies of one (authority, topic) in the current period: respondents who need
 * the topic (a below-target pair in it) and how they split (demand.c says how), and who
 * answered a skill of it, and experts among them. They never leave the analysis. */
typedef struct need {
    int64_t learners, self_directed, cohort;
    int64_t band[TNA_BANDS];
    int64_t medium[4];        /* learners by tna_medium (unknown, welsh, english, either) */
    int64_t cohort_medium[2]; /* cohort learners: [0] English-medium, [1] chose Welsh */
    int64_t cohort_gap[2];    /* their gaps in the topic (levels), likewise */
    int64_t cohort_either, either_gap; /* of [0], those who said either, and their gaps */
    int64_t self_welsh, self_either;   /* self-directed learners who chose Welsh, said either */
    int64_t self_gap;         /* the self-directed learners' gaps in the topic */
    int64_t answered, experts;
} need;

void tna_need_add(need *to, const need *from);

typedef struct cube {
    size_t n_auth, n_role, n_skill, n_topic, n_framework;
    tally *by_skill;     /* [a][p][s] */
    tally *by_topic;     /* [a][p][t] */
    tally *by_framework; /* [a][p][f] */
    tally *overall;      /* [a][p] */
    need *needs;         /* [a][t], when asked for; else NULL */
    size_t n_people;
} cube;

/* Resolves the respondents of one period into *pp (resolve.c). */
void tna_people_build(const tna_model *model, const tna_period_data *period, people *pp);
/* Tallies them into a new cube, with the demand tallies when needs (tally.c). */
void tna_cube_build(const tna_model *model, const people *pp, bool needs, cube *out);
void tna_cube_free(cube *c);
/* An empty cube for the model, with room for the demand tallies when needs. */
void tna_cube_alloc(const tna_model *m, bool needs, cube *c);

/* Builds the groups of every set from the cube and applies both kinds of suppression. */
tna_status tna_groups_build(const tna_model *model, const cube *c, int min_group_size,
                        tna_period_figures *out, tna_error *err);

void tna_groups_index_free(void *index);

/* The code of a row the privacy rule hid (hide true): suppressed when its own base is under
 * the threshold, else protected (hidden by the secondary rule). TNA_SHOWN when not hidden. */
static inline tna_hidden tna_hidden_code(bool hide, int64_t base, int64_t min_group_size)
{
    return !hide ? TNA_SHOWN : base < min_group_size ? TNA_SUPPRESSED : TNA_PROTECTED;
}

/* The privacy rule, for one total and its parts (respondents per part, 0 = no such part):
 * when the total is shown and exactly one existing part is hidden, hides the smallest shown
 * part too (or, with none left, the total); when the total is hidden and every part shown,
 * hides the smallest part. Returns true when it changed anything; callers repeat over all
 * their relations until nothing changes. */
bool tna_protect_parts(const int64_t *respondents, bool *hidden, size_t n, bool *total_hidden);

/* The protection interval, for a shown total whose parts split its respondents (places,
 * roles: each person is in one part). A reader knows the hidden parts hold the total less
 * the shown parts, and each one's bounds from its code (1 to min_group_size - 1 when
 * suppressed, at least min_group_size when protected). When that residual is the least the
 * hidden parts can hold, or (all of them suppressed) the most, each is pinned to one value:
 * hides the smallest shown part too (or, with none left, the total). Returns true when it
 * hid something; callers repeat it with tna_protect_parts until nothing changes. */
bool tna_protect_range(const int64_t *respondents, bool *hidden, size_t n, int64_t total,
                       int64_t min_group_size, bool *total_hidden);

/* One (topic, authority) cell of the raters' comparison (raters.c). */
typedef struct rater_cell {
    int64_t respondents, pairs, diff_sum;
} rater_cell;

/* What one expectation's metric needs of one period (expectations.c): the gap tallies of
 * the people in scope (below_sum: their below-target pairs), the evaluation rows in scope
 * (their number, the sum of their values and their distinct respondents), or
 * trained_vs_untrained's Level 4 sums (stats.h). */
typedef struct expect_tally {
    int64_t respondents, assessed, gap_sum, learners, below_sum;
    int64_t rows, value_sum, row_respondents;
    tna_l4_sums level4;
} expect_tally;

/* The raw, additive tallies of one period: everything its figures are made of, and nothing
 * per person. Each is a sum over respondents, so the tallies of several councils' runs add
 * up to those of one run over all their answers (counts.c writes and reads them). */
typedef struct period_tallies {
    const char *period;
    cube cube;                /* needs only in the current period */
    tna_source_read *sources; /* one per model source */
    tna_dq_count *dq;         /* the data-quality log counted (data_quality.c) */
    size_t n_dq, n_dq_entries;
    expect_tally *expect;     /* [expectation] */
    /* current period only, else NULL: */
    int64_t *barrier_base;   /* [authority]: respondents who answered the barriers question */
    int64_t *barrier_citing; /* [authority][barrier] */
    rater_cell *raters;      /* [topic][authority], topic n_topics: all topics; NULL: no
                                skill was rated by both a person and their manager */
} period_tallies;

/* A run's tallies, every period, oldest first. */
struct tna_tallies {
    const tna_model *model;
    period_tallies *periods;
    size_t n_periods;
    GStringChunk *strings; /* periods' names, files and reasons */
};

/* Empty tallies of n_periods periods (their names and arrays not yet set). */
tna_tallies *tna_tallies_new(const tna_model *m, size_t n_periods);
/* Allocates a period's sources and, for the current period, barrier tallies. */
void tna_period_tallies_alloc(const tna_model *m, bool current, period_tallies *t);

/* The barriers and raters tallies of the current period's people (barriers.c, raters.c). */
void tna_barriers_tally(const tna_model *m, const people *pp, period_tallies *t);
void tna_raters_tally(const tna_model *m, const people *pp, period_tallies *t);
/* The expectations' tallies of every period of t, from the dataset and its people. */
void tna_expectations_tally(const tna_model *m, const tna_dataset *ds, const people *pp,
                        tna_tallies *t);

/* Everything the planning files (demand.c, expectations.c, trends.c, barriers.c,
 * raters.c) read: the model, the dataset, the resolved people of every period, and the
 * results so far (the privacy-safe groups of every period). Each fills its part of
 * results->planning; tna_planning_free() releases it all. */
typedef struct analysis_ctx {
    const tna_model *model;
    const tna_tallies *tallies;
    const tna_dataset *dataset; /* NULL in a merge */
    const people *people; /* one per period, oldest first; the last is current; NULL in a merge */
    size_t n_periods;
    const need *needs;    /* [authority][topic] of the current period */
    tna_results *results;
} analysis_ctx;

/* A line of the commissioning plan with its raw figures, and a topic's self-directed
 * learners, for the budget plan (budget.c); they never leave the analysis. */
typedef struct tna_plan_line_raw {
    uint32_t topic, region;
    bool welsh_medium;
    tna_hidden hidden;     /* the plan line's code */
    int64_t learners, gap; /* gap: the learners' gaps in the topic, in levels */
    int64_t cohorts, places;
} tna_plan_line_raw;

typedef struct tna_plan_topic_raw {
    tna_hidden hidden; /* the topic's group's code */
    int64_t self_directed, self_gap;
} tna_plan_topic_raw;

void tna_planning_demand(const analysis_ctx *a);       /* demand, cohorts, totals, mentors */
/* The burden of each topic and, with commissioning.budget, the budget plan (budget.c), from
 * the plan's raw lines (in plan order) and each topic's self-directed learners. */
void tna_planning_budget(const analysis_ctx *a, const tna_plan_line_raw *lines, size_t n_lines,
                     const tna_plan_topic_raw *topics);
void tna_planning_expectations(const analysis_ctx *a); /* return on expectations */
void tna_planning_trends(const analysis_ctx *a);
void tna_planning_barriers(const analysis_ctx *a);
void tna_planning_raters(const analysis_ctx *a);
void tna_planning_free(tna_planning *planning);

/* Copies into *out what the reports may know of one period's reading (data_quality.c): each
 * source's counts, and the data-quality log counted by file, column and reason, its strings
 * kept in `strings`. No logged value is copied. */
void tna_dq_summarise(const tna_period_data *period, size_t n_sources, GStringChunk *strings,
                      period_tallies *out);

#endif
