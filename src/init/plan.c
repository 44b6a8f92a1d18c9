/*
 * plan.c - which sources and periods a set of exports makes, for `tna init` (the rules are
 * in include/tna/init.h): a period named in every export's path gives the periods and a
 * source per path but for the period (`{period}`, optional where a period lacks it);
 * otherwise one period, a source per export. Also the unmatched answers of every export,
 * merged. What the user should know goes into plan->todo; init.c reports it.
 */
#include <stdarg.h>
#include <string.h>

#include "init_internal.h"
#include "tna/config.h"
#include "tna/text.h"

static void note(tna_init_plan *pl, const char *fmt, ...) TNA_PRINTF(2, 3);
static void note(tna_init_plan *pl, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_ptr_array_add(pl->todo, g_strdup_vprintf(fmt, ap));
    va_end(ap);
}

static gint compare_text(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* ---- paths and periods ---------------------------------------------------------------------- */

static bool digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (!g_ascii_isdigit(s[i]))
            return false;
    return true;
}

/* The last period written in path: 2026-Q3, 2026_Q3, 2026Q3, 2026-07 or 2026, standing
 * alone (not inside a longer number, nor the year of a whole date such as 2026-07-14).
 * *start and *len locate it; false when none. */
static bool period_in(const char *path, size_t *start, size_t *len)
{
    bool found = false;
    for (size_t i = 0; path[i]; i++) {
        if ((i > 0 && g_ascii_isdigit(path[i - 1])) || !digits(path + i, 4) ||
            !(path[i] == '1' || path[i] == '2') || (path[i + 1] != '9' && path[i + 1] != '0'))
            continue;
        const char *p = path + i + 4;
        size_t n = 4;
        const char *q = (*p == '-' || *p == '_' || *p == ' ') ? p + 1 : p;
        if ((*q == 'Q' || *q == 'q') && q[1] >= '1' && q[1] <= '4' && !g_ascii_isdigit(q[2]))
            n = (size_t)(q + 2 - (path + i));
        else if ((*p == '-' || *p == '_') && digits(p + 1, 2) && (p[3] == '-' || p[3] == '_') &&
                 digits(p + 4, 2))
            continue; /* a whole date (2026-07-14): the day a file was saved, not a period */
        else if (*p == '-' && digits(p + 1, 2) && !g_ascii_isdigit(p[3]) &&
                 (p[1] == '0' || (p[1] == '1' && p[2] <= '2')) && !(p[1] == '0' && p[2] == '0'))
            n = 7;
        else if (g_ascii_isdigit(*p))
            continue;
        *start = i;
        *len = n;
        found = true;
    }
    return found;
}

/* The calendar quarter of a time, "2026-Q3". */
static char *quarter_of(int64_t t)
{
    GDateTime *d = g_date_time_new_from_unix_utc(t);
    if (d == NULL)
        return g_strdup("2026-Q1");
    char *q =
        g_strdup_printf("%d-Q%d", g_date_time_get_year(d), (g_date_time_get_month(d) - 1) / 3 + 1);
    g_date_time_unref(d);
    return q;
}

static char *date_text(int64_t t)
{
    GDateTime *d = g_date_time_new_from_unix_utc(t);
    char *s = d ? g_date_time_format(d, "%-d %B %Y") : g_strdup("?");
    if (d)
        g_date_time_unref(d);
    return s;
}

/* ---- sources ------------------------------------------------------------------------------- */

/* What the configuration reads an export by: its format, fields and skills with their
 * headings. Two exports of one source that differ in it were mapped differently. */
static char *shape_of(const tna_init_export *x)
{
    GString *s = g_string_new(NULL);
    g_string_append_printf(s, "%d|%d|%d|", (int)x->tool, x->header_rows, (int)x->format);
    for (int f = 0; f < TNA_FIELD_COUNT; f++)
        for (size_t h = 0; h < x->fields[f].n_headings; h++)
            g_string_append_printf(s, "f%d=%s\x1f", f, x->fields[f].headings[h]);
    for (size_t k = 0; k < x->n_skills; k++)
        g_string_append_printf(s, "s%u=%s\x1f", x->skills[k].match.skill, x->skills[k].heading);
    return g_string_free(s, FALSE);
}

static void source_free(gpointer p)
{
    tna_init_source *s = p;
    g_free(s->name);
    g_free(s->path);
    g_free(s->missing_periods);
    g_ptr_array_unref(s->exports);
    g_free(s);
}

/* A source name from a file name: its stem without the period, in lower case, words joined
 * by '-'; unique among names (a number added). */
static char *source_name(const char *path, GHashTable *used, tna_format format)
{
    char *base = g_path_get_basename(path);
    char *dot = strrchr(base, '.');
    if (dot && dot != base)
        *dot = '\0';
    size_t ps, pl;
    if (period_in(base, &ps, &pl))
        memmove(base + ps, base + ps + pl, strlen(base + ps + pl) + 1);
    GString *n = g_string_new(NULL);
    for (const char *c = base; *c; c++) {
        if (g_ascii_isalnum(*c))
            g_string_append_c(n, g_ascii_tolower(*c));
        else if (n->len > 0 && n->str[n->len - 1] != '-')
            g_string_append_c(n, '-');
    }
    while (n->len > 0 && n->str[n->len - 1] == '-')
        g_string_truncate(n, n->len - 1);
    if (n->len < 3 || strcmp(n->str, "export") == 0 || g_str_has_prefix(n->str, "results"))
        g_string_assign(n, format == TNA_FORMAT_WIDE   ? "staff-survey"
                           : format == TNA_FORMAT_LONG ? "ratings"
                                                       : "course-evaluations");
    char *name = g_strdup(n->str);
    for (int k = 2; g_hash_table_contains(used, name); k++) {
        g_free(name);
        name = g_strdup_printf("%s-%d", n->str, k);
    }
    g_hash_table_add(used, g_strdup(name));
    g_string_free(n, TRUE);
    g_free(base);
    return name;
}

/* Exports whose paths are the same but for a period are one source with {period} in its
 * path, when every export's path names a period (and no two exports of a source the same
 * one). The source is written as its latest period's export is mapped. */
static bool plan_by_period(tna_init_plan *pl, GHashTable *used)
{
    GPtrArray *sources = g_ptr_array_new_with_free_func(source_free);
    GPtrArray *labels = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *seen = g_ptr_array_new_with_free_func((GDestroyNotify)g_hash_table_destroy);
    bool ok = true;
    for (guint e = 0; e < pl->exports->len && ok; e++) {
        const char *rel = g_ptr_array_index(pl->rel, e);
        size_t ps, plen;
        if (!period_in(rel, &ps, &plen)) {
            ok = false;
            break;
        }
        char *label = g_strndup(rel + ps, plen);
        char *template = g_strdup_printf("%.*s{period}%s", (int)ps, rel, rel + ps + plen);
        guint s = 0;
        while (s < sources->len &&
               strcmp(((tna_init_source *)g_ptr_array_index(sources, s))->path, template) != 0)
            s++;
        if (s == sources->len) {
            tna_init_source *src = g_new0(tna_init_source, 1);
            src->exports = g_ptr_array_new();
            src->path = template;
            g_ptr_array_add(sources, src);
            g_ptr_array_add(seen, g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL));
        } else {
            g_free(template);
        }
        tna_init_source *src = g_ptr_array_index(sources, s);
        GHashTable *mine = g_ptr_array_index(seen, s);
        ok = !g_hash_table_contains(mine, label);
        bool known = false;
        for (guint p = 0; p < labels->len && !known; p++)
            known = strcmp(g_ptr_array_index(labels, p), label) == 0;
        if (!known)
            g_ptr_array_add(labels, g_strdup(label));
        tna_init_export *x = g_ptr_array_index(pl->exports, e);
        /* the latest period's export decides how the source is read */
        const char *latest = NULL;
        GHashTableIter it;
        gpointer k;
        g_hash_table_iter_init(&it, mine);
        while (g_hash_table_iter_next(&it, &k, NULL))
            if (latest == NULL || strcmp(k, latest) > 0)
                latest = k;
        if (latest == NULL || strcmp(label, latest) > 0)
            src->first = x;
        g_hash_table_add(mine, label);
        g_ptr_array_add(src->exports, x);
    }
    if (ok) {
        g_ptr_array_sort(labels, compare_text);
        for (guint s = 0; s < sources->len; s++) {
            tna_init_source *src = g_ptr_array_index(sources, s);
            GString *missing = g_string_new(NULL);
            for (guint p = 0; p < labels->len; p++)
                if (!g_hash_table_contains(g_ptr_array_index(seen, s),
                                           g_ptr_array_index(labels, p)))
                    g_string_append_printf(missing, "%s%s", missing->len ? ", " : "",
                                           (char *)g_ptr_array_index(labels, p));
            src->optional = missing->len > 0;
            src->missing_periods = g_string_free(missing, !src->optional);
            src->name = source_name(src->first->path, used, src->first->format);
            char *shape = shape_of(src->first);
            for (guint e = 0; e < src->exports->len; e++) {
                const tna_init_export *x = g_ptr_array_index(src->exports, e);
                char *other = shape_of(x);
                if (strcmp(other, shape) != 0)
                    note(pl,
                         "%s is mapped differently from %s, the latest export of source '%s' "
                         "(a question added, removed or reworded): the configuration reads "
                         "every period as the latest is mapped, so check what tna validate "
                         "says of %s",
                         x->path, src->first->path, src->name, x->path);
                g_free(other);
            }
            g_free(shape);
        }
        pl->sources = sources;
        pl->periods = labels;
        pl->period_note =
            g_strdup(labels->len == 1 ? "the period is named from the export's path"
                                      : "the periods are named from the exports' paths");
    } else {
        g_ptr_array_unref(sources);
        g_ptr_array_unref(labels);
    }
    g_ptr_array_unref(seen);
    return ok;
}

/* Otherwise one period, each export a source of its own. */
static void plan_one_period(tna_init_plan *pl, GHashTable *used, int64_t now)
{
    pl->sources = g_ptr_array_new_with_free_func(source_free);
    pl->periods = g_ptr_array_new_with_free_func(g_free);
    char *label = NULL;
    int64_t latest = INT64_MIN;
    bool several_labels = false;
    for (guint e = 0; e < pl->exports->len; e++) {
        const tna_init_export *x = g_ptr_array_index(pl->exports, e);
        const char *rel = g_ptr_array_index(pl->rel, e);
        tna_init_source *src = g_new0(tna_init_source, 1);
        src->exports = g_ptr_array_new();
        g_ptr_array_add(src->exports, (gpointer)x);
        src->first = x;
        src->path = g_strdup(rel);
        src->name = source_name(x->path, used, x->format);
        g_ptr_array_add(pl->sources, src);
        size_t ps, plen;
        if (period_in(rel, &ps, &plen)) {
            char *l = g_strndup(rel + ps, plen);
            several_labels |= label != NULL && strcmp(label, l) != 0;
            if (label == NULL || strcmp(l, label) > 0) {
                g_free(label);
                label = l;
            } else {
                g_free(l);
            }
        }
        latest = MAX(latest, x->latest);
    }
    if (label != NULL && !several_labels) {
        pl->period_note = g_strdup("the period is named from the export's path");
    } else if (latest != INT64_MIN) {
        g_free(label);
        label = quarter_of(latest);
        char *when = date_text(latest);
        pl->period_note =
            g_strdup_printf("the period is the quarter of the latest submission, %s", when);
        g_free(when);
    } else {
        g_free(label);
        label = quarter_of(now);
        pl->period_note = g_strdup("the period is this quarter: the exports give no date");
    }
    g_ptr_array_add(pl->periods, label);
}

static int format_rank(const tna_init_source *s)
{
    return (int)s->first->format;
}

static gint by_format(gconstpointer a, gconstpointer b)
{
    const tna_init_source *x = *(tna_init_source *const *)a, *y = *(tna_init_source *const *)b;
    return format_rank(x) - format_rank(y);
}

void tna_init_plan_sources(tna_init_plan *pl, int64_t now)
{
    GHashTable *used = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    if (!plan_by_period(pl, used)) {
        g_hash_table_remove_all(used);
        plan_one_period(pl, used, now);
        if (pl->exports->len > 1)
            note(pl,
                 "the exports' paths do not each name a period, so they are read as one "
                 "period, %s (a person in two of them counts once, latest answers winning); "
                 "for trends, keep each period's export under its period (2026-Q2/..., "
                 "2026-Q3/...) and run tna init again",
                 (char *)g_ptr_array_index(pl->periods, 0));
    }
    /* surveys first, then ratings, then evaluations: the order a reader expects (a stable
     * sort, so exports of one kind keep the order they were given in) */
    GPtrArray *s = pl->sources;
    for (guint i = 1; i < s->len; i++)
        for (guint j = i; j > 0 && by_format(&s->pdata[j - 1], &s->pdata[j]) > 0; j--) {
            gpointer t = s->pdata[j];
            s->pdata[j] = s->pdata[j - 1];
            s->pdata[j - 1] = t;
        }
    g_hash_table_destroy(used);
}

/* The unmatched answers of every export, merged by field and text. */
void tna_init_plan_answers(tna_init_plan *pl)
{
    GHashTable *at = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GArray *all = g_array_new(FALSE, TRUE, sizeof(tna_init_answer));
    for (guint e = 0; e < pl->exports->len; e++) {
        const tna_init_export *x = g_ptr_array_index(pl->exports, e);
        for (size_t i = 0; i < x->n_answers; i++) {
            const tna_init_answer *a = &x->answers[i];
            char *key = tna_text_key(a->text, -1);
            char *id = g_strdup_printf("%d:%s", (int)a->field, key ? key : a->text);
            g_free(key);
            gpointer where = g_hash_table_lookup(at, id);
            if (where != NULL) {
                g_array_index(all, tna_init_answer, GPOINTER_TO_UINT(where) - 1).count += a->count;
                g_free(id);
                continue;
            }
            tna_init_answer copy = {a->field, g_strdup(a->text), a->count, g_strdup(a->nearest),
                                    g_strdup(a->nearest_name)};
            g_array_append_val(all, copy);
            g_hash_table_insert(at, id, GUINT_TO_POINTER(all->len));
        }
    }
    g_hash_table_destroy(at);
    pl->n_answers = all->len;
    pl->answers = (tna_init_answer *)(void *)g_array_free(all, FALSE);
}

void tna_init_plan_clear(tna_init_plan *pl)
{
    if (pl->sources)
        g_ptr_array_unref(pl->sources);
    if (pl->periods)
        g_ptr_array_unref(pl->periods);
    if (pl->frameworks)
        g_ptr_array_unref(pl->frameworks);
    if (pl->exports)
        g_ptr_array_unref(pl->exports);
    if (pl->rel)
        g_ptr_array_unref(pl->rel);
    if (pl->todo)
        g_ptr_array_unref(pl->todo);
    g_free(pl->period_note);
    tna_init_answers_free(pl->answers, pl->n_answers);
    tna_model_free((tna_model *)pl->model);
    memset(pl, 0, sizeof *pl);
}
