/*
 * config_internal.h - what the files of src/config/ share (private).
 *
 * Loading goes through one `cfg` context: the model being built, its look-up tables, growing
 * arrays of frameworks, topics, skills, roles, regions, authorities, barriers, sources and
 * expectations, and the list of problems found. The arrays become the model's only when the
 * whole load succeeded (tna_cfg_finish); on any error tna_cfg_discard() frees them and the model.
 *
 * The schema helpers (schema.c) check one mapping at a time: known keys (with a "did you
 * mean"), then typed values. Each returns false after recording a problem, so loaders read
 * as `if (!tna_cfg_get_int(...)) return false;`. Messages name the offending key and point at
 * the node that is wrong: the key for unknown keys, the value for wrong types and values,
 * the mapping for missing required keys.
 *
 * Every problem is recorded (up to TNA_CONFIG_MAX_PROBLEMS, then only counted), and loading
 * goes on where it safely can: the next top-level key, the next entry of a list (source,
 * expectation, role, authority, barrier, framework file), the next independent key of a
 * source. What depends on something that failed is skipped rather than checked against a
 * half-built model (sources and expectations when a reference file failed), so one mistake
 * gives one message.
 *
 * Files:
 *   yaml_tree.c   libyaml events -> node tree with marks, limits, duplicate keys
 *   schema.c      typed access to nodes, error helpers, string interning, paths
 *   config_load.c tna_config_load(): the analysis file (periods, commissioning, privacy,
 *                 output, expectations)
 *   sources.c     `sources:` entries and their presets (presets.c holds the table)
 *   columns.c     a source's `columns:`, `skills:` and `exclude_rows:`
 *   barriers.c    the barriers file, or the shipped one compiled in
 *   answers_load.c `answers:` of the run and of each source
 *   answers.c     tna_answer_match() (answers.h)
 *   reference.c   framework, roles and authorities files
 *   lookup.c      hash tables behind tna_model_find_*, tna_model_free, path helpers
 *   names.c       the name tables of model.h's enums
 *   plan_keys.c   `mentors:` and `priorities:`
 */
#ifndef TNA_CONFIG_INTERNAL_H
#define TNA_CONFIG_INTERNAL_H

#include <glib.h>
#include <stdbool.h>

#include "tna/config.h"
#include "tna/error.h"
#include "tna/model.h"
#include "yaml_tree.h"

/* Values stored in the look-up tables are offset so that NULL (0) means "absent". */
#define LK_INDEX(i) GUINT_TO_POINTER((guint)(i) + 1u)
#define LK_LEVEL(l) GINT_TO_POINTER((l) + 3)

typedef struct tna_lookup {
    GHashTable *authority; /* matching key -> index + 1 */
    GHashTable *role;      /* matching key -> index + 1 */
    GHashTable *region;    /* matching key -> index + 1 */
    GHashTable *framework; /* id -> index + 1 */
    GHashTable *topic;     /* id -> index + 1 */
    GHashTable *skill;     /* id -> index + 1 */
    GPtrArray *levels;     /* per framework: matching key -> level + 3 (MISSING = -1) */
    GHashTable *barrier;   /* matching key of an id, name, Welsh name or alias -> index + 1 */
    GPtrArray *answers;    /* tna_cfg_answer_tables *: [0] the run's, [1 + s] source s's (or NULL) */
} tna_lookup;

/* One scope's `answers:`: per field, matching key -> meaning + 3 (answers.h); level answers
 * are kept under TNA_FIELD_LEVEL for level, before and after. */
typedef struct tna_cfg_answer_tables {
    GHashTable *field[TNA_FIELD_COUNT];
} tna_cfg_answer_tables;
void tna_cfg_answer_tables_free(gpointer tables);

tna_lookup *tna_lookup_new(void);
void tna_lookup_free(tna_lookup *lk);
/* Value of key in table as an index, or TNA_NONE. */
uint32_t tna_lookup_index(GHashTable *table, const char *key);

typedef struct cfg {
    tna_model *m;
    tna_lookup *lk;
    tna_config_problems *problems;
    tna_status status; /* the first error's code, TNA_OK while all is well */
    GArray *frameworks, *topics, *skills, *roles, *regions, *authorities, *barriers, *sources,
        *expectations;
    GPtrArray *periods;
} cfg;

/* Element destructors, shared with tna_model_free(). */
void tna_cfg_framework_clear(tna_framework *f);
void tna_cfg_role_clear(tna_role *r);
void tna_cfg_authority_clear(tna_authority *a);
void tna_cfg_source_clear(tna_source *s);
void tna_cfg_barrier_clear(tna_barrier *b);

void tna_cfg_init(cfg *c, tna_config_problems *problems);
tna_model *tna_cfg_finish(cfg *c); /* hands the arrays to the model and returns it */
void tna_cfg_discard(cfg *c);

/* --- errors ------------------------------------------------------------------------------ */

/* Records a problem held in an error (a parser's) and returns false. */
bool tna_cfg_fail_error(cfg *c, const tna_error *e);
/* Records a TNA_ERR_CONFIG at node (its file, line, col) and returns false. */
bool tna_cfg_fail(cfg *c, const yt_node *at, const char *fmt, ...) TNA_PRINTF(3, 4);
/* The same at an explicit place (file may be NULL, line/col 0). */
bool tna_cfg_fail_at(cfg *c, tna_status code, const char *file, long line, long col, const char *fmt,
                 ...) TNA_PRINTF(6, 7);

/* The nearest of cands[0..n) to word (edit distance at most 3), or NULL. */
const char *tna_cfg_suggest(const char *word, const char *const *cands, size_t n);
/* " (did you mean 'x'?)" for the nearest candidate, or "", into buf. */
const char *tna_cfg_did_you_mean(const char *word, const char *const *cands, size_t n, char *buf,
                             size_t size);

/* --- strings and paths ------------------------------------------------------------------- */

const char *tna_cfg_intern(cfg *c, const char *s);
/* The interned matching key of s (tna_text_key); "" when s is not valid UTF-8. */
const char *tna_cfg_key(cfg *c, const char *s);
/* path resolved against dir (as tna_model_source_path does); caller g_free()s. */
char *tna_cfg_resolve(const char *dir, const char *path);

/* Reads and parses a YAML file named at `ref` (a scalar in another file; NULL for the
 * analysis file itself). Returns NULL after recording an error. `path` must be interned. */
yt_doc *tna_cfg_load_yaml(cfg *c, const char *path, const yt_node *ref, const char *as_written);
/* Parses YAML held in memory (a file compiled in); `name` (interned) stands for its path. */
yt_doc *tna_cfg_parse_yaml(cfg *c, const char *name, const char *data, size_t len);

/* --- schema ------------------------------------------------------------------------------ */

/* Fails unless node is a mapping (or a list). subject names it: "'scale'", "each source". */
bool tna_cfg_expect_map(cfg *c, const yt_node *node, const char *subject);
bool tna_cfg_expect_seq(cfg *c, const yt_node *node, const char *subject);

/* Fails at the first key of map not in known (NULL-terminated), suggesting the nearest. */
bool tna_cfg_check_keys(cfg *c, const yt_node *map, const char *const *known);

/* The value of key, or NULL when absent or null. With `in` non-NULL the key is required:
 * absent -> "missing required key 'k' in <in>" at the mapping ("" for the top level). */
bool tna_cfg_value(cfg *c, const yt_node *map, const char *key, const char *in, const yt_node **out);

/* Typed getters: when the key is absent or null, *out is left as it is (the default) and
 * *present (if not NULL) is false. `in` non-NULL makes the key required. */
bool tna_cfg_get_str(cfg *c, const yt_node *map, const char *key, const char *in, const char **out);
bool tna_cfg_get_int(cfg *c, const yt_node *map, const char *key, const char *in, long min, long max,
                 int *out, bool *present);
bool tna_cfg_get_num(cfg *c, const yt_node *map, const char *key, const char *in, double min,
                 double *out, bool *present);
/* A list of text: *out (NULL on entry) becomes a g_new'd array of *n interned strings;
 * list (optional) receives the list node, whose items parallel the strings. */
bool tna_cfg_get_str_list(cfg *c, const yt_node *map, const char *key, const char *in,
                      const char ***out, size_t *n, const yt_node **list);

/* A scalar as text: fails for mappings, lists, null and (with nonblank) blank text. */
bool tna_cfg_scalar_str(cfg *c, const yt_node *v, const char *key, bool nonblank, const char **out);
/* A scalar as a whole number within min..max. */
bool tna_cfg_scalar_int(cfg *c, const yt_node *v, const char *key, long min, long max, long *out);

/* One value of an enumeration. `shown` lists the value in messages ("wide"), NULL hides an
 * alternative spelling. Names compare case-insensitively. */
typedef struct cfg_enum {
    const char *name;
    int value;
    const char *shown;
} cfg_enum;
bool tna_cfg_get_enum(cfg *c, const yt_node *map, const char *key, const cfg_enum *names, size_t n,
                  int *out, bool *present);

/* --- stages ------------------------------------------------------------------------------ */

bool tna_cfg_load_framework(cfg *c, const yt_node *path_node);
bool tna_cfg_load_roles(cfg *c, const yt_node *path_node);
bool tna_cfg_load_authorities(cfg *c, const yt_node *path_node);
/* `barriers:` of the analysis file: the file it names, or (path_node NULL) the shipped list. */
bool tna_cfg_load_barriers(cfg *c, const yt_node *path_node);
bool tna_cfg_load_source(cfg *c, const yt_node *node);
/* A source's columns, skills and exclude_rows (columns.c). */
bool tna_cfg_load_columns(cfg *c, const yt_node *source_node, tna_source *s);
/* `answers:` (a mapping of field -> {answer: meaning}) into scope 0 (the run's) or 1 + source. */
bool tna_cfg_load_answers(cfg *c, const yt_node *answers, size_t scope);
/* A barrier by the matching key of an id, name or alias; TNA_NONE when unknown. */
uint32_t tna_cfg_find_barrier(cfg *c, const char *text);

/* `mentors:` and `priorities:` (plan_keys.c); priorities and the mentors' check of min_level
 * against the scales need the frameworks loaded. */
bool tna_cfg_load_mentors(cfg *c, const yt_node *root);
bool tna_cfg_check_mentors(cfg *c, const yt_node *root);
bool tna_cfg_load_priorities(cfg *c, const yt_node *root);

/* " (did you mean 'x'?)" for an unknown id among the ids of one kind loaded so far (in
 * configuration order), or "". */
typedef enum cfg_kind {
    CFG_FRAMEWORK,
    CFG_TOPIC,
    CFG_SKILL,
    CFG_ROLE,
    CFG_AUTHORITY,
    CFG_REGION,
    CFG_BARRIER
} cfg_kind;
const char *tna_cfg_unknown_hint(cfg *c, cfg_kind kind, const char *id, char *buf, size_t size);

/* Enum tables shared between files (names.c). */
extern const cfg_enum tna_cfg_format_enum[];
extern const size_t tna_cfg_format_enum_n;
extern const cfg_enum tna_cfg_preset_enum[];
extern const size_t tna_cfg_preset_enum_n;
extern const cfg_enum tna_cfg_encoding_enum[];
extern const size_t tna_cfg_encoding_enum_n;
extern const cfg_enum tna_cfg_date_enum[];
extern const size_t tna_cfg_date_enum_n;
extern const cfg_enum tna_cfg_delimiter_enum[];
extern const size_t tna_cfg_delimiter_enum_n;
extern const cfg_enum tna_cfg_language_enum[];
extern const size_t tna_cfg_language_enum_n;
extern const cfg_enum tna_cfg_language_order_enum[];
extern const size_t tna_cfg_language_order_enum_n;
extern const cfg_enum tna_cfg_welsh_medium_enum[];
extern const size_t tna_cfg_welsh_medium_enum_n;
extern const cfg_enum tna_cfg_rater_enum[];
extern const size_t tna_cfg_rater_enum_n;
extern const cfg_enum tna_cfg_metric_enum[];
extern const size_t tna_cfg_metric_enum_n;

#endif
