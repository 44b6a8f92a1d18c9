/*
 * survey.c - the questionnaire as one description every tool's writer lays out: the
 * questions, their Welsh and English wording, their options and the codes those carry.
 *
 * The wording of the survey itself (its questions, instructions, "Other") is in the table
 * below, Welsh beside English; the options are the configuration's own names: councils,
 * roles, barriers, skills and the levels of each framework's scale, in both languages.
 *
 * Codes come from ids, never from positions (tna_q_code): a council's, role's or barrier's
 * option, a skill's row, a topic's grid keep their codes when others are added or removed, so
 * a survey written again next quarter exports what this quarter's configuration reads.
 * LimeSurvey's limits decide the sizes: answer codes at most 5 letters and digits, question
 * and subquestion codes at most 20, a letter first. A long id keeps its start and gets a
 * hash of the whole id as its last four characters; two ids that end up with one code in a
 * question stop the build with both named.
 */
#include <string.h>

#include "../render/labels.h"
#include "questionnaire_internal.h"
#include "tna/config.h"

typedef struct words {
    const char *en, *cy;
} words;

/* The survey's own wording. The Welsh is tna's own: have it checked before the survey goes
 * out (docs/questionnaire.md). */
static const words W_TITLE = {"Digital skills: training needs",
                              "Sgiliau digidol: anghenion hyfforddi"};
static const words W_INTRO = {
    "This questionnaire asks how confident you are in the skills of your work, so that training "
    "can be planned where it is needed. It takes about ten minutes. Your staff number is used "
    "only to keep your latest answers; reports show no group of fewer than %d people, and never "
    "your name, number or what you write.",
    "Mae'r holiadur hwn yn gofyn pa mor hyderus ydych chi yn sgiliau eich gwaith, er mwyn "
    "cynllunio hyfforddiant lle mae ei angen. Mae'n cymryd tua deg munud. Defnyddir eich rhif "
    "staff i gadw eich atebion diweddaraf yn unig; nid yw adroddiadau'n dangos unrhyw grŵp o "
    "lai na %d o bobl, na'ch enw, eich rhif na'r hyn a ysgrifennwch byth."};
static const words W_ABOUT = {"About you", "Amdanoch chi"};
static const words W_STAFF = {"What is your staff number?", "Beth yw eich rhif staff?"};
static const words W_COUNCIL = {"Which council do you work for?",
                                "Ym mha gyngor ydych chi'n gweithio?"};
static const words W_ROLE = {"What is your job role?", "Beth yw eich swydd?"};
static const words W_ROLE_HELP = {"If your role is not listed, choose Other and write it in.",
                                  "Os nad yw eich swydd yn y rhestr, dewiswch Arall a'i nodi."};
static const words W_GRID = {"%s: how confident are you in each of these skills?",
                             "%s: pa mor hyderus ydych chi ym mhob un o'r sgiliau hyn?"};
static const words W_GRID_HELP = {"Leave a skill blank if you would rather not say.",
                                  "Gadewch sgil yn wag os byddai'n well gennych beidio â dweud."};
static const words W_LEARNING = {"Training and learning", "Hyfforddiant a dysgu"};
static const words W_TRAINED = {"Have you attended training in the last 12 months?",
                                "Ydych chi wedi mynychu hyfforddiant yn ystod y 12 mis diwethaf?"};
static const words W_YES = {"Yes", "Do"};
static const words W_NO = {"No", "Naddo"};
static const words W_BARRIERS = {"What stops you learning?", "Beth sy'n eich atal rhag dysgu?"};
static const words W_BARRIERS_HELP = {"Choose all that apply.", "Dewiswch bob un sy'n berthnasol."};
static const words W_LANGUAGE = {"Which language would you prefer to learn in?",
                                 "Ym mha iaith yr hoffech chi ddysgu?"};
static const words W_WELSH = {"Welsh", "Cymraeg"};
static const words W_ENGLISH = {"English", "Saesneg"};
static const words W_EITHER = {"No preference", "Dim ffafriaeth"};
static const words W_OTHER = {"Other (please specify)", "Arall (nodwch)"};

static const char *keep(tna_q_survey *s, const char *text)
{
    return text ? g_string_chunk_insert_const(s->strings, text) : NULL;
}

const char *tna_q_keepf(tna_q_survey *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *t = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    const char *k = keep(s, t);
    g_free(t);
    return k;
}

const char *tna_q_both(tna_q_survey *s, const char *en, const char *cy)
{
    if (cy == NULL || cy[0] == '\0' || strcmp(en, cy) == 0)
        return keep(s, en);
    return tna_q_keepf(s, "%s / %s", cy, en);
}

const char *tna_q_text(tna_q_survey *s, const tna_q_question *q)
{
    return tna_q_both(s, q->en, q->cy);
}

const char *tna_q_option_text(tna_q_survey *s, const tna_q_option *o)
{
    return tna_q_both(s, o->en, o->cy);
}

const tna_q_question *tna_q_find(const tna_q_survey *s, tna_field field)
{
    for (size_t i = 0; i < s->n_questions; i++)
        if (s->questions[i].field == field)
            return &s->questions[i];
    return NULL;
}

const char *tna_q_entry_heading(tna_q_survey *s, const tna_q_question *q, const tna_q_option *o)
{
    switch (q->kind) {
    case Q_GRID:
        return o ? o->meaning : q->code;
    case Q_CHOICES:
        return o ? tna_q_keepf(s, "barrier_%s", o->meaning) : "barrier_other";
    default:
        break;
    }
    switch (q->field) {
    case TNA_FIELD_RESPONDENT:
        return "staff_number";
    case TNA_FIELD_AUTHORITY:
        return "council";
    case TNA_FIELD_ROLE:
        return "role";
    case TNA_FIELD_TRAINED:
        return "trained";
    case TNA_FIELD_LANGUAGE_PREFERENCE:
        return "language";
    default:
        return q->code;
    }
}

/* FNV-1a: a hash that is the same on every machine and in every version. */
static uint32_t fnv1a(const char *s)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        h = (h ^ *p) * 16777619u;
    return h;
}

const char *tna_q_code(tna_q_survey *s, const char *id, char first, size_t max)
{
    GString *c = g_string_new(NULL);
    for (const char *p = id; *p; p++)
        if (g_ascii_isalnum(*p))
            g_string_append_c(c, *p);
    if (c->len == 0 || !g_ascii_isalpha(c->str[0]))
        g_string_prepend_c(c, first);
    if (c->len > max) {
        static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
        uint32_t h = fnv1a(id);
        g_string_truncate(c, max - 4);
        for (int i = 0; i < 4; i++, h /= 36)
            g_string_append_c(c, digits[h % 36]);
    }
    const char *k = keep(s, c->str);
    g_string_free(c, TRUE);
    return k;
}

/* ---- building ------------------------------------------------------------------------------ */

static tna_q_question *add(GArray *qs, tna_q_kind kind, tna_field field, const char *code, words w)
{
    tna_q_question q = {0};
    q.kind = kind;
    q.field = field;
    q.code = code;
    q.en = w.en;
    q.cy = w.cy;
    q.topic = TNA_NONE;
    g_array_append_val(qs, q);
    return &g_array_index(qs, tna_q_question, qs->len - 1);
}

static void set_help(tna_q_question *q, words w)
{
    q->help_en = w.en;
    q->help_cy = w.cy;
}

static tna_q_option option(const char *code, const char *name, const char *en, const char *cy,
                           const char *meaning)
{
    return (tna_q_option){code, name, en, cy && cy[0] ? cy : NULL, meaning};
}

static void set_options(tna_q_question *q, GArray *opts)
{
    q->n_options = opts->len;
    q->options = (tna_q_option *)(void *)g_array_free(opts, FALSE);
}

/* Two options (or rows) of one question with one code: named, so the user can rename one. */
static tna_status check_codes(const tna_q_question *q, const tna_q_option *o, size_t n, bool rows,
                              tna_error *err)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < i; j++) {
            bool same = strcmp(o[i].code, o[j].code) == 0 ||
                        (o[i].name && o[j].name && strcmp(o[i].name, o[j].name) == 0);
            if (same)
                return tna_error_set(err, TNA_ERR_CONFIG, NULL, 0, 0,
                                     "'%s' and '%s' give the same code in the %s of question "
                                     "'%s': change one of the ids",
                                     o[j].meaning, o[i].meaning, rows ? "rows" : "options",
                                     q->code);
        }
    return TNA_OK;
}

static void about_you(tna_q_survey *s, const tna_model *m, GArray *qs)
{
    tna_q_question *q = add(qs, Q_TEXT, TNA_FIELD_RESPONDENT, "staffno", W_STAFF);
    q->required = true;
    q->section_en = W_ABOUT.en;
    q->section_cy = W_ABOUT.cy;

    GArray *o = g_array_new(FALSE, TRUE, sizeof(tna_q_option));
    for (size_t i = 0; i < m->n_authorities; i++) {
        const tna_authority *a = &m->authorities[i];
        tna_q_option op = option(tna_q_code(s, a->id, 'A', 5), tna_q_code(s, a->id, 'A', 20),
                                 a->name, a->name_cy, a->id);
        g_array_append_val(o, op);
    }
    q = add(qs, Q_CHOICE, TNA_FIELD_AUTHORITY, "council", W_COUNCIL);
    q->required = true;
    q->long_list = true;
    set_options(q, o);

    o = g_array_new(FALSE, TRUE, sizeof(tna_q_option));
    for (size_t i = 0; i < m->n_roles; i++) {
        const tna_role *r = &m->roles[i];
        tna_q_option op = option(tna_q_code(s, r->id, 'R', 5), tna_q_code(s, r->id, 'R', 20),
                                 r->name, r->name_cy, r->id);
        g_array_append_val(o, op);
    }
    q = add(qs, Q_CHOICE, TNA_FIELD_ROLE, "role", W_ROLE);
    q->required = true;
    q->other = true;
    set_help(q, W_ROLE_HELP);
    set_options(q, o);
}

static void grid(tna_q_survey *s, const tna_model *m, uint32_t t, GArray *qs, bool first)
{
    const tna_topic *topic = &m->topics[t];
    const tna_scale *scale = &m->frameworks[topic->framework].scale;
    words w = {tna_q_keepf(s, W_GRID.en, topic->name),
               tna_q_keepf(s, W_GRID.cy, topic->name_cy ? topic->name_cy : topic->name)};
    /* T first, so that no topic's grid takes the code of another question ("role") */
    tna_q_question *q = add(qs, Q_GRID, TNA_FIELD_COUNT,
                            tna_q_code(s, tna_q_keepf(s, "T%s", topic->id), 'T', 20), w);
    q->topic = t;
    set_help(q, W_GRID_HELP);
    if (first) {
        q->section_en = tna_term_in(TERM_SKILLS, TNA_LANG_EN);
        q->section_cy = tna_term_in(TERM_SKILLS, TNA_LANG_CY);
    }
    GArray *rows = g_array_new(FALSE, TRUE, sizeof(tna_q_option));
    for (uint32_t k = topic->first_skill; k < topic->first_skill + topic->n_skills; k++) {
        const tna_skill *sk = &m->skills[k];
        tna_q_option op = option(tna_q_code(s, sk->id, 'S', 5), tna_q_code(s, sk->id, 'S', 20),
                                 sk->name, sk->name_cy, sk->id);
        g_array_append_val(rows, op);
    }
    q->n_rows = rows->len;
    q->rows = (tna_q_option *)(void *)g_array_free(rows, FALSE);
    s->n_skills += q->n_rows;
    GArray *levels = g_array_new(FALSE, TRUE, sizeof(tna_q_option));
    for (size_t l = 0; l < scale->n_levels; l++) {
        const tna_level *lv = &scale->levels[l];
        tna_q_option op = option(tna_q_keepf(s, "L%d", lv->level), tna_q_keepf(s, "L%d", lv->level),
                                 lv->label, lv->label_cy, tna_q_keepf(s, "%d", lv->level));
        g_array_append_val(levels, op);
    }
    set_options(q, levels);
}

static void learning(tna_q_survey *s, const tna_model *m, GArray *qs)
{
    tna_q_question *q = add(qs, Q_CHOICE, TNA_FIELD_TRAINED, "trained", W_TRAINED);
    q->section_en = W_LEARNING.en;
    q->section_cy = W_LEARNING.cy;
    GArray *o = g_array_new(FALSE, TRUE, sizeof(tna_q_option));
    tna_q_option yes = option("Y", "Y", W_YES.en, W_YES.cy, "yes");
    tna_q_option no = option("N", "N", W_NO.en, W_NO.cy, "no");
    g_array_append_val(o, yes);
    g_array_append_val(o, no);
    set_options(q, o);

    o = g_array_new(FALSE, TRUE, sizeof(tna_q_option));
    for (size_t i = 0; i < m->n_barriers; i++) {
        const tna_barrier *b = &m->barriers[i];
        if (i == m->barrier_other)
            continue; /* "Other" is the question's own, with its box */
        tna_q_option op = option(tna_q_code(s, b->id, 'B', 5), tna_q_code(s, b->id, 'B', 20),
                                 b->name, b->name_cy, b->id);
        g_array_append_val(o, op);
    }
    q = add(qs, Q_CHOICES, TNA_FIELD_BARRIERS, "barriers", W_BARRIERS);
    q->other = true;
    set_help(q, W_BARRIERS_HELP);
    set_options(q, o);

    o = g_array_new(FALSE, TRUE, sizeof(tna_q_option));
    tna_q_option cy = option("CY", "CY", W_WELSH.en, W_WELSH.cy, "welsh");
    tna_q_option en = option("EN", "EN", W_ENGLISH.en, W_ENGLISH.cy, "english");
    tna_q_option either = option("BOTH", "BOTH", W_EITHER.en, W_EITHER.cy, "either");
    g_array_append_val(o, cy);
    g_array_append_val(o, en);
    g_array_append_val(o, either);
    q = add(qs, Q_CHOICE, TNA_FIELD_LANGUAGE_PREFERENCE, "language", W_LANGUAGE);
    set_options(q, o);
}

tna_status tna_q_survey_build(const tna_model *m, const char *const *topics, size_t n_topics,
                              tna_q_survey *s, tna_error *err)
{
    memset(s, 0, sizeof *s);
    s->model = m;
    s->strings = g_string_chunk_new(8192);
    s->title_en = W_TITLE.en;
    s->title_cy = W_TITLE.cy;
    s->intro_en = tna_q_keepf(s, W_INTRO.en, m->min_group_size);
    s->intro_cy = tna_q_keepf(s, W_INTRO.cy, m->min_group_size);
    s->other_en = W_OTHER.en;
    s->other_cy = W_OTHER.cy;

    GArray *chosen = g_array_new(FALSE, FALSE, sizeof(uint32_t));
    tna_status st = TNA_OK;
    for (size_t i = 0; i < n_topics && st == TNA_OK; i++) {
        uint32_t t = tna_model_find_topic(m, topics[i]);
        if (t == TNA_NONE)
            st = tna_error_set(err, TNA_ERR_USAGE, NULL, 0, 0,
                               "--topics: no topic '%s' in the configuration's frameworks",
                               topics[i]);
        else
            g_array_append_val(chosen, t);
    }
    for (uint32_t t = 0; n_topics == 0 && t < m->n_topics; t++)
        g_array_append_val(chosen, t);
    if (st == TNA_OK && chosen->len == 0)
        st = tna_error_set(err, TNA_ERR_USAGE, NULL, 0, 0, "no topic to ask about");

    GArray *qs = g_array_new(FALSE, TRUE, sizeof(tna_q_question));
    if (st == TNA_OK) {
        about_you(s, m, qs);
        for (guint i = 0; i < chosen->len; i++)
            grid(s, m, g_array_index(chosen, uint32_t, i), qs, i == 0);
        learning(s, m, qs);
    }
    s->n_questions = qs->len;
    s->questions = (tna_q_question *)(void *)g_array_free(qs, FALSE);
    g_array_free(chosen, TRUE);
    for (size_t i = 0; i < s->n_questions && st == TNA_OK; i++) {
        const tna_q_question *q = &s->questions[i];
        st = check_codes(q, q->options, q->n_options, false, err);
        if (st == TNA_OK)
            st = check_codes(q, q->rows, q->n_rows, true, err);
        for (size_t j = 0; j < i && st == TNA_OK; j++)
            if (strcmp(s->questions[j].code, q->code) == 0)
                st =
                    tna_error_set(err, TNA_ERR_CONFIG, NULL, 0, 0,
                                  "two questions have the code '%s': change one topic id", q->code);
    }
    if (st != TNA_OK)
        tna_q_survey_clear(s);
    return st;
}

void tna_q_survey_clear(tna_q_survey *s)
{
    for (size_t i = 0; i < s->n_questions; i++) {
        g_free(s->questions[i].options);
        g_free(s->questions[i].rows);
    }
    g_free(s->questions);
    if (s->strings)
        g_string_chunk_free(s->strings);
    memset(s, 0, sizeof *s);
}
