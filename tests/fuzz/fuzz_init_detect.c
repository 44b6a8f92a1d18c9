/*
 * fuzz_init_detect.c - `tna init` on any file: recognising the tool, the header rows, the
 * fields, the rating columns and the unmatched answers (tna_init_inspect_buffer), then the
 * whole command on the same bytes as a file (tna_init_write), against the shipped reference
 * files. Checks, beyond no crash and no leak:
 *   - inspecting gives a mapping or an error with a message, never both;
 *   - the mapping is consistent: every column it names exists; no column serves two fields,
 *     or a field and a skill; no skill is rated by two columns; a field that has columns has
 *     headings; every unmatched answer has text and a count;
 *   - the command (run on every complete mapping, and every 16th other input, as it is
 *     slower) agrees with the inspection (the same status), and when the mapping has
 *     everything the format needs (wide: council, role and a skill; long: council, role,
 *     skill and level; evaluation: course, skill or topic, and what was felt or learnt) the
 *     configuration it wrote loads and reads the file: "runs" is true. So a heading init
 *     writes always finds its column, whatever the header holds (quotes, colons, '#', line
 *     breaks, headings repeated, grids nested in grids).
 * Runs from the repository root.
 */
#include <string.h>

#include "fuzz.h"
#include "tna/config.h"
#include "tna/init.h"

static tna_model *model;
static char *export_path, *config_path;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    const char *scratch = fuzz_scratch();
    char *ref = g_build_filename(scratch, "out", NULL);
    tna_error err = TNA_ERROR_INIT;
    if (tna_init_reference(ref, &model, NULL, &err) != TNA_OK) {
        fprintf(stderr, "%s\n", err.message);
        abort();
    }
    g_free(ref);
    export_path = g_build_filename(scratch, "export.csv", NULL);
    config_path = g_build_filename(scratch, "out", "tna.yaml", NULL);
    return 0;
}

static bool found(const tna_init_export *x, tna_field f)
{
    return x->fields[f].n_cols > 0;
}

/* Everything the format needs is mapped. */
static bool complete(const tna_init_export *x)
{
    size_t placed = 0;
    for (size_t i = 0; i < x->n_skills; i++)
        placed += x->skills[i].match.skill != TNA_NONE;
    switch (x->format) {
    case TNA_FORMAT_WIDE:
        return found(x, TNA_FIELD_AUTHORITY) && found(x, TNA_FIELD_ROLE) && placed > 0;
    case TNA_FORMAT_LONG:
        return found(x, TNA_FIELD_AUTHORITY) && found(x, TNA_FIELD_ROLE) &&
               found(x, TNA_FIELD_SKILL) && found(x, TNA_FIELD_LEVEL);
    case TNA_FORMAT_EVALUATION:
        return found(x, TNA_FIELD_COURSE) &&
               (found(x, TNA_FIELD_SKILL) || found(x, TNA_FIELD_TOPIC)) &&
               (found(x, TNA_FIELD_SATISFACTION) || found(x, TNA_FIELD_APPLIED) ||
                (found(x, TNA_FIELD_BEFORE) && found(x, TNA_FIELD_AFTER)));
    }
    return false;
}

static void check_mapping(const tna_init_export *x)
{
    FUZZ_ASSERT(x->tool >= TNA_PRESET_NONE && x->tool <= TNA_PRESET_SMARTSURVEY);
    FUZZ_ASSERT(x->header_rows >= 1 && x->header_rows <= 3);
    FUZZ_ASSERT(x->rows >= 0);
    int *owner = calloc(x->n_columns + 1, sizeof *owner); /* field + 1, or -(skill + 1) */
    FUZZ_ASSERT(owner != NULL);
    for (int f = 0; f < TNA_FIELD_COUNT; f++) {
        const tna_init_field *fl = &x->fields[f];
        FUZZ_ASSERT((fl->n_cols == 0) == (fl->n_headings == 0));
        for (size_t h = 0; h < fl->n_headings; h++)
            FUZZ_ASSERT(fl->headings[h] != NULL && fl->headings[h][0] != '\0');
        for (size_t i = 0; i < fl->n_cols; i++) {
            int c = fl->cols[i];
            FUZZ_ASSERT(c >= 0 && (size_t)c < x->n_columns);
            FUZZ_ASSERT(owner[c] == 0);
            owner[c] = f + 1;
        }
    }
    bool *rated = calloc(model->n_skills + 1, sizeof *rated);
    FUZZ_ASSERT(rated != NULL);
    for (size_t i = 0; i < x->n_skills; i++) {
        const tna_init_skill *k = &x->skills[i];
        FUZZ_ASSERT(k->col >= 0 && (size_t)k->col < x->n_columns);
        FUZZ_ASSERT(owner[k->col] == 0);
        owner[k->col] = -1;
        FUZZ_ASSERT(k->heading != NULL && k->heading[0] != '\0');
        FUZZ_ASSERT((k->match.skill == TNA_NONE) == (k->match.kind == TNA_SKILL_NONE));
        if (k->match.skill != TNA_NONE) {
            FUZZ_ASSERT(k->match.skill < model->n_skills);
            FUZZ_ASSERT(!rated[k->match.skill]);
            rated[k->match.skill] = true;
        }
    }
    for (size_t i = 0; i < x->n_answers; i++)
        FUZZ_ASSERT(x->answers[i].text != NULL && x->answers[i].text[0] != '\0' &&
                    x->answers[i].count > 0);
    free(rated);
    free(owner);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tna_init_export *x = NULL;
    tna_error err = TNA_ERROR_INIT;
    tna_status st =
        tna_init_inspect_buffer(model, "export.csv", (const char *)data, size, &x, &err);
    FUZZ_ASSERT((st == TNA_OK) == (x != NULL));
    FUZZ_ASSERT(st == TNA_OK || err.message[0] != '\0');
    if (x != NULL)
        check_mapping(x);
    /* the whole command costs two loads of the reference files: run it where its promise
     * bites (a complete mapping), and on every 16th other input for the status */
    static unsigned count;
    if (!(x != NULL && complete(x)) && count++ % 16 != 0) {
        tna_init_export_free(x);
        return 0;
    }
    g_free(fuzz_write("export.csv", data, size));
    const char *exports[] = {export_path};
    tna_init_options o = {exports, 1, config_path, true, 1783296000};
    tna_init_report *r = NULL;
    tna_error werr = TNA_ERROR_INIT;
    tna_status wst = tna_init_write(&o, &r, &werr);
    FUZZ_ASSERT(wst == st);
    if (wst == TNA_OK && complete(x)) {
        if (!r->runs)
            for (size_t i = 0; i < r->n_todo; i++)
                fprintf(stderr, "  %s\n", r->todo[i]);
        FUZZ_ASSERT(r->runs);
    }
    tna_init_report_free(r);
    tna_init_export_free(x);
    return 0;
}
