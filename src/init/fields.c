/*
 * fields.c - which columns of an export hold the standard fields, found by their headings
 * (English and Welsh), and the headings that name them in a configuration.
 *
 * Each field has a list of phrases, best first, looked for as whole words in a column's
 * question, its text and every header row's cell. The best-ranked column not already taken
 * wins, with two refinements where a heading alone misleads:
 *   respondent  a staff number before an email, and of those the first kind that is filled
 *               in on at least half the rows; never the tool's response id, which changes
 *               with every submission (so repeat submissions would look like new people);
 *   authority,  the column whose answers match the councils or roles best, when any of the
 *   role        candidates' answers match (30 % or more); with no heading at all, a column
 *               whose answers are nearly all councils (or roles) is taken as a guess.
 * A field then takes the "Other (please specify)" column beside it (its second column), and
 * the barriers question every column of its question (a column per option).
 *
 * The format follows from the fields: `long` with a skill and a level column, `evaluation`
 * with a course and what was felt or learnt, otherwise `wide`.
 */
#include <string.h>

#include "init_internal.h"
#include "tna/answers.h"
#include "tna/presets.h"
#include "tna/text.h"

#define VALUES_DECIDE 0.3 /* candidates' answers decide when one matches this well */
#define VALUES_ALONE  0.8 /* ... and pick a column with no heading when this well */
#define FILLED        0.5 /* a respondent column filled in on at least this share of rows */
#define STRONG        3   /* authority, role: phrases ranked above this name the field outright */

typedef struct vocabulary {
    tna_field field;
    bool exact;                 /* the whole heading must be the phrase (short generic words) */
    const char *const *phrases; /* best first */
    const char *const *never;   /* a heading with one of these is not the field */
    const char *const *second;  /* a second kind, ranked after every phrase of the first
                                   (respondent: emails after staff numbers) */
} vocabulary;

#define SECOND_KIND 1000 /* the rank of a second kind's first phrase */

static const char *const respondent_words[] = {
    "staff number",    "staff no",         "staff id",     "staff reference",
    "employee number", "employee no",      "employee id",  "payroll number",
    "payroll no",      "personnel number", "rhif staff",   "rhif cyflogai",
    "rhif gweithiwr",  "rhif cyflogres",   "rhif y staff", NULL};
static const char *const email_words[] = {"email address",    "email",          "e-mail",
                                          "e-mail address",   "recipientemail", "recipient email",
                                          "cyfeiriad e-bost", "e-bost",         NULL};
static const char *const authority_words[] = {
    "which council",   "what council", "council",
    "local authority", "authority",    "which organisation",
    "organisation",    "organization", "employer",
    "pa gyngor",       "cyngor",       "awdurdod lleol",
    "awdurdod",        "sefydliad",    NULL};
static const char *const role_words[] = {"job role", "your role", "job title",        "role",
                                         "position", "post",      "what is your job", "swydd",
                                         "rôl",      "rol",       "teitl swydd",      NULL};
static const char *const submitted_words[] = {"completion time",
                                              "date submitted",
                                              "submitdate",
                                              "submitted",
                                              "end date",
                                              "enddate",
                                              "ended",
                                              "completed",
                                              "date completed",
                                              "timestamp",
                                              "recordeddate",
                                              "recorded date",
                                              "rated on",
                                              "amser cwblhau",
                                              "dyddiad cyflwyno",
                                              "date",
                                              "dyddiad",
                                              NULL};
static const char *const submitted_never[] = {
    "start date",    "startdate",        "start time", "date started",
    "last modified", "date last action", "datestamp",  NULL};
static const char *const trained_words[] = {"attended training",
                                            "attended any training",
                                            "had training",
                                            "had any training",
                                            "received training",
                                            "been on a course",
                                            "training in the last",
                                            "mynychu hyfforddiant",
                                            "wedi cael hyfforddiant",
                                            "hyfforddiant yn y",
                                            NULL};
static const char *const barrier_words[] = {
    "stops you learning", "stop you learning", "stops you from learning",
    "barriers",           "barrier",           "prevents you",
    "prevent you",        "get in the way",    "gets in the way",
    "what stops",         "rhwystrau",         "rhwystr",
    "atal rhag",          "eich atal",         NULL};
static const char *const language_words[] = {"which language",      "language would you prefer",
                                             "prefer to learn in",  "preferred language",
                                             "language preference", "ym mha iaith",
                                             "dewis iaith",         "iaith well gennych",
                                             "welsh or english",    NULL};
static const char *const language_never[] = {"userlanguage", "user language", "startlanguage",
                                             "start language", NULL};
static const char *const rater_words[] = {
    "rater",    "rated by", "completed by",    "who is completing",
    "assessor", "aseswr",   "self or manager", NULL};
static const char *const skill_words[] = {"skill", "skill id", "sgil", NULL};
static const char *const level_words[] = {"level",  "skill level", "lefel",
                                          "rating", "proficiency", NULL};
static const char *const course_words[] = {
    "course",       "course name", "course title", "training course",
    "which course", "cwrs",        "enw'r cwrs",   NULL};
static const char *const topic_words[] = {"topic", "pwnc", NULL};
static const char *const satisfaction_words[] = {"satisfaction", "how satisfied", "boddhad",
                                                 "pa mor fodlon", NULL};
static const char *const before_words[] = {"level before", "before the course", "cyn y cwrs", NULL};
static const char *const after_words[] = {"level after", "after the course", "ar ôl y cwrs", NULL};
static const char *const applied_words[] = {"used what you learned",      "used what you learnt",
                                            "applied what you learned",   "put into practice",
                                            "defnyddio'r hyn a ddysgoch", NULL};

/* In the order fields are looked for: those a format needs first (their short headings are
 * exact), then the standard fields. */
static const vocabulary vocabularies[] = {
    {TNA_FIELD_SKILL, true, skill_words, NULL, NULL},
    {TNA_FIELD_LEVEL, true, level_words, NULL, NULL},
    {TNA_FIELD_COURSE, true, course_words, NULL, NULL},
    {TNA_FIELD_TOPIC, true, topic_words, NULL, NULL},
    {TNA_FIELD_SATISFACTION, false, satisfaction_words, NULL, NULL},
    {TNA_FIELD_BEFORE, false, before_words, NULL, NULL},
    {TNA_FIELD_AFTER, false, after_words, NULL, NULL},
    {TNA_FIELD_APPLIED, false, applied_words, NULL, NULL},
    {TNA_FIELD_RESPONDENT, false, respondent_words, NULL, email_words},
    {TNA_FIELD_AUTHORITY, false, authority_words, NULL, NULL},
    {TNA_FIELD_ROLE, false, role_words, NULL, NULL},
    {TNA_FIELD_SUBMITTED, false, submitted_words, submitted_never, NULL},
    {TNA_FIELD_TRAINED, false, trained_words, NULL, NULL},
    {TNA_FIELD_BARRIERS, false, barrier_words, NULL, NULL},
    {TNA_FIELD_LANGUAGE_PREFERENCE, false, language_words, language_never, NULL},
    {TNA_FIELD_RATER, false, rater_words, NULL, NULL},
};

/* ---- reading headings ----------------------------------------------------------------------- */

static bool word_char(unsigned char c)
{
    return g_ascii_isalnum(c) || c >= 0x80;
}

/* phrase occurs in key as whole words. */
static bool has_phrase(const char *key, const char *phrase, bool exact)
{
    if (exact)
        return strcmp(key, phrase) == 0;
    size_t n = strlen(phrase);
    for (const char *p = strstr(key, phrase); p; p = strstr(p + 1, phrase)) {
        bool before = p == key || !word_char((unsigned char)p[-1]);
        bool after = !word_char((unsigned char)p[n]);
        if (before && after)
            return true;
    }
    return false;
}

/* The matching keys a column's headings are read by: its question, its text and every
 * header row's cell (the grid row alone is not: a skill's statement is no field). */
static GPtrArray *heading_keys(const tna_init_scan *scan, size_t c)
{
    GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
    const char *q = tna_colnames_question(scan->names, c);
    if (q != NULL)
        g_ptr_array_add(keys, tna_text_key(q, -1));
    size_t n = 0;
    const char *const *level0 = tna_colnames_keys(scan->names, c, 0, &n);
    for (size_t i = 0; i < n; i++)
        g_ptr_array_add(keys, g_strdup(level0[i]));
    g_ptr_array_remove(keys, NULL); /* a question that was not UTF-8 */
    return keys;
}

/* The rank of the best phrase of v in column c's headings, or -1. */
static int rank(const tna_init_scan *scan, size_t c, const vocabulary *v)
{
    GPtrArray *keys = heading_keys(scan, c);
    int best = -1;
    for (guint k = 0; k < keys->len; k++) {
        const char *key = g_ptr_array_index(keys, k);
        bool never = false;
        for (const char *const *w = v->never; w && *w && !never; w++)
            never = has_phrase(key, *w, false);
        if (never) {
            best = -1;
            break;
        }
        for (int i = 0; v->phrases[i] && (best < 0 || i < best); i++)
            if (has_phrase(key, v->phrases[i], v->exact))
                best = i;
        for (int i = 0; v->second && v->second[i] && (best < 0 || SECOND_KIND + i < best); i++)
            if (has_phrase(key, v->second[i], v->exact))
                best = SECOND_KIND + i;
    }
    g_ptr_array_unref(keys);
    return best;
}

/* ---- answers -------------------------------------------------------------------------------- */

double tna_init_share_matching(const tna_init_scan *scan, size_t c, tna_field field)
{
    const tna_init_column *col = &scan->cols[c];
    if (col->counts == NULL)
        return -1;
    long total = 0, matched = 0;
    GHashTableIter it;
    gpointer text, count;
    g_hash_table_iter_init(&it, col->counts);
    while (g_hash_table_iter_next(&it, &text, &count)) {
        long n = (long)GPOINTER_TO_SIZE(count);
        int v = tna_answer_match(scan->model, TNA_NONE, field, 0, text);
        total += n;
        if (v >= 0 || v == TNA_ANSWER_MISSING)
            matched += n;
    }
    return total == 0 ? -1 : (double)matched / (double)total;
}

/* ---- the columns of a question -------------------------------------------------------------- */

/* What identifies the question a column belongs to: LimeSurvey's code, else its question
 * part, else its text (a matching key; caller frees). */
static char *question_id(const tna_init_scan *scan, size_t c)
{
    const char *t = tna_colnames_text(scan->names, c);
    if (scan->preset->codes) {
        size_t n = strcspn(t, "[. ");
        if (n > 0 && (t[n] == '[' || t[n] == '.' || t[n] == '\0'))
            return tna_text_key(t, (long)n);
    }
    const char *q = tna_colnames_question(scan->names, c);
    return tna_text_key(q ? q : t, -1);
}

/* The columns side by side with c that belong to its question: [*first, *last]. */
static void question_run(const tna_init_scan *scan, size_t c, size_t *first, size_t *last)
{
    char *id = question_id(scan, c);
    *first = *last = c;
    while (id && *first > 0) {
        char *o = question_id(scan, *first - 1);
        bool same = o && strcmp(o, id) == 0;
        g_free(o);
        if (!same)
            break;
        (*first)--;
    }
    while (id && *last + 1 < scan->ncol) {
        char *o = question_id(scan, *last + 1);
        bool same = o && strcmp(o, id) == 0;
        g_free(o);
        if (!same)
            break;
        (*last)++;
    }
    g_free(id);
}

static bool other_key(const char *key)
{
    if (key == NULL)
        return false;
    if (tna_answer_is_other(key))
        return true;
    static const char *const marks[] = {"other (please specify)", "[other]",        "_text",
                                        "other - text",           "arall (nodwch)", NULL};
    for (const char *const *m = marks; *m; m++)
        if (strstr(key, *m) != NULL)
            return true;
    return false;
}

bool tna_init_is_other_column(const tna_init_scan *scan, size_t c)
{
    const char *option = tna_colnames_option(scan->names, c, NULL);
    char *k = option ? tna_text_key(option, -1) : NULL;
    bool other = other_key(k);
    g_free(k);
    for (int level = 0; level < TNA_COLNAMES_LEVELS && !other; level++) {
        size_t n = 0;
        const char *const *keys = tna_colnames_keys(scan->names, c, level, &n);
        for (size_t i = 0; i < n && !other; i++)
            other = other_key(keys[i]) && strstr(keys[i], "other") != NULL;
    }
    return other;
}

/* ---- headings to write ---------------------------------------------------------------------- */

static bool in(const int *cols, size_t n, int c)
{
    for (size_t i = 0; i < n; i++)
        if (cols[i] == c)
            return true;
    return false;
}

/* Whether the heading `text` takes exactly cols (all), or cols[0] and only columns of
 * cols. */
static bool names_them(const tna_init_scan *scan, const char *text, const int *cols, size_t n,
                       bool all)
{
    if (text == NULL || tna_text_blank(text, strlen(text)))
        return false;
    char *key = tna_text_key(text, -1);
    size_t found_n = 0;
    int *found = key ? tna_colnames_find(scan->names, key, &found_n) : NULL;
    g_free(key);
    bool ok = found_n > 0 && in(found, found_n, cols[0]);
    for (size_t i = 0; ok && i < found_n; i++)
        ok = in(cols, n, found[i]);
    if (ok && all)
        for (size_t i = 0; ok && i < n; i++)
            ok = in(found, found_n, cols[i]);
    g_free(found);
    return ok;
}

static char *name_in_order(const tna_init_scan *scan, const int *cols, size_t n, bool all,
                           bool row_first)
{
    size_t c = (size_t)cols[0];
    const char *question = tna_colnames_question(scan->names, c);
    const char *option = tna_colnames_option(scan->names, c, NULL);
    char *joined = question && option ? g_strdup_printf("%s - %s", question, option) : NULL;
    const char *order[5] = {question, tna_colnames_text(scan->names, c), joined, option, NULL};
    /* LimeSurvey's "SQ001" alone reads worse than its "Q5[SQ001]" */
    if (row_first && !(scan->preset->codes && option && strchr(option, ' ') == NULL))
        order[0] = option, order[3] = question;
    char *found = NULL;
    for (int i = 0; i < 4 && found == NULL; i++)
        if (names_them(scan, order[i], cols, n, all))
            found = g_strdup(order[i]);
    for (guint r = 0; found == NULL && r < scan->header->len; r++) {
        const GPtrArray *row = g_ptr_array_index(scan->header, r);
        const char *cell = c < row->len ? g_ptr_array_index(row, c) : NULL;
        if (names_them(scan, cell, cols, n, all))
            found = g_strdup(cell);
    }
    g_free(joined);
    if (found != NULL)
        g_strstrip(found);
    return found;
}

char *tna_init_name_for(const tna_init_scan *scan, const int *cols, size_t n, bool all)
{
    /* a single column named for itself (a skill) reads best by its row; a field by its
     * question */
    return name_in_order(scan, cols, n, all, n == 1 && all);
}

/* ---- choosing ------------------------------------------------------------------------------- */

static void add_heading(tna_init_field *f, char *heading)
{
    for (size_t i = 0; i < f->n_headings; i++)
        if (strcmp(f->headings[i], heading) == 0) {
            g_free(heading);
            return;
        }
    f->headings = g_renew(char *, f->headings, f->n_headings + 1);
    f->headings[f->n_headings++] = heading;
}

/* A column no heading names alone (its heading is another column's too): left out, said. */
void tna_init_unnamed(tna_init_scan *scan, size_t c, const char *what)
{
    const char *t = tna_colnames_text(scan->names, c);
    tna_init_note(scan->exp,
                  g_strdup_printf("column %zu ('%.80s') looks like %s, but its heading is "
                                  "another column's too, so no heading names it alone: it is "
                                  "left out (make its question's wording unique in the survey)",
                                  c + 1, t, what));
}

static void release(tna_init_scan *scan, tna_field field);

/* The field takes column c and, for a choice question, its "Other" column; the barriers
 * question takes every column of its question. */
static void take(tna_init_scan *scan, tna_field field, size_t c, bool guessed)
{
    tna_init_field *f = &scan->exp->fields[field];
    size_t first = c, last = c;
    question_run(scan, c, &first, &last);
    GArray *cols = g_array_new(FALSE, FALSE, sizeof(int));
    int ci = (int)c;
    g_array_append_val(cols, ci);
    for (size_t o = first; o <= last; o++) {
        if (o == c || scan->taken[o])
            continue;
        if (field == TNA_FIELD_BARRIERS || (o > c && tna_init_is_other_column(scan, o))) {
            int oi = (int)o;
            g_array_append_val(cols, oi);
        }
    }
    f->n_cols = cols->len;
    f->cols = (int *)(void *)g_array_free(cols, FALSE);
    f->guessed = guessed;
    for (size_t i = 0; i < f->n_cols; i++)
        scan->taken[f->cols[i]] = true;
    if (field == TNA_FIELD_BARRIERS && f->n_cols > 1) {
        /* in column order, so that the question names them as one */
        for (size_t i = 1; i < f->n_cols; i++)
            for (size_t j = i; j > 0 && f->cols[j - 1] > f->cols[j]; j--) {
                int t = f->cols[j];
                f->cols[j] = f->cols[j - 1];
                f->cols[j - 1] = t;
            }
        char *all = tna_init_name_for(scan, f->cols, f->n_cols, true);
        if (all != NULL) {
            add_heading(f, all);
            return;
        }
    }
    char *main = name_in_order(scan, f->cols, f->n_cols, false, false);
    if (main == NULL) {
        tna_init_unnamed(scan, c, tna_field_names[field]);
        release(scan, field);
        return;
    }
    add_heading(f, main);
    size_t kept = 1;
    for (size_t i = 1; i < f->n_cols; i++) {
        int one = f->cols[i];
        char *h = name_in_order(scan, &one, 1, true, false);
        if (h == NULL) {
            int within[2] = {one, f->cols[0]};
            h = name_in_order(scan, within, 2, false, false);
        }
        if (h == NULL) {
            scan->taken[one] = false; /* left out: the field reads its answer column alone */
            continue;
        }
        add_heading(f, h);
        f->cols[kept++] = one;
    }
    f->n_cols = kept;
}

static double filled(const tna_init_scan *scan, size_t c)
{
    return scan->exp->rows > 0 ? (double)scan->cols[c].non_blank / (double)scan->exp->rows : 1;
}

/* The column of v's field, or -1; *guessed when chosen by its answers alone. */
static int choose(tna_init_scan *scan, const vocabulary *v, bool *guessed)
{
    *guessed = false;
    int best = -1, best_rank = 0;
    double best_share = -1;
    bool by_values = v->field == TNA_FIELD_AUTHORITY || v->field == TNA_FIELD_ROLE;
    for (size_t c = 0; c < scan->ncol; c++) {
        if (scan->taken[c])
            continue;
        int r = rank(scan, c, v);
        if (r < 0)
            continue;
        if (v->field == TNA_FIELD_RESPONDENT) {
            /* the kind (staff number, then email) counts before the phrase, and a kind
             * mostly left blank gives way to the next */
            int tier = r >= SECOND_KIND ? 1 : 0;
            r = (filled(scan, c) >= FILLED ? 0 : 2) + tier;
        }
        double share = by_values ? tna_init_share_matching(scan, c, v->field) : -1;
        if (by_values && share <= 0 && r >= STRONG && scan->exp->rows > 0)
            continue; /* "my organisation" in another question, answered with no council */
        if (v->field == TNA_FIELD_RESPONDENT && scan->exp->rows > 0 && scan->cols[c].non_blank == 0)
            continue; /* an email column nobody's email is in */
        bool wins;
        if (best < 0)
            wins = true;
        else if (by_values && (share >= VALUES_DECIDE || best_share >= VALUES_DECIDE) &&
                 share != best_share)
            wins = share > best_share;
        else
            wins = r < best_rank;
        if (wins)
            best = (int)c, best_rank = r, best_share = share;
    }
    if (best >= 0 || !by_values)
        return best;
    for (size_t c = 0; c < scan->ncol; c++) {
        if (scan->taken[c] || scan->cols[c].non_blank < 3)
            continue;
        double share = tna_init_share_matching(scan, c, v->field);
        if (share >= VALUES_ALONE && share > best_share)
            best = (int)c, best_share = share;
    }
    *guessed = best >= 0;
    return best;
}

static bool found(const tna_init_export *exp, tna_field f)
{
    return exp->fields[f].n_cols > 0;
}

static void release(tna_init_scan *scan, tna_field field)
{
    tna_init_field *f = &scan->exp->fields[field];
    for (size_t i = 0; i < f->n_cols; i++)
        scan->taken[f->cols[i]] = false;
    for (size_t i = 0; i < f->n_headings; i++)
        g_free(f->headings[i]);
    g_free(f->cols);
    g_free(f->headings);
    memset(f, 0, sizeof *f);
}

void tna_init_find_fields(tna_init_scan *scan)
{
    tna_init_export *exp = scan->exp;
    for (size_t i = 0; i < G_N_ELEMENTS(vocabularies); i++) {
        const vocabulary *v = &vocabularies[i];
        if (v->field == TNA_FIELD_RESPONDENT) {
            /* the format decides which of its fields stay */
            bool long_format = found(exp, TNA_FIELD_SKILL) && found(exp, TNA_FIELD_LEVEL);
            bool evaluation =
                found(exp, TNA_FIELD_COURSE) &&
                (found(exp, TNA_FIELD_SATISFACTION) || found(exp, TNA_FIELD_APPLIED) ||
                 (found(exp, TNA_FIELD_BEFORE) && found(exp, TNA_FIELD_AFTER)));
            exp->format = evaluation    ? TNA_FORMAT_EVALUATION
                          : long_format ? TNA_FORMAT_LONG
                                        : TNA_FORMAT_WIDE;
            bool both = found(exp, TNA_FIELD_BEFORE) && found(exp, TNA_FIELD_AFTER);
            for (size_t j = 0; j < i; j++) {
                tna_field f = vocabularies[j].field;
                bool keep = exp->format == TNA_FORMAT_EVALUATION
                                ? f != TNA_FIELD_LEVEL &&
                                      ((f != TNA_FIELD_BEFORE && f != TNA_FIELD_AFTER) || both)
                                : exp->format == TNA_FORMAT_LONG &&
                                      (f == TNA_FIELD_SKILL || f == TNA_FIELD_LEVEL);
                if (!keep)
                    release(scan, f);
            }
        }
        bool guessed;
        int c = choose(scan, v, &guessed);
        if (c >= 0)
            take(scan, v->field, (size_t)c, guessed);
    }
}

void tna_init_date_candidates(const tna_init_scan *scan, int *out, size_t max)
{
    const vocabulary *v = NULL;
    for (size_t i = 0; i < G_N_ELEMENTS(vocabularies); i++)
        if (vocabularies[i].field == TNA_FIELD_SUBMITTED)
            v = &vocabularies[i];
    size_t n = 0;
    for (size_t c = 0; c < scan->ncol && n + 1 < max; c++)
        if (rank(scan, c, v) >= 0)
            out[n++] = (int)c;
    out[n] = -1;
}
