/*
 * pdf_appendix.c - method and data quality: the definitions behind every figure, the
 * privacy rule with its threshold and how many groups it hid, rows read, accepted, rejected
 * and excluded per source and period, and the data-quality log counted by reason.
 *
 * Reasons are counted after folding what varies within a kind ("unrecognised answer for
 * skill cd-seo" and "... for skill dd-m365" are one kind; numbers become N), so the table
 * stays short; the full log with file, line and column is data-quality-PERIOD.csv. No
 * logged value is shown here.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_internal.h"

static void definition(pdf_doc *d, const char *term, const char *text)
{
    double h, th;
    chart_text_size(d->cr, text, PDF_WIDTH - 120, 8.5, CHART_WRAP, 0, NULL, &h);
    chart_text_size(d->cr, term, 112, 8.5, CHART_BOLD | CHART_WRAP, 0, NULL, &th);
    h = fmax(h, th);
    pdf_need(d, h);
    pdf_tag_begin(d, "P", NULL);
    chart_set_rgb(d->cr, chart_ink);
    chart_text(d->cr, term, PDF_LEFT, d->y, 112, 8.5, CHART_BOLD | CHART_WRAP, CHART_LEFT, 0);
    chart_text(d->cr, text, PDF_LEFT + 120, d->y, PDF_WIDTH - 120, 8.5, CHART_WRAP, CHART_LEFT, 0);
    pdf_tag_end(d, "P");
    d->y += h + 5;
}

static void definitions(pdf_doc *d)
{
    pdf_h2(d, pdf_t(d, "Definitions", "Diffiniadau"));
    definition(d, pdf_t(d, "Gap", "Bwlch"),
               pdf_t(d,
                     "For a person and a skill their role requires: the target level minus "
                     "their level, or 0 when they are at or above target. Skills a role does "
                     "not require (no target, or target 0) are left out.",
                     "Ar gyfer unigolyn a sgil y mae ei rôl yn ei gofyn: y lefel darged llai "
                     "ei lefel, neu 0 pan fydd ar y targed neu uwch. Ni chynhwysir sgiliau nad "
                     "yw rôl yn eu gofyn (dim targed, neu darged 0)."));
    definition(d, pdf_t(d, "Mean gap", "Bwlch cymedrig"),
               pdf_t(d,
                     "The sum of gaps divided by the number of assessed skills (a person and "
                     "a skill with a target and an answer).",
                     "Swm y bylchau wedi'i rannu â nifer y sgiliau a aseswyd (unigolyn a sgil "
                     "â tharged ac ateb)."));
    definition(d, pdf_t(d, "Share below target", "Cyfran islaw'r targed"),
               pdf_t(d, "Assessed skills below target divided by assessed skills.",
                     "Sgiliau a aseswyd islaw'r targed wedi'u rhannu â'r sgiliau a aseswyd."));
    definition(d, pdf_t(d, "Learners needing training", "Dysgwyr sydd angen hyfforddiant"),
               pdf_t(d, "People with at least one skill below target in the group.",
                     "Pobl ag o leiaf un sgil islaw'r targed yn y grŵp."));
    definition(d, pdf_t(d, "Respondents", "Ymatebwyr"),
               pdf_t(d,
                     "Distinct people with at least one assessed skill in the group. A "
                     "person who answered twice counts once: their latest record sets their "
                     "authority and role, and for each skill their latest answer counts.",
                     "Pobl wahanol ag o leiaf un sgil a aseswyd yn y grŵp. Mae unigolyn a "
                     "atebodd ddwywaith yn cyfrif unwaith: ei gofnod diweddaraf sy'n pennu ei "
                     "awdurdod a'i rôl, ac ar gyfer pob sgil ei ateb diweddaraf sy'n cyfrif."));
    definition(d, pdf_t(d, "Ratings", "Sgoriau"),
               pdf_tf(d,
                      "Where a person and their manager both rated a skill, the "
                      "rater policy is %s.",
                      "Lle mae unigolyn a'i reolwr ill dau wedi sgorio sgil, y polisi "
                      "sgorio yw %s.",
                      tna_rater_policy_names[d->m->rater_policy]));
    definition(d, pdf_t(d, "Periods", "Cyfnodau"),
               pdf_tf(d,
                      "The current period is %s; trends use every period of the "
                      "run, oldest first.",
                      "Y cyfnod presennol yw %s; mae tueddiadau'n defnyddio pob cyfnod "
                      "o'r rhediad, yr hynaf yn gyntaf.",
                      d->cur->period));
}

static void privacy(pdf_doc *d)
{
    pdf_h2(d, pdf_t(d, "Privacy", "Preifatrwydd"));
    int k = d->res->min_group_size;
    if (k <= 1)
        pdf_para(d, pdf_t(d,
                          "Suppression is turned off for this run (min_group_size is 1): "
                          "every group's figures are shown.",
                          "Mae atal wedi'i ddiffodd ar gyfer y rhediad hwn (min_group_size yw "
                          "1): dangosir ffigurau pob grŵp."));
    else
        pdf_para(d, pdf_tf(d,
                           "A group of fewer than %d respondents shows no figures "
                           "anywhere: not in tables, charts, tiles or the heatmap, "
                           "where it reads \"fewer than %d\" (\"%s\" where space "
                           "is short). "
                           "Where a figure shown beside a total would let a reader "
                           "work out a hidden one by subtraction, that figure is "
                           "hidden too. In %s, %s groups were hidden for being "
                           "small and %s more to stop subtraction.",
                           "Nid yw grŵp o lai na %d o ymatebwyr yn dangos ffigurau yn "
                           "unman: nid mewn tablau, siartiau, teils na'r map gwres, "
                           "lle mae'n darllen \"llai na %d\" (\"%s\" lle mae lle'n "
                           "brin). Lle "
                           "byddai ffigur a ddangosir wrth ymyl cyfanswm yn gadael i "
                           "ddarllenydd gyfrifo un cudd drwy dynnu, caiff y ffigur "
                           "hwnnw ei guddio hefyd. Yn %s, cuddiwyd %s grŵp am eu bod "
                           "yn fach a %s arall i atal tynnu.",
                           k, k, d->marker_short, d->cur->period,
                           pdf_count(d, (int64_t)d->cur->n_suppressed_primary),
                           pdf_count(d, (int64_t)d->cur->n_suppressed_secondary)));
    pdf_para(d, pdf_t(d,
                      "No name, email address, staff number or free text reaches this "
                      "report.",
                      "Nid oes unrhyw enw, cyfeiriad e-bost, rhif staff na thestun rhydd yn "
                      "cyrraedd yr adroddiad hwn."));
}

static void sources(pdf_doc *d)
{
    const tna_dataset *ds = d->res->dataset;
    const tna_model *m = d->m;
    pdf_h2(d, pdf_t(d, "Rows read, accepted, rejected and excluded",
                    "Rhesi a ddarllenwyd, a dderbyniwyd, a wrthodwyd ac a hepgorwyd"));
    size_t n = ds ? ds->n_periods * m->n_sources : 0;
    if (n == 0) {
        pdf_para(d, pdf_t(d, "No sources were read.", "Ni ddarllenwyd unrhyw ffynonellau."));
        return;
    }
    pdf_para(d, pdf_t(d,
                      "Every row read is accepted, rejected or excluded: rows read = accepted + "
                      "rejected + excluded. Excluded rows are those the survey tool marks as not "
                      "responses, such as previews.",
                      "Caiff pob rhes a ddarllenir ei derbyn, ei gwrthod neu ei hepgor: rhesi a "
                      "ddarllenwyd = a dderbyniwyd + a wrthodwyd + a hepgorwyd. Rhesi a hepgorwyd "
                      "yw'r rhai y mae'r offeryn arolwg yn eu nodi nad ydynt yn ymatebion, fel "
                      "rhagolygon."));
    enum { NC = 8 };
    const char *head[NC] = {pdf_t(d, "Period", "Cyfnod"),
                            pdf_t(d, "Source", "Ffynhonnell"),
                            pdf_t(d, "Rows read", "Rhesi a ddarllenwyd"),
                            pdf_t(d, "Accepted", "Derbyniwyd"),
                            pdf_t(d, "Rejected", "Gwrthodwyd"),
                            pdf_t(d, "Excluded", "Hepgorwyd"),
                            pdf_t(d, "Unrecognised answers", "Atebion heb eu hadnabod"),
                            pdf_t(d, "Unreadable dates", "Dyddiadau annarllenadwy")};
    const char **cells = g_new0(const char *, n *NC);
    unsigned char *kind = g_new0(unsigned char, n *NC);
    size_t r = 0;
    for (size_t p = 0; p < ds->n_periods; p++) {
        for (size_t s = 0; s < m->n_sources; s++) {
            const tna_source_stats *st = ds->periods[p].stats ? &ds->periods[p].stats[s] : NULL;
            const char **c = cells + r * NC;
            c[0] = ds->periods[p].period;
            c[1] = m->sources[s].name;
            if (st == NULL || !st->present) {
                c[2] = pdf_t(d, "no file", "dim ffeil");
                kind[r * NC + 2] = PDF_CELL_MUTED;
            } else {
                c[2] = pdf_count(d, st->rows_read);
                c[3] = pdf_count(d, st->accepted);
                c[4] = pdf_count(d, st->rejected);
                c[5] = pdf_count(d, st->excluded);
                c[6] = pdf_count(d, st->unrecognised_answers);
                c[7] = pdf_count(d, st->bad_dates);
            }
            r++;
        }
    }
    double width[NC] = {50, 0, 56, 52, 50, 50, 68, 62};
    chart_align align[NC] = {CHART_LEFT,  CHART_LEFT,  CHART_RIGHT, CHART_RIGHT,
                             CHART_RIGHT, CHART_RIGHT, CHART_RIGHT, CHART_RIGHT};
    pdf_table t = {NC, r, head, width, align, cells, kind, 7.5, false};
    pdf_table_draw(d, &t);
    g_free(cells), g_free(kind);
}

/* "unrecognised answer for skill cd-seo; ..." -> "unrecognised answer for a skill; ..." */
static char *reason_kind(const char *r)
{
    GString *s = g_string_new(NULL);
    for (const char *p = r; *p;) {
        if (strncmp(p, "for skill ", 10) == 0) {
            g_string_append(s, "for a skill");
            p += 10;
            while (*p && *p != ';' && *p != ',' && *p != ' ')
                p++;
        } else if (isdigit((unsigned char)*p)) {
            g_string_append_c(s, 'N');
            while (isdigit((unsigned char)*p))
                p++;
        } else {
            g_string_append_c(s, *p++);
        }
    }
    return g_string_free(s, FALSE);
}

typedef struct reason_count {
    const char *reason;
    long count[8];
    long total;
} reason_count;

static int by_total_desc(const void *a, const void *b)
{
    const reason_count *x = a, *y = b;
    if (x->total != y->total)
        return x->total > y->total ? -1 : 1;
    return strcmp(x->reason, y->reason);
}

static void data_quality(pdf_doc *d)
{
    const tna_dataset *ds = d->res->dataset;
    pdf_h2(d, pdf_t(d, "Data-quality log by reason", "Log ansawdd data yn ôl rheswm"));
    if (ds == NULL)
        return;
    /* the last (up to) four periods, one column each */
    size_t first = ds->n_periods > 4 ? ds->n_periods - 4 : 0, np = ds->n_periods - first;
    GHashTable *index = g_hash_table_new(g_str_hash, g_str_equal);
    GArray *rows = g_array_new(FALSE, TRUE, sizeof(reason_count));
    for (size_t p = first; p < ds->n_periods; p++) {
        for (size_t i = 0; i < ds->periods[p].n_dq; i++) {
            if (ds->periods[p].dq[i].note)
                continue; /* not a problem: the table above counts excluded rows */
            char *k = reason_kind(ds->periods[p].dq[i].reason ? ds->periods[p].dq[i].reason : "");
            const char *kept = pdf_str(d, "%s", k);
            g_free(k);
            gpointer at;
            if (!g_hash_table_lookup_extended(index, kept, NULL, &at)) {
                reason_count rc = {kept, {0}, 0};
                g_array_append_val(rows, rc);
                at = GSIZE_TO_POINTER(rows->len);
                g_hash_table_insert(index, (gpointer)kept, at);
            }
            reason_count *rc = &g_array_index(rows, reason_count, GPOINTER_TO_SIZE(at) - 1);
            rc->count[p - first]++;
            rc->total++;
        }
    }
    g_hash_table_destroy(index);
    if (rows->len == 0) {
        pdf_para(d, pdf_t(d,
                          "Nothing was logged: every row was read and every answer "
                          "recognised.",
                          "Ni chofnodwyd dim: darllenwyd pob rhes ac adnabuwyd pob ateb."));
        g_array_free(rows, TRUE);
        return;
    }
    g_array_sort(rows, by_total_desc);
    size_t nc = 1 + np;
    const char **head = g_new0(const char *, nc);
    double *width = g_new0(double, nc);
    head[0] = pdf_t(d, "Reason (as logged)", "Rheswm (fel y'i cofnodwyd)");
    for (size_t p = 0; p < np; p++)
        head[1 + p] = ds->periods[first + p].period, width[1 + p] = 58;
    const char **cells = g_new0(const char *, rows->len *nc);
    for (guint i = 0; i < rows->len; i++) {
        const reason_count *rc = &g_array_index(rows, reason_count, i);
        cells[i * nc] = rc->reason;
        for (size_t p = 0; p < np; p++)
            cells[i * nc + 1 + p] = pdf_count(d, rc->count[p]);
    }
    pdf_table t = {nc, rows->len, head, width, NULL, cells, NULL, 7.5, false};
    pdf_table_draw(d, &t);
    pdf_note(d, pdf_t(d,
                      "Every entry, with file, line and column, is in "
                      "data-quality-PERIOD.csv beside this report.",
                      "Mae pob cofnod, gyda ffeil, llinell a cholofn, yn "
                      "data-quality-PERIOD.csv wrth ymyl yr adroddiad hwn."));
    g_free(cells), g_free(head), g_free(width);
    g_array_free(rows, TRUE);
}

static void configuration(pdf_doc *d)
{
    const tna_model *m = d->m;
    pdf_h2(d, pdf_t(d, "What was analysed", "Beth a ddadansoddwyd"));
    char *base = g_path_get_basename(m->config_path ? m->config_path : "");
    GString *fw = g_string_new(NULL);
    for (size_t f = 0; f < m->n_frameworks; f++) {
        if (f)
            g_string_append(fw, "; ");
        g_string_append(fw, tna_label_framework(d->l, (uint32_t)f));
        if (m->frameworks[f].version && m->frameworks[f].version[0])
            g_string_append_printf(fw, " (%s)", m->frameworks[f].version);
    }
    pdf_para(d, pdf_tf(d,
                       "Frameworks: %s. %zu topics, %zu skills, %zu roles, %zu "
                       "authorities in %zu regions; configuration %s.",
                       "Fframweithiau: %s. %zu pwnc, %zu sgil, %zu rôl, %zu awdurdod "
                       "mewn %zu rhanbarth; ffurfweddiad %s.",
                       fw->str, m->n_topics, m->n_skills, m->n_roles, m->n_authorities,
                       m->n_regions, base));
    g_string_free(fw, TRUE);
    g_free(base);
}

void pdf_pages_appendix(pdf_doc *d)
{
    pdf_section_begin(d, PDF_SEC_APPENDIX, pdf_section_title(d, PDF_SEC_APPENDIX));
    definitions(d);
    privacy(d);
    sources(d);
    data_quality(d);
    configuration(d);
}
