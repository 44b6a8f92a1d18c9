/*
 * skillmatch.c - which skill a heading rates, by its words (tna_init_match_skill, init.h),
 * and the rating columns of an export (tna_init_find_skills).
 *
 * Survey builders shorten and reword: Qualtrics' "Plain English" for the framework's
 * "Writing in plain English", a Welsh form's "Ysgrifennu mewn Saesneg clir", a bilingual
 * "Writing in plain English / Ysgrifennu mewn Saesneg clir". So names are compared as sets
 * of content words (little words dropped, plural and -ing endings taken off, a word allowed
 * to be an abbreviation of the other or, when long, one letter off), in either language:
 *   exact  the whole text is a skill's name, Welsh name or id;
 *   short  every word of the text is in one skill's name, and in no other skill's;
 *   guess  otherwise the skill sharing the most words (Dice coefficient at least 0.5, and
 *          clearly ahead of the next): the configuration marks it "# check".
 * A column is taken as a rating column when its name matches exactly, or shortened, or as a
 * guess when its answers are levels of the scale (or it has none); a column whose answers
 * are levels but whose name matches no skill is listed for the user to place.
 */
#include <string.h>

#include "init_internal.h"
#include "tna/answers.h"
#include "tna/presets.h"
#include "tna/text.h"

#define GUESS_MIN    0.5 /* Dice coefficient of a guess */
#define GUESS_MARGIN 0.1 /* ... and how far ahead of the next skill */
#define LEVELS_SHARE 0.5 /* a rating column: at least this share of its answers are levels */

static const char *const little_words[] = {
    /* English */
    "a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "at", "by", "with", "from", "as",
    "such", "eg", "ie", "etc", "example", "including", "your", "you", "how", "what", "which", "do",
    "does", "is", "are", "be", "it", "its", "their", "them", "this", "that", "these", "into",
    "other", "using", "use", "so", "can", "about", "my", "our", "we", "me", "before", "whole",
    /* Welsh */
    "ac", "ag", "y", "yr", "r", "i", "o", "ar", "yn", "mewn", "gyda", "am", "fel", "er",
    "enghraifft", "eich", "eu", "ei", "sut", "neu", "â", "gan", "na", "chi", "ydych", "beth", "pa",
    "ym", "mha", "fy", "ein", "yw", "sy", "sydd", "hyn", "hynny", "defnyddio", NULL};

static bool little(const char *w)
{
    if (w[0] != '\0' && w[1] == '\0')
        return true; /* one letter: "e" of "e.g.", "n" of "chi'n" */
    for (const char *const *l = little_words; *l; l++)
        if (strcmp(w, *l) == 0)
            return true;
    return false;
}

static bool ends_with(const char *w, size_t len, const char *end)
{
    size_t n = strlen(end);
    return len >= n && memcmp(w + len - n, end, n) == 0;
}

/* Plural and -ing endings off: "interviews" -> "interview", "testing" -> "test",
 * "studies" -> "study"; "analysis", "access" and "status" stay. */
static char *stem(const char *w)
{
    size_t len = strlen(w);
    if (len > 5 && ends_with(w, len, "ing"))
        return g_strndup(w, len - 3);
    if (len > 4 && ends_with(w, len, "ies")) {
        char *s = g_strndup(w, len - 2);
        s[len - 3] = 'y';
        return s;
    }
    if (len > 3 && ends_with(w, len, "s") && !ends_with(w, len, "ss") && !ends_with(w, len, "us") &&
        !ends_with(w, len, "is"))
        return g_strndup(w, len - 1);
    return g_strdup(w);
}

GPtrArray *tna_init_words(const char *key)
{
    GPtrArray *words = g_ptr_array_new_with_free_func(g_free);
    if (key == NULL)
        return words;
    const char *p = key;
    while (*p) {
        while (*p && !g_unichar_isalnum(g_utf8_get_char(p)))
            p = g_utf8_next_char(p);
        const char *start = p;
        while (*p && g_unichar_isalnum(g_utf8_get_char(p)))
            p = g_utf8_next_char(p);
        if (p == start)
            break;
        char *w = g_strndup(start, (gsize)(p - start));
        if (!little(w))
            g_ptr_array_add(words, stem(w));
        g_free(w);
    }
    return words;
}

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* a and b (not equal) differ by one letter inserted, deleted or replaced: a linear check,
 * as every heading's words meet every skill's. */
static bool one_edit(const char *a, size_t la, const char *b, size_t lb)
{
    if (la > lb)
        return one_edit(b, lb, a, la);
    if (lb - la > 1)
        return false;
    size_t i = 0;
    while (i < la && a[i] == b[i])
        i++;
    /* the rest after one replacement (same length) or one insertion into a */
    return la == lb ? strcmp(a + i + 1, b + i + 1) == 0 : strcmp(a + i, b + i + 1) == 0;
}

/* The text's word a is the name's word b: equal, an abbreviation of it ("alt" of
 * "alternative"), or one letter off when both are long. */
static bool same_word(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return true;
    size_t la = strlen(a), lb = strlen(b);
    if (la >= 3 && la < lb && starts_with(b, a))
        return true;
    return la >= 6 && lb >= 6 && one_edit(a, la, b, lb);
}

/* How many of the text's words are in the name's. */
static size_t shared(const GPtrArray *text, const GPtrArray *name)
{
    size_t n = 0;
    for (guint i = 0; i < text->len; i++)
        for (guint j = 0; j < name->len; j++)
            if (same_word(g_ptr_array_index(text, i), g_ptr_array_index(name, j))) {
                n++;
                break;
            }
    return n;
}

static double dice(size_t common, size_t a, size_t b)
{
    return a + b == 0 ? 0 : 2.0 * (double)common / (double)(a + b);
}

double tna_init_alike(const char *a, const GPtrArray *wa, const char *b, const GPtrArray *wb,
                      double beat)
{
    double words = dice(MIN(shared(wa, wb), wb->len), wa->len, wb->len);
    size_t la = strlen(a), lb = strlen(b), longer = MAX(la, lb);
    double best = MAX(words, beat);
    if (longer == 0 || longer >= 200)
        return words;
    /* letters can only beat `best` within this many edits */
    int cap = (int)((1.0 - best) * (double)longer);
    int d = tna_text_distance(a, b, cap);
    double letters = d > cap ? 0 : 1.0 - (double)d / (double)longer;
    return MAX(words, letters);
}

double tna_init_similarity(const char *a, const char *b)
{
    GPtrArray *wa = tna_init_words(a), *wb = tna_init_words(b);
    double s = tna_init_alike(a, wa, b, wb, 0);
    g_ptr_array_unref(wa);
    g_ptr_array_unref(wb);
    return s;
}

/* ---- the matcher ---------------------------------------------------------------------------- */

typedef struct skill_names {
    char *keys[3];       /* name, Welsh name, id */
    GPtrArray *words[2]; /* of the name and of the Welsh name */
} skill_names;

typedef struct matcher {
    const tna_model *model;
    skill_names *skills;
} matcher;

static matcher matcher_new(const tna_model *m)
{
    matcher mt = {m, g_new0(skill_names, m->n_skills ? m->n_skills : 1)};
    for (size_t s = 0; s < m->n_skills; s++) {
        const tna_skill *k = &m->skills[s];
        skill_names *n = &mt.skills[s];
        n->keys[0] = tna_text_key(k->name ? k->name : "", -1);
        n->keys[1] = k->name_cy ? tna_text_key(k->name_cy, -1) : NULL;
        n->keys[2] = tna_text_key(k->id, -1);
        n->words[0] = tna_init_words(n->keys[0]);
        n->words[1] = tna_init_words(n->keys[1]);
    }
    return mt;
}

static void matcher_free(matcher *mt)
{
    for (size_t s = 0; s < mt->model->n_skills; s++) {
        for (int i = 0; i < 3; i++)
            g_free(mt->skills[s].keys[i]);
        for (int i = 0; i < 2; i++)
            g_ptr_array_unref(mt->skills[s].words[i]);
    }
    g_free(mt->skills);
}

static tna_skill_match no_match(void)
{
    return (tna_skill_match){TNA_NONE, TNA_SKILL_NONE, 0};
}

/* One text (one side of a bilingual one), as a matching key. */
static tna_skill_match match_side(const matcher *mt, const char *key)
{
    size_t n = mt->model->n_skills;
    for (size_t s = 0; s < n; s++)
        for (int i = 0; i < 3; i++)
            if (mt->skills[s].keys[i] && strcmp(mt->skills[s].keys[i], key) == 0)
                return (tna_skill_match){(uint32_t)s, TNA_SKILL_EXACT, 1.0};
    GPtrArray *words = tna_init_words(key);
    tna_skill_match best = no_match();
    double second = 0;
    size_t containing = 0;
    uint32_t contained = TNA_NONE;
    double contained_score = 0;
    for (size_t s = 0; s < n && words->len > 0; s++) {
        double score = 0;
        bool all = false;
        for (int i = 0; i < 2; i++) {
            const GPtrArray *name = mt->skills[s].words[i];
            /* a name shorter than the text contains none of it whole, and shares too few
             * words to be a guess or to matter as the runner-up: not worth comparing (a long
             * heading meets every skill) */
            if (words->len > name->len &&
                dice(name->len, words->len, name->len) < GUESS_MIN - GUESS_MARGIN)
                continue;
            size_t common = shared(words, name);
            score = MAX(score, dice(MIN(common, name->len), words->len, name->len));
            all |= common == words->len && name->len > 0;
        }
        if (all) {
            containing++;
            if (score > contained_score || contained == TNA_NONE)
                contained = (uint32_t)s, contained_score = score;
        }
        if (score > best.score) {
            second = best.score;
            best = (tna_skill_match){(uint32_t)s, TNA_SKILL_GUESS, score};
        } else if (score > second) {
            second = score;
        }
    }
    g_ptr_array_unref(words);
    if (containing == 1)
        return (tna_skill_match){contained, TNA_SKILL_SHORT, contained_score};
    if (best.score >= GUESS_MIN && best.score - second >= GUESS_MARGIN)
        return best;
    return no_match();
}

/* a is a better match than b: a surer kind, or the same kind with more words shared. */
static bool beats(tna_skill_match a, tna_skill_match b)
{
    return a.kind > b.kind || (a.kind == b.kind && a.score > b.score);
}

static tna_skill_match better(tna_skill_match a, tna_skill_match b)
{
    return beats(b, a) ? b : a;
}

static tna_skill_match match_text(const matcher *mt, const char *text)
{
    char *key = text ? tna_text_key(text, -1) : NULL;
    if (key == NULL || key[0] == '\0') {
        g_free(key);
        return no_match();
    }
    tna_skill_match m = match_side(mt, key);
    if (m.kind != TNA_SKILL_EXACT && strchr(key, '/') != NULL) {
        /* "English / Cymraeg": each side; sides naming different skills are a guess */
        char **sides = g_strsplit(key, "/", -1);
        tna_skill_match agreed = no_match();
        bool clash = false;
        for (char **s = sides; *s; s++) {
            char *side = g_strstrip(*s);
            if (*side == '\0')
                continue;
            tna_skill_match one = match_side(mt, side);
            if (one.kind == TNA_SKILL_NONE)
                continue;
            if (agreed.kind != TNA_SKILL_NONE && agreed.skill != one.skill)
                clash = true;
            agreed = better(agreed, one);
        }
        g_strfreev(sides);
        if (clash && agreed.kind > TNA_SKILL_GUESS)
            agreed.kind = TNA_SKILL_GUESS;
        m = better(m, agreed);
    }
    g_free(key);
    return m;
}

tna_skill_match tna_init_match_skill(const tna_model *model, const char *text)
{
    if (model == NULL || model->n_skills == 0)
        return no_match();
    matcher mt = matcher_new(model);
    tna_skill_match m = match_text(&mt, text);
    matcher_free(&mt);
    return m;
}

/* ---- the rating columns of an export -------------------------------------------------------- */

/* Without a preset, grid headings are not split: the row is what follows the longest
 * beginning a column shares with a neighbour, cut back to a separator ("Q [Row]", "Q - Row",
 * "Q.Row", "Q: Row"). NULL when there is none. */
static char *row_after_shared_start(const tna_init_scan *scan, size_t c)
{
    const char *t = tna_colnames_text(scan->names, c);
    size_t best = 0;
    for (int d = -1; d <= 1; d += 2) {
        if ((d < 0 && c == 0) || (d > 0 && c + 1 >= scan->ncol))
            continue;
        const char *u = tna_colnames_text(scan->names, c + (size_t)d);
        size_t n = 0;
        while (t[n] && t[n] == u[n])
            n++;
        best = MAX(best, n);
    }
    while (best > 0 && strchr("[-.:?|(", t[best - 1]) == NULL)
        best--;
    if (best < 3)
        return NULL;
    char *row = g_strstrip(g_strdup(t + best));
    size_t len = strlen(row);
    while (len > 0 && (row[len - 1] == ']' || row[len - 1] == ')'))
        row[--len] = '\0';
    g_strstrip(row);
    if (row[0] == '\0') {
        g_free(row);
        return NULL;
    }
    return row;
}

static tna_skill_match match_column(const tna_init_scan *scan, const matcher *mt, size_t c)
{
    tna_skill_match m = match_text(mt, tna_colnames_option(scan->names, c, NULL));
    m = better(m, match_text(mt, tna_colnames_text(scan->names, c)));
    if (scan->preset->id == TNA_PRESET_NONE) {
        char *row = row_after_shared_start(scan, c);
        if (row != NULL)
            m = better(m, match_text(mt, row));
        g_free(row);
    }
    return m;
}

static bool levels_of(const tna_init_scan *scan, size_t c)
{
    return tna_init_share_matching(scan, c, TNA_FIELD_LEVEL) >= LEVELS_SHARE;
}

/* How many different levels the column's answers give by their labels (a column of numbers
 * alone, "lastpage" or "years", is no rating for a column named like no skill). */
static int distinct_levels(const tna_init_scan *scan, size_t c)
{
    bool seen[256] = {false};
    int n = 0;
    GHashTableIter it;
    gpointer text;
    g_hash_table_iter_init(&it, scan->cols[c].counts);
    while (g_hash_table_iter_next(&it, &text, NULL)) {
        const char *t = text;
        if (strspn(t, "0123456789 ") == strlen(t))
            continue;
        int v = tna_answer_match(scan->model, TNA_NONE, TNA_FIELD_LEVEL, 0, t);
        if (v >= 0 && v < 256 && !seen[v]) {
            seen[v] = true;
            n++;
        }
    }
    return n;
}

void tna_init_find_skills(tna_init_scan *scan)
{
    const tna_model *m = scan->model;
    if (m->n_skills == 0 || scan->exp->format != TNA_FORMAT_WIDE)
        return;
    matcher mt = matcher_new(m);
    GArray *found = g_array_new(FALSE, TRUE, sizeof(tna_init_skill));
    int *owner = g_new(int, m->n_skills); /* index into found of the column rating a skill */
    for (size_t s = 0; s < m->n_skills; s++)
        owner[s] = -1;
    for (size_t c = 0; c < scan->ncol; c++) {
        if (scan->taken[c])
            continue;
        tna_skill_match sm = match_column(scan, &mt, c);
        double share = tna_init_share_matching(scan, c, TNA_FIELD_LEVEL);
        bool levels = share >= LEVELS_SHARE, no_answers = share < 0;
        if (sm.kind == TNA_SKILL_SHORT && !levels && !no_answers)
            sm.kind = TNA_SKILL_GUESS; /* named like a skill, but not answered in levels */
        else if (sm.kind == TNA_SKILL_GUESS && !levels && !no_answers)
            sm = no_match();
        if (sm.kind == TNA_SKILL_NONE && !levels)
            continue;
        if (sm.kind == TNA_SKILL_NONE && distinct_levels(scan, c) < 2)
            continue; /* one answer throughout ("lastpage": 4) is no rating */
        tna_init_skill k = {(int)c, NULL, sm};
        if (sm.skill != TNA_NONE && owner[sm.skill] >= 0) {
            /* two columns for one skill: the better name keeps it; the other is left to the
             * user when its answers are levels, and otherwise was no rating column */
            tna_init_skill *first = &g_array_index(found, tna_init_skill, owner[sm.skill]);
            tna_init_skill *loser = beats(sm, first->match) ? first : &k;
            if (loser == first)
                owner[sm.skill] = (int)found->len;
            loser->match = no_match();
            if (!levels_of(scan, (size_t)loser->col))
                loser->col = -1;
        } else if (sm.skill != TNA_NONE) {
            owner[sm.skill] = (int)found->len;
        }
        g_array_append_val(found, k);
    }
    /* drop the columns that lost and were no rating columns */
    for (guint i = found->len; i-- > 0;) {
        tna_init_skill *k = &g_array_index(found, tna_init_skill, i);
        if (k->col < 0) {
            g_array_remove_index(found, i);
            for (size_t s = 0; s < m->n_skills; s++)
                if (owner[s] > (int)i)
                    owner[s]--;
        } else {
            scan->taken[k->col] = true;
        }
    }
    guint kept = 0;
    for (guint i = 0; i < found->len; i++) {
        tna_init_skill k = g_array_index(found, tna_init_skill, i);
        k.heading = tna_init_name_for(scan, &k.col, 1, true);
        if (k.heading == NULL) {
            tna_init_unnamed(scan, (size_t)k.col, "a rating column");
            scan->taken[k.col] = false;
            continue;
        }
        g_array_index(found, tna_init_skill, kept++) = k;
    }
    g_array_set_size(found, kept);
    g_free(owner);
    matcher_free(&mt);
    scan->exp->n_skills = found->len;
    scan->exp->skills = (tna_init_skill *)(void *)g_array_free(found, FALSE);
}
