/*
 * welsh.c - the configured texts that have no Welsh form; see config.h.
 *
 * A Welsh report prints every configured name in Welsh where the configuration gives one
 * (name_cy, label_cy, region_cy, title_cy) and in English where it does not. This lists
 * the second kind, in the order the configuration is read, so that tna validate can warn
 * about each and a Welsh report can say which of its words are English and why. Only texts
 * a report can print are listed: an expectation without a title shows its id, which is no
 * language's, and an analysis without a title shows the glossary's words.
 */
#include <stdio.h>
#include <string.h>

#include "config_internal.h"

static bool blank(const char *s)
{
    return s == NULL || s[0] == '\0';
}

typedef struct lister {
    tna_untranslated_visit visit;
    void *ctx;
    size_t n;
} lister;

static void list(lister *li, tna_text_kind kind, const char *key, const char *id, const char *text,
                 tna_mark mark)
{
    li->n++;
    if (li->visit == NULL)
        return;
    tna_untranslated u = {kind, key, id ? id : "", text ? text : "", mark};
    li->visit(li->ctx, &u);
}

static void frameworks(const tna_model *m, lister *li)
{
    for (size_t f = 0; f < m->n_frameworks; f++) {
        const tna_framework *fw = &m->frameworks[f];
        if (blank(fw->name_cy))
            list(li, TNA_TEXT_FRAMEWORK, "name_cy", fw->id, fw->name, fw->mark);
        for (size_t i = 0; i < fw->scale.n_levels; i++) {
            const tna_level *lv = &fw->scale.levels[i];
            if (blank(lv->label_cy))
                list(li, TNA_TEXT_LEVEL, "label_cy", fw->id, lv->label, fw->mark);
        }
        for (uint32_t t = fw->first_topic; t < fw->first_topic + fw->n_topics; t++) {
            const tna_topic *tp = &m->topics[t];
            if (blank(tp->name_cy))
                list(li, TNA_TEXT_TOPIC, "name_cy", tp->id, tp->name, tp->mark);
            for (uint32_t s = tp->first_skill; s < tp->first_skill + tp->n_skills; s++)
                if (blank(m->skills[s].name_cy))
                    list(li, TNA_TEXT_SKILL, "name_cy", m->skills[s].id, m->skills[s].name,
                         m->skills[s].mark);
        }
    }
}

size_t tna_model_each_untranslated(const tna_model *m, tna_untranslated_visit visit, void *ctx)
{
    lister li = {visit, ctx, 0};
    if (!blank(m->title) && blank(m->title_cy))
        list(&li, TNA_TEXT_TITLE, "title_cy", "", m->title, m->title_mark);
    for (size_t i = 0; i < m->n_expectations; i++) {
        const tna_expectation *x = &m->expectations[i];
        if (!blank(x->title) && strcmp(x->title, x->id) != 0 && blank(x->title_cy))
            list(&li, TNA_TEXT_EXPECTATION, "title_cy", x->id, x->title, x->mark);
    }
    frameworks(m, &li);
    for (size_t i = 0; i < m->n_roles; i++)
        if (blank(m->roles[i].name_cy))
            list(&li, TNA_TEXT_ROLE, "name_cy", m->roles[i].id, m->roles[i].name,
                 m->roles[i].mark);
    for (size_t r = 0; r < m->n_regions; r++) {
        if (!blank(m->regions[r].name_cy))
            continue;
        tna_mark where = {NULL, 0, 0}; /* the first authority of the region names it */
        for (size_t a = 0; a < m->n_authorities && where.file == NULL; a++)
            if (m->authorities[a].region == r)
                where = m->authorities[a].mark;
        list(&li, TNA_TEXT_REGION, "region_cy", m->regions[r].name, m->regions[r].name, where);
    }
    for (size_t i = 0; i < m->n_authorities; i++)
        if (blank(m->authorities[i].name_cy))
            list(&li, TNA_TEXT_AUTHORITY, "name_cy", m->authorities[i].id,
                 m->authorities[i].name, m->authorities[i].mark);
    for (size_t i = 0; i < m->n_barriers; i++)
        if (blank(m->barriers[i].name_cy))
            list(&li, TNA_TEXT_BARRIER, "name_cy", m->barriers[i].id, m->barriers[i].name,
                 m->barriers[i].mark);
    return li.n;
}
