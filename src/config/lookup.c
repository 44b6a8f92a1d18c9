/*
 * lookup.c - the hash tables behind tna_model_find_*, freeing the model, and the paths a
 * model resolves (sources per period, output directory).
 *
 * Keys in every table are strings interned in model->strings, so the tables own nothing but
 * themselves. Values are offset (LK_INDEX, LK_LEVEL) so that a missing key (NULL) differs
 * from index 0 and level 0.
 */
#include <string.h>

#include "config_internal.h"

tna_lookup *lookup_new(void)
{
    tna_lookup *lk = g_new0(tna_lookup, 1);
    lk->authority = g_hash_table_new(g_str_hash, g_str_equal);
    lk->role = g_hash_table_new(g_str_hash, g_str_equal);
    lk->region = g_hash_table_new(g_str_hash, g_str_equal);
    lk->framework = g_hash_table_new(g_str_hash, g_str_equal);
    lk->topic = g_hash_table_new(g_str_hash, g_str_equal);
    lk->skill = g_hash_table_new(g_str_hash, g_str_equal);
    lk->levels = g_ptr_array_new_with_free_func((GDestroyNotify)g_hash_table_unref);
    lk->barrier = g_hash_table_new(g_str_hash, g_str_equal);
    lk->answers = g_ptr_array_new_with_free_func(tna_cfg_answer_tables_free);
    g_ptr_array_add(lk->answers, NULL); /* the run's, until `answers:` fills it */
    return lk;
}

void lookup_free(tna_lookup *lk)
{
    if (lk == NULL)
        return;
    g_hash_table_unref(lk->authority);
    g_hash_table_unref(lk->role);
    g_hash_table_unref(lk->region);
    g_hash_table_unref(lk->framework);
    g_hash_table_unref(lk->topic);
    g_hash_table_unref(lk->skill);
    g_ptr_array_free(lk->levels, TRUE);
    g_hash_table_unref(lk->barrier);
    g_ptr_array_free(lk->answers, TRUE);
    g_free(lk);
}

uint32_t lookup_index(GHashTable *table, const char *key)
{
    if (key == NULL)
        return TNA_NONE;
    gpointer v = g_hash_table_lookup(table, key);
    return v == NULL ? TNA_NONE : (uint32_t)(GPOINTER_TO_UINT(v) - 1u);
}

/* ---------------------------------------------------------------------------------------- */
/* Public look-ups */

static const tna_lookup *lk_of(const tna_model *m)
{
    return m ? (const tna_lookup *)m->lookup : NULL;
}

uint32_t tna_model_find_authority(const tna_model *model, const char *key)
{
    const tna_lookup *lk = lk_of(model);
    return lk ? lookup_index(lk->authority, key) : TNA_NONE;
}

uint32_t tna_model_find_role(const tna_model *model, const char *key)
{
    const tna_lookup *lk = lk_of(model);
    return lk ? lookup_index(lk->role, key) : TNA_NONE;
}

uint32_t tna_model_find_region(const tna_model *model, const char *key)
{
    const tna_lookup *lk = lk_of(model);
    return lk ? lookup_index(lk->region, key) : TNA_NONE;
}

uint32_t tna_model_find_barrier(const tna_model *model, const char *key)
{
    const tna_lookup *lk = lk_of(model);
    return lk ? lookup_index(lk->barrier, key) : TNA_NONE;
}

uint32_t tna_model_find_skill(const tna_model *model, const char *id)
{
    const tna_lookup *lk = lk_of(model);
    return lk ? lookup_index(lk->skill, id) : TNA_NONE;
}

uint32_t tna_model_find_topic(const tna_model *model, const char *id)
{
    const tna_lookup *lk = lk_of(model);
    return lk ? lookup_index(lk->topic, id) : TNA_NONE;
}

uint32_t tna_model_find_framework(const tna_model *model, const char *id)
{
    const tna_lookup *lk = lk_of(model);
    return lk ? lookup_index(lk->framework, id) : TNA_NONE;
}

int tna_model_find_level(const tna_model *model, uint32_t framework, const char *key)
{
    const tna_lookup *lk = lk_of(model);
    if (lk == NULL || framework >= lk->levels->len || key == NULL)
        return TNA_ANSWER_UNKNOWN;
    if (key[0] == '\0')
        return TNA_ANSWER_MISSING;
    gpointer v = g_hash_table_lookup(g_ptr_array_index(lk->levels, framework), key);
    return v == NULL ? TNA_ANSWER_UNKNOWN : GPOINTER_TO_INT(v) - 3;
}

/* ---------------------------------------------------------------------------------------- */
/* Freeing */

void cfg_framework_clear(tna_framework *f)
{
    for (size_t i = 0; i < f->scale.n_levels; i++)
        g_free(f->scale.levels[i].aliases);
    g_free(f->scale.levels);
    g_free(f->scale.missing);
    f->scale.levels = NULL;
    f->scale.missing = NULL;
}

void cfg_role_clear(tna_role *r)
{
    g_free(r->aliases);
    g_free(r->target);
    r->aliases = NULL;
    r->target = NULL;
}

void cfg_authority_clear(tna_authority *a)
{
    g_free(a->aliases);
    a->aliases = NULL;
}

void tna_cfg_barrier_clear(tna_barrier *b)
{
    g_free(b->aliases);
    b->aliases = NULL;
}

void cfg_source_clear(tna_source *s)
{
    g_free(s->skills);
    s->skills = NULL;
    for (int f = 0; f < TNA_FIELD_COUNT; f++) {
        g_free(s->columns[f]);
        s->columns[f] = NULL;
    }
    for (size_t i = 0; i < s->n_exclude; i++) {
        g_free(s->exclude[i].values);
        g_free(s->exclude[i].value_keys);
    }
    g_free(s->exclude);
    s->exclude = NULL;
    s->n_exclude = 0;
}

void tna_model_free(tna_model *m)
{
    if (m == NULL)
        return;
    for (size_t i = 0; i < m->n_frameworks; i++)
        cfg_framework_clear(&m->frameworks[i]);
    for (size_t i = 0; i < m->n_roles; i++)
        cfg_role_clear(&m->roles[i]);
    for (size_t i = 0; i < m->n_authorities; i++)
        cfg_authority_clear(&m->authorities[i]);
    for (size_t i = 0; i < m->n_sources; i++)
        cfg_source_clear(&m->sources[i]);
    for (size_t i = 0; i < m->n_barriers; i++)
        tna_cfg_barrier_clear(&m->barriers[i]);
    g_free(m->barriers);
    g_free(m->periods);
    g_free(m->frameworks);
    g_free(m->topics);
    g_free(m->skills);
    g_free(m->roles);
    g_free(m->regions);
    g_free(m->authorities);
    g_free(m->sources);
    g_free(m->expectations);
    g_free(m->topic_weight);
    lookup_free(m->lookup);
    if (m->strings != NULL)
        g_string_chunk_free(m->strings);
    g_free(m);
}

/* ---------------------------------------------------------------------------------------- */
/* Paths */

static char *with_period(const tna_model *m, const char *path, const char *period)
{
    if (period == NULL)
        period = m->n_periods > 0 ? m->periods[m->n_periods - 1] : "";
    GString *s = g_string_new(NULL);
    const char *p = path;
    const char *hit;
    while ((hit = strstr(p, "{period}")) != NULL) {
        g_string_append_len(s, p, hit - p);
        g_string_append(s, period);
        p = hit + strlen("{period}");
    }
    g_string_append(s, p);
    char *resolved = cfg_resolve(m->config_dir, s->str);
    g_string_free(s, TRUE);
    return resolved;
}

char *tna_model_source_path(const tna_model *model, const tna_source *source, const char *period)
{
    return with_period(model, source->path, period);
}

char *tna_model_output_dir(const tna_model *model, const char *period)
{
    return with_period(model, model->output_dir, period);
}
