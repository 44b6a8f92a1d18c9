/*
 * sample_people.c - the synthetic workforce behind `tna sample`, and its random numbers.
 *
 * Each person works for one authority in one role (drawn by headcount weight, so Cardiff,
 * RCT and Swansea and the general roles dominate) and has a true level per skill:
 *
 *   level = round(base + maturity(authority) + offset(role) + ability(person)
 *                 + bias(person, topic) + difficulty(skill) + welsh(authority, skill) + noise)
 *
 * where base is a little under the role's target for required skills and a framework
 * default otherwise. So gaps are skewed by council and role, are worst in the newer skills
 * (AI, accessibility), and Welsh-language skills are strongest in Gwynedd, Anglesey,
 * Ceredigion and Carmarthenshire. Between periods levels drift up, five times as often for
 * those who trained; a few people change role.
 *
 * The PRNG is xoshiro256** (Blackman and Vigna) seeded through splitmix64: small, fast, and
 * the same on every platform, which byte-identical output needs (rand() is neither).
 */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "population.h"
#include "tna/config.h"
#include "tna/text.h"

/* ---- PRNG ------------------------------------------------------------------------------------ */

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void tna_sample_rng_seed(sample_rng *r, uint64_t seed)
{
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&seed);
}

static inline uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t tna_sample_rng_next(sample_rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double tna_sample_rng_uniform(sample_rng *r)
{
    return (double)(tna_sample_rng_next(r) >> 11) * 0x1.0p-53;
}

uint32_t tna_sample_rng_below(sample_rng *r, uint32_t n)
{
    return n == 0 ? 0 : (uint32_t)((tna_sample_rng_next(r) >> 32) * n >> 32);
}

bool tna_sample_rng_chance(sample_rng *r, double p)
{
    return tna_sample_rng_uniform(r) < p;
}

double tna_sample_rng_gauss(sample_rng *r, double sd)
{
    /* Box-Muller; the second value is thrown away to keep the state simple. */
    double u = 1.0 - tna_sample_rng_uniform(r), v = tna_sample_rng_uniform(r);
    return sd * sqrt(-2.0 * log(u)) * cos(2.0 * G_PI * v);
}

size_t tna_sample_rng_pick(sample_rng *r, const double *cum, size_t n)
{
    double x = tna_sample_rng_uniform(r) * cum[n - 1];
    size_t lo = 0, hi = n - 1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (x < cum[mid])
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* ---- dates ----------------------------------------------------------------------------------- */

bool tna_sample_quarter_parse(const char *label, sample_quarter *q)
{
    int year = 0, quarter = 0;
    char tail;
    if (sscanf(label, "%d-Q%d%c", &year, &quarter, &tail) != 2 || quarter < 1 || quarter > 4 ||
        year < 1900 || year > 9000)
        return false;
    GDate d, next;
    g_date_clear(&d, 1);
    g_date_clear(&next, 1);
    g_date_set_dmy(&d, 1, (GDateMonth)(3 * quarter - 2), (GDateYear)year);
    next = d;
    g_date_add_months(&next, 3);
    q->first_day = g_date_get_julian(&d);
    q->days = (int)(g_date_get_julian(&next) - q->first_day);
    return true;
}

void tna_sample_date_format(char *buf, size_t size, const sample_quarter *q, int64_t secs,
                        sample_date_style style)
{
    GDate d;
    g_date_clear(&d, 1);
    g_date_set_julian(&d, q->first_day + (uint32_t)(secs / 86400));
    int day = g_date_get_day(&d), month = g_date_get_month(&d), year = g_date_get_year(&d);
    int s = (int)(secs % 86400);
    switch (style) {
    case SAMPLE_DATE_FORMS:
        snprintf(buf, size, "%d/%d/%02d %d:%02d:%02d", month, day, year % 100, s / 3600,
                 s / 60 % 60, s % 60);
        break;
    case SAMPLE_DATE_ISO:
        snprintf(buf, size, "%04d-%02d-%02d", year, month, day);
        break;
    case SAMPLE_DATE_DMY:
        snprintf(buf, size, "%d/%d/%04d", day, month, year);
        break;
    }
}

/* ---- the workforce --------------------------------------------------------------------------- */

/* Where people who are not required to have a skill usually are, by framework. */
static double untargeted_base(const char *framework_id)
{
    if (strcmp(framework_id, "digital-data") == 0)
        return 1.0;
    if (strcmp(framework_id, "content-design") == 0)
        return 0.6;
    if (strcmp(framework_id, "user-research") == 0)
        return 0.3;
    return 0.5;
}

static uint32_t skill_framework(const tna_model *m, size_t skill)
{
    return m->topics[m->skills[skill].topic].framework;
}

static void draw_levels(sample_population *p, size_t i)
{
    const tna_model *m = p->model;
    const sample_person *who = &p->people[i];
    const sample_authority_traits *a = &p->auth[who->authority];
    const tna_role *role = &m->roles[who->role];
    double common = a->maturity + p->roles[who->role].offset + who->ability;
    for (size_t t = 0; t < m->n_topics; t++) /* strong in some topics, weak in others */
        p->topic_bias[t] = tna_sample_rng_gauss(&p->rng, 0.35);
    uint8_t *lv = sample_levels_of(p, i);
    for (size_t k = 0; k < m->n_skills; k++) {
        int t = role->target[k];
        const tna_framework *fw = &m->frameworks[skill_framework(m, k)];
        double x = (t > 0 ? t - 0.1 : untargeted_base(fw->id)) + common + p->skill_difficulty[k] +
                   p->topic_bias[m->skills[k].topic] + tna_sample_rng_gauss(&p->rng, 0.45);
        if (tna_sample_skill_is_welsh(m->skills[k].id))
            x += (a->welsh - 0.35) * 1.5;
        int v = (int)lround(x);
        lv[k] = (uint8_t)(v < 0 ? 0 : v > fw->scale.max ? fw->scale.max : v);
    }
}

/* Answers from the word list that the model does not recognise, for the bad rows. */
static const char **unknown_answers(const tna_model *m, const sample_words *w, bool authority,
                                    size_t *n)
{
    const char **out = g_new(const char *, w->n);
    *n = 0;
    for (size_t i = 0; i < w->n; i++) {
        char *key = tna_text_key(w->items[i], -1);
        uint32_t hit = authority ? tna_model_find_authority(m, key) : tna_model_find_role(m, key);
        g_free(key);
        if (hit == TNA_NONE)
            out[(*n)++] = w->items[i];
    }
    return out;
}

sample_population *tna_sample_population_new(const tna_model *m, size_t staff, unsigned seed)
{
    sample_population *p = g_new0(sample_population, 1);
    p->model = m;
    p->n = staff;
    tna_sample_rng_seed(&p->rng, (uint64_t)seed);

    p->auth = g_new(sample_authority_traits, m->n_authorities);
    p->auth_cum = g_new(double, m->n_authorities);
    for (size_t a = 0; a < m->n_authorities; a++) {
        p->auth[a] = tna_sample_authority_traits_of(m->authorities[a].id);
        p->auth_cum[a] = (a ? p->auth_cum[a - 1] : 0.0) + p->auth[a].weight;
    }
    p->roles = g_new(sample_role_traits, m->n_roles);
    p->role_cum = g_new(double, m->n_roles);
    for (size_t r = 0; r < m->n_roles; r++) {
        p->roles[r] = tna_sample_role_traits_of(m->roles[r].id);
        p->role_cum[r] = (r ? p->role_cum[r - 1] : 0.0) + p->roles[r].weight;
    }
    p->skill_difficulty = g_new(double, m->n_skills);
    for (size_t k = 0; k < m->n_skills; k++)
        p->skill_difficulty[k] = tna_sample_skill_difficulty(m->skills[k].id);
    p->topic_bias = g_new(double, m->n_topics);
    p->unknown_auth = unknown_answers(m, &tna_sample_unknown_authorities, true, &p->n_unknown_auth);
    p->unknown_role = unknown_answers(m, &tna_sample_unknown_roles, false, &p->n_unknown_role);

    /* Staff numbers: i -> (i * k + offset) mod a prime is one-to-one, so numbers are
     * distinct, look random and spread over all 7 digits (about 1 in 10 starts with 0). */
    uint64_t offset = tna_sample_rng_next(&p->rng) % SAMPLE_MAX_STAFF;
    p->people = g_new0(sample_person, staff);
    p->levels = g_new(uint8_t, staff * m->n_skills);
    p->before = g_new(uint8_t, staff * m->n_skills);
    for (size_t i = 0; i < staff; i++) {
        sample_person *who = &p->people[i];
        who->number = (uint32_t)(((uint64_t)i * 3141593 + offset) % SAMPLE_MAX_STAFF + 1);
        who->authority = (uint32_t)tna_sample_rng_pick(&p->rng, p->auth_cum, m->n_authorities);
        who->role = (uint32_t)tna_sample_rng_pick(&p->rng, p->role_cum, m->n_roles);
        who->first_name = (uint16_t)tna_sample_rng_below(&p->rng, (uint32_t)tna_sample_first_names.n);
        who->last_name = (uint16_t)tna_sample_rng_below(&p->rng, (uint32_t)tna_sample_last_names.n);
        who->anonymous = tna_sample_rng_chance(&p->rng, 0.1);
        who->ability = (float)tna_sample_rng_gauss(&p->rng, 0.55);
        who->completed = -1;
        draw_levels(p, i);
    }
    memcpy(p->before, p->levels, staff * m->n_skills);
    return p;
}

void tna_sample_population_free(sample_population *p)
{
    if (p == NULL)
        return;
    g_free(p->people);
    g_free(p->levels);
    g_free(p->before);
    g_free(p->auth);
    g_free(p->roles);
    g_free(p->auth_cum);
    g_free(p->role_cum);
    g_free(p->skill_difficulty);
    g_free(p->topic_bias);
    g_free(p->unknown_auth);
    g_free(p->unknown_role);
    g_free(p);
}

/* Multi-select barriers: up to three, weighted; Welsh-medium courses matter more to those
 * who want to learn in Welsh. */
static uint32_t draw_barriers(sample_population *p, const sample_person *who)
{
    static const double counts[] = {0.25, 0.60, 0.85, 1.0}; /* cumulative: 0, 1, 2, 3 */
    size_t n = tna_sample_rng_pick(&p->rng, counts, 4);
    double w[32];
    size_t nb = tna_sample_barriers.n < 32 ? tna_sample_barriers.n : 32;
    for (size_t b = 0; b < nb; b++) {
        const char *text = tna_sample_barriers.items[b];
        w[b] = strcmp(text, "Time") == 0 ? 5.0 : 2.0;
        if (strstr(text, "Welsh") != NULL)
            w[b] = who->language == SAMPLE_LANG_WELSH    ? 4.0
                   : who->language == SAMPLE_LANG_EITHER ? 1.0
                                                         : 0.2;
    }
    uint32_t mask = 0;
    for (size_t k = 0; k < n; k++) {
        double cum[32], acc = 0.0;
        for (size_t b = 0; b < nb; b++)
            cum[b] = acc += (mask >> b & 1u) ? 0.0 : w[b];
        if (acc <= 0.0)
            break;
        mask |= 1u << tna_sample_rng_pick(&p->rng, cum, nb);
    }
    return mask;
}

void tna_sample_population_enter_period(sample_population *p, size_t period)
{
    const tna_model *m = p->model;
    size_t ns = m->n_skills;
    if (period > 0)
        memcpy(p->before, p->levels, p->n * ns);
    for (size_t i = 0; i < p->n; i++) {
        sample_person *who = &p->people[i];
        const sample_authority_traits *a = &p->auth[who->authority];
        if (period > 0 && tna_sample_rng_chance(&p->rng, 0.02))
            who->role = (uint32_t)tna_sample_rng_pick(&p->rng, p->role_cum, m->n_roles);
        who->trained = tna_sample_rng_chance(&p->rng, p->roles[who->role].training + 0.3 * a->maturity);
        if (period > 0) {
            uint8_t *lv = sample_levels_of(p, i);
            double up = who->trained ? 0.20 : 0.04;
            for (size_t k = 0; k < ns; k++)
                if (lv[k] < m->frameworks[skill_framework(m, k)].scale.max &&
                    tna_sample_rng_chance(&p->rng, up))
                    lv[k]++;
        }
        double u = tna_sample_rng_uniform(&p->rng);
        double welsh = 0.03 + 0.45 * a->welsh;
        who->language = u < welsh                           ? SAMPLE_LANG_WELSH
                        : u < welsh + 0.12 + 0.1 * a->welsh ? SAMPLE_LANG_EITHER
                                                            : SAMPLE_LANG_ENGLISH;
        who->barriers = draw_barriers(p, who);
        who->completed = -1;
    }
}
