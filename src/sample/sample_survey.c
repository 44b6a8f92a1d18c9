/*
 * sample_survey.c - the staff survey as Microsoft Forms exports it and Excel saves it.
 *
 * One row per submission, oldest first: ID, Start time, Completion time (M/D/YY H:MM:SS,
 * 24-hour), Email, Name, Staff number, council, job role, one column per skill headed by the
 * skill's name, trained, barriers (multi-select, each choice followed by ";"), language
 * preference, comments. UTF-8 with a byte-order mark and CRLF line ends, as Excel writes
 * "CSV UTF-8"; line breaks inside a comment stay LF inside its quotes.
 *
 * What makes it realistic (and exercises ingest): about 87% of staff respond; the survey
 * runs six weeks from the second week of the quarter, most answers in office hours and in
 * the first weeks; councils are answered by name, Welsh name or alias, roles by name,
 * alias or Welsh name, both sometimes in odd case or spacing; level answers are mostly
 * labels but also Welsh labels and numbers; about 3% are blank, 1.5% "Prefer not to say",
 * 0.4% other missing answers and 0.05% answers that match nothing; 3% skip a whole framework's
 * page; 2% submit twice, the second time changing about 15% of their answers (some to
 * blank, so the earlier answer stands); about 0.5% of rows name a council or role the
 * model does not know. 10% of forms are anonymous (Email "anonymous", no name).
 */
#include <string.h>

#include <glib.h>

#include "population.h"

#define SURVEY_OPENS_DAY 11 /* 0-based day of the quarter */
#define SURVEY_DAYS      42
#define RESPONSE_RATE    0.875
#define RESUBMIT_RATE    0.02

typedef struct event {
    int64_t t; /* completion, seconds into the quarter */
    uint32_t person;
    uint32_t seq; /* tie-break: order of creation */
    bool second;  /* the later of two submissions */
} event;

static int event_cmp(const void *a, const void *b)
{
    const event *x = a, *y = b;
    if (x->t != y->t)
        return x->t < y->t ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* ---- answer texts ---------------------------------------------------------------------------- */

/* s in odd case (lower, upper) or with stray spaces, into buf. */
static const char *vary(sample_population *p, const char *s, char *buf, size_t size)
{
    uint32_t how = tna_sample_rng_below(&p->rng, 4);
    char *t = how == 0 ? g_utf8_strdown(s, -1) : how == 1 ? g_utf8_strup(s, -1) : NULL;
    if (t != NULL)
        snprintf(buf, size, "%s", t);
    else if (how == 2)
        snprintf(buf, size, " %s", s);
    else
        snprintf(buf, size, "%s  ", s);
    g_free(t);
    return buf;
}

const char *tna_sample_level_text(sample_population *p, uint32_t fw, int level, double welsh, char *buf,
                              size_t size)
{
    const tna_level *l = &p->model->frameworks[fw].scale.levels[level];
    double r = tna_sample_rng_uniform(&p->rng);
    double cy = 0.02 + 0.10 * welsh;
    if (r < cy && l->label_cy != NULL)
        return l->label_cy;
    if (r < cy + 0.04) {
        snprintf(buf, size, "%d", l->level);
        return buf;
    }
    if (r < cy + 0.07)
        return vary(p, l->label, buf, size);
    return l->label;
}

static const char *missing_answer(const tna_scale *s, sample_population *p, bool prefer_not)
{
    if (s->n_missing == 0)
        return "";
    if (prefer_not)
        for (size_t i = 0; i < s->n_missing; i++)
            if (strcmp(s->missing[i], "Prefer not to say") == 0)
                return s->missing[i];
    return s->missing[tna_sample_rng_below(&p->rng, (uint32_t)s->n_missing)];
}

/* The answer to one skill question for a true level (level < 0: not answered). */
static const char *answer(sample_population *p, uint32_t fw, int level, double welsh, char *buf,
                          size_t size)
{
    const tna_scale *s = &p->model->frameworks[fw].scale;
    double r = tna_sample_rng_uniform(&p->rng);
    if (level < 0 || r < 0.03)
        return "";
    if (r < 0.045)
        return missing_answer(s, p, true);
    if (r < 0.049)
        return missing_answer(s, p, false);
    if (r < 0.0495)
        return tna_sample_unrecognised_answers
            .items[tna_sample_rng_below(&p->rng, (uint32_t)tna_sample_unrecognised_answers.n)];
    return tna_sample_level_text(p, fw, level, welsh, buf, size);
}

static const char *pick_alias(sample_population *p, const char **aliases, size_t n,
                              const char *fallback)
{
    return n ? aliases[tna_sample_rng_below(&p->rng, (uint32_t)n)] : fallback;
}

static const char *authority_text(sample_population *p, uint32_t a, char *buf, size_t size)
{
    const tna_authority *au = &p->model->authorities[a];
    double r = tna_sample_rng_uniform(&p->rng);
    if (r < 0.60)
        return au->name;
    if (r < 0.72 && au->name_cy != NULL)
        return au->name_cy;
    if (r < 0.95)
        return pick_alias(p, au->aliases, au->n_aliases, au->name);
    return vary(p, au->name, buf, size);
}

static const char *role_text(sample_population *p, uint32_t role, char *buf, size_t size)
{
    const tna_role *ro = &p->model->roles[role];
    double r = tna_sample_rng_uniform(&p->rng);
    if (r < 0.72)
        return ro->name;
    if (r < 0.90)
        return pick_alias(p, ro->aliases, ro->n_aliases, ro->name);
    if (r < 0.95 && ro->name_cy != NULL)
        return ro->name_cy;
    return vary(p, ro->name, buf, size);
}

/* ---- one row --------------------------------------------------------------------------------- */

static void write_email(sample_file *out, const sample_population *p, const sample_person *who)
{
    if (who->anonymous) {
        tna_csv_text(&out->csv, "anonymous");
        return;
    }
    char *first = g_str_to_ascii(tna_sample_first_names.items[who->first_name], "C");
    char *last = g_str_to_ascii(tna_sample_last_names.items[who->last_name], "C");
    GString *e = g_string_new(NULL);
    for (const char *s = first; *s; s++)
        if (g_ascii_isalnum(*s))
            g_string_append_c(e, g_ascii_tolower(*s));
    g_string_append_c(e, '.');
    for (const char *s = last; *s; s++)
        if (g_ascii_isalnum(*s) || *s == '-')
            g_string_append_c(e, g_ascii_tolower(*s));
    /* .example (RFC 2606) so no address can belong to anyone */
    g_string_append_printf(e, "@%s.council.example", p->model->authorities[who->authority].id);
    tna_csv_text(&out->csv, e->str);
    g_string_free(e, TRUE);
    g_free(first);
    g_free(last);
}

static void write_row(sample_population *p, sample_file *out, const sample_quarter *q,
                      const event *ev, uint32_t row_id)
{
    const tna_model *m = p->model;
    sample_person *who = &p->people[ev->person];
    double welsh = p->auth[who->authority].welsh;
    char buf[256];

    tna_csv_textf(&out->csv, "%u", row_id);
    int64_t start = ev->t - 180 - tna_sample_rng_below(&p->rng, 1500);
    tna_sample_date_format(buf, sizeof buf, q, start < 0 ? 0 : start, SAMPLE_DATE_FORMS);
    tna_csv_text(&out->csv, buf);
    tna_sample_date_format(buf, sizeof buf, q, ev->t, SAMPLE_DATE_FORMS);
    tna_csv_text(&out->csv, buf);
    write_email(out, p, who);
    if (who->anonymous)
        tna_csv_text(&out->csv, "");
    else
        tna_csv_textf(&out->csv, "%s %s", tna_sample_first_names.items[who->first_name],
                      tna_sample_last_names.items[who->last_name]);
    tna_csv_textf(&out->csv, "%07u", who->number);

    /* A bad row now and then (never the second of a pair): unknown council or role. */
    double bad = ev->second ? 1.0 : tna_sample_rng_uniform(&p->rng);
    if (bad < 0.0025 && p->n_unknown_auth > 0)
        tna_csv_text(&out->csv,
                     p->unknown_auth[tna_sample_rng_below(&p->rng, (uint32_t)p->n_unknown_auth)]);
    else
        tna_csv_text(&out->csv, authority_text(p, who->authority, buf, sizeof buf));
    if (bad >= 0.0025 && bad < 0.005 && p->n_unknown_role > 0)
        tna_csv_text(&out->csv,
                     p->unknown_role[tna_sample_rng_below(&p->rng, (uint32_t)p->n_unknown_role)]);
    else
        tna_csv_text(&out->csv, role_text(p, who->role, buf, sizeof buf));

    /* Skills, with a framework's page sometimes skipped. */
    uint32_t skipped = tna_sample_rng_chance(&p->rng, 0.03)
                           ? tna_sample_rng_below(&p->rng, (uint32_t)m->n_frameworks)
                           : TNA_NONE;
    const uint8_t *lv = sample_levels_of(p, ev->person);
    for (size_t k = 0; k < m->n_skills; k++) {
        uint32_t fw = m->topics[m->skills[k].topic].framework;
        int level = fw == skipped ? -1 : lv[k];
        if (ev->second && level >= 0 && tna_sample_rng_chance(&p->rng, 0.15)) {
            int max = m->frameworks[fw].scale.max;
            if (tna_sample_rng_chance(&p->rng, 0.3))
                level = -1; /* cleared: the earlier answer stands */
            else if (tna_sample_rng_chance(&p->rng, 0.6))
                level = level < max ? level + 1 : level;
            else
                level = level > 0 ? level - 1 : level;
        }
        tna_csv_text(&out->csv, answer(p, fw, level, welsh, buf, sizeof buf));
    }

    tna_csv_text(&out->csv, who->trained ? "Yes" : "No");
    GString *bars = g_string_new(NULL);
    for (size_t b = 0; b < tna_sample_barriers.n && b < 32; b++)
        if (who->barriers >> b & 1u)
            g_string_append_printf(bars, "%s;", tna_sample_barriers.items[b]);
    tna_csv_text(&out->csv, bars->str);
    g_string_free(bars, TRUE);
    static const char *const languages[] = {"English", "Welsh", "Either"};
    tna_csv_text(&out->csv, languages[who->language]);
    tna_csv_text(&out->csv,
                 tna_sample_rng_chance(&p->rng, 0.15)
                     ? tna_sample_comments.items[tna_sample_rng_below(&p->rng, (uint32_t)tna_sample_comments.n)]
                     : "");
    tna_csv_end(&out->csv);
}

/* ---- the file -------------------------------------------------------------------------------- */

/* When a respondent finishes: mostly in the first weeks and in office hours. */
static int64_t completion_time(sample_population *p)
{
    double u = tna_sample_rng_uniform(&p->rng);
    int day = SURVEY_OPENS_DAY + (int)(SURVEY_DAYS * u * u);
    int hour = tna_sample_rng_chance(&p->rng, 0.88) ? 8 + (int)tna_sample_rng_below(&p->rng, 10)
                                                : 18 + (int)tna_sample_rng_below(&p->rng, 5);
    return (int64_t)day * 86400 + hour * 3600 + tna_sample_rng_below(&p->rng, 3600);
}

/* The (first) heading the configuration gives a field, "" when none. */
static const char *heading_of(const tna_source *src, tna_field f)
{
    return src->columns[f] != NULL ? src->columns[f][0].heading : "";
}

static void write_header(sample_file *out, const tna_model *m, const tna_source *src)
{
    static const char *const head[] = {"ID", "Start time", "Completion time", "Email", "Name"};
    for (size_t i = 0; i < G_N_ELEMENTS(head); i++)
        tna_csv_text(&out->csv, head[i]);
    tna_csv_text(&out->csv, heading_of(src, TNA_FIELD_RESPONDENT));
    tna_csv_text(&out->csv, heading_of(src, TNA_FIELD_AUTHORITY));
    tna_csv_text(&out->csv, heading_of(src, TNA_FIELD_ROLE));
    for (size_t k = 0; k < m->n_skills; k++)
        tna_csv_text(&out->csv, m->skills[k].name);
    tna_csv_text(&out->csv, heading_of(src, TNA_FIELD_TRAINED));
    tna_csv_text(&out->csv, heading_of(src, TNA_FIELD_BARRIERS));
    tna_csv_text(&out->csv, heading_of(src, TNA_FIELD_LANGUAGE_PREFERENCE));
    tna_csv_text(&out->csv, "Any other comments?");
    tna_csv_end(&out->csv);
}

/* The wide source of tna.yaml, whose headings the export must use. */
static const tna_source *survey_source(const tna_model *m)
{
    for (size_t i = 0; i < m->n_sources; i++)
        if (m->sources[i].format == TNA_FORMAT_WIDE)
            return &m->sources[i];
    return NULL;
}

tna_status tna_sample_survey_write(sample_population *p, const char *dir, size_t period, tna_error *err)
{
    const tna_model *m = p->model;
    const tna_source *src = survey_source(m);
    sample_quarter q;
    if (src == NULL || !tna_sample_quarter_parse(m->periods[period], &q))
        return tna_error_set(err, TNA_ERR_CONFIG, m->config_path, 0, 0,
                             "the sample configuration has no staff survey or a period that "
                             "is not YYYY-Qn");

    GArray *events = g_array_new(FALSE, FALSE, sizeof(event));
    for (uint32_t i = 0; i < p->n; i++) {
        if (!tna_sample_rng_chance(&p->rng, RESPONSE_RATE))
            continue;
        int64_t t = completion_time(p);
        p->people[i].completed = t;
        event first = {t, i, events->len, false};
        g_array_append_val(events, first);
        if (tna_sample_rng_chance(&p->rng, RESUBMIT_RATE)) {
            event again = {t + 600 + tna_sample_rng_below(&p->rng, 7 * 86400), i, events->len, true};
            g_array_append_val(events, again);
        }
    }
    g_array_sort(events, event_cmp);

    sample_file out;
    tna_status st = tna_sample_file_open(&out, dir, "staff-survey.csv", err);
    if (st == TNA_OK) {
        out.csv.flags |= TNA_CSV_CRLF;
        fputs("\xEF\xBB\xBF", out.f);
        write_header(&out, m, src);
        for (guint e = 0; e < events->len; e++)
            write_row(p, &out, &q, &g_array_index(events, event, e), e + 1);
    }
    g_array_free(events, TRUE);
    if (tna_sample_file_close(&out, err) != TNA_OK || st != TNA_OK)
        return err->code;
    return TNA_OK;
}
