/*
 * barriers.c - the barriers to learning, as reference data: the file `barriers:` names, or
 * the shipped inputs/barriers.yaml compiled into the binary when it names none.
 *
 * Shape: `barriers: [{id, name, name_cy, aliases}]`. Ids are unique; the matching keys of
 * every id, name, Welsh name and alias go into one table, and a key naming two barriers is
 * an error (ingest could not tell them apart). There is always a barrier `other`, where an
 * option that matches none is counted: a file without one gets "Other" / "Arall" at the end.
 * At most TNA_MAX_BARRIERS, as records keep the barriers cited as bits.
 */
#include <string.h>

#include "config_internal.h"
#include "tna/reference.h"
#include "tna/text.h"

#define BUILT_IN_NAME "barriers.yaml (built in)"

uint32_t tna_cfg_find_barrier(cfg *c, const char *text)
{
    const char *k = cfg_key(c, text);
    return lookup_index(c->lk->barrier, k);
}

/* Registers the matching key of text (at node `at`) for barrier `index`. */
static bool add_key(cfg *c, const char *text, uint32_t index, const yt_node *at)
{
    const char *k = cfg_key(c, text);
    if (k[0] == '\0')
        return true;
    uint32_t other = lookup_index(c->lk->barrier, k);
    if (other != TNA_NONE && other != index) {
        const tna_barrier *o = &g_array_index(c->barriers, tna_barrier, other);
        return cfg_fail(c, at, "'%s' already names barrier '%s' (line %ld)", text, o->id,
                        o->mark.line);
    }
    g_hash_table_insert(c->lk->barrier, (gpointer)k, LK_INDEX(index));
    return true;
}

static bool load_barrier(cfg *c, const yt_node *e)
{
    static const char *const keys[] = {"id", "name", "name_cy", "aliases", NULL};
    tna_barrier b = {0};
    b.mark = (tna_mark){e->file, e->line, e->col};
    bool ok = cfg_expect_map(c, e, "each barrier") && cfg_check_keys(c, e, keys) &&
              cfg_get_str(c, e, "id", "barrier", &b.id);
    for (guint i = 0; ok && i < c->barriers->len; i++) {
        const tna_barrier *f = &g_array_index(c->barriers, tna_barrier, i);
        if (strcmp(f->id, b.id) == 0)
            ok = cfg_fail(c, yt_map_get(e, "id", NULL),
                          "duplicate barrier id '%s' (first defined at %s:%ld:%ld)", b.id,
                          f->mark.file, f->mark.line, f->mark.col);
    }
    ok = ok && cfg_get_str(c, e, "name", "barrier", &b.name) &&
         cfg_get_str(c, e, "name_cy", NULL, &b.name_cy) &&
         cfg_get_str_list(c, e, "aliases", NULL, &b.aliases, &b.n_aliases, NULL);
    if (!ok) {
        tna_cfg_barrier_clear(&b);
        return false;
    }
    uint32_t index = c->barriers->len;
    g_array_append_val(c->barriers, b);
    ok = add_key(c, b.id, index, yt_map_get(e, "id", NULL)) &&
         add_key(c, b.name, index, yt_map_get(e, "name", NULL)) &&
         (b.name_cy == NULL || add_key(c, b.name_cy, index, yt_map_get(e, "name_cy", NULL)));
    const yt_node *aliases = yt_map_get(e, "aliases", NULL);
    for (size_t i = 0; ok && i < b.n_aliases; i++)
        ok = add_key(c, b.aliases[i], index, aliases->items[i]);
    return ok;
}

static bool load_list(cfg *c, const yt_doc *doc)
{
    static const char *const keys[] = {"barriers", NULL};
    const yt_node *list;
    if (!cfg_check_keys(c, doc->root, keys) || !cfg_value(c, doc->root, "barriers", "", &list) ||
        !cfg_expect_seq(c, list, "'barriers'"))
        return false;
    bool ok = true;
    for (size_t i = 0; i < list->n_items; i++)
        ok &= load_barrier(c, list->items[i]);
    if (ok &&
        c->barriers->len + (lookup_index(c->lk->barrier, "other") == TNA_NONE) > TNA_MAX_BARRIERS)
        ok = cfg_fail(c, list, "at most %d barriers (with 'other'), not %u", TNA_MAX_BARRIERS,
                      c->barriers->len + 1);
    return ok;
}

bool tna_cfg_load_barriers(cfg *c, const yt_node *path_node)
{
    yt_doc *doc = NULL;
    if (path_node != NULL) {
        char *full = cfg_resolve(c->m->config_dir, path_node->text);
        c->m->barriers_path = cfg_intern(c, full);
        g_free(full);
        doc = cfg_load_yaml(c, c->m->barriers_path, path_node, path_node->text);
    } else {
        c->m->barriers_path = cfg_intern(c, BUILT_IN_NAME);
        for (const tna_embedded_file *e = tna_reference_files; e->path != NULL; e++)
            if (strcmp(e->path, "barriers.yaml") == 0)
                doc = tna_cfg_parse_yaml(c, c->m->barriers_path, (const char *)e->data, e->size);
        if (doc == NULL && c->status == TNA_OK)
            return cfg_fail_at(c, TNA_ERR_CONFIG, BUILT_IN_NAME, 0, 0, "not compiled in");
    }
    if (doc == NULL)
        return false;
    bool ok = load_list(c, doc);
    yt_doc_free(doc);
    if (!ok)
        return false;
    uint32_t other = lookup_index(c->lk->barrier, "other");
    if (other == TNA_NONE) {
        tna_barrier b = {
            cfg_intern(c, "other"),     cfg_intern(c, "Other"), cfg_intern(c, "Arall"), NULL, 0,
            {c->m->barriers_path, 0, 0}};
        other = c->barriers->len;
        g_array_append_val(c->barriers, b);
        g_hash_table_insert(c->lk->barrier, (gpointer)cfg_key(c, "other"), LK_INDEX(other));
        const char *cy = cfg_key(c, "arall");
        if (!g_hash_table_contains(c->lk->barrier, cy))
            g_hash_table_insert(c->lk->barrier, (gpointer)cy, LK_INDEX(other));
    }
    c->m->barrier_other = other;
    return true;
}
