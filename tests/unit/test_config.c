/*
 * test_config.c - the configuration loader: a valid analysis read in full, then one bad
 * configuration per kind of mistake, each expecting its exact "file:line:col: message".
 *
 * Cases live in tests/cases/config/<kind>/; a few small ones are written to a temporary
 * directory (the oversized file, and variations on one source).
 */
#include <glib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <glib/gstdio.h>
#include <string.h>

#include "check.h"
#include "tna/config.h"
#include "tna/text.h"

#define CASES "tests/cases/config/"

/* Loads path expecting failure; returns the formatted error (static buffer). */
static const char *load_error(const char *path, tna_status *code)
{
    static char buf[2048];
    static tna_model dummy;
    tna_model *m = &dummy; /* the loader must reset it to NULL */
    tna_error err = TNA_ERROR_INIT;
    tna_status st = tna_config_load(path, &m, &err);
    CHECK(st != TNA_OK);
    CHECK(m == NULL);
    if (st == TNA_OK)
        tna_model_free(m);
    if (code != NULL)
        *code = st;
    tna_error_format(&err, buf, sizeof buf);
    return buf;
}

static uint32_t find_authority(const tna_model *m, const char *text)
{
    char *k = tna_text_key(text, -1);
    uint32_t i = tna_model_find_authority(m, k);
    g_free(k);
    return i;
}

static uint32_t find_role(const tna_model *m, const char *text)
{
    char *k = tna_text_key(text, -1);
    uint32_t i = tna_model_find_role(m, k);
    g_free(k);
    return i;
}

static int find_level(const tna_model *m, uint32_t fw, const char *text)
{
    char *k = tna_text_key(text, -1);
    int l = tna_model_find_level(m, fw, k);
    g_free(k);
    return l;
}

static int target(const tna_model *m, const char *role, const char *skill)
{
    uint32_t r = find_role(m, role), s = tna_model_find_skill(m, skill);
    CHECK(r != TNA_NONE);
    CHECK(s != TNA_NONE);
    return r == TNA_NONE || s == TNA_NONE ? -1 : m->roles[r].target[s];
}

/* ---------------------------------------------------------------------------------------- */
/* The valid analysis */

static void test_good_reference_data(void)
{
    tna_model *m = NULL;
    tna_error err = TNA_ERROR_INIT;
    CHECK_INT(tna_config_load(CASES "good/tna.yaml", &m, &err), TNA_OK);
    CHECK_STR(err.message, "");
    if (m == NULL)
        return;
    CHECK_STR(m->title, "Config test analysis");
    CHECK_INT(m->language, TNA_LANG_BOTH);
    CHECK_INT(m->rater_policy, TNA_RATER_LATEST);
    CHECK_INT(m->n_periods, 2);
    CHECK_STR(m->periods[1], "2026-Q3");

    CHECK_INT(m->n_frameworks, 2);
    CHECK_INT(m->n_topics, 3);
    CHECK_INT(m->n_skills, 6);
    const tna_framework *cd = &m->frameworks[0], *ur = &m->frameworks[1];
    CHECK_STR(cd->id, "content-design");
    CHECK_STR(cd->version, "2026.1");
    CHECK_STR(cd->name_cy, "Dylunio cynnwys");
    CHECK_STR(cd->path, CASES "good/frameworks/content-design.yaml");
    CHECK(ur->version == NULL);
    CHECK_INT(cd->scale.n_levels, 5);
    CHECK_INT(cd->scale.max, 4);
    CHECK_STR(cd->scale.levels[3].label_cy, "Ymarferydd");
    CHECK_INT(cd->scale.n_missing, 3);
    CHECK_INT(ur->scale.max, 3);
    for (size_t i = 0; i < ur->scale.n_levels; i++)
        CHECK_INT(ur->scale.levels[i].level, (int)i); /* sorted though written out of order */
    CHECK_STR(ur->scale.levels[2].label, "Working");
    CHECK_INT(cd->first_topic, 0);
    CHECK_INT(cd->n_topics, 2);
    CHECK_INT(ur->first_topic, 2);
    CHECK_INT(m->topics[1].first_skill, 2);
    CHECK_INT(m->topics[1].n_skills, 2);
    CHECK_INT(m->topics[2].framework, 1);
    CHECK_STR(m->skills[1].name_cy, "Creu cynnwys dwyieithog");
    CHECK(m->skills[0].name_cy == NULL);
    CHECK_INT(m->skills[5].topic, 2);
    CHECK_INT(m->skills[2].mark.line, 26);
    CHECK_INT(m->skills[2].mark.col, 9);

    CHECK_INT(tna_model_find_framework(m, "user-research"), 1);
    CHECK_INT(tna_model_find_topic(m, "cd-accessibility"), 1);
    CHECK_INT(tna_model_find_skill(m, "ur-usability"), 5);
    CHECK_INT(tna_model_find_skill(m, "nope"), TNA_NONE);

    /* Targets: skill > topic > framework, whatever their order in the file. */
    CHECK_INT(target(m, "content-designer", "cd-plain-english"), 3);
    CHECK_INT(target(m, "content-designer", "cd-bilingual"), 2);
    CHECK_INT(target(m, "content-designer", "cd-alt-text"), 4);
    CHECK_INT(target(m, "content-designer", "cd-wcag"), 4);
    CHECK_INT(target(m, "content-designer", "ur-interviews"), 0);
    CHECK_INT(target(m, "content-designer", "ur-usability"), 2); /* "level: Working" */
    CHECK_INT(target(m, "user-researcher", "cd-wcag"), 0);
    CHECK_INT(target(m, "user-researcher", "ur-interviews"), 3);
    CHECK_INT(target(m, "other", "ur-interviews"), 0);

    /* Roles and authorities by any name, in any case, spacing or Unicode form. */
    CHECK_INT(find_role(m, "  ux   RESEARCHER "), 1);
    CHECK_INT(find_role(m, "Dylunydd cynnwys"), 0);
    CHECK_INT(find_role(m, "content-designer"), 0);
    CHECK_INT(find_role(m, "Designer"), TNA_NONE);
    CHECK_INT(find_authority(m, "Ynys Mo\xcc\x82n"), 0); /* o + combining circumflex */
    CHECK_INT(find_authority(m, "CYNGOR SIR YNYS MÔN"), 0);
    CHECK_INT(find_authority(m, "caerdydd"), 2);
    CHECK_INT(find_authority(m, "gwynedd"), 1);
    CHECK_INT(find_authority(m, "Powys"), TNA_NONE);
    CHECK_INT(tna_model_find_authority(m, NULL), TNA_NONE);
    CHECK_STR(m->roles[1].aliases[1], "Ymchwilydd profiad defnyddwyr");
    CHECK_INT(m->authorities[0].n_aliases, 3);

    CHECK_INT(m->n_regions, 2);
    CHECK_STR(m->regions[0].name, "North Wales");
    CHECK_STR(m->regions[0].name_cy, "Gogledd Cymru");
    CHECK(m->regions[1].name_cy == NULL);
    CHECK_INT(m->authorities[1].region, 0);
    CHECK_INT(m->authorities[2].region, 1);
    char *k = tna_text_key("gogledd cymru", -1);
    CHECK_INT(tna_model_find_region(m, k), 0);
    g_free(k);

    /* Levels: label, Welsh label, alias or number; missing answers; anything else. */
    CHECK_INT(find_level(m, 0, "  PRACTITIONER "), 3);
    CHECK_INT(find_level(m, 0, "3"), 3);
    CHECK_INT(find_level(m, 0, "Ymarferydd"), 3);
    CHECK_INT(find_level(m, 0, "working   level"), 2);
    CHECK_INT(find_level(m, 0, "Dim"), 0);
    CHECK_INT(find_level(m, 0, "don't know"), TNA_ANSWER_MISSING);
    CHECK_INT(find_level(m, 0, "Gwell gennyf beidio a\xcc\x82 dweud"), TNA_ANSWER_MISSING);
    CHECK_INT(find_level(m, 0, "   "), TNA_ANSWER_MISSING);
    CHECK_INT(find_level(m, 0, "Very good"), TNA_ANSWER_UNKNOWN);
    CHECK_INT(find_level(m, 0, "5"), TNA_ANSWER_UNKNOWN);
    CHECK_INT(find_level(m, 1, "Ymarferydd"), TNA_ANSWER_UNKNOWN); /* no Welsh labels there */
    CHECK_INT(find_level(m, 1, "4"), TNA_ANSWER_UNKNOWN);
    CHECK_INT(find_level(m, 1, "Prefer not to say"), TNA_ANSWER_UNKNOWN);
    CHECK_INT(find_level(m, 7, "3"), TNA_ANSWER_UNKNOWN);
    tna_model_free(m);
}

static void test_good_analysis(void)
{
    tna_model *m = NULL;
    tna_error err = TNA_ERROR_INIT;
    CHECK_INT(tna_config_load(CASES "good/tna.yaml", &m, &err), TNA_OK);
    if (m == NULL)
        return;
    CHECK_INT(m->n_sources, 3);
    const tna_source *s = &m->sources[0];
    CHECK_STR(s->name, "staff-survey");
    CHECK_STR(s->path, "{period}/staff-survey.csv");
    CHECK_INT(s->format, TNA_FORMAT_WIDE);
    CHECK_INT(s->preset, TNA_PRESET_MICROSOFT_FORMS);
    CHECK_INT(s->header_row, 1);
    CHECK_INT(s->skip_after_header, 2);
    CHECK_INT(s->delimiter, 0);                 /* sniffed */
    CHECK_INT(s->encoding, TNA_ENCODING_AUTO);  /* the default */
    CHECK_INT(s->date_format, TNA_DATE_AUTO);   /* Forms' order is the spreadsheet's */
    CHECK_INT(s->n_columns[TNA_FIELD_AUTHORITY], 1);
    CHECK_STR(s->columns[TNA_FIELD_AUTHORITY][0].heading, "Which council do you work for?");
    CHECK_STR(s->columns[TNA_FIELD_AUTHORITY][0].key, "which council do you work for?");
    CHECK_INT(s->columns[TNA_FIELD_AUTHORITY][0].option, TNA_NONE);
    CHECK(!s->optional);
    CHECK_INT(s->n_exclude, 0);
    CHECK(s->columns[TNA_FIELD_RATER] == NULL);
    CHECK(s->columns[TNA_FIELD_TRAINED] == NULL);
    CHECK_STR(s->barrier_separator, "|");
    CHECK_INT(s->n_skills, 3);
    CHECK_STR(s->skills[1].heading, "Creating bilingual content");
    CHECK_STR(s->skills[1].key, "creating bilingual content");
    CHECK_INT(s->skills[2].skill, 5);
    CHECK_INT(s->mark.line, 10);
    CHECK_INT(s->mark.col, 5);

    s = &m->sources[1];
    CHECK_INT(s->format, TNA_FORMAT_LONG);
    CHECK_INT(s->preset, TNA_PRESET_QUALTRICS);
    CHECK_INT(s->header_row, 1);
    CHECK_INT(s->skip_after_header, 2); /* ids, text, import ids */
    CHECK_INT(s->delimiter, '\t');
    CHECK_INT(s->encoding, TNA_ENCODING_WINDOWS_1252);
    CHECK_INT(s->date_format, TNA_DATE_ISO);
    CHECK_STR(s->columns[TNA_FIELD_LEVEL][0].heading, "Level");
    CHECK_STR(s->barrier_separator, ",");
    /* the preset's rows that are not responses */
    CHECK_INT(s->n_exclude, 1);
    CHECK(s->exclude_from_preset);
    if (s->n_exclude == 1) {
        CHECK_STR(s->exclude[0].heading, "Status");
        CHECK_STR(s->exclude[0].values[0], "Survey Preview");
        CHECK_STR(s->exclude[0].value_keys[2], "spam");
    }
    CHECK_INT(s->n_skills, 0);

    s = &m->sources[2];
    CHECK_INT(s->format, TNA_FORMAT_EVALUATION);
    CHECK_INT(s->preset, TNA_PRESET_NONE);
    CHECK_INT(s->header_row, 1);
    CHECK_INT(s->delimiter, '\t');
    CHECK_INT(s->date_format, TNA_DATE_DMY);
    CHECK_STR(s->columns[TNA_FIELD_APPLIED][0].heading, "Have you used it?");

    char *p = tna_model_source_path(m, &m->sources[0], "2026-Q2");
    CHECK_STR(p, CASES "good/2026-Q2/staff-survey.csv");
    g_free(p);
    p = tna_model_source_path(m, &m->sources[0], NULL); /* the current period */
    CHECK_STR(p, CASES "good/2026-Q3/staff-survey.csv");
    g_free(p);
    p = tna_model_output_dir(m, "2026-Q3");
    CHECK_STR(p, CASES "good/out/2026-Q3");
    g_free(p);

    CHECK_INT(m->n_expectations, 2);
    const tna_expectation *x = &m->expectations[0];
    CHECK_STR(x->id, "ur-practitioners");
    CHECK_INT(x->metric, TNA_METRIC_SHARE_AT_TARGET);
    CHECK_INT(x->scope.framework, 1);
    CHECK_INT(x->scope.role, 1);
    CHECK_INT(x->scope.region, 0);
    CHECK_INT(x->scope.authority, TNA_NONE);
    CHECK(x->has_baseline);
    CHECK_NEAR(x->baseline, 0.2, 1e-12);
    CHECK_NEAR(x->target, 0.5, 1e-12);
    CHECK_STR(x->due, "2026-Q4");
    x = &m->expectations[1];
    CHECK_STR(x->title, "access"); /* defaults to the id */
    CHECK_INT(x->metric, TNA_METRIC_MEAN_GAP);
    CHECK_INT(x->scope.topic, 1);
    CHECK_INT(x->scope.skill, 3);
    CHECK_INT(x->scope.authority, 0); /* by alias */
    CHECK(!x->has_baseline);
    CHECK_NEAR(x->target, -1, 1e-12);
    CHECK(x->due == NULL);

    CHECK_INT(m->commissioning.cohort_min, 4);
    CHECK_INT(m->commissioning.cohort_max, 16);
    CHECK_NEAR(m->commissioning.cost_per_cohort, 1200.5, 1e-9);
    CHECK(m->commissioning.has_cost_per_cohort);
    /* a cost left out is not set, never a default price */
    CHECK_NEAR(m->commissioning.cost_per_elearning_learner, 0, 1e-9);
    CHECK(!m->commissioning.has_cost_per_elearning_learner);
    CHECK_INT(m->commissioning.elearning_max_gap, 1);
    CHECK_INT(m->min_group_size, 3);
    CHECK_STR(m->output_dir, "out/{period}");
    CHECK_STR(tna_field_names[TNA_FIELD_LANGUAGE_PREFERENCE], "language_preference");
    CHECK_STR(tna_metric_names[TNA_METRIC_TRAINED_VS_UNTRAINED], "trained_vs_untrained");
    tna_model_free(m);
    tna_model_free(NULL);
}

/* ---------------------------------------------------------------------------------------- */
/* One bad configuration per kind of mistake */

static void test_yaml_syntax(void)
{
    CHECK_STR(load_error(CASES "yaml_syntax/tna.yaml", NULL),
              CASES "yaml_syntax/tna.yaml:3:11: invalid YAML: did not find expected ',' or ']' "
                    "(while parsing a flow sequence at line 2)");
}

static void test_unknown_key(void)
{
    tna_status code;
    CHECK_STR(load_error(CASES "unknown_key/tna.yaml", &code),
              CASES "unknown_key/tna.yaml:2:1: unknown key 'perods' (did you mean 'periods'?)");
    CHECK_INT(code, TNA_ERR_CONFIG);
}

static void test_wrong_type(void)
{
    CHECK_STR(load_error(CASES "wrong_type/tna.yaml", NULL),
              CASES "wrong_type/tna.yaml:8:17: 'header_row' must be a whole number, not 'one'");
}

static void test_missing_key(void)
{
    CHECK_STR(load_error(CASES "missing_key/tna.yaml", NULL),
              CASES "missing_key/tna.yaml:6:5: missing required key 'path' in source");
}

static void test_duplicate_key(void)
{
    CHECK_STR(load_error(CASES "duplicate_key/tna.yaml", NULL),
              CASES "duplicate_key/tna.yaml:3:1: duplicate key 'title' (first at line 1)");
}

static void test_duplicate_id(void)
{
    CHECK_STR(load_error(CASES "duplicate_id/tna.yaml", NULL),
              CASES "duplicate_id/frameworks/b.yaml:12:14: duplicate skill id 'shared-skill' "
                    "(first defined at " CASES "duplicate_id/frameworks/a.yaml:11:9)");
}

static void test_unknown_target(void)
{
    CHECK_STR(load_error(CASES "unknown_target/tna-framework.yaml", NULL),
              CASES "unknown_target/roles-framework.yaml:5:21: role 'content-designer' targets "
                    "unknown framework 'content-desing' (did you mean 'content-design'?)");
    CHECK_STR(load_error(CASES "unknown_target/tna-topic.yaml", NULL),
              CASES "unknown_target/roles-topic.yaml:6:17: role 'content-designer' targets "
                    "unknown topic 'cd-nope'");
    CHECK_STR(load_error(CASES "unknown_target/tna-skill.yaml", NULL),
              CASES "unknown_target/roles-skill.yaml:5:17: role 'content-designer' targets "
                    "unknown skill 'cd-plain-englsh' (did you mean 'cd-plain-english'?)");
}

static void test_level_out_of_range(void)
{
    CHECK_STR(load_error(CASES "level_range/tna.yaml", NULL),
              CASES "level_range/roles.yaml:6:36: level 7 is outside the scale 0..4 of "
                    "framework 'content-design'");
}

static void test_missing_file(void)
{
    tna_status code;
    CHECK_STR(load_error(CASES "missing_file/tna.yaml", &code),
              CASES "missing_file/tna.yaml:2:14: cannot read 'frameworks/x.yaml': No such file "
                    "or directory");
    CHECK_INT(code, TNA_ERR_CONFIG);
    /* The analysis file itself: a configuration that cannot be read (exit 2, bad usage). */
    CHECK_STR(load_error(CASES "missing_file/nothing.yaml", &code),
              CASES "missing_file/nothing.yaml: cannot read: No such file or directory");
    CHECK_INT(code, TNA_ERR_CONFIG);
}

static void test_period_missing_from_path(void)
{
    CHECK_STR(load_error(CASES "period_path/tna.yaml", NULL),
              CASES "period_path/tna.yaml:7:11: path must contain {period} when the analysis "
                    "covers several periods");
}

static void test_too_deep(void)
{
    CHECK_STR(load_error(CASES "too_deep/tna.yaml", NULL),
              CASES "too_deep/tna.yaml:2:41: nested too deeply (the limit is 32 levels)");
}

static void test_alias_rejected(void)
{
    CHECK_STR(load_error(CASES "alias/tna.yaml", NULL),
              CASES "alias/tna.yaml:1:10: anchors and aliases are not supported");
}

static void test_bad_enum(void)
{
    CHECK_STR(load_error(CASES "bad_enum/tna.yaml", NULL),
              CASES "bad_enum/tna.yaml:8:13: 'format' must be wide, long or evaluation, not "
                    "'widee' (did you mean 'wide'?)");
}

static void test_duplicate_alias(void)
{
    CHECK_STR(load_error(CASES "duplicate_alias/tna.yaml", NULL),
              CASES "duplicate_alias/authorities.yaml:9:25: 'gwynedd' already names authority "
                    "'gwynedd' (line 2)");
}

/* ---------------------------------------------------------------------------------------- */
/* Written to a temporary directory */

typedef struct tmpdir {
    char *dir;
    char *good; /* absolute path of tests/cases/config/good */
} tmpdir;

static tmpdir tmp_open(void)
{
    tmpdir t;
    t.dir = g_dir_make_tmp("tna-config-XXXXXX", NULL);
    char *cwd = g_get_current_dir();
    t.good = g_build_filename(cwd, CASES "good", NULL);
    g_free(cwd);
    return t;
}

static void tmp_close(tmpdir *t)
{
    GDir *d = g_dir_open(t->dir, 0, NULL);
    const char *name;
    while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
        char *p = g_build_filename(t->dir, name, NULL);
        g_remove(p);
        g_free(p);
    }
    if (d != NULL)
        g_dir_close(d);
    g_rmdir(t->dir);
    g_free(t->dir);
    g_free(t->good);
}

static const char *const wide_source = "sources:\n"
                                       "  - name: s\n"
                                       "    path: s.csv\n"
                                       "    columns: {authority: Council, role: Role}\n"
                                       "    skills: {Plain English: cd-plain-english}\n";

/* Writes tna.yaml = the reference lines of the good case + `rest` (+ wide_source when rest
 * has no sources, so `rest` starts at line 5); loads it. On success
 * returns NULL and *out holds the model; on failure returns "line:col: message". */
static const char *load_with(tmpdir *t, const char *rest, tna_model **out)
{
    static char msg[2048];
    char *path = g_build_filename(t->dir, "tna.yaml", NULL);
    char *text = g_strdup_printf("periods: [2026-Q3]\n"
                                 "frameworks: [%s/frameworks/content-design.yaml, "
                                 "%s/frameworks/user-research.yaml]\n"
                                 "roles: %s/roles.yaml\n"
                                 "authorities: %s/authorities.yaml\n%s%s",
                                 t->good, t->good, t->good, t->good, rest,
                                 strstr(rest, "sources:") ? "" : wide_source);
    g_file_set_contents(path, text, -1, NULL);
    tna_error err = TNA_ERROR_INIT;
    tna_model *m = NULL;
    tna_status st = tna_config_load(path, &m, &err);
    g_free(text);
    g_free(path);
    if (out != NULL)
        *out = m;
    else
        tna_model_free(m);
    if (st == TNA_OK)
        return NULL;
    snprintf(msg, sizeof msg, "%ld:%ld: %s", err.line, err.col, err.message);
    return msg;
}

static void test_file_too_large(void)
{
    tmpdir t = tmp_open();
    char *path = g_build_filename(t.dir, "big.yaml", NULL);
    size_t n = (size_t)TNA_CONFIG_MAX_BYTES + 1;
    char *big = g_malloc(n);
    memset(big, '#', n);
    g_file_set_contents(path, big, (gssize)n, NULL);
    g_free(big);
    char *expected = g_strdup_printf("%s: file is too large (4194305 bytes; the limit is "
                                     "4194304)",
                                     path);
    CHECK_STR(load_error(path, NULL), expected);
    g_free(expected);
    g_free(path);
    tmp_close(&t);
}

static void test_presets(void)
{
    static const struct {
        const char *name;
        int header_row, skip, delimiter;
        tna_date_format date;
        tna_preset preset;
    } want[] = {
        /* the preset table (presets.h): header rows, date order; every delimiter sniffed */
        {"microsoft-forms", 1, 0, 0, TNA_DATE_AUTO, TNA_PRESET_MICROSOFT_FORMS},
        {"google-forms", 1, 0, 0, TNA_DATE_AUTO, TNA_PRESET_GOOGLE_FORMS},
        {"surveymonkey", 1, 1, 0, TNA_DATE_MDY, TNA_PRESET_SURVEYMONKEY},
        {"qualtrics", 1, 2, 0, TNA_DATE_ISO, TNA_PRESET_QUALTRICS},
        {"limesurvey", 1, 0, 0, TNA_DATE_ISO, TNA_PRESET_LIMESURVEY},
        {"smartsurvey", 1, 2, 0, TNA_DATE_DMY, TNA_PRESET_SMARTSURVEY},
    };
    tmpdir t = tmp_open();
    for (size_t i = 0; i < G_N_ELEMENTS(want); i++) {
        char *rest = g_strdup_printf("%s    preset: %s\n", wide_source, want[i].name);
        tna_model *m = NULL;
        const char *msg = load_with(&t, rest, &m);
        CHECK(msg == NULL);
        if (m != NULL) {
            const tna_source *s = &m->sources[0];
            CHECK_INT(s->preset, want[i].preset);
            CHECK_INT(s->header_row, want[i].header_row);
            CHECK_INT(s->skip_after_header, want[i].skip);
            CHECK_INT(s->delimiter, want[i].delimiter);
            CHECK_INT(s->date_format, want[i].date);
            CHECK_INT(s->encoding, TNA_ENCODING_AUTO);
        }
        tna_model_free(m);
        g_free(rest);
    }
    /* No preset: the DESIGN defaults, and the default commissioning, privacy and output. */
    tna_model *m = NULL;
    CHECK(load_with(&t, wide_source, &m) == NULL);
    if (m != NULL) {
        CHECK_INT(m->sources[0].header_row, 1);
        CHECK_INT(m->sources[0].date_format, TNA_DATE_AUTO);
        CHECK_INT(m->commissioning.cohort_min, 8);
        CHECK_INT(m->commissioning.cohort_max, 16);
        CHECK(!m->commissioning.has_cost_per_cohort); /* no price unless one is set */
        CHECK(!m->commissioning.has_cost_per_elearning_learner);
        CHECK_INT(m->min_group_size, 5);
        CHECK_STR(m->output_dir, "reports/{period}");
        CHECK_INT(m->rater_policy, TNA_RATER_MANAGER_FIRST);
        CHECK_INT(m->language, TNA_LANG_EN);
        CHECK(m->title == NULL && m->title_cy == NULL); /* the glossary's words instead */
        CHECK_INT(m->language_order, TNA_ORDER_CY_FIRST);
    }
    tna_model_free(m);
    tmp_close(&t);
}

/* A configuration (the rest of a tna.yaml) and the message it must give. */
typedef struct mistake {
    const char *rest, *msg;
} mistake;

/* Each case loads with its message (which may go on past what is given). */
static void check_messages(tmpdir *t, const mistake *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *msg = load_with(t, cases[i].rest, NULL);
        if (msg == NULL)
            CHECK_STR("(loaded)", cases[i].msg);
        if (msg != NULL && strncmp(msg, cases[i].msg, strlen(cases[i].msg)) != 0)
            CHECK_STR(msg, cases[i].msg);
    }
}

/* More mistakes, each with its message (line:col within the written tna.yaml). */
static void test_more_mistakes(void)
{
    static const mistake cases[] = {
        {"sources:\n  - {name: s, path: s.csv, header_row: \"2\", columns: {authority: A, "
         "role: R}, skills: {X: cd-wcag}}\n",
         "6:40: 'header_row' must be a whole number, not the quoted text '2'"},
        {"sources:\n  - {name: s, path: s.csv, header_row: 0, columns: {authority: A, "
         "role: R}, skills: {X: cd-wcag}}\n",
         "6:40: 'header_row' must be at least 1, not 0"},
        {"sources:\n  - {name: s, path: s.csv, columns: {authority: A}, skills: {X: cd-wcag}}\n",
         "6:37: missing required column 'role' in source 's'"},
        {"sources:\n  - {name: s, path: s.csv, columns: {authority: A, role: R, level: L}, "
         "skills: {X: cd-wcag}}\n",
         "6:61: column 'level' applies only to long sources"},
        {"sources:\n  - {name: s, path: s.csv, format: long, columns: {authority: A, role: R, "
         "skill: S, level: L}, skills: {X: cd-wcag}}\n",
         "6:96: 'skills' applies only to wide sources; long sources name a 'skill' column"},
        {"sources:\n  - {name: s, path: s.csv, format: evaluation, columns: {course: C, "
         "skill: S}}\n",
         "6:57: evaluation source 's' needs a 'satisfaction', 'before' and 'after', or "
         "'applied' column"},
        {"sources:\n  - {name: s, path: s.csv, columns: {authority: A, role: R}, skills: "
         "{X: cd-wcga}}\n",
         "6:74: unknown skill 'cd-wcga' (did you mean 'cd-wcag'?)"},
        {"sources:\n  - {name: s, path: s.csv, columns: {authority: A, role: R}, skills: "
         "{\"  r \": cd-wcag}}\n",
         "6:71: 'role' and 'skills' name the same heading '  r '"},
        {"sources:\n  - {name: s, path: s.csv, columns: {authority: A, role: R}, skills: "
         "{X: cd-wcag}}\n  - {name: s, path: t.csv, columns: {authority: A, role: R}, "
         "skills: {X: cd-wcag}}\n",
         "7:12: duplicate source name 's' (first defined at "},
        {"sources:\n  - {name: s, path: s.csv, delimiter: '|', columns: {authority: A, role: R},"
         " skills: {X: cd-wcag}}\n",
         "6:39: 'delimiter' must be auto, \",\", \";\", \"\\t\", comma, semicolon or tab, not '|'"},
        {"commissioning: {cohort_min: 20, cohort_max: 10}\n",
         "5:29: 'cohort_min' (20) must not be more than 'cohort_max' (10)"},
        {"commissioning: {cost_per_cohort: -5}\n",
         "5:34: 'cost_per_cohort' must be at least 0, not -5"},
        {"privacy: {min_group_size: 0}\n", "5:27: 'min_group_size' must be at least 1, not 0"},
        {"expectations:\n  - {id: e, metric: mean_gap, target: 1, scope: {topic: ur-methods, "
         "framework: content-design}}\n",
         "6:57: topic 'ur-methods' is not in framework 'content-design'"},
        {"expectations:\n  - {id: e, metric: mean_gap, target: 1, scope: {role: writer}}\n",
         "6:56: expectation 'e' names unknown role 'writer'"},
        {"expectations:\n  - {id: e, metric: mean_gap}\n",
         "6:5: missing required key 'target' in expectation"},
        {"expectations:\n  - {id: e, metric: roi, target: 1}\n",
         "6:21: 'metric' must be share_at_target, share_skills_at_target, mean_gap, learners_needing, gap_reduction, "
         "satisfaction, learning_uplift, applied_rate or trained_vs_untrained, not 'roi'"},
        {"output: {dir: [a]}\n", "5:15: 'dir' must be text, not a list"},
        {"language: welsh\n", "5:11: 'language' must be en, cy or both, not 'welsh'"},
        {"title: [a, b]\n", "5:8: 'title' must be text, not a list"},
    };
    tmpdir t = tmp_open();
    check_messages(&t, cases, G_N_ELEMENTS(cases));
    tmp_close(&t);
}

/* The planning keys of issue 15: open places and a budget, mentors, priorities; their
 * defaults, and each mistake with its message. */
static void test_plan_keys(void)
{
    tmpdir t = tmp_open();
    tna_model *m = NULL;
    CHECK(load_with(&t, "", &m) == NULL);
    if (m != NULL) { /* defaults: no open places, no budget, top level in every skill, 1 */
        CHECK(!m->commissioning.has_cost_per_open_place && !m->commissioning.has_budget);
        CHECK_INT(m->mentors.min_level, 0);
        CHECK_NEAR(m->mentors.min_share, 1.0, 0);
        CHECK(!m->has_priorities);
        CHECK_NEAR(tna_topic_weight(m, 0), 1.0, 0);
    }
    tna_model_free(m);
    m = NULL;
    CHECK(load_with(&t,
                    "commissioning: {cost_per_cohort: 3000, cost_per_elearning_learner: 0,\n"
                    "                cost_per_open_place: 650.5, budget: 120000}\n"
                    "mentors: {min_level: 3, min_share: 0.5}\n"
                    "priorities:\n"
                    "  - {topic: cd-accessibility, weight: 2}\n"
                    "  - {framework: content-design, weight: 1.5}\n"
                    "  - {framework: user-research, weight: 0}\n",
                    &m) == NULL);
    if (m != NULL) {
        CHECK(m->commissioning.has_cost_per_open_place && m->commissioning.has_budget);
        CHECK_NEAR(m->commissioning.cost_per_open_place, 650.5, 0);
        CHECK_NEAR(m->commissioning.budget, 120000, 0);
        CHECK_INT(m->mentors.min_level, 3);
        CHECK_NEAR(m->mentors.min_share, 0.5, 0);
        CHECK(m->has_priorities);
        /* the topic's own weight wins over its framework's, whichever comes first */
        CHECK_NEAR(tna_topic_weight(m, tna_model_find_topic(m, "cd-accessibility")), 2, 0);
        CHECK_NEAR(tna_topic_weight(m, tna_model_find_topic(m, "cd-writing")), 1.5, 0);
        CHECK_NEAR(tna_topic_weight(m, tna_model_find_topic(m, "ur-methods")), 0, 0);
    }
    tna_model_free(m);
    static const mistake cases[] = {
        {"commissioning: {cost_per_cohort: 1, cost_per_elearning_learner: 1, budget: 1000}\n",
         "5:76: 'budget' needs the three prices it buys at: 'cost_per_cohort', "
         "'cost_per_elearning_learner' and 'cost_per_open_place'"},
        {"commissioning: {cost_per_open_place: -1}\n",
         "5:38: 'cost_per_open_place' must be at least 0, not -1"},
        {"mentors: {min_share: 0}\n", "5:22: 'min_share' must be more than 0 and at most 1, not 0"},
        {"mentors: {min_share: 1.5}\n",
         "5:22: 'min_share' must be more than 0 and at most 1, not 1.5"},
        {"mentors: {min_level: 5}\n",
         "5:22: 'min_level' (5) is above the top level of every scale (4)"},
        {"mentors: {min_level: 0}\n", "5:22: 'min_level' must be at least 1, not 0"},
        {"mentors: {min_levle: 3}\n", "5:11: unknown key 'min_levle'"},
        {"priorities: {cd-writing: 2}\n", "5:13: 'priorities' must be a list"},
        {"priorities:\n  - {topic: cd-writting, weight: 2}\n",
         "6:13: priority names unknown topic 'cd-writting' (did you mean 'cd-writing'?)"},
        {"priorities:\n  - {framework: ux, weight: 2}\n",
         "6:17: priority names unknown framework 'ux'"},
        {"priorities:\n  - {weight: 2}\n", "6:5: a priority names either a 'topic' or a "
                                              "'framework'"},
        {"priorities:\n  - {topic: cd-writing, framework: content-design, weight: 2}\n",
         "6:5: a priority names either a 'topic' or a 'framework'"},
        {"priorities:\n  - {topic: cd-writing}\n",
         "6:5: missing required key 'weight' in a priority"},
        {"priorities:\n  - {topic: cd-writing, weight: 2000}\n",
         "6:33: 'weight' must be at most 1000, not 2000"},
        {"priorities:\n  - {topic: cd-writing, weight: 2}\n  - {topic: cd-writing, weight: 3}\n",
         "7:13: topic 'cd-writing' has two priorities"},
        {"priorities:\n  - {framework: content-design, weight: 2}\n"
         "  - {framework: content-design, weight: 3}\n",
         "7:17: framework 'content-design' has two priorities"},
    };
    check_messages(&t, cases, G_N_ELEMENTS(cases));
    tmp_close(&t);
}

/* Mistakes inside reference files, written next to a tna.yaml that names them. */
static void test_reference_mistakes(void)
{
    static const struct {
        const char *framework, *msg;
    } cases[] = {
        {"id: f\nname: F\nscale:\n  levels:\n    - {level: 0, label: None}\n"
         "    - {level: 2, label: Two}\ntopics:\n  - {id: t, name: T, skills: [{id: s, name: "
         "S}]}\n",
         "5:5: the scale has no level 1; levels must run from 0 to 2 without gaps"},
        {"id: f\nname: F\nscale:\n  levels:\n    - {level: 0, label: None}\n"
         "    - {level: 0, label: Nothing}\ntopics:\n  - {id: t, name: T, skills: [{id: s, name: "
         "S}]}\n",
         "6:15: duplicate level 0 (first at line 5)"},
        {"id: f\nname: F\nscale:\n  levels:\n    - {level: 0, label: None}\n"
         "    - {level: 1, label: none}\ntopics:\n  - {id: t, name: T, skills: [{id: s, name: "
         "S}]}\n",
         "6:25: 'none' already names level 0 (line 5)"},
        {"id: f\nname: F\nscale:\n  levels:\n    - {level: 0, label: None}\n"
         "  missing: [none]\ntopics:\n  - {id: t, name: T, skills: [{id: s, name: S}]}\n",
         "6:13: 'none' already names level 0 (line 5)"},
        {"id: f\nname: F\nscale:\n  levels: [{level: 0, label: None}]\ntopics:\n"
         "  - {id: t, name: T, skills: []}\n",
         "6:30: topic 't' must list at least one skill"},
        {"id: f\nname: F\nscale:\n  levels: [{level: 0, label: None}]\ntopics:\n"
         "  - {id: cd-writing, name: T, skills: [{id: s, name: S}]}\n",
         "6:10: duplicate topic id 'cd-writing' (first defined at "},
        {"id: f\nname: F\nscale:\n  levels:\n    - {level: 0, label: None}\n"
         "    - {level: 15, label: Fifteen}\ntopics:\n  - {id: t, name: T, skills: [{id: s, "
         "name: S}]}\n",
         "6:15: 'level' must be at most 14, not 15"}, /* a level is kept in four bits */
        {"id: content-design\nname: F\n", "1:5: duplicate framework id 'content-design'"},
        {"id: f\nnaem: F\n", "2:1: unknown key 'naem' (did you mean 'name'?)"},
        {"- id: f\n", "1:1: the file must hold a mapping of keys, not a list"},
    };
    tmpdir t = tmp_open();
    char *fw = g_build_filename(t.dir, "f.yaml", NULL);
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_file_set_contents(fw, cases[i].framework, -1, NULL);
        char *path = g_build_filename(t.dir, "tna.yaml", NULL);
        char *text = g_strdup_printf("periods: [q]\nframeworks: [%s/frameworks/"
                                     "content-design.yaml, f.yaml]\nroles: r.yaml\n",
                                     t.good);
        g_file_set_contents(path, text, -1, NULL);
        tna_error err = TNA_ERROR_INIT;
        tna_model *m = NULL;
        CHECK(tna_config_load(path, &m, &err) != TNA_OK);
        char msg[2048];
        snprintf(msg, sizeof msg, "%ld:%ld: %s", err.line, err.col, err.message);
        if (strncmp(msg, cases[i].msg, strlen(cases[i].msg)) != 0)
            CHECK_STR(msg, cases[i].msg);
        CHECK_STR(err.file, fw);
        g_free(text);
        g_free(path);
    }
    g_free(fw);
    tmp_close(&t);
}

/* Every problem of a configuration in one run: independent mistakes in the top level, in
 * two sources and an expectation are all reported, in the order found, each with its place;
 * past TNA_CONFIG_MAX_PROBLEMS they are counted. */
static void test_all_problems(void)
{
    tmpdir t = tmp_open();
    char *path = g_build_filename(t.dir, "tna.yaml", NULL);
    char *text = g_strdup_printf(
        "periods: [2026-Q3]\n"
        "frameworks: [%s/frameworks/content-design.yaml, %s/frameworks/user-research.yaml]\n"
        "roles: %s/roles.yaml\n"
        "authorities: %s/authorities.yaml\n"
        "langauge: cy\n"
        "sources:\n"
        "  - name: a\n"
        "    path: a.csv\n"
        "    encoding: latin-9\n"
        "    columns: {authority: Council, role: Role}\n"
        "    skills: {X: no-such-skill}\n"
        "  - name: b\n"
        "    path: b.csv\n"
        "    preset: typeform\n"
        "    columns: {authority: Council}\n"
        "    skills: {Y: cd-plain-english}\n"
        "expectations:\n"
        "  - {id: e1, metric: mean_gapp, target: 1}\n"
        "privacy: {min_group_size: 0}\n",
        t.good, t.good, t.good, t.good);
    g_file_set_contents(path, text, -1, NULL);
    tna_config_problems *pr = g_new0(tna_config_problems, 1);
    tna_model *m = NULL;
    CHECK_INT(tna_config_load_all(path, &m, pr), TNA_ERR_CONFIG);
    CHECK(m == NULL);
    static const char *const want[] = {
        "5:1: unknown key 'langauge' (did you mean 'language'?)",
        "9:15: 'encoding' must be auto, utf-8, windows-1252 or utf-16, not 'latin-9'",
        "11:17: unknown skill 'no-such-skill'",
        "14:13: 'preset' must be microsoft-forms, google-forms, surveymonkey, qualtrics, "
        "limesurvey or smartsurvey, not 'typeform'",
        "15:14: missing required column 'role' in source 'b'",
        "18:22: 'metric' must be share_at_target, share_skills_at_target, mean_gap, learners_needing, gap_reduction, "
        "satisfaction, learning_uplift, applied_rate or trained_vs_untrained, not 'mean_gapp' "
        "(did you mean 'mean_gap'?)",
        "19:27: 'min_group_size' must be at least 1, not 0",
    };
    CHECK_INT(pr->n, G_N_ELEMENTS(want));
    for (size_t i = 0; i < pr->n && i < G_N_ELEMENTS(want); i++) {
        char got[2048];
        snprintf(got, sizeof got, "%ld:%ld: %s", pr->list[i].line, pr->list[i].col,
                 pr->list[i].message);
        CHECK_STR(got, want[i]);
        CHECK_STR(pr->list[i].file, path);
    }
    CHECK_INT(pr->more, 0);
    /* tna_config_load gives the first */
    tna_error err = TNA_ERROR_INIT;
    CHECK_INT(tna_config_load(path, &m, &err), TNA_ERR_CONFIG);
    CHECK_INT(err.line, 5);
    g_free(text);

    /* thirty unknown keys: twenty listed, ten counted */
    GString *many = g_string_new("");
    for (int i = 0; i < 30; i++)
        g_string_append_printf(many, "unknown%02d: 1\n", i);
    g_file_set_contents(path, many->str, -1, NULL);
    CHECK_INT(tna_config_load_all(path, &m, pr), TNA_ERR_CONFIG);
    CHECK_INT(pr->n, TNA_CONFIG_MAX_PROBLEMS);
    CHECK(pr->more >= 10);
    g_string_free(many, TRUE);
    g_free(pr);
    g_free(path);
    tmp_close(&t);
}

/* barriers: the shipped list (compiled in) unless a file is named; a file without `other`
 * gets one; mistakes in it are reported where they are. */
/* Welsh forms: title_cy, expectations' title_cy and language_order load; every configured
 * text a report prints without its Welsh form is listed where it is written. */
typedef struct untranslated_seen {
    int n, title_line, expectation_line, skills, levels;
    const char *expectation_id;
} untranslated_seen;

static void seen_untranslated(void *ctx, const tna_untranslated *u)
{
    untranslated_seen *s = ctx;
    s->n++;
    if (u->kind == TNA_TEXT_TITLE)
        s->title_line = (int)u->mark.line;
    if (u->kind == TNA_TEXT_EXPECTATION)
        s->expectation_line = (int)u->mark.line, s->expectation_id = u->id;
    s->skills += u->kind == TNA_TEXT_SKILL && strcmp(u->key, "name_cy") == 0;
    s->levels += u->kind == TNA_TEXT_LEVEL && strcmp(u->key, "label_cy") == 0;
}

static void test_welsh_forms(void)
{
    tmpdir t = tmp_open();
    tna_model *m = NULL;
    const char *msg = load_with(&t,
                                "title: Skills analysis\n"
                                "language_order: en-first\n"
                                "expectations:\n"
                                "  - {id: e1, title: Fewer gaps, title_cy: Llai o fylchau, "
                                "metric: mean_gap, target: 1}\n"
                                "  - {id: e2, title: Half at target, metric: mean_gap, target: 1}\n"
                                "  - {id: e3, metric: mean_gap, target: 1}\n",
                                &m);
    CHECK(msg == NULL);
    if (m != NULL) {
        CHECK_STR(m->title, "Skills analysis");
        CHECK(m->title_cy == NULL);
        CHECK_INT(m->language_order, TNA_ORDER_EN_FIRST);
        CHECK_STR(m->expectations[0].title_cy, "Llai o fylchau");
        CHECK(m->expectations[1].title_cy == NULL);
        untranslated_seen seen = {0};
        size_t n = tna_model_each_untranslated(m, seen_untranslated, &seen);
        CHECK_INT((int)n, seen.n);
        CHECK_INT(seen.title_line, 5); /* the title, where it is written */
        /* e1 has its Welsh; e3 has no title (its id is shown, no language's) */
        CHECK_INT(seen.expectation_line, 9);
        CHECK_STR(seen.expectation_id, "e2");
        CHECK_INT(seen.skills, 5); /* the test frameworks' skills without name_cy */
        CHECK_INT(seen.levels, 4); /* user-research's scale has no label_cy */
    }
    tna_model_free(m);
    msg = load_with(&t, "title: A\ntitle_cy: B\n", &m);
    CHECK(msg == NULL);
    if (m != NULL) {
        CHECK_STR(m->title_cy, "B");
        CHECK_INT(m->language_order, TNA_ORDER_CY_FIRST); /* the default: Welsh first */
    }
    tna_model_free(m);
    msg = load_with(&t, "language_order: welsh-first\n", NULL);
    CHECK_STR(msg, "5:17: 'language_order' must be cy-first or en-first, not 'welsh-first'");
    msg = load_with(&t, "expectations:\n  - {id: e, metric: mean_gap, target: 1, title_cy: [a]}\n",
                    NULL);
    CHECK(msg != NULL && strstr(msg, "'title_cy' must be text, not a list") != NULL);
    tmp_close(&t);
}

static void test_barriers(void)
{
    tmpdir t = tmp_open();
    tna_model *m = NULL;
    CHECK(load_with(&t, "", &m) == NULL);
    if (m != NULL) {
        CHECK(m->n_barriers >= 8);
        CHECK_STR(m->barriers[m->barrier_other].id, "other");
        CHECK_STR(m->barriers[m->barrier_other].name_cy, "Arall");
        CHECK_STR(m->barriers_path, "barriers.yaml (built in)");
        /* the wordings of `tna sample` and of the benchmark's generator, each a barrier */
        static const struct {
            const char *text, *id;
        } words[] = {
            {"Time", "time"},
            {"Cost", "cost"},
            {"Courses not available in Welsh", "not-in-welsh"},
            {"Manager support", "manager-support"},
            {"Not sure what I need to learn", "unsure-needs"},
            {"Nothing suitable nearby", "nothing-suitable"},
            {"Lack of time", "time"},
            {"Cost of courses", "cost"},
            {"No suitable courses available", "nothing-suitable"},
            {"My manager does not support it", "manager-support"},
            {"Travel, e.g. to Cardiff or Swansea", "travel-caring"},
            {"Diffyg amser", "time"},
            {"Other (please specify)", "other"},
        };
        for (size_t i = 0; i < G_N_ELEMENTS(words); i++) {
            char *key = tna_text_key(words[i].text, -1);
            uint32_t b = tna_model_find_barrier(m, key);
            CHECK(b != TNA_NONE && strcmp(m->barriers[b].id, words[i].id) == 0);
            if (b == TNA_NONE)
                fprintf(stderr, "  %s\n", words[i].text);
            g_free(key);
        }
        for (size_t i = 0; i < m->n_barriers; i++) /* bilingual */
            CHECK(m->barriers[i].name_cy != NULL && m->barriers[i].name_cy[0] != '\0');
    }
    tna_model_free(m);
    char *file = g_build_filename(t.dir, "b.yaml", NULL);
    g_file_set_contents(file, "barriers:\n  - {id: money, name: Money, aliases: [Cost]}\n", -1,
                        NULL);
    m = NULL;
    CHECK(load_with(&t, "barriers: b.yaml\n", &m) == NULL);
    if (m != NULL) {
        CHECK_INT(m->n_barriers, 2);
        CHECK_STR(m->barriers[1].id, "other");
        CHECK_INT(m->barrier_other, 1);
    }
    tna_model_free(m);
    g_file_set_contents(file,
                        "barriers:\n  - {id: money, name: Money, aliases: [Cost]}\n"
                        "  - {id: cash, name: Cash, aliases: [cost]}\n",
                        -1, NULL);
    const char *msg = load_with(&t, "barriers: b.yaml\n", &m);
    CHECK(msg != NULL && strstr(msg, "'cost' already names barrier 'money' (line 2)") != NULL);
    tna_model_free(m);
    g_free(file);
    tmp_close(&t);
}

/* What is not a configuration says so: a survey export (or a workbook) passed as CONFIG
 * suggests `tna init`; a FIFO or a directory is refused at once. */
static void test_not_a_configuration(void)
{
    tmpdir t = tmp_open();
    char *csv = g_build_filename(t.dir, "responses.csv", NULL);
    g_file_set_contents(csv, "ID,Start time,Completion time\n1,x,y\n", -1, NULL);
    char *want = g_strdup_printf("%s: this looks like a survey export, not a tna configuration: "
                                 "run 'tna init %s' to draft a configuration for it, then 'tna "
                                 "run' that configuration",
                                 csv, csv);
    CHECK_STR(load_error(csv, NULL), want);
    g_free(want);
    char *named = g_build_filename(t.dir, "export.txt", NULL);
    g_file_set_contents(named, "a;b;c\n", -1, NULL);
    const char *msg = load_error(named, NULL);
    CHECK(strstr(msg, "this looks like a survey export") != NULL);
    char *fifo = g_build_filename(t.dir, "fifo.yaml", NULL);
    CHECK(mkfifo(fifo, 0600) == 0);
    want = g_strdup_printf("%s: not a regular file (a directory, pipe or device): give the path "
                           "of a configuration file",
                           fifo);
    CHECK_STR(load_error(fifo, NULL), want);
    g_free(want);
    g_remove(fifo);
    g_free(fifo);
    g_free(named);
    g_free(csv);
    tmp_close(&t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    RUN(test_good_reference_data);
    RUN(test_good_analysis);
    RUN(test_yaml_syntax);
    RUN(test_unknown_key);
    RUN(test_wrong_type);
    RUN(test_missing_key);
    RUN(test_duplicate_key);
    RUN(test_duplicate_id);
    RUN(test_unknown_target);
    RUN(test_level_out_of_range);
    RUN(test_missing_file);
    RUN(test_period_missing_from_path);
    RUN(test_too_deep);
    RUN(test_alias_rejected);
    RUN(test_bad_enum);
    RUN(test_duplicate_alias);
    RUN(test_file_too_large);
    RUN(test_presets);
    RUN(test_more_mistakes);
    RUN(test_plan_keys);
    RUN(test_reference_mistakes);
    RUN(test_all_problems);
    RUN(test_barriers);
    RUN(test_welsh_forms);
    RUN(test_not_a_configuration);
    return g_test_run();
}
