/*
 * sources.c - one entry of `sources:`: the export it reads and how to read it.
 *
 * The preset's defaults (presets.h) are laid down first and the source's own keys over
 * them, whatever their order in the file: header rows, date order, multi-select separator
 * and the rows that are not responses. Encoding defaults to auto and the delimiter to
 * sniffed, for every preset. Each independent key is checked even after another failed, so
 * one run reports every mistake in a source; columns, skills and exclusions are columns.c's,
 * the source's own `answers:` answers_load.c's.
 */
#include <string.h>

#include "config_internal.h"
#include "tna/presets.h"
#include "tna/text.h"

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

/* The preset's rows that are not responses, as the source's exclusions. */
static void preset_exclusions(cfg *c, const tna_preset_info *p, tna_source *s)
{
    if (p->exclude_column == NULL)
        return;
    size_t n = 0;
    while (p->exclude_values[n] != NULL)
        n++;
    s->exclude = g_new0(tna_exclusion, 1);
    s->n_exclude = 1;
    s->exclude_from_preset = true;
    tna_exclusion *x = &s->exclude[0];
    x->heading = cfg_intern(c, p->exclude_column);
    x->key = cfg_key(c, x->heading);
    x->values = g_new0(const char *, n + 1);
    x->value_keys = g_new0(const char *, n + 1);
    x->n_values = n;
    for (size_t i = 0; i < n; i++) {
        x->values[i] = cfg_intern(c, p->exclude_values[i]);
        x->value_keys[i] = cfg_key(c, x->values[i]);
    }
}

/* A source read in several periods needs {period} in its path, or every period would read
 * the same file. */
static bool check_period_path(cfg *c, const yt_node *v, const char *path)
{
    if (c->periods->len > 1 && strstr(path, "{period}") == NULL)
        return cfg_fail(c, v,
                        "path must contain {period} when the analysis covers several "
                        "periods");
    return true;
}

static bool load_source(cfg *c, const yt_node *e, tna_source *s)
{
    static const char *const keys[] = {
        "name",     "path",         "optional",          "format",
        "preset",   "header_row",   "skip_after_header", "delimiter",
        "encoding", "date_format",  "columns",           "barrier_separator",
        "skills",   "exclude_rows", "answers",           NULL};
    if (!cfg_expect_map(c, e, "each source"))
        return false;
    bool ok = cfg_check_keys(c, e, keys);
    if (!cfg_get_str(c, e, "name", "source", &s->name))
        return false;
    ok &= check_name(c, e, s);

    int preset = TNA_PRESET_NONE, format = TNA_FORMAT_WIDE;
    ok &= cfg_get_enum(c, e, "preset", cfg_preset_enum, cfg_preset_enum_n, &preset, NULL);
    const tna_preset_info *p = tna_preset_get((tna_preset)preset);
    s->preset = (tna_preset)preset;
    s->header_row = 1;
    s->skip_after_header = p->header_rows - 1;
    s->barrier_separator = cfg_intern(c, p->separator);
    preset_exclusions(c, p, s);
    int encoding = TNA_ENCODING_AUTO, date_format = p->date_format, delimiter = 0;
    bool optional = false;
    const yt_node *opt = NULL;
    if (cfg_value(c, e, "optional", NULL, &opt) && opt != NULL) {
        if (opt->kind == YT_SCALAR && !opt->quoted &&
            (strcmp(opt->text, "true") == 0 || strcmp(opt->text, "false") == 0))
            optional = strcmp(opt->text, "true") == 0;
        else
            ok = cfg_fail(c, opt, "'optional' must be true or false");
    }

    const yt_node *path = yt_map_get(e, "path", NULL);
    ok &= cfg_get_str(c, e, "path", "source", &s->path) && check_period_path(c, path, s->path);
    ok &= cfg_get_enum(c, e, "format", cfg_format_enum, cfg_format_enum_n, &format, NULL);
    ok &= cfg_get_int(c, e, "header_row", NULL, 1, 1000, &s->header_row, NULL);
    ok &= cfg_get_int(c, e, "skip_after_header", NULL, 0, 1000, &s->skip_after_header, NULL);
    ok &=
        cfg_get_enum(c, e, "delimiter", cfg_delimiter_enum, cfg_delimiter_enum_n, &delimiter, NULL);
    ok &= cfg_get_enum(c, e, "encoding", cfg_encoding_enum, cfg_encoding_enum_n, &encoding, NULL);
    ok &= cfg_get_enum(c, e, "date_format", cfg_date_enum, cfg_date_enum_n, &date_format, NULL);
    if (cfg_get_str(c, e, "barrier_separator", NULL, &s->barrier_separator)) {
        if (s->barrier_separator[0] == '\0')
            ok = cfg_fail(c, yt_map_get(e, "barrier_separator", NULL),
                          "'barrier_separator' must not be empty");
    } else {
        ok = false;
    }
    s->optional = optional;
    s->format = (tna_format)format;
    s->delimiter = (char)delimiter;
    s->encoding = (tna_encoding)encoding;
    s->date_format = (tna_date_format)date_format;
    ok &= tna_cfg_load_columns(c, e, s);
    const yt_node *answers;
    if (cfg_value(c, e, "answers", NULL, &answers) && answers != NULL)
        ok &= tna_cfg_load_answers(c, answers, (size_t)c->sources->len + 1);
    return ok;
}

bool cfg_load_source(cfg *c, const yt_node *e)
{
    tna_source s = {0};
    s.mark = (tna_mark){e->file, e->line, e->col};
    if (!load_source(c, e, &s)) {
        cfg_source_clear(&s);
        /* the source's answers, if any, belong to no source now */
        GPtrArray *all = c->lk->answers;
        if (all->len > c->sources->len + 1) {
            tna_cfg_answer_tables_free(g_ptr_array_index(all, c->sources->len + 1));
            g_ptr_array_index(all, c->sources->len + 1) = NULL;
        }
        return false;
    }
    g_array_append_val(c->sources, s);
    return true;
}
