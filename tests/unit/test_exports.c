/*
 * test_exports.c - reading real exports: the preset table and recognising a tool from its
 * headings, what answers mean (answers.h: bilingual words, "A / B" labels, numbered levels,
 * `answers:` of the run and of a source), how headings find columns (any header row, joined
 * grid names, row text alone when unique, LimeSurvey codes, several columns per field,
 * multi-selects a column per option or as a mapping) and the errors when they cannot, rows
 * that are not responses, unusable respondent keys, missing files, date columns that cannot
 * be read, and the real public exports in tests/fixtures/exports read with their presets.
 *
 * Generated cases are written to a temporary directory with the tiny framework of
 * tests/cases/analysis (skills s1..s4, roles r1/r2, authorities a1..a3).
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "check.h"
#include "dq_words.h"
#include "pipeline.h"
#include "tna/answers.h"
#include "tna/csvread.h"
#include "tna/presets.h"
#include "tna/text.h"

/* ---- helpers -------------------------------------------------------------------------------- */

typedef struct tcase {
    char *dir, *config;
} tcase;

/* tna.yaml (with `extra` top-level keys and one source with `source_keys`) and files. */
static tcase make_case(const char *extra, const char *source_keys, const char *file,
                       const char *csv, size_t len)
{
    tcase t;
    t.dir = g_dir_make_tmp("tna-exports-XXXXXX", NULL);
    t.config = g_build_filename(t.dir, "tna.yaml", NULL);
    char *cwd = g_get_current_dir();
    char *yaml = g_strdup_printf("periods: [2026-Q3]\n"
                                 "frameworks: [%s/tests/cases/analysis/fw.yaml]\n"
                                 "roles: %s/tests/cases/analysis/roles.yaml\n"
                                 "authorities: %s/tests/cases/analysis/authorities.yaml\n"
                                 "%s"
                                 "sources:\n"
                                 "  - name: s\n"
                                 "%s",
                                 cwd, cwd, cwd, extra, source_keys);
    CHECK(g_file_set_contents(t.config, yaml, -1, NULL));
    if (file != NULL) {
        char *p = g_build_filename(t.dir, file, NULL);
        CHECK(g_file_set_contents(p, csv, (gssize)len, NULL));
        g_free(p);
    }
    g_free(yaml);
    g_free(cwd);
    return t;
}

static void close_case(tcase *t)
{
    GDir *d = g_dir_open(t->dir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d)) != NULL) {
        char *p = g_build_filename(t->dir, name, NULL);
        g_remove(p);
        g_free(p);
    }
    if (d)
        g_dir_close(d);
    g_rmdir(t->dir);
    g_free(t->dir);
    g_free(t->config);
}

/* Ingest that must fail: the formatted error, path of the case dir replaced by "DIR". */
static char *ingest_fails(const tcase *t, tna_status want)
{
    tna_error err = TNA_ERROR_INIT;
    tna_model *m = NULL;
    CHECK_INT(tna_config_load(t->config, &m, &err), TNA_OK);
    if (m == NULL)
        return g_strdup(err.message);
    tna_dataset *ds = NULL;
    CHECK_INT(tna_ingest(m, NULL, &ds, &err), want);
    tna_dataset_free(ds);
    tna_model_free(m);
    char buf[2048];
    tna_error_format(&err, buf, sizeof buf);
    GString *s = g_string_new(buf);
    char *at;
    while ((at = strstr(s->str, t->dir)) != NULL)
        g_string_erase(s, at - s->str, (gssize)strlen(t->dir)),
            g_string_insert(s, at - s->str, "DIR");
    return g_string_free(s, FALSE);
}

static const char *levels_of(const run *r, size_t i)
{
    static char buf[16];
    const tna_period_data *pd = &r->ds->periods[0];
    if (i >= pd->n_records)
        return "(none)";
    for (size_t s = 0; s < 4; s++) {
        uint8_t v = tna_record_level(pd, i, s);
        buf[s] = v == TNA_LEVEL_NONE ? '-' : (char)('0' + v);
    }
    buf[4] = '\0';
    return buf;
}

static uint64_t bit_of(const tna_model *m, const char *id)
{
    for (uint32_t i = 0; i < m->n_barriers; i++)
        if (strcmp(m->barriers[i].id, id) == 0)
            return (uint64_t)1 << i;
    CHECK(!"no such barrier");
    return 0;
}

static size_t problems(const tna_period_data *pd)
{
    size_t n = 0;
    for (size_t i = 0; i < pd->n_dq; i++)
        n += !pd->dq[i].note;
    return n;
}

/* ---- presets -----------------------------------------------------------------------------------
 */

/* The table says what the contract's table says, and each real export is recognised from its
 * header rows. */
static void test_preset_table(void)
{
    CHECK_INT(tna_presets_count, 6);
    const tna_preset_info *p = tna_preset_get(TNA_PRESET_SURVEYMONKEY);
    CHECK(p->header_rows == 2 && p->question_carried && p->multi == TNA_MULTI_COLUMNS);
    p = tna_preset_get(TNA_PRESET_SMARTSURVEY);
    CHECK(p->header_rows == 3 && p->question_carried && p->grid == TNA_GRID_DASH);
    p = tna_preset_get(TNA_PRESET_QUALTRICS);
    CHECK(p->header_rows == 3 && p->text_row == 2 && p->multi == TNA_MULTI_ONE_CELL);
    CHECK_STR(p->separator, ",");
    CHECK_STR(p->exclude_column, "Status");
    CHECK_STR(p->exclude_values[0], "Survey Preview");
    p = tna_preset_get(TNA_PRESET_MICROSOFT_FORMS);
    CHECK(p->grid == TNA_GRID_DOT && strcmp(p->separator, ";") == 0);
    p = tna_preset_get(TNA_PRESET_GOOGLE_FORMS);
    CHECK(p->grid == TNA_GRID_BRACKETS && strcmp(p->separator, ", ") == 0);
    p = tna_preset_get(TNA_PRESET_LIMESURVEY);
    CHECK(p->codes && p->multi == TNA_MULTI_COLUMNS);
    CHECK_STR(tna_preset_get(TNA_PRESET_NONE)->name, "none");
    for (size_t i = 0; i < tna_presets_count; i++)
        CHECK_STR(tna_presets[i]->name, tna_preset_names[tna_presets[i]->id]);
}

typedef struct heads {
    GPtrArray *keys;
    int rows;
} heads;

static int collect_heads(const tna_csv_record *r, void *ctx)
{
    heads *h = ctx;
    for (size_t i = 0; i < r->n; i++)
        g_ptr_array_add(h->keys, tna_text_key(r->fields[i], -1));
    return ++h->rows < 3 ? 0 : 1;
}

static tna_preset detect(const char *path)
{
    heads h = {g_ptr_array_new_with_free_func(g_free), 0};
    tna_error err = TNA_ERROR_INIT;
    CHECK_INT(tna_csv_read_file(path, NULL, collect_heads, &h, &err), TNA_OK);
    tna_preset p = tna_preset_detect((const char *const *)h.keys->pdata, h.keys->len);
    g_ptr_array_free(h.keys, TRUE);
    return p;
}

static void test_detect(void)
{
    static const struct {
        const char *path;
        tna_preset want;
    } cases[] = {
        {"tests/fixtures/exports/google_forms/gforms_uvads_hotdog_spring26.csv",
         TNA_PRESET_GOOGLE_FORMS},
        {"tests/fixtures/exports/limesurvey/limesurvey_chi_332449_semicolon_bom.csv",
         TNA_PRESET_LIMESURVEY},
        {"tests/fixtures/exports/limesurvey/limesurvey_uu_nameface_codes.csv",
         TNA_PRESET_LIMESURVEY},
        {"tests/fixtures/exports/qualtrics/qualtrics_sample_de.csv", TNA_PRESET_QUALTRICS},
        {"tests/fixtures/exports/qualtrics/qualtrics_sample_legacy.csv", TNA_PRESET_QUALTRICS},
        {"tests/fixtures/exports/surveymonkey/surveymonkey_churcharmy_lead_module_feedback.csv",
         TNA_PRESET_SURVEYMONKEY},
        {"tests/fixtures/tools/microsoft-forms/export.csv", TNA_PRESET_MICROSOFT_FORMS},
        {"tests/fixtures/tools/google-forms/export.csv", TNA_PRESET_GOOGLE_FORMS},
        {"tests/fixtures/tools/surveymonkey/export.csv", TNA_PRESET_SURVEYMONKEY},
        {"tests/fixtures/tools/smartsurvey/export.csv", TNA_PRESET_SMARTSURVEY},
        {"tests/fixtures/tools/qualtrics/export.csv", TNA_PRESET_QUALTRICS},
        {"tests/fixtures/tools/limesurvey/export.csv", TNA_PRESET_LIMESURVEY},
        {"tests/cases/analysis/2026-Q3-survey.csv", TNA_PRESET_NONE},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        tna_preset got = detect(cases[i].path);
        CHECK_INT(got, cases[i].want);
        if (got != cases[i].want)
            fprintf(stderr, "  %s\n", cases[i].path);
    }
}

/* ---- answers --------------------------------------------------------------------------------- */

static void test_answer_words(void)
{
    run r;
    tcase t = make_case("answers:\n"
                        "  authority: {FCC: a2}\n"
                        "  level: {\"Ddim yn siŵr\": missing, Ardderchog: 4}\n"
                        "  trained: {\"Wedi gwneud\": yes}\n"
                        "  barriers: {\"Diffyg amser yn y gwaith\": time}\n",
                        "    path: s.csv\n"
                        "    columns: {authority: C, role: R}\n"
                        "    skills: {S1: s1}\n"
                        "    answers:\n"
                        "      authority: {FCC: a3}          # the source's own word wins\n",
                        "s.csv", "C,R,S1\na1,r1,Working\n", 21);
    if (!run_pipeline(t.config, 0, false, &r)) {
        close_case(&t);
        return;
    }
    const tna_model *m = r.m;
    uint32_t fw = 0;
#define LEVEL(text) tna_answer_match(m, 0, TNA_FIELD_LEVEL, fw, text)
    CHECK_INT(LEVEL("Working"), 2);
    CHECK_INT(LEVEL("  gweithio "), 2);                   /* Welsh alias, any case and spacing */
    CHECK_INT(LEVEL("Ymarferydd / Practitioner"), 3);     /* both sides agree */
    CHECK_INT(LEVEL("Practitioner / Something else"), 3); /* one side matches */
    CHECK_INT(LEVEL("Expert / Practitioner"), TNA_ANSWER_UNKNOWN); /* they disagree */
    CHECK_INT(LEVEL("3 - Practitioner"), 3);
    CHECK_INT(LEVEL("3. Practitioner"), 3);
    CHECK_INT(LEVEL("3 \xE2\x80\x93 Ymarferydd"), 3); /* an en dash, the Welsh label */
    CHECK_INT(LEVEL("Practitioner (3)"), 3);
    CHECK_INT(LEVEL("3) Whatever it says"), 3);         /* a label that names no level */
    CHECK_INT(LEVEL("3 - Expert"), TNA_ANSWER_UNKNOWN); /* the label contradicts the number */
    CHECK_INT(LEVEL("Expert (3)"), TNA_ANSWER_UNKNOWN);
    CHECK_INT(LEVEL("3.5"), TNA_ANSWER_UNKNOWN);
    CHECK_INT(LEVEL("5 - Beyond"), TNA_ANSWER_UNKNOWN);   /* off the scale */
    CHECK_INT(LEVEL("Ddim yn siŵr"), TNA_ANSWER_MISSING); /* the run's answers: */
    CHECK_INT(LEVEL("ardderchog"), 4);
    CHECK_INT(LEVEL("Prefer not to say"), TNA_ANSWER_MISSING);
    CHECK_INT(LEVEL(""), TNA_ANSWER_MISSING);
    CHECK_INT(LEVEL("Caf\xE9"), TNA_ANSWER_UNKNOWN); /* not UTF-8 */
#undef LEVEL
    /* yes/no and language, in English and Welsh, and "A / B" */
    static const char *const yes[] = {"Yes",  "Do", "Ydw",      "Oes",        "Y",
                                      "True", "1",  "Do / Yes", "Wedi gwneud"};
    static const char *const no[] = {"No", "Naddo", "Nac ydw", "Nac oes",
                                     "N",  "False", "0",       "Naddo / No"};
    for (size_t i = 0; i < G_N_ELEMENTS(yes); i++)
        CHECK_INT(tna_answer_match(m, 0, TNA_FIELD_TRAINED, 0, yes[i]), TNA_YES);
    for (size_t i = 0; i < G_N_ELEMENTS(no); i++)
        CHECK_INT(tna_answer_match(m, 0, TNA_FIELD_APPLIED, 0, no[i]), TNA_NO);
    CHECK_INT(tna_answer_match(m, 0, TNA_FIELD_TRAINED, 0, "Do / No"), TNA_ANSWER_UNKNOWN);
    static const struct {
        const char *text;
        int medium;
    } lang[] = {{"Welsh", TNA_MEDIUM_WELSH},           {"Cymraeg", TNA_MEDIUM_WELSH},
                {"Cymraeg / Welsh", TNA_MEDIUM_WELSH}, {"English", TNA_MEDIUM_ENGLISH},
                {"Saesneg", TNA_MEDIUM_ENGLISH},       {"No preference", TNA_MEDIUM_EITHER},
                {"Dim ffafriaeth", TNA_MEDIUM_EITHER}, {"Either", TNA_MEDIUM_EITHER},
                {"Bilingual", TNA_MEDIUM_EITHER},      {"Dwyieithog", TNA_MEDIUM_EITHER}};
    for (size_t i = 0; i < G_N_ELEMENTS(lang); i++)
        CHECK_INT(tna_answer_match(m, 0, TNA_FIELD_LANGUAGE_PREFERENCE, 0, lang[i].text),
                  lang[i].medium);
    /* councils: the source's answers over the run's; names in both languages */
    CHECK_INT(tna_answer_match(m, 0, TNA_FIELD_AUTHORITY, 0, "FCC"), 2);
    CHECK_INT(tna_answer_match(m, TNA_NONE, TNA_FIELD_AUTHORITY, 0, "FCC"), 1);
    CHECK_INT(tna_answer_match(m, 0, TNA_FIELD_AUTHORITY, 0, "Awdurdod un / Authority one"), 0);
    /* barriers: the shipped list, by name, Welsh name, alias, answers: and bilingual form */
    CHECK_INT(tna_answer_match(m, 0, TNA_FIELD_BARRIERS, 0, "Diffyg amser"),
              __builtin_ctzll(bit_of(m, "time")));
    CHECK_INT(tna_answer_match(m, 0, TNA_FIELD_BARRIERS, 0, "Diffyg amser yn y gwaith"),
              __builtin_ctzll(bit_of(m, "time")));
    CHECK_INT(tna_answer_match(m, 0, TNA_FIELD_BARRIERS, 0, "Cost y cyrsiau / Cost of courses"),
              __builtin_ctzll(bit_of(m, "cost")));
    CHECK_INT(tna_answer_match(m, 0, TNA_FIELD_BARRIERS, 0, "Other (please specify)"),
              (int)m->barrier_other);
    CHECK_INT(tna_answer_match(m, 0, TNA_FIELD_SATISFACTION, 0, "5 - Very satisfied"), 5);
    CHECK_INT(tna_answer_match(m, 0, TNA_FIELD_SATISFACTION, 0, "Bodlon iawn"), 5);
    CHECK(tna_answer_is_other("other (please specify)"));
    CHECK(!tna_answer_is_other("others"));
    run_free(&r);
    close_case(&t);
}

/* `answers:` naming nothing, or listing an answer twice, is a configuration error. */
static void test_answers_config(void)
{
    static const struct {
        const char *answers, *msg;
    } cases[] = {
        {"answers:\n  authority: {FCC: flintshir}\n", "'flintshir' is not an authority id or name"},
        {"answers:\n  level: {Da: 7}\n", "'7' is not a level number or label"},
        {"answers:\n  trained: {Do: maybe}\n", "'maybe' is not yes or no"},
        {"answers:\n  barriers: {Amser: tiem}\n",
         "'tiem' is not a barrier id or name (did you mean 'time'?)"},
        {"answers:\n  role: {Boss: r1, boss: r2}\n", "answer 'boss' is listed twice"},
        {"answers:\n  colour: {Blue: r1}\n", "unknown key 'colour'"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        tcase t = make_case(cases[i].answers,
                            "    path: s.csv\n    columns: {authority: C, role: R}\n"
                            "    skills: {S1: s1}\n",
                            NULL, NULL, 0);
        tna_error err = TNA_ERROR_INIT;
        tna_model *m = NULL;
        CHECK_INT(tna_config_load(t.config, &m, &err), TNA_ERR_CONFIG);
        CHECK(g_str_has_prefix(err.message, cases[i].msg));
        if (!g_str_has_prefix(err.message, cases[i].msg))
            fprintf(stderr, "  got: %s\n", err.message);
        tna_model_free(m);
        close_case(&t);
    }
}

/* ---- headings ------------------------------------------------------------------------------- */

/* The same export with four ways of naming its grid rows and fields, and a field naming two
 * columns: the first non-blank wins, and a cell that only says "Other" gives way to the typed
 * text after it. */
static void test_heading_forms(void)
{
    static const char csv[] =
        "Staff,Council,Role,Role - Other (please specify),Rate [Skill one],Rate [Skill two],"
        "Rate [Skill three],Rate [Skill four]\n"
        "E1,a1,r1,,Working,Expert,None,Awareness\n"
        "E2,a2,Other,Role two,Expert,,,\n"
        "E3,a3,,r2,None,None,None,None\n";
    tcase t = make_case("",
                        "    path: s.csv\n    preset: google-forms\n"
                        "    columns: {respondent: staff, authority: Council,\n"
                        "              role: [Role, Role - Other (please specify)]}\n"
                        "    skills:\n"
                        "      \"Rate [Skill one]\": s1     # the whole heading\n"
                        "      skill two: s2              # the row alone, any case\n"
                        "      Skill Three: s3\n"
                        "      \"  Rate  [Skill four] \": s4 # spaces folded\n",
                        "s.csv", csv, sizeof csv - 1);
    run r;
    if (run_pipeline(t.config, 0, false, &r)) {
        const tna_period_data *pd = &r.ds->periods[0];
        CHECK_INT(problems(pd), 0);
        CHECK_INT(pd->n_records, 3);
        if (pd->n_records == 3) {
            CHECK_STR(levels_of(&r, 0), "2401");
            CHECK_INT(pd->records[1].role, 1); /* "Other" gave way to "Role two" */
            CHECK_INT(pd->records[2].role, 1); /* a blank main column */
        }
        run_free(&r);
    }
    close_case(&t);
}

/* A heading that matches two columns, and two headings that match one column, are errors
 * naming both. */
static void test_heading_errors(void)
{
    static const char dup[] = "Staff,Council,Role,S1,Council\nE1,a1,r1,Working,a2\n";
    tcase t = make_case("",
                        "    path: s.csv\n    columns: {authority: Council, role: Role}\n"
                        "    skills: {S1: s1}\n",
                        "s.csv", dup, sizeof dup - 1);
    char *msg = ingest_fails(&t, TNA_ERR_INPUT);
    CHECK_STR(msg, "DIR/s.csv:1: heading 'Council' matches 2 columns, column 2 ('Council') and "
                   "column 5 ('Council'): name the one you mean with its full heading");
    g_free(msg);
    close_case(&t);

    /* a field by a grid row's text and a skill by the whole heading of that column */
    static const char grid[] = "Staff,Council,Role,Rate - Role\nE1,a1,r1,Working\n";
    t = make_case("",
                  "    path: s.csv\n    preset: surveymonkey\n    skip_after_header: 0\n"
                  "    columns: {authority: Council, role: Role}\n"
                  "    skills: {Rate - Role: s1}\n",
                  "s.csv", grid, sizeof grid - 1);
    run r;
    /* the exact heading "Role" (column 3) wins over the row text of column 4 */
    if (run_pipeline(t.config, 0, false, &r))
        run_free(&r);
    close_case(&t);

    /* SurveyMonkey: "Skill one" is the row text of two grids: say which */
    static const char two[] = "Council,Role,Rate now,,Rate next year,\n"
                              ",,Skill one,Skill two,Skill one,Skill two\n"
                              "a1,r1,Working,None,Expert,Expert\n";
    t = make_case("",
                  "    path: s.csv\n    preset: surveymonkey\n"
                  "    columns: {authority: Council, role: Role}\n"
                  "    skills: {Skill one: s1}\n",
                  "s.csv", two, sizeof two - 1);
    msg = ingest_fails(&t, TNA_ERR_INPUT);
    CHECK_STR(msg, "DIR/s.csv:1: heading 'Skill one' matches 2 columns, column 3 ('Rate now') and "
                   "column 5 ('Rate next year'): name the one you mean with its full heading");
    g_free(msg);
    close_case(&t);
    t = make_case("",
                  "    path: s.csv\n    preset: surveymonkey\n"
                  "    columns: {authority: Council, role: Role}\n"
                  "    skills: {Rate next year - Skill one: s1, Rate now - Skill two: s2}\n",
                  "s.csv", two, sizeof two - 1);
    if (run_pipeline(t.config, 0, false, &r)) {
        CHECK_STR(levels_of(&r, 0), "40--");
        run_free(&r);
    }
    close_case(&t);
}

/* Barriers: a column per option (SurveyMonkey) with its Other column; a one-cell list with
 * options that hold the separator; LimeSurvey codes given as a mapping; an option the
 * reference list does not know, logged once at the header and counted as other. */
static void test_barrier_layouts(void)
{
    static const char sm[] =
        "Council,Role,S1,What stops you?,,,,\n" /* a trailing delimiter, as SurveyMonkey */
        ",,,Lack of time,Cost of courses,Too far away,Other (please specify)\n"
        "a1,r1,None,Lack of time,,,My dog\n"
        "a1,r1,None,,Cost of courses,Too far away,\n"
        "a1,r1,None,,,,\n";
    tcase t = make_case("",
                        "    path: s.csv\n    preset: surveymonkey\n"
                        "    columns: {authority: Council, role: Role, barriers: What stops you?}\n"
                        "    skills: {S1: s1}\n",
                        "s.csv", sm, sizeof sm - 1);
    run r;
    if (run_pipeline(t.config, 0, false, &r)) {
        const tna_period_data *pd = &r.ds->periods[0];
        const tna_model *m = r.m;
        CHECK_INT(pd->n_records, 3);
        if (pd->n_records == 3) {
            CHECK_INT(pd->records[0].barriers, bit_of(m, "time") | bit_of(m, "other"));
            CHECK_INT(pd->records[1].barriers, bit_of(m, "cost") | bit_of(m, "other"));
            CHECK(pd->records[1].barriers_answered && !pd->records[2].barriers_answered);
        }
        /* the unknown option, once, where the header names it (not per row) */
        CHECK_INT(problems(pd), 1);
        CHECK(pd->n_dq > 0 && pd->dq[0].line == 2 && pd->dq[0].column == 6 &&
              strcmp(pd->dq[0].value, "Too far away") == 0);
        run_free(&r);
    }
    close_case(&t);

    static const char gf[] = "Council,Role,S1,Barriers\n"
                             "a1,r1,None,\"Travel, e.g. to Cardiff or Swansea, Cost\"\n"
                             "a1,r1,None,\"Dim, byd, addas, Time\"\n";
    t = make_case("",
                  "    path: s.csv\n    preset: google-forms\n"
                  "    columns: {authority: Council, role: Role, barriers: Barriers}\n"
                  "    skills: {S1: s1}\n",
                  "s.csv", gf, sizeof gf - 1);
    if (run_pipeline(t.config, 0, false, &r)) {
        const tna_period_data *pd = &r.ds->periods[0];
        const tna_model *m = r.m;
        CHECK_INT(pd->records[0].barriers, bit_of(m, "travel-caring") | bit_of(m, "cost"));
        /* "Dim", "byd", "addas" match nothing alone or together ("Dim byd addas" would) */
        CHECK_INT(pd->records[1].barriers, bit_of(m, "other") | bit_of(m, "time"));
        CHECK_INT(problems(pd), 3);
        run_free(&r);
    }
    close_case(&t);

    static const char ls[] = "\"G1\";\"G2\";\"G3\";\"B[SQ001]\";\"B[SQ002]\";\"B[other]\"\n"
                             "\"a1\";\"r1\";\"0\";\"Y\";\"\";\"\"\n"
                             "\"a2\";\"r1\";\"0\";\"N\";\"Y\";\"Evenings\"\n";
    t = make_case("",
                  "    path: s.csv\n    preset: limesurvey\n"
                  "    columns:\n      authority: G1\n      role: G2\n"
                  "      barriers: {\"B[SQ001]\": time, \"B[SQ002]\": Cost, \"B[other]\": other}\n"
                  "    skills: {G3: s1}\n",
                  "s.csv", ls, sizeof ls - 1);
    if (run_pipeline(t.config, 0, false, &r)) {
        const tna_period_data *pd = &r.ds->periods[0];
        const tna_model *m = r.m;
        CHECK_INT(pd->records[0].barriers, bit_of(m, "time"));
        CHECK_INT(pd->records[1].barriers, bit_of(m, "cost") | bit_of(m, "other")); /* "N" */
        CHECK_INT(problems(pd), 0);
        run_free(&r);
    }
    close_case(&t);
}

/* ---- rows ----------------------------------------------------------------------------------- */

/* exclude_rows: the source's own list (which replaces the preset's), counted and noted. */
static void test_excluded_rows(void)
{
    static const char csv[] = "Staff,Council,Role,S1,Kind\n"
                              "E1,a1,r1,Working,Live\n"
                              "E2,a1,r1,Working,Test run\n"
                              "E3,a1,r1,Working,test RUN\n"
                              "E4,a2,r2,Expert,\n";
    tcase t = make_case("",
                        "    path: s.csv\n    columns: {respondent: Staff, authority: Council, "
                        "role: Role}\n    skills: {S1: s1}\n"
                        "    exclude_rows: {Kind: [Test run, Pilot]}\n",
                        "s.csv", csv, sizeof csv - 1);
    run r;
    if (run_pipeline(t.config, 0, false, &r)) {
        const tna_period_data *pd = &r.ds->periods[0];
        const tna_source_stats *st = &pd->stats[0];
        CHECK_INT(st->rows_read, 4);
        CHECK_INT(st->accepted, 2);
        CHECK_INT(st->excluded, 2);
        CHECK_INT(st->rejected, 0);
        CHECK_INT(problems(pd), 0);
        CHECK_INT(pd->n_dq, 3);
        if (pd->n_dq == 3) {
            CHECK(pd->dq[0].note && pd->dq[0].line == 3 && pd->dq[0].column == 5);
            CHECK(DQ_SAYS(pd->dq[0], "not a response (by its Kind); row excluded"));
            CHECK_STR(pd->dq[0].value, "Test run");
            CHECK(DQ_SAYS(pd->dq[2], "4 rows read = 2 accepted + 0 rejected + 2 excluded"));
        }
        CHECK_INT(r.ds->n_respondents, 2);
        run_free(&r);
    }
    close_case(&t);
    /* a configured exclusion column that is not in the file is an error */
    t = make_case("",
                  "    path: s.csv\n    columns: {authority: Council, role: Role}\n"
                  "    skills: {S1: s1}\n    exclude_rows: {Status: Spam}\n",
                  "s.csv", csv, sizeof csv - 1);
    char *msg = ingest_fails(&t, TNA_ERR_INPUT);
    CHECK_STR(msg, "DIR/s.csv:1: no column headed 'Status' for exclude_rows");
    g_free(msg);
    close_case(&t);
}

/* The Qualtrics preset's own list of rows that are not responses, beyond the contract's
 * preview and spam: "Survey Test", and the numbers Qualtrics writes for these three when the
 * export uses numeric values (1 preview, 2 test, 8 spam), any case. "IP Address" and its
 * number 0 are real responses, and so is 4 (an imported response). */
static void test_qualtrics_status(void)
{
    static const char csv[] = "Status,Q1,Q2,Q3,Q4_1\n"
                              "Response Type,Staff,Council,Role,Skills - Skill one\n"
                              "\"{\"\"ImportId\"\":\"\"status\"\"}\","
                              "\"{\"\"ImportId\"\":\"\"QID1\"\"}\","
                              "\"{\"\"ImportId\"\":\"\"QID2\"\"}\","
                              "\"{\"\"ImportId\"\":\"\"QID3\"\"}\","
                              "\"{\"\"ImportId\"\":\"\"QID4_1\"\"}\"\n"
                              "IP Address,E1,a1,r1,Working\n"     /* line 4: kept */
                              "Survey Preview,E2,a1,r1,Working\n" /* 5 */
                              "Survey Test,E3,a1,r1,Working\n"    /* 6 */
                              "Spam,E4,a1,r1,Working\n"           /* 7 */
                              "0,E5,a2,r2,Expert\n"               /* 8: kept */
                              "1,E6,a1,r1,Working\n"              /* 9 */
                              "2,E7,a1,r1,Working\n"              /* 10 */
                              "8,E8,a1,r1,Working\n"              /* 11 */
                              "4,E9,a2,r2,None\n"                 /* 12: kept */
                              "survey test,E10,a1,r1,Working\n";  /* 13 */
    tcase t = make_case("",
                        "    path: s.csv\n    preset: qualtrics\n"
                        "    columns: {respondent: Staff, authority: Council, role: Role}\n"
                        "    skills: {Skill one: s1}\n",
                        "s.csv", csv, sizeof csv - 1);
    run r;
    if (run_pipeline(t.config, 0, false, &r)) {
        const tna_period_data *pd = &r.ds->periods[0];
        const tna_source_stats *st = &pd->stats[0];
        CHECK_INT(st->rows_read, 10);
        CHECK_INT(st->excluded, 7);
        CHECK_INT(st->accepted, 3);
        CHECK_INT(st->rejected, 0);
        CHECK_INT(problems(pd), 0);
        CHECK_INT(r.ds->n_respondents, 3);
        static const struct {
            long line;
            const char *value;
        } excluded[] = {
            {5, "Survey Preview"}, {6, "Survey Test"}, {7, "Spam"}, {9, "1"}, {10, "2"}, {11, "8"},
            {13, "survey test"}};
        CHECK_INT(pd->n_dq, G_N_ELEMENTS(excluded) + 1); /* and the rows counted */
        for (size_t i = 0; i < G_N_ELEMENTS(excluded) && i < pd->n_dq; i++) {
            CHECK(pd->dq[i].note);
            CHECK_INT(pd->dq[i].line, excluded[i].line);
            CHECK_INT(pd->dq[i].column, 1);
            CHECK_STR(pd->dq[i].value, excluded[i].value);
            CHECK(DQ_SAYS(pd->dq[i], "not a response (by its Status); row excluded"));
        }
        if (pd->n_dq == G_N_ELEMENTS(excluded) + 1)
            CHECK(DQ_SAYS(pd->dq[pd->n_dq - 1],
                          "10 rows read = 3 accepted + 0 rejected + 7 excluded"));
        run_free(&r);
    }
    close_case(&t);
}

/* A respondent key that is not text (invalid UTF-8, a NUL) could merge two people: the row
 * is rejected and logged. */
static void test_respondent_key(void)
{
    static const char csv[] = "Staff,Council,Role,S1\n"
                              "E\xFF"
                              "1,a1,r1,Working\n"
                              "E\0002,a1,r1,Expert\n"
                              "E3,a1,r1,None\n";
    tcase t = make_case("",
                        "    path: s.csv\n    encoding: utf-8\n"
                        "    columns: {respondent: Staff, authority: Council, role: Role}\n"
                        "    skills: {S1: s1}\n",
                        "s.csv", csv, sizeof csv - 1);
    run r;
    if (run_pipeline(t.config, 0, false, &r)) {
        const tna_period_data *pd = &r.ds->periods[0];
        CHECK_INT(pd->stats[0].rejected, 2);
        CHECK_INT(pd->n_records, 1);
        CHECK_INT(problems(pd), 2);
        const char *why = "respondent key is not valid UTF-8 (if the file is not UTF-8, set "
                          "encoding: windows-1252); row left out, as it could merge two people";
        CHECK(pd->n_dq >= 2 && pd->dq[0].line == 2 && pd->dq[0].column == 1 &&
              DQ_SAYS(pd->dq[0], why));
        CHECK(pd->n_dq >= 2 && pd->dq[1].line == 3 && DQ_SAYS(pd->dq[1], why));
        run_free(&r);
    }
    close_case(&t);
}

/* Missing files (exit 3 unless optional), dates that name the line and the key. */
static void test_files_and_dates(void)
{
    tcase t = make_case("",
                        "    path: nowhere.csv\n    columns: {authority: C, role: R}\n"
                        "    skills: {S1: s1}\n",
                        NULL, NULL, 0);
    char *msg = ingest_fails(&t, TNA_ERR_INPUT);
    CHECK_STR(msg, "DIR/nowhere.csv: no such file for source 's': check its path, or add "
                   "'optional: true' to the source if some periods have no such export");
    g_free(msg);
    close_case(&t);

    /* one day-first date among ISO ones: the message quotes it, on its own line */
    static const char one[] = "C,R,S1,When\na1,r1,None,2026-07-01 10:00\n"
                              "a1,r1,None,2026-07-02 10:00\na1,r1,None,05/03/2026 10:00\n";
    t = make_case("",
                  "    path: s.csv\n    columns: {authority: C, role: R, submitted: When}\n"
                  "    skills: {S1: s1}\n",
                  "s.csv", one, sizeof one - 1);
    msg = ingest_fails(&t, TNA_ERR_INPUT);
    CHECK_STR(msg, "DIR/s.csv:4:4: every date in column 'When' reads both day-first and "
                   "month-first (e.g. '05/03/2026 10:00' on this line); set date_format: dmy or "
                   "mdy for source 's'");
    g_free(msg);
    close_case(&t);

    /* a column of which no date can be read names date_format too */
    static const char none[] = "C,R,S1,When\na1,r1,None,soon\na1,r1,None,later\n";
    t = make_case("",
                  "    path: s.csv\n    columns: {authority: C, role: R, submitted: When}\n"
                  "    skills: {S1: s1}\n",
                  "s.csv", none, sizeof none - 1);
    msg = ingest_fails(&t, TNA_ERR_INPUT);
    CHECK_STR(msg, "DIR/s.csv:2:4: no date in column 'When' can be read (e.g. 'soon'); set "
                   "date_format: iso, dmy or mdy for source 's', or map another column as "
                   "submitted");
    g_free(msg);
    close_case(&t);
}

/* ---- real exports ---------------------------------------------------------------------------- */

/* The real public exports read with their presets: Qualtrics' numeric Status 0 is a real
 * response (1 and 8 would be a preview and spam); SurveyMonkey's questions over blank
 * cells and row-2 labels; LimeSurvey's "code. text" headings with semicolons, a BOM and tabs
 * inside headings. Every row is read and accounted for (none excluded; the fields mapped here
 * are stand-ins, so rows may be rejected), and the rows counted as Python's csv counts them. */
static void test_real_exports(void)
{
    char *cwd = g_get_current_dir();
    static const struct {
        const char *file, *preset, *columns;
        long rows;
        const char *skill;
    } cases[] = {
        {"qualtrics/qualtrics_sample_de.csv", "qualtrics",
         "{respondent: ResponseId, authority: UserLanguage, role: Finished, submitted: EndDate}", 1,
         "Progress"},
        {"surveymonkey/surveymonkey_churcharmy_lead_module_feedback.csv", "surveymonkey",
         "{respondent: Respondent ID, authority: Collector ID, role: \"Did you complete this "
         "module as part of an action learning group?\", submitted: End Date}",
         16, "\"How much of this module's learning material was relevant to you?\""},
        {"limesurvey/limesurvey_chi_673185_semicolon_bom.csv", "limesurvey",
         "{respondent: id, authority: startlanguage, role: lastpage, submitted: submitdate}", 10,
         "seed"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *source =
            g_strdup_printf("    path: %s/tests/fixtures/exports/%s\n    preset: %s\n"
                            "    columns: %s\n    skills: {%s: s1}\n",
                            cwd, cases[i].file, cases[i].preset, cases[i].columns, cases[i].skill);
        tcase t = make_case("", source, NULL, NULL, 0);
        g_free(source);
        tna_error err = TNA_ERROR_INIT;
        tna_model *m = NULL;
        CHECK_INT(tna_config_load(t.config, &m, &err), TNA_OK);
        tna_dataset *ds = NULL;
        if (m != NULL)
            CHECK_INT(tna_ingest(m, NULL, &ds, &err), TNA_OK);
        if (err.code)
            fprintf(stderr, "  %s: %s\n", cases[i].file, err.message);
        if (ds != NULL) {
            const tna_source_stats *st = &ds->periods[0].stats[0];
            CHECK_INT(st->rows_read, cases[i].rows);
            CHECK_INT(st->excluded, 0);
            CHECK_INT(st->rows_read, st->accepted + st->rejected + st->excluded);
            CHECK_INT(st->encoding, TNA_ENCODING_UTF8);
        }
        tna_dataset_free(ds);
        tna_model_free(m);
        close_case(&t);
    }
    g_free(cwd);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    RUN(test_preset_table);
    RUN(test_detect);
    RUN(test_answer_words);
    RUN(test_answers_config);
    RUN(test_heading_forms);
    RUN(test_heading_errors);
    RUN(test_barrier_layouts);
    RUN(test_excluded_rows);
    RUN(test_qualtrics_status);
    RUN(test_respondent_key);
    RUN(test_files_and_dates);
    RUN(test_real_exports);
    return g_test_run();
}
