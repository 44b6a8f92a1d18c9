/* labels.c - names and the glossary's terms in the report's language; see labels.h. */
#include "labels.h"

#include <glib.h>
#include <stdarg.h>
#include <string.h>

struct tna_labels {
    const tna_model *model;
    tna_language language;
    GStringChunk *strings;
    size_t answered; /* authorities with respondents; n_authorities until told otherwise */
};

tna_labels *tna_labels_new(const tna_model *model, tna_language language)
{
    tna_labels *l = g_new0(tna_labels, 1);
    l->model = model;
    l->language = language;
    l->strings = g_string_chunk_new(4096);
    l->answered = model->n_authorities;
    return l;
}

void tna_labels_free(tna_labels *l)
{
    if (l == NULL)
        return;
    g_string_chunk_free(l->strings);
    g_free(l);
}

const char *tna_label_pair(tna_labels *l, const char *en, const char *cy)
{
    if (en == NULL)
        en = "";
    bool has_cy = cy != NULL && cy[0] != '\0';
    switch (l->language) {
    case TNA_LANG_CY: return has_cy ? cy : en;
    case TNA_LANG_BOTH:
        if (!has_cy || strcmp(en, cy) == 0)
            return en;
        bool en_first = l->model->language_order == TNA_ORDER_EN_FIRST;
        char *both = g_strdup_printf("%s / %s", en_first ? en : cy, en_first ? cy : en);
        const char *kept = g_string_chunk_insert_const(l->strings, both);
        g_free(both);
        return kept;
    case TNA_LANG_EN: break;
    }
    return en;
}

const char *tna_label_pair_made(tna_labels *l, char *en, char *cy)
{
    const char *kept = tna_label_pair(l, en ? g_string_chunk_insert_const(l->strings, en) : NULL,
                                      cy ? g_string_chunk_insert_const(l->strings, cy) : NULL);
    g_free(en);
    g_free(cy);
    return kept;
}

tna_language tna_label_first_language(const tna_labels *l)
{
    if (l->language != TNA_LANG_BOTH)
        return l->language;
    return l->model->language_order == TNA_ORDER_EN_FIRST ? TNA_LANG_EN : TNA_LANG_CY;
}

const char *tna_term_in(tna_term term, tna_language language)
{
    if ((unsigned)term >= TNA_TERM_COUNT)
        return "";
    return language == TNA_LANG_CY ? tna_glossary[term].cy : tna_glossary[term].en;
}

const char *tna_label_term(tna_labels *l, tna_term term)
{
    return tna_label_pair(l, tna_term_in(term, TNA_LANG_EN), tna_term_in(term, TNA_LANG_CY));
}

static char *sentence(const char *s)
{
    if (*s == '\0')
        return g_strdup(s);
    char first[8] = {0};
    g_unichar_to_utf8(g_unichar_toupper(g_utf8_get_char(s)), first);
    return g_strconcat(first, g_utf8_next_char(s), ".", NULL);
}

const char *tna_label_term_sentence(tna_labels *l, tna_term term)
{
    return tna_label_pair_made(l, sentence(tna_term_in(term, TNA_LANG_EN)),
                               sentence(tna_term_in(term, TNA_LANG_CY)));
}

const char *tna_label_format(tna_labels *l, tna_term term, ...)
{
    va_list ap, again;
    va_start(ap, term);
    va_copy(again, ap);
    char *en = g_strdup_vprintf(tna_term_in(term, TNA_LANG_EN), ap);
    char *cy = g_strdup_vprintf(tna_term_in(term, TNA_LANG_CY), again);
    va_end(again);
    va_end(ap);
    return tna_label_pair_made(l, en, cy);
}

const char *tna_label_title(tna_labels *l)
{
    const tna_model *m = l->model;
    if (m->title == NULL || m->title[0] == '\0')
        return tna_label_term(l, TERM_TRAINING_NEEDS_ANALYSIS);
    return tna_label_pair(l, m->title, m->title_cy);
}

const char *tna_label_expectation(tna_labels *l, uint32_t i)
{
    const tna_expectation *x = &l->model->expectations[i];
    return tna_label_pair(l, x->title && x->title[0] ? x->title : x->id, x->title_cy);
}

const char *tna_label_mentor_rule(tna_labels *l)
{
    const tna_mentor_rule *rule = &l->model->mentors;
    static const tna_term rater[] = {[TNA_RATER_MANAGER_FIRST] = TERM_MENTORS_RATER_MANAGER_FIRST,
                                     [TNA_RATER_LATEST] = TERM_MENTORS_RATER_LATEST,
                                     [TNA_RATER_SELF_ONLY] = TERM_MENTORS_RATER_SELF_ONLY};
    char share[32]; /* as the configuration has it: 0.5 is "50%" */
    g_snprintf(share, sizeof share, "%g%%", rule->min_share * 100);
    char *text[2];
    for (int k = 0; k < 2; k++) {
        tna_language lang = k ? TNA_LANG_CY : TNA_LANG_EN;
        char *level = rule->min_level > 0
                          ? (TNA_TERM_CHECK(TERM_MENTORS_LEVEL_N, rule->min_level),
                             g_strdup_printf(tna_term_in(TERM_MENTORS_LEVEL_N, lang), rule->min_level))
                          : g_strdup(tna_term_in(TERM_MENTORS_LEVEL_TOP, lang));
        char *of = rule->min_share < 1
                       ? (TNA_TERM_CHECK(TERM_MENTORS_SHARE_PART, share),
                          g_strdup_printf(tna_term_in(TERM_MENTORS_SHARE_PART, lang), share))
                       : g_strdup(tna_term_in(TERM_MENTORS_SHARE_ALL, lang));
        TNA_TERM_CHECK(TERM_MENTORS_RULE, level, of, "");
        text[k] = g_strdup_printf(tna_term_in(TERM_MENTORS_RULE, lang), level, of,
                                  tna_term_in(rater[l->model->rater_policy], lang));
        g_free(level), g_free(of);
    }
    return tna_label_pair_made(l, text[0], text[1]);
}

const char *tna_label_authority(tna_labels *l, uint32_t i)
{
    if (i == TNA_NONE)
        return tna_label_wales(l);
    return tna_label_pair(l, l->model->authorities[i].name, l->model->authorities[i].name_cy);
}

const char *tna_label_region(tna_labels *l, uint32_t i)
{
    if (i == TNA_NONE)
        return tna_label_wales(l);
    return tna_label_pair(l, l->model->regions[i].name, l->model->regions[i].name_cy);
}

const char *tna_label_role(tna_labels *l, uint32_t i)
{
    if (i == TNA_NONE)
        return tna_label_term(l, TERM_ALL_ROLES);
    return tna_label_pair(l, l->model->roles[i].name, l->model->roles[i].name_cy);
}

const char *tna_label_framework(tna_labels *l, uint32_t i)
{
    if (i == TNA_NONE)
        return tna_label_term(l, TERM_ALL_FRAMEWORKS);
    return tna_label_pair(l, l->model->frameworks[i].name, l->model->frameworks[i].name_cy);
}

const char *tna_label_topic(tna_labels *l, uint32_t i)
{
    if (i == TNA_NONE)
        return tna_label_term(l, TERM_ALL_TOPICS);
    return tna_label_pair(l, l->model->topics[i].name, l->model->topics[i].name_cy);
}

const char *tna_label_skill(tna_labels *l, uint32_t i)
{
    if (i == TNA_NONE)
        return tna_label_term(l, TERM_ALL_SKILLS);
    return tna_label_pair(l, l->model->skills[i].name, l->model->skills[i].name_cy);
}

const char *tna_label_barrier(tna_labels *l, uint32_t i)
{
    if (i >= l->model->n_barriers)
        return "";
    return tna_label_pair(l, l->model->barriers[i].name, l->model->barriers[i].name_cy);
}

const char *tna_label_level(tna_labels *l, uint32_t framework, int level)
{
    const tna_scale *sc = &l->model->frameworks[framework].scale;
    for (size_t i = 0; i < sc->n_levels; i++)
        if (sc->levels[i].level == level)
            return tna_label_pair(l, sc->levels[i].label, sc->levels[i].label_cy);
    return "";
}

tna_term tna_note_term(tna_note note)
{
    switch (note) {
    case TNA_NOTE_TOO_FEW:
        return TERM_NOTE_TOO_FEW;
    case TNA_NOTE_PROTECTED:
        return TERM_NOTE_PROTECTED;
    case TNA_NOTE_NO_PAIRS:
        return TERM_NOTE_NO_PAIRS;
    case TNA_NOTE_NO_FIRST:
        return TERM_NOTE_NO_FIRST;
    case TNA_NOTE_NO_EVALUATIONS:
        return TERM_NOTE_NO_EVALUATIONS;
    case TNA_NOTE_NO_BOTH:
        return TERM_NOTE_NO_BOTH;
    case TNA_NOTE_NEEDS_TWO:
        return TERM_NOTE_NEEDS_TWO;
    case TNA_NOTE_NEEDS_BOTH:
        return TERM_NOTE_NEEDS_BOTH;
    case TNA_NOTE_BASELINE_HIDDEN:
        return TERM_NOTE_BASELINE_HIDDEN;
    case TNA_NOTE_BASELINE_NONE:
        return TERM_NOTE_BASELINE_NONE;
    case TNA_NOTE_BASELINE_SET:
        return TERM_NOTE_BASELINE_SET;
    case TNA_NOTE_NOT_YET_SHOWN:
        return TERM_NOTE_NOT_YET_SHOWN;
    case TNA_NOTE_LEVEL4_FEW:
        return TERM_NOTE_LEVEL4_FEW;
    case TNA_NOTE_NONE:
    case TNA_NOTE_COUNT:
        break;
    }
    return TNA_TERM_COUNT; /* tna_term_in gives "" */
}

tna_term tna_text_kind_term(tna_text_kind kind)
{
    static const tna_term terms[TNA_TEXT_KIND_COUNT] = {
        [TNA_TEXT_TITLE] = TERM_TITLE,         [TNA_TEXT_EXPECTATION] = TERM_EXPECTATION,
        [TNA_TEXT_FRAMEWORK] = TERM_FRAMEWORK, [TNA_TEXT_TOPIC] = TERM_TOPIC,
        [TNA_TEXT_SKILL] = TERM_SKILL,         [TNA_TEXT_LEVEL] = TERM_LEVEL,
        [TNA_TEXT_ROLE] = TERM_ROLE,           [TNA_TEXT_REGION] = TERM_REGION,
        [TNA_TEXT_AUTHORITY] = TERM_AUTHORITY, [TNA_TEXT_BARRIER] = TERM_BARRIER,
    };
    return (unsigned)kind < TNA_TEXT_KIND_COUNT ? terms[kind] : TNA_TERM_COUNT;
}

const char *tna_label_suppressed(tna_labels *l, int min_group_size)
{
    return tna_label_termf(l, TERM_FEWER_THAN_N, min_group_size);
}

const char *tna_label_hidden(tna_labels *l, tna_hidden why, int min_group_size)
{
    switch (why) {
    case TNA_SUPPRESSED:
        return tna_label_suppressed(l, min_group_size);
    case TNA_PROTECTED:
        return tna_label_term(l, TERM_MARKER_PROTECTED);
    case TNA_SHOWN:
        break;
    }
    return "";
}

void tna_labels_set_answered(tna_labels *l, size_t answered)
{
    l->answered = answered;
}

const char *tna_label_wales(tna_labels *l)
{
    if (l->answered < l->model->n_authorities)
        return tna_label_termf(l, TERM_N_OF_M_COUNCILS, l->answered, l->model->n_authorities);
    return tna_label_term(l, TERM_ALL_WALES);
}

const char *tna_label_wales_lower(tna_labels *l)
{
    if (l->answered < l->model->n_authorities)
        return tna_label_wales(l);
    return tna_label_term(l, TERM_ALL_WALES_LOWER);
}
