/*
 * test_init.c - `tna init` (include/tna/init.h): the skill-name matcher (full, shortened,
 * abbreviated, Welsh, bilingual, a guess flagged, no match), recognising the tool and its
 * header rows, the standard fields by their headings (English and Welsh, a choice question's
 * Other column, the barriers question in one cell or a column per option), the respondent
 * chosen over the tool's response id (and email when the staff number is blank), unmatched
 * answers with counts and nearest values, periods from paths, and never overwriting a
 * configuration.
 *
 * Everything is matched against the shipped reference files, which tna_init_reference()
 * writes into a temporary directory. Expected values are written out here by hand from the
 * shipped frameworks, roles and councils (inputs/), never taken from the code's output.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "check.h"
#include "tmptree.h"
#include "tna/answers.h"
#include "tna/config.h"
#include "tna/init.h"

static tna_model *model;
static char *tmp;

static const char *skill_id(uint32_t s)
{
    return s == TNA_NONE ? "(none)" : model->skills[s].id;
}

/* ---- the skill-name matcher ---------------------------------------------------------------- */

static void expect_skill(const char *text, const char *id, tna_skill_match_kind kind)
{
    tna_skill_match m = tna_init_match_skill(model, text);
    if (m.kind != kind || strcmp(skill_id(m.skill), id) != 0)
        fprintf(stderr, "  '%s': got %s (kind %d, score %.2f), expected %s (kind %d)\n", text,
                skill_id(m.skill), m.kind, m.score, id, kind);
    CHECK_STR(skill_id(m.skill), id);
    CHECK_INT(m.kind, kind);
}

static void test_skill_names(void)
{
    /* full names, any case and spacing, in English and Welsh, and the id */
    expect_skill("Writing in plain English", "cd-plain-english", TNA_SKILL_EXACT);
    expect_skill("  writing in   PLAIN english ", "cd-plain-english", TNA_SKILL_EXACT);
    expect_skill("Ysgrifennu mewn Saesneg clir", "cd-plain-english", TNA_SKILL_EXACT);
    expect_skill("cd-plain-english", "cd-plain-english", TNA_SKILL_EXACT);
    expect_skill("Cynnal cyfweliadau â defnyddwyr", "ur-interviews", TNA_SKILL_EXACT);
    /* both languages in one label, as a bilingual Google Form writes a grid row */
    expect_skill("Writing in plain English / Ysgrifennu mewn Saesneg clir", "cd-plain-english",
                 TNA_SKILL_EXACT);
    /* shortened, as Qualtrics statements often are: every word is in one skill's name */
    expect_skill("Plain English", "cd-plain-english", TNA_SKILL_SHORT);
    expect_skill("Usability testing", "ur-usability", TNA_SKILL_SHORT);
    expect_skill("Phishing", "dd-cyber", TNA_SKILL_SHORT);
    expect_skill("Saesneg clir", "cd-plain-english", TNA_SKILL_SHORT);
    /* an abbreviation of a word ("alt" text), and a plural ("interview") */
    expect_skill("Writing alt text", "cd-alt-text", TNA_SKILL_SHORT);
    expect_skill("User interview", "ur-interviews", TNA_SKILL_SHORT);
    /* reworded: the nearest skill, but only a guess, which the configuration marks */
    expect_skill("Plain language writing", "cd-plain-english", TNA_SKILL_GUESS);
    /* not a skill at all, or a word too common to say which */
    expect_skill("Which council do you work for?", "(none)", TNA_SKILL_NONE);
    expect_skill("Any other comments?", "(none)", TNA_SKILL_NONE);
    expect_skill("Content", "(none)", TNA_SKILL_NONE);
    expect_skill("", "(none)", TNA_SKILL_NONE);
    /* a word only the start of a longer one is no abbreviation of it ("start" of
     * "startlanguage", LimeSurvey's column) */
    expect_skill("startlanguage", "(none)", TNA_SKILL_NONE);
}

/* ---- what an export holds ------------------------------------------------------------------ */

static tna_init_export *inspect(const char *csv)
{
    tna_init_export *x = NULL;
    tna_error err = TNA_ERROR_INIT;
    tna_status st = tna_init_inspect_buffer(model, "test.csv", csv, strlen(csv), &x, &err);
    if (st != TNA_OK)
        fprintf(stderr, "  inspect: %s\n", err.message);
    CHECK_INT(st, TNA_OK);
    return x;
}

static const char *heading(const tna_init_export *x, tna_field f, size_t i)
{
    return x && i < x->fields[f].n_headings ? x->fields[f].headings[i] : "(none)";
}

static const tna_init_skill *skill_of(const tna_init_export *x, const char *id)
{
    for (size_t i = 0; x && i < x->n_skills; i++)
        if (x->skills[i].match.skill != TNA_NONE &&
            strcmp(model->skills[x->skills[i].match.skill].id, id) == 0)
            return &x->skills[i];
    return NULL;
}

static void test_tools(void)
{
    static const struct {
        const char *csv;
        tna_preset tool;
        int header_rows;
    } cases[] = {
        {"ID,Start time,Completion time,Email,Name,Last modified time\n1,a,b,c,d,e\n",
         TNA_PRESET_MICROSOFT_FORMS, 1},
        {"Timestamp,Email address,Council\n1/1/2026 10:00:00,a@b,Cardiff\n",
         TNA_PRESET_GOOGLE_FORMS, 1},
        {"Respondent ID,Collector ID,Start Date,End Date,Custom Data 1,Q\n"
         ",,,,,Response\n1,2,3,4,5,6\n",
         TNA_PRESET_SURVEYMONKEY, 2},
        {"UserID,UserNo,Name,Unique ID,Q\n,,,,\n,,,,Option\n1,2,3,4,5\n", TNA_PRESET_SMARTSURVEY,
         3},
        {"StartDate,ResponseId,RecordedDate,DistributionChannel,Q1\n"
         "Start Date,Response ID,Recorded Date,Distribution Channel,Council\n"
         "\"{\"\"ImportId\"\":\"\"startDate\"\"}\",x,y,z,w\n1,2,3,4,5\n",
         TNA_PRESET_QUALTRICS, 3},
        /* Qualtrics' older export: no ImportId row, so two header rows */
        {"V1,V2,V3,Q1\nResponseID,ResponseSet,RecordedDate,Council\nR_1,x,y,Cardiff\n",
         TNA_PRESET_QUALTRICS, 2},
        {"id,submitdate,lastpage,startlanguage,G1Q01\n1,2026-01-01,3,en,x\n", TNA_PRESET_LIMESURVEY,
         1},
        {"Name,Council,Role\nA,Cardiff,Content designer\n", TNA_PRESET_NONE, 1},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        tna_init_export *x = inspect(cases[i].csv);
        CHECK(x != NULL);
        if (x == NULL)
            continue;
        if (x->tool != cases[i].tool)
            fprintf(stderr, "  case %zu: tool %d\n", i, x->tool);
        CHECK_INT(x->tool, cases[i].tool);
        CHECK_INT(x->header_rows, cases[i].header_rows);
        CHECK_INT(x->legacy, i == 5);
        CHECK_INT(x->rows, 1);
        tna_init_export_free(x);
    }
    /* an empty file is an input error that says what to do */
    tna_init_export *x = NULL;
    tna_error err = TNA_ERROR_INIT;
    CHECK_INT(tna_init_inspect_buffer(model, "empty.csv", "", 0, &x, &err), TNA_ERR_INPUT);
    CHECK(x == NULL);
    CHECK(strstr(err.message, "no header row") != NULL);
}

/* Microsoft Forms: the person's staff number, not Forms' ID, not the email, is the
 * respondent; a staff number column nobody filled gives way to the email. */
static void test_respondent(void)
{
    tna_init_export *x = inspect(
        "ID,Start time,Completion time,Email,Name,Staff number,Which council do you work for?,"
        "What is your job role?,How confident are you?.Writing in plain English\n"
        "1,1/7/26 9:00,1/7/26 9:10,a@x.gov.wales,A,E1,Cardiff Council,Content designer,"
        "Working\n"
        "2,1/7/26 9:00,1/7/26 9:10,b@x.gov.wales,B,E2,Powys,Team manager,None\n");
    CHECK_STR(heading(x, TNA_FIELD_RESPONDENT, 0), "Staff number");
    CHECK_INT(x->fields[TNA_FIELD_RESPONDENT].n_cols, 1);
    CHECK_INT(x->fields[TNA_FIELD_RESPONDENT].cols[0], 5);
    CHECK_STR(heading(x, TNA_FIELD_SUBMITTED, 0), "Completion time");
    CHECK_STR(heading(x, TNA_FIELD_AUTHORITY, 0), "Which council do you work for?");
    CHECK_STR(heading(x, TNA_FIELD_ROLE, 0), "What is your job role?");
    const tna_init_skill *k = skill_of(x, "cd-plain-english");
    CHECK(k != NULL);
    CHECK_STR(k ? k->heading : "", "Writing in plain English");
    CHECK_INT(k ? (int)k->match.kind : -1, TNA_SKILL_EXACT);
    tna_init_export_free(x);

    x = inspect("Respondent ID,Collector ID,Start Date,End Date,Email Address,Staff number,"
                "Which council do you work for?,What is your job role?\n"
                ",,,,,Open-Ended Response,Response,Response\n"
                "111,9,07/01/2026 09:00:00 AM,07/01/2026 09:10:00 AM,a@x.gov.wales,,Cardiff,"
                "Content designer\n"
                "112,9,07/01/2026 09:00:00 AM,07/01/2026 09:10:00 AM,b@x.gov.wales,,Powys,"
                "Team manager\n");
    CHECK_INT(x->tool, TNA_PRESET_SURVEYMONKEY);
    CHECK_STR(heading(x, TNA_FIELD_RESPONDENT, 0), "Email Address");
    tna_init_export_free(x);

    /* no staff number or email: no respondent, and never the response id */
    x = inspect("Respondent ID,Collector ID,Start Date,End Date,Council,Role\n"
                ",,,,Response,Response\n"
                "111,9,07/01/2026 09:00:00 AM,07/01/2026 09:10:00 AM,Cardiff,Content designer\n");
    CHECK_INT(x->fields[TNA_FIELD_RESPONDENT].n_cols, 0);
    tna_init_export_free(x);
}

/* A Welsh form: Welsh headings and Welsh grid rows. */
static void test_welsh(void)
{
    tna_init_export *x =
        inspect("ID,Start time,Completion time,Cyfeiriad e-bost,Rhif staff,"
                "Ar gyfer pa gyngor ydych chi'n gweithio?,Beth yw eich swydd?,"
                "Pa mor hyderus ydych chi?.Ysgrifennu mewn Saesneg clir,"
                "Pa mor hyderus ydych chi?.Cynnal profion defnyddioldeb,"
                "A ydych chi wedi mynychu hyfforddiant yn y 12 mis diwethaf?,"
                "Beth sy'n eich atal rhag dysgu?,Ym mha iaith yr hoffech chi ddysgu?\n"
                "1,1/7/26 9:00,1/7/26 9:10,a@x.gov.wales,E1,Cyngor Caerdydd,Dylunydd cynnwys,"
                "Gweithio,Dim,Do,Diffyg amser;,Cymraeg\n");
    CHECK_STR(heading(x, TNA_FIELD_RESPONDENT, 0), "Rhif staff");
    CHECK_STR(heading(x, TNA_FIELD_AUTHORITY, 0), "Ar gyfer pa gyngor ydych chi'n gweithio?");
    CHECK_STR(heading(x, TNA_FIELD_ROLE, 0), "Beth yw eich swydd?");
    CHECK_STR(heading(x, TNA_FIELD_TRAINED, 0),
              "A ydych chi wedi mynychu hyfforddiant yn y 12 mis diwethaf?");
    CHECK_STR(heading(x, TNA_FIELD_BARRIERS, 0), "Beth sy'n eich atal rhag dysgu?");
    CHECK_STR(heading(x, TNA_FIELD_LANGUAGE_PREFERENCE, 0), "Ym mha iaith yr hoffech chi ddysgu?");
    const tna_init_skill *k = skill_of(x, "cd-plain-english");
    CHECK_STR(k ? k->heading : "", "Ysgrifennu mewn Saesneg clir");
    k = skill_of(x, "ur-usability");
    CHECK_STR(k ? k->heading : "", "Cynnal profion defnyddioldeb");
    CHECK_INT(x->n_skills, 2);
    CHECK_INT(x->n_answers, 0); /* every answer is Welsh the reference files know */
    tna_init_export_free(x);
}

/* SurveyMonkey: a choice question's Other column becomes the field's second column, and the
 * barriers question takes its column per option; an option matching no barrier is listed. */
static void test_other_and_options(void)
{
    tna_init_export *x =
        inspect("Respondent ID,Collector ID,Start Date,End Date,Staff number,Council,"
                "What is your job role?,,What stops you learning?,,,\n"
                ",,,,Open-Ended Response,Response,Response,Other (please specify),Lack of time,"
                "Parking at County Hall,Other (please specify)\n"
                "1,9,07/01/2026 09:00:00 AM,07/01/2026 09:10:00 AM,E1,Cardiff,Content designer,,"
                "Lack of time,,\n"
                "2,9,07/01/2026 09:00:00 AM,07/01/2026 09:10:00 AM,E2,Cardiff,,Parks apprentice,,"
                "Parking at County Hall,My bus\n");
    CHECK_INT(x->fields[TNA_FIELD_ROLE].n_cols, 2);
    CHECK_STR(heading(x, TNA_FIELD_ROLE, 0), "What is your job role?");
    CHECK_STR(heading(x, TNA_FIELD_ROLE, 1), "What is your job role? - Other (please specify)");
    CHECK_INT(x->fields[TNA_FIELD_BARRIERS].n_cols, 3);
    CHECK_INT(x->fields[TNA_FIELD_BARRIERS].n_headings, 1);
    CHECK_STR(heading(x, TNA_FIELD_BARRIERS, 0), "What stops you learning?");
    /* unmatched: the typed role, and the barrier option; not the typed barrier "My bus" */
    CHECK_INT(x->n_answers, 2);
    if (x->n_answers == 2) {
        CHECK_INT(x->answers[0].field, TNA_FIELD_ROLE);
        CHECK_STR(x->answers[0].text, "Parks apprentice");
        CHECK_INT(x->answers[0].count, 1);
        CHECK_INT(x->answers[1].field, TNA_FIELD_BARRIERS);
        CHECK_STR(x->answers[1].text, "Parking at County Hall");
        CHECK_INT(x->answers[1].count, 1);
    }
    tna_init_export_free(x);
}

/* Unmatched answers: counted per text, the nearest reference value suggested, "Not sure"
 * nearest to missing rather than to a level; answers the matcher reads are not listed. */
static void test_unmatched(void)
{
    tna_init_export *x = inspect(
        "Timestamp,Email address,Which council do you work for?,What is your job role?,"
        "How confident are you? [Writing in plain English],"
        "Which language would you prefer to learn in?\n"
        "14/07/2026 09:00:00,a@x,Cyngor Caerdydd,Content designer,3 - Practitioner,Cymraeg\n"
        "14/07/2026 09:10:00,b@x,Carddiff Council,Team leader or manager,Not sure,Welsh\n"
        "14/07/2026 09:20:00,c@x,Carddiff Council,Content designer,Ymarferydd / Practitioner,"
        "Cymraeg / Welsh\n"
        "14/07/2026 09:30:00,d@x,Powys,Content designer,Not sure,Sais\n");
    CHECK_INT(x->tool, TNA_PRESET_GOOGLE_FORMS);
    CHECK_INT(x->n_answers, 4);
    const char *want[4][4] = {{"authority", "Carddiff Council", "2", "cardiff"},
                              {"role", "Team leader or manager", "1", "team-manager"},
                              {"level", "Not sure", "2", "missing"},
                              {"language_preference", "Sais", "1", "english"}};
    for (size_t i = 0; i < 4 && i < x->n_answers; i++) {
        CHECK_STR(tna_field_names[x->answers[i].field], want[i][0]);
        CHECK_STR(x->answers[i].text, want[i][1]);
        CHECK_INT(x->answers[i].count, atoi(want[i][2]));
        CHECK_STR(x->answers[i].nearest, want[i][3]);
    }
    tna_init_export_free(x);
}

/* Without a preset, a grid's rows are found after the part its headings share. */
static void test_unknown_tool(void)
{
    tna_init_export *x = inspect("Staff number;Council;Role;Skills: Writing in plain English;"
                                 "Skills: Running usability testing;Comments\n"
                                 "E1;Cardiff;Content designer;Working;None;\n"
                                 "E2;Powys;Team manager;Expert;Awareness;Fine\n");
    CHECK_INT(x->tool, TNA_PRESET_NONE);
    CHECK_STR(heading(x, TNA_FIELD_AUTHORITY, 0), "Council");
    CHECK_STR(heading(x, TNA_FIELD_ROLE, 0), "Role");
    const tna_init_skill *k = skill_of(x, "ur-usability");
    CHECK_STR(k ? k->heading : "", "Skills: Running usability testing");
    CHECK_INT(k ? (int)k->match.kind : -1, TNA_SKILL_EXACT);
    CHECK_INT(x->n_skills, 2);
    tna_init_export_free(x);
}

/* ---- the command ----------------------------------------------------------------------------- */

static char *write_export(const char *rel, const char *text)
{
    char *path = g_build_filename(tmp, rel, NULL);
    char *dir = g_path_get_dirname(path);
    g_mkdir_with_parents(dir, 0777);
    CHECK(g_file_set_contents(path, text, -1, NULL));
    g_free(dir);
    return path;
}

static const char survey[] =
    "ID,Start time,Completion time,Email,Staff number,Which council do you work for?,"
    "What is your job role?,How confident are you?.Writing in plain English\n"
    "1,14/7/26 9:00,14/7/26 9:10,a@x,E1,Cardiff,Content designer,Working\n";

static void test_periods(void)
{
    char *q2 = write_export("exports/2026-Q2/survey.csv", survey);
    char *q3 = write_export("exports/2026-Q3/survey.csv", survey);
    char *ev = write_export("exports/2026-Q3/evaluations.csv",
                            "Staff number,Council,Role,Course,Topic,Satisfaction (1-5)\n"
                            "E1,Cardiff,Content designer,Plain English day,cd-writing,5\n");
    char *config = g_build_filename(tmp, "analysis", "tna.yaml", NULL);
    const char *exports[] = {ev, q3, q2};
    tna_init_options o = {exports, 3, config, false, 0};
    tna_init_report *r = NULL;
    tna_error err = TNA_ERROR_INIT;
    CHECK_INT(tna_init_write(&o, &r, &err), TNA_OK);
    CHECK(r && r->runs);
    char *text = NULL;
    CHECK(g_file_get_contents(config, &text, NULL, NULL));
    /* two periods from the paths, oldest first; the survey first, with {period}; the
     * evaluations only in one period, so optional */
    CHECK(text && strstr(text, "periods: [\"2026-Q2\", \"2026-Q3\"]") != NULL);
    const char *s = text ? strstr(text, "path: \"../exports/{period}/survey.csv\"") : NULL;
    const char *e = text ? strstr(text, "path: \"../exports/{period}/evaluations.csv\"") : NULL;
    CHECK(s != NULL && e != NULL && s < e);
    CHECK(e && strstr(e, "optional: true") != NULL);
    CHECK(text && strstr(text, "format: evaluation") != NULL);
    /* the reference files were written beside it */
    char *roles = g_build_filename(tmp, "analysis", "roles.yaml", NULL);
    CHECK(g_file_test(roles, G_FILE_TEST_EXISTS));
    g_free(roles);
    g_free(text);
    tna_init_report_free(r);

    /* the configuration exists now: refused, and untouched */
    r = NULL;
    err = (tna_error)TNA_ERROR_INIT;
    CHECK(g_file_set_contents(config, "# mine\n", -1, NULL));
    CHECK_INT(tna_init_write(&o, &r, &err), TNA_ERR_USAGE);
    CHECK(strstr(err.message, "already exists") != NULL);
    CHECK(strstr(err.message, "--force") != NULL);
    CHECK(g_file_get_contents(config, &text, NULL, NULL));
    CHECK_STR(text, "# mine\n");
    g_free(text);
    tna_init_report_free(r);
    /* ... unless forced, and then it says so */
    r = NULL;
    o.force = true;
    CHECK_INT(tna_init_write(&o, &r, &err), TNA_OK);
    CHECK(r && r->replaced);
    tna_init_report_free(r);

    /* exports whose paths name no period: one period, from the latest submission */
    char *a = write_export("flat/survey-a.csv", survey);
    char *b = write_export("flat/survey-b.csv", survey);
    char *config2 = g_build_filename(tmp, "flat", "tna.yaml", NULL);
    const char *flat[] = {a, b};
    tna_init_options o2 = {flat, 2, config2, false, 0};
    r = NULL;
    CHECK_INT(tna_init_write(&o2, &r, &err), TNA_OK);
    CHECK(g_file_get_contents(config2, &text, NULL, NULL));
    CHECK(text && strstr(text, "periods: [\"2026-Q3\"]") != NULL);
    CHECK(text && strstr(text, "path: \"survey-a.csv\"") != NULL);
    CHECK(text && strstr(text, "path: \"survey-b.csv\"") != NULL);
    g_free(text);
    tna_init_report_free(r);

    /* periods in file names (2026Q2), and a whole date in one, which is no period */
    char *p2 = write_export("names/survey 2026Q2.csv", survey);
    char *p3 = write_export("names/survey 2026Q3.csv", survey);
    char *config3 = g_build_filename(tmp, "names", "tna.yaml", NULL);
    const char *named[] = {p3, p2};
    tna_init_options o3 = {named, 2, config3, false, 0};
    r = NULL;
    CHECK_INT(tna_init_write(&o3, &r, &err), TNA_OK);
    CHECK(g_file_get_contents(config3, &text, NULL, NULL));
    CHECK(text && strstr(text, "periods: [\"2026Q2\", \"2026Q3\"]") != NULL);
    CHECK(text && strstr(text, "path: \"survey {period}.csv\"") != NULL);
    g_free(text);
    tna_init_report_free(r);
    char *dated = write_export("dated/responses-2026-10-02.csv", survey);
    char *config4 = g_build_filename(tmp, "dated", "tna.yaml", NULL);
    const char *one[] = {dated};
    tna_init_options o4 = {one, 1, config4, false, 0};
    r = NULL;
    CHECK_INT(tna_init_write(&o4, &r, &err), TNA_OK);
    CHECK(g_file_get_contents(config4, &text, NULL, NULL));
    CHECK(text && strstr(text, "periods: [\"2026-Q3\"]") != NULL); /* from the submission */
    CHECK(text && strstr(text, "path: \"responses-2026-10-02.csv\"") != NULL);
    g_free(text);
    tna_init_report_free(r);
    g_free(config3);
    g_free(config4);
    g_free(p2);
    g_free(p3);
    g_free(dated);
    g_free(config2);
    g_free(a);
    g_free(b);
    g_free(config);
    g_free(q2);
    g_free(q3);
    g_free(ev);
}

/* Text YAML would not keep as it is: a heading with a line break, '#', ':' and quotes; an
 * answer holding a C1 control character, NEL and a line separator (YAML reads both as line
 * breaks), in the answers block. The draft still loads and reads the export. */
static void test_hostile_text(void)
{
    char *path =
        write_export("hostile/export.csv",
                     "Staff number,\"Which council\ndo you work for? # \"\"here\"\": now\",Role,"
                     "Writing in plain English\n"
                     "E1,Cardiff,Content designer,Working\n"
                     "E2,Powys,\xc2\x88Team\xc2\x85lead\xe2\x80\xa8"
                     "er,Gweithio\n"
                     "E3,Powys,\xc2\x88Team\xc2\x85lead\xe2\x80\xa8"
                     "er,Expert\n");
    char *config = g_build_filename(tmp, "hostile", "out", "tna.yaml", NULL);
    const char *one[] = {path};
    tna_init_options o = {one, 1, config, false, 0};
    tna_init_report *r = NULL;
    tna_error err = TNA_ERROR_INIT;
    CHECK_INT(tna_init_write(&o, &r, &err), TNA_OK);
    CHECK(r && r->runs);
    for (size_t i = 0; r && !r->runs && i < r->n_todo; i++)
        fprintf(stderr, "  %s\n", r->todo[i]);
    char *text = NULL;
    CHECK(g_file_get_contents(config, &text, NULL, NULL));
    CHECK(text && strstr(text, "\"\\x88Team\\x85lead\\u2028er\"") != NULL);
    CHECK(text &&
          strstr(text, "authority: \"Which council\\ndo you work for? # \\\"here\\\": now\"") !=
              NULL);
    g_free(text);
    tna_init_report_free(r);
    g_free(config);
    g_free(path);
}

/* A date is not two levels: "4/12/26" reads as no level, though "4" and "12" are sides of a
 * slash; a bilingual label with a number on one side still reads by its words. */
static void test_answer_sides(void)
{
    CHECK_INT(tna_answer_match(model, TNA_NONE, TNA_FIELD_LEVEL, 0, "4/12/26 7:48:38"),
              TNA_ANSWER_UNKNOWN);
    CHECK_INT(tna_answer_match(model, TNA_NONE, TNA_FIELD_LEVEL, 0, "5/1/26"), TNA_ANSWER_UNKNOWN);
    CHECK_INT(tna_answer_match(model, TNA_NONE, TNA_FIELD_LEVEL, 0, "1 / Awareness"), 1);
    CHECK_INT(tna_answer_match(model, TNA_NONE, TNA_FIELD_LEVEL, 0, "Ymarferydd / Practitioner"),
              3);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    tmp = g_dir_make_tmp("tna-init-XXXXXX", NULL);
    char *ref = g_build_filename(tmp, "reference", NULL);
    tna_error err = TNA_ERROR_INIT;
    int written = 0;
    if (tna_init_reference(ref, &model, &written, &err) != TNA_OK) {
        fprintf(stderr, "reference: %s\n", err.message);
        return 1;
    }
    if (written != 5) { /* three frameworks, roles, authorities */
        fprintf(stderr, "reference: %d files written, not 5\n", written);
        return 1;
    }
    RUN(test_skill_names);
    RUN(test_tools);
    RUN(test_respondent);
    RUN(test_welsh);
    RUN(test_other_and_options);
    RUN(test_unmatched);
    RUN(test_unknown_tool);
    RUN(test_periods);
    RUN(test_hostile_text);
    RUN(test_answer_sides);
    int rc = g_test_run();
    tna_model_free(model);
    remove_tree(tmp);
    g_free(ref);
    g_free(tmp);
    return rc;
}
