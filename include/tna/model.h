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

typedef enum tna_format { TNA_FORMAT_WIDE, TNA_FORMAT_LONG, TNA_FORMAT_EVALUATION } tna_format;
typedef enum tna_encoding { TNA_ENCODING_UTF8, TNA_ENCODING_WINDOWS_1252 } tna_encoding;
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

/* A source as configured, after its preset's defaults were applied and its own keys laid
 * over them. `set_*` flags say whether the user gave the key explicitly. */
typedef struct tna_source {
    const char *name;
    const char *path;      /* as written, may contain {period}; relative to the config dir */
    tna_format format;
    tna_preset preset;
    int header_row;        /* 1-based */
    int skip_after_header;
    char delimiter;
    tna_encoding encoding;
    tna_date_format date_format;
    const char *columns[TNA_FIELD_COUNT];      /* heading per field, NULL when absent */
    const char *column_keys[TNA_FIELD_COUNT];  /* matching keys of those headings */
    const char *barrier_separator;             /* default ";" */
    tna_skill_column *skills; /* wide: heading -> skill */
    size_t n_skills;
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
    TNA_METRIC_COUNT
} tna_metric;

extern const char *const tna_metric_names[TNA_METRIC_COUNT];

/* Configuration spelling of the other enumerations, indexed by their values (for the About
 * sheet and messages). tna_preset_names[TNA_PRESET_NONE] is "none". */
extern const char *const tna_format_names[3];
extern const char *const tna_preset_names[7];
extern const char *const tna_encoding_names[2];
extern const char *const tna_date_format_names[4];
extern const char *const tna_language_names[3];
extern const char *const tna_rater_policy_names[3];

/* Scope of an expectation: each index is TNA_NONE when not restricted. */
typedef struct tna_scope {
    uint32_t authority, region, role, framework, topic, skill;
} tna_scope;

typedef struct tna_expectation {
    const char *id, *title;
    tna_metric metric;
    tna_scope scope;
    bool has_baseline;
    double baseline, target;
    const char *due; /* a period label, may be NULL */
    tna_mark mark;
} tna_expectation;

typedef struct tna_commissioning {
    int cohort_min, cohort_max;
    double cost_per_cohort, cost_per_elearning_learner; /* 0 when not set */
    int elearning_max_gap;
    bool has_cost_per_cohort, has_cost_per_elearning_learner; /* set in the configuration */
} tna_commissioning;

typedef enum tna_language { TNA_LANG_EN, TNA_LANG_CY, TNA_LANG_BOTH } tna_language;

typedef struct tna_model {
    const char *config_path; /* as given */
    const char *config_dir;  /* directory relative paths are resolved against */
    const char *title;
    tna_language language;

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
    tna_source *sources;
    size_t n_sources;
    tna_expectation *expectations;
    size_t n_expectations;

    tna_rater_policy rater_policy; /* top-level `rater_policy:`, default manager_first */
    tna_commissioning commissioning;
    int min_group_size; /* privacy.min_group_size, default 5; 1 = off */
    const char *output_dir; /* as written, may contain {period}; relative to config dir */

    void *strings; /* GStringChunk owning every string above */
    void *lookup;  /* private to config: hash tables behind the tna_model_find_* functions */
} tna_model;

#endif
