/*
 * config.h - load and check one analysis configuration (YAML, libyaml).
 *
 * tna_config_load() reads the analysis file, the framework, roles, authorities and barriers
 * files it names (the shipped barriers when it names none), and checks everything the
 * configuration fixes: known keys only (with a "did you mean"), types, required keys,
 * duplicate keys and ids, references between files, levels within the scale, `answers:`
 * naming things that exist, referenced files readable and regular, `{period}` present in
 * paths used with several periods. It bounds what a hostile file can cost (size, nesting
 * depth; anchors and aliases are rejected). Every problem is reported as file:line:col with
 * TNA_ERR_CONFIG: tna_config_load_all() gives up to TNA_CONFIG_MAX_PROBLEMS of them from one
 * run, so a user fixes them all at once; tna_config_load() gives the first. A file that is
 * not YAML but looks like a survey export (or a spreadsheet) says so, and suggests `tna init`.
 *
 * Memory: on success *out is a new model the caller frees with tna_model_free(); on failure
 * *out is NULL and err (problems) says why. The model never changes after loading.
 */
#ifndef TNA_CONFIG_H
#define TNA_CONFIG_H

#include "tna/error.h"
#include "tna/model.h"

#define TNA_CONFIG_MAX_BYTES (4L * 1024 * 1024) /* per YAML file */
#define TNA_CONFIG_MAX_DEPTH 32                /* nesting of mappings and sequences */

tna_status tna_config_load(const char *path, tna_model **out, tna_error *err) TNA_MUST_CHECK;

#define TNA_CONFIG_MAX_PROBLEMS 20

typedef struct tna_config_problems {
    tna_error list[TNA_CONFIG_MAX_PROBLEMS]; /* in the order found */
    size_t n;    /* problems in list */
    size_t more; /* problems found beyond the list */
} tna_config_problems;

/* Loads like tna_config_load(), collecting every problem into *problems (reset first). */
tna_status tna_config_load_all(const char *path, tna_model **out,
                               tna_config_problems *problems) TNA_MUST_CHECK;

/* Frees the model and everything it owns; NULL is fine. */
void tna_model_free(tna_model *model);

/* Look-ups by matching key (tna_text_key of what a respondent typed): a name, Welsh name,
 * id or alias. TNA_NONE when nothing matches. */
uint32_t tna_model_find_authority(const tna_model *model, const char *key);
uint32_t tna_model_find_role(const tna_model *model, const char *key);
/* A region by the matching key of its name or Welsh name. */
uint32_t tna_model_find_region(const tna_model *model, const char *key);
/* A barrier by the matching key of its id, name, Welsh name or an alias. */
uint32_t tna_model_find_barrier(const tna_model *model, const char *key);

/* Look-ups by exact id. TNA_NONE when unknown. */
uint32_t tna_model_find_skill(const tna_model *model, const char *id);
uint32_t tna_model_find_topic(const tna_model *model, const char *id);
uint32_t tna_model_find_framework(const tna_model *model, const char *id);

/* An answer's level on the scale of a framework, by matching key: a label, Welsh label,
 * alias or the number itself. */
#define TNA_ANSWER_MISSING (-1) /* blank or a configured missing answer */
#define TNA_ANSWER_UNKNOWN (-2) /* matches nothing: logged by ingest, counts as missing */
int tna_model_find_level(const tna_model *model, uint32_t framework, const char *key);

/* The file a source reads in a period: its path with {period} replaced, resolved against
 * the config directory. Caller frees with g_free(). */
char *tna_model_source_path(const tna_model *model, const tna_source *source,
                            const char *period);

/* The kinds of configured text a report prints, each with a Welsh form of its own. */
typedef enum tna_text_kind {
    TNA_TEXT_TITLE,       /* title, title_cy */
    TNA_TEXT_EXPECTATION, /* expectations[].title, title_cy */
    TNA_TEXT_FRAMEWORK,   /* name, name_cy (so are the next five and the last) */
    TNA_TEXT_TOPIC,
    TNA_TEXT_SKILL,
    TNA_TEXT_LEVEL, /* a scale level's label, label_cy */
    TNA_TEXT_ROLE,
    TNA_TEXT_REGION, /* an authority's region, region_cy */
    TNA_TEXT_AUTHORITY,
    TNA_TEXT_BARRIER,
    TNA_TEXT_KIND_COUNT
} tna_text_kind;

/* A configured text without its Welsh form, which a Welsh (or bilingual) report shows in
 * English. Strings point into the model. */
typedef struct tna_untranslated {
    tna_text_kind kind;
    const char *key;  /* the key to add: "title_cy", "name_cy", "label_cy" or "region_cy" */
    const char *id;   /* the entry's id (a level: its framework's; a region: its name); ""
                         for the title */
    const char *text; /* the English shown instead */
    tna_mark mark;    /* where the entry is written (file NULL: nowhere known) */
} tna_untranslated;

typedef void (*tna_untranslated_visit)(void *ctx, const tna_untranslated *text);

/* Calls visit (which may be NULL) for every configured text that a report can print and
 * that has no Welsh form, in configuration order; returns how many there are. A title or
 * expectation title that is not configured is not listed: the reports show the glossary's
 * words or the expectation's id instead. */
size_t tna_model_each_untranslated(const tna_model *model, tna_untranslated_visit visit,
                                   void *ctx);

/* output.dir for a period, resolved the same way. Caller frees with g_free().
 * For both: a NULL period means the current (last) one. */
char *tna_model_output_dir(const tna_model *model, const char *period);

#endif
