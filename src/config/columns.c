/*
 * columns.c - which headings of a source's export hold what: `columns:` (field -> one
 * heading, a list of headings, or for barriers a mapping column -> option), `skills:`
 * (wide: heading -> skill id) and `exclude_rows:` (heading -> values of rows that are not
 * responses).
 *
 * Headings are stored with their matching keys, so ingest compares keys only. Checks: the
 * columns a format needs, columns that make no sense for a format, one heading named twice
 * (by two fields, twice by one, or by a field and a skill), skill ids and barrier options
 * that exist. Whether a heading is a column of a file, and of which, is ingest's to say.
 */
#include <string.h>

#include "config_internal.h"
#include "tna/text.h"

/* Which formats a field applies to (bit per tna_format). */
#define F_WIDE (1u << TNA_FORMAT_WIDE)
#define F_LONG (1u << TNA_FORMAT_LONG)
#define F_EVAL (1u << TNA_FORMAT_EVALUATION)
#define F_ALL  (F_WIDE | F_LONG | F_EVAL)

static const unsigned field_formats[TNA_FIELD_COUNT] = {
    [TNA_FIELD_RESPONDENT] = F_ALL,
    [TNA_FIELD_AUTHORITY] = F_ALL,
    [TNA_FIELD_ROLE] = F_ALL,
    [TNA_FIELD_SUBMITTED] = F_ALL,
    [TNA_FIELD_TRAINED] = F_ALL,
    [TNA_FIELD_BARRIERS] = F_ALL,
    [TNA_FIELD_RATER] = F_ALL,
    [TNA_FIELD_LANGUAGE_PREFERENCE] = F_ALL,
    [TNA_FIELD_SKILL] = F_LONG | F_EVAL,
    [TNA_FIELD_LEVEL] = F_LONG,
    [TNA_FIELD_TOPIC] = F_EVAL,
    [TNA_FIELD_COURSE] = F_EVAL,
    [TNA_FIELD_SATISFACTION] = F_EVAL,
    [TNA_FIELD_BEFORE] = F_EVAL,
    [TNA_FIELD_AFTER] = F_EVAL,
    [TNA_FIELD_APPLIED] = F_EVAL,
};

static const char *formats_text(unsigned mask)
{
    switch (mask) {
    case F_LONG:
        return "long";
    case F_EVAL:
        return "evaluation";
    case F_LONG | F_EVAL:
        return "long and evaluation";
    default:
        return "wide";
    }
}

/* Every heading named so far in the source: matching key -> what names it ("role"). */
typedef struct named {
    GHashTable *by_key; /* key -> const char * owner */
} named;

static bool claim(cfg *c, named *seen, const yt_node *at, const char *heading, const char *key,
                  const char *owner)
{
    const char *first = g_hash_table_lookup(seen->by_key, key);
    if (first != NULL) {
        if (strcmp(first, owner) == 0)
            return tna_cfg_fail(c, at, "'%s' names the heading '%s' twice", owner, heading);
        return tna_cfg_fail(c, at, "'%s' and '%s' name the same heading '%s'", first, owner, heading);
    }
    g_hash_table_insert(seen->by_key, (gpointer)key, (gpointer)owner);
    return true;
}

/* One heading of field f into refs. */
static bool add_ref(cfg *c, named *seen, tna_field f, const yt_node *h, const yt_node *option,
                    GArray *refs)
{
    const char *heading;
    if (!tna_cfg_scalar_str(c, h, tna_field_names[f], true, &heading))
        return false;
    tna_column_ref r = {heading, tna_cfg_key(c, heading), TNA_NONE};
    if (!claim(c, seen, h, heading, r.key, tna_field_names[f]))
        return false;
    if (option != NULL) {
        const char *text;
        if (!tna_cfg_scalar_str(c, option, "barriers", true, &text))
            return false;
        r.option = tna_cfg_find_barrier(c, text);
        if (r.option == TNA_NONE) {
            char hint[128];
            return tna_cfg_fail(c, option, "unknown barrier '%s'%s", text,
                            tna_cfg_unknown_hint(c, CFG_BARRIER, text, hint, sizeof hint));
        }
    }
    g_array_append_val(refs, r);
    return true;
}

static bool load_field(cfg *c, named *seen, tna_source *s, tna_field f, const yt_node *k,
                       const yt_node *v)
{
    if (!(field_formats[f] & (1u << s->format)))
        return tna_cfg_fail(c, k, "column '%s' applies only to %s sources", k->text,
                        formats_text(field_formats[f]));
    GArray *refs = g_array_new(FALSE, TRUE, sizeof(tna_column_ref));
    bool ok = true;
    if (v->kind == YT_SEQUENCE) {
        if (v->n_items == 0)
            ok = tna_cfg_fail(c, v, "'%s' must list at least one heading", k->text);
        for (size_t i = 0; i < v->n_items; i++)
            ok &= add_ref(c, seen, f, v->items[i], NULL, refs);
    } else if (v->kind == YT_MAPPING) {
        if (f != TNA_FIELD_BARRIERS)
            ok = tna_cfg_fail(c, v,
                          "'%s' must be a heading or a list of headings; only 'barriers' maps "
                          "columns to options",
                          k->text);
        else if (v->n_items == 0)
            ok = tna_cfg_fail(c, v, "'barriers' must map at least one column to an option");
        for (size_t i = 0; ok && i < v->n_items; i += 2)
            ok &= add_ref(c, seen, f, v->items[i], v->items[i + 1], refs);
    } else {
        ok = add_ref(c, seen, f, v, NULL, refs);
    }
    gsize n = 0;
    s->columns[f] = (tna_column_ref *)g_array_steal(refs, &n);
    s->n_columns[f] = n;
    g_array_unref(refs);
    if (n == 0) {
        g_free(s->columns[f]);
        s->columns[f] = NULL;
    }
    return ok;
}

static bool check_needed(cfg *c, const yt_node *cols, const tna_source *s)
{
    static const tna_field wide[] = {TNA_FIELD_AUTHORITY, TNA_FIELD_ROLE};
    static const tna_field lng[] = {TNA_FIELD_AUTHORITY, TNA_FIELD_ROLE, TNA_FIELD_SKILL,
                                    TNA_FIELD_LEVEL};
    static const tna_field eval[] = {TNA_FIELD_COURSE};
    const tna_field *need = s->format == TNA_FORMAT_WIDE   ? wide
                            : s->format == TNA_FORMAT_LONG ? lng
                                                           : eval;
    size_t n = s->format == TNA_FORMAT_WIDE   ? G_N_ELEMENTS(wide)
               : s->format == TNA_FORMAT_LONG ? G_N_ELEMENTS(lng)
                                              : G_N_ELEMENTS(eval);
    bool ok = true;
    for (size_t i = 0; i < n; i++)
        if (s->columns[need[i]] == NULL)
            ok = tna_cfg_fail(c, cols, "missing required column '%s' in source '%s'",
                          tna_field_names[need[i]], s->name);
    if (s->format != TNA_FORMAT_EVALUATION)
        return ok;
    tna_column_ref *const *col = s->columns;
    if (col[TNA_FIELD_SKILL] == NULL && col[TNA_FIELD_TOPIC] == NULL)
        ok = tna_cfg_fail(c, cols, "evaluation source '%s' needs a 'skill' or 'topic' column", s->name);
    if ((col[TNA_FIELD_BEFORE] == NULL) != (col[TNA_FIELD_AFTER] == NULL))
        ok = tna_cfg_fail(c, tna_yt_map_get(cols, col[TNA_FIELD_BEFORE] ? "before" : "after", NULL),
                      "columns 'before' and 'after' go together; add '%s'",
                      col[TNA_FIELD_BEFORE] ? "after" : "before");
    if (col[TNA_FIELD_SATISFACTION] == NULL && col[TNA_FIELD_BEFORE] == NULL &&
        col[TNA_FIELD_APPLIED] == NULL)
        ok = tna_cfg_fail(c, cols,
                      "evaluation source '%s' needs a 'satisfaction', 'before' and 'after', or "
                      "'applied' column",
                      s->name);
    return ok;
}

static bool load_columns(cfg *c, const yt_node *e, tna_source *s, named *seen)
{
    const yt_node *cols;
    if (!tna_cfg_value(c, e, "columns", "source", &cols) || !tna_cfg_expect_map(c, cols, "'columns'"))
        return false;
    const char *known[TNA_FIELD_COUNT + 1];
    for (int f = 0; f < TNA_FIELD_COUNT; f++)
        known[f] = tna_field_names[f];
    known[TNA_FIELD_COUNT] = NULL;
    bool ok = tna_cfg_check_keys(c, cols, known);
    for (size_t i = 0; i < cols->n_items; i += 2) {
        const yt_node *k = cols->items[i], *v = cols->items[i + 1];
        int f = 0;
        while (f < TNA_FIELD_COUNT && strcmp(tna_field_names[f], k->text) != 0)
            f++;
        if (f == TNA_FIELD_COUNT || tna_yt_is_null(v))
            continue; /* unknown (reported) or absent: the field is not in this export */
        ok &= load_field(c, seen, s, (tna_field)f, k, v);
    }
    return check_needed(c, cols, s) && ok;
}

static bool load_skills(cfg *c, const yt_node *e, tna_source *s, named *seen)
{
    const yt_node *k = NULL;
    const yt_node *v = tna_yt_map_get(e, "skills", &k);
    if (s->format != TNA_FORMAT_WIDE) {
        if (k != NULL)
            return tna_cfg_fail(c, k,
                            "'skills' applies only to wide sources; %s sources name a "
                            "'skill' column",
                            s->format == TNA_FORMAT_LONG ? "long" : "evaluation");
        return true;
    }
    if (!tna_cfg_value(c, e, "skills", "source", &v) || !tna_cfg_expect_map(c, v, "'skills'"))
        return false;
    if (v->n_items == 0)
        return tna_cfg_fail(c, v, "'skills' must map at least one column heading to a skill");
    GArray *cols = g_array_new(FALSE, TRUE, sizeof(tna_skill_column));
    bool ok = true;
    for (size_t i = 0; i < v->n_items; i += 2) {
        const yt_node *hk = v->items[i], *sv = v->items[i + 1];
        tna_skill_column col = {0};
        if (tna_text_blank(hk->text, hk->len) || strlen(hk->text) != hk->len) {
            ok = tna_cfg_fail(c, hk, "a column heading in 'skills' must not be blank");
            continue;
        }
        col.heading = tna_cfg_intern(c, hk->text);
        col.key = tna_cfg_key(c, col.heading);
        const char *id = NULL;
        if (!claim(c, seen, hk, hk->text, col.key, "skills")) {
            ok = false;
            continue;
        }
        if (tna_yt_is_null(sv)) {
            ok = tna_cfg_fail(c, hk, "heading '%s' needs a skill id", hk->text);
            continue;
        }
        if (!tna_cfg_scalar_str(c, sv, "skills", true, &id)) {
            ok = false;
            continue;
        }
        col.skill = tna_lookup_index(c->lk->skill, id);
        if (col.skill == TNA_NONE) {
            char hint[128];
            ok = tna_cfg_fail(c, sv, "unknown skill '%s'%s", id,
                          tna_cfg_unknown_hint(c, CFG_SKILL, id, hint, sizeof hint));
            continue;
        }
        g_array_append_val(cols, col);
    }
    gsize n = 0;
    s->skills = (tna_skill_column *)g_array_steal(cols, &n);
    s->n_skills = n;
    g_array_unref(cols);
    return ok;
}

static bool load_exclusions(cfg *c, const yt_node *e, tna_source *s)
{
    const yt_node *v;
    if (!tna_cfg_value(c, e, "exclude_rows", NULL, &v))
        return false;
    if (v == NULL)
        return true;
    if (!tna_cfg_expect_map(c, v, "'exclude_rows'"))
        return false;
    /* the source's own list replaces the preset's */
    for (size_t i = 0; i < s->n_exclude; i++) {
        g_free(s->exclude[i].values);
        g_free(s->exclude[i].value_keys);
    }
    g_free(s->exclude);
    s->exclude = g_new0(tna_exclusion, v->n_items / 2 + 1);
    s->n_exclude = 0;
    s->exclude_from_preset = false;
    bool ok = true;
    for (size_t i = 0; i < v->n_items; i += 2) {
        const yt_node *hk = v->items[i], *vals = v->items[i + 1];
        tna_exclusion x = {0};
        if (!tna_cfg_scalar_str(c, hk, "exclude_rows", true, &x.heading)) {
            ok = false;
            continue;
        }
        x.key = tna_cfg_key(c, x.heading);
        if (vals->kind == YT_SCALAR && !tna_yt_is_null(vals)) {
            x.values = g_new0(const char *, 2);
            ok &= tna_cfg_scalar_str(c, vals, "exclude_rows", true, &x.values[0]);
            x.n_values = x.values[0] != NULL;
        } else if (!tna_cfg_get_str_list(c, v, hk->text, "exclude_rows", &x.values, &x.n_values,
                                     NULL)) {
            ok = false;
        }
        x.value_keys = g_new0(const char *, x.n_values + 1);
        for (size_t j = 0; j < x.n_values; j++)
            x.value_keys[j] = tna_cfg_key(c, x.values[j]);
        s->exclude[s->n_exclude++] = x;
    }
    return ok;
}

bool tna_cfg_load_columns(cfg *c, const yt_node *e, tna_source *s)
{
    named seen = {g_hash_table_new(g_str_hash, g_str_equal)};
    bool ok = load_columns(c, e, s, &seen);
    ok &= load_skills(c, e, s, &seen);
    ok &= load_exclusions(c, e, s);
    g_hash_table_destroy(seen.by_key);
    return ok;
}
