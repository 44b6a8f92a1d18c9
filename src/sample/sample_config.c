/*
 * sample_config.c - the tna.yaml of the sample dataset.
 *
 * Three sources, one per export the sample writes: the Microsoft Forms staff survey (wide,
 * month-first dates, a column per skill headed by the skill's name), line-manager ratings
 * (long, ISO dates) and course evaluations (day-first dates). Manager ratings win over
 * self-assessment (rater_policy: manager_first).
 *
 * The expectations are chosen from the loaded model, by the shipped ids where they exist
 * (user-research, user-researcher, dd-ai, cd-accessibility) and otherwise the first of each
 * kind, so the file always loads. Their targets are set against what the generator
 * produces, so a run shows a mix of green, amber and red: see expectation_list().
 *
 * output.dir is ../reports/{period}, relative to tna.yaml: with the sample written to
 * inputs/, reports land in reports/ at the top of the repository.
 *
 * Strings are written double-quoted with ", \ and control characters escaped, so names
 * with colons, quotes or '#' stay intact.
 */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "population.h"
#include "tna/config.h"
#include "tna/sample.h"

/* A YAML double-quoted scalar. */
static void yq(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c == '"' || *c == '\\')
            fprintf(f, "\\%c", *c);
        else if (*c == '\n')
            fputs("\\n", f);
        else if (*c == '\t')
            fputs("\\t", f);
        else if (*c < 0x20 || *c == 0x7f)
            fprintf(f, "\\x%02x", *c);
        else
            fputc(*c, f);
    }
    fputc('"', f);
}

/* `  key: "value"` on its own line, at the given indent. */
static void ykv(FILE *f, int indent, const char *key, const char *value)
{
    fprintf(f, "%*s%s: ", indent, "", key);
    yq(f, value);
    fputc('\n', f);
}

typedef struct column {
    const char *field, *heading;
} column;

static void write_columns(FILE *f, const column *cols, size_t n)
{
    fputs("    columns:\n", f);
    for (size_t i = 0; i < n; i++)
        ykv(f, 6, cols[i].field, cols[i].heading);
}

/* ---- sources --------------------------------------------------------------------------------- */

static void write_survey_source(FILE *f, const tna_model *m)
{
    static const column cols[] = {
        {"respondent", "Staff number"},
        {"authority", "Which council do you work for?"},
        {"role", "What is your job role?"},
        {"submitted", "Completion time"},
        {"trained", "Have you attended training in the last 12 months?"},
        {"barriers", "What stops you learning?"},
        {"language_preference", "Which language would you prefer to learn in?"},
    };
    fputs("  # Microsoft Forms, saved from Excel as CSV UTF-8: M/D/YY dates, multi-select\n"
          "  # answers each followed by \";\", one column per skill headed by its name.\n"
          "  - name: staff-survey\n"
          "    format: wide\n"
          "    preset: microsoft-forms\n"
          "    path: \"{period}/staff-survey.csv\"\n"
          "    date_format: mdy\n",
          f);
    write_columns(f, cols, G_N_ELEMENTS(cols));
    fputs("    barrier_separator: \";\"\n"
          "    skills:\n",
          f);
    for (size_t k = 0; k < m->n_skills; k++) {
        fputs("      ", f);
        yq(f, m->skills[k].name);
        fputs(": ", f);
        yq(f, m->skills[k].id);
        fputc('\n', f);
    }
}

static void write_other_sources(FILE *f)
{
    static const column ratings[] = {
        {"respondent", "Staff number"},
        {"authority", "Council"},
        {"role", "Role"},
        {"submitted", "Rated on"},
        {"rater", "Rater"},
        {"skill", "Skill"},
        {"level", "Level"},
    };
    static const column evaluations[] = {
        {"respondent", "Staff number"},
        {"authority", "Council"},
        {"role", "Role"},
        {"course", "Course"},
        {"topic", "Topic"},
        {"satisfaction", "Satisfaction (1-5)"},
        {"before", "Level before"},
        {"after", "Level after"},
        {"applied", "Have you used what you learned?"},
        {"submitted", "Date"},
    };
    fputs("  # Line managers' ratings from the HR system: a row per person and skill.\n"
          "  - name: manager-ratings\n"
          "    format: long\n"
          "    path: \"{period}/manager-ratings.csv\"\n"
          "    date_format: iso\n",
          f);
    write_columns(f, ratings, G_N_ELEMENTS(ratings));
    fputs("  # Post-course feedback from the learning platform: the current period only, so an\n"
          "  # earlier period has no such file (optional).\n"
          "  - name: course-evaluations\n"
          "    format: evaluation\n"
          "    path: \"{period}/course-evaluations.csv\"\n"
          "    optional: true\n"
          "    date_format: dmy\n",
          f);
    write_columns(f, evaluations, G_N_ELEMENTS(evaluations));
}

/* ---- expectations ---------------------------------------------------------------------------- */

typedef struct expectation {
    const char *id;
    char title[256], title_cy[256];
    const char *metric;
    const char *scope_key[2]; /* "framework", "role", "topic"; NULL when unused */
    const char *scope_val[2];
    bool has_baseline;
    double baseline, target;
} expectation;

/* An entry's id, with its English and Welsh names (the English where it has no Welsh). */
static const char *named(const char *id, const char *name, const char *name_cy, const char **en,
                         const char **cy)
{
    *en = name;
    *cy = name_cy && name_cy[0] ? name_cy : name;
    return id;
}

static const char *framework_id(const tna_model *m, const char *want, const char **name,
                                const char **name_cy)
{
    uint32_t i = tna_model_find_framework(m, want);
    i = i != TNA_NONE ? i : 0;
    const tna_framework *f = &m->frameworks[i];
    return named(f->id, f->name, f->name_cy, name, name_cy);
}

static const char *topic_id(const tna_model *m, const char *want, const char **name,
                            const char **name_cy)
{
    uint32_t i = tna_model_find_topic(m, want);
    i = i != TNA_NONE ? i : 0;
    const tna_topic *t = &m->topics[i];
    return named(t->id, t->name, t->name_cy, name, name_cy);
}

static const char *role_id(const tna_model *m, const char *want, const char **name,
                           const char **name_cy)
{
    size_t i = 0;
    while (i < m->n_roles && strcmp(m->roles[i].id, want) != 0)
        i++;
    const tna_role *r = &m->roles[i < m->n_roles ? i : 0];
    return named(r->id, r->name, r->name_cy, name, name_cy);
}

/* A name in the middle of a sentence: "User researcher" -> "user researcher", but an
 * initialism stays ("AI awareness"). The Welsh titles name a topic or framework after "ym
 * maes" and a role after "yn rôl", where no mutation is needed. */
static const char *mid_sentence(const char *name, char *buf, size_t size)
{
    snprintf(buf, size, "%s", name);
    if (g_ascii_isupper(buf[0]) && g_ascii_islower(buf[1]))
        buf[0] = g_ascii_tolower(buf[0]);
    return buf;
}

/* The expectations. Their targets are set against what the generator produces (measured
 * at 2,000 to 20,000 staff over several seeds), so a run shows every status:
 *   red    user researchers at target: about 0.4 against 0.8 from a baseline of 0.2;
 *   green  mean gap in AI awareness: about 0.60 falls to 0.55-0.56, target 0.57;
 *   red    staff needing accessibility training: falls about 3%, a fifth hoped for;
 *   green  course satisfaction: about 4.0 against 3.9 from 3.5;
 *   amber  learning uplift: about 1.0 against 1.2 from 0.5;
 *   amber  learners applying what they learned: about 0.78 against 0.85 from 0.6;
 *   green  trained minus untrained change in mean gap: about -0.06, target -0.05.
 * Small samples (a few hundred staff) are noisier and may land elsewhere. */
static size_t expectation_list(const tna_model *m, size_t staff, expectation *x)
{
    const char *fw_name, *role_name, *ai_name, *a11y_name, *fw_cy, *role_cy, *ai_cy, *a11y_cy;
    const char *fw = framework_id(m, "user-research", &fw_name, &fw_cy);
    const char *role = role_id(m, "user-researcher", &role_name, &role_cy);
    const char *ai = topic_id(m, "dd-ai", &ai_name, &ai_cy);
    const char *a11y = topic_id(m, "cd-accessibility", &a11y_name, &a11y_cy);
    char b1[128], b2[128];
    size_t n = 0;

    x[n] = (expectation){.id = "ur-practitioners",
                         .metric = "share_at_target",
                         .scope_key = {"framework", "role"},
                         .scope_val = {fw, role},
                         .has_baseline = true,
                         .baseline = 0.2,
                         .target = 0.8};
    snprintf(x[n].title, sizeof x->title, "Four in five %ss at target in %s",
             mid_sentence(role_name, b1, sizeof b1), mid_sentence(fw_name, b2, sizeof b2));
    snprintf(x[n++].title_cy, sizeof x->title_cy,
             "Pedwar o bob pump o staff yn rôl %s ar y targed ym maes %s",
             mid_sentence(role_cy, b1, sizeof b1), mid_sentence(fw_cy, b2, sizeof b2));

    /* the same people's skills rather than the people: within reach where the above is not */
    x[n] = (expectation){.id = "ur-skills-at-target",
                         .metric = "share_skills_at_target",
                         .scope_key = {"framework", "role"},
                         .scope_val = {fw, role},
                         .target = 0.6};
    snprintf(x[n].title, sizeof x->title, "Three in five of %ss' skills at target in %s",
             mid_sentence(role_name, b1, sizeof b1), mid_sentence(fw_name, b2, sizeof b2));
    snprintf(x[n++].title_cy, sizeof x->title_cy,
             "Tri o bob pump o sgiliau staff yn rôl %s ar y targed ym maes %s",
             mid_sentence(role_cy, b1, sizeof b1), mid_sentence(fw_cy, b2, sizeof b2));

    x[n] = (expectation){.id = "ai-gap",
                         .metric = "mean_gap",
                         .scope_key = {"topic"},
                         .scope_val = {ai},
                         .target = 0.57};
    snprintf(x[n].title, sizeof x->title, "Mean gap in %s down to 0.57",
             mid_sentence(ai_name, b1, sizeof b1));
    snprintf(x[n++].title_cy, sizeof x->title_cy, "Bwlch cymedrig ym maes %s i lawr i 0.57",
             mid_sentence(ai_cy, b1, sizeof b1));

    /* About 29% of staff need this topic in the first period; a fifth fewer is 23%. */
    x[n] = (expectation){.id = "accessibility-learners",
                         .metric = "learners_needing",
                         .scope_key = {"topic"},
                         .scope_val = {a11y},
                         .target = round(0.23 * (double)staff)};
    snprintf(x[n].title, sizeof x->title, "A fifth fewer staff needing %s",
             mid_sentence(a11y_name, b1, sizeof b1));
    snprintf(x[n++].title_cy, sizeof x->title_cy,
             "Un rhan o bump yn llai o staff sydd angen hyfforddiant ym maes %s",
             mid_sentence(a11y_cy, b1, sizeof b1));

    x[n] = (expectation){.id = "course-satisfaction",
                         .metric = "satisfaction",
                         .has_baseline = true,
                         .baseline = 3.5,
                         .target = 3.9};
    snprintf(x[n].title, sizeof x->title, "Courses rated 3.9 out of 5 or better");
    snprintf(x[n++].title_cy, sizeof x->title_cy,
             "Cyrsiau'n cael eu graddio'n 3.9 allan o 5 neu'n well");

    x[n] = (expectation){.id = "learning-uplift",
                         .metric = "learning_uplift",
                         .has_baseline = true,
                         .baseline = 0.5,
                         .target = 1.2};
    snprintf(x[n].title, sizeof x->title, "Courses lift learners 1.2 levels on average");
    snprintf(x[n++].title_cy, sizeof x->title_cy,
             "Cyrsiau'n codi dysgwyr 1.2 lefel ar gyfartaledd");

    x[n] = (expectation){.id = "learning-applied",
                         .metric = "applied_rate",
                         .has_baseline = true,
                         .baseline = 0.6,
                         .target = 0.85};
    snprintf(x[n].title, sizeof x->title, "85%% of learners use what they learned at work");
    snprintf(x[n++].title_cy, sizeof x->title_cy,
             "85%% o ddysgwyr yn defnyddio'r hyn a ddysgwyd ganddynt yn y gwaith");

    x[n] = (expectation){.id = "training-closes-gaps",
                         .metric = "trained_vs_untrained",
                         .has_baseline = true,
                         .baseline = 0.0,
                         .target = -0.05};
    snprintf(x[n].title, sizeof x->title,
             "Trained staff close gaps 0.05 of a level faster than untrained staff");
    snprintf(x[n++].title_cy, sizeof x->title_cy,
             "Staff a hyfforddwyd yn cau bylchau 0.05 o lefel yn gyflymach na staff heb eu "
             "hyfforddi");
    return n;
}

/* The period after the last one ("2026-Q3" -> "2026-Q4"), or "" if not YYYY-Qn. */
static void next_period(const tna_model *m, char *buf, size_t size)
{
    int year, q;
    char tail;
    buf[0] = '\0';
    if (m->n_periods > 0 &&
        sscanf(m->periods[m->n_periods - 1], "%d-Q%d%c", &year, &q, &tail) == 2 && q >= 1 && q <= 4)
        snprintf(buf, size, "%d-Q%d", q == 4 ? year + 1 : year, q == 4 ? 1 : q + 1);
}

static void write_expectations(FILE *f, const tna_model *m, size_t staff)
{
    expectation x[9];
    size_t n = expectation_list(m, staff, x);
    char due[32];
    next_period(m, due, sizeof due);
    fputs("\n# Return on expectations, as agreed with stakeholders. Without a baseline the\n"
          "# first period's figure is the baseline.\n"
          "expectations:\n",
          f);
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "  - id: %s\n", x[i].id);
        ykv(f, 4, "title", x[i].title);
        ykv(f, 4, "title_cy", x[i].title_cy);
        fprintf(f, "    metric: %s\n", x[i].metric);
        if (x[i].scope_key[0] != NULL) {
            fputs("    scope: {", f);
            for (int s = 0; s < 2 && x[i].scope_key[s] != NULL; s++) {
                fprintf(f, "%s%s: ", s ? ", " : "", x[i].scope_key[s]);
                yq(f, x[i].scope_val[s]);
            }
            fputs("}\n", f);
        }
        if (x[i].has_baseline)
            fprintf(f, "    baseline: %g\n", x[i].baseline);
        fprintf(f, "    target: %g\n", x[i].target);
        if (due[0] != '\0')
            ykv(f, 4, "due", due);
    }
}

/* Mentors, priorities and the budget: the planning keys of a run. */
static void write_plan_keys(FILE *f, const tna_model *m, size_t staff)
{
    fputs("\n# An expert in a topic (a potential mentor) is at Expert in at least half of the\n"
          "# topic's skills they answered.\n"
          "mentors: {min_level: 4, min_share: 0.5}\n",
          f);
    if (m != NULL) {
        const char *name, *name_cy;
        fputs("\n# Weights from the business plans: accessible content is this year's legal duty,\n"
              "# user research backs the service redesign programme.\n"
              "priorities:\n  - {topic: ",
              f);
        yq(f, topic_id(m, "cd-accessibility", &name, &name_cy));
        fputs(", weight: 2}\n  - {framework: ", f);
        yq(f, framework_id(m, "user-research", &name, &name_cy));
        fputs(", weight: 1.5}\n", f);
    }
    fprintf(f,
            "\ncommissioning:\n"
            "  cohort_min: 8\n"
            "  cohort_max: 16\n"
            "  cost_per_cohort: 3500\n"
            "  cost_per_elearning_learner: 40\n"
            "  cost_per_open_place: 650    # a place on an open course, where too few for a cohort\n"
            "  elearning_max_gap: 1\n"
            "  budget: %zu              # what the plan may spend: what it buys is in the reports\n",
            staff * 75);
}

/* ---- the file -------------------------------------------------------------------------------- */

tna_status tna_sample_config_write(const char *dir, size_t staff, const tna_model *model,
                               tna_error *err)
{
    sample_file out;
    tna_status st = tna_sample_file_open(&out, dir, "tna.yaml", err);
    if (st != TNA_OK)
        return tna_sample_file_close(&out, err) == TNA_OK ? st : err->code;
    FILE *f = out.f;
    char title[128], title_cy[128];
    snprintf(title, sizeof title, "Digital skills training-needs analysis (sample, %zu staff)",
             staff);
    snprintf(title_cy, sizeof title_cy,
             "Dadansoddiad o anghenion hyfforddi sgiliau digidol (sampl, %zu aelod o staff)",
             staff);

    fputs("# Written by `tna sample`: a synthetic dataset for trying tna. Run it with\n"
          "#   tna run tna.yaml\n"
          "# (from this directory, or give the path). Paths are relative to this file;\n"
          "# reports go to ../reports/{period}, i.e. next to this directory.\n",
          f);
    ykv(f, 0, "title", title);
    ykv(f, 0, "title_cy", title_cy);
    fputs("language: en\n"
          "periods: [\"2026-Q2\", \"2026-Q3\"]   # oldest first; the last is current\n"
          "frameworks:\n",
          f);
    for (const tna_embedded_file *e = tna_reference_files; e->path != NULL; e++)
        if (strncmp(e->path, "frameworks/", 11) == 0) {
            fputs("  - ", f);
            yq(f, e->path);
            fputc('\n', f);
        }
    fputs("roles: roles.yaml\n"
          "authorities: authorities.yaml\n"
          "barriers: barriers.yaml\n"
          "\nsources:\n",
          f);
    if (model != NULL)
        write_survey_source(f, model);
    write_other_sources(f);
    fputs("\n# Where a manager and the person both rated a skill, the manager's rating counts.\n"
          "rater_policy: manager_first\n",
          f);
    if (model != NULL)
        write_expectations(f, model, staff);
    write_plan_keys(f, model, staff);
    fputs("privacy:\n"
          "  min_group_size: 5\n"
          "output:\n"
          "  dir: \"../reports/{period}\"\n",
          f);
    return tna_sample_file_close(&out, err);
}
