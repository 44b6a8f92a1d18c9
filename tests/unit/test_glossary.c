/*
 * test_glossary.c - the glossary (docs/glossary.tsv, compiled by tools/glossary.sh) and the
 * labels that read it (render/labels.c).
 *
 * Renderers print fixed words only as TERM_ keys, so a word a renderer uses is a term of the
 * compiled table (tests/cli/glossary.sh checks that no renderer writes one inline). Here:
 * every term has its English and its Welsh; one English text has one Welsh rendering (and
 * one entry); a term's two texts take the same printf conversions in the same order; every
 * row of the file says where its Welsh comes from, and the binary holds the file as it is
 * now; every note of the analysis has a term. Then the labels pick a term's language, join
 * both with " / ", and format both from the same arguments.
 */
#include <glib.h>

#include "../../src/render/labels.h"
#include "check.h"
#include "tna/config.h"

/* The printf conversions of a format, in order: "%zu of %d%%" -> "zu d". A percent sign
 * before a space and a word ("100% or more") is prose: such a term is never formatted (the
 * compiler checks every term that is, against both texts). */
static char *conversions(const char *fmt)
{
    GString *s = g_string_new(NULL);
    for (const char *p = fmt; *p; p++) {
        if (*p != '%')
            continue;
        p++;
        if (*p == '%' || (*p == ' ' && g_ascii_isalpha(p[1]) && g_ascii_isalpha(p[2])))
            continue;
        while (*p && strchr("-+ #0123456789.", *p))
            p++;
        const char *start = p;
        while (*p && strchr("hlzjt", *p))
            p++;
        if (*p == '\0')
            break;
        g_string_append_printf(s, "%s%.*s", s->len ? " " : "", (int)(p - start + 1), start);
    }
    return g_string_free(s, FALSE);
}

static void test_terms(void)
{
    CHECK(TNA_TERM_COUNT > 300);
    GHashTable *welsh_of = g_hash_table_new(g_str_hash, g_str_equal);
    int missing = 0, twice = 0, repeated = 0, formats = 0;
    for (int t = 0; t < TNA_TERM_COUNT; t++) {
        const tna_glossary_entry *e = &tna_glossary[t];
        if (e->en[0] == '\0' || e->cy[0] == '\0') {
            missing++;
            fprintf(stderr, "  %s: no %s\n", e->key, e->en[0] ? "Welsh" : "English");
        }
        const char *cy = g_hash_table_lookup(welsh_of, e->en);
        if (cy != NULL && strcmp(cy, e->cy) != 0) {
            twice++;
            fprintf(stderr, "  \"%s\" has two Welsh renderings: \"%s\" and \"%s\" (%s)\n", e->en,
                    cy, e->cy, e->key);
        } else if (cy != NULL) {
            repeated++;
            fprintf(stderr, "  \"%s\" is in the glossary twice (%s)\n", e->en, e->key);
        }
        g_hash_table_insert(welsh_of, (void *)e->en, (void *)e->cy);
        char *a = conversions(e->en), *b = conversions(e->cy);
        if (strcmp(a, b) != 0) {
            formats++;
            fprintf(stderr, "  %s: English takes \"%s\", Welsh \"%s\"\n", e->key, a, b);
        }
        g_free(a);
        g_free(b);
    }
    CHECK_INT(missing, 0);
    CHECK_INT(twice, 0);
    CHECK_INT(repeated, 0);
    CHECK_INT(formats, 0);
    g_hash_table_destroy(welsh_of);

    char *conv = conversions("%zu of %5.2f%% and %s, %ld; 100% or more");
    CHECK_STR(conv, "zu f s ld"); /* the checker itself */
    g_free(conv);
}

/* The file: four fields a row, a note on every row, the same terms as the binary. */
static void test_file(void)
{
    char *text = NULL;
    CHECK(g_file_get_contents("docs/glossary.tsv", &text, NULL, NULL));
    if (text == NULL)
        return;
    char **lines = g_strsplit(text, "\n", -1);
    CHECK_STR(lines[0], "key\ten\tcy\tnote");
    int rows = 0, unsourced = 0, stale = 0;
    for (int i = 1; lines[i] && lines[i][0]; i++, rows++) {
        char **f = g_strsplit(lines[i], "\t", -1);
        CHECK_INT(g_strv_length(f), 4);
        if (g_strv_length(f) == 4) {
            if (f[3][0] == '\0') {
                unsourced++;
                fprintf(stderr, "  docs/glossary.tsv:%d: %s says nothing of its source\n", i + 1,
                        f[0]);
            }
            const tna_glossary_entry *e = rows < TNA_TERM_COUNT ? &tna_glossary[rows] : NULL;
            if (e == NULL || strcmp(e->key, f[0]) || strcmp(e->en, f[1]) || strcmp(e->cy, f[2]))
                stale++;
        }
        g_strfreev(f);
    }
    CHECK_INT(rows, TNA_TERM_COUNT);
    CHECK_INT(unsourced, 0);
    CHECK_INT(stale, 0); /* the program was built from this file */
    g_strfreev(lines);
    g_free(text);
}

static void test_notes(void)
{
    GHashTable *seen = g_hash_table_new(NULL, NULL);
    for (int n = TNA_NOTE_NONE + 1; n < TNA_NOTE_COUNT; n++) {
        tna_term t = tna_note_term((tna_note)n);
        CHECK(t < TNA_TERM_COUNT);
        CHECK(!g_hash_table_contains(seen, GINT_TO_POINTER(t)));
        g_hash_table_add(seen, GINT_TO_POINTER(t));
    }
    CHECK_INT(tna_note_term(TNA_NOTE_NONE), TNA_TERM_COUNT);
    CHECK_STR(tna_term_in(tna_note_term(TNA_NOTE_TOO_FEW), TNA_LANG_EN), "too few respondents");
    g_hash_table_destroy(seen);
}

static void test_labels(void)
{
    tna_model *m = NULL;
    tna_error err = TNA_ERROR_INIT;
    CHECK_INT(tna_config_load("tests/cases/analysis/tna.yaml", &m, &err), TNA_OK);
    if (m == NULL)
        return;
    tna_labels *en = tna_labels_new(m, TNA_LANG_EN), *cy = tna_labels_new(m, TNA_LANG_CY),
               *both = tna_labels_new(m, TNA_LANG_BOTH);
    CHECK_STR(tna_label_term(en, TERM_RETURN_ON_EXPECTATIONS), "Return on expectations");
    CHECK_STR(tna_label_term(cy, TERM_RETURN_ON_EXPECTATIONS), "Elw ar ddisgwyliadau");
    CHECK_STR(tna_label_term(both, TERM_RETURN_ON_EXPECTATIONS),
              "Elw ar ddisgwyliadau / Return on expectations"); /* Welsh first */
    CHECK_STR(tna_label_term(both, TERM_LANGUAGE_NAME_CY), "Cymraeg (cy)"); /* the same: once */
    TNA_TERM_CHECK(TERM_PAGE_N_OF_M, 3, 12);
    CHECK_STR(tna_label_termf(both, TERM_PAGE_N_OF_M, 3, 12), "Tudalen 3 o 12 / Page 3 of 12");
    CHECK_STR(tna_label_suppressed(cy, 5), "llai na 5");
    CHECK_STR(tna_label_wales(en), "All Wales");
    CHECK_STR(tna_label_authority(cy, 0), "Awdurdod un");   /* name_cy */
    CHECK_STR(tna_label_authority(cy, 1), "Authority two"); /* no name_cy: the English */
    CHECK_STR(tna_label_topic(cy, TNA_NONE), "Pob pwnc");
    CHECK_STR(tna_term_in(TNA_TERM_COUNT, TNA_LANG_CY), "");
    CHECK_INT(tna_label_first_language(both), TNA_LANG_CY);
    tna_labels_free(en);
    tna_labels_free(cy);
    tna_labels_free(both);

    /* language_order: en-first puts the English first, wherever two are joined */
    m->language_order = TNA_ORDER_EN_FIRST;
    both = tna_labels_new(m, TNA_LANG_BOTH);
    CHECK_STR(tna_label_term(both, TERM_RETURN_ON_EXPECTATIONS),
              "Return on expectations / Elw ar ddisgwyliadau");
    CHECK_STR(tna_label_authority(both, 0), "Authority one / Awdurdod un");
    CHECK_INT(tna_label_first_language(both), TNA_LANG_EN);
    tna_labels_free(both);

    /* the title and the expectations' titles: Welsh where configured */
    const char *title = m->title, *title_cy = m->title_cy;
    m->title = "Skills analysis";
    m->title_cy = "Dadansoddiad sgiliau";
    cy = tna_labels_new(m, TNA_LANG_CY);
    CHECK_STR(tna_label_title(cy), "Dadansoddiad sgiliau");
    m->title = NULL; /* none configured: the glossary's words */
    CHECK_STR(tna_label_title(cy), "Dadansoddiad o anghenion hyfforddi");
    m->title = title, m->title_cy = title_cy;
    tna_labels_free(cy);
    tna_model_free(m);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    RUN(test_terms);
    RUN(test_file);
    RUN(test_notes);
    RUN(test_labels);
    return g_test_run();
}
