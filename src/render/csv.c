/* csv.c - the machine-readable outputs; see include/tna/render.h. */
#include <glib.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "render_internal.h"

void tna_csv_write_text(FILE *fp, const char *text)
{
    bool formula = strchr("=+-@\t\r\n", text[0]) != NULL && text[0] != '\0';
    bool quote = formula || strpbrk(text, ",\"\r\n") != NULL;
    if (!quote) {
        fputs(text, fp);
        return;
    }
    fputc('"', fp);
    if (formula)
        fputc('\'', fp);
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            fputc('"', fp);
        fputc(*p, fp);
    }
    fputc('"', fp);
}

typedef struct summary_row {
    const char *key[5]; /* period, authority, role, framework, topic; "*" for all */
    const tna_group *g;
} summary_row;

static int compare_rows(const void *x, const void *y)
{
    const summary_row *a = x, *b = y;
    for (int i = 0; i < 5; i++) {
        int c = strcmp(a->key[i], b->key[i]);
        if (c)
            return c;
    }
    return 0;
}

static tna_status write_summary(const tna_results *r, FILE *fp)
{
    const tna_model *m = r->model;
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(summary_row));
    for (size_t p = 0; p < r->n_periods; p++) {
        const tna_period_figures *f = &r->periods[p];
        for (size_t i = 0; i < f->n_groups; i++) {
            const tna_group *g = &f->groups[i];
            if (g->set >= TNA_SET_SUMMARY_COUNT)
                continue;
            summary_row row = {{f->period,
                                g->authority == TNA_NONE ? "*" : m->authorities[g->authority].id,
                                g->role == TNA_NONE ? "*" : m->roles[g->role].id,
                                g->topic == TNA_NONE ? "*" : m->frameworks[g->framework].id,
                                g->topic == TNA_NONE ? "*" : m->topics[g->topic].id},
                               g};
            g_array_append_val(rows, row);
        }
    }
    g_array_sort(rows, compare_rows);
    fputs("period,authority,role,framework,topic,respondents,assessed,below_target,gap_sum,"
          "mean_gap,share_below,learners_needing,suppressed\n",
          fp);
    for (guint i = 0; i < rows->len; i++) {
        const summary_row *row = &g_array_index(rows, summary_row, i);
        for (int k = 0; k < 5; k++) {
            tna_csv_write_text(fp, row->key[k]);
            fputc(',', fp);
        }
        const tna_group *g = row->g;
        if (g->suppressed)
            fputs(",,,,,,,1\n", fp);
        else
            fprintf(fp, "%" PRId64 ",%" PRId64 ",%" PRId64 ",%" PRId64 ",%.6f,%.6f,%" PRId64 ",0\n",
                    g->respondents, g->assessed, g->below_target, g->gap_sum, g->mean_gap,
                    g->share_below, g->learners_needing);
    }
    g_array_free(rows, TRUE);
    return TNA_OK;
}

tna_status csv_open(const tna_results *r, tna_outputs *out, const char *stem, FILE **fp,
                    tna_error *err)
{
    char *name = g_strdup_printf("%s-%s.csv", stem, r->periods[r->n_periods - 1].period);
    tna_status st = tna_outputs_open(out, name, fp, err);
    g_free(name);
    return st;
}

tna_status tna_render_csv(const tna_results *r, const tna_dq_log *log, tna_outputs *out,
                          tna_error *err)
{
    if (r->n_periods == 0)
        return TNA_OK;
    FILE *fp;
    tna_status st = csv_open(r, out, "summary", &fp, err);
    if (st == TNA_OK)
        st = write_summary(r, fp);
    if (st == TNA_OK)
        st = tna_csv_write_data_quality(r, log, out, err);
    if (st == TNA_OK)
        st = csv_write_planning(r, out, err);
    if (st == TNA_OK)
        st = csv_write_expectations(r, out, err);
    return st;
}
