/*
 * config_load.c - tna_config_load(): the analysis file, in dependency order.
 *
 * The top-level keys are checked first (so a misspelt key is reported as such, not as the
 * required key it should have been), then read in the order later ones depend on: periods;
 * frameworks, roles, authorities (reference.c) and barriers (barriers.c); the run's
 * `answers:`; sources (sources.c); expectations, whose scopes name all of those;
 * commissioning, privacy and output. A problem does not stop the load: every independent
 * part is read and checked, and what depends on a part that failed (answers, sources and
 * expectations on the reference files) is skipped, so that it reports no knock-on problems.
 * Everything built is freed by tna_cfg_discard() when anything failed.
 */
#include <string.h>

#include "config_internal.h"
#include "tna/text.h"

/* ---------------------------------------------------------------------------------------- */
/* The context */

static void framework_clear(gpointer p)
{
    tna_cfg_framework_clear(p);
}
static void role_clear(gpointer p)
{
    tna_cfg_role_clear(p);
}
static void authority_clear(gpointer p)
{
    tna_cfg_authority_clear(p);
}
static void source_clear(gpointer p)
{
    tna_cfg_source_clear(p);
}
static void barrier_clear(gpointer p)
{
    tna_cfg_barrier_clear(p);
}

static GArray *array_of(size_t size, GDestroyNotify clear)
{
    GArray *a = g_array_new(FALSE, TRUE, (guint)size);
    if (clear != NULL)
        g_array_set_clear_func(a, clear);
    return a;
}

void tna_cfg_init(cfg *c, tna_config_problems *problems)
{
    memset(c, 0, sizeof *c);
    c->problems = problems;
    c->m = g_new0(tna_model, 1);
    c->m->strings = g_string_chunk_new(4096);
    c->lk = tna_lookup_new();
    c->m->lookup = c->lk;
    c->frameworks = array_of(sizeof(tna_framework), framework_clear);
    c->topics = array_of(sizeof(tna_topic), NULL);
    c->skills = array_of(sizeof(tna_skill), NULL);
    c->roles = array_of(sizeof(tna_role), role_clear);
    c->regions = array_of(sizeof(tna_region), NULL);
    c->authorities = array_of(sizeof(tna_authority), authority_clear);
    c->barriers = array_of(sizeof(tna_barrier), barrier_clear);
    c->sources = array_of(sizeof(tna_source), source_clear);
    c->expectations = array_of(sizeof(tna_expectation), NULL);
    c->periods = g_ptr_array_new();
}

#define STEAL(arr, type, field, count)                                                             \
    do {                                                                                           \
        gsize n_ = 0;                                                                              \
        g_array_set_clear_func((arr), NULL);                                                       \
        m->field = (type *)g_array_steal((arr), &n_);                                              \
        m->count = n_;                                                                             \
        g_array_unref(arr);                                                                        \
        (arr) = NULL;                                                                              \
    } while (0)

tna_model *tna_cfg_finish(cfg *c)
{
    tna_model *m = c->m;
    STEAL(c->frameworks, tna_framework, frameworks, n_frameworks);
    STEAL(c->topics, tna_topic, topics, n_topics);
    STEAL(c->skills, tna_skill, skills, n_skills);
    STEAL(c->roles, tna_role, roles, n_roles);
    STEAL(c->regions, tna_region, regions, n_regions);
    STEAL(c->authorities, tna_authority, authorities, n_authorities);
    STEAL(c->barriers, tna_barrier, barriers, n_barriers);
    STEAL(c->sources, tna_source, sources, n_sources);
    STEAL(c->expectations, tna_expectation, expectations, n_expectations);
    gsize np = 0;
    m->periods = (const char **)g_ptr_array_steal(c->periods, &np);
    m->n_periods = np;
    g_ptr_array_free(c->periods, TRUE);
    c->periods = NULL;
    c->m = NULL;
    c->lk = NULL;
    return m;
}

void tna_cfg_discard(cfg *c)
{
    GArray **arrays[] = {&c->frameworks,  &c->topics,   &c->skills,  &c->roles,
                         &c->regions,     &c->authorities, &c->barriers, &c->sources,
                         &c->expectations};
    for (size_t i = 0; i < G_N_ELEMENTS(arrays); i++) {
        if (*arrays[i] != NULL)
            g_array_free(*arrays[i], TRUE);
        *arrays[i] = NULL;
    }
    if (c->periods != NULL)
        g_ptr_array_free(c->periods, TRUE);
    c->periods = NULL;
    tna_model_free(c->m); /* its arrays are still empty; frees strings and look-ups */
    c->m = NULL;
    c->lk = NULL;
}

/* ---------------------------------------------------------------------------------------- */
/* Pieces of the analysis file */

static bool load_periods(cfg *c, const yt_node *root)
{
    const char **periods = NULL;
    size_t n = 0;
    const yt_node *list = NULL;
    if (!tna_cfg_get_str_list(c, root, "periods", "", &periods, &n, &list))
        return false;
    bool ok = true;
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t i = 0; i < n && ok; i++) {
        const yt_node *it = list->items[i];
        const char *p = periods[i];
        const yt_node *first = g_hash_table_lookup(seen, p);
        if (first != NULL)
            ok = tna_cfg_fail(c, it, "duplicate period '%s' (first at line %ld)", p, first->line);
        else if (strpbrk(p, "/\\") != NULL || strcmp(p, "..") == 0 || strcmp(p, ".") == 0)
            ok = tna_cfg_fail(c, it, "period '%s' must not contain '/' or '\\' or be '.' or '..'", p);
        else if (strstr(p, "{period}") != NULL)
            ok = tna_cfg_fail(c, it, "period '%s' must not contain {period}", p);
        g_hash_table_insert(seen, (gpointer)p, (gpointer)it);
        g_ptr_array_add(c->periods, (gpointer)p);
    }
    g_hash_table_destroy(seen);
    g_free(periods);
    return ok;
}

static bool load_reference_lists(cfg *c, const yt_node *root)
{
    const yt_node *v;
    bool ok = true;
    if (!tna_cfg_value(c, root, "frameworks", "", &v) || !tna_cfg_expect_seq(c, v, "'frameworks'"))
        ok = false;
    else if (v->n_items == 0)
        ok = tna_cfg_fail(c, v, "'frameworks' must list at least one framework file");
    for (size_t i = 0; ok && i < v->n_items; i++) {
        const char *path;
        if (!tna_cfg_scalar_str(c, v->items[i], "frameworks", true, &path) ||
            !tna_cfg_load_framework(c, v->items[i]))
            ok = false; /* the next framework could repeat ids of a half-loaded one */
    }
    /* roles name the frameworks' skills: checking them against a half-loaded set would
     * report every target of the framework that failed */
    const char *ignored;
    if (!tna_cfg_value(c, root, "roles", "", &v) || !tna_cfg_scalar_str(c, v, "roles", true, &ignored))
        ok = false;
    else if (ok && !tna_cfg_load_roles(c, v))
        ok = false;
    bool authorities = tna_cfg_value(c, root, "authorities", "", &v) &&
                       tna_cfg_scalar_str(c, v, "authorities", true, &ignored) &&
                       tna_cfg_load_authorities(c, v);
    if (!tna_cfg_value(c, root, "barriers", NULL, &v))
        return false;
    bool barriers = (v == NULL || tna_cfg_scalar_str(c, v, "barriers", true, &ignored)) &&
                    tna_cfg_load_barriers(c, v);
    return ok && authorities && barriers;
}

static bool load_sources(cfg *c, const yt_node *root)
{
    const yt_node *v;
    if (!tna_cfg_value(c, root, "sources", "", &v) || !tna_cfg_expect_seq(c, v, "'sources'"))
        return false;
    if (v->n_items == 0)
        return tna_cfg_fail(c, v, "'sources' must list at least one source");
    bool ok = true;
    for (size_t i = 0; i < v->n_items; i++)
        ok &= tna_cfg_load_source(c, v->items[i]);
    return ok;
}

/* One entry of an expectation's scope: resolves `key: value` into *out. */
static bool scope_entry(cfg *c, const yt_node *scope, const char *key, const char *exp_id,
                        uint32_t *out)
{
    const char *val = NULL;
    const yt_node *v;
    if (!tna_cfg_value(c, scope, key, NULL, &v))
        return false;
    if (v == NULL)
        return true;
    if (!tna_cfg_scalar_str(c, v, key, true, &val))
        return false;
    uint32_t idx = TNA_NONE;
    cfg_kind kind = CFG_FRAMEWORK;
    const char *k = tna_cfg_key(c, val);
    if (strcmp(key, "authority") == 0)
        idx = tna_lookup_index(c->lk->authority, k), kind = CFG_AUTHORITY;
    else if (strcmp(key, "region") == 0)
        idx = tna_lookup_index(c->lk->region, k), kind = CFG_REGION;
    else if (strcmp(key, "role") == 0)
        idx = tna_lookup_index(c->lk->role, k), kind = CFG_ROLE;
    else if (strcmp(key, "framework") == 0)
        idx = tna_lookup_index(c->lk->framework, val), kind = CFG_FRAMEWORK;
    else if (strcmp(key, "topic") == 0)
        idx = tna_lookup_index(c->lk->topic, val), kind = CFG_TOPIC;
    else if (strcmp(key, "skill") == 0)
        idx = tna_lookup_index(c->lk->skill, val), kind = CFG_SKILL;
    if (idx == TNA_NONE) {
        char hint[128];
        return tna_cfg_fail(c, v, "expectation '%s' names unknown %s '%s'%s", exp_id, key, val,
                        tna_cfg_unknown_hint(c, kind, val, hint, sizeof hint));
    }
    *out = idx;
    return true;
}

static bool load_scope(cfg *c, const yt_node *e, tna_expectation *x)
{
    static const char *const keys[] = {"authority", "region", "role", "framework",
                                       "topic",     "skill",  NULL};
    x->scope = (tna_scope){TNA_NONE, TNA_NONE, TNA_NONE, TNA_NONE, TNA_NONE, TNA_NONE};
    const yt_node *scope;
    if (!tna_cfg_value(c, e, "scope", NULL, &scope))
        return false;
    if (scope == NULL)
        return true;
    if (!tna_cfg_expect_map(c, scope, "'scope'") || !tna_cfg_check_keys(c, scope, keys))
        return false;
    tna_scope *s = &x->scope;
    if (!scope_entry(c, scope, "authority", x->id, &s->authority) ||
        !scope_entry(c, scope, "region", x->id, &s->region) ||
        !scope_entry(c, scope, "role", x->id, &s->role) ||
        !scope_entry(c, scope, "framework", x->id, &s->framework) ||
        !scope_entry(c, scope, "topic", x->id, &s->topic) ||
        !scope_entry(c, scope, "skill", x->id, &s->skill))
        return false;

    /* The narrower entries must lie inside the wider ones, or the scope is always empty. */
    const tna_skill *skills = (const tna_skill *)(void *)c->skills->data;
    const tna_topic *topics = (const tna_topic *)(void *)c->topics->data;
    const tna_framework *fws = (const tna_framework *)(void *)c->frameworks->data;
    const tna_authority *auths = (const tna_authority *)(void *)c->authorities->data;
    const tna_region *regions = (const tna_region *)(void *)c->regions->data;
    if (s->skill != TNA_NONE && s->topic != TNA_NONE && skills[s->skill].topic != s->topic)
        return tna_cfg_fail(c, tna_yt_map_get(scope, "skill", NULL), "skill '%s' is not in topic '%s'",
                        skills[s->skill].id, topics[s->topic].id);
    if (s->skill != TNA_NONE && s->framework != TNA_NONE &&
        topics[skills[s->skill].topic].framework != s->framework)
        return tna_cfg_fail(c, tna_yt_map_get(scope, "skill", NULL), "skill '%s' is not in framework '%s'",
                        skills[s->skill].id, fws[s->framework].id);
    if (s->topic != TNA_NONE && s->framework != TNA_NONE &&
        topics[s->topic].framework != s->framework)
        return tna_cfg_fail(c, tna_yt_map_get(scope, "topic", NULL), "topic '%s' is not in framework '%s'",
                        topics[s->topic].id, fws[s->framework].id);
    if (s->authority != TNA_NONE && s->region != TNA_NONE &&
        auths[s->authority].region != s->region)
        return tna_cfg_fail(c, tna_yt_map_get(scope, "authority", NULL),
                        "authority '%s' is not in region '%s'", auths[s->authority].id,
                        regions[s->region].name);
    return true;
}

static bool load_expectations(cfg *c, const yt_node *root)
{
    static const char *const keys[] = {"id",     "title",    "title_cy", "metric", "scope",
                                       "baseline", "target", "due",      NULL};
    const yt_node *v;
    if (!tna_cfg_value(c, root, "expectations", NULL, &v))
        return false;
    if (v == NULL)
        return true;
    if (!tna_cfg_expect_seq(c, v, "'expectations'"))
        return false;
    GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
    bool all_ok = true;
    for (size_t i = 0; i < v->n_items; i++) {
        const yt_node *e = v->items[i];
        bool ok;
        tna_expectation x = {0};
        x.mark = (tna_mark){e->file, e->line, e->col};
        int metric = 0;
        bool has_metric = false;
        ok = tna_cfg_expect_map(c, e, "each expectation") && tna_cfg_check_keys(c, e, keys) &&
             tna_cfg_get_str(c, e, "id", "expectation", &x.id);
        if (ok) {
            gpointer first = g_hash_table_lookup(ids, x.id);
            if (first != NULL) {
                const tna_expectation *f =
                    &g_array_index(c->expectations, tna_expectation, GPOINTER_TO_UINT(first) - 1);
                ok = tna_cfg_fail(c, tna_yt_map_get(e, "id", NULL),
                              "duplicate expectation id '%s' (first defined at %s:%ld:%ld)", x.id,
                              f->mark.file, f->mark.line, f->mark.col);
            }
        }
        x.title = x.id;
        ok = ok && tna_cfg_get_str(c, e, "title", NULL, &x.title) &&
             tna_cfg_get_str(c, e, "title_cy", NULL, &x.title_cy) &&
             tna_cfg_value(c, e, "metric", "expectation", &(const yt_node *){NULL}) &&
             tna_cfg_get_enum(c, e, "metric", tna_cfg_metric_enum, tna_cfg_metric_enum_n, &metric,
                          &has_metric) &&
             load_scope(c, e, &x) &&
             tna_cfg_get_num(c, e, "baseline", NULL, -1e300, &x.baseline, &x.has_baseline) &&
             tna_cfg_get_num(c, e, "target", "expectation", -1e300, &x.target, NULL) &&
             tna_cfg_get_str(c, e, "due", NULL, &x.due);
        if (!ok) {
            all_ok = false;
            continue;
        }
        x.metric = (tna_metric)metric;
        g_array_append_val(c->expectations, x);
        g_hash_table_insert(ids, (gpointer)x.id, GUINT_TO_POINTER(c->expectations->len));
    }
    g_hash_table_destroy(ids);
    return all_ok;
}

static bool load_commissioning(cfg *c, const yt_node *root)
{
    static const char *const keys[] = {"cohort_min",        "cohort_max",
                                       "cost_per_cohort",   "cost_per_elearning_learner",
                                       "elearning_max_gap", "cost_per_open_place",
                                       "budget",            "welsh_medium",
                                       NULL};
    tna_commissioning *k = &c->m->commissioning;
    *k = (tna_commissioning){.cohort_min = 8, .cohort_max = 16, .elearning_max_gap = 1};
    /* no cost unless one is set */
    const yt_node *v;
    if (!tna_cfg_value(c, root, "commissioning", NULL, &v))
        return false;
    if (v == NULL)
        return true;
    bool has_min = false, has_max = false;
    if (!tna_cfg_expect_map(c, v, "'commissioning'") || !tna_cfg_check_keys(c, v, keys) ||
        !tna_cfg_get_int(c, v, "cohort_min", NULL, 1, 100000, &k->cohort_min, &has_min) ||
        !tna_cfg_get_int(c, v, "cohort_max", NULL, 1, 100000, &k->cohort_max, &has_max) ||
        !tna_cfg_get_num(c, v, "cost_per_cohort", NULL, 0, &k->cost_per_cohort,
                     &k->has_cost_per_cohort) ||
        !tna_cfg_get_num(c, v, "cost_per_elearning_learner", NULL, 0, &k->cost_per_elearning_learner,
                     &k->has_cost_per_elearning_learner) ||
        !tna_cfg_get_int(c, v, "elearning_max_gap", NULL, 0, 100, &k->elearning_max_gap, NULL) ||
        !tna_cfg_get_num(c, v, "cost_per_open_place", NULL, 0, &k->cost_per_open_place,
                     &k->has_cost_per_open_place) ||
        !tna_cfg_get_num(c, v, "budget", NULL, 0, &k->budget, &k->has_budget))
        return false;
    int medium = TNA_WELSH_MEDIUM_WELSH;
    if (!tna_cfg_get_enum(c, v, "welsh_medium", tna_cfg_welsh_medium_enum, tna_cfg_welsh_medium_enum_n,
                      &medium, NULL))
        return false;
    k->welsh_medium = (tna_welsh_medium)medium;
    if (k->has_budget &&
        !(k->has_cost_per_cohort && k->has_cost_per_elearning_learner && k->has_cost_per_open_place))
        return tna_cfg_fail(c, tna_yt_map_get(v, "budget", NULL),
                        "'budget' needs the three prices it buys at: 'cost_per_cohort', "
                        "'cost_per_elearning_learner' and 'cost_per_open_place'");
    if (k->cohort_min > k->cohort_max)
        return tna_cfg_fail(c, tna_yt_map_get(v, has_min ? "cohort_min" : "cohort_max", NULL),
                        "'cohort_min' (%d) must not be more than 'cohort_max' (%d)", k->cohort_min,
                        k->cohort_max);
    return true;
}

static bool load_privacy(cfg *c, const yt_node *root)
{
    static const char *const keys[] = {"min_group_size", NULL};
    c->m->min_group_size = 5;
    const yt_node *v;
    if (!tna_cfg_value(c, root, "privacy", NULL, &v))
        return false;
    if (v == NULL)
        return true;
    return tna_cfg_expect_map(c, v, "'privacy'") && tna_cfg_check_keys(c, v, keys) &&
           tna_cfg_get_int(c, v, "min_group_size", NULL, 1, 1000000, &c->m->min_group_size, NULL);
}

static bool load_output(cfg *c, const yt_node *root)
{
    static const char *const keys[] = {"dir", NULL};
    c->m->output_dir = tna_cfg_intern(c, "reports/{period}");
    const yt_node *v;
    if (!tna_cfg_value(c, root, "output", NULL, &v))
        return false;
    if (v == NULL)
        return true;
    if (!tna_cfg_expect_map(c, v, "'output'") || !tna_cfg_check_keys(c, v, keys) ||
        !tna_cfg_get_str(c, v, "dir", NULL, &c->m->output_dir))
        return false;
    const yt_node *dir = tna_yt_map_get(v, "dir", NULL);
    if (dir != NULL && !tna_yt_is_null(dir)) {
        /* No {period} check: report file names carry the period already. */
        if (tna_text_blank(dir->text, dir->len))
            return tna_cfg_fail(c, dir, "'dir' must not be blank");
    }
    return true;
}

static bool load_analysis(cfg *c, const yt_node *root)
{
    static const char *const keys[] = {
        "title", "title_cy", "language", "language_order", "periods", "frameworks", "roles",
        "authorities",
        "barriers", "answers",      "sources",       "expectations", "commissioning",
        "privacy",  "output",       "rater_policy",  "mentors",    "priorities", NULL};
    tna_model *m = c->m;
    int language = TNA_LANG_EN, rater = TNA_RATER_MANAGER_FIRST, order = TNA_ORDER_CY_FIRST;
    bool ok = tna_cfg_check_keys(c, root, keys);
    ok &= tna_cfg_get_str(c, root, "title", NULL, &m->title);
    ok &= tna_cfg_get_str(c, root, "title_cy", NULL, &m->title_cy);
    const yt_node *title = tna_yt_map_get(root, "title", NULL);
    if (title != NULL)
        m->title_mark = (tna_mark){title->file, title->line, title->col};
    ok &= tna_cfg_get_enum(c, root, "language", tna_cfg_language_enum, tna_cfg_language_enum_n, &language,
                       NULL);
    ok &= tna_cfg_get_enum(c, root, "language_order", tna_cfg_language_order_enum,
                       tna_cfg_language_order_enum_n, &order, NULL);
    m->language_order = (tna_language_order)order;
    ok &= tna_cfg_get_enum(c, root, "rater_policy", tna_cfg_rater_enum, tna_cfg_rater_enum_n, &rater, NULL);
    m->language = (tna_language)language;
    m->rater_policy = (tna_rater_policy)rater;
    ok &= load_periods(c, root);
    bool mentors_ok = tna_cfg_load_mentors(c, root);
    ok &= mentors_ok;
    if (load_reference_lists(c, root)) {
        const yt_node *answers;
        if (tna_cfg_value(c, root, "answers", NULL, &answers) && answers != NULL)
            ok &= tna_cfg_load_answers(c, answers, 0);
        ok &= load_sources(c, root);
        ok &= load_expectations(c, root);
        ok &= tna_cfg_load_priorities(c, root);
        ok &= !mentors_ok || tna_cfg_check_mentors(c, root);
    } else {
        ok = false;
    }
    ok &= load_commissioning(c, root);
    ok &= load_privacy(c, root);
    ok &= load_output(c, root);
    return ok && c->status == TNA_OK;
}

/* ---------------------------------------------------------------------------------------- */

tna_status tna_config_load_all(const char *path, tna_model **out, tna_config_problems *problems)
{
    tna_config_problems local;
    if (problems == NULL)
        problems = &local;
    memset(problems, 0, sizeof *problems);
    if (out != NULL)
        *out = NULL;
    if (path == NULL || out == NULL) {
        tna_error_set(&problems->list[0], TNA_ERR_USAGE, NULL, 0, 0,
                      "no configuration file given");
        problems->n = 1;
        return TNA_ERR_USAGE;
    }

    cfg c;
    tna_cfg_init(&c, problems);
    c.m->config_path = tna_cfg_intern(&c, path);
    char *dir = g_path_get_dirname(path);
    c.m->config_dir = tna_cfg_intern(&c, dir);
    g_free(dir);

    yt_doc *doc = tna_cfg_load_yaml(&c, c.m->config_path, NULL, path);
    bool ok = doc != NULL && load_analysis(&c, doc->root);
    tna_yt_doc_free(doc);
    if (!ok) {
        tna_status st = c.status != TNA_OK ? c.status : TNA_ERR_CONFIG;
        tna_cfg_discard(&c);
        return st;
    }
    *out = tna_cfg_finish(&c);
    return TNA_OK;
}

tna_status tna_config_load(const char *path, tna_model **out, tna_error *err)
{
    tna_config_problems *problems = g_new0(tna_config_problems, 1);
    tna_status st = tna_config_load_all(path, out, problems);
    if (st != TNA_OK && err != NULL && err->code == TNA_OK && problems->n > 0)
        *err = problems->list[0];
    g_free(problems);
    return st;
}
