/*
 * answers.c - tna_answer_match(): what an answer means (see include/tna/answers.h).
 *
 * The built-in words are matching keys (case-folded, spaces folded), English and Welsh. The
 * `answers:` tables of the run and of each source were filled by the loader (answers_load.c)
 * with values already resolved, so a match is a hash look-up or two.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_internal.h"
#include "tna/answers.h"
#include "tna/text.h"

static const char *const yes_words[] = {"yes", "y",  "true", "1",    "do", "ydw",
                                        "ydy", "ie", "oes",  "wedi", NULL};
static const char *const no_words[] = {"no",      "n",       "false",   "0",   "naddo", "na",
                                       "nac ydw", "nac ydy", "nac oes", "nid", NULL};
static const char *const welsh_words[] = {"welsh",    "cymraeg",    "welsh-medium", "welsh medium",
                                          "in welsh", "yn gymraeg", "cy",           NULL};
static const char *const english_words[] = {
    "english", "saesneg", "english-medium", "english medium", "in english", "yn saesneg",
    "en",      NULL};
static const char *const either_words[] = {"either",
                                           "both",
                                           "no preference",
                                           "dim ffafriaeth",
                                           "dim ots",
                                           "y naill neu'r llall",
                                           "unrhyw un",
                                           "bilingual",
                                           "dwyieithog",
                                           "welsh or english",
                                           "cymraeg neu saesneg",
                                           NULL};
static const char *const self_words[] = {
    "self",         "self assessment", "self-assessment", "hunan",
    "hunanasesiad", "staff",           "employee",        NULL};
static const char *const manager_words[] = {"manager",         "line manager", "rheolwr",
                                            "rheolwr llinell", "supervisor",   NULL};
static const char *const satisfaction_words[5][5] = {
    {"very dissatisfied", "very poor", "anfodlon iawn", "gwael iawn", NULL},
    {"dissatisfied", "poor", "anfodlon", "gwael", NULL},
    {"neutral", "neither satisfied nor dissatisfied", "niwtral", "canolig", NULL},
    {"satisfied", "good", "bodlon", "da", NULL},
    {"very satisfied", "excellent", "bodlon iawn", "ardderchog", NULL}};
/* ... and LimeSurvey's code for its Other choice, "-oth-", which an export with answer codes
 * writes in the question's own column */
static const char *const other_words[] = {"other",
                                          "other (please specify)",
                                          "other:",
                                          "other (specify)",
                                          "other - please specify",
                                          "arall",
                                          "arall (nodwch)",
                                          "arall (rhowch fanylion)",
                                          "-oth-",
                                          NULL};

static bool key_in(const char *key, const char *const *words)
{
    for (; *words; words++)
        if (strcmp(key, *words) == 0)
            return true;
    return false;
}

/* "Other", or "Arall (nodwch) / Other (please specify)": every side of a bilingual label. */
bool tna_answer_is_other(const char *key)
{
    if (key == NULL || key[0] == '\0')
        return false;
    if (key_in(key, other_words))
        return true;
    if (strstr(key, " / ") == NULL)
        return false;
    char **sides = g_strsplit(key, " / ", -1);
    bool all = true;
    for (char **s = sides; *s && all; s++)
        all = key_in(g_strstrip(*s), other_words);
    g_strfreev(sides);
    return all;
}

static bool is_level_field(tna_field f)
{
    return f == TNA_FIELD_LEVEL || f == TNA_FIELD_BEFORE || f == TNA_FIELD_AFTER;
}

/* The `answers:` value of key for field in one scope, or TNA_ANSWER_UNKNOWN. */
static int from_table(const tna_lookup *lk, size_t scope, tna_field field, const char *key)
{
    if (lk->answers == NULL || scope >= lk->answers->len)
        return TNA_ANSWER_UNKNOWN;
    const tna_cfg_answer_tables *t = g_ptr_array_index(lk->answers, scope);
    tna_field f = is_level_field(field) ? TNA_FIELD_LEVEL : field;
    if (t == NULL || t->field[f] == NULL)
        return TNA_ANSWER_UNKNOWN;
    gpointer v = g_hash_table_lookup(t->field[f], key);
    return v == NULL ? TNA_ANSWER_UNKNOWN : GPOINTER_TO_INT(v) - 3;
}

static int builtin(const tna_model *m, tna_field field, uint32_t framework, const char *key)
{
    const tna_lookup *lk = m->lookup;
    uint32_t i;
    switch (field) {
    case TNA_FIELD_AUTHORITY:
        i = tna_model_find_authority(m, key);
        return i == TNA_NONE ? TNA_ANSWER_UNKNOWN : (int)i;
    case TNA_FIELD_ROLE:
        i = tna_model_find_role(m, key);
        return i == TNA_NONE ? TNA_ANSWER_UNKNOWN : (int)i;
    case TNA_FIELD_BARRIERS:
        i = lk ? tna_lookup_index(lk->barrier, key) : TNA_NONE;
        return i == TNA_NONE ? TNA_ANSWER_UNKNOWN : (int)i;
    case TNA_FIELD_LEVEL:
    case TNA_FIELD_BEFORE:
    case TNA_FIELD_AFTER:
        return tna_model_find_level(m, framework, key);
    case TNA_FIELD_TRAINED:
    case TNA_FIELD_APPLIED:
        return key_in(key, yes_words)  ? TNA_YES
               : key_in(key, no_words) ? TNA_NO
                                       : TNA_ANSWER_UNKNOWN;
    case TNA_FIELD_LANGUAGE_PREFERENCE:
        return key_in(key, welsh_words)     ? TNA_MEDIUM_WELSH
               : key_in(key, english_words) ? TNA_MEDIUM_ENGLISH
               : key_in(key, either_words)  ? TNA_MEDIUM_EITHER
                                            : TNA_ANSWER_UNKNOWN;
    case TNA_FIELD_RATER:
        return key_in(key, self_words)      ? TNA_RATER_SELF
               : key_in(key, manager_words) ? TNA_RATER_MANAGER
                                            : TNA_ANSWER_UNKNOWN;
    case TNA_FIELD_SATISFACTION:
        if (key[0] >= '1' && key[0] <= '5' && key[1] == '\0')
            return key[0] - '0';
        for (int v = 0; v < 5; v++)
            if (key_in(key, satisfaction_words[v]))
                return v + 1;
        return TNA_ANSWER_UNKNOWN;
    default:
        return TNA_ANSWER_UNKNOWN;
    }
}

int tna_answer_match_key(const tna_model *m, uint32_t source, tna_field field, uint32_t framework,
                         const char *key)
{
    if (m == NULL || key == NULL)
        return TNA_ANSWER_UNKNOWN;
    if (key[0] == '\0')
        return TNA_ANSWER_MISSING;
    const tna_lookup *lk = m->lookup;
    int v = TNA_ANSWER_UNKNOWN;
    if (lk != NULL && source != TNA_NONE)
        v = from_table(lk, (size_t)source + 1, field, key);
    if (v == TNA_ANSWER_UNKNOWN && lk != NULL)
        v = from_table(lk, 0, field, key);
    if (v == TNA_ANSWER_UNKNOWN)
        v = builtin(m, field, framework, key);
    return v;
}

static bool has_letter(const char *s)
{
    for (; *s; s = g_utf8_next_char(s))
        if (g_unichar_isalpha(g_utf8_get_char(s)))
            return true;
    return false;
}

/* Step 2: "Cymraeg / Welsh", each side alone; the sides that match must agree. A side is
 * words: "4/12/26" is a date, not the levels 4 and 12. */
static int bilingual(const tna_model *m, uint32_t source, tna_field field, uint32_t framework,
                     const char *key)
{
    if (strchr(key, '/') == NULL)
        return TNA_ANSWER_UNKNOWN;
    char **sides = g_strsplit(key, "/", -1);
    int agreed = TNA_ANSWER_UNKNOWN;
    bool clash = false;
    for (char **s = sides; *s && !clash; s++) {
        char *side = g_strstrip(*s);
        if (!has_letter(side))
            continue;
        int v = tna_answer_match_key(m, source, field, framework, side);
        if (v == TNA_ANSWER_UNKNOWN)
            continue;
        if (agreed == TNA_ANSWER_UNKNOWN)
            agreed = v;
        else if (v != agreed)
            clash = true;
    }
    g_strfreev(sides);
    return clash ? TNA_ANSWER_UNKNOWN : agreed;
}

/* Step 3: "3 - Practitioner", "3. Practitioner", "Practitioner (3)". */
static int numbered(const tna_model *m, uint32_t source, tna_field field, uint32_t framework,
                    const char *key)
{
    const char *p = key;
    long n = -1;
    const char *label = NULL;
    char *owned = NULL;
    if (g_ascii_isdigit(*p)) {
        char *end;
        n = strtol(p, &end, 10);
        while (*end == ' ')
            end++;
        /* a separator, then a label that does not start with a digit ("3.5" is no level) */
        if (end - p > 4)
            return TNA_ANSWER_UNKNOWN;
        if (strncmp(end, "\xE2\x80\x93", 3) == 0 || strncmp(end, "\xE2\x80\x94", 3) == 0)
            end += 3; /* en and em dash */
        else if (*end != '\0' && strchr("-.:)", *end) != NULL)
            end++;
        else
            return TNA_ANSWER_UNKNOWN;
        while (*end == ' ')
            end++;
        if (*end == '\0' || g_ascii_isdigit(*end))
            return TNA_ANSWER_UNKNOWN;
        label = end;
    } else {
        size_t len = strlen(p);
        if (len < 4 || p[len - 1] != ')')
            return TNA_ANSWER_UNKNOWN;
        const char *open = strrchr(p, '(');
        if (open == NULL || open == p || !g_ascii_isdigit(open[1]))
            return TNA_ANSWER_UNKNOWN;
        char *end;
        n = strtol(open + 1, &end, 10);
        if (*end != ')' || end - open > 4)
            return TNA_ANSWER_UNKNOWN;
        owned = g_strndup(p, (gsize)(open - p));
        label = g_strstrip(owned);
    }
    char num[16];
    snprintf(num, sizeof num, "%ld", n);
    int v = tna_answer_match_key(m, source, field, framework, num);
    if (v >= 0 && v == n) {
        int said = tna_answer_match_key(m, source, field, framework, label);
        if (said == TNA_ANSWER_UNKNOWN)
            said = bilingual(m, source, field, framework, label);
        if (said != TNA_ANSWER_UNKNOWN && said != v)
            v = TNA_ANSWER_UNKNOWN; /* the label contradicts the number */
    } else {
        v = TNA_ANSWER_UNKNOWN;
    }
    g_free(owned);
    return v;
}

int tna_answer_match(const tna_model *m, uint32_t source, tna_field field, uint32_t framework,
                     const char *text)
{
    char *key = tna_text_key(text, -1);
    if (key == NULL)
        return TNA_ANSWER_UNKNOWN;
    int v = tna_answer_match_key(m, source, field, framework, key);
    if (v == TNA_ANSWER_UNKNOWN)
        v = bilingual(m, source, field, framework, key);
    if (v == TNA_ANSWER_UNKNOWN && (is_level_field(field) || field == TNA_FIELD_SATISFACTION))
        v = numbered(m, source, field, framework, key);
    g_free(key);
    return v;
}
