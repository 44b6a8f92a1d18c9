/*
 * xlsx_groups.c - the sheets of group figures: Heatmap, By authority, By role, By topic,
 * Skills (current period).
 *
 * Each table sheet is one flat table with dimension columns, the seven figures and the 95%
 * intervals of the mean gap and the share below target (groups-PERIOD.csv), one row
 * per group that has respondents, so an autofilter can cut it any way; a dimension summed
 * over reads "All roles", "All topics", ... and such total rows are bold. Authorities,
 * roles, frameworks, topics and skills come in model (configuration) order, which is stable.
 * Together the tables hold every group of the summary CSV's sets for the current period:
 * authority sets on By authority, role-by-topic on By role, the rest on By topic.
 *
 * A topic row whose figures rest on fewer than all the topic's skills says how many in the
 * last column, "Based on" ("3 of 4 skills").
 *
 * The Heatmap is two authority x topic grids, mean gap with a green-yellow-red colour scale
 * and learners needing training with a white-blue one; a hidden cell shows its marker
 * (the colour scales skip text), a group without respondents is blank, and a cell resting on
 * fewer than all the topic's skills carries a comment saying so.
 */
#include "xlsx_write.h"

#define DIMS_MAX 5
#define INTERVALS 4 /* the 95% intervals of the mean gap and the share below, after the figures */

typedef struct grow {
    const char *dim[DIMS_MAX];
    const tna_group *g;
    bool bold;
} grow;

static void add(GArray *rows, const tna_group *g, bool bold, const char *d0, const char *d1,
                const char *d2, const char *d3, const char *d4)
{
    if (g == NULL)
        return;
    grow r = {{d0, d1, d2, d3, d4}, g, bold};
    g_array_append_val(rows, r);
}

/* The table: dimension headers, then the figures; header on row 3. Frees rows. */
static void group_table(xw *x, lxw_worksheet *ws, const char **dims, const double *dim_widths,
                        int ndim, GArray *rows)
{
    const char *head[DIMS_MAX + XW_FIGURES + INTERVALS + 1];
    double widths[DIMS_MAX + XW_FIGURES + INTERVALS + 1];
    int last = ndim + XW_FIGURES + INTERVALS; /* the coverage column */
    for (int i = 0; i < ndim; i++)
        head[i] = dims[i], widths[i] = dim_widths[i];
    tna_xw_figure_headers(x, head + ndim);
    const tna_term interval[INTERVALS] = {TERM_MEAN_GAP_LOW_95, TERM_MEAN_GAP_HIGH_95,
                                          TERM_SHARE_BELOW_LOW_95, TERM_SHARE_BELOW_HIGH_95};
    for (int i = 0; i < INTERVALS; i++)
        head[ndim + XW_FIGURES + i] = tna_xw_t(x, interval[i]);
    for (int i = 0; i < XW_FIGURES + INTERVALS; i++)
        widths[ndim + i] = 12;
    head[last] = tna_xw_t(x, TERM_BASED_ON), widths[last] = 16;
    char kinds[DIMS_MAX + XW_FIGURES + INTERVALS + 2];
    for (int i = 0; i <= last; i++)
        kinds[i] = i < ndim || i == last ? 't' : 'n';
    kinds[last + 1] = '\0';
    tna_xw_header(x, ws, 3, head, last + 1, widths, kinds);
    lxw_row_t row = 4;
    for (guint i = 0; i < rows->len; i++, row++) {
        if (row >= XW_ROW_LIMIT - 1) {
            tna_xw_text(x, ws, row++, 0, tna_xw_t(x, TERM_MORE_ROWS_THAN_SHEET), x->note);
            break;
        }
        const grow *r = &g_array_index(rows, grow, i);
        for (int d = 0; d < ndim; d++)
            tna_xw_text(x, ws, row, (lxw_col_t)d, r->dim[d], r->bold ? x->bold : x->text);
        tna_xw_figures(x, ws, row, (lxw_col_t)ndim, r->g, r->bold);
        if (!r->g->hidden && r->g->has_interval) { /* none for one person (method.md) */
            lxw_col_t c = (lxw_col_t)(ndim + XW_FIGURES);
            lxw_format *gap = r->bold ? x->bold_gap : x->gap,
                       *share = r->bold ? x->bold_percent : x->percent;
            tna_xw_number(x, ws, row, c, r->g->mean_gap_low, gap);
            tna_xw_number(x, ws, row, c + 1, r->g->mean_gap_high, gap);
            tna_xw_number(x, ws, row, c + 2, r->g->share_below_low, share);
            tna_xw_number(x, ws, row, c + 3, r->g->share_below_high, share);
        }
        const char *coverage = tna_xw_coverage(x, r->g);
        if (coverage)
            tna_xw_text(x, ws, row, (lxw_col_t)last, coverage, x->text);
    }
    tna_xw_table(x, ws, 4, 1, row - 1, (lxw_col_t)last);
    g_array_free(rows, TRUE);
}

/* One cell of a heatmap grid: figure k (4 mean gap, 6 learners) of g. */
static void grid_cell(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const tna_group *g,
                      int k, bool bold)
{
    if (g == NULL)
        return;
    const char *coverage = tna_xw_coverage(x, g);
    if (coverage) {
        char *text = g_strdup(
            tna_label_termf(x->l, TERM_BASED_ON_K_OF_N_SKILLS, g->skills_assessed, g->skills));
        tna_xw_check(x, worksheet_write_comment(ws, row, col, text));
        g_free(text);
    }
    if (g->hidden)
        tna_xw_hidden(x, ws, row, col, g->hidden);
    else if (k == 4)
        tna_xw_number(x, ws, row, col, g->mean_gap, bold ? x->bold_gap : x->gap);
    else
        tna_xw_int(x, ws, row, col, g->learners_needing, bold ? x->bold_integer : x->integer);
}

/* A grid with its header at `row`; returns the last row written. */
static lxw_row_t grid(xw *x, lxw_worksheet *ws, lxw_row_t row, int k)
{
    const tna_model *m = x->m;
    size_t nt = m->n_topics;
    const char **head = g_new(const char *, nt + 3);
    double *widths = g_new(double, nt + 3);
    head[0] = tna_xw_t(x, TERM_AUTHORITY), widths[0] = tna_xw_width(x, 'a');
    head[1] = tna_xw_t(x, TERM_REGION), widths[1] = tna_xw_width(x, 'g');
    for (size_t t = 0; t < nt; t++)
        head[2 + t] = tna_label_topic(x->l, (uint32_t)t), widths[2 + t] = 13;
    head[2 + nt] = tna_label_topic(x->l, TNA_NONE), widths[2 + nt] = 11;
    char *kinds = g_strnfill(nt + 3, 'n');
    kinds[0] = kinds[1] = 't';
    tna_xw_header(x, ws, row, head, (int)nt + 3, widths, kinds);
    g_free(kinds);
    g_free(head);
    g_free(widths);

    lxw_row_t r = row + 1;
    tna_xw_text(x, ws, r, 0, tna_label_wales(x->l), x->bold);
    for (size_t t = 0; t < nt; t++)
        grid_cell(x, ws, r, (lxw_col_t)(2 + t),
                  tna_results_find(x->cur, TNA_SET_TOPIC, (tna_dims){.topic = tna_is((uint32_t)t)}),
                  k, true);
    grid_cell(x, ws, r, (lxw_col_t)(2 + nt), tna_results_find(x->cur, TNA_SET_ALL, TNA_DIMS_ALL), k,
              true);
    for (uint32_t a = 0; a < m->n_authorities; a++) {
        if (!tna_xw_shows(x, a, TNA_NONE))
            continue;
        r++;
        tna_xw_text(x, ws, r, 0, tna_label_authority(x->l, a), x->text);
        tna_xw_text(x, ws, r, 1, tna_label_region(x->l, m->authorities[a].region), x->text);
        for (size_t t = 0; t < nt; t++)
            grid_cell(
                x, ws, r, (lxw_col_t)(2 + t),
                tna_results_find(x->cur, TNA_SET_AUTHORITY_TOPIC,
                                 (tna_dims){.authority = tna_is(a), .topic = tna_is((uint32_t)t)}),
                k, false);
        grid_cell(x, ws, r, (lxw_col_t)(2 + nt),
                  tna_results_find(x->cur, TNA_SET_AUTHORITY, (tna_dims){.authority = tna_is(a)}),
                  k, true);
    }
    if (m->n_authorities > 0 && nt > 0) {
        lxw_conditional_format cf = {0};
        if (k == 4) {
            cf.type = LXW_CONDITIONAL_3_COLOR_SCALE;
            cf.min_color = 0x63BE7B;
            cf.mid_color = 0xFFEB84;
            cf.max_color = 0xF8696B;
        } else {
            cf.type = LXW_CONDITIONAL_2_COLOR_SCALE;
            cf.min_color = 0xFFFFFF;
            cf.max_color = 0x5B9BD5;
        }
        tna_xw_check(x,
                 worksheet_conditional_format_range(ws, row + 2, 2, r, (lxw_col_t)(1 + nt), &cf));
    }
    return r;
}

void tna_xlsx_heatmap(xw *x)
{
    lxw_worksheet *ws = tna_xw_sheet(x, TERM_HEATMAP);
    tna_xw_title(x, ws, tna_xw_t(x, TERM_MEAN_GAP_BY_AUTHORITY_AND_TOPIC), tna_xw_t(x, TERM_HEATMAP_NOTE));
    lxw_row_t last = grid(x, ws, 3, 4);
    tna_xw_table(x, ws, 4, 2, last, (lxw_col_t)(x->m->n_topics + 2));
    lxw_row_t second = last + 3;
    tna_xw_text(x, ws, second, 0, tna_xw_t(x, TERM_LEARNERS_NEEDING_TRAINING), x->heading);
    grid(x, ws, second + 1, 6);
}

void tna_xlsx_by_authority(xw *x)
{
    const tna_model *m = x->m;
    tna_labels *l = x->l;
    lxw_worksheet *ws = tna_xw_sheet(x, TERM_BY_AUTHORITY);
    tna_xw_title(x, ws, tna_xw_t(x, TERM_FIGURES_BY_AUTHORITY), tna_xw_t(x, TERM_BY_AUTHORITY_NOTE));
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(grow));
    const char *all_roles = tna_label_role(l, TNA_NONE), *all_fw = tna_label_framework(l, TNA_NONE),
               *all_topics = tna_label_topic(l, TNA_NONE);
    for (uint32_t a = 0; a < m->n_authorities; a++) {
        if (!tna_xw_shows(x, a, TNA_NONE))
            continue;
        const char *an = tna_label_authority(l, a),
                   *rn = tna_label_region(l, m->authorities[a].region);
        add(rows, tna_results_find(x->cur, TNA_SET_AUTHORITY, (tna_dims){.authority = tna_is(a)}),
            true, an, rn, all_roles, all_fw, all_topics);
        for (uint32_t f = 0; f < m->n_frameworks; f++) {
            const char *fn = tna_label_framework(l, f);
            add(rows,
                tna_results_find(x->cur, TNA_SET_AUTHORITY_FRAMEWORK,
                                 (tna_dims){.authority = tna_is(a), .framework = tna_is(f)}),
                true, an, rn, all_roles, fn, all_topics);
            const tna_framework *fw = &m->frameworks[f];
            for (uint32_t t = fw->first_topic; t < fw->first_topic + fw->n_topics; t++)
                add(rows,
                    tna_results_find(x->cur, TNA_SET_AUTHORITY_TOPIC,
                                     (tna_dims){.authority = tna_is(a), .topic = tna_is(t)}),
                    false, an, rn, all_roles, fn, tna_label_topic(l, t));
        }
        for (uint32_t p = 0; p < m->n_roles; p++)
            for (uint32_t t = 0; t < m->n_topics; t++)
                add(rows,
                    tna_results_find(
                        x->cur, TNA_SET_AUTHORITY_ROLE_TOPIC,
                        (tna_dims){.authority = tna_is(a), .role = tna_is(p), .topic = tna_is(t)}),
                    false, an, rn, tna_label_role(l, p),
                    tna_label_framework(l, m->topics[t].framework), tna_label_topic(l, t));
    }
    const char *dims[] = {tna_xw_t(x, TERM_AUTHORITY), tna_xw_t(x, TERM_REGION), tna_xw_t(x, TERM_ROLE),
                          tna_xw_t(x, TERM_FRAMEWORK), tna_xw_t(x, TERM_TOPIC)};
    const double widths[] = {tna_xw_width(x, 'a'), tna_xw_width(x, 'g'), tna_xw_width(x, 'p'), tna_xw_width(x, 'f'),
                             tna_xw_width(x, 't')};
    group_table(x, ws, dims, widths, 5, rows);
}

void tna_xlsx_by_role(xw *x)
{
    const tna_model *m = x->m;
    tna_labels *l = x->l;
    lxw_worksheet *ws = tna_xw_sheet(x, TERM_BY_ROLE);
    tna_xw_title(x, ws, tna_label_termf(x->l, TERM_FIGURES_BY_ROLE_ALL_WALES, tna_label_wales_lower(l)),
             tna_xw_t(x, TERM_BY_ROLE_NOTE));
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(grow));
    for (uint32_t p = 0; p < m->n_roles; p++) {
        const char *pn = tna_label_role(l, p);
        add(rows, tna_results_find(x->cur, TNA_SET_ROLE, (tna_dims){.role = tna_is(p)}), true, pn,
            tna_label_framework(l, TNA_NONE), tna_label_topic(l, TNA_NONE), NULL, NULL);
        for (uint32_t t = 0; t < m->n_topics; t++)
            add(rows,
                tna_results_find(x->cur, TNA_SET_ROLE_TOPIC,
                                 (tna_dims){.role = tna_is(p), .topic = tna_is(t)}),
                false, pn, tna_label_framework(l, m->topics[t].framework), tna_label_topic(l, t),
                NULL, NULL);
    }
    const char *dims[] = {tna_xw_t(x, TERM_ROLE), tna_xw_t(x, TERM_FRAMEWORK), tna_xw_t(x, TERM_TOPIC)};
    const double widths[] = {tna_xw_width(x, 'p'), tna_xw_width(x, 'f'), tna_xw_width(x, 't')};
    group_table(x, ws, dims, widths, 3, rows);
}

void tna_xlsx_by_topic(xw *x)
{
    const tna_model *m = x->m;
    tna_labels *l = x->l;
    lxw_worksheet *ws = tna_xw_sheet(x, TERM_BY_TOPIC);
    tna_xw_title(
        x, ws, tna_xw_t(x, TERM_FIGURES_BY_FRAMEWORK_TOPIC_AND),
        tna_label_termf(x->l, TERM_BY_TOPIC_NOTE, tna_label_wales(l), tna_label_wales_lower(l)));
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(grow));
    const char *all_fw = tna_label_framework(l, TNA_NONE),
               *all_topics = tna_label_topic(l, TNA_NONE), *wales = tna_label_wales(l);
    add(rows, tna_results_find(x->cur, TNA_SET_ALL, TNA_DIMS_ALL), true, all_fw, all_topics, wales,
        NULL, NULL);
    for (uint32_t g = 0; g < m->n_regions; g++)
        if (tna_xw_shows(x, TNA_NONE, g))
            add(rows, tna_results_find(x->cur, TNA_SET_REGION, (tna_dims){.region = tna_is(g)}),
                true, all_fw, all_topics, tna_label_region(l, g), NULL, NULL);
    for (uint32_t f = 0; f < m->n_frameworks; f++) {
        const char *fn = tna_label_framework(l, f);
        add(rows, tna_results_find(x->cur, TNA_SET_FRAMEWORK, (tna_dims){.framework = tna_is(f)}),
            true, fn, all_topics, wales, NULL, NULL);
        const tna_framework *fw = &m->frameworks[f];
        for (uint32_t t = fw->first_topic; t < fw->first_topic + fw->n_topics; t++) {
            const char *tn = tna_label_topic(l, t);
            add(rows, tna_results_find(x->cur, TNA_SET_TOPIC, (tna_dims){.topic = tna_is(t)}),
                false, fn, tn, wales, NULL, NULL);
            for (uint32_t g = 0; g < m->n_regions; g++)
                if (tna_xw_shows(x, TNA_NONE, g))
                    add(rows,
                    tna_results_find(x->cur, TNA_SET_REGION_TOPIC,
                                     (tna_dims){.region = tna_is(g), .topic = tna_is(t)}),
                    false, fn, tn, tna_label_region(l, g), NULL, NULL);
        }
    }
    const char *dims[] = {tna_xw_t(x, TERM_FRAMEWORK), tna_xw_t(x, TERM_TOPIC), tna_xw_t(x, TERM_REGION)};
    const double widths[] = {tna_xw_width(x, 'f'), tna_xw_width(x, 't'), tna_xw_width(x, 'g')};
    group_table(x, ws, dims, widths, 3, rows);
}

void tna_xlsx_skills(xw *x)
{
    const tna_model *m = x->m;
    tna_labels *l = x->l;
    lxw_worksheet *ws = tna_xw_sheet(x, TERM_SKILLS);
    tna_xw_title(x, ws,
             tna_label_termf(x->l, TERM_FIGURES_BY_SKILL_ALL_WALES, tna_label_wales_lower(l)),
             tna_xw_t(x, TERM_SKILLS_NOTE));
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(grow));
    for (uint32_t s = 0; s < m->n_skills; s++) {
        uint32_t t = m->skills[s].topic;
        add(rows, tna_results_find(x->cur, TNA_SET_SKILL, (tna_dims){.skill = tna_is(s)}), false,
            tna_label_framework(l, m->topics[t].framework), tna_label_topic(l, t),
            tna_label_skill(l, s), NULL, NULL);
    }
    const char *dims[] = {tna_xw_t(x, TERM_FRAMEWORK), tna_xw_t(x, TERM_TOPIC), tna_xw_t(x, TERM_SKILL)};
    const double widths[] = {tna_xw_width(x, 'f'), tna_xw_width(x, 't'), tna_xw_width(x, 's')};
    group_table(x, ws, dims, widths, 3, rows);
}
