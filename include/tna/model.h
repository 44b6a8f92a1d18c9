/*
 * model.h - the immutable model of one analysis, as the configuration describes it.
 *
 * config (src/config/) builds a tna_model from the analysis YAML and the reference files it
 * names (frameworks, roles, authorities); every later stage only reads it. Frameworks,
 * topics and skills are flattened into arrays in configuration order, and everything refers
 * to them by index, so the analysis can use small integer keys: skill i belongs to topic
 * skills[i].topic, which belongs to framework topics[t].framework. Topic and skill ids are
 * unique across all frameworks.
 *
 * Matching keys (see text.h) of every label, alias, name and missing answer are computed
 * once here, so ingest compares keys only.
 *
 * Memory: the model owns everything it points to; all strings live in model->strings (a
 * GStringChunk) and arrays are g_new'd. tna_model_free() (config.h) releases it all.
 * Indices are uint32_t; TNA_NONE means "not set".
 */
#ifndef TNA_MODEL_H
#define TNA_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TNA_NONE UINT32_MAX
#define TNA_MAX_BARRIERS 63 /* barriers cited are bits of a uint64_t; ingest uses the top bit */

/* Where something was written in a configuration file, for messages. */
typedef struct tna_mark {
    const char *file; /* path as given to the loader (or resolved reference file path) */
    long line, col;   /* 1-based */
} tna_mark;

typedef struct tna_level {
    int level;
    const char *label, *label_cy;
    const char **aliases;
    size_t n_aliases;
} tna_level;

/* The highest level a scale may have: a level is kept in four bits (ingest.h). */
#define TNA_LEVEL_MAX 14

typedef struct tna_scale {
    const char *id, *name, *name_cy;
    tna_level *levels; /* sorted by level, 0..max with no holes */
    size_t n_levels;
    int max; /* the top level ("Expert") */
    const char **missing; /* answers that mean "no answer" (blank is always missing) */
    size_t n_missing;
} tna_scale;

typedef struct tna_skill {
    const char *id, *name, *name_cy;
    uint32_t topic;
    tna_mark mark;
} tna_skill;

typedef struct tna_topic {
    const char *id, *name, *name_cy;
    uint32_t framework;
    uint32_t first_skill, n_skills; /* skills[first_skill .. first_skill + n_skills) */
    tna_mark mark;
} tna_topic;

typedef struct tna_framework {
    const char *id, *version, *name, *name_cy;
    const char *path; /* the framework file */
    tna_scale scale;
    uint32_t first_topic, n_topics;
    tna_mark mark;
} tna_framework;

typedef struct tna_role {
    const char *id, *name, *name_cy;
    const char **aliases;
    size_t n_aliases;
    uint8_t *target; /* resolved target level per skill (n_skills entries); 0 = not required */
    tna_mark mark;
} tna_role;

typedef struct tna_region {
    const char *name, *name_cy; /* name_cy may be NULL */
} tna_region;

typedef struct tna_authority {
    const char *id, *name, *name_cy;
    uint32_t region; /* index into model->regions */
    const char **aliases;
    size_t n_aliases;
    tna_mark mark;
} tna_authority;

typedef struct tna_barrier {
    const char *id, *name, *name_cy;
    const char **aliases;
    size_t n_aliases;
    tna_mark mark;
} tna_barrier;

typedef enum tna_format { TNA_FORMAT_WIDE, TNA_FORMAT_LONG, TNA_FORMAT_EVALUATION } tna_format;
/* AUTO: a byte-order mark decides (UTF-8, UTF-16 LE or BE); without one, a file whose first
 * non-ASCII bytes are not UTF-8 is read as Windows-1252 (csvread.h). */
typedef enum tna_encoding {
    TNA_ENCODING_UTF8,
    TNA_ENCODING_WINDOWS_1252,
    TNA_ENCODING_UTF16LE,
    TNA_ENCODING_UTF16BE,
    TNA_ENCODING_AUTO
} tna_encoding;
typedef enum tna_date_format {
    TNA_DATE_AUTO,
    TNA_DATE_ISO,
    TNA_DATE_DMY,
    TNA_DATE_MDY
} tna_date_format;
typedef enum tna_preset {
    TNA_PRESET_NONE,
    TNA_PRESET_MICROSOFT_FORMS,
    TNA_PRESET_GOOGLE_FORMS,
    TNA_PRESET_SURVEYMONKEY,
    TNA_PRESET_QUALTRICS,
    TNA_PRESET_LIMESURVEY,
    TNA_PRESET_SMARTSURVEY
} tna_preset;
typedef enum tna_rater_policy {
    TNA_RATER_MANAGER_FIRST,
    TNA_RATER_LATEST,
    TNA_RATER_SELF_ONLY
} tna_rater_policy;

/* What a rater, yes/no or language-preference answer means (answers.h). */
typedef enum tna_rater { TNA_RATER_SELF = 0, TNA_RATER_MANAGER = 1 } tna_rater;
typedef enum tna_yesno { TNA_YESNO_UNKNOWN = 0, TNA_YES = 1, TNA_NO = 2 } tna_yesno;
typedef enum tna_medium {
    TNA_MEDIUM_UNKNOWN = 0,
    TNA_MEDIUM_WELSH = 1,
    TNA_MEDIUM_ENGLISH = 2,
    TNA_MEDIUM_EITHER = 3
} tna_medium;

/* The fields a source's `columns:` map can name (key -> heading in the export). */
typedef enum tna_field {
    TNA_FIELD_RESPONDENT,
    TNA_FIELD_AUTHORITY,
    TNA_FIELD_ROLE,
    TNA_FIELD_SUBMITTED,
    TNA_FIELD_TRAINED,
    TNA_FIELD_BARRIERS,
    TNA_FIELD_RATER,
    TNA_FIELD_LANGUAGE_PREFERENCE,
    TNA_FIELD_SKILL,        /* long, evaluation */
    TNA_FIELD_LEVEL,        /* long */
    TNA_FIELD_TOPIC,        /* evaluation (a course may cover a topic rather than a skill) */
    TNA_FIELD_COURSE,       /* evaluation */
    TNA_FIELD_SATISFACTION, /* evaluation, 1-5 */
    TNA_FIELD_BEFORE,       /* evaluation, a level */
    TNA_FIELD_AFTER,        /* evaluation, a level */
    TNA_FIELD_APPLIED,      /* evaluation, yes/no */
    TNA_FIELD_COUNT
} tna_field;

/* YAML key of each field, indexed by tna_field ("respondent", "authority", ...). */
extern const char *const tna_field_names[TNA_FIELD_COUNT];

typedef struct tna_skill_column {
    const char *heading; /* as configured */
    const char *key;     /* its matching key */
    uint32_t skill;
} tna_skill_column;

/* One heading a field names. A field may name several: for one answer the first non-blank
 * cell wins; for barriers every column counts. */
typedef struct tna_column_ref {
    const char *heading; /* as configured */
    const char *key;     /* its matching key */
    uint32_t option;     /* barriers given as a mapping (column -> option): the barrier the
                            column stands for; TNA_NONE otherwise */
} tna_column_ref;

/* Rows that are not responses: those whose cell under `heading` is one of `values`. */
typedef struct tna_exclusion {
    const char *heading, *key;
    const char **values; /* as configured */
    const char **value_keys;
    size_t n_values;
} tna_exclusion;

/* A source as configured, after its preset's defaults were applied and its own keys laid
 * over them. */
typedef struct tna_source {
    const char *name;
    const char *path;      /* as written, may contain {period}; relative to the config dir */
    bool optional;         /* a period without the file has no data from it (else exit 3) */
    tna_format format;
    tna_preset preset;
    int header_row;        /* 1-based: the first header row; rows above it are skipped */
    int skip_after_header; /* more header rows under it (all of them name columns) */
    char delimiter;        /* 0: sniffed from the header line */
    tna_encoding encoding; /* default TNA_ENCODING_AUTO */
    tna_date_format date_format;
    tna_column_ref *columns[TNA_FIELD_COUNT]; /* headings per field, NULL when absent */
    size_t n_columns[TNA_FIELD_COUNT];
    const char *barrier_separator; /* one-cell multi-selects; default: the preset's */
    tna_skill_column *skills; /* wide: heading -> skill */
    size_t n_skills;
    tna_exclusion *exclude; /* `exclude_rows:`, or the preset's rows that are not responses */
    size_t n_exclude;
    bool exclude_from_preset; /* the preset's: a file without the column is fine */
    tna_mark mark;
} tna_source;

typedef enum tna_metric {
    TNA_METRIC_SHARE_AT_TARGET,
    TNA_METRIC_MEAN_GAP,
    TNA_METRIC_LEARNERS_NEEDING,
    TNA_METRIC_GAP_REDUCTION,
    TNA_METRIC_SATISFACTION,
    TNA_METRIC_LEARNING_UPLIFT,
    TNA_METRIC_APPLIED_RATE,
    TNA_METRIC_TRAINED_VS_UNTRAINED,
    TNA_METRIC_SHARE_SKILLS_AT_TARGET,
    TNA_METRIC_COUNT
} tna_metric;

extern const char *const tna_metric_names[TNA_METRIC_COUNT];

/* Configuration spelling of the other enumerations, indexed by their values (for the About
 * sheet and messages). tna_preset_names[TNA_PRESET_NONE] is "none". */
extern const char *const tna_format_names[3];
extern const char *const tna_preset_names[7];
extern const char *const tna_encoding_names[5];
extern const char *const tna_date_format_names[4];
extern const char *const tna_language_names[3];
extern const char *const tna_language_order_names[2];
extern const char *const tna_rater_policy_names[3];

/* Scope of an expectation: each index is TNA_NONE when not restricted. */
typedef struct tna_scope {
    uint32_t authority, region, role, framework, topic, skill;
} tna_scope;

typedef struct tna_expectation {
    const char *id, *title; /* title: the id when none is configured */
    const char *title_cy;   /* NULL when not configured: Welsh reports show title */
    tna_metric metric;
    tna_scope scope;
    bool has_baseline;
    double baseline, target;
    const char *due; /* a period label, may be NULL */
    tna_mark mark;
} tna_expectation;

typedef enum tna_welsh_medium { TNA_WELSH_MEDIUM_WELSH, TNA_WELSH_MEDIUM_AND_EITHER } tna_welsh_medium;
extern const char *const tna_welsh_medium_names[2];

typedef struct tna_commissioning {
    int cohort_min, cohort_max;
    double cost_per_cohort, cost_per_elearning_learner; /* 0 when not set */
    int elearning_max_gap;
    bool has_cost_per_cohort, has_cost_per_elearning_learner; /* set in the configuration */
    /* A council (or pool) with fewer than cohort_min learners in a topic buys places on open
     * courses at cost_per_open_place; `budget` makes the plan choose what to fund. */
    double cost_per_open_place, budget; /* 0 when not set */
    bool has_cost_per_open_place, has_budget;
    /* `welsh_medium`: who the plan puts in Welsh-medium cohorts and e-learning: those who
     * chose Welsh (welsh, the default: the floor), or also those who said either
     * (welsh_and_either: the potential). The plan shows both figures whichever is set. */
    tna_welsh_medium welsh_medium;
} tna_commissioning;

/* `mentors:`: an expert in a topic is at or above min_level in at least min_share of the
 * topic's skills they answered. min_level 0: the top level of the topic's scale. */
typedef struct tna_mentor_rule {
    int min_level;
    double min_share; /* (0, 1]; default 1 */
} tna_mentor_rule;

typedef enum tna_language { TNA_LANG_EN, TNA_LANG_CY, TNA_LANG_BOTH } tna_language;
/* Which language comes first in a bilingual (both) report: Welsh by default, as the Welsh
 * Language Standards expect of bilingual material; `language_order: en-first` reverses it. */
typedef enum tna_language_order { TNA_ORDER_CY_FIRST, TNA_ORDER_EN_FIRST } tna_language_order;

typedef struct tna_model {
    const char *config_path; /* as given */
    const char *config_dir;  /* directory relative paths are resolved against */
    const char *title, *title_cy; /* NULL when not configured: the glossary's words instead */
    tna_mark title_mark;          /* where title is written */
    tna_language language;
    tna_language_order language_order;

    const char **periods; /* oldest first; the last is current */
    size_t n_periods;

    tna_framework *frameworks;
    size_t n_frameworks;
    tna_topic *topics;
    size_t n_topics;
    tna_skill *skills;
    size_t n_skills;
    tna_role *roles;
    size_t n_roles;
    tna_region *regions; /* in order of first appearance in the authorities file */
    size_t n_regions;
    tna_authority *authorities;
    size_t n_authorities;
    tna_barrier *barriers; /* `barriers:` (default: the shipped list), `other` among them */
    size_t n_barriers;     /* at most TNA_MAX_BARRIERS */
    uint32_t barrier_other; /* `other`: options that match no barrier count here */
    const char *barriers_path; /* the file read, or "(built in)" */
    tna_source *sources;
    size_t n_sources;
    tna_expectation *expectations;
    size_t n_expectations;

    tna_rater_policy rater_policy; /* top-level `rater_policy:`, default manager_first */
    tna_commissioning commissioning;
    tna_mentor_rule mentors;
    double *topic_weight; /* `priorities:` resolved per topic (default 1); NULL: all 1 */
    bool has_priorities;
    int min_group_size; /* privacy.min_group_size, default 5; 1 = off */
    const char *output_dir; /* as written, may contain {period}; relative to config dir */

    void *strings; /* GStringChunk owning every string above */
    void *lookup;  /* private to config: hash tables behind the tna_model_find_* functions */
} tna_model;

/* A topic's priority weight (`priorities:`), 1 when none is set. */
static inline double tna_topic_weight(const tna_model *m, uint32_t topic)
{
    return m->topic_weight != NULL ? m->topic_weight[topic] : 1.0;
}

#endif
