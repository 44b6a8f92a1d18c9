/*
 * sample_ratings.c - the two smaller exports of the sample: manager ratings and course
 * evaluations.
 *
 * manager-ratings.csv (long format, as an HR system would export it: UTF-8, LF, ISO dates):
 * for about 10% of a period's respondents the line manager rates 3 to 6 of the skills their
 * role requires, 2-20 days after the survey. Managers are usually within one level of the
 * truth and more often below it than above, so the self-minus-manager difference per topic
 * comes out a little positive, as it does in practice.
 *
 * course-evaluations.csv (current period only; a learning platform's export: UTF-8, CRLF,
 * D/M/YYYY dates): about 30% of the respondents who trained, so about 8% of staff, rate a
 * course in a topic their role needs, preferring topics where their gap was largest.
 * Satisfaction 1-5 leans high, the level after is usually one above the level before, and
 * about 70% say they have used what they learned.
 */
#include <string.h>

#include <glib.h>

#include "population.h"

#define MANAGER_RATE    0.10
#define EVALUATION_RATE 0.30

static const tna_source *source_of(const tna_model *m, tna_format format)
{
    for (size_t i = 0; i < m->n_sources; i++)
        if (m->sources[i].format == format)
            return &m->sources[i];
    return NULL;
}

static tna_status no_source(const tna_model *m, const char *what, tna_error *err)
{
    return tna_error_set(err, TNA_ERR_CONFIG, m->config_path, 0, 0,
                         "the sample configuration has no %s source", what);
}

static void write_headings(sample_file *out, const tna_source *src, const tna_field *fields,
                           size_t n)
{
    for (size_t i = 0; i < n; i++)
        tna_csv_text(&out->csv, src->columns[fields[i]] ? src->columns[fields[i]][0].heading : "");
    tna_csv_end(&out->csv);
}

/* ---- manager ratings ------------------------------------------------------------------------- */

static void rate_person(sample_population *p, sample_file *out, const sample_quarter *q, uint32_t i,
                        uint32_t *skills)
{
    const tna_model *m = p->model;
    const sample_person *who = &p->people[i];
    const tna_role *role = &m->roles[who->role];
    uint32_t n = 0;
    for (uint32_t k = 0; k < m->n_skills; k++)
        if (role->target[k] > 0)
            skills[n++] = k;
    uint32_t want = 3 + tna_sample_rng_below(&p->rng, 4);
    if (want > n)
        want = n;
    for (uint32_t j = 0; j < want; j++) { /* a partial shuffle picks `want` distinct skills */
        uint32_t r = j + tna_sample_rng_below(&p->rng, n - j), t = skills[j];
        skills[j] = skills[r], skills[r] = t;
    }

    int64_t day = who->completed / 86400 + 2 + tna_sample_rng_below(&p->rng, 19);
    if (day >= q->days)
        day = q->days - 1;
    char date[32];
    tna_sample_date_format(date, sizeof date, q, day * 86400, SAMPLE_DATE_ISO);
    const uint8_t *lv = sample_levels_of(p, i);
    for (uint32_t j = 0; j < want; j++) {
        uint32_t k = skills[j];
        const tna_scale *s = &m->frameworks[m->topics[m->skills[k].topic].framework].scale;
        double u = tna_sample_rng_uniform(&p->rng);
        int level = lv[k] + (u < 0.35 ? -1 : u < 0.9 ? 0 : 1);
        level = level < 0 ? 0 : level > s->max ? s->max : level;
        tna_csv_textf(&out->csv, "%07u", who->number);
        tna_csv_text(&out->csv, m->authorities[who->authority].name);
        tna_csv_text(&out->csv, role->name);
        tna_csv_text(&out->csv, date);
        tna_csv_text(&out->csv, "manager");
        tna_csv_text(&out->csv, m->skills[k].name);
        tna_csv_text(&out->csv, s->levels[level].label);
        tna_csv_end(&out->csv);
    }
}

tna_status tna_sample_ratings_write(sample_population *p, const char *dir, size_t period,
                                tna_error *err)
{
    static const tna_field fields[] = {TNA_FIELD_RESPONDENT, TNA_FIELD_AUTHORITY, TNA_FIELD_ROLE,
                                       TNA_FIELD_SUBMITTED,  TNA_FIELD_RATER,     TNA_FIELD_SKILL,
                                       TNA_FIELD_LEVEL};
    const tna_model *m = p->model;
    const tna_source *src = source_of(m, TNA_FORMAT_LONG);
    sample_quarter q;
    if (src == NULL || !tna_sample_quarter_parse(m->periods[period], &q))
        return no_source(m, "long (manager ratings)", err);

    sample_file out;
    tna_status st = tna_sample_file_open(&out, dir, "manager-ratings.csv", err);
    if (st == TNA_OK) {
        write_headings(&out, src, fields, G_N_ELEMENTS(fields));
        uint32_t *skills = g_new(uint32_t, m->n_skills);
        for (uint32_t i = 0; i < p->n; i++)
            if (p->people[i].completed >= 0 && tna_sample_rng_chance(&p->rng, MANAGER_RATE))
                rate_person(p, &out, &q, i, skills);
        g_free(skills);
    }
    if (tna_sample_file_close(&out, err) != TNA_OK || st != TNA_OK)
        return err->code;
    return TNA_OK;
}

/* ---- course evaluations ---------------------------------------------------------------------- */

/* A topic the person's role needs, weighted towards their largest gap before training;
 * *before is their typical level in it then. TNA_NONE when the role needs nothing. */
static uint32_t pick_topic(sample_population *p, uint32_t i, int *before)
{
    const tna_model *m = p->model;
    const tna_role *role = &m->roles[p->people[i].role];
    const uint8_t *was = p->before + (size_t)i * m->n_skills;
    double *cum = g_new(double, m->n_topics), acc = 0.0;
    for (size_t t = 0; t < m->n_topics; t++) {
        const tna_topic *tp = &m->topics[t];
        double w = 0.0;
        bool needed = false;
        for (uint32_t k = tp->first_skill; k < tp->first_skill + tp->n_skills; k++) {
            if (role->target[k] == 0)
                continue;
            needed = true;
            if (role->target[k] > was[k])
                w += role->target[k] - was[k];
        }
        cum[t] = acc += needed ? 0.5 + w : 0.0;
    }
    uint32_t topic = TNA_NONE;
    if (acc > 0) {
        topic = (uint32_t)tna_sample_rng_pick(&p->rng, cum, m->n_topics);
        const tna_topic *tp = &m->topics[topic];
        int sum = 0, n = 0;
        for (uint32_t k = tp->first_skill; k < tp->first_skill + tp->n_skills; k++)
            if (role->target[k] > 0)
                sum += was[k], n++;
        *before = (sum + n / 2) / n;
    }
    g_free(cum);
    return topic;
}

static void evaluate(sample_population *p, sample_file *out, const sample_quarter *q, uint32_t i)
{
    const tna_model *m = p->model;
    const sample_person *who = &p->people[i];
    int before = 0;
    uint32_t topic = pick_topic(p, i, &before);
    if (topic == TNA_NONE)
        return;
    const tna_topic *tp = &m->topics[topic];
    const tna_scale *s = &m->frameworks[tp->framework].scale;
    size_t n_courses;
    const char *const *courses = tna_sample_courses_of(tp->id, &n_courses);
    static const double uplift[] = {0.15, 0.80, 1.0};            /* cumulative: +0, +1, +2 */
    static const double score[] = {0.03, 0.10, 0.25, 0.62, 1.0}; /* cumulative: 1..5 */
    int after = before + (int)tna_sample_rng_pick(&p->rng, uplift, 3);
    after = after > s->max ? s->max : after;
    char date[32];
    tna_sample_date_format(date, sizeof date, q,
                       (int64_t)tna_sample_rng_below(&p->rng, (uint32_t)q->days) * 86400,
                       SAMPLE_DATE_DMY);

    tna_csv_textf(&out->csv, "%07u", who->number);
    tna_csv_text(&out->csv, m->authorities[who->authority].name);
    tna_csv_text(&out->csv, m->roles[who->role].name);
    if (n_courses > 0)
        tna_csv_text(&out->csv, courses[tna_sample_rng_below(&p->rng, (uint32_t)n_courses)]);
    else
        tna_csv_textf(&out->csv, "Introduction to %s", tp->name);
    tna_csv_text(&out->csv, tp->name);
    tna_csv_textf(&out->csv, "%d", 1 + (int)tna_sample_rng_pick(&p->rng, score, 5));
    tna_csv_text(&out->csv, s->levels[before].label);
    tna_csv_text(&out->csv, s->levels[after].label);
    tna_csv_text(&out->csv, tna_sample_rng_chance(&p->rng, 0.7) ? "Yes" : "No");
    tna_csv_text(&out->csv, date);
    tna_csv_end(&out->csv);
}

tna_status tna_sample_evaluations_write(sample_population *p, const char *dir, size_t period,
                                    tna_error *err)
{
    static const tna_field fields[] = {
        TNA_FIELD_RESPONDENT, TNA_FIELD_AUTHORITY,    TNA_FIELD_ROLE,   TNA_FIELD_COURSE,
        TNA_FIELD_TOPIC,      TNA_FIELD_SATISFACTION, TNA_FIELD_BEFORE, TNA_FIELD_AFTER,
        TNA_FIELD_APPLIED,    TNA_FIELD_SUBMITTED};
    const tna_model *m = p->model;
    const tna_source *src = source_of(m, TNA_FORMAT_EVALUATION);
    sample_quarter q;
    if (src == NULL || !tna_sample_quarter_parse(m->periods[period], &q))
        return no_source(m, "evaluation", err);

    sample_file out;
    tna_status st = tna_sample_file_open(&out, dir, "course-evaluations.csv", err);
    if (st == TNA_OK) {
        out.csv.flags |= TNA_CSV_CRLF;
        write_headings(&out, src, fields, G_N_ELEMENTS(fields));
        for (uint32_t i = 0; i < p->n; i++)
            if (p->people[i].completed >= 0 && p->people[i].trained &&
                tna_sample_rng_chance(&p->rng, EVALUATION_RATE))
                evaluate(p, &out, &q, i);
    }
    if (tna_sample_file_close(&out, err) != TNA_OK || st != TNA_OK)
        return err->code;
    return TNA_OK;
}
