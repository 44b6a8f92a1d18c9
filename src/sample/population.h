/*
 * population.h - the pieces of `tna sample`, shared between the files of src/sample/.
 *
 *   sample.c          tna_sample_write(): directories, reference files, the two config
 *                     passes, then each period's exports
 *   sample_file.c     output files (their CSV rows go through tna/csvwrite.h, as the
 *                     reports' do)
 *   sample_config.c   tna.yaml, and the expectations chosen from the loaded model
 *   sample_people.c   the PRNG, the synthetic workforce (who works where, in which role,
 *                     at which level) and how it changes between periods; quarter dates
 *   sample_survey.c   the Microsoft Forms staff survey (wide), the answer texts
 *   sample_ratings.c  line-manager ratings (long) and course evaluations
 *   sample_words.c    fixed tables: authority and role traits, skill difficulty, names,
 *                     barriers, comments, course titles, unknown councils and roles
 *
 * Everything random comes from one sample_rng owned by the population, drawn in a fixed
 * order, so the same (staff, seed) gives byte-identical files. There is no global mutable
 * state. Memory: tna_sample_population_new()/tna_sample_population_free(); nothing else allocates
 * beyond a call.
 */
#ifndef TNA_SAMPLE_POPULATION_H
#define TNA_SAMPLE_POPULATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tna/csvwrite.h"
#include "tna/error.h"
#include "tna/model.h"

/* Staff numbers are 7 digits, distinct for up to this many staff. */
#define SAMPLE_MAX_STAFF 9999991

/* ---- PRNG: xoshiro256** seeded through splitmix64 -------------------------------------------- */

typedef struct sample_rng {
    uint64_t s[4];
} sample_rng;

void tna_sample_rng_seed(sample_rng *r, uint64_t seed);
uint64_t tna_sample_rng_next(sample_rng *r);
double tna_sample_rng_uniform(sample_rng *r);             /* [0, 1) */
uint32_t tna_sample_rng_below(sample_rng *r, uint32_t n); /* [0, n); 0 when n is 0 */
bool tna_sample_rng_chance(sample_rng *r, double p);
double tna_sample_rng_gauss(sample_rng *r, double sd); /* normal, mean 0 */
/* An index drawn by weight, given n cumulative weights (cum[n-1] is the total). */
size_t tna_sample_rng_pick(sample_rng *r, const double *cum, size_t n);

/* ---- output files (sample.c) ----------------------------------------------------------------- */

typedef struct sample_file {
    FILE *f;
    char *path;
    tna_csv csv; /* rows to f through the one CSV writer; LF line ends unless flags say CRLF */
} sample_file;

/* Opens dir/name for writing (binary, so line ends are ours). */
tna_status tna_sample_file_open(sample_file *out, const char *dir, const char *name,
                            tna_error *err) TNA_MUST_CHECK;
/* Closes, reporting any write error stdio saw since opening (ferror) or on fclose, as
 * TNA_ERR_OUTPUT with the path. Safe on a file that failed to open. */
tna_status tna_sample_file_close(sample_file *out, tna_error *err) TNA_MUST_CHECK;

/* ---- fixed tables (sample_words.c) ----------------------------------------------------------- */

typedef struct sample_authority_traits {
    const char *id;
    double weight;   /* relative headcount */
    double maturity; /* added to every latent level */
    double welsh;    /* 0..1: how Welsh-speaking the workforce is */
} sample_authority_traits;

typedef struct sample_role_traits {
    const char *id;
    double weight;   /* relative headcount */
    double offset;   /* added to every latent level */
    double training; /* chance of training in the last 12 months */
} sample_role_traits;

/* Traits by id; an id the tables do not know gets neutral traits (the id field is NULL). */
sample_authority_traits tna_sample_authority_traits_of(const char *id);
sample_role_traits tna_sample_role_traits_of(const char *id);
double tna_sample_skill_difficulty(const char *skill_id);
bool tna_sample_skill_is_welsh(const char *skill_id);
/* Course titles for a topic; n is set to how many (0 when the topic has none listed). */
const char *const *tna_sample_courses_of(const char *topic_id, size_t *n);

typedef struct sample_words {
    const char *const *items;
    size_t n;
} sample_words;

extern const sample_words tna_sample_first_names, tna_sample_last_names, tna_sample_barriers, tna_sample_comments,
    tna_sample_unknown_authorities, tna_sample_unknown_roles, tna_sample_unrecognised_answers;

/* ---- dates (sample_people.c) ----------------------------------------------------------------- */

/* A quarter "YYYY-Qn": its first day as a Julian day number (GLib's g_date_get_julian) and
 * its length in days. Times within it are seconds from its first midnight. */
typedef struct sample_quarter {
    uint32_t first_day;
    int days;
} sample_quarter;

bool tna_sample_quarter_parse(const char *label, sample_quarter *q);

typedef enum sample_date_style {
    SAMPLE_DATE_FORMS, /* M/D/YY H:MM:SS, 24-hour (Microsoft Forms via Excel) */
    SAMPLE_DATE_ISO,   /* YYYY-MM-DD */
    SAMPLE_DATE_DMY    /* D/M/YYYY */
} sample_date_style;

void tna_sample_date_format(char *buf, size_t size, const sample_quarter *q, int64_t secs,
                        sample_date_style style);

/* ---- the workforce (sample_people.c) --------------------------------------------------------- */

enum { SAMPLE_LANG_ENGLISH, SAMPLE_LANG_WELSH, SAMPLE_LANG_EITHER };

typedef struct sample_person {
    uint32_t number; /* staff number, printed %07u */
    uint32_t authority, role;
    uint16_t first_name, last_name;
    bool anonymous; /* the form did not record name and email */
    float ability;  /* personal offset to every latent level */
    /* This period: */
    bool trained;
    uint8_t language;
    uint32_t barriers; /* bit i: tna_sample_barriers.items[i] */
    int64_t completed; /* first submission, seconds into the quarter; -1: did not respond */
} sample_person;

typedef struct sample_population {
    const tna_model *model;
    sample_rng rng;
    size_t n;
    sample_person *people;
    uint8_t *levels; /* n x n_skills: true level now */
    uint8_t *before; /* n x n_skills: true level in the previous period (= levels at first) */
    sample_authority_traits *auth;             /* per model authority */
    sample_role_traits *roles;                 /* per model role */
    double *auth_cum, *role_cum;               /* cumulative headcount weights */
    double *skill_difficulty;                  /* per skill: difficulty */
    double *topic_bias;                        /* per topic: scratch for draw_levels() */
    const char **unknown_auth, **unknown_role; /* the sample_words entries the model rejects */
    size_t n_unknown_auth, n_unknown_role;
} sample_population;

sample_population *tna_sample_population_new(const tna_model *model, size_t staff, unsigned seed);
void tna_sample_population_free(sample_population *p);

/* Moves the workforce into period `period` (0 = first): training this year, levels drift up
 * (more for those who trained), language preference and barriers. */
void tna_sample_population_enter_period(sample_population *p, size_t period);

static inline uint8_t *sample_levels_of(const sample_population *p, size_t person)
{
    return p->levels + person * p->model->n_skills;
}

/* ---- the exports ----------------------------------------------------------------------------- */

/* Writes dir/staff-survey.csv for the period and sets each person's `completed`. */
tna_status tna_sample_survey_write(sample_population *p, const char *dir, size_t period,
                               tna_error *err) TNA_MUST_CHECK;
/* dir/manager-ratings.csv: ratings of some of this period's respondents. */
tna_status tna_sample_ratings_write(sample_population *p, const char *dir, size_t period,
                                tna_error *err) TNA_MUST_CHECK;
/* dir/course-evaluations.csv: feedback from some of this period's trained respondents. */
tna_status tna_sample_evaluations_write(sample_population *p, const char *dir, size_t period,
                                    tna_error *err) TNA_MUST_CHECK;

/* The text a respondent typed for level `level` on framework fw's scale: mostly the label,
 * sometimes the Welsh label, the number, odd case or spacing (welsh: 0..1 raises the share
 * of Welsh labels). */
const char *tna_sample_level_text(sample_population *p, uint32_t fw, int level, double welsh, char *buf,
                              size_t size);

/* ---- tna.yaml (sample_config.c) -------------------------------------------------------------- */

/* Writes dir/tna.yaml. With model NULL it writes a bootstrap version (no staff survey, no
 * expectations) that loads without knowing the skills; given the model loaded from that, it
 * writes the full one. */
tna_status tna_sample_config_write(const char *dir, size_t staff, const tna_model *model,
                               tna_error *err) TNA_MUST_CHECK;

#endif
