/*
 * sources.c - one entry of `sources:`: the export it reads and how to read it.
 *
 * A preset's defaults are laid down first and the source's own keys over them, whatever
 * their order in the file. Column headings are stored with their matching keys, so ingest
 * compares keys only. Checks: the columns a format needs, columns that make no sense for a
 * format, two fields or skills on one heading, wide-only `skills` naming known skill ids.
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

static bool load_columns(cfg *c, const yt_node *e, tna_source *s)
{
    const yt_node *cols;
    if (!cfg_value(c, e, "columns", "source", &cols) || !cfg_expect_map(c, cols, "'columns'"))
        return false;
    const char *known[TNA_FIELD_COUNT + 1];
    for (int f = 0; f < TNA_FIELD_COUNT; f++)
        known[f] = tna_field_names[f];
    known[TNA_FIELD_COUNT] = NULL;
    if (!cfg_check_keys(c, cols, known))
        return false;
    for (size_t i = 0; i < cols->n_items; i += 2) {
        const yt_node *k = cols->items[i], *v = cols->items[i + 1];
        int f = 0;
        while (strcmp(tna_field_names[f], k->text) != 0)
            f++;
        if (yt_is_null(v))
            continue; /* an absent value: the field is not in this export */
        if (!(field_formats[f] & (1u << s->format)))
            return cfg_fail(c, k, "column '%s' applies only to %s sources", k->text,
                            formats_text(field_formats[f]));
        const char *heading;
        if (!cfg_scalar_str(c, v, k->text, true, &heading))
            return false;
        const char *key = cfg_key(c, heading);
        for (int g = 0; g < TNA_FIELD_COUNT; g++)
            if (s->column_keys[g] != NULL && strcmp(s->column_keys[g], key) == 0)
                return cfg_fail(c, v, "'%s' and '%s' name the same heading '%s'",
                                tna_field_names[g], k->text, heading);
        s->columns[f] = heading;
        s->column_keys[f] = key;
    }

    /* What each format needs. */
    const char *need[4] = {NULL};
    size_t n_need = 0;
    need[n_need++] = "authority";
    need[n_need++] = "role";
    if (s->format == TNA_FORMAT_LONG) {
        need[n_need++] = "skill";
        need[n_need++] = "level";
    }
    if (s->format == TNA_FORMAT_EVALUATION) {
        n_need = 0;
        need[n_need++] = "course";
    }
    for (size_t i = 0; i < n_need; i++) {
        int f = 0;
        while (strcmp(tna_field_names[f], need[i]) != 0)
            f++;
        if (s->columns[f] == NULL)
            return cfg_fail(c, cols, "missing required column '%s' in source '%s'", need[i],
                            s->name);
    }
    if (s->format == TNA_FORMAT_EVALUATION) {
        const char **col = s->columns;
        if (col[TNA_FIELD_SKILL] == NULL && col[TNA_FIELD_TOPIC] == NULL)
            return cfg_fail(c, cols, "evaluation source '%s' needs a 'skill' or 'topic' column",
                            s->name);
        if ((col[TNA_FIELD_BEFORE] == NULL) != (col[TNA_FIELD_AFTER] == NULL))
            return cfg_fail(c, yt_map_get(cols, col[TNA_FIELD_BEFORE] ? "before" : "after", NULL),
                            "columns 'before' and 'after' go together; add '%s'",
                            col[TNA_FIELD_BEFORE] ? "after" : "before");
        if (col[TNA_FIELD_SATISFACTION] == NULL && col[TNA_FIELD_BEFORE] == NULL &&
            col[TNA_FIELD_APPLIED] == NULL)
            return cfg_fail(c, cols,
                            "evaluation source '%s' needs a 'satisfaction', 'before' and "
                            "'after', or 'applied' column",
                            s->name);
    }
    return true;
}

static bool load_skills(cfg *c, const yt_node *e, tna_source *s)
{
    const yt_node *k = NULL;
    const yt_node *v = yt_map_get(e, "skills", &k);
    if (s->format != TNA_FORMAT_WIDE) {
        if (k != NULL)
            return cfg_fail(c, k,
                            "'skills' applies only to wide sources; %s sources name a "
                            "'skill' column",
                            s->format == TNA_FORMAT_LONG ? "long" : "evaluation");
        return true;
    }
    if (!cfg_value(c, e, "skills", "source", &v) || !cfg_expect_map(c, v, "'skills'"))
        return false;
    if (v->n_items == 0)
        return cfg_fail(c, v, "'skills' must map at least one column heading to a skill");
    GArray *cols = g_array_new(FALSE, TRUE, sizeof(tna_skill_column));
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal); /* key -> heading node */
    bool ok = true;
    for (size_t i = 0; i < v->n_items && ok; i += 2) {
        const yt_node *hk = v->items[i], *sv = v->items[i + 1];
        tna_skill_column col = {0};
        if (tna_text_blank(hk->text, hk->len) || strlen(hk->text) != hk->len) {
            ok = cfg_fail(c, hk, "a column heading in 'skills' must not be blank");
            break;
        }
        col.heading = cfg_intern(c, hk->text);
        col.key = cfg_key(c, col.heading);
        const yt_node *first = g_hash_table_lookup(seen, col.key);
        if (first != NULL) {
            ok = cfg_fail(c, hk, "heading '%s' is listed twice (first at line %ld)", hk->text,
                          first->line);
            break;
        }
        for (int f = 0; f < TNA_FIELD_COUNT && ok; f++)
            if (s->column_keys[f] != NULL && strcmp(s->column_keys[f], col.key) == 0)
                ok = cfg_fail(c, hk, "heading '%s' is also the '%s' column", hk->text,
                              tna_field_names[f]);
        g_hash_table_insert(seen, (gpointer)col.key, (gpointer)hk);
        const char *id = NULL;
        if (ok && yt_is_null(sv))
            ok = cfg_fail(c, hk, "heading '%s' needs a skill id", hk->text);
        if (!ok || !cfg_scalar_str(c, sv, "skills", true, &id)) {
            ok = false;
            break;
        }
        col.skill = lookup_index(c->lk->skill, id);
        if (col.skill == TNA_NONE) {
            char hint[128];
            ok = cfg_fail(c, sv, "unknown skill '%s'%s", id,
                          cfg_unknown_hint(c, CFG_SKILL, id, hint, sizeof hint));
            break;
        }
        g_array_append_val(cols, col);
    }
    g_hash_table_destroy(seen);
    gsize n = 0;
    s->skills = (tna_skill_column *)g_array_steal(cols, &n);
    s->n_skills = n;
    g_array_unref(cols);
    return ok;
}

static bool check_name(cfg *c, const yt_node *e, const tna_source *s)
{
    for (guint i = 0; i < c->sources->len; i++) {
        const tna_source *o = &g_array_index(c->sources, tna_source, i);
        if (strcmp(o->name, s->name) == 0)
            return cfg_fail(c, yt_map_get(e, "name", NULL),
                            "duplicate source name '%s' (first defined at %s:%ld:%ld)", s->name,
                            o->mark.file, o->mark.line, o->mark.col);
    }
    return true;
}

static bool load_source(cfg *c, const yt_node *e, tna_source *s)
{
    static const char *const keys[] = {
        "name",      "path",     "format",      "preset",  "header_row",        "skip_after_header",
        "delimiter", "encoding", "date_format", "columns", "barrier_separator", "skills",
        NULL};
    if (!cfg_expect_map(c, e, "each source") || !cfg_check_keys(c, e, keys) ||
        !cfg_get_str(c, e, "name", "source", &s->name) || !check_name(c, e, s))
        return false;

    int preset = TNA_PRESET_NONE, format = TNA_FORMAT_WIDE;
    if (!cfg_get_enum(c, e, "preset", cfg_preset_enum, cfg_preset_enum_n, &preset, NULL))
        return false;
    const cfg_preset_defaults *d = cfg_preset((tna_preset)preset);
    s->preset = (tna_preset)preset;
    s->header_row = d->header_row;
    s->skip_after_header = d->skip_after_header;
    s->delimiter = d->delimiter;
    s->barrier_separator = cfg_intern(c, ";");
    int encoding = d->encoding, date_format = d->date_format, delimiter = d->delimiter;

    if (!cfg_get_str(c, e, "path", "source", &s->path) ||
        !cfg_check_period_path(c, yt_map_get(e, "path", NULL), s->path) ||
        !cfg_get_enum(c, e, "format", cfg_format_enum, cfg_format_enum_n, &format, NULL) ||
        !cfg_get_int(c, e, "header_row", NULL, 1, 1000, &s->header_row, NULL) ||
        !cfg_get_int(c, e, "skip_after_header", NULL, 0, 1000, &s->skip_after_header, NULL) ||
        !cfg_get_enum(c, e, "delimiter", cfg_delimiter_enum, cfg_delimiter_enum_n, &delimiter,
                      NULL) ||
        !cfg_get_enum(c, e, "encoding", cfg_encoding_enum, cfg_encoding_enum_n, &encoding, NULL) ||
        !cfg_get_enum(c, e, "date_format", cfg_date_enum, cfg_date_enum_n, &date_format, NULL) ||
        !cfg_get_str(c, e, "barrier_separator", NULL, &s->barrier_separator))
        return false;
    s->format = (tna_format)format;
    s->delimiter = (char)delimiter;
    s->encoding = (tna_encoding)encoding;
    s->date_format = (tna_date_format)date_format;
    if (s->barrier_separator[0] == '\0')
        return cfg_fail(c, yt_map_get(e, "barrier_separator", NULL),
                        "'barrier_separator' must not be empty");
    return load_columns(c, e, s) && load_skills(c, e, s);
}

bool cfg_load_source(cfg *c, const yt_node *e)
{
    tna_source s = {0};
    s.mark = (tna_mark){e->file, e->line, e->col};
    if (!load_source(c, e, &s)) {
        cfg_source_clear(&s);
        return false;
    }
    g_array_append_val(c->sources, s);
    return true;
}
