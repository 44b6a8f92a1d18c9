/*
 * answers_load.c - `answers:`, the export's own wording, at the top of the analysis file
 * (every source) or in a source (that source only, looked up first):
 *
 *   answers:
 *     authority: {FCC: flintshire, "CBS Conwy": conwy}
 *     level: {"Ddim yn siŵr": missing, "Da iawn": 3}
 *     trained: {"Do / Yes": yes}
 *
 * Each meaning is resolved here, once, the way tna_answer_match() reads built-in answers:
 * authorities, roles and barriers by id, name or alias; levels by number or label (the same
 * level in every framework that has the label, and on every framework's scale); yes/no,
 * language and rater by their built-in words; `missing` for any field. An answer listed
 * twice for one field is an error, as is a meaning that names nothing.
 */
#include <stdio.h>
#include <string.h>

#include "config_internal.h"
#include "tna/answers.h"
#include "tna/text.h"

void tna_cfg_answer_tables_free(gpointer p)
{
    tna_cfg_answer_tables *t = p;
    if (t == NULL)
        return;
    for (int f = 0; f < TNA_FIELD_COUNT; f++)
        if (t->field[f] != NULL)
            g_hash_table_unref(t->field[f]);
    g_free(t);
}

static const tna_field answer_fields[] = {
    TNA_FIELD_AUTHORITY, TNA_FIELD_ROLE,         TNA_FIELD_LEVEL,
    TNA_FIELD_TRAINED,   TNA_FIELD_APPLIED,      TNA_FIELD_BARRIERS,
    TNA_FIELD_RATER,     TNA_FIELD_SATISFACTION, TNA_FIELD_LANGUAGE_PREFERENCE};

static const char *field_words(tna_field f)
{
    switch (f) {
    case TNA_FIELD_AUTHORITY:
        return "an authority id or name";
    case TNA_FIELD_ROLE:
        return "a role id or name";
    case TNA_FIELD_BARRIERS:
        return "a barrier id or name";
    case TNA_FIELD_LEVEL:
        return "a level number or label";
    case TNA_FIELD_TRAINED:
    case TNA_FIELD_APPLIED:
        return "yes or no";
    case TNA_FIELD_LANGUAGE_PREFERENCE:
        return "welsh, english or either";
    case TNA_FIELD_RATER:
        return "self or manager";
    case TNA_FIELD_SATISFACTION:
        return "1 to 5";
    default:
        return "a meaning";
    }
}

/* The level meant by `key` in every framework: a number on every scale, or a label naming
 * the same level wherever it is a label. TNA_ANSWER_UNKNOWN when it is neither. */
static int level_meaning(cfg *c, const char *text, const char *key)
{
    int found = TNA_ANSWER_UNKNOWN;
    bool number = text[0] != '\0' && strspn(text, "0123456789") == strlen(text);
    for (guint f = 0; f < c->frameworks->len; f++) {
        int v = tna_model_find_level(c->m, f, key);
        const tna_framework *fw = &g_array_index(c->frameworks, tna_framework, f);
        if (number && v < 0)
            return TNA_ANSWER_UNKNOWN; /* not on this framework's scale */
        if (v == TNA_ANSWER_UNKNOWN || (number && v > fw->scale.max))
            continue;
        if (found != TNA_ANSWER_UNKNOWN && found != v)
            return TNA_ANSWER_UNKNOWN;
        found = v;
    }
    return found;
}

static int index_or_unknown(uint32_t i)
{
    return i == TNA_NONE ? TNA_ANSWER_UNKNOWN : (int)i;
}

/* What `value` means for field f, or TNA_ANSWER_UNKNOWN after a problem was recorded. */
static int meaning(cfg *c, tna_field f, const yt_node *value)
{
    const char *text;
    if (!tna_cfg_scalar_str(c, value, tna_field_names[f], true, &text))
        return TNA_ANSWER_UNKNOWN;
    if (g_ascii_strcasecmp(text, "missing") == 0)
        return TNA_ANSWER_MISSING;
    const char *key = tna_cfg_key(c, text);
    int v;
    char hint[128] = "";
    switch (f) {
    case TNA_FIELD_AUTHORITY:
        v = index_or_unknown(tna_lookup_index(c->lk->authority, key));
        if (v < 0)
            tna_cfg_unknown_hint(c, CFG_AUTHORITY, text, hint, sizeof hint);
        break;
    case TNA_FIELD_ROLE:
        v = index_or_unknown(tna_lookup_index(c->lk->role, key));
        if (v < 0)
            tna_cfg_unknown_hint(c, CFG_ROLE, text, hint, sizeof hint);
        break;
    case TNA_FIELD_BARRIERS:
        v = index_or_unknown(tna_lookup_index(c->lk->barrier, key));
        if (v < 0)
            tna_cfg_unknown_hint(c, CFG_BARRIER, text, hint, sizeof hint);
        break;
    case TNA_FIELD_LEVEL:
        v = level_meaning(c, text, key);
        break;
    default: /* yes/no, language, rater, satisfaction: their built-in words */
        v = tna_answer_match_key(c->m, TNA_NONE, f, 0, key);
        if (v == TNA_ANSWER_MISSING)
            v = TNA_ANSWER_UNKNOWN;
        break;
    }
    if (v == TNA_ANSWER_UNKNOWN) {
        tna_cfg_fail(c, value, "'%s' is not %s%s", text, field_words(f), hint);
        return TNA_ANSWER_UNKNOWN;
    }
    return v;
}

static bool load_field(cfg *c, tna_cfg_answer_tables *t, tna_field f, const yt_node *map)
{
    char subject[64];
    snprintf(subject, sizeof subject, "'answers: %s'", tna_field_names[f]);
    if (!tna_cfg_expect_map(c, map, subject))
        return false;
    if (t->field[f] == NULL)
        t->field[f] = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTable *where = g_hash_table_new(g_str_hash, g_str_equal); /* key -> answer node */
    bool ok = true;
    for (size_t i = 0; i < map->n_items; i += 2) {
        const yt_node *k = map->items[i], *v = map->items[i + 1];
        if (tna_text_blank(k->text, k->len) || strlen(k->text) != k->len) {
            ok = tna_cfg_fail(c, k, "an answer in %s must not be blank", subject);
            continue;
        }
        const char *key = tna_cfg_key(c, k->text);
        const yt_node *first = g_hash_table_lookup(where, key);
        if (first != NULL) {
            ok = tna_cfg_fail(c, k, "answer '%s' is listed twice (first at line %ld)", k->text,
                          first->line);
            continue;
        }
        g_hash_table_insert(where, (gpointer)key, (gpointer)k);
        int value = meaning(c, f, v);
        if (value == TNA_ANSWER_UNKNOWN) {
            ok = false;
            continue;
        }
        g_hash_table_insert(t->field[f], (gpointer)key, LK_LEVEL(value));
    }
    g_hash_table_destroy(where);
    return ok;
}

bool tna_cfg_load_answers(cfg *c, const yt_node *answers, size_t scope)
{
    const char *known[G_N_ELEMENTS(answer_fields) + 1];
    for (size_t i = 0; i < G_N_ELEMENTS(answer_fields); i++)
        known[i] = tna_field_names[answer_fields[i]];
    known[G_N_ELEMENTS(answer_fields)] = NULL;
    if (!tna_cfg_expect_map(c, answers, "'answers'"))
        return false;
    bool ok = tna_cfg_check_keys(c, answers, known);
    GPtrArray *all = c->lk->answers;
    while (all->len <= scope)
        g_ptr_array_add(all, NULL);
    tna_cfg_answer_tables *t = g_ptr_array_index(all, scope);
    if (t == NULL) {
        t = g_new0(tna_cfg_answer_tables, 1);
        g_ptr_array_index(all, scope) = t;
    }
    for (size_t i = 0; i < answers->n_items; i += 2) {
        const yt_node *k = answers->items[i], *v = answers->items[i + 1];
        for (size_t j = 0; j < G_N_ELEMENTS(answer_fields); j++)
            if (strcmp(k->text, tna_field_names[answer_fields[j]]) == 0 && !tna_yt_is_null(v))
                ok &= load_field(c, t, answer_fields[j], v);
    }
    return ok;
}
