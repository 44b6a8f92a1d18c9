/*
 * plan_keys.c - the keys that shape the plan beyond commissioning's prices: `mentors:` (who
 * counts as an expert in a topic) and `priorities:` (weights per topic or framework, from
 * business plans). docs/configuration.md and docs/method.md describe them.
 *
 *   mentors: {min_level: 4, min_share: 0.5}
 *   priorities:
 *     - {framework: user-research, weight: 1.5}
 *     - {topic: cd-accessibility, weight: 2}     # a topic's own weight wins
 *
 * Both are optional; without them an expert is at the top level of the scale in every skill
 * of the topic they answered, and every topic weighs 1.
 */
#include <math.h>
#include <string.h>

#include "config_internal.h"

#define MAX_WEIGHT 1000.0

bool tna_cfg_load_mentors(cfg *c, const yt_node *root)
{
    static const char *const keys[] = {"min_level", "min_share", NULL};
    tna_mentor_rule *rule = &c->m->mentors;
    *rule = (tna_mentor_rule){0, 1.0};
    const yt_node *v;
    if (!cfg_value(c, root, "mentors", NULL, &v))
        return false;
    if (v == NULL)
        return true;
    if (!cfg_expect_map(c, v, "'mentors'") || !cfg_check_keys(c, v, keys) ||
        !cfg_get_int(c, v, "min_level", NULL, 1, 100, &rule->min_level, NULL) ||
        !cfg_get_num(c, v, "min_share", NULL, 0, &rule->min_share, NULL))
        return false;
    const yt_node *share = yt_map_get(v, "min_share", NULL);
    if (share != NULL && !(rule->min_share > 0 && rule->min_share <= 1))
        return cfg_fail(c, share, "'min_share' must be more than 0 and at most 1, not %s",
                        share->text);
    return true;
}

/* The largest top level of the frameworks' scales: a min_level above it names no one. */
bool tna_cfg_check_mentors(cfg *c, const yt_node *root)
{
    const yt_node *v = yt_map_get(root, "mentors", NULL);
    const yt_node *level =
        v != NULL && v->kind == YT_MAPPING ? yt_map_get(v, "min_level", NULL) : NULL;
    if (level == NULL || c->m->mentors.min_level == 0)
        return true;
    const tna_framework *fws = (const tna_framework *)(void *)c->frameworks->data;
    int top = 0;
    for (guint f = 0; f < c->frameworks->len; f++)
        if (fws[f].scale.max > top)
            top = fws[f].scale.max;
    if (c->m->mentors.min_level > top)
        return cfg_fail(c, level, "'min_level' (%d) is above the top level of every scale (%d)",
                        c->m->mentors.min_level, top);
    return true;
}

/* One entry of `priorities:`: a topic or a framework, and its weight. */
static bool priority_entry(cfg *c, const yt_node *e, double *topic_weight, int8_t *set_by)
{
    static const char *const keys[] = {"topic", "framework", "weight", NULL};
    const char *topic = NULL, *framework = NULL;
    double weight = 1;
    if (!cfg_expect_map(c, e, "each priority") || !cfg_check_keys(c, e, keys) ||
        !cfg_get_str(c, e, "topic", NULL, &topic) ||
        !cfg_get_str(c, e, "framework", NULL, &framework) ||
        !cfg_get_num(c, e, "weight", "a priority", 0, &weight, NULL))
        return false;
    const yt_node *w = yt_map_get(e, "weight", NULL);
    if (weight > MAX_WEIGHT)
        return cfg_fail(c, w, "'weight' must be at most %g, not %s", MAX_WEIGHT, w->text);
    if ((topic == NULL) == (framework == NULL))
        return cfg_fail(c, e, "a priority names either a 'topic' or a 'framework'");
    const tna_topic *topics = (const tna_topic *)(void *)c->topics->data;
    char hint[128];
    if (topic != NULL) {
        uint32_t t = lookup_index(c->lk->topic, topic);
        if (t == TNA_NONE)
            return cfg_fail(c, yt_map_get(e, "topic", NULL), "priority names unknown topic '%s'%s",
                            topic, cfg_unknown_hint(c, CFG_TOPIC, topic, hint, sizeof hint));
        if (set_by[t] == 2)
            return cfg_fail(c, yt_map_get(e, "topic", NULL), "topic '%s' has two priorities",
                            topic);
        topic_weight[t] = weight, set_by[t] = 2;
        return true;
    }
    uint32_t f = lookup_index(c->lk->framework, framework);
    if (f == TNA_NONE)
        return cfg_fail(c, yt_map_get(e, "framework", NULL),
                        "priority names unknown framework '%s'%s", framework,
                        cfg_unknown_hint(c, CFG_FRAMEWORK, framework, hint, sizeof hint));
    for (guint t = 0; t < c->topics->len; t++) {
        if (topics[t].framework != f)
            continue;
        if (set_by[t] == 1)
            return cfg_fail(c, yt_map_get(e, "framework", NULL),
                            "framework '%s' has two priorities", framework);
        if (set_by[t] == 0) /* a topic's own weight wins, whichever comes first */
            topic_weight[t] = weight, set_by[t] = 1;
    }
    return true;
}

bool tna_cfg_load_priorities(cfg *c, const yt_node *root)
{
    const yt_node *v;
    if (!cfg_value(c, root, "priorities", NULL, &v))
        return false;
    size_t n = c->topics->len;
    double *weight = g_new(double, n + 1);
    int8_t *set_by = g_new0(int8_t, n + 1); /* 0 default, 1 framework, 2 topic */
    for (size_t t = 0; t < n; t++)
        weight[t] = 1;
    bool ok = true;
    if (v != NULL && cfg_expect_seq(c, v, "'priorities'")) {
        for (size_t i = 0; i < v->n_items; i++)
            ok &= priority_entry(c, v->items[i], weight, set_by);
    } else if (v != NULL) {
        ok = false;
    }
    g_free(set_by);
    if (!ok) {
        g_free(weight);
        return false;
    }
    c->m->topic_weight = weight;
    c->m->has_priorities = v != NULL;
    return true;
}
