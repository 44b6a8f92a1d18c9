/*
 * focus.c - what a report with a focus (a council's or a region's pack) shows, and the name
 * of its file; see render.h. A toolbox of the renderers and of packs.c, which drives them:
 * it calls none of them.
 */
#include <glib.h>
#include <string.h>

#include "tna/render.h"

bool tna_render_is_pack(const tna_render_options *o)
{
    return o->focus.authority.plus_one != 0 || o->focus.region.plus_one != 0;
}

bool tna_render_shows_authority(const tna_render_options *o, const tna_model *m, uint32_t a)
{
    if (o->focus.authority.plus_one)
        return a + 1 == o->focus.authority.plus_one;
    if (o->focus.region.plus_one)
        return a < m->n_authorities && m->authorities[a].region + 1 == o->focus.region.plus_one;
    return true;
}

bool tna_render_shows_region(const tna_render_options *o, const tna_model *m, uint32_t g)
{
    if (o->focus.authority.plus_one) {
        uint32_t a = o->focus.authority.plus_one - 1;
        return a < m->n_authorities && m->authorities[a].region == g;
    }
    return o->focus.region.plus_one == 0 || g + 1 == o->focus.region.plus_one;
}

/* "North Wales" -> "north-wales": letters and digits kept (ASCII lower case), every other
 * run of characters one hyphen, none at either end. */
static char *region_id(const char *name)
{
    GString *s = g_string_new(NULL);
    for (const char *p = name; *p; p++) {
        if (g_ascii_isalnum(*p))
            g_string_append_c(s, g_ascii_tolower(*p));
        else if (s->len > 0 && s->str[s->len - 1] != '-')
            g_string_append_c(s, '-');
    }
    while (s->len > 0 && s->str[s->len - 1] == '-')
        g_string_truncate(s, s->len - 1);
    if (s->len == 0)
        g_string_append(s, "region");
    return g_string_free(s, FALSE);
}

char *tna_render_file_name(const tna_results *r, const tna_render_options *o, const char *ext)
{
    const char *period = r->periods[r->n_periods - 1].period;
    if (!tna_render_is_pack(o))
        return g_strdup_printf("tna-%s.%s", period, ext);
    char *id = o->focus.authority.plus_one
                   ? g_strdup(r->model->authorities[o->focus.authority.plus_one - 1].id)
                   : region_id(r->model->regions[o->focus.region.plus_one - 1].name);
    char *name = g_strdup_printf("packs/%s/tna-%s-%s.%s", id, id, period, ext);
    g_free(id);
    return name;
}
