/* csv.c - the machine-readable outputs: the summary and the groups file here, the others in
 * csv_*.c; see include/tna/render.h and docs/outputs.md. */
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "render_internal.h"

/* The seven figures of a shown group. */
static void put_figures(tna_csv *w, const tna_group *g)
{
    tna_csv_int(w, g->respondents);
    tna_csv_int(w, g->assessed);
    tna_csv_int(w, g->below_target);
    tna_csv_int(w, g->gap_sum);
    tna_csv_number(w, g->mean_gap, 6);
    tna_csv_number(w, g->share_below, 6);
    tna_csv_int(w, g->learners_needing);
}

/* A group's row to sort: its key columns ("*" for all), then the group. */
typedef struct group_row {
    const char *key[7];
    const tna_group *g;
} group_row;

static int compare_rows(const void *x, const void *y)
{
    const group_row *a = x, *b = y;
    for (int i = 0; i < 7; i++) {
        int c = strcmp(a->key[i] ? a->key[i] : "", b->key[i] ? b->key[i] : "");
        if (c)
            return c;
    }
    return 0;
}

static const char *id_or_all(const char *const *ids, size_t stride, uint32_t i)
{
    return i == TNA_NONE ? "*" : *(const char *const *)((const char *)ids + stride * i);
}

/* Every group of every period, the summary's sets only or every set, sorted by the keys:
 * summary (period, authority, role, framework, topic); groups (period, region, authority,
 * role, framework, topic, skill). */
static GArray *group_rows(const tna_results *r, bool every_set)
{
    const tna_model *m = r->model;
    GArray *rows = g_array_new(FALSE, TRUE, sizeof(group_row));
    for (size_t p = 0; p < r->n_periods; p++) {
        const tna_period_figures *f = &r->periods[p];
        for (size_t i = 0; i < f->n_groups; i++) {
            const tna_group *g = &f->groups[i];
            if (!every_set && g->set >= TNA_SET_SUMMARY_COUNT)
                continue;
            const char *authority =
                           id_or_all(&m->authorities[0].id, sizeof *m->authorities, g->authority),
                       *role = id_or_all(&m->roles[0].id, sizeof *m->roles, g->role),
                       *framework =
                           id_or_all(&m->frameworks[0].id, sizeof *m->frameworks, g->framework),
                       *topic = id_or_all(&m->topics[0].id, sizeof *m->topics, g->topic),
                       *skill = id_or_all(&m->skills[0].id, sizeof *m->skills, g->skill),
                       *region = g->region == TNA_NONE ? "*" : m->regions[g->region].name;
            group_row row = {{f->period, authority, role, framework, topic}, g};
            if (every_set)
                row = (group_row){{f->period, region, authority, role, framework, topic, skill}, g};
            g_array_append_val(rows, row);
        }
    }
    g_array_sort(rows, compare_rows);
    return rows;
}

/* summary-PERIOD.csv (the summary's sets, its columns fixed by the contract) or
 * groups-PERIOD.csv (every set, with region, skill, the skills each figure rests on and the
 * 95% intervals of the mean gap and the share below target). */
static tna_status write_groups(const tna_results *r, FILE *fp, bool every_set)
{
    GArray *rows = group_rows(r, every_set);
    tna_csv w = tna_csv_start(fp, TNA_CSV_INERT);
    tna_csv_header(&w, every_set ? "period,region,authority,role,framework,topic,skill,"
                                   "respondents,assessed,below_target,gap_sum,mean_gap,"
                                   "share_below,learners_needing,skills_assessed,skills,"
                                   "suppressed,mean_gap_low,mean_gap_high,share_below_low,"
                                   "share_below_high"
                                 : "period,authority,role,framework,topic,respondents,assessed,"
                                   "below_target,gap_sum,mean_gap,share_below,learners_needing,"
                                   "suppressed");
    for (guint i = 0; i < rows->len; i++) {
        const group_row *row = &g_array_index(rows, group_row, i);
        for (int k = 0; k < (every_set ? 7 : 5); k++)
            tna_csv_text(&w, row->key[k]);
        const tna_group *g = row->g;
        if (g->hidden) {
            tna_csv_blank_until(&w, "suppressed");
        } else {
            put_figures(&w, g);
            if (every_set) {
                tna_csv_int(&w, g->skills_assessed);
                tna_csv_int(&w, g->skills);
            }
        }
        tna_csv_int(&w, g->hidden);
        if (every_set && g->has_interval) { /* a hidden group, or one of one person, has none */
            tna_csv_number(&w, g->mean_gap_low, 6);
            tna_csv_number(&w, g->mean_gap_high, 6);
            tna_csv_number(&w, g->share_below_low, 6);
            tna_csv_number(&w, g->share_below_high, 6);
        } else if (every_set) {
            tna_csv_blank(&w, 4);
        }
        tna_csv_end(&w);
    }
    g_array_free(rows, TRUE);
    return TNA_OK;
}

tna_status tna_render_csv(const tna_results *r, const tna_dq_log *log, tna_outputs *out,
                          tna_error *err)
{
    if (r->n_periods == 0)
        return TNA_OK;
    FILE *fp;
    tna_status st = tna_csv_create(r, out, "summary", &fp, err);
    if (st == TNA_OK)
        st = write_groups(r, fp, false);
    if (st == TNA_OK)
        st = tna_csv_create(r, out, "groups", &fp, err);
    if (st == TNA_OK)
        st = write_groups(r, fp, true);
    if (st == TNA_OK)
        st = tna_csv_write_data_quality(r, log, out, err);
    if (st == TNA_OK)
        st = csv_write_planning(r, out, err);
    if (st == TNA_OK)
        st = csv_write_expectations(r, out, err);
    if (st == TNA_OK)
        st = csv_write_budget(r, out, err);
    return st;
}
