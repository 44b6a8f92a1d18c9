/*
 * xlsx_about.c - the Data quality and About sheets.
 *
 * Data quality: rows read, accepted and rejected for every source in every period, then the
 * data-quality log (file, line, column, reason; the value only in the CSV) of every period read, at most
 * XW_LOG_LIMIT entries with a line pointing at data-quality-PERIOD.csv for the rest. The
 * frozen rows reach down to the log's header while the sources block is short; the filter
 * is on the log. Values come from the inputs and go through the text guards like all text.
 *
 * About: what the workbook is (title, period, the run time from options->now in UTC, tna's
 * version), the privacy rule with its threshold and how many groups it hid, what each
 * figure means, the configuration (file, frameworks, parameters) and the inputs used.
 */
#include <stdarg.h>

#include "xlsx_internal.h"

#define SOURCES_FROZEN_MAX 12 /* a longer sources block is not kept in the frozen rows */

void xlsx_data_quality(xw *x)
{
    const tna_model *m = x->m;
    const tna_dataset *ds = x->r->dataset;
    lxw_worksheet *ws = xw_sheet(x, "Data quality", "Ansawdd data");
    xw_title(x, ws, xw_t(x, "Data quality", "Ansawdd data"),
             xw_t(x,
                  "Every row read is accepted or rejected; rejected rows and unrecognised "
                  "answers are listed below and left out of every figure.",
                  "Caiff pob rhes a ddarllenir ei derbyn neu ei gwrthod; rhestrir rhesi a "
                  "wrthodwyd ac atebion nas adnabuwyd isod, ac maent wedi'u hepgor o bob ffigur."));
    const char *sh[] = {xw_t(x, "Period", "Cyfnod"),
                        xw_t(x, "File", "Ffeil"),
                        xw_t(x, "Rows read", "Rhesi a ddarllenwyd"),
                        xw_t(x, "Accepted", "Derbyniwyd"),
                        xw_t(x, "Rejected", "Gwrthodwyd"),
                        xw_t(x, "Source", "Ffynhonnell"),
                        xw_t(x, "Unrecognised answers", "Atebion nas adnabuwyd"),
                        xw_t(x, "Unreadable dates", "Dyddiadau annarllenadwy"),
                        xw_t(x, "Invalid text", "Testun annilys"),
                        xw_t(x, "Date format", "Fformat dyddiad")};
    /* the log below shares the columns: Period, File, Line, Column, Value (E), Reason (F) */
    static const double widths[] = {10, 44, 11, 11, 24, 56, 13, 12, 10, 10};
    xw_header(x, ws, 3, sh, 10, widths, "ttnnntnnnt");
    lxw_row_t row = 4;
    for (size_t p = 0; p < ds->n_periods; p++)
        for (size_t s = 0; s < m->n_sources; s++, row++) {
            const tna_source_stats *st = &ds->periods[p].stats[s];
            xw_text(x, ws, row, 0, ds->periods[p].period, x->text);
            xw_text(x, ws, row, 1, st->path ? st->path : "", x->text);
            xw_text(x, ws, row, 5, m->sources[s].name, x->indent);
            if (!st->present) {
                xw_text(x, ws, row, 2, xw_t(x, "no file", "dim ffeil"), x->suppressed);
                continue;
            }
            long v[] = {st->rows_read, st->accepted,    st->rejected, st->unrecognised_answers,
                        st->bad_dates, st->invalid_text};
            static const lxw_col_t at[] = {2, 3, 4, 6, 7, 8};
            for (size_t k = 0; k < G_N_ELEMENTS(v); k++)
                xw_int(x, ws, row, at[k], v[k], x->integer);
            xw_text(x, ws, row, 9, tna_date_format_names[st->date_format], x->indent);
        }
    lxw_row_t sources_end = row;
    row++;
    xw_text(x, ws, row++, 0, xw_t(x, "Data-quality log", "Log ansawdd data"), x->heading);
    const char *lh[] = {xw_t(x, "Period", "Cyfnod"), xw_t(x, "File", "Ffeil"),
                        xw_t(x, "Line", "Llinell"),  xw_t(x, "Column", "Colofn"),
                        xw_t(x, "Value", "Gwerth"),  xw_t(x, "Reason", "Rheswm")};
    xw_header(x, ws, row, lh, 6, NULL, "ttnntt");
    lxw_row_t header = row++;
    size_t shown = 0, total = 0;
    for (size_t p = 0; p < ds->n_periods; p++)
        for (size_t i = 0; i < ds->periods[p].n_dq; i++, total++) {
            if (shown >= XW_LOG_LIMIT || row >= XW_ROW_LIMIT - 1)
                continue;
            const tna_dq_entry *e = &ds->periods[p].dq[i];
            xw_text(x, ws, row, 0, ds->periods[p].period, x->text);
            xw_text(x, ws, row, 1, e->file, x->text);
            if (e->line > 0)
                xw_int(x, ws, row, 2, e->line, x->integer);
            if (e->column > 0)
                xw_int(x, ws, row, 3, e->column, x->integer);
            /* no value: it is input text, possibly personal (data-quality CSV only) */
            xw_text(x, ws, row, 5, e->reason, x->text);
            row++, shown++;
        }
    if (total == 0)
        xw_text(x, ws, row++, 0, xw_t(x, "No problems found.", "Ni chanfuwyd problemau."), x->note);
    if (shown < total) {
        char *more = xw_printf(x, "%zu more entries: see data-quality-%s.csv.",
                               "%zu cofnod arall: gweler data-quality-%s.csv.", total - shown,
                               x->cur->period);
        xw_text(x, ws, row++, 0, more, x->note);
        g_free(more);
    }
    xw_check(x, worksheet_autofilter(ws, header, 0, row - 1, 5));
    worksheet_freeze_panes(ws, sources_end - 4 <= SOURCES_FROZEN_MAX ? header + 1 : 4, 0);
}

/* About rows: a label in A, a value or explanation in B. */
static void item(xw *x, lxw_worksheet *ws, lxw_row_t *row, const char *label, const char *value)
{
    xw_text(x, ws, *row, 0, label, x->bold);
    xw_text(x, ws, *row, 1, value, x->wrap);
    xw_fit(x, ws, *row, xw_lines(value, 100));
    (*row)++;
}

/* An item whose value is formatted in each language from the same arguments. */
static void itemf(xw *x, lxw_worksheet *ws, lxw_row_t *row, const char *label, const char *en,
                  const char *cy, ...)
{
    va_list ap, ap2;
    va_start(ap, cy);
    va_copy(ap2, ap);
    char *e = g_strdup_vprintf(en, ap);
    char *c = g_strdup_vprintf(cy, ap2);
    va_end(ap2);
    va_end(ap);
    item(x, ws, row, label, xw_t(x, e, c));
    g_free(e);
    g_free(c);
}

static void heading(xw *x, lxw_worksheet *ws, lxw_row_t *row, const char *text)
{
    (*row)++;
    xw_text(x, ws, (*row)++, 0, text, x->heading);
}

static void definitions(xw *x, lxw_worksheet *ws, lxw_row_t *row)
{
    const tna_commissioning *c = &x->m->commissioning;
    heading(x, ws, row, xw_t(x, "What the figures mean", "Ystyr y ffigurau"));
    const char *fig[XW_FIGURES];
    xw_figure_headers(x, fig);
    item(x, ws, row, fig[0],
         xw_t(x,
              "People in the group with at least one skill assessed against their role's target.",
              "Pobl yn y grŵp ag o leiaf un sgil wedi'i hasesu yn erbyn targed eu rôl."));
    item(x, ws, row, fig[1],
         xw_t(x,
              "Pairs of a person and a skill their role needs (target above 0) that they answered. "
              "Answers such as \"Prefer not to say\" are missing, not zero.",
              "Parau o berson a sgil sydd ei hangen ar eu rôl (targed uwchlaw 0) ac a atebwyd "
              "ganddynt. Mae atebion fel \"Gwell gennyf beidio â dweud\" ar goll, nid sero."));
    item(x, ws, row, fig[2],
         xw_t(x, "Skills assessed whose level is below the role's target.",
              "Sgiliau a aseswyd sydd â lefel islaw targed y rôl."));
    item(x, ws, row, fig[3],
         xw_t(x,
              "The sum of the gaps, in levels: a gap is the target minus the level, 0 at or above "
              "target.",
              "Swm y bylchau, mewn lefelau: bwlch yw'r targed llai'r lefel, 0 ar y targed neu "
              "uwch."));
    item(x, ws, row, fig[4],
         xw_t(x,
              "Total gap divided by skills assessed: how many levels below target the average "
              "skill is (0: everyone at target).",
              "Cyfanswm y bwlch wedi'i rannu â'r sgiliau a aseswyd: faint o lefelau islaw'r targed "
              "yw'r sgil gyfartalog (0: pawb ar y targed)."));
    item(x, ws, row, fig[5],
         xw_t(x, "Below target divided by skills assessed.",
              "Islaw'r targed wedi'i rannu â'r sgiliau a aseswyd."));
    item(x, ws, row, fig[6],
         xw_t(x, "People in the group with at least one skill below target.",
              "Pobl yn y grŵp ag o leiaf un sgil islaw'r targed."));
    itemf(x, ws, row, xw_t(x, "Self-directed and cohorts", "Hunangyfeiriedig a charfannau"),
          "A learner whose largest gap in a topic is at most %d level(s) goes to self-directed "
          "learning; the rest are planned in cohorts.",
          "Mae dysgwr â'i fwlch mwyaf mewn pwnc hyd at %d lefel yn mynd i ddysgu hunangyfeiriedig; "
          "cynllunnir y gweddill mewn carfannau.",
          c->elearning_max_gap);
    itemf(x, ws, row, xw_t(x, "Cohorts and pooling", "Carfannau a chyfuno"),
          "Per region and language: learners divided by %d (the largest cohort), rounded up. A "
          "region with fewer than %d learners of a topic is pooled into all-Wales cohorts.",
          "Fesul rhanbarth ac iaith: dysgwyr wedi'u rhannu â %d (y garfan fwyaf), wedi'i dalgrynnu "
          "i fyny. Caiff rhanbarth â llai na %d o ddysgwyr mewn pwnc ei gyfuno mewn carfannau "
          "Cymru gyfan.",
          c->cohort_max, c->cohort_min);
    char *cohort = xw_money(c->cost_per_cohort), *learner = xw_money(c->cost_per_elearning_learner);
    itemf(x, ws, row, xw_t(x, "Cost and saving", "Cost ac arbediad"),
          "Cost: cohorts at %s each plus self-directed learners at %s each. The cost if each "
          "authority went alone plans every authority's own cohorts; the saving is that cost minus "
          "the pooled plan's.",
          "Cost: carfannau am %s yr un a dysgwyr hunangyfeiriedig am %s yr un. Mae'r gost pe bai "
          "pob awdurdod ar ei ben ei hun yn cynllunio carfannau pob awdurdod; yr arbediad yw'r "
          "gost honno llai cost y cynllun cyfun.",
          cohort, learner);
    g_free(cohort);
    g_free(learner);
    item(x, ws, row, xw_t(x, "Experts", "Arbenigwyr"),
         xw_t(x,
              "People who answered at least one skill of a topic and rated every skill of it they "
              "answered at the top level: potential mentors and subject-matter leads.",
              "Pobl a atebodd o leiaf un sgil mewn pwnc ac a raddiodd bob sgil a atebwyd ganddynt "
              "ar y lefel uchaf: mentoriaid ac arweinwyr pwnc posibl."));
    item(x, ws, row, xw_t(x, "Progress and status", "Cynnydd a statws"),
         xw_t(x,
              "Progress is (actual - baseline) / (target - baseline). Status: green at 100% or "
              "more, amber at 50% or more, red below 50%.",
              "Cynnydd yw (gwirioneddol - llinell sylfaen) / (targed - llinell sylfaen). Statws: "
              "gwyrdd ar 100% neu fwy, ambr ar 50% neu fwy, coch o dan 50%."));
    item(x, ws, row, xw_t(x, "Kirkpatrick levels", "Lefelau Kirkpatrick"),
         xw_t(x,
              "L1 satisfaction with a course (1-5); L2 levels gained (after minus before); L3 "
              "share who applied what they learned; L4 change in mean gap of trained minus "
              "untrained staff present in both of the last two periods.",
              "L1 boddhad gyda chwrs (1-5); L2 lefelau a enillwyd (ar ôl llai cyn); L3 cyfran a "
              "ddefnyddiodd yr hyn a ddysgwyd; L4 newid yn y bwlch cymedrig i staff a hyfforddwyd "
              "llai staff heb eu hyfforddi, a oedd yn bresennol yn y ddau gyfnod diwethaf."));
    item(x, ws, row, xw_t(x, "Changes", "Newidiadau"),
         xw_t(x, "This period's figure minus the period before's, shown only when both are shown.",
              "Ffigur y cyfnod hwn llai ffigur y cyfnod blaenorol, a ddangosir dim ond pan "
              "ddangosir y ddau."));
}

static void configuration(xw *x, lxw_worksheet *ws, lxw_row_t *row)
{
    const tna_model *m = x->m;
    const tna_dataset *ds = x->r->dataset;
    heading(x, ws, row, xw_t(x, "Configuration and inputs", "Ffurfweddiad a mewnbynnau"));
    item(x, ws, row, xw_t(x, "Configuration file", "Ffeil ffurfweddu"),
         m->config_path ? m->config_path : "");
    for (size_t f = 0; f < m->n_frameworks; f++) {
        const tna_framework *fw = &m->frameworks[f];
        itemf(x, ws, row, xw_t(x, "Framework", "Fframwaith"), "%s (%s%s%s): %u %s; %s",
              "%s (%s%s%s): %u %s; %s", tna_label_framework(x->l, (uint32_t)f), fw->id,
              fw->version ? ", " : "", fw->version ? fw->version : "", fw->n_topics,
              xw_t(x, "topics", "pwnc"), fw->path ? fw->path : "");
    }
    itemf(x, ws, row, xw_t(x, "Reference data", "Data cyfeirio"), "%zu %s, %zu %s, %zu %s, %zu %s",
          "%zu %s, %zu %s, %zu %s, %zu %s", m->n_roles, xw_t(x, "roles", "rôl"), m->n_authorities,
          xw_t(x, "authorities", "awdurdod"), m->n_regions, xw_t(x, "regions", "rhanbarth"),
          m->n_skills, xw_t(x, "skills", "sgil"));
    item(x, ws, row, xw_t(x, "Rater policy", "Polisi graddio"),
         tna_rater_policy_names[m->rater_policy]);
    itemf(x, ws, row, xw_t(x, "Expectations", "Disgwyliadau"), "%zu", "%zu", m->n_expectations);
    for (size_t p = 0; p < ds->n_periods; p++)
        for (size_t s = 0; s < m->n_sources; s++) {
            const tna_source_stats *st = &ds->periods[p].stats[s];
            const tna_source *src = &m->sources[s];
            itemf(x, ws, row, xw_t(x, "Input", "Mewnbwn"), "%s %s: %s (%s, %s%s%s)%s",
                  "%s %s: %s (%s, %s%s%s)%s", ds->periods[p].period, src->name,
                  st->path ? st->path : "", tna_format_names[src->format],
                  tna_encoding_names[st->present ? st->encoding : src->encoding],
                  src->preset != TNA_PRESET_NONE ? ", " : "",
                  src->preset != TNA_PRESET_NONE ? tna_preset_names[src->preset] : "",
                  st->present ? ""
                              : xw_t(x, " - no file for this period",
                                     " - dim ffeil ar gyfer y cyfnod hwn"));
            if (st->present)
                itemf(x, ws, row, xw_t(x, "Rows", "Rhesi"),
                      "%ld read = %ld accepted + %ld rejected + %ld excluded (not responses)",
                      "%ld a ddarllenwyd = %ld a dderbyniwyd + %ld a wrthodwyd + %ld a hepgorwyd "
                      "(nid ymatebion)",
                      st->rows_read, st->accepted, st->rejected, st->excluded);
        }
}

void xlsx_about(xw *x)
{
    const tna_model *m = x->m;
    lxw_worksheet *ws = xw_sheet(x, "About", "Ynghylch");
    xw_title(
        x, ws, xw_t(x, "About this workbook", "Ynghylch y llyfr gwaith hwn"),
        xw_t(x, "What the figures mean, how privacy is protected, and what the run read.",
             "Ystyr y ffigurau, sut y diogelir preifatrwydd, a'r hyn a ddarllenodd y rhediad."));
    xw_check(x, worksheet_set_column(ws, 0, 0, 30, NULL));
    xw_check(x, worksheet_set_column(ws, 1, 1, 100, NULL));
    worksheet_freeze_panes(ws, 2, 0);
    lxw_row_t row = 3;
    item(x, ws, &row, xw_t(x, "Title", "Teitl"), m->title ? m->title : "");
    item(x, ws, &row, xw_t(x, "Current period", "Cyfnod cyfredol"), x->cur->period);
    GString *periods = g_string_new(NULL);
    for (size_t p = 0; p < x->r->n_periods; p++)
        g_string_append_printf(periods, "%s%s", p ? ", " : "", x->r->periods[p].period);
    item(x, ws, &row, xw_t(x, "Periods in the run", "Cyfnodau yn y rhediad"), periods->str);
    g_string_free(periods, TRUE);
    char *when = xw_utc(x->opt->now);
    item(x, ws, &row, xw_t(x, "Run at", "Amser y rhediad"), when);
    g_free(when);
    item(x, ws, &row, xw_t(x, "Written by", "Ysgrifennwyd gan"), "tna " TNA_VERSION);
    item(x, ws, &row, xw_t(x, "Language", "Iaith"),
         x->opt->language == TNA_LANG_CY     ? "Cymraeg (cy)"
         : x->opt->language == TNA_LANG_BOTH ? "English and Welsh / Saesneg a Chymraeg (both)"
                                             : "English (en)");

    heading(x, ws, &row, xw_t(x, "Privacy", "Preifatrwydd"));
    xw_text(x, ws, row, 0, xw_t(x, "Threshold (respondents)", "Trothwy (ymatebwyr)"), x->bold);
    xw_int(x, ws, row++, 1, x->r->min_group_size, x->left_integer);
    itemf(x, ws, &row, xw_t(x, "Rule", "Rheol"),
          "A group with fewer than %d respondents shows no figures anywhere in the reports, charts "
          "included: its cells read \"%s\". Where a shown total and all but one of its parts would "
          "let a reader work out a hidden group by subtraction, another group is hidden too, so "
          "some groups of %d or more also read \"%s\". No name, email, staff number or free text "
          "reaches this workbook.",
          "Nid yw grŵp â llai na %d o ymatebwyr yn dangos ffigurau yn unman yn yr adroddiadau, gan "
          "gynnwys siartiau: mae ei gelloedd yn dweud \"%s\". Lle byddai cyfanswm a ddangosir a "
          "phob rhan ond un yn gadael i ddarllenydd gyfrifo grŵp cudd drwy dynnu, cuddir grŵp "
          "arall hefyd, felly mae rhai grwpiau o %d neu fwy hefyd yn dweud \"%s\". Nid oes enw, "
          "e-bost, rhif staff na thestun rhydd yn y llyfr gwaith hwn.",
          x->r->min_group_size, x->marker, x->r->min_group_size, x->marker);
    itemf(x, ws, &row, xw_t(x, "Hidden this period", "Wedi'u cuddio y cyfnod hwn"),
          "%zu groups with too few respondents, %zu more to stop subtraction, of %zu groups.",
          "%zu grŵp â rhy ychydig o ymatebwyr, %zu arall i atal tynnu, o %zu grŵp.",
          x->cur->n_suppressed_primary, x->cur->n_suppressed_secondary, x->cur->n_groups);
    definitions(x, ws, &row);
    configuration(x, ws, &row);
}
