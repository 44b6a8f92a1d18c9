/*
 * reference.c - the reference files an analysis names: frameworks (with their scale,
 * topics and skills), role profiles and authorities, in the shapes docs/configuration.md describes.
 *
 * Each file is parsed, checked and flattened into the context's arrays; ids go into the
 * look-up tables as they are met, so a duplicate is reported where it appears, with the
 * place of the first. Role targets are resolved into one level per skill, most specific
 * last: framework, then topic, then skill. Names and aliases of roles and authorities are
 * registered by matching key; one key naming two roles (or two authorities) is an error,
 * since ingest could not tell them apart.
 */
#include <stdio.h>
#include <string.h>

#include "config_internal.h"
#include "tna/text.h"

#define MAX_LEVEL TNA_LEVEL_MAX /* a level is kept in four bits (ingest.h) */

static const char *resolve_ref(cfg *c, const yt_node *path_node)
{
    char *full = tna_cfg_resolve(c->m->config_dir, path_node->text);
    const char *path = tna_cfg_intern(c, full);
    g_free(full);
    return path;
}

/* ---------------------------------------------------------------------------------------- */
/* Frameworks */

/* Adds a matching key for a level (or TNA_ANSWER_MISSING) to a framework's table; `where`
 * remembers the node that first used each key, for messages. Blank text adds nothing. */
static bool add_level_key(cfg *c, GHashTable *table, GHashTable *where, const char *text, int value,
                          const yt_node *at)
{
    const char *k = tna_cfg_key(c, text);
    if (k[0] == '\0')
        return true;
    gpointer old = g_hash_table_lookup(table, k);
    if (old != NULL && GPOINTER_TO_INT(old) - 3 != value) {
        const yt_node *first = g_hash_table_lookup(where, k);
        int was = GPOINTER_TO_INT(old) - 3;
        if (was == TNA_ANSWER_MISSING)
            return tna_cfg_fail(c, at, "'%s' is already a missing answer (line %ld)", text,
                            first ? first->line : 0);
        return tna_cfg_fail(c, at, "'%s' already names level %d (line %ld)", text, was,
                        first ? first->line : 0);
    }
    g_hash_table_insert(table, (gpointer)k, LK_LEVEL(value));
    if (!g_hash_table_contains(where, k))
        g_hash_table_insert(where, (gpointer)k, (gpointer)at);
    return true;
}

static bool load_level(cfg *c, const yt_node *lv, const yt_node **slots, tna_level *out)
{
    static const char *const keys[] = {"level", "label", "label_cy", "aliases", NULL};
    int level = 0;
    if (!tna_cfg_expect_map(c, lv, "each level") || !tna_cfg_check_keys(c, lv, keys) ||
        !tna_cfg_get_int(c, lv, "level", "level", 0, MAX_LEVEL, &level, NULL) ||
        !tna_cfg_get_str(c, lv, "label", "level", &out->label) ||
        !tna_cfg_get_str(c, lv, "label_cy", NULL, &out->label_cy) ||
        !tna_cfg_get_str_list(c, lv, "aliases", NULL, &out->aliases, &out->n_aliases, NULL))
        return false;
    out->level = level;
    const yt_node *ln = tna_yt_map_get(lv, "level", NULL);
    if (slots[level] != NULL)
        return tna_cfg_fail(c, ln, "duplicate level %d (first at line %ld)", level, slots[level]->line);
    slots[level] = lv;
    return true;
}

static bool load_scale(cfg *c, const yt_node *fw, tna_scale *sc, GHashTable *table)
{
    static const char *const keys[] = {"id", "name", "name_cy", "levels", "missing", NULL};
    const yt_node *sn, *levels;
    if (!tna_cfg_value(c, fw, "scale", "framework", &sn) || !tna_cfg_expect_map(c, sn, "'scale'") ||
        !tna_cfg_check_keys(c, sn, keys))
        return false;
    sc->id = tna_cfg_intern(c, "scale");
    if (!tna_cfg_get_str(c, sn, "id", NULL, &sc->id) || !tna_cfg_get_str(c, sn, "name", NULL, &sc->name) ||
        !tna_cfg_get_str(c, sn, "name_cy", NULL, &sc->name_cy) ||
        !tna_cfg_value(c, sn, "levels", "scale", &levels) || !tna_cfg_expect_seq(c, levels, "'levels'"))
        return false;
    if (levels->n_items == 0)
        return tna_cfg_fail(c, levels, "'levels' must list at least one level");

    /* Read the levels into slots by number, then check 0..max has no holes. */
    const yt_node *slots[MAX_LEVEL + 1] = {NULL};
    tna_level *read = g_new0(tna_level, levels->n_items);
    bool ok = true;
    size_t n_read = 0;
    for (size_t i = 0; i < levels->n_items && ok; i++, n_read++)
        ok = load_level(c, levels->items[i], slots, &read[i]);
    int max = -1;
    for (size_t i = 0; i < n_read; i++)
        max = read[i].level > max ? read[i].level : max;
    for (int l = 0; ok && l <= max; l++)
        if (slots[l] == NULL)
            ok = tna_cfg_fail(c, levels,
                          "the scale has no level %d; levels must run from 0 to %d "
                          "without gaps",
                          l, max);
    if (!ok) {
        for (size_t i = 0; i < n_read; i++)
            g_free(read[i].aliases);
        g_free(read);
        return false;
    }
    sc->n_levels = (size_t)max + 1;
    sc->max = max;
    sc->levels = g_new0(tna_level, sc->n_levels);
    for (size_t i = 0; i < n_read; i++)
        sc->levels[read[i].level] = read[i];
    g_free(read);

    const yt_node *missing_list = NULL;
    if (!tna_cfg_get_str_list(c, sn, "missing", NULL, &sc->missing, &sc->n_missing, &missing_list))
        return false;

    /* The answers that mean each level, and the missing ones. */
    GHashTable *where = g_hash_table_new(g_str_hash, g_str_equal);
    for (int l = 0; ok && l <= max; l++) {
        const tna_level *lv = &sc->levels[l];
        const yt_node *node = slots[l];
        const yt_node *aliases = tna_yt_map_get(node, "aliases", NULL);
        ok = add_level_key(c, table, where, lv->label, l, tna_yt_map_get(node, "label", NULL)) &&
             (lv->label_cy == NULL ||
              add_level_key(c, table, where, lv->label_cy, l, tna_yt_map_get(node, "label_cy", NULL)));
        for (size_t a = 0; ok && a < lv->n_aliases; a++)
            ok = add_level_key(c, table, where, lv->aliases[a], l, aliases->items[a]);
    }
    for (size_t i = 0; ok && i < sc->n_missing; i++)
        ok = add_level_key(c, table, where, sc->missing[i], TNA_ANSWER_MISSING,
                           missing_list->items[i]);
    for (int l = 0; ok && l <= max; l++) {
        char num[16];
        snprintf(num, sizeof num, "%d", l);
        ok = add_level_key(c, table, where, num, l, slots[l]);
    }
    g_hash_table_destroy(where);
    return ok;
}

static bool load_skill(cfg *c, const yt_node *sk, uint32_t topic)
{
    static const char *const keys[] = {"id", "name", "name_cy", NULL};
    tna_skill s = {0};
    s.topic = topic;
    s.mark = (tna_mark){sk->file, sk->line, sk->col};
    if (!tna_cfg_expect_map(c, sk, "each skill") || !tna_cfg_check_keys(c, sk, keys) ||
        !tna_cfg_get_str(c, sk, "id", "skill", &s.id))
        return false;
    uint32_t first = tna_lookup_index(c->lk->skill, s.id);
    if (first != TNA_NONE) {
        const tna_skill *f = &g_array_index(c->skills, tna_skill, first);
        return tna_cfg_fail(c, tna_yt_map_get(sk, "id", NULL),
                        "duplicate skill id '%s' (first defined at %s:%ld:%ld)", s.id, f->mark.file,
                        f->mark.line, f->mark.col);
    }
    if (!tna_cfg_get_str(c, sk, "name", "skill", &s.name) ||
        !tna_cfg_get_str(c, sk, "name_cy", NULL, &s.name_cy))
        return false;
    g_array_append_val(c->skills, s);
    g_hash_table_insert(c->lk->skill, (gpointer)s.id, LK_INDEX(c->skills->len - 1));
    return true;
}

static bool load_topic(cfg *c, const yt_node *tn, uint32_t framework)
{
    static const char *const keys[] = {"id", "name", "name_cy", "skills", NULL};
    tna_topic t = {0};
    t.framework = framework;
    t.mark = (tna_mark){tn->file, tn->line, tn->col};
    const yt_node *skills;
    if (!tna_cfg_expect_map(c, tn, "each topic") || !tna_cfg_check_keys(c, tn, keys) ||
        !tna_cfg_get_str(c, tn, "id", "topic", &t.id))
        return false;
    uint32_t first = tna_lookup_index(c->lk->topic, t.id);
    if (first != TNA_NONE) {
        const tna_topic *f = &g_array_index(c->topics, tna_topic, first);
        return tna_cfg_fail(c, tna_yt_map_get(tn, "id", NULL),
                        "duplicate topic id '%s' (first defined at %s:%ld:%ld)", t.id, f->mark.file,
                        f->mark.line, f->mark.col);
    }
    if (!tna_cfg_get_str(c, tn, "name", "topic", &t.name) ||
        !tna_cfg_get_str(c, tn, "name_cy", NULL, &t.name_cy) ||
        !tna_cfg_value(c, tn, "skills", "topic", &skills) || !tna_cfg_expect_seq(c, skills, "'skills'"))
        return false;
    if (skills->n_items == 0)
        return tna_cfg_fail(c, skills, "topic '%s' must list at least one skill", t.id);
    uint32_t index = c->topics->len;
    t.first_skill = c->skills->len;
    t.n_skills = (uint32_t)skills->n_items;
    g_array_append_val(c->topics, t);
    g_hash_table_insert(c->lk->topic, (gpointer)t.id, LK_INDEX(index));
    for (size_t i = 0; i < skills->n_items; i++)
        if (!load_skill(c, skills->items[i], index))
            return false;
    return true;
}

static bool load_framework(cfg *c, const yt_node *root, tna_framework *f, GHashTable *levels)
{
    static const char *const keys[] = {"id", "version", "name", "name_cy", "scale", "topics", NULL};
    f->mark = (tna_mark){root->file, root->line, root->col};
    if (!tna_cfg_check_keys(c, root, keys) || !tna_cfg_get_str(c, root, "id", "framework", &f->id))
        return false;
    uint32_t first = tna_lookup_index(c->lk->framework, f->id);
    if (first != TNA_NONE) {
        const tna_framework *o = &g_array_index(c->frameworks, tna_framework, first);
        return tna_cfg_fail(c, tna_yt_map_get(root, "id", NULL),
                        "duplicate framework id '%s' (first defined at %s:%ld:%ld)", f->id,
                        o->mark.file, o->mark.line, o->mark.col);
    }
    const yt_node *topics;
    if (!tna_cfg_get_str(c, root, "version", NULL, &f->version) ||
        !tna_cfg_get_str(c, root, "name", "framework", &f->name) ||
        !tna_cfg_get_str(c, root, "name_cy", NULL, &f->name_cy) ||
        !load_scale(c, root, &f->scale, levels) ||
        !tna_cfg_value(c, root, "topics", "framework", &topics) ||
        !tna_cfg_expect_seq(c, topics, "'topics'"))
        return false;
    if (topics->n_items == 0)
        return tna_cfg_fail(c, topics, "framework '%s' must list at least one topic", f->id);
    uint32_t index = c->frameworks->len;
    f->first_topic = c->topics->len;
    f->n_topics = (uint32_t)topics->n_items;
    for (size_t i = 0; i < topics->n_items; i++)
        if (!load_topic(c, topics->items[i], index))
            return false;
    return true;
}

bool tna_cfg_load_framework(cfg *c, const yt_node *path_node)
{
    const char *path = resolve_ref(c, path_node);
    yt_doc *doc = tna_cfg_load_yaml(c, path, path_node, path_node->text);
    if (doc == NULL)
        return false;
    tna_framework f = {0};
    f.path = path;
    GHashTable *levels = g_hash_table_new(g_str_hash, g_str_equal);
    bool ok = load_framework(c, doc->root, &f, levels);
    tna_yt_doc_free(doc);
    if (!ok) {
        tna_cfg_framework_clear(&f);
        g_hash_table_unref(levels);
        return false;
    }
    g_array_append_val(c->frameworks, f);
    g_ptr_array_add(c->lk->levels, levels);
    g_hash_table_insert(c->lk->framework, (gpointer)f.id, LK_INDEX(c->frameworks->len - 1));
    return true;
}

/* ---------------------------------------------------------------------------------------- */
/* Names of roles and authorities */

/* Registers the matching key of text (written at `at`) for entity `index` in table; `kind`
 * and the entity arrays make the message when another entity already has the key. */
static bool add_name_key(cfg *c, GHashTable *table, const char *text, uint32_t index,
                         const yt_node *at, const char *kind, GArray *arr, size_t stride,
                         size_t id_off, size_t mark_off)
{
    const char *k = tna_cfg_key(c, text);
    if (k[0] == '\0')
        return true;
    uint32_t other = tna_lookup_index(table, k);
    if (other != TNA_NONE && other != index) {
        const char *oid;
        tna_mark om;
        memcpy(&oid, arr->data + (size_t)other * stride + id_off, sizeof oid);
        memcpy(&om, arr->data + (size_t)other * stride + mark_off, sizeof om);
        return tna_cfg_fail(c, at, "'%s' already names %s '%s' (line %ld)", text, kind, oid, om.line);
    }
    g_hash_table_insert(table, (gpointer)k, LK_INDEX(index));
    return true;
}

/* id, name, name_cy and aliases of one entry (a mapping `e`) into table. */
static bool add_names(cfg *c, GHashTable *table, const yt_node *e, uint32_t index, const char *kind,
                      GArray *arr, size_t stride, size_t id_off, size_t mark_off)
{
    static const char *const fields[] = {"id", "name", "name_cy"};
    for (size_t i = 0; i < G_N_ELEMENTS(fields); i++) {
        const yt_node *v = tna_yt_map_get(e, fields[i], NULL);
        if (v != NULL && v->kind == YT_SCALAR && !tna_yt_is_null(v) &&
            !add_name_key(c, table, v->text, index, v, kind, arr, stride, id_off, mark_off))
            return false;
    }
    const yt_node *aliases = tna_yt_map_get(e, "aliases", NULL);
    if (aliases != NULL && aliases->kind == YT_SEQUENCE)
        for (size_t i = 0; i < aliases->n_items; i++)
            if (!add_name_key(c, table, aliases->items[i]->text, index, aliases->items[i], kind,
                              arr, stride, id_off, mark_off))
                return false;
    return true;
}

/* ---------------------------------------------------------------------------------------- */
/* Roles */

typedef struct target_ref {
    int kind; /* 0 framework, 1 topic, 2 skill */
    uint32_t index;
    int level;
} target_ref;

static const char *const target_kinds[] = {"framework", "topic", "skill"};

static uint32_t framework_of(cfg *c, int kind, uint32_t index)
{
    if (kind == 0)
        return index;
    if (kind == 2)
        index = g_array_index(c->skills, tna_skill, index).topic;
    return g_array_index(c->topics, tna_topic, index).framework;
}

static bool load_target(cfg *c, const tna_role *r, const yt_node *tn, long *seen_line[3],
                        target_ref *out)
{
    static const char *const keys[] = {"framework", "topic", "skill", "level", NULL};
    if (!tna_cfg_expect_map(c, tn, "each target") || !tna_cfg_check_keys(c, tn, keys))
        return false;
    int kind = -1, count = 0;
    const yt_node *idn = NULL;
    for (int k = 0; k < 3; k++) {
        const yt_node *v = tna_yt_map_get(tn, target_kinds[k], NULL);
        if (v != NULL && !tna_yt_is_null(v))
            kind = k, idn = v, count++;
    }
    if (count != 1)
        return tna_cfg_fail(c, tn, "each target names exactly one of framework, topic or skill");
    const char *id;
    if (!tna_cfg_scalar_str(c, idn, target_kinds[kind], true, &id))
        return false;
    GHashTable *tables[3] = {c->lk->framework, c->lk->topic, c->lk->skill};
    uint32_t index = tna_lookup_index(tables[kind], id);
    if (index == TNA_NONE) {
        char hint[128];
        cfg_kind ck = kind == 0 ? CFG_FRAMEWORK : kind == 1 ? CFG_TOPIC : CFG_SKILL;
        return tna_cfg_fail(c, idn, "role '%s' targets unknown %s '%s'%s", r->id, target_kinds[kind],
                        id, tna_cfg_unknown_hint(c, ck, id, hint, sizeof hint));
    }
    if (seen_line[kind][index] != 0)
        return tna_cfg_fail(c, idn, "duplicate target for %s '%s' (first at line %ld)",
                        target_kinds[kind], id, seen_line[kind][index]);
    seen_line[kind][index] = tn->line;

    /* The level: a whole number, or one of the framework's labels ("Practitioner"). */
    uint32_t fw = framework_of(c, kind, index);
    const tna_framework *f = &g_array_index(c->frameworks, tna_framework, fw);
    const yt_node *lv;
    if (!tna_cfg_value(c, tn, "level", "target", &lv))
        return false;
    long level = 0;
    bool overflow = false;
    if (!tna_yt_int(lv, &level, &overflow)) {
        int byname = TNA_ANSWER_UNKNOWN;
        if (lv->kind == YT_SCALAR && !overflow)
            byname = tna_model_find_level(&(tna_model){.lookup = c->lk}, fw, tna_cfg_key(c, lv->text));
        if (byname < 0) {
            char d[80];
            return tna_cfg_fail(c, lv,
                            "'level' must be a whole number or a level of framework "
                            "'%s', not %s",
                            f->id, tna_yt_describe(lv, d, sizeof d));
        }
        level = byname;
    }
    if (level < 0 || level > f->scale.max)
        return tna_cfg_fail(c, lv, "level %ld is outside the scale 0..%d of framework '%s'", level,
                        f->scale.max, f->id);
    *out = (target_ref){kind, index, (int)level};
    return true;
}

static bool load_targets(cfg *c, const yt_node *e, tna_role *r)
{
    const yt_node *targets;
    r->target = g_new0(uint8_t, c->skills->len ? c->skills->len : 1);
    if (!tna_cfg_value(c, e, "targets", NULL, &targets))
        return false;
    if (targets == NULL)
        return true;
    if (!tna_cfg_expect_seq(c, targets, "'targets'"))
        return false;
    long *seen[3] = {g_new0(long, c->frameworks->len + 1), g_new0(long, c->topics->len + 1),
                     g_new0(long, c->skills->len + 1)};
    target_ref *refs = g_new0(target_ref, targets->n_items + 1);
    bool ok = true;
    for (size_t i = 0; i < targets->n_items; i++)
        ok &= load_target(c, r, targets->items[i], seen, &refs[i]);
    /* Most specific last: framework, then topic, then skill. */
    for (int kind = 0; ok && kind < 3; kind++) {
        for (size_t i = 0; i < targets->n_items; i++) {
            const target_ref *t = &refs[i];
            if (t->kind != kind)
                continue;
            uint32_t first = 0, n = 0;
            if (kind == 0) {
                const tna_framework *f = &g_array_index(c->frameworks, tna_framework, t->index);
                const tna_topic *ft = &g_array_index(c->topics, tna_topic, f->first_topic);
                const tna_topic *lt =
                    &g_array_index(c->topics, tna_topic, f->first_topic + f->n_topics - 1);
                first = ft->first_skill;
                n = lt->first_skill + lt->n_skills - first;
            } else if (kind == 1) {
                const tna_topic *tp = &g_array_index(c->topics, tna_topic, t->index);
                first = tp->first_skill;
                n = tp->n_skills;
            } else {
                first = t->index;
                n = 1;
            }
            for (uint32_t s = first; s < first + n; s++)
                r->target[s] = (uint8_t)t->level;
        }
    }
    for (int k = 0; k < 3; k++)
        g_free(seen[k]);
    g_free(refs);
    return ok;
}

static bool load_role(cfg *c, const yt_node *e, GHashTable *ids)
{
    static const char *const keys[] = {"id", "name", "name_cy", "aliases", "targets", NULL};
    tna_role r = {0};
    r.mark = (tna_mark){e->file, e->line, e->col};
    bool ok = tna_cfg_expect_map(c, e, "each role") && tna_cfg_check_keys(c, e, keys) &&
              tna_cfg_get_str(c, e, "id", "role", &r.id);
    if (ok && g_hash_table_contains(ids, r.id)) {
        const tna_role *f = &g_array_index(c->roles, tna_role,
                                           GPOINTER_TO_UINT(g_hash_table_lookup(ids, r.id)) - 1);
        ok = tna_cfg_fail(c, tna_yt_map_get(e, "id", NULL),
                      "duplicate role id '%s' (first defined at %s:%ld:%ld)", r.id, f->mark.file,
                      f->mark.line, f->mark.col);
    }
    ok = ok && tna_cfg_get_str(c, e, "name", "role", &r.name) &&
         tna_cfg_get_str(c, e, "name_cy", NULL, &r.name_cy) &&
         tna_cfg_get_str_list(c, e, "aliases", NULL, &r.aliases, &r.n_aliases, NULL) &&
         load_targets(c, e, &r);
    if (!ok) {
        tna_cfg_role_clear(&r);
        return false;
    }
    uint32_t index = c->roles->len;
    g_array_append_val(c->roles, r);
    g_hash_table_insert(ids, (gpointer)r.id, LK_INDEX(index));
    return add_names(c, c->lk->role, e, index, "role", c->roles, sizeof(tna_role),
                     offsetof(tna_role, id), offsetof(tna_role, mark));
}

bool tna_cfg_load_roles(cfg *c, const yt_node *path_node)
{
    static const char *const keys[] = {"roles", NULL};
    const char *path = resolve_ref(c, path_node);
    yt_doc *doc = tna_cfg_load_yaml(c, path, path_node, path_node->text);
    if (doc == NULL)
        return false;
    const yt_node *list;
    bool ok = tna_cfg_check_keys(c, doc->root, keys) && tna_cfg_value(c, doc->root, "roles", "", &list) &&
              tna_cfg_expect_seq(c, list, "'roles'");
    if (ok && list->n_items == 0)
        ok = tna_cfg_fail(c, list, "'roles' must list at least one role");
    bool ok_list = ok;
    GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t i = 0; ok_list && i < list->n_items; i++)
        ok &= load_role(c, list->items[i], ids);
    g_hash_table_destroy(ids);
    tna_yt_doc_free(doc);
    return ok;
}

/* ---------------------------------------------------------------------------------------- */
/* Authorities */

static bool add_region(cfg *c, const yt_node *e, tna_authority *a)
{
    const char *name = NULL, *name_cy = NULL;
    if (!tna_cfg_get_str(c, e, "region", "authority", &name) ||
        !tna_cfg_get_str(c, e, "region_cy", NULL, &name_cy))
        return false;
    const char *k = tna_cfg_key(c, name);
    uint32_t r = tna_lookup_index(c->lk->region, k);
    if (r == TNA_NONE) {
        tna_region reg = {name, name_cy};
        g_array_append_val(c->regions, reg);
        r = c->regions->len - 1;
        g_hash_table_insert(c->lk->region, (gpointer)k, LK_INDEX(r));
    } else if (name_cy != NULL) {
        tna_region *reg = &g_array_index(c->regions, tna_region, r);
        if (reg->name_cy != NULL && tna_cfg_key(c, reg->name_cy) != tna_cfg_key(c, name_cy))
            return tna_cfg_fail(c, tna_yt_map_get(e, "region_cy", NULL),
                            "region '%s' already has the Welsh name '%s'", reg->name, reg->name_cy);
        reg->name_cy = name_cy;
    }
    if (name_cy != NULL) {
        const char *kc = tna_cfg_key(c, name_cy);
        if (!g_hash_table_contains(c->lk->region, kc))
            g_hash_table_insert(c->lk->region, (gpointer)kc, LK_INDEX(r));
    }
    a->region = r;
    return true;
}

static bool load_authority(cfg *c, const yt_node *e, GHashTable *ids)
{
    static const char *const keys[] = {"id",        "name",    "name_cy", "region",
                                       "region_cy", "aliases", NULL};
    tna_authority a = {0};
    a.mark = (tna_mark){e->file, e->line, e->col};
    bool ok = tna_cfg_expect_map(c, e, "each authority") && tna_cfg_check_keys(c, e, keys) &&
              tna_cfg_get_str(c, e, "id", "authority", &a.id);
    if (ok && g_hash_table_contains(ids, a.id)) {
        const tna_authority *f = &g_array_index(
            c->authorities, tna_authority, GPOINTER_TO_UINT(g_hash_table_lookup(ids, a.id)) - 1);
        ok = tna_cfg_fail(c, tna_yt_map_get(e, "id", NULL),
                      "duplicate authority id '%s' (first defined at %s:%ld:%ld)", a.id,
                      f->mark.file, f->mark.line, f->mark.col);
    }
    ok = ok && tna_cfg_get_str(c, e, "name", "authority", &a.name) &&
         tna_cfg_get_str(c, e, "name_cy", NULL, &a.name_cy) && add_region(c, e, &a) &&
         tna_cfg_get_str_list(c, e, "aliases", NULL, &a.aliases, &a.n_aliases, NULL);
    if (!ok) {
        tna_cfg_authority_clear(&a);
        return false;
    }
    uint32_t index = c->authorities->len;
    g_array_append_val(c->authorities, a);
    g_hash_table_insert(ids, (gpointer)a.id, LK_INDEX(index));
    return add_names(c, c->lk->authority, e, index, "authority", c->authorities,
                     sizeof(tna_authority), offsetof(tna_authority, id),
                     offsetof(tna_authority, mark));
}

bool tna_cfg_load_authorities(cfg *c, const yt_node *path_node)
{
    static const char *const keys[] = {"authorities", NULL};
    const char *path = resolve_ref(c, path_node);
    yt_doc *doc = tna_cfg_load_yaml(c, path, path_node, path_node->text);
    if (doc == NULL)
        return false;
    const yt_node *list;
    bool ok = tna_cfg_check_keys(c, doc->root, keys) &&
              tna_cfg_value(c, doc->root, "authorities", "", &list) &&
              tna_cfg_expect_seq(c, list, "'authorities'");
    if (ok && list->n_items == 0)
        ok = tna_cfg_fail(c, list, "'authorities' must list at least one authority");
    bool ok_list = ok;
    GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t i = 0; ok_list && i < list->n_items; i++)
        ok &= load_authority(c, list->items[i], ids);
    g_hash_table_destroy(ids);
    tna_yt_doc_free(doc);
    return ok;
}
