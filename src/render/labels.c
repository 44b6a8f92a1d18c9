/* labels.c - names in the report's language; see include/tna/labels.h. */
#include "tna/labels.h"

#include <glib.h>
#include <string.h>

struct tna_labels {
    const tna_model *model;
    tna_language language;
    GStringChunk *strings;
};

tna_labels *tna_labels_new(const tna_model *model, tna_language language)
{
    tna_labels *l = g_new0(tna_labels, 1);
    l->model = model;
    l->language = language;
    l->strings = g_string_chunk_new(4096);
    return l;
}

void tna_labels_free(tna_labels *l)
{
    if (l == NULL)
        return;
    g_string_chunk_free(l->strings);
    g_free(l);
}

/* en, cy (may be NULL or empty) -> the label for the language */
static const char *pick(tna_labels *l, const char *en, const char *cy)
{
    if (en == NULL)
        en = "";
    bool has_cy = cy != NULL && cy[0] != '\0';
    switch (l->language) {
    case TNA_LANG_CY: return has_cy ? cy : en;
    case TNA_LANG_BOTH:
        if (!has_cy || strcmp(en, cy) == 0)
            return en;
        char *both = g_strdup_printf("%s / %s", en, cy);
        const char *kept = g_string_chunk_insert_const(l->strings, both);
        g_free(both);
        return kept;
    case TNA_LANG_EN: break;
    }
    return en;
}

const char *tna_label_authority(tna_labels *l, uint32_t i)
{
    if (i == TNA_NONE)
        return tna_label_wales(l);
    return pick(l, l->model->authorities[i].name, l->model->authorities[i].name_cy);
}

const char *tna_label_region(tna_labels *l, uint32_t i)
{
    if (i == TNA_NONE)
        return tna_label_wales(l);
    return pick(l, l->model->regions[i].name, l->model->regions[i].name_cy);
}

const char *tna_label_role(tna_labels *l, uint32_t i)
{
    if (i == TNA_NONE)
        return tna_label_text(l, "All roles", "Pob rôl");
    return pick(l, l->model->roles[i].name, l->model->roles[i].name_cy);
}

const char *tna_label_framework(tna_labels *l, uint32_t i)
{
    if (i == TNA_NONE)
        return tna_label_text(l, "All frameworks", "Pob fframwaith");
    return pick(l, l->model->frameworks[i].name, l->model->frameworks[i].name_cy);
}

const char *tna_label_topic(tna_labels *l, uint32_t i)
{
    if (i == TNA_NONE)
        return tna_label_text(l, "All topics", "Pob pwnc");
    return pick(l, l->model->topics[i].name, l->model->topics[i].name_cy);
}

const char *tna_label_skill(tna_labels *l, uint32_t i)
{
    if (i == TNA_NONE)
        return tna_label_text(l, "All skills", "Pob sgil");
    return pick(l, l->model->skills[i].name, l->model->skills[i].name_cy);
}

const char *tna_label_barrier(tna_labels *l, uint32_t i)
{
    if (i >= l->model->n_barriers)
        return "";
    return pick(l, l->model->barriers[i].name, l->model->barriers[i].name_cy);
}

const char *tna_label_level(tna_labels *l, uint32_t framework, int level)
{
    const tna_scale *sc = &l->model->frameworks[framework].scale;
    for (size_t i = 0; i < sc->n_levels; i++)
        if (sc->levels[i].level == level)
            return pick(l, sc->levels[i].label, sc->levels[i].label_cy);
    return "";
}

const char *tna_label_text(tna_labels *l, const char *en, const char *cy)
{
    return pick(l, en, cy);
}

const char *tna_label_suppressed(tna_labels *l, int min_group_size)
{
    char *en = g_strdup_printf("fewer than %d", min_group_size);
    char *cy = g_strdup_printf("llai na %d", min_group_size);
    const char *r = pick(l, g_string_chunk_insert_const(l->strings, en),
                         g_string_chunk_insert_const(l->strings, cy));
    g_free(en);
    g_free(cy);
    return r;
}

const char *tna_label_wales(tna_labels *l)
{
    return pick(l, "All Wales", "Cymru gyfan");
}
