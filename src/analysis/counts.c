/*
 * counts.c - counts files: a run's raw tallies written out, read back and summed (counts.h).
 *
 * The file is a CSV with one fixed header,
 *
 *   section,period,authority,role,item,text,v1,...,vN
 *
 * and one row per non-zero cell of a tally: `section` says which (skill, topic, framework,
 * overall, need, barrier_base, barrier, rater, people, source, dq, and meta rows first),
 * the key columns hold ids (never indices), and v1.. the cell's numbers in the order of the
 * section's field list below (docs/outputs.md names them). Every number is a sum over
 * respondents, so the merge rule is one line: add the rows of the same section and key. The
 * data-quality counts are the exception: they are listed, not added (each council's files
 * are its own), and sources are added by source name.
 *
 * Sections are tables of names over the tally structs, whose fields are all int64_t; a
 * static assertion ties each list to its struct, so a field added to a tally without a name
 * here does not compile.
 */
#include <errno.h>
#include <stddef.h>
#include <glib.h>
#include <inttypes.h>
#include <string.h>

#include "people.h"
#include "tna/config.h"
#include "tna/counts.h"
#include "tna/csvwrite.h"

#define COUNTS_FORMAT "tna-counts 1"

/* A counts row carries a struct's int64 fields in declaration order, so each count below must
 * follow its struct. tally: respondents, assessed, below, gap_sum, learners and the five sums
 * of products; need: learners, self_directed, cohort, five bands, four media, the cohort and
 * self-directed splits by medium, answered, experts; expect_tally: respondents, assessed,
 * gap_sum, learners, below_sum, rows, value_sum, row_respondents (then the Level 4 sums). */
enum { N_TALLY = 10, N_NEED = 23, N_EXPECT = 8 };
_Static_assert(sizeof(tally) == N_TALLY * sizeof(int64_t),
               "every field of a tally is carried in the counts file");
_Static_assert(sizeof(need) == N_NEED * sizeof(int64_t),
               "every field of a need is carried in the counts file");
_Static_assert(sizeof(rater_cell) == 3 * sizeof(int64_t), "a rater cell is three sums");
_Static_assert(offsetof(expect_tally, level4) == N_EXPECT * sizeof(int64_t),
               "every whole-number field of an expectation's tally is carried in the counts file");
/* Level 4 sums: n, x, y per group (int64), then xx, xy, yy per group (128-bit) */
#define N_LEVEL4 12
__extension__ typedef unsigned __int128 u128;
_Static_assert(sizeof(tna_l4_sums) == 6 * sizeof(int64_t) + 6 * sizeof(tna_i128),
               "Level 4 sums are six whole numbers and six 128-bit ones");

#define N_SOURCE 8 /* present, rows_read, accepted, rejected, excluded, unrecognised, bad_dates,
                      invalid_text */
#define N_DQ     6 /* column, entries, first_line, note, reason code, bad text kind */
#define MAX2(a, b) ((a) > (b) ? (a) : (b))
#define N_VALUES MAX2(MAX2(N_TALLY, N_NEED), MAX2(N_EXPECT, N_LEVEL4))

/* ---- the definitions hash ----------------------------------------------------------------- */

char *tna_counts_definitions(const tna_model *m)
{
    GString *s = g_string_new(COUNTS_FORMAT "\n");
    for (size_t f = 0; f < m->n_frameworks; f++) {
        const tna_framework *fw = &m->frameworks[f];
        g_string_append_printf(s, "framework %s %s %d\n", fw->id, fw->version ? fw->version : "",
                               fw->scale.max);
    }
    for (size_t t = 0; t < m->n_topics; t++)
        g_string_append_printf(s, "topic %s %s\n", m->topics[t].id,
                               m->frameworks[m->topics[t].framework].id);
    for (size_t k = 0; k < m->n_skills; k++)
        g_string_append_printf(s, "skill %s %s\n", m->skills[k].id,
                               m->topics[m->skills[k].topic].id);
    for (size_t r = 0; r < m->n_roles; r++) {
        g_string_append_printf(s, "role %s", m->roles[r].id);
        for (size_t k = 0; k < m->n_skills; k++)
            g_string_append_printf(s, " %d", m->roles[r].target[k]);
        g_string_append_c(s, '\n');
    }
    for (size_t a = 0; a < m->n_authorities; a++)
        g_string_append_printf(s, "authority %s %s\n", m->authorities[a].id,
                               m->regions[m->authorities[a].region].name);
    for (size_t b = 0; b < m->n_barriers; b++)
        g_string_append_printf(s, "barrier %s\n", m->barriers[b].id);
    for (size_t x = 0; x < m->n_expectations; x++) {
        const tna_expectation *e = &m->expectations[x];
        const tna_scope *sc = &e->scope;
        g_string_append_printf(s, "expectation %s %s %u %u %u %u %u %u\n", e->id,
                               tna_metric_names[e->metric], sc->authority, sc->region, sc->role,
                               sc->framework, sc->topic, sc->skill);
    }
    g_string_append_printf(s, "rater_policy %s\nelearning_max_gap %d\n",
                           tna_rater_policy_names[m->rater_policy],
                           m->commissioning.elearning_max_gap);
    char *hash = g_compute_checksum_for_string(G_CHECKSUM_SHA256, s->str, (gssize)s->len);
    g_string_free(s, TRUE);
    return hash;
}

/* ---- writing -------------------------------------------------------------------------------- */

/* A 128-bit whole number in decimal. */
static void put_i128(tna_csv *w, tna_i128 v)
{
    char buf[48], *p = buf + sizeof buf;
    u128 u = v < 0 ? -(u128)v : (u128)v;
    *--p = '\0';
    do
        *--p = (char)('0' + (int)(u % 10));
    while ((u /= 10) != 0);
    if (v < 0)
        *--p = '-';
    tna_csv_text(w, p);
}

/* One row: the keys, then n values padded with empty fields to N_VALUES. Rows whose values
 * are all zero are left out (a missing row adds nothing). */
static void put_row128(tna_csv *w, const char *section, const char *period,
                       const char *authority, const char *role, const char *item,
                       const char *text, const tna_i128 *v, size_t n, bool keep_zero)
{
    bool any = keep_zero;
    for (size_t i = 0; i < n && !any; i++)
        any = v[i] != 0;
    if (!any)
        return;
    const char *keys[] = {section, period, authority, role, item, text};
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
        tna_csv_text(w, keys[k]);
    for (size_t i = 0; i < n; i++)
        put_i128(w, v[i]);
    tna_csv_blank(w, N_VALUES - n);
    tna_csv_end(w);
}

static void put_row(tna_csv *w, const char *section, const char *period, const char *authority,
                    const char *role, const char *item, const char *text, const int64_t *v,
                    size_t n, bool keep_zero)
{
    tna_i128 wide[N_VALUES] = {0};
    for (size_t i = 0; i < n; i++)
        wide[i] = v[i];
    put_row128(w, section, period, authority, role, item, text, wide, n, keep_zero);
}

/* Level 4 sums as one row of N_LEVEL4 numbers, and back. */
static void level4_values(const tna_l4_sums *l, tna_i128 *v)
{
    for (int k = 0; k < 2; k++) {
        v[k] = l->n[k], v[2 + k] = l->x[k], v[4 + k] = l->y[k];
        v[6 + k] = l->xx[k], v[8 + k] = l->xy[k], v[10 + k] = l->yy[k];
    }
}

static void level4_add(tna_l4_sums *l, const tna_i128 *v)
{
    for (int k = 0; k < 2; k++) {
        l->n[k] += (int64_t)v[k], l->x[k] += (int64_t)v[2 + k], l->y[k] += (int64_t)v[4 + k];
        l->xx[k] += v[6 + k], l->xy[k] += v[8 + k], l->yy[k] += v[10 + k];
    }
}

static void put_meta(tna_csv *fp, const char *item, const char *text)
{
    put_row(fp, "meta", NULL, NULL, NULL, item, text, NULL, 0, true);
}

/* A cube level [a][p][x] of nx items with the given ids (NULL ids: the overall level). */
static void put_level(tna_csv *fp, const tna_model *m, const char *section, const char *period,
                      const tally *cells, size_t nx, const char *(*id)(const tna_model *, size_t))
{
    for (size_t a = 0; a < m->n_authorities; a++)
        for (size_t p = 0; p < m->n_roles; p++)
            for (size_t x = 0; x < nx; x++)
                put_row(fp, section, period, m->authorities[a].id, m->roles[p].id,
                        id ? id(m, x) : NULL, NULL,
                        (const int64_t *)&cells[(a * m->n_roles + p) * nx + x], N_TALLY, false);
}

static const char *skill_id(const tna_model *m, size_t i)
{
    return m->skills[i].id;
}
static const char *topic_id(const tna_model *m, size_t i)
{
    return m->topics[i].id;
}
static const char *framework_id(const tna_model *m, size_t i)
{
    return m->frameworks[i].id;
}

static void put_period(tna_csv *fp, const tna_model *m, const period_tallies *t)
{
    const char *per = t->period;
    const cube *c = &t->cube;
    int64_t n_people = (int64_t)c->n_people;
    put_row(fp, "people", per, NULL, NULL, NULL, NULL, &n_people, 1, false);
    put_level(fp, m, "skill", per, c->by_skill, m->n_skills, skill_id);
    put_level(fp, m, "topic", per, c->by_topic, m->n_topics, topic_id);
    put_level(fp, m, "framework", per, c->by_framework, m->n_frameworks, framework_id);
    put_level(fp, m, "overall", per, c->overall, 1, NULL);
    for (size_t a = 0; c->needs && a < m->n_authorities; a++)
        for (size_t k = 0; k < m->n_topics; k++)
            put_row(fp, "need", per, m->authorities[a].id, NULL, m->topics[k].id, NULL,
                    (const int64_t *)&c->needs[a * m->n_topics + k], N_NEED, false);
    for (size_t a = 0; t->barrier_base && a < m->n_authorities; a++) {
        put_row(fp, "barrier_base", per, m->authorities[a].id, NULL, NULL, NULL,
                &t->barrier_base[a], 1, false);
        for (size_t b = 0; b < m->n_barriers; b++)
            put_row(fp, "barrier", per, m->authorities[a].id, NULL, m->barriers[b].id, NULL,
                    &t->barrier_citing[a * m->n_barriers + b], 1, false);
    }
    for (size_t k = 0; t->raters && k <= m->n_topics; k++)
        for (size_t a = 0; a < m->n_authorities; a++)
            put_row(fp, "rater", per, m->authorities[a].id, NULL,
                    k == m->n_topics ? "*" : m->topics[k].id, NULL,
                    (const int64_t *)&t->raters[k * m->n_authorities + a], 3, false);
    for (size_t x = 0; x < m->n_expectations; x++) {
        tna_i128 l4[N_LEVEL4];
        level4_values(&t->expect[x].level4, l4);
        put_row(fp, "expectation", per, NULL, NULL, m->expectations[x].id, NULL,
                (const int64_t *)&t->expect[x], N_EXPECT, false);
        put_row128(fp, "level4", per, NULL, NULL, m->expectations[x].id, NULL, l4, N_LEVEL4,
                   false);
    }
    for (size_t s = 0; s < m->n_sources; s++) {
        const tna_source_read *r = &t->sources[s];
        int64_t v[N_SOURCE] = {r->present,  r->rows_read,           r->accepted,
                               r->rejected, r->excluded,            r->unrecognised_answers,
                               r->bad_dates, r->invalid_text};
        put_row(fp, "source", per, NULL, NULL, m->sources[s].name, NULL, v, N_SOURCE, true);
    }
    for (size_t i = 0; i < t->n_dq; i++) {
        const tna_dq_count *d = &t->dq[i];
        int64_t v[N_DQ] = {d->column, d->entries, d->first_line, d->note, d->reason, d->bad};
        put_row(fp, "dq", per, NULL, NULL, d->file, d->detail, v, N_DQ, true);
    }
}

void tna_counts_write(const tna_tallies *t, FILE *out)
{
    const tna_model *m = t->model;
    tna_csv w = tna_csv_start(out, 0), *fp = &w;
    GString *header = g_string_new("section,period,authority,role,item,text");
    for (size_t i = 1; i <= N_VALUES; i++)
        g_string_append_printf(header, ",v%zu", i);
    tna_csv_header(fp, header->str); /* kept by the writer: freed at the end */
    char *hash = tna_counts_definitions(m);
    GString *periods = g_string_new(NULL);
    for (size_t p = 0; p < t->n_periods; p++)
        g_string_append_printf(periods, "%s%s", p ? " " : "", t->periods[p].period);
    put_meta(fp, "format", COUNTS_FORMAT);
    put_meta(fp, "definitions", hash);
    put_meta(fp, "periods", periods->str);
    g_free(hash);
    g_string_free(periods, TRUE);
    for (size_t p = 0; p < t->n_periods; p++)
        put_period(fp, m, &t->periods[p]);
    g_string_free(header, TRUE);
}

/* ---- reading and adding ------------------------------------------------------------------------ */

enum { F_SECTION, F_PERIOD, F_AUTHORITY, F_ROLE, F_ITEM, F_TEXT, F_V1, N_FIELDS = F_V1 + N_VALUES };

typedef struct reader {
    const tna_model *m;
    tna_tallies *sum;
    const char *path;
    long line;
    char *fields[N_FIELDS];
    int64_t v[N_VALUES];
    tna_i128 wide[N_VALUES];
    GHashTable *authority, *role, *skill, *topic, *framework, *barrier, *source, *period,
        *expectation;
    bool have_format, have_definitions, have_periods;
    tna_error *err;
} reader;

/* Splits a line in place into N_FIELDS fields (double quotes as RFC 4180); false when the
 * count is wrong or a quote is not closed. */
static bool split(char *line, char **fields)
{
    size_t n = 0;
    char *p = line;
    for (;;) {
        if (n == N_FIELDS)
            return false;
        if (*p == '"') {
            char *out = ++p;
            fields[n++] = out;
            for (;;) {
                if (*p == '\0')
                    return false;
                if (*p == '"' && p[1] == '"')
                    *out++ = '"', p += 2;
                else if (*p == '"')
                    break;
                else
                    *out++ = *p++;
            }
            *out = '\0';
            p++;
        } else {
            fields[n++] = p;
            p += strcspn(p, ",");
        }
        if (*p == '\0')
            break;
        if (*p != ',')
            return false;
        *p++ = '\0';
    }
    return n == N_FIELDS;
}

static tna_status bad(reader *r, const char *fmt, const char *what)
{
    return tna_error_set(r->err, TNA_ERR_INPUT, r->path, r->line, 0, fmt, what);
}

static GHashTable *ids(size_t n, const char *(*id)(const void *, size_t), const void *base)
{
    GHashTable *h = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t i = 0; i < n; i++)
        g_hash_table_insert(h, (gpointer)id(base, i), GSIZE_TO_POINTER(i + 1));
    return h;
}

static const char *authority_at(const void *b, size_t i)
{
    return ((const tna_authority *)b)[i].id;
}
static const char *role_at(const void *b, size_t i)
{
    return ((const tna_role *)b)[i].id;
}
static const char *skill_at(const void *b, size_t i)
{
    return ((const tna_skill *)b)[i].id;
}
static const char *topic_at(const void *b, size_t i)
{
    return ((const tna_topic *)b)[i].id;
}
static const char *framework_at(const void *b, size_t i)
{
    return ((const tna_framework *)b)[i].id;
}
static const char *barrier_at(const void *b, size_t i)
{
    return ((const tna_barrier *)b)[i].id;
}
static const char *source_at(const void *b, size_t i)
{
    return ((const tna_source *)b)[i].name;
}
static const char *expectation_at(const void *b, size_t i)
{
    return ((const tna_expectation *)b)[i].id;
}
static const char *period_at(const void *b, size_t i)
{
    return ((const char *const *)b)[i];
}

/* The index of key field f in table h; false (and the error) when it is not there. */
static bool look(reader *r, GHashTable *h, int f, const char *what, size_t *out)
{
    gpointer at = g_hash_table_lookup(h, r->fields[f]);
    if (at == NULL) {
        char *msg = g_strdup_printf("unknown %s '%s' in a counts file; it was written with other "
                                    "definitions than this configuration's",
                                    what, r->fields[f]);
        bad(r, "%s", msg);
        g_free(msg);
        return false;
    }
    *out = GPOINTER_TO_SIZE(at) - 1;
    return true;
}

/* The first n numbers of the row into r->wide, and into r->v those that fit 64 bits; false
 * (and the error) when one is not a whole number, is too large, or a number follows them. */
static bool values(reader *r, size_t n, bool wide)
{
    for (size_t i = 0; i < N_VALUES; i++) {
        const char *f = r->fields[F_V1 + i];
        if (i >= n) {
            if (*f)
                return bad(r, "%s", "more numbers than the section has"), false;
            continue;
        }
        const char *c = f + (*f == '-');
        u128 u = 0;
        bool ok = *c != '\0';
        for (; ok && *c; c++) {
            ok = *c >= '0' && *c <= '9' && u <= ((u128)1 << 126) / 5;
            u = u * 10 + (unsigned)(*c - '0');
        }
        if (!ok || u >> 126)
            return bad(r, "'%s' is not a whole number tna can add", f), false;
        tna_i128 x = *f == '-' ? -(tna_i128)u : (tna_i128)u;
        if (!wide && (x > INT64_MAX || x < INT64_MIN))
            return bad(r, "'%s' is too large for its column", f), false;
        r->wide[i] = x;
        r->v[i] = (int64_t)x;
    }
    return true;
}

static void add(int64_t *to, const int64_t *from, size_t n)
{
    for (size_t i = 0; i < n; i++)
        to[i] += from[i];
}

/* The meta rows: format, definitions and periods, each checked against the model. */
static bool meta(reader *r)
{
    const char *item = r->fields[F_ITEM], *text = r->fields[F_TEXT];
    if (strcmp(item, "format") == 0) {
        r->have_format = true;
        if (strcmp(text, COUNTS_FORMAT) != 0)
            return bad(r, "this is not a counts file this tna can read ('%s'); export the counts "
                          "again with this version of tna",
                       text),
                   false;
    } else if (strcmp(item, "definitions") == 0) {
        r->have_definitions = true;
        char *want = tna_counts_definitions(r->m);
        bool same = strcmp(want, text) == 0;
        g_free(want);
        if (!same)
            return bad(r, "%s",
                       "these counts were made with other definitions (frameworks, roles, "
                       "authorities, barriers, expectations, rater policy or elearning_max_gap) "
                       "than this configuration's; merge counts exported with the same "
                       "definitions"),
                   false;
    } else if (strcmp(item, "periods") == 0) {
        r->have_periods = true;
        GString *want = g_string_new(NULL);
        for (size_t p = 0; p < r->m->n_periods; p++)
            g_string_append_printf(want, "%s%s", p ? " " : "", r->m->periods[p]);
        bool same = strcmp(want->str, text) == 0;
        if (!same) {
            char *msg = g_strdup_printf("these counts are of periods '%s', the configuration's "
                                        "are '%s'; merge counts of the same periods",
                                        text, want->str);
            bad(r, "%s", msg);
            g_free(msg);
        }
        g_string_free(want, TRUE);
        return same;
    }
    return true;
}

static bool row(reader *r)
{
    const tna_model *m = r->m;
    const char *section = r->fields[F_SECTION];
    if (strcmp(section, "meta") == 0)
        return meta(r);
    if (!r->have_format || !r->have_definitions || !r->have_periods)
        return bad(r, "%s", "a counts file starts with its format, definitions and periods"),
               false;
    size_t p, a, k, x;
    if (!look(r, r->period, F_PERIOD, "period", &p))
        return false;
    period_tallies *t = &r->sum->periods[p];
    cube *c = &t->cube;
    size_t na = m->n_authorities, np = m->n_roles;
    struct level {
        const char *name;
        tally *cells;
        size_t n;
        GHashTable *ids;
    } levels[] = {{"skill", c->by_skill, m->n_skills, r->skill},
                  {"topic", c->by_topic, m->n_topics, r->topic},
                  {"framework", c->by_framework, m->n_frameworks, r->framework},
                  {"overall", c->overall, 1, NULL}};
    for (size_t l = 0; l < sizeof levels / sizeof *levels; l++) {
        if (strcmp(section, levels[l].name) != 0)
            continue;
        size_t item = 0;
        if (!look(r, r->authority, F_AUTHORITY, "authority", &a) ||
            !look(r, r->role, F_ROLE, "role", &x) ||
            (levels[l].ids && !look(r, levels[l].ids, F_ITEM, levels[l].name, &item)) ||
            !values(r, N_TALLY, false))
            return false;
        add((int64_t *)&levels[l].cells[(a * np + x) * levels[l].n + item], r->v, N_TALLY);
        return true;
    }
    if (strcmp(section, "people") == 0) {
        if (!values(r, 1, false))
            return false;
        c->n_people += (size_t)r->v[0];
    } else if (strcmp(section, "need") == 0) {
        if (c->needs == NULL)
            return bad(r, "%s", "demand counts of a period that is not the current one"), false;
        if (!look(r, r->authority, F_AUTHORITY, "authority", &a) ||
            !look(r, r->topic, F_ITEM, "topic", &k) || !values(r, N_NEED, false))
            return false;
        add((int64_t *)&c->needs[a * m->n_topics + k], r->v, N_NEED);
    } else if (strcmp(section, "barrier_base") == 0 || strcmp(section, "barrier") == 0) {
        if (t->barrier_base == NULL)
            return bad(r, "%s", "barrier counts of a period that is not the current one"), false;
        if (!look(r, r->authority, F_AUTHORITY, "authority", &a) || !values(r, 1, false))
            return false;
        if (section[7] == '\0') {
            if (!look(r, r->barrier, F_ITEM, "barrier", &k))
                return false;
            t->barrier_citing[a * m->n_barriers + k] += r->v[0];
        } else {
            t->barrier_base[a] += r->v[0];
        }
    } else if (strcmp(section, "rater") == 0) {
        if (!look(r, r->authority, F_AUTHORITY, "authority", &a) || !values(r, 3, false))
            return false;
        if (strcmp(r->fields[F_ITEM], "*") == 0)
            k = m->n_topics;
        else if (!look(r, r->topic, F_ITEM, "topic", &k))
            return false;
        if (t->raters == NULL)
            t->raters = g_new0(rater_cell, (m->n_topics + 1) * na + 1);
        add((int64_t *)&t->raters[k * na + a], r->v, 3);
    } else if (strcmp(section, "expectation") == 0) {
        if (!look(r, r->expectation, F_ITEM, "expectation", &k) || !values(r, N_EXPECT, false))
            return false;
        add((int64_t *)&t->expect[k], r->v, N_EXPECT);
    } else if (strcmp(section, "level4") == 0) {
        if (!look(r, r->expectation, F_ITEM, "expectation", &k) || !values(r, N_LEVEL4, true))
            return false;
        level4_add(&t->expect[k].level4, r->wide);
    } else if (strcmp(section, "source") == 0) {
        if (!look(r, r->source, F_ITEM, "source", &k) || !values(r, N_SOURCE, false))
            return false;
        tna_source_read *s = &t->sources[k];
        s->source = (uint32_t)k;
        s->present |= r->v[0] != 0;
        s->rows_read += r->v[1], s->accepted += r->v[2], s->rejected += r->v[3];
        s->excluded += r->v[4], s->unrecognised_answers += r->v[5], s->bad_dates += r->v[6];
        s->invalid_text += r->v[7];
    } else if (strcmp(section, "dq") == 0) {
        if (!values(r, N_DQ, false))
            return false;
        t->dq = g_renew(tna_dq_count, t->dq, t->n_dq + 1);
        if (r->v[4] < 0 || r->v[4] >= TNA_DQ_REASON_COUNT || r->v[5] < 0 ||
            r->v[5] > TNA_DQ_TEXT_UTF16)
            return bad(r, "%s", "a data-quality row with an unknown reason code: was the counts "
                                 "file written by a newer tna?"),
                   false;
        const char *detail = r->fields[F_TEXT];
        t->dq = g_renew(tna_dq_count, t->dq, t->n_dq + 1);
        t->dq[t->n_dq++] = (tna_dq_count){
            .file = g_string_chunk_insert_const(r->sum->strings, r->fields[F_ITEM]),
            .column = r->v[0],
            .reason = (tna_dq_reason)r->v[4],
            .bad = (tna_dq_text)r->v[5],
            .detail = detail && detail[0] ? g_string_chunk_insert_const(r->sum->strings, detail)
                                          : NULL,
            .entries = r->v[1],
            .first_line = r->v[2],
            .note = r->v[3] != 0};
        t->n_dq_entries += (size_t)r->v[1];
    } else {
        return bad(r, "unknown section '%s' in a counts file", section), false;
    }
    return true;
}

static tna_status read_one(reader *r)
{
    FILE *fp = fopen(r->path, "r");
    if (fp == NULL)
        return tna_error_set(r->err, TNA_ERR_INPUT, r->path, 0, 0, "cannot read counts: %s",
                             g_strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    bool ok = true;
    r->line = 0;
    r->have_format = r->have_definitions = r->have_periods = false;
    while (ok && (len = getline(&line, &cap, fp)) >= 0) {
        r->line++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (r->line == 1) {
            ok = strncmp(line, "section,period,authority,role,item,text,v1", 42) == 0;
            if (!ok)
                bad(r, "%s", "not a counts file (tna run --export-counts writes them)");
            continue;
        }
        if (!split(line, r->fields)) {
            ok = false;
            bad(r, "%s", "a row of a counts file has the wrong number of fields");
        } else {
            ok = row(r);
        }
    }
    if (ok && ferror(fp))
        ok = false, tna_error_set(r->err, TNA_ERR_INPUT, r->path, 0, 0, "cannot read counts: %s",
                                  g_strerror(errno));
    if (ok && !r->have_periods)
        ok = false, bad(r, "%s", "not a counts file: it has no periods row");
    free(line);
    fclose(fp);
    return ok ? TNA_OK : TNA_ERR_INPUT;
}

tna_status tna_counts_merge(const tna_model *m, const char *const *paths, size_t n,
                            tna_tallies **out, tna_error *err)
{
    size_t np = m->n_periods;
    tna_tallies *sum = tna_tallies_new(m, np);
    for (size_t p = 0; p < np; p++) {
        period_tallies *t = &sum->periods[p];
        t->period = g_string_chunk_insert_const(sum->strings, m->periods[p]);
        tna_period_tallies_alloc(m, p + 1 == np, t);
        tna_cube_alloc(m, p + 1 == np, &t->cube);
    }
    reader r = {.m = m, .sum = sum, .err = err};
    r.authority = ids(m->n_authorities, authority_at, m->authorities);
    r.role = ids(m->n_roles, role_at, m->roles);
    r.skill = ids(m->n_skills, skill_at, m->skills);
    r.topic = ids(m->n_topics, topic_at, m->topics);
    r.framework = ids(m->n_frameworks, framework_at, m->frameworks);
    r.barrier = ids(m->n_barriers, barrier_at, m->barriers);
    r.source = ids(m->n_sources, source_at, m->sources);
    r.period = ids(m->n_periods, period_at, m->periods);
    r.expectation = ids(m->n_expectations, expectation_at, m->expectations);
    tna_status st = TNA_OK;
    for (size_t i = 0; i < n && st == TNA_OK; i++) {
        r.path = paths[i];
        st = read_one(&r);
    }
    GHashTable *tables[] = {r.authority, r.role,   r.skill,  r.topic,
                            r.framework, r.barrier, r.source, r.period, r.expectation};
    for (size_t i = 0; i < sizeof tables / sizeof *tables; i++)
        g_hash_table_destroy(tables[i]);
    if (st != TNA_OK) {
        tna_tallies_free(sum);
        sum = NULL;
    }
    *out = sum;
    return st;
}
