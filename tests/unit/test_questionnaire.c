/*
 * test_questionnaire.c - `tna questionnaire` (include/tna/questionnaire.h) on a small framework
 * of its own, and the quoting it relies on (include/tna/quote.h):
 *   - codes come from ids and fit LimeSurvey's limits: a long skill id keeps its start and
 *     ends in a hash (20 characters), a council's answer code is at most 5, and the code of a
 *     skill is the same whatever else the survey asks;
 *   - two ids that give one code stop it, naming both; an unknown topic or tool is a usage
 *     error; nothing is written on an error;
 *   - the configuration written beside the survey loads, and names the reference files
 *     relative to itself;
 *   - YAML, JSON and XML quoting of text holding quotes, backslashes, control characters,
 *     line separators and bytes that are not UTF-8.
 * Expected codes are worked out here by hand from the rule in survey.c.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "check.h"
#include "tmptree.h"
#include "tna/config.h"
#include "tna/questionnaire.h"
#include "tna/quote.h"

static char *tmp;

static void put(const char *name, const char *text)
{
    char *p = g_build_filename(tmp, name, NULL);
    CHECK(g_file_set_contents(p, text, -1, NULL));
    g_free(p);
}

static char *get(const char *dir, const char *name)
{
    char *p = g_build_filename(tmp, dir, name, NULL);
    char *text = NULL;
    GError *gerr = NULL; /* (with NULL, GCC 12 wrongly warns of a dangling pointer) */
    if (!g_file_get_contents(p, &text, NULL, &gerr)) {
        g_error_free(gerr);
        text = NULL;
    }
    g_free(p);
    return text;
}

/* A framework whose second skill id is too long for a LimeSurvey code. */
static const char framework[] =
    "id: fw\nname: Framework\nname_cy: Fframwaith\n"
    "scale: {id: s, levels: [{level: 0, label: None, label_cy: Dim},"
    " {level: 1, label: Some, label_cy: Rhai}, {level: 2, label: Lots, label_cy: Llawer}]}\n"
    "topics:\n"
    "  - id: t-one\n    name: Topic one\n    name_cy: Pwnc un\n    skills:\n"
    "      - {id: s-short, name: Short skill, name_cy: Sgil fer}\n"
    "      - {id: a-very-long-skill-identifier-indeed, name: Long skill, name_cy: Sgil hir}\n"
    "  - id: t-two\n    name: Topic two\n    skills:\n"
    "      - {id: s-other, name: Other skill}\n";

static const char roles[] =
    "roles:\n  - {id: r1, name: Role one, targets: [{framework: fw, level: 1}]}\n";
static const char authorities[] = "authorities:\n  - {id: cardiff, name: Cardiff Council, name_cy: "
                                  "Cyngor Caerdydd, region: South}\n"
                                  "  - {id: powys, name: Powys County Council, region: Mid}\n";
static const char config[] =
    "periods: [2026-Q3]\nframeworks: [fw.yaml]\nroles: roles.yaml\nauthorities: authorities.yaml\n"
    "sources:\n  - {name: s, path: x.csv, columns: {authority: A, role: R}, skills: {S: "
    "s-short}}\n";

static tna_status write_survey(const char *tool, const char *dir, const char *const *topics,
                               size_t n, tna_error *err)
{
    char *cfg = g_build_filename(tmp, "tna.yaml", NULL);
    char *out = g_build_filename(tmp, dir, NULL);
    tna_questionnaire_options o = {cfg, tool, out, topics, n, 1783296000};
    tna_questionnaire_report *r = NULL;
    tna_status st = tna_questionnaire_write(&o, &r, err);
    if (st == TNA_OK)
        CHECK(r->n_files >= 2);
    tna_questionnaire_report_free(r);
    g_free(cfg);
    g_free(out);
    return st;
}

static void test_codes(void)
{
    tna_error err = TNA_ERROR_INIT;
    CHECK_INT(write_survey("limesurvey", "ls", NULL, 0, &err), TNA_OK);
    char *lss = get("ls", "survey.lss");
    char *yaml = get("ls", "tna.yaml");
    CHECK(lss != NULL && yaml != NULL);
    /* "a-very-long-skill-identifier-indeed": its letters and digits cut to 16, then four
     * characters of its hash: 20 in all, the same every time */
    const char *p = lss ? strstr(lss, "<title>averylongskilli") : NULL;
    CHECK(p != NULL);
    if (p != NULL) {
        const char *end = strstr(p, "</title>");
        CHECK_INT(end - (p + 7), 20);
    }
    /* the topic's grid: T and its id; the short skill keeps its letters */
    CHECK(lss && strstr(lss, "<title>Ttone</title>") != NULL);
    CHECK(yaml && strstr(yaml, "\"Ttone[sshort]\": \"s-short\"") != NULL);
    /* council answer codes at most 5: "powys" fits, "cardiff" becomes c + 4 of a hash */
    CHECK(lss && strstr(lss, "<code>powys</code>") != NULL);
    CHECK(yaml && strstr(yaml, " powys: \"powys\"") != NULL);
    CHECK(lss && strstr(lss, "<code>cardiff</code>") == NULL);
    /* the configuration names the reference files relative to itself, and loads */
    CHECK(yaml && strstr(yaml, "  - \"../fw.yaml\"") != NULL);
    char *reading = g_build_filename(tmp, "ls", "tna.yaml", NULL);
    tna_model *m = NULL;
    CHECK_INT(tna_config_load(reading, &m, &err), TNA_OK);
    tna_model_free(m);
    g_free(reading);

    /* the same skill's code whatever else is asked: topic two first, topic one after */
    const char *topics[] = {"t-two", "t-one"};
    CHECK_INT(write_survey("limesurvey", "ls2", topics, 2, &err), TNA_OK);
    char *yaml2 = get("ls2", "tna.yaml");
    CHECK(yaml2 && strstr(yaml2, "\"Ttone[sshort]\": \"s-short\"") != NULL);
    CHECK(yaml2 && yaml && strstr(yaml, "averylongskilli") &&
          strncmp(strstr(yaml, "averylongskilli"), strstr(yaml2, "averylongskilli"), 20) == 0);
    g_free(yaml2);
    g_free(lss);
    g_free(yaml);
}

static void test_errors(void)
{
    tna_error err = TNA_ERROR_INIT;
    const char *unknown[] = {"t-nine"};
    CHECK_INT(write_survey("paper", "e1", unknown, 1, &err), TNA_ERR_USAGE);
    CHECK(strstr(err.message, "no topic 't-nine'") != NULL);
    char *e1 = g_build_filename(tmp, "e1", "tna.yaml", NULL);
    CHECK(!g_file_test(e1, G_FILE_TEST_EXISTS));
    g_free(e1);
    err = (tna_error)TNA_ERROR_INIT;
    CHECK_INT(write_survey("typeform", "e2", NULL, 0, &err), TNA_ERR_USAGE);
    CHECK(strstr(err.message, "not 'typeform'") != NULL);

    /* two role ids with one code: both named */
    put("roles.yaml", "roles:\n  - {id: r-1, name: Role one}\n  - {id: r1, name: Role two}\n");
    err = (tna_error)TNA_ERROR_INIT;
    CHECK_INT(write_survey("limesurvey", "e3", NULL, 0, &err), TNA_ERR_CONFIG);
    CHECK(strstr(err.message, "'r-1' and 'r1' give the same code") != NULL);
    put("roles.yaml", roles);
}

static void expect_quote(char *got, const char *want)
{
    CHECK_STR(got, want);
    g_free(got);
}

static void test_quoting(void)
{
    expect_quote(tna_quote_yaml("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
    expect_quote(tna_quote_yaml("line\nbreak\ttab"), "\"line\\nbreak\\ttab\"");
    /* NEL, LS and a C1 control: YAML would read the first two as line breaks */
    expect_quote(tna_quote_yaml("x\xc2\x85y\xe2\x80\xa8z\xc2\x88"), "\"x\\x85y\\u2028z\\x88\"");
    expect_quote(tna_quote_yaml("Ynys Môn"), "\"Ynys Môn\"");
    expect_quote(tna_quote_yaml("bad\xff"), "\"bad\xef\xbf\xbd\"");
    expect_quote(tna_quote_json("a \"b\"\n\x01"), "\"a \\\"b\\\"\\n\\u0001\"");
    expect_quote(tna_quote_json("x\xe2\x80\xa8y"), "\"x\\u2028y\"");
    expect_quote(tna_quote_xml("<a & 'b' \"c\">"), "&lt;a &amp; &apos;b&apos; &quot;c&quot;&gt;");
    expect_quote(tna_quote_xml("x\x01y"), "x\xef\xbf\xbdy");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    tmp = g_dir_make_tmp("tna-questionnaire-XXXXXX", NULL);
    put("fw.yaml", framework);
    put("roles.yaml", roles);
    put("authorities.yaml", authorities);
    put("tna.yaml", config);
    RUN(test_codes);
    RUN(test_errors);
    RUN(test_quoting);
    int rc = g_test_run();
    remove_tree(tmp);
    g_free(tmp);
    return rc;
}
