/*
 * console.c - tna run's, tna merge's and tna validate's words on the terminal; see console.h.
 *
 * Each line is a glossary term formatted in each language the run speaks (one, or both:
 * the first language's line, then the other's), after a prefix that is no language's
 * (indentation, a period, a source name, a path, file:line:col). The English lines read
 * as they did before the words moved to the glossary, so scripts that read them still do.
 */
#include "tna/console.h"

#include <glib.h>
#include <stdarg.h>
#include <string.h>

#include "../render/labels.h"
#include "tna/config.h"

typedef struct con {
    FILE *fp;
    tna_language languages[2]; /* in the order printed */
    int n;
} con;

static con con_new(FILE *fp, const tna_model *m, tna_language language)
{
    con c = {fp, {language, language}, 1};
    if (language == TNA_LANG_BOTH) {
        bool en_first = m->language_order == TNA_ORDER_EN_FIRST;
        c.languages[0] = en_first ? TNA_LANG_EN : TNA_LANG_CY;
        c.languages[1] = en_first ? TNA_LANG_CY : TNA_LANG_EN;
        c.n = 2;
    }
    return c;
}

/* prefix, then the term in each language, one line each. */
static void line_term(const con *c, const char *prefix, tna_term term, ...)
{
    for (int i = 0; i < c->n; i++) {
        va_list ap;
        va_start(ap, term);
        fputs(prefix, c->fp);
        vfprintf(c->fp, tna_term_in(term, c->languages[i]), ap);
        fputc('\n', c->fp);
        va_end(ap);
    }
}

/* A term with printf arguments, checked against both languages' formats (labels.h). */
#define say(c, prefix, term, ...)                                                                  \
    (TNA_TERM_CHECK(term, __VA_ARGS__), line_term(c, prefix, term, __VA_ARGS__))
/* A term without arguments. */
#define say_plain(c, prefix, term) line_term(c, prefix, term)

/* A configured name in one language: the Welsh where there is one. */
static const char *in(tna_language language, const char *en, const char *cy)
{
    return language == TNA_LANG_CY && cy != NULL && cy[0] != '\0' ? cy : en;
}

static void print_sources(const con *c, const tna_model *m, const tna_dataset *ds)
{
    for (size_t p = 0; p < ds->n_periods; p++) {
        const tna_period_data *pd = &ds->periods[p];
        for (size_t s = 0; s < m->n_sources; s++) {
            const tna_source_stats *st = &pd->stats[s];
            char *prefix = g_strdup_printf("  %s  %-16s %s: ", pd->period, m->sources[s].name,
                                           st->path);
            if (!st->present)
                say_plain(c, prefix, TERM_CONSOLE_NO_FILE);
            else
                say(c, prefix, TERM_CONSOLE_SOURCE_ROWS, st->rows_read, st->accepted,
                    st->rejected, st->excluded);
            if (st->present && st->encoding_guessed)
                say_plain(c, "      ", TERM_CONSOLE_READ_AS_1252);
            g_free(prefix);
        }
    }
}

/* ---- tna validate ---------------------------------------------------------------------------- */

typedef struct warner {
    const con *c;
} warner;

static void warn_untranslated(void *ctx, const tna_untranslated *u)
{
    const con *c = ((const warner *)ctx)->c;
    char *prefix = u->mark.file != NULL ? g_strdup_printf("%s:%ld:%ld: ", u->mark.file,
                                                          u->mark.line, u->mark.col)
                                        : g_strdup("");
    for (int i = 0; i < c->n; i++) {
        const con one = {c->fp, {c->languages[i]}, 1};
        say(&one, prefix, TERM_CONSOLE_NO_WELSH_FORM,
            tna_term_in(tna_text_kind_term(u->kind), c->languages[i]), u->text, u->key);
    }
    g_free(prefix);
}

static void welsh_forms(const con *c, const tna_model *m, bool list)
{
    size_t n = tna_model_each_untranslated(m, NULL, NULL);
    if (n == 0) {
        say_plain(c, "", TERM_CONSOLE_WELSH_FORMS_ALL);
        return;
    }
    say(c, "", TERM_CONSOLE_WELSH_FORMS_MISSING, n);
    if (list) {
        warner w = {c};
        tna_model_each_untranslated(m, warn_untranslated, &w);
    }
}

void tna_console_config(FILE *fp, const tna_model *m, tna_language language)
{
    con c = con_new(fp, m, language);
    say(&c, "", TERM_CONSOLE_VALID, m->config_path);
    for (int i = 0; i < c.n; i++) {
        const con one = {fp, {c.languages[i]}, 1};
        const char *title = m->title != NULL ? in(c.languages[i], m->title, m->title_cy)
                                             : tna_term_in(TERM_CONSOLE_NONE, c.languages[i]);
        say(&one, "  ", TERM_CONSOLE_TITLE, title);
        fprintf(fp, "  %s", tna_term_in(TERM_CONSOLE_PERIODS, c.languages[i]));
        for (size_t p = 0; p < m->n_periods; p++)
            fprintf(fp, " %s%s%s", m->periods[p], p + 1 == m->n_periods ? " " : "",
                    p + 1 == m->n_periods ? tna_term_in(TERM_CONSOLE_CURRENT, c.languages[i])
                                          : "");
        fputc('\n', fp);
    }
    say(&c, "  ", TERM_CONSOLE_COUNTS, m->n_frameworks, m->n_topics, m->n_skills, m->n_roles,
        m->n_authorities, m->n_regions, m->n_sources, m->n_expectations, m->min_group_size);
    welsh_forms(&c, m, language != TNA_LANG_EN);
}

void tna_console_inputs(FILE *fp, const tna_model *m, const tna_dataset *ds,
                        tna_language language)
{
    con c = con_new(fp, m, language);
    say_plain(&c, "", TERM_CONSOLE_SOURCES);
    print_sources(&c, m, ds);
    long entries = 0, problems = tna_dataset_problems(ds), shown = 0;
    for (size_t p = 0; p < ds->n_periods; p++)
        entries += (long)ds->periods[p].n_dq;
    if (problems > 0)
        say(&c, "", TERM_CONSOLE_DQ_FIRST, entries, problems);
    else
        say(&c, "", TERM_CONSOLE_DQ, entries, problems);
    for (size_t p = 0; p < ds->n_periods && shown < 10; p++)
        for (size_t i = 0; i < ds->periods[p].n_dq && shown < 10; i++) {
            const tna_dq_entry *e = &ds->periods[p].dq[i];
            if (e->note)
                continue;
            char *why = tna_dq_words(e->reason, e->bad, e->detail, false, c.languages[0]);
            fprintf(fp, "  %s:%ld:%ld: %s%s%s%s\n", e->file, e->line, e->column, why,
                    e->value[0] ? " ('" : "", e->value, e->value[0] ? "')" : "");
            g_free(why);
            shown++;
        }
}

/* ---- tna run ---------------------------------------------------------------------------------- */

/* "inputs/../reports/2026-Q3" reads better as "reports/2026-Q3". Caller frees. */
static char *shown_dir(const char *dir)
{
    char *cwd = g_get_current_dir();
    char *absolute = g_canonicalize_filename(dir, cwd);
    size_t n = strlen(cwd);
    char *shown = strncmp(absolute, cwd, n) == 0 && absolute[n] == '/' ? g_strdup(absolute + n + 1)
                                                                       : g_strdup(absolute);
    g_free(cwd);
    g_free(absolute);
    return shown;
}

/* The title in each language the run speaks (once when both are the same). */
static void print_title(const con *c, const tna_model *m)
{
    const char *first = m->title != NULL ? in(c->languages[0], m->title, m->title_cy) : "tna";
    const char *second = m->title != NULL ? in(c->languages[1], m->title, m->title_cy) : "tna";
    fprintf(c->fp, "%s\n", first);
    if (c->n == 2 && strcmp(first, second) != 0)
        fprintf(c->fp, "%s\n", second);
}

/* The current period's figures. */
static void print_current(const con *c, const tna_model *m, const tna_results *res)
{
    const tna_period_figures *f = &res->periods[res->n_periods - 1];
    say(c, "", TERM_CONSOLE_CURRENT_PERIOD, f->period, f->n_people, f->n_groups,
        f->n_suppressed_primary, m->min_group_size, f->n_suppressed_secondary);
}

/* In a run that speaks Welsh, how many configured texts have no Welsh form. */
static void count_untranslated(const con *c, const tna_model *m, tna_language language)
{
    if (language == TNA_LANG_EN)
        return;
    size_t n = tna_model_each_untranslated(m, NULL, NULL);
    if (n > 0)
        say(c, "", TERM_CONSOLE_WELSH_FORMS_MISSING, n);
}

/* Where the reports went, and their files. */
static void print_written(const con *c, const tna_outputs *out, const char *dir)
{
    char *shown = shown_dir(dir);
    say(c, "", TERM_CONSOLE_REPORTS_WRITTEN, shown);
    g_free(shown);
    for (size_t i = 0; i < tna_outputs_count(out); i++)
        fprintf(c->fp, "  %s\n", tna_outputs_name(out, i));
}

void tna_console_run(FILE *fp, const tna_model *m, const tna_dataset *ds, const tna_results *res,
                     const tna_outputs *out, const char *dir, tna_language language)
{
    con c = con_new(fp, m, language);
    print_title(&c, m);
    print_sources(&c, m, ds);
    long rejected = 0, read = 0, excluded = 0;
    for (size_t p = 0; p < ds->n_periods; p++)
        for (size_t s = 0; s < m->n_sources; s++) {
            read += ds->periods[p].stats[s].rows_read;
            rejected += ds->periods[p].stats[s].rejected;
            excluded += ds->periods[p].stats[s].excluded;
        }
    print_current(&c, m, res);
    say(&c, "", TERM_CONSOLE_ROWS_TOTAL, read, rejected, excluded, tna_dataset_problems(ds));
    count_untranslated(&c, m, language);
    print_written(&c, out, dir);
}

void tna_console_merge(FILE *fp, const tna_model *m, size_t n_files, const tna_results *res,
                       const tna_outputs *out, const char *dir, tna_language language)
{
    con c = con_new(fp, m, language);
    print_title(&c, m);
    say(&c, "", TERM_CONSOLE_MERGED, n_files);
    print_current(&c, m, res);
    count_untranslated(&c, m, language);
    print_written(&c, out, dir);
}
