/*
 * unmatched.c - the answers of an export that match nothing tna knows, for the commented
 * `answers:` block of a drafted configuration, each with how often it was given and the
 * nearest reference value.
 *
 * Looked at: the authority, role, trained and language columns (a choice question's "Other"
 * column too, but not the cells that only say "Other"), every rating column's answers (as
 * levels), and the barriers question: the option each column stands for when it has a column
 * per option, or the options of one cell, split at the separator, when chosen at least twice
 * (once is what someone typed for "Other", which counts as other anyway).
 *
 * An answer is matched as ingest will match it (answers.h: names, aliases, bilingual
 * "A / B" labels, "3 - Practitioner"). The nearest value is the reference name, alias or
 * word most alike (skillmatch.c's similarity); for levels, answers like "Not sure" are
 * nearest to `missing`, so that they are never suggested as a level.
 */
#include <string.h>

#include "init_internal.h"
#include "tna/answers.h"
#include "tna/presets.h"
#include "tna/text.h"

#define PER_FIELD_MAX 40 /* answers listed per field; the rest are counted */

typedef struct candidate {
    const char *text;  /* a name, alias or word */
    const char *value; /* what `answers:` writes for it */
    const char *name;  /* what the comment calls it */
} candidate;

/* Words that only suggest a meaning (the matcher's own are in answers.c). */
static const candidate yes_no[] = {
    {"yes", "yes", "Yes"},   {"no", "no", "No"},      {"do", "yes", "Yes"},   {"naddo", "no", "No"},
    {"ydw", "yes", "Yes"},   {"nac ydw", "no", "No"}, {"true", "yes", "Yes"}, {"false", "no", "No"},
    {"not yet", "no", "No"}, {NULL, NULL, NULL}};
static const candidate languages[] = {{"welsh", "welsh", "Welsh"},
                                      {"cymraeg", "welsh", "Welsh"},
                                      {"english", "english", "English"},
                                      {"saesneg", "english", "English"},
                                      {"no preference", "either", "either"},
                                      {"dim ffafriaeth", "either", "either"},
                                      {"bilingual", "either", "either"},
                                      {"dwyieithog", "either", "either"},
                                      {NULL, NULL, NULL}};
static const candidate not_levels[] = {
    {"not sure", "missing", "missing"},       {"unsure", "missing", "missing"},
    {"don't know", "missing", "missing"},     {"n/a", "missing", "missing"},
    {"not applicable", "missing", "missing"}, {"ddim yn siŵr", "missing", "missing"},
    {"ddim yn gwybod", "missing", "missing"}, {NULL, NULL, NULL}};

/* Every reference value of a field as a candidate for "nearest": its key and words worked
 * out once per export, as every unmatched answer is compared with all of them. */
typedef struct known {
    char *key;
    GPtrArray *words;
    const char *value, *name;
} known;

static void known_clear(gpointer p)
{
    known *k = p;
    g_free(k->key);
    if (k->words)
        g_ptr_array_unref(k->words);
}

static void know(GArray *list, const char *text, const char *value, const char *name)
{
    char *key = text ? tna_text_key(text, -1) : NULL;
    if (key == NULL)
        return;
    known k = {key, tna_init_words(key), value, name};
    g_array_append_val(list, k);
}

static void know_list(GArray *list, const candidate *c)
{
    for (; c->text; c++)
        know(list, c->text, c->value, c->name);
}

static GArray *knowns_of(const tna_model *m, tna_field field)
{
    GArray *list = g_array_new(FALSE, TRUE, sizeof(known));
    g_array_set_clear_func(list, known_clear);
    switch (field) {
    case TNA_FIELD_AUTHORITY:
        for (size_t i = 0; i < m->n_authorities; i++) {
            const tna_authority *a = &m->authorities[i];
            know(list, a->name, a->id, a->name);
            know(list, a->name_cy, a->id, a->name);
            know(list, a->id, a->id, a->name);
            for (size_t j = 0; j < a->n_aliases; j++)
                know(list, a->aliases[j], a->id, a->name);
        }
        break;
    case TNA_FIELD_ROLE:
        for (size_t i = 0; i < m->n_roles; i++) {
            const tna_role *r = &m->roles[i];
            know(list, r->name, r->id, r->name);
            know(list, r->name_cy, r->id, r->name);
            know(list, r->id, r->id, r->name);
            for (size_t j = 0; j < r->n_aliases; j++)
                know(list, r->aliases[j], r->id, r->name);
        }
        break;
    case TNA_FIELD_BARRIERS:
        for (size_t i = 0; i < m->n_barriers; i++) {
            const tna_barrier *b = &m->barriers[i];
            know(list, b->name, b->id, b->name);
            know(list, b->name_cy, b->id, b->name);
            for (size_t j = 0; j < b->n_aliases; j++)
                know(list, b->aliases[j], b->id, b->name);
        }
        break;
    case TNA_FIELD_LEVEL:
        if (m->n_frameworks > 0) {
            const tna_scale *sc = &m->frameworks[0].scale;
            for (size_t i = 0; i < sc->n_levels; i++) {
                const tna_level *l = &sc->levels[i];
                know(list, l->label, l->label, l->label);
                know(list, l->label_cy, l->label, l->label);
                for (size_t j = 0; j < l->n_aliases; j++)
                    know(list, l->aliases[j], l->label, l->label);
            }
            for (size_t i = 0; i < sc->n_missing; i++)
                know(list, sc->missing[i], "missing", "missing");
        }
        know_list(list, not_levels);
        break;
    case TNA_FIELD_TRAINED:
        know_list(list, yes_no);
        break;
    case TNA_FIELD_LANGUAGE_PREFERENCE:
        know_list(list, languages);
        break;
    default:
        break;
    }
    return list;
}

/* The most alike of the field's reference values, or NULL. */
static const known *nearest(const GArray *list, const char *key)
{
    GPtrArray *words = tna_init_words(key);
    const known *best = NULL;
    double score = 0;
    for (guint i = 0; i < list->len; i++) {
        const known *k = &g_array_index(list, known, i);
        double s = tna_init_alike(key, words, k->key, k->words, score);
        if (best == NULL || s > score)
            best = k, score = s;
    }
    g_ptr_array_unref(words);
    return best;
}

/* ---- collecting ------------------------------------------------------------------------------ */

typedef struct collected {
    GHashTable *by_key;              /* field:key -> index into list + 1 */
    GArray *list;                    /* tna_init_answer */
    GArray *knowns[TNA_FIELD_COUNT]; /* known, made when first needed */
} collected;

static void add(tna_init_scan *scan, collected *c, tna_field field, const char *text, long n)
{
    char *key = tna_text_key(text, -1);
    if (key == NULL || key[0] == '\0') {
        g_free(key);
        return;
    }
    char *id = g_strdup_printf("%d:%s", (int)field, key);
    gpointer at = g_hash_table_lookup(c->by_key, id);
    if (at != NULL) {
        g_array_index(c->list, tna_init_answer, GPOINTER_TO_UINT(at) - 1).count += n;
        g_free(id);
    } else {
        if (c->knowns[field] == NULL)
            c->knowns[field] = knowns_of(scan->model, field);
        const known *near = nearest(c->knowns[field], key);
        tna_init_answer a = {field, g_strdup(text), n, g_strdup(near ? near->value : NULL),
                             g_strdup(near ? near->name : NULL)};
        g_array_append_val(c->list, a);
        g_hash_table_insert(c->by_key, id, GUINT_TO_POINTER(c->list->len));
    }
    g_free(key);
}

/* Unmatched answers of the columns of one field (answers that only say "Other" left out);
 * levels on the scale of `framework`. */
static void field_answers(tna_init_scan *scan, collected *c, tna_field field, const int *cols,
                          size_t n_cols, uint32_t framework)
{
    for (size_t i = 0; i < n_cols; i++) {
        const tna_init_column *col = &scan->cols[cols[i]];
        GHashTableIter it;
        gpointer text, count;
        g_hash_table_iter_init(&it, col->counts);
        while (g_hash_table_iter_next(&it, &text, &count)) {
            char *key = tna_text_key(text, -1);
            bool other = key && tna_answer_is_other(key);
            g_free(key);
            if (other)
                continue;
            if (tna_answer_match(scan->model, TNA_NONE, field, framework, text) ==
                TNA_ANSWER_UNKNOWN)
                add(scan, c, field, text, (long)GPOINTER_TO_SIZE(count));
        }
    }
}

static const char *separator_of(const tna_init_scan *scan)
{
    return scan->exp->separator ? scan->exp->separator : scan->preset->separator;
}

/* Calls fn for every option of one cell split at sep; an option that holds the separator
 * is found by joining neighbours that together match a barrier. */
typedef void (*piece_fn)(const char *piece, bool matched, long n, void *ctx);

static void split_cell(const tna_init_scan *scan, const char *cell, const char *sep, long n,
                       piece_fn fn, void *ctx)
{
    char **pieces = g_strsplit(cell, sep, -1);
    for (int i = 0; pieces[i]; i++) {
        char *p = g_strstrip(pieces[i]);
        if (*p == '\0')
            continue;
        int v = tna_answer_match(scan->model, TNA_NONE, TNA_FIELD_BARRIERS, 0, p);
        if (v == TNA_ANSWER_UNKNOWN && pieces[i + 1] != NULL) {
            char *joined = g_strconcat(p, sep, pieces[i + 1], NULL);
            if (tna_answer_match(scan->model, TNA_NONE, TNA_FIELD_BARRIERS, 0, joined) >= 0) {
                fn(joined, true, n, ctx);
                g_free(joined);
                i++;
                continue;
            }
            g_free(joined);
        }
        fn(p, v >= 0, n, ctx);
    }
    g_strfreev(pieces);
}

static void count_matched(const char *piece, bool matched, long n, void *ctx)
{
    (void)piece;
    if (matched)
        *(long *)ctx += n;
}

long tna_init_barrier_pieces(const tna_init_scan *scan, size_t c, const char *separator)
{
    long matched = 0;
    GHashTableIter it;
    gpointer text, count;
    g_hash_table_iter_init(&it, scan->cols[c].counts);
    while (g_hash_table_iter_next(&it, &text, &count))
        split_cell(scan, text, separator, (long)GPOINTER_TO_SIZE(count), count_matched, &matched);
    return matched;
}

static void tally_unmatched(const char *piece, bool matched, long n, void *ctx)
{
    if (matched)
        return;
    GHashTable *tally = ctx;
    gpointer old = g_hash_table_lookup(tally, piece);
    g_hash_table_insert(tally, g_strdup(piece), GSIZE_TO_POINTER(GPOINTER_TO_SIZE(old) + (gsize)n));
}

static bool generic_option(const char *option)
{
    char *k = tna_text_key(option, -1);
    bool generic = k == NULL || k[0] == '\0' || strcmp(k, "response") == 0 ||
                   strcmp(k, "open-ended response") == 0 || strcmp(k, "selected choice") == 0 ||
                   tna_answer_is_other(k);
    g_free(k);
    return generic;
}

static void barrier_answers(tna_init_scan *scan, collected *c)
{
    const tna_init_field *f = &scan->exp->fields[TNA_FIELD_BARRIERS];
    if (f->n_cols == 0)
        return;
    if (scan->preset->multi == TNA_MULTI_COLUMNS && f->n_cols > 1) {
        for (size_t i = 0; i < f->n_cols; i++) {
            const char *option = tna_colnames_option(scan->names, (size_t)f->cols[i], NULL);
            if (option == NULL || generic_option(option) ||
                tna_init_is_other_column(scan, (size_t)f->cols[i]))
                continue;
            if (tna_answer_match(scan->model, TNA_NONE, TNA_FIELD_BARRIERS, 0, option) ==
                TNA_ANSWER_UNKNOWN)
                add(scan, c, TNA_FIELD_BARRIERS, option, scan->cols[f->cols[i]].non_blank);
        }
        return;
    }
    GHashTable *tally = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GHashTableIter it;
    gpointer text, count;
    g_hash_table_iter_init(&it, scan->cols[f->cols[0]].counts);
    while (g_hash_table_iter_next(&it, &text, &count))
        split_cell(scan, text, separator_of(scan), (long)GPOINTER_TO_SIZE(count), tally_unmatched,
                   tally);
    g_hash_table_iter_init(&it, tally);
    while (g_hash_table_iter_next(&it, &text, &count))
        if (GPOINTER_TO_SIZE(count) >= 2)
            add(scan, c, TNA_FIELD_BARRIERS, text, (long)GPOINTER_TO_SIZE(count));
    g_hash_table_destroy(tally);
}

static int field_order(tna_field f)
{
    static const tna_field order[] = {
        TNA_FIELD_AUTHORITY,           TNA_FIELD_ROLE,    TNA_FIELD_LEVEL, TNA_FIELD_TRAINED,
        TNA_FIELD_LANGUAGE_PREFERENCE, TNA_FIELD_BARRIERS};
    for (int i = 0; i < (int)G_N_ELEMENTS(order); i++)
        if (order[i] == f)
            return i;
    return (int)G_N_ELEMENTS(order);
}

static gint by_field_count_text(gconstpointer pa, gconstpointer pb)
{
    const tna_init_answer *a = pa, *b = pb;
    int fa = field_order(a->field), fb = field_order(b->field);
    if (fa != fb)
        return fa < fb ? -1 : 1;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return strcmp(a->text, b->text);
}

void tna_init_find_unmatched(tna_init_scan *scan)
{
    tna_init_export *exp = scan->exp;
    collected c = {g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
                   g_array_new(FALSE, TRUE, sizeof(tna_init_answer)),
                   {NULL}};
    static const tna_field simple[] = {TNA_FIELD_AUTHORITY, TNA_FIELD_ROLE, TNA_FIELD_TRAINED,
                                       TNA_FIELD_LANGUAGE_PREFERENCE};
    for (size_t i = 0; i < G_N_ELEMENTS(simple); i++) {
        const tna_init_field *f = &exp->fields[simple[i]];
        field_answers(scan, &c, simple[i], f->cols, f->n_cols, 0);
    }
    for (size_t i = 0; i < exp->n_skills; i++) {
        const tna_init_skill *k = &exp->skills[i];
        uint32_t fw = k->match.skill != TNA_NONE
                          ? scan->model->topics[scan->model->skills[k->match.skill].topic].framework
                          : 0;
        field_answers(scan, &c, TNA_FIELD_LEVEL, &k->col, 1, fw);
    }
    if (exp->format == TNA_FORMAT_LONG) {
        const tna_init_field *f = &exp->fields[TNA_FIELD_LEVEL];
        field_answers(scan, &c, TNA_FIELD_LEVEL, f->cols, f->n_cols, 0);
    }
    barrier_answers(scan, &c);
    g_array_sort(c.list, by_field_count_text);
    /* at most PER_FIELD_MAX per field */
    GArray *kept = g_array_new(FALSE, TRUE, sizeof(tna_init_answer));
    int run = 0;
    for (guint i = 0; i < c.list->len; i++) {
        tna_init_answer *a = &g_array_index(c.list, tna_init_answer, i);
        run =
            i > 0 && g_array_index(c.list, tna_init_answer, i - 1).field == a->field ? run + 1 : 0;
        if (run < PER_FIELD_MAX)
            g_array_append_val(kept, *a);
        else
            tna_init_answer_clear(a);
    }
    g_array_free(c.list, TRUE);
    g_hash_table_destroy(c.by_key);
    for (int f = 0; f < TNA_FIELD_COUNT; f++)
        if (c.knowns[f] != NULL)
            g_array_unref(c.knowns[f]);
    exp->n_answers = kept->len;
    exp->answers = (tna_init_answer *)(void *)g_array_free(kept, FALSE);
}
